
//! Weights of `pallet_assets` in our runtime, measured with frame-benchmarking v2 (benchmark CLI
//! 64.0.0).
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
//! pallet_assets
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
//! scripts/weights/runtime.hbs
//! --output
//! runtime/src/weights/pallet_assets.rs
//! ```

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use polkadot_sdk::{
	frame_support::{traits::Get, weights::Weight},
	frame_system, pallet_assets,
};

/// Weight functions for `pallet_assets`.
pub struct WeightInfo<T>(PhantomData<T>);
impl<T: frame_system::Config> pallet_assets::WeightInfo for WeightInfo<T> {
	fn create() -> Weight {
		// Minimum execution time: 43_213_000 picoseconds.
		Weight::from_parts(81_023_000, 3675)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn force_create() -> Weight {
		// Minimum execution time: 18_257_000 picoseconds.
		Weight::from_parts(38_526_000, 3675)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn start_destroy() -> Weight {
		// Minimum execution time: 20_451_000 picoseconds.
		Weight::from_parts(36_538_000, 3675)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// The range of component `c` is `[0, 1000]`.
	fn destroy_accounts(c: u32, ) -> Weight {
		// Minimum execution time: 30_899_000 picoseconds.
		Weight::from_parts(32_608_000, 3675)
			.saturating_add(Weight::from_parts(29_659_617, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(c.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(c.into())))
			.saturating_add(Weight::from_parts(0, 2609).saturating_mul(c.into()))
	}
	/// The range of component `a` is `[0, 1000]`.
	fn destroy_approvals(a: u32, ) -> Weight {
		// Minimum execution time: 30_826_000 picoseconds.
		Weight::from_parts(31_437_000, 3675)
			.saturating_add(Weight::from_parts(43_289_640, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(a.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(a.into())))
			.saturating_add(Weight::from_parts(0, 2623).saturating_mul(a.into()))
	}
	fn finish_destroy() -> Weight {
		// Minimum execution time: 28_404_000 picoseconds.
		Weight::from_parts(52_505_000, 3675)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn mint() -> Weight {
		// Minimum execution time: 44_705_000 picoseconds.
		Weight::from_parts(74_105_000, 3675)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn burn() -> Weight {
		// Minimum execution time: 53_695_000 picoseconds.
		Weight::from_parts(97_652_000, 3675)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn transfer() -> Weight {
		// Minimum execution time: 74_174_000 picoseconds.
		Weight::from_parts(141_358_000, 6208)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn transfer_keep_alive() -> Weight {
		// Minimum execution time: 112_438_000 picoseconds.
		Weight::from_parts(138_002_000, 6208)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn force_transfer() -> Weight {
		// Minimum execution time: 74_626_000 picoseconds.
		Weight::from_parts(133_140_000, 6208)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn freeze() -> Weight {
		// Minimum execution time: 29_970_000 picoseconds.
		Weight::from_parts(54_295_000, 3675)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn thaw() -> Weight {
		// Minimum execution time: 26_682_000 picoseconds.
		Weight::from_parts(46_773_000, 3675)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn freeze_asset() -> Weight {
		// Minimum execution time: 19_205_000 picoseconds.
		Weight::from_parts(35_179_000, 3675)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn thaw_asset() -> Weight {
		// Minimum execution time: 24_219_000 picoseconds.
		Weight::from_parts(36_800_000, 3675)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn transfer_ownership() -> Weight {
		// Minimum execution time: 32_329_000 picoseconds.
		Weight::from_parts(47_230_000, 3675)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn set_team() -> Weight {
		// Minimum execution time: 24_350_000 picoseconds.
		Weight::from_parts(36_037_000, 3675)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// The range of component `n` is `[0, 5]`.
	fn set_reserves(n: u32, ) -> Weight {
		// Minimum execution time: 18_563_000 picoseconds.
		Weight::from_parts(28_028_327, 3675)
			.saturating_add(Weight::from_parts(29_852, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// The range of component `n` is `[0, 50]`.
	/// The range of component `s` is `[0, 50]`.
	fn set_metadata(n: u32, s: u32, ) -> Weight {
		// Minimum execution time: 43_394_000 picoseconds.
		Weight::from_parts(53_622_613, 3675)
			.saturating_add(Weight::from_parts(12_919, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(8_398, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn clear_metadata() -> Weight {
		// Minimum execution time: 40_794_000 picoseconds.
		Weight::from_parts(65_068_000, 3675)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// The range of component `n` is `[0, 50]`.
	/// The range of component `s` is `[0, 50]`.
	fn force_set_metadata(n: u32, s: u32, ) -> Weight {
		// Minimum execution time: 19_383_000 picoseconds.
		Weight::from_parts(26_397_276, 3675)
			.saturating_add(Weight::from_parts(4_208, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(2_664, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn force_clear_metadata() -> Weight {
		// Minimum execution time: 36_021_000 picoseconds.
		Weight::from_parts(46_941_000, 3675)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn force_asset_status() -> Weight {
		// Minimum execution time: 14_182_000 picoseconds.
		Weight::from_parts(20_248_000, 3675)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn approve_transfer() -> Weight {
		// Minimum execution time: 38_447_000 picoseconds.
		Weight::from_parts(53_430_000, 3675)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn transfer_approved() -> Weight {
		// Minimum execution time: 75_666_000 picoseconds.
		Weight::from_parts(101_422_000, 6208)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn cancel_approval() -> Weight {
		// Minimum execution time: 37_164_000 picoseconds.
		Weight::from_parts(51_175_000, 3675)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn force_cancel_approval() -> Weight {
		// Minimum execution time: 41_177_000 picoseconds.
		Weight::from_parts(53_985_000, 3675)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn set_min_balance() -> Weight {
		// Minimum execution time: 15_348_000 picoseconds.
		Weight::from_parts(22_348_000, 3675)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn touch() -> Weight {
		// Minimum execution time: 44_169_000 picoseconds.
		Weight::from_parts(55_066_000, 3675)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn touch_other() -> Weight {
		// Minimum execution time: 43_397_000 picoseconds.
		Weight::from_parts(52_954_000, 3675)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn refund() -> Weight {
		// Minimum execution time: 41_230_000 picoseconds.
		Weight::from_parts(51_435_000, 3675)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn refund_other() -> Weight {
		// Minimum execution time: 42_603_000 picoseconds.
		Weight::from_parts(54_120_000, 3675)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn block() -> Weight {
		// Minimum execution time: 26_283_000 picoseconds.
		Weight::from_parts(45_415_000, 3675)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn transfer_all() -> Weight {
		// Minimum execution time: 81_363_000 picoseconds.
		Weight::from_parts(162_636_000, 6208)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn total_issuance() -> Weight {
		// Minimum execution time: 9_864_000 picoseconds.
		Weight::from_parts(18_427_000, 3675)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	fn balance() -> Weight {
		// Minimum execution time: 11_476_000 picoseconds.
		Weight::from_parts(16_277_000, 3599)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	fn allowance() -> Weight {
		// Minimum execution time: 13_310_000 picoseconds.
		Weight::from_parts(23_710_000, 3613)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	fn migration_v2_foreign_asset_set_reserve_weight() -> Weight {
		// Minimum execution time: 11_493_000 picoseconds.
		Weight::from_parts(17_332_000, 3675)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn get_metadata() -> Weight {
		// Minimum execution time: 10_538_000 picoseconds.
		Weight::from_parts(14_430_000, 3605)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
}
