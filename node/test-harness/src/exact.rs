//! x402 `exact` payments on the chain's EVM network as stock clients build them: an EIP-3009
//! authorization signed by an EVM key, wrapped in the body of `POST /verify` and `/settle`.

use agentchain_primitives::{
	stablecoin,
	x402::{evm_address, PaymentIntent, Purpose},
	AccountId, AssetId, Balance, EVM_CHAIN_ID,
};
use polkadot_sdk::{
	sp_core::{ecdsa, H160},
	sp_crypto_hashing::keccak_256,
};
use serde_json::{json, Value};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::evm;

/// Now, in unix seconds.
pub fn unix_now() -> u64 {
	SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// The chain's EVM network id, `eip155:<chain id>`.
pub fn network() -> String {
	format!("eip155:{EVM_CHAIN_ID}")
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

/// A resource server's requirements: `amount` of the stablecoin to `pay_to`.
pub fn requirements(amount: Balance, pay_to: H160) -> Value {
	json!({
		"scheme": "exact",
		"network": network(),
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

	/// The facilitator request of this authorization from `payer` to `payee`, signed as an
	/// EVM wallet signs it, paying `required`.
	pub fn request(&self, payer: &ecdsa::Pair, payee: &AccountId, required: Value) -> Value {
		let intent = PaymentIntent::<AccountId, AssetId, Balance> {
			payer: account_of(payer),
			payee: payee.clone(),
			asset: stablecoin::ASSET_ID,
			amount: self.value,
			valid_after: self.valid_after,
			valid_before: self.valid_before,
			nonce: self.nonce,
			reference: None,
		};
		let digest = stablecoin::eip712_domain().intent_digest(Purpose::Transfer, &intent).expect("an EVM payer");
		json!({
			"x402Version": 2,
			"paymentPayload": {
				"x402Version": 2,
				"accepted": required.clone(),
				"payload": {
					"signature": format!("0x{}", hex::encode(evm::sign_digest(payer, &digest))),
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
