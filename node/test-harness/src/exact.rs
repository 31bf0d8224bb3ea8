//! x402 `exact` payments on the chain's EVM network as stock clients build them: an EIP-3009
//! authorization signed by an EVM key, wrapped in the body of `POST /verify` and `/settle`.

use agentchain_primitives::{
	stablecoin,
	x402::{evm_address, PaymentIntent, Purpose},
	AccountId, AssetId, Balance, DEV_EVM_CHAIN_ID,
};
use polkadot_sdk::{
	sp_core::{ecdsa, H160, H256},
	sp_crypto_hashing::keccak_256,
};
use serde_json::{json, Value};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::evm;

/// Now, in unix seconds.
pub fn unix_now() -> u64 {
	SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// The development chain's EVM network, `eip155:<chain id>`.
pub fn network() -> String {
	network_of(DEV_EVM_CHAIN_ID)
}

/// The EVM network of the chain with EVM chain id `chain_id`.
pub fn network_of(chain_id: u64) -> String {
	format!("eip155:{chain_id}")
}

/// The stablecoin's 20-byte address, as resource servers price in it.
pub fn stablecoin_address() -> String {
	format!("{:?}", evm_address::asset_address(stablecoin::ASSET_ID))
}

/// The account an EVM key's payments come from.
pub fn account_of(payer: &ecdsa::Pair) -> AccountId {
	AccountId::new(evm_address::embedded_account(evm::address_of(payer)))
}

/// The 20-byte address a payment to `payee` is made out to.
pub fn address_of(payee: &AccountId) -> H160 {
	evm_address::address_of(payee.as_ref())
}

/// A resource server's requirements on the development chain: `amount` of the stablecoin to
/// `pay_to`.
pub fn requirements(amount: Balance, pay_to: H160) -> Value {
	requirements_on(DEV_EVM_CHAIN_ID, amount, pay_to)
}

/// [`requirements`] on the chain with EVM chain id `chain_id`.
pub fn requirements_on(chain_id: u64, amount: Balance, pay_to: H160) -> Value {
	json!({
		"scheme": "exact",
		"network": network_of(chain_id),
		"amount": amount.to_string(),
		"asset": stablecoin_address(),
		"payTo": format!("{pay_to:?}"),
		"maxTimeoutSeconds": 120,
		"extra": { "name": stablecoin::NAME, "version": stablecoin::EIP712_VERSION },
	})
}

/// EIP-3009's `TransferWithAuthorization` message, less its parties.
#[derive(Debug, Clone)]
pub struct Authorization {
	pub value: Balance,
	pub valid_after: u64,
	pub valid_before: u64,
	pub nonce: [u8; 32],
}

impl Authorization {
	/// `value`, valid from ten minutes ago for two minutes, with a nonce derived from `seed`.
	pub fn new(value: Balance, seed: &[u8]) -> Self {
		let now = unix_now();
		Self { value, valid_after: now - 600, valid_before: now + 120, nonce: keccak_256(seed) }
	}

	/// The chain's intent for this authorization from `payer` to `payee`.
	pub fn intent(
		&self,
		payer: &ecdsa::Pair,
		payee: &AccountId,
	) -> PaymentIntent<AccountId, AssetId, Balance> {
		PaymentIntent {
			payer: account_of(payer),
			payee: payee.clone(),
			asset: stablecoin::ASSET_ID,
			amount: self.value,
			valid_after: self.valid_after,
			valid_before: self.valid_before,
			nonce: self.nonce,
			reference: None,
		}
	}

	/// The EIP-712 signature of this authorization from `payer` to `payee` on the network with
	/// EVM chain id `chain_id`, as an EVM wallet makes it.
	pub fn signature(&self, payer: &ecdsa::Pair, payee: &AccountId, chain_id: u64) -> [u8; 65] {
		let digest = stablecoin::eip712_domain(chain_id)
			.intent_digest(Purpose::Transfer, &self.intent(payer, payee))
			.expect("an EVM payer");
		evm::sign_digest(payer, &digest)
	}

	/// The facilitator request of this authorization from `payer` to `payee`, signed as an
	/// EVM wallet signs it for the network `required` names, paying `required`.
	pub fn request(&self, payer: &ecdsa::Pair, payee: &AccountId, required: Value) -> Value {
		let chain_id = required["network"]
			.as_str()
			.and_then(|network| network.strip_prefix("eip155:"))
			.and_then(|id| id.parse().ok())
			.expect("requirements on an eip155 network");
		json!({
			"x402Version": 2,
			"paymentPayload": {
				"x402Version": 2,
				"accepted": required.clone(),
				"payload": {
					"signature": format!("0x{}", hex::encode(self.signature(payer, payee, chain_id))),
					"authorization": {
						"from": format!("{:?}", evm::address_of(payer)),
						"to": format!("{:?}", address_of(payee)),
						"value": self.value.to_string(),
						"validAfter": self.valid_after.to_string(),
						"validBefore": self.valid_before.to_string(),
						"nonce": format!("0x{}", hex::encode(self.nonce)),
					},
				},
			},
			"paymentRequirements": required,
		})
	}
}

/// The payment id of `authorization` from `payer`.
pub fn payment_id(payer: &ecdsa::Pair, authorization: &Authorization) -> H256 {
	agentchain_primitives::x402::payment_id(&account_of(payer), &authorization.nonce)
}
