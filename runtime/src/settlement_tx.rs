//! The extrinsics the node and its CLI sign (`settle_batch`, the channel calls, a key's own
//! mandate calls), built by the runtime that will check them.
//!
//! A node that built it from the Rust types it was compiled with would sign for the runtime of
//! its build: after a forkless upgrade that changes a call index, a transaction extension or the
//! batch limit, every extrinsic it signs would be invalid. Through these functions (the runtime
//! API `X402Api::settlement_payload` and `settlement_extrinsic`) the node signs bytes the
//! current runtime chose.

use crate::{immortal_tx_extension, Address, RuntimeCall, SignedPayload, UncheckedExtrinsic};
use agentchain_primitives::{
	channels::ChannelCall,
	mandates::MandateCall,
	x402::{IntentSignature, PaymentIntent},
	AccountId, AssetId, Balance, Nonce, Signature,
};
use alloc::vec::Vec;
use codec::Encode;

/// Intents with their signatures, as `settle_batch` takes them.
pub type Items = Vec<(PaymentIntent<AccountId, AssetId, Balance>, IntentSignature)>;

/// `settle_batch(items)`; `None` for more items than a batch takes.
pub fn settle_batch(items: Items) -> Option<RuntimeCall> {
	let items = items.try_into().ok()?;
	Some(RuntimeCall::X402(pallet_x402::Call::settle_batch { items }))
}

/// The x402 pallet's call for a channel operation; `None` for more claims than a call takes.
pub fn channel_call(call: ChannelCall) -> Option<RuntimeCall> {
	use pallet_x402::Call;
	Some(RuntimeCall::X402(match call {
		ChannelCall::Deposit { config, amount, authorization } => {
			Call::deposit { config, amount, authorization }
		},
		ChannelCall::Claim { claims } => Call::claim { claims: claims.try_into().ok()? },
		ChannelCall::Settle { receiver, asset } => Call::settle_channels { receiver, asset },
		ChannelCall::Refund { config, amount, refund_nonce, claims } => {
			Call::refund { config, amount, refund_nonce, claims: claims.try_into().ok()? }
		},
		ChannelCall::InitiateWithdraw { config, signature } => {
			Call::initiate_withdraw { config, signature }
		},
		ChannelCall::FinalizeWithdraw { config } => Call::finalize_withdraw { config },
	}))
}

/// The mandates pallet's call for `call`.
pub fn mandate_call(call: MandateCall) -> RuntimeCall {
	use pallet_mandates::Call;
	RuntimeCall::Mandates(match call {
		MandateCall::Grant { delegate, terms, consent } => {
			Call::grant { delegate, terms: terms.into(), consent }
		},
		MandateCall::Revoke { mandate } => Call::revoke { mandate },
	})
}

/// What the signer signs for `call`: the call, the extensions of an immortal extrinsic `nonce`
/// with no tip and their implicit data (genesis hash, versions), hashed when longer than 256
/// bytes.
pub fn payload(call: RuntimeCall, nonce: Nonce) -> Option<Vec<u8>> {
	let payload = SignedPayload::new(call, immortal_tx_extension(nonce)).ok()?;
	Some(payload.using_encoded(|bytes| bytes.to_vec()))
}

/// The extrinsic `signer` sends with `signature` over [`payload`] of `call`.
pub fn extrinsic(
	call: RuntimeCall,
	nonce: Nonce,
	signer: AccountId,
	signature: Signature,
) -> UncheckedExtrinsic {
	UncheckedExtrinsic::new_signed(
		call,
		Address::Id(signer),
		signature,
		immortal_tx_extension(nonce),
	)
}
