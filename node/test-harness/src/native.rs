//! Payment intents signed by native (sr25519) payers, as a Substrate wallet signs them.

use agentchain_primitives::{
	stablecoin,
	x402::{native_signing_payload, IntentSignature, PaymentIntent, Purpose},
	AccountId, AssetId, Balance, Hash,
};
use polkadot_sdk::{
	sp_core::{sr25519, Pair},
	sp_crypto_hashing::keccak_256,
	sp_runtime::MultiSignature,
};

use crate::exact::unix_now;

/// An intent as the runtime takes it.
pub type Intent = PaymentIntent<AccountId, AssetId, Balance>;

/// A stablecoin intent from `payer` to `payee` valid from ten minutes ago to five minutes
/// ahead, with a nonce and reference derived from `seed`.
pub fn intent(payer: &AccountId, payee: &AccountId, amount: Balance, seed: u8) -> Intent {
	let now = unix_now();
	Intent {
		payer: payer.clone(),
		payee: payee.clone(),
		asset: stablecoin::ASSET_ID,
		amount,
		valid_after: now - 600,
		valid_before: now + 300,
		nonce: keccak_256(&[seed, 42]),
		reference: Some([seed; 32]),
	}
}

/// `intent` signed by `signer` for `purpose` on the chain with `genesis`.
pub fn sign(
	signer: &sr25519::Pair,
	genesis: Hash,
	intent: &Intent,
	purpose: Purpose,
) -> IntentSignature {
	let payload = native_signing_payload(purpose, genesis, intent);
	IntentSignature::Native(MultiSignature::Sr25519(signer.sign(&payload)))
}

/// The facilitator request (x402 v2, the body of `/verify` and `/settle`) that pays `intent`,
/// signed by `signer` for [`Purpose::Transfer`] on the chain with `genesis`, against
/// requirements that ask for its amount of the stablecoin to `pay_to`.
pub fn request(
	signer: &sr25519::Pair,
	genesis: Hash,
	intent: &Intent,
	pay_to: &AccountId,
) -> serde_json::Value {
	use codec::Encode;
	let IntentSignature::Native(signature) = sign(signer, genesis, intent, Purpose::Transfer)
	else {
		unreachable!("`sign` signs natively")
	};
	let required = serde_json::json!({
		"scheme": "exact",
		"network": format!("polkadot:{}", hex::encode(&genesis[..16])),
		"amount": intent.amount.to_string(),
		"asset": crate::exact::stablecoin_address(),
		"payTo": pay_to.to_string(),
		"maxTimeoutSeconds": 300,
		"extra": {},
	});
	let mut wire_intent = serde_json::json!({
		"payer": intent.payer.to_string(),
		"payee": intent.payee.to_string(),
		"amount": intent.amount.to_string(),
		"validAfter": intent.valid_after.to_string(),
		"validBefore": intent.valid_before.to_string(),
		"nonce": format!("0x{}", hex::encode(intent.nonce)),
	});
	if let Some(reference) = intent.reference {
		wire_intent["reference"] = format!("0x{}", hex::encode(reference)).into();
	}
	serde_json::json!({
		"x402Version": 2,
		"paymentPayload": {
			"x402Version": 2,
			"accepted": required.clone(),
			"payload": {
				"signature": format!("0x{}", hex::encode(signature.encode())),
				"intent": wire_intent,
			},
		},
		"paymentRequirements": required,
	})
}
