
//! Weights of `pallet_x402`, measured with frame-benchmarking v2 (benchmark CLI 64.0.0).
//!
//! Written by `scripts/bench-weights.sh` on 2026-11-22; do not edit by hand.
//! Steps: `20`, repeat: `5`, wasm execution: `Compiled`.
//! Host: `vm`, CPU: `Intel(R) Xeon(R) Processor`.
//!
//! Command:
//! ```text
//! /root/.cache/agentchain/target/bench-weights/agentchain-node
//! benchmark
//! pallet
//! --runtime
//! /root/.cache/agentchain/target/bench-weights/runtime.wasm
//! --genesis-builder
//! runtime
//! --genesis-builder-preset
//! development
//! --pallet
//! pallet_x402
//! --extrinsic
//! *
//! --steps
//! 20
//! --repeat
//! 5
//! --wasm-execution
//! compiled
//! --heap-pages
//! 4096
//! --template
//! scripts/weights/pallet.hbs
//! --output
//! pallets/x402/src/weights.rs
//! ```

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use polkadot_sdk::frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// Weight functions of `pallet_x402`.
pub trait WeightInfo {
	fn transfer_with_authorization() -> Weight;
	fn receive_with_authorization() -> Weight;
	fn cancel_authorization() -> Weight;
	fn settle_batch(n: u32, p: u32, ) -> Weight;
	fn settle_batch_rejected(n: u32, ) -> Weight;
	fn close_statement(n: u32, ) -> Weight;
	fn set_asset_domain() -> Weight;
	fn register_evm_address() -> Weight;
	fn prune_expired(p: u32, e: u32, ) -> Weight;
	fn unregister_evm_address() -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:1 w:1)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `X402::Ledgers` (r:1 w:1)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:0 w:1)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	fn transfer_with_authorization() -> Weight {
		// Proof size, measured: `685`
		// Proof size, estimated: `6208`
		// Minimum execution time: 175_342_000 picoseconds.
		Weight::from_parts(254_256_000, 6208)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:1 w:1)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `X402::Ledgers` (r:1 w:1)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:0 w:1)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	fn receive_with_authorization() -> Weight {
		// Proof size, measured: `685`
		// Proof size, estimated: `6208`
		// Minimum execution time: 168_860_000 picoseconds.
		Weight::from_parts(311_756_000, 6208)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `X402::Authorizations` (r:1 w:1)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	fn cancel_authorization() -> Weight {
		// Proof size, measured: `132`
		// Proof size, estimated: `3639`
		// Minimum execution time: 81_362_000 picoseconds.
		Weight::from_parts(161_423_000, 3639)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:255 w:255)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:382 w:382)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `X402::Ledgers` (r:127 w:127)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:127 w:127)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:0 w:127)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 128]`.
	/// The range of component `p` is `[1, 128]`.
	fn settle_batch(n: u32, p: u32, ) -> Weight {
		// Proof size, measured: `0 + n * (97 ±0) + p * (118 ±0)`
		// Proof size, estimated: `3675 + n * (2649 ±0) + p * (5218 ±0)`
		// Minimum execution time: 13_246_735_000 picoseconds.
		Weight::from_parts(1_082_480_942, 3675)
			// Standard error: 18_628_529
			.saturating_add(Weight::from_parts(155_805_141, 0).saturating_mul(n.into()))
			// Standard error: 18_800_706
			.saturating_add(Weight::from_parts(180_461_719, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2649).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 5218).saturating_mul(p.into()))
	}
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:256 w:0)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 256]`.
	fn settle_batch_rejected(n: u32, ) -> Weight {
		// Proof size, measured: `223`
		// Proof size, estimated: `3617 + n * (2649 ±0)`
		// Minimum execution time: 156_702_000 picoseconds.
		Weight::from_parts(163_114_000, 3617)
			// Standard error: 2_186_292
			.saturating_add(Weight::from_parts(97_236_317, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2649).saturating_mul(n.into()))
	}
	/// Storage: `X402::Ledgers` (r:1 w:1)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:512 w:512)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	/// Storage: `X402::Statements` (r:0 w:1)
	/// Proof: `X402::Statements` (`max_values`: None, `max_size`: Some(148), added: 2623, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 512]`.
	fn close_statement(n: u32, ) -> Weight {
		// Proof size, measured: `337 + n * (8273 ±0)`
		// Proof size, estimated: `3601 + n * (10809 ±0)`
		// Minimum execution time: 68_355_000 picoseconds.
		Weight::from_parts(73_665_000, 3601)
			// Standard error: 198_271
			.saturating_add(Weight::from_parts(37_073_505, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 10809).saturating_mul(n.into()))
	}
	/// Storage: `Assets::Asset` (r:1 w:0)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:0 w:1)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	fn set_asset_domain() -> Weight {
		// Proof size, measured: `153`
		// Proof size, estimated: `3675`
		// Minimum execution time: 23_971_000 picoseconds.
		Weight::from_parts(48_369_000, 3675)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `X402::EvmAccounts` (r:1 w:1)
	/// Proof: `X402::EvmAccounts` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn register_evm_address() -> Weight {
		// Proof size, measured: `385`
		// Proof size, estimated: `3517`
		// Minimum execution time: 23_820_000 picoseconds.
		Weight::from_parts(45_663_000, 3517)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn prune_expired(p: u32, e: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 3000)
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(p.into()))
			.saturating_add(Weight::from_parts(20_000_000, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads_writes(2, 2))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().reads_writes((1_u64).saturating_mul(e.into()), (2_u64).saturating_mul(e.into())))
	}
	fn unregister_evm_address() -> Weight {
		Weight::from_parts(60_000_000, 3600)
			.saturating_add(T::DbWeight::get().reads_writes(3, 3))
	}
}

/// The same weights priced for ParityDB, for test runtimes.
impl WeightInfo for () {
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:1 w:1)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `X402::Ledgers` (r:1 w:1)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:0 w:1)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	fn transfer_with_authorization() -> Weight {
		// Proof size, measured: `685`
		// Proof size, estimated: `6208`
		// Minimum execution time: 175_342_000 picoseconds.
		Weight::from_parts(254_256_000, 6208)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:1 w:1)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `X402::Ledgers` (r:1 w:1)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:0 w:1)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	fn receive_with_authorization() -> Weight {
		// Proof size, measured: `685`
		// Proof size, estimated: `6208`
		// Minimum execution time: 168_860_000 picoseconds.
		Weight::from_parts(311_756_000, 6208)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	/// Storage: `X402::Authorizations` (r:1 w:1)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	fn cancel_authorization() -> Weight {
		// Proof size, measured: `132`
		// Proof size, estimated: `3639`
		// Minimum execution time: 81_362_000 picoseconds.
		Weight::from_parts(161_423_000, 3639)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:255 w:255)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:382 w:382)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `X402::Ledgers` (r:127 w:127)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:127 w:127)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:0 w:127)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 128]`.
	/// The range of component `p` is `[1, 128]`.
	fn settle_batch(n: u32, p: u32, ) -> Weight {
		// Proof size, measured: `0 + n * (97 ±0) + p * (118 ±0)`
		// Proof size, estimated: `3675 + n * (2649 ±0) + p * (5218 ±0)`
		// Minimum execution time: 13_246_735_000 picoseconds.
		Weight::from_parts(1_082_480_942, 3675)
			// Standard error: 18_628_529
			.saturating_add(Weight::from_parts(155_805_141, 0).saturating_mul(n.into()))
			// Standard error: 18_800_706
			.saturating_add(Weight::from_parts(180_461_719, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((6_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2649).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 5218).saturating_mul(p.into()))
	}
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:256 w:0)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 256]`.
	fn settle_batch_rejected(n: u32, ) -> Weight {
		// Proof size, measured: `223`
		// Proof size, estimated: `3617 + n * (2649 ±0)`
		// Minimum execution time: 156_702_000 picoseconds.
		Weight::from_parts(163_114_000, 3617)
			// Standard error: 2_186_292
			.saturating_add(Weight::from_parts(97_236_317, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2649).saturating_mul(n.into()))
	}
	/// Storage: `X402::Ledgers` (r:1 w:1)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:512 w:512)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	/// Storage: `X402::Statements` (r:0 w:1)
	/// Proof: `X402::Statements` (`max_values`: None, `max_size`: Some(148), added: 2623, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 512]`.
	fn close_statement(n: u32, ) -> Weight {
		// Proof size, measured: `337 + n * (8273 ±0)`
		// Proof size, estimated: `3601 + n * (10809 ±0)`
		// Minimum execution time: 68_355_000 picoseconds.
		Weight::from_parts(73_665_000, 3601)
			// Standard error: 198_271
			.saturating_add(Weight::from_parts(37_073_505, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 10809).saturating_mul(n.into()))
	}
	/// Storage: `Assets::Asset` (r:1 w:0)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:0 w:1)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	fn set_asset_domain() -> Weight {
		// Proof size, measured: `153`
		// Proof size, estimated: `3675`
		// Minimum execution time: 23_971_000 picoseconds.
		Weight::from_parts(48_369_000, 3675)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	/// Storage: `X402::EvmAccounts` (r:1 w:1)
	/// Proof: `X402::EvmAccounts` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn register_evm_address() -> Weight {
		// Proof size, measured: `385`
		// Proof size, estimated: `3517`
		// Minimum execution time: 23_820_000 picoseconds.
		Weight::from_parts(45_663_000, 3517)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn prune_expired(p: u32, e: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 3000)
			.saturating_add(Weight::from_parts(10_000_000, 0).saturating_mul(p.into()))
			.saturating_add(Weight::from_parts(20_000_000, 0).saturating_mul(e.into()))
			.saturating_add(ParityDbWeight::get().reads_writes(2, 2))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().reads_writes((1_u64).saturating_mul(e.into()), (2_u64).saturating_mul(e.into())))
	}
	fn unregister_evm_address() -> Weight {
		Weight::from_parts(60_000_000, 3600)
			.saturating_add(ParityDbWeight::get().reads_writes(3, 3))
	}
}
