//! Permit2 payments (`exact` through Permit2, and `upto`) as stock x402 EVM clients build them:
//! a `PermitWitnessTransferFrom` signed by an EVM key, wrapped in the body of `POST /verify`
//! and `/settle`.

use agentchain_primitives::{
	stablecoin,
	x402::{
		evm_address,
		permit2::{self, Permit, Permit2Spender},
		DEV_FACILITATOR_ACCOUNT,
	},
	Balance, DEV_EVM_CHAIN_ID,
};
use polkadot_sdk::{
	sp_core::{ecdsa, H160},
	sp_crypto_hashing::keccak_256,
};
use serde_json::{json, Value};

use crate::{
	evm,
	exact::{self, unix_now},
};

/// The development facilitator's 20-byte address: what `upto` permits on a dev chain name.
pub fn dev_facilitator_address() -> H160 {
	evm_address::address_of(&DEV_FACILITATOR_ACCOUNT)
}

/// Requirements of `scheme` (`exact` or `upto`) for `amount` of the stablecoin to `pay_to`
/// through Permit2, as the stock servers write them.
pub fn requirements(scheme: &str, amount: Balance, pay_to: H160) -> Value {
	let mut required = exact::requirements(amount, pay_to);
	required["scheme"] = scheme.into();
	required["extra"]["assetTransferMethod"] = "permit2".into();
	if scheme == "upto" {
		required["extra"]["facilitatorAddress"] = format!("{:?}", dev_facilitator_address()).into();
	}
	required
}

/// A permit from an EVM key, as a stock client fills it in.
#[derive(Debug, Clone)]
pub struct SignedPermit {
	pub permit: Permit,
	/// `Exact`, or `Upto` with the permit's maximum and the facilitator it names.
	pub spender: Permit2Spender,
}

impl SignedPermit {
	/// `amount` to `pay_to`, valid from 0 for two minutes, nonce from `seed`; an `upto`
	/// permit when `upto_facilitator` is given, naming it.
	pub fn new(amount: Balance, pay_to: H160, seed: &[u8], upto_facilitator: Option<H160>) -> Self {
		Self {
			permit: Permit {
				token: evm_address::asset_address(stablecoin::ASSET_ID),
				permitted: amount,
				nonce: keccak_256(seed),
				deadline: unix_now() + 120,
				to: pay_to,
				valid_after: 0,
			},
			spender: match upto_facilitator {
				Some(facilitator) => Permit2Spender::Upto { max: amount, facilitator },
				None => Permit2Spender::Exact,
			},
		}
	}

	/// The payer's signature over this permit on the development chain.
	pub fn signature(&self, payer: &ecdsa::Pair) -> [u8; 65] {
		evm::sign_digest(payer, &permit2::digest(DEV_EVM_CHAIN_ID, &self.permit, &self.spender))
	}

	/// The stock `payload` of this permit signed by `payer`.
	pub fn payload(&self, payer: &ecdsa::Pair) -> Value {
		self.payload_with(payer, self.signature(payer))
	}

	/// The stock `payload` of this permit from `payer` with `signature`, whatever it signed.
	pub fn payload_with(&self, payer: &ecdsa::Pair, signature: [u8; 65]) -> Value {
		let permit = &self.permit;
		let mut witness = json!({
			"to": format!("{:?}", permit.to),
			"validAfter": permit.valid_after.to_string(),
		});
		if let Permit2Spender::Upto { facilitator, .. } = &self.spender {
			witness["facilitator"] = format!("{facilitator:?}").into();
		}
		json!({
			"signature": format!("0x{}", hex::encode(signature)),
			"permit2Authorization": {
				"from": format!("{:?}", evm::address_of(payer)),
				"permitted": {
					"token": format!("{:?}", permit.token),
					"amount": permit.permitted.to_string(),
				},
				"spender": format!("{:?}", self.spender.address()),
				"nonce": polkadot_sdk::sp_core::U256::from_big_endian(&permit.nonce).to_string(),
				"deadline": permit.deadline.to_string(),
				"witness": witness,
			},
		})
	}
}

/// The facilitator request of `payload` for `required` (what the payer accepted), with
/// `charged` as the requirements' amount (an `upto` settle's charge) when given.
pub fn request(payload: Value, required: &Value, charged: Option<Balance>) -> Value {
	let mut requirements = required.clone();
	if let Some(charged) = charged {
		requirements["amount"] = charged.to_string().into();
	}
	json!({
		"x402Version": 2,
		"paymentPayload": { "x402Version": 2, "accepted": required, "payload": payload },
		"paymentRequirements": requirements,
	})
}
