//! The facilitator's `settle_batch` extrinsic, built by the runtime that will check it.
//!
//! A node that built it from the Rust types it was compiled with would sign for the runtime of
//! its build: after a forkless upgrade that changes a call index, a transaction extension or the
//! batch limit, every extrinsic it signs would be invalid. Through these functions (the runtime
//! API `X402Api::settlement_payload` and `settlement_extrinsic`) the node signs bytes the
//! current runtime chose.

use crate::{immortal_tx_extension, Address, RuntimeCall, SignedPayload, UncheckedExtrinsic};
use agentchain_primitives::{
	x402::{IntentSignature, PaymentIntent},
	AccountId, AssetId, Balance, Nonce, Signature,
};
use alloc::vec::Vec;
use codec::Encode;

/// Intents with their signatures, as `settle_batch` takes them.
pub type Items = Vec<(PaymentIntent<AccountId, AssetId, Balance>, IntentSignature)>;

fn settle_batch(items: Items) -> Option<RuntimeCall> {
	let items = items.try_into().ok()?;
	Some(RuntimeCall::X402(pallet_x402::Call::settle_batch { items }))
}

/// What the signer signs: the call, the extensions of an immortal extrinsic `nonce` with no tip
/// and their implicit data (genesis hash, versions), hashed when longer than 256 bytes.
pub fn payload(items: Items, nonce: Nonce) -> Option<Vec<u8>> {
	let payload = SignedPayload::new(settle_batch(items)?, immortal_tx_extension(nonce)).ok()?;
	Some(payload.using_encoded(|bytes| bytes.to_vec()))
}

/// The extrinsic `signer` sends with `signature` over [`payload`].
pub fn extrinsic(
	items: Items,
	nonce: Nonce,
	signer: AccountId,
	signature: Signature,
) -> Option<UncheckedExtrinsic> {
	Some(UncheckedExtrinsic::new_signed(
		settle_batch(items)?,
		Address::Id(signer),
		signature,
		immortal_tx_extension(nonce),
	))
}
