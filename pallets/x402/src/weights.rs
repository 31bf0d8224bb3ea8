//! Weights of the x402 pallet's calls.
//!
//! ESTIMATES, NOT YET BENCHMARKED: the figures below are set from the pallet's storage access
//! counts (ParityDB costs) and the signature checks' published costs, until a frame-benchmarking
//! v2 run on our machine replaces them with:
//!
//! ```text
//! agentchain-node benchmark pallet --runtime <wasm> --pallet pallet_x402 --extrinsic '*' \
//!   --steps 50 --repeat 20 --output pallets/x402/src/weights.rs
//! ```

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use polkadot_sdk::frame_support::{traits::Get, weights::Weight};

/// Weight functions of the x402 pallet.
pub trait WeightInfo {
	fn transfer_with_authorization() -> Weight;
	fn receive_with_authorization() -> Weight;
	fn cancel_authorization() -> Weight;
	/// `n` intents that all settle, with distinct payers and payees.
	fn settle_batch(n: u32) -> Weight;
	/// `n` intents that are all refused after the signature check.
	fn settle_batch_rejected(n: u32) -> Weight;
	/// A statement taking `n` receipts.
	fn close_statement(n: u32) -> Weight;
	fn set_asset_domain() -> Weight;
	fn register_evm_address() -> Weight;
}

/// Weights for the runtime, using its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

/// One EVM signature check (keccak + secp256k1 recovery), the dearer of the two kinds.
const SIGNATURE_CHECK: u64 = 60_000_000;

impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn transfer_with_authorization() -> Weight {
		// Reads: timestamp, nonce, domain, block hash, payer/payee asset accounts, asset, ledger.
		// Writes: nonce, ledger, receipt, payee receipt, both asset accounts.
		Weight::from_parts(25_000_000 + SIGNATURE_CHECK, 6_000)
			.saturating_add(T::DbWeight::get().reads_writes(8, 6))
	}
	fn receive_with_authorization() -> Weight {
		Self::transfer_with_authorization()
	}
	fn cancel_authorization() -> Weight {
		Weight::from_parts(15_000_000 + SIGNATURE_CHECK, 3_600)
			.saturating_add(T::DbWeight::get().reads_writes(3, 1))
	}
	fn settle_batch(n: u32) -> Weight {
		Weight::from_parts(10_000_000, 2_000)
			.saturating_add(Weight::from_parts(20_000_000 + SIGNATURE_CHECK, 6_000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().reads_writes(6, 6).saturating_mul(n.into()))
	}
	fn settle_batch_rejected(n: u32) -> Weight {
		Weight::from_parts(5_000_000 + SIGNATURE_CHECK, 3_600)
			.saturating_mul(n.into())
			.saturating_add(T::DbWeight::get().reads(3).saturating_mul(n.into()))
	}
	fn close_statement(n: u32) -> Weight {
		Weight::from_parts(15_000_000, 3_600)
			.saturating_add(Weight::from_parts(8_000_000, 3_000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads_writes(1, 2))
			.saturating_add(T::DbWeight::get().reads_writes(2, 2).saturating_mul(n.into()))
	}
	fn set_asset_domain() -> Weight {
		Weight::from_parts(12_000_000, 3_600).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn register_evm_address() -> Weight {
		Weight::from_parts(12_000_000, 3_600).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
}

/// For tests: no weight.
impl WeightInfo for () {
	fn transfer_with_authorization() -> Weight { Weight::zero() }
	fn receive_with_authorization() -> Weight { Weight::zero() }
	fn cancel_authorization() -> Weight { Weight::zero() }
	fn settle_batch(_n: u32) -> Weight { Weight::zero() }
	fn settle_batch_rejected(_n: u32) -> Weight { Weight::zero() }
	fn close_statement(_n: u32) -> Weight { Weight::zero() }
	fn set_asset_domain() -> Weight { Weight::zero() }
	fn register_evm_address() -> Weight { Weight::zero() }
}
