
//! Weights of `pallet_mandates`, measured with frame-benchmarking v2 (benchmark CLI 64.0.0).
//!
//! Written by `scripts/bench-weights.sh` on 2026-12-01; do not edit by hand.
//! Steps: `20`, repeat: `5`, wasm execution: `Compiled`.
//! Host: `vm`, CPU: `AMD EPYC`.
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
//! pallet_mandates
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
//! pallets/mandates/src/weights.rs
//! ```

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use polkadot_sdk::frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// Weight functions of `pallet_mandates`.
pub trait WeightInfo {
	fn grant() -> Weight;
	fn grant_signed() -> Weight;
	fn revoke(s: u32, ) -> Weight;
	fn revoke_signed(s: u32, ) -> Weight;
	fn remove_expired(m: u32, ) -> Weight;
	fn authorize_and_charge() -> Weight;
	fn authorize_unmandated() -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::MandateOf` (r:2 w:1)
	/// Proof: `Mandates::MandateOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::MandateRecords` (r:1 w:1)
	/// Proof: `Mandates::MandateRecords` (`max_values`: None, `max_size`: Some(4981), added: 7456, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Sessions` (r:16 w:1)
	/// Proof: `Mandates::Sessions` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::NextMandateId` (r:1 w:1)
	/// Proof: `Mandates::NextMandateId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::ExpiryCursor` (r:1 w:0)
	/// Proof: `Mandates::ExpiryCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Usage` (r:0 w:1)
	/// Proof: `Mandates::Usage` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Expiring` (r:0 w:1)
	/// Proof: `Mandates::Expiring` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::RootMandates` (r:0 w:1)
	/// Proof: `Mandates::RootMandates` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn grant() -> Weight {
		// Proof size, measured: `6821`
		// Proof size, estimated: `41102`
		// Minimum execution time: 193_238_000 picoseconds.
		Weight::from_parts(212_607_000, 41102)
			.saturating_add(T::DbWeight::get().reads(25_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::SignedGrants` (r:1 w:1)
	/// Proof: `Mandates::SignedGrants` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::MandateOf` (r:2 w:1)
	/// Proof: `Mandates::MandateOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::MandateRecords` (r:1 w:1)
	/// Proof: `Mandates::MandateRecords` (`max_values`: None, `max_size`: Some(4981), added: 7456, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Sessions` (r:16 w:1)
	/// Proof: `Mandates::Sessions` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::NextMandateId` (r:1 w:1)
	/// Proof: `Mandates::NextMandateId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::ExpiryCursor` (r:1 w:0)
	/// Proof: `Mandates::ExpiryCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Usage` (r:0 w:1)
	/// Proof: `Mandates::Usage` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Expiring` (r:0 w:1)
	/// Proof: `Mandates::Expiring` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::RootMandates` (r:0 w:1)
	/// Proof: `Mandates::RootMandates` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn grant_signed() -> Weight {
		// Proof size, measured: `6854`
		// Proof size, estimated: `41102`
		// Minimum execution time: 251_184_000 picoseconds.
		Weight::from_parts(276_332_000, 41102)
			.saturating_add(T::DbWeight::get().reads(26_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `Mandates::MandateRecords` (r:17 w:17)
	/// Proof: `Mandates::MandateRecords` (`max_values`: None, `max_size`: Some(4981), added: 7456, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Sessions` (r:17 w:16)
	/// Proof: `Mandates::Sessions` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Usage` (r:0 w:17)
	/// Proof: `Mandates::Usage` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::RootMandates` (r:0 w:17)
	/// Proof: `Mandates::RootMandates` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[0, 16]`.
	fn revoke(s: u32, ) -> Weight {
		// Proof size, measured: `5489 + s * (4827 ±0)`
		// Proof size, estimated: `8446 + s * (7456 ±6)`
		// Minimum execution time: 61_291_000 picoseconds.
		Weight::from_parts(71_931_853, 8446)
			// Standard error: 30_367
			.saturating_add(Weight::from_parts(48_905_354, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 7456).saturating_mul(s.into()))
	}
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::MandateRecords` (r:17 w:17)
	/// Proof: `Mandates::MandateRecords` (`max_values`: None, `max_size`: Some(4981), added: 7456, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Sessions` (r:17 w:16)
	/// Proof: `Mandates::Sessions` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Usage` (r:0 w:17)
	/// Proof: `Mandates::Usage` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::RootMandates` (r:0 w:17)
	/// Proof: `Mandates::RootMandates` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[0, 16]`.
	fn revoke_signed(s: u32, ) -> Weight {
		// Proof size, measured: `5666 + s * (4827 ±0)`
		// Proof size, estimated: `8446 + s * (7456 ±9)`
		// Minimum execution time: 106_529_000 picoseconds.
		Weight::from_parts(126_734_053, 8446)
			// Standard error: 64_867
			.saturating_add(Weight::from_parts(49_945_619, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 7456).saturating_mul(s.into()))
	}
	/// Storage: `Mandates::ExpiryCursor` (r:1 w:1)
	/// Proof: `Mandates::ExpiryCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Expiring` (r:101 w:100)
	/// Proof: `Mandates::Expiring` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::MandateRecords` (r:100 w:100)
	/// Proof: `Mandates::MandateRecords` (`max_values`: None, `max_size`: Some(4981), added: 7456, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::MandateOf` (r:100 w:100)
	/// Proof: `Mandates::MandateOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::RootMandates` (r:100 w:100)
	/// Proof: `Mandates::RootMandates` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Usage` (r:0 w:100)
	/// Proof: `Mandates::Usage` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// The range of component `m` is `[0, 100]`.
	fn remove_expired(m: u32, ) -> Weight {
		// Proof size, measured: `492 + m * (4910 ±0)`
		// Proof size, estimated: `3622 + m * (7456 ±0)`
		// Minimum execution time: 5_308_000 picoseconds.
		Weight::from_parts(5_849_000, 3622)
			// Standard error: 34_564
			.saturating_add(Weight::from_parts(56_484_262, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(m.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(m.into())))
			.saturating_add(Weight::from_parts(0, 7456).saturating_mul(m.into()))
	}
	/// Storage: `Mandates::MandateOf` (r:1 w:0)
	/// Proof: `Mandates::MandateOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::MandateRecords` (r:2 w:0)
	/// Proof: `Mandates::MandateRecords` (`max_values`: None, `max_size`: Some(4981), added: 7456, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Usage` (r:2 w:2)
	/// Proof: `Mandates::Usage` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:1 w:0)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn authorize_and_charge() -> Weight {
		// Proof size, measured: `10128`
		// Proof size, estimated: `15902`
		// Minimum execution time: 40_420_000 picoseconds.
		Weight::from_parts(44_626_000, 15902)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Mandates::MandateOf` (r:1 w:0)
	/// Proof: `Mandates::MandateOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn authorize_unmandated() -> Weight {
		// Proof size, measured: `42`
		// Proof size, estimated: `3521`
		// Minimum execution time: 3_025_000 picoseconds.
		Weight::from_parts(3_516_000, 3521)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
}

/// The same weights priced for ParityDB, for test runtimes.
impl WeightInfo for () {
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::MandateOf` (r:2 w:1)
	/// Proof: `Mandates::MandateOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::MandateRecords` (r:1 w:1)
	/// Proof: `Mandates::MandateRecords` (`max_values`: None, `max_size`: Some(4981), added: 7456, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Sessions` (r:16 w:1)
	/// Proof: `Mandates::Sessions` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::NextMandateId` (r:1 w:1)
	/// Proof: `Mandates::NextMandateId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::ExpiryCursor` (r:1 w:0)
	/// Proof: `Mandates::ExpiryCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Usage` (r:0 w:1)
	/// Proof: `Mandates::Usage` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Expiring` (r:0 w:1)
	/// Proof: `Mandates::Expiring` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::RootMandates` (r:0 w:1)
	/// Proof: `Mandates::RootMandates` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn grant() -> Weight {
		// Proof size, measured: `6821`
		// Proof size, estimated: `41102`
		// Minimum execution time: 193_238_000 picoseconds.
		Weight::from_parts(212_607_000, 41102)
			.saturating_add(ParityDbWeight::get().reads(25_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::SignedGrants` (r:1 w:1)
	/// Proof: `Mandates::SignedGrants` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::MandateOf` (r:2 w:1)
	/// Proof: `Mandates::MandateOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::MandateRecords` (r:1 w:1)
	/// Proof: `Mandates::MandateRecords` (`max_values`: None, `max_size`: Some(4981), added: 7456, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Sessions` (r:16 w:1)
	/// Proof: `Mandates::Sessions` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::NextMandateId` (r:1 w:1)
	/// Proof: `Mandates::NextMandateId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::ExpiryCursor` (r:1 w:0)
	/// Proof: `Mandates::ExpiryCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Usage` (r:0 w:1)
	/// Proof: `Mandates::Usage` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Expiring` (r:0 w:1)
	/// Proof: `Mandates::Expiring` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::RootMandates` (r:0 w:1)
	/// Proof: `Mandates::RootMandates` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn grant_signed() -> Weight {
		// Proof size, measured: `6854`
		// Proof size, estimated: `41102`
		// Minimum execution time: 251_184_000 picoseconds.
		Weight::from_parts(276_332_000, 41102)
			.saturating_add(ParityDbWeight::get().reads(26_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	/// Storage: `Mandates::MandateRecords` (r:17 w:17)
	/// Proof: `Mandates::MandateRecords` (`max_values`: None, `max_size`: Some(4981), added: 7456, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Sessions` (r:17 w:16)
	/// Proof: `Mandates::Sessions` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Usage` (r:0 w:17)
	/// Proof: `Mandates::Usage` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::RootMandates` (r:0 w:17)
	/// Proof: `Mandates::RootMandates` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[0, 16]`.
	fn revoke(s: u32, ) -> Weight {
		// Proof size, measured: `5489 + s * (4827 ±0)`
		// Proof size, estimated: `8446 + s * (7456 ±6)`
		// Minimum execution time: 61_291_000 picoseconds.
		Weight::from_parts(71_931_853, 8446)
			// Standard error: 30_367
			.saturating_add(Weight::from_parts(48_905_354, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 7456).saturating_mul(s.into()))
	}
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::MandateRecords` (r:17 w:17)
	/// Proof: `Mandates::MandateRecords` (`max_values`: None, `max_size`: Some(4981), added: 7456, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Sessions` (r:17 w:16)
	/// Proof: `Mandates::Sessions` (`max_values`: None, `max_size`: Some(32), added: 2507, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Usage` (r:0 w:17)
	/// Proof: `Mandates::Usage` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::RootMandates` (r:0 w:17)
	/// Proof: `Mandates::RootMandates` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[0, 16]`.
	fn revoke_signed(s: u32, ) -> Weight {
		// Proof size, measured: `5666 + s * (4827 ±0)`
		// Proof size, estimated: `8446 + s * (7456 ±9)`
		// Minimum execution time: 106_529_000 picoseconds.
		Weight::from_parts(126_734_053, 8446)
			// Standard error: 64_867
			.saturating_add(Weight::from_parts(49_945_619, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 7456).saturating_mul(s.into()))
	}
	/// Storage: `Mandates::ExpiryCursor` (r:1 w:1)
	/// Proof: `Mandates::ExpiryCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Expiring` (r:101 w:100)
	/// Proof: `Mandates::Expiring` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::MandateRecords` (r:100 w:100)
	/// Proof: `Mandates::MandateRecords` (`max_values`: None, `max_size`: Some(4981), added: 7456, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::MandateOf` (r:100 w:100)
	/// Proof: `Mandates::MandateOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::RootMandates` (r:100 w:100)
	/// Proof: `Mandates::RootMandates` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Usage` (r:0 w:100)
	/// Proof: `Mandates::Usage` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// The range of component `m` is `[0, 100]`.
	fn remove_expired(m: u32, ) -> Weight {
		// Proof size, measured: `492 + m * (4910 ±0)`
		// Proof size, estimated: `3622 + m * (7456 ±0)`
		// Minimum execution time: 5_308_000 picoseconds.
		Weight::from_parts(5_849_000, 3622)
			// Standard error: 34_564
			.saturating_add(Weight::from_parts(56_484_262, 0).saturating_mul(m.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(m.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((5_u64).saturating_mul(m.into())))
			.saturating_add(Weight::from_parts(0, 7456).saturating_mul(m.into()))
	}
	/// Storage: `Mandates::MandateOf` (r:1 w:0)
	/// Proof: `Mandates::MandateOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::MandateRecords` (r:2 w:0)
	/// Proof: `Mandates::MandateRecords` (`max_values`: None, `max_size`: Some(4981), added: 7456, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::Usage` (r:2 w:2)
	/// Proof: `Mandates::Usage` (`max_values`: None, `max_size`: Some(68), added: 2543, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:1 w:0)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn authorize_and_charge() -> Weight {
		// Proof size, measured: `10128`
		// Proof size, estimated: `15902`
		// Minimum execution time: 40_420_000 picoseconds.
		Weight::from_parts(44_626_000, 15902)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	/// Storage: `Mandates::MandateOf` (r:1 w:0)
	/// Proof: `Mandates::MandateOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn authorize_unmandated() -> Weight {
		// Proof size, measured: `42`
		// Proof size, estimated: `3521`
		// Minimum execution time: 3_025_000 picoseconds.
		Weight::from_parts(3_516_000, 3521)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
	}
}
