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
