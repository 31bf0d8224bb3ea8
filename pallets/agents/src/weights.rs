
//! Weights of `pallet_agents`, measured with frame-benchmarking v2 (benchmark CLI 64.0.0).
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
//! pallet_agents
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
//! pallets/agents/src/weights.rs
//! ```

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use polkadot_sdk::frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// Weight functions of `pallet_agents`.
pub trait WeightInfo {
	fn register(m: u32, ) -> Weight;
	fn set_agent_uri() -> Weight;
	fn set_metadata() -> Weight;
	fn transfer_ownership() -> Weight;
	fn set_operator() -> Weight;
	fn deregister(m: u32, ) -> Weight;
	fn set_agent_wallet() -> Weight;
	fn unset_agent_wallet() -> Weight;
	fn give_feedback() -> Weight;
	fn revoke_feedback() -> Weight;
	fn append_response() -> Weight;
	fn validation_request() -> Weight;
	fn validation_response() -> Weight;
	fn remove_validation() -> Weight;
	fn on_settled() -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Agents::NextAgentId` (r:1 w:1)
	/// Proof: `Agents::NextAgentId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:1 w:1)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentRecords` (r:0 w:1)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	/// Storage: `Agents::Metadata` (r:0 w:16)
	/// Proof: `Agents::Metadata` (`max_values`: None, `max_size`: Some(1124), added: 3599, mode: `MaxEncodedLen`)
	/// The range of component `m` is `[0, 16]`.
	fn register(m: u32, ) -> Weight {
		// Proof size, measured: `109`
		// Proof size, estimated: `3593`
		// Minimum execution time: 100_340_000 picoseconds.
		Weight::from_parts(183_594_937, 3593)
			// Standard error: 44_792
			.saturating_add(Weight::from_parts(15_450_153, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(m.into())))
	}
	/// Storage: `Agents::AgentRecords` (r:1 w:1)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	fn set_agent_uri() -> Weight {
		// Proof size, measured: `1461`
		// Proof size, estimated: `4853`
		// Minimum execution time: 30_831_000 picoseconds.
		Weight::from_parts(59_606_000, 4853)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Agents::AgentRecords` (r:1 w:1)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	/// Storage: `Agents::Metadata` (r:1 w:1)
	/// Proof: `Agents::Metadata` (`max_values`: None, `max_size`: Some(1124), added: 3599, mode: `MaxEncodedLen`)
	fn set_metadata() -> Weight {
		// Proof size, measured: `2918`
		// Proof size, estimated: `4853`
		// Minimum execution time: 49_042_000 picoseconds.
		Weight::from_parts(89_680_000, 4853)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Agents::AgentRecords` (r:1 w:1)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:0 w:1)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn transfer_ownership() -> Weight {
		// Proof size, measured: `1792`
		// Proof size, estimated: `6196`
		// Minimum execution time: 163_960_000 picoseconds.
		Weight::from_parts(270_140_000, 6196)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Agents::AgentRecords` (r:1 w:1)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	fn set_operator() -> Weight {
		// Proof size, measured: `1587`
		// Proof size, estimated: `4853`
		// Minimum execution time: 96_107_000 picoseconds.
		Weight::from_parts(180_517_000, 4853)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Agents::AgentRecords` (r:1 w:1)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	/// Storage: `Agents::Metadata` (r:16 w:16)
	/// Proof: `Agents::Metadata` (`max_values`: None, `max_size`: Some(1124), added: 3599, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:0 w:1)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// The range of component `m` is `[0, 16]`.
	fn deregister(m: u32, ) -> Weight {
		// Proof size, measured: `1651 + m * (120 ±0)`
		// Proof size, estimated: `4853 + m * (3599 ±0)`
		// Minimum execution time: 94_606_000 picoseconds.
		Weight::from_parts(167_932_928, 4853)
			// Standard error: 37_853
			.saturating_add(Weight::from_parts(3_775_996, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(m.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(m.into())))
			.saturating_add(Weight::from_parts(0, 3599).saturating_mul(m.into()))
	}
	/// Storage: `Agents::AgentRecords` (r:1 w:1)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:1 w:2)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn set_agent_wallet() -> Weight {
		// Proof size, measured: `1535`
		// Proof size, estimated: `4853`
		// Minimum execution time: 101_207_000 picoseconds.
		Weight::from_parts(222_261_000, 4853)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Agents::AgentRecords` (r:1 w:1)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:0 w:1)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn unset_agent_wallet() -> Weight {
		// Proof size, measured: `1461`
		// Proof size, estimated: `4853`
		// Minimum execution time: 31_707_000 picoseconds.
		Weight::from_parts(57_070_000, 4853)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Agents::AgentRecords` (r:1 w:0)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	/// Storage: `Agents::FeedbackOfPayment` (r:1 w:1)
	/// Proof: `Agents::FeedbackOfPayment` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:1 w:0)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `Agents::LastFeedbackIndex` (r:1 w:1)
	/// Proof: `Agents::LastFeedbackIndex` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Agents::Feedback` (r:0 w:1)
	/// Proof: `Agents::Feedback` (`max_values`: None, `max_size`: Some(302), added: 2777, mode: `MaxEncodedLen`)
	fn give_feedback() -> Weight {
		// Proof size, measured: `1932`
		// Proof size, estimated: `4853`
		// Minimum execution time: 128_947_000 picoseconds.
		Weight::from_parts(229_250_000, 4853)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Agents::Feedback` (r:1 w:1)
	/// Proof: `Agents::Feedback` (`max_values`: None, `max_size`: Some(302), added: 2777, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	fn revoke_feedback() -> Weight {
		// Proof size, measured: `742`
		// Proof size, estimated: `3767`
		// Minimum execution time: 83_902_000 picoseconds.
		Weight::from_parts(146_290_000, 3767)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Agents::Feedback` (r:1 w:1)
	/// Proof: `Agents::Feedback` (`max_values`: None, `max_size`: Some(302), added: 2777, mode: `MaxEncodedLen`)
	fn append_response() -> Weight {
		// Proof size, measured: `475`
		// Proof size, estimated: `3767`
		// Minimum execution time: 35_981_000 picoseconds.
		Weight::from_parts(63_712_000, 3767)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Agents::AgentRecords` (r:1 w:0)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	/// Storage: `Agents::Validations` (r:1 w:1)
	/// Proof: `Agents::Validations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Agents::ValidationsByAgent` (r:0 w:1)
	/// Proof: `Agents::ValidationsByAgent` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Agents::ValidationsByValidator` (r:0 w:1)
	/// Proof: `Agents::ValidationsByValidator` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn validation_request() -> Weight {
		// Proof size, measured: `1619`
		// Proof size, estimated: `4853`
		// Minimum execution time: 112_575_000 picoseconds.
		Weight::from_parts(204_902_000, 4853)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Agents::Validations` (r:1 w:1)
	/// Proof: `Agents::Validations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	fn validation_response() -> Weight {
		// Proof size, measured: `317`
		// Proof size, estimated: `3705`
		// Minimum execution time: 28_956_000 picoseconds.
		Weight::from_parts(55_592_000, 3705)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Agents::Validations` (r:1 w:1)
	/// Proof: `Agents::Validations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Agents::ValidationsByAgent` (r:0 w:1)
	/// Proof: `Agents::ValidationsByAgent` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Agents::ValidationsByValidator` (r:0 w:1)
	/// Proof: `Agents::ValidationsByValidator` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn remove_validation() -> Weight {
		// Proof size, measured: `495`
		// Proof size, estimated: `3705`
		// Minimum execution time: 92_476_000 picoseconds.
		Weight::from_parts(160_288_000, 3705)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Agents::AgentByWallet` (r:1 w:0)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Agents::Executions` (r:1 w:1)
	/// Proof: `Agents::Executions` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn on_settled() -> Weight {
		// Proof size, measured: `151`
		// Proof size, estimated: `3521`
		// Minimum execution time: 17_395_000 picoseconds.
		Weight::from_parts(29_784_000, 3521)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same weights priced for ParityDB, for test runtimes.
impl WeightInfo for () {
	/// Storage: `Agents::NextAgentId` (r:1 w:1)
	/// Proof: `Agents::NextAgentId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:1 w:1)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentRecords` (r:0 w:1)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	/// Storage: `Agents::Metadata` (r:0 w:16)
	/// Proof: `Agents::Metadata` (`max_values`: None, `max_size`: Some(1124), added: 3599, mode: `MaxEncodedLen`)
	/// The range of component `m` is `[0, 16]`.
	fn register(m: u32, ) -> Weight {
		// Proof size, measured: `109`
		// Proof size, estimated: `3593`
		// Minimum execution time: 100_340_000 picoseconds.
		Weight::from_parts(183_594_937, 3593)
			// Standard error: 44_792
			.saturating_add(Weight::from_parts(15_450_153, 0).saturating_mul(m.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(m.into())))
	}
	/// Storage: `Agents::AgentRecords` (r:1 w:1)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	fn set_agent_uri() -> Weight {
		// Proof size, measured: `1461`
		// Proof size, estimated: `4853`
		// Minimum execution time: 30_831_000 picoseconds.
		Weight::from_parts(59_606_000, 4853)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	/// Storage: `Agents::AgentRecords` (r:1 w:1)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	/// Storage: `Agents::Metadata` (r:1 w:1)
	/// Proof: `Agents::Metadata` (`max_values`: None, `max_size`: Some(1124), added: 3599, mode: `MaxEncodedLen`)
	fn set_metadata() -> Weight {
		// Proof size, measured: `2918`
		// Proof size, estimated: `4853`
		// Minimum execution time: 49_042_000 picoseconds.
		Weight::from_parts(89_680_000, 4853)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	/// Storage: `Agents::AgentRecords` (r:1 w:1)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:0 w:1)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn transfer_ownership() -> Weight {
		// Proof size, measured: `1792`
		// Proof size, estimated: `6196`
		// Minimum execution time: 163_960_000 picoseconds.
		Weight::from_parts(270_140_000, 6196)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	/// Storage: `Agents::AgentRecords` (r:1 w:1)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	fn set_operator() -> Weight {
		// Proof size, measured: `1587`
		// Proof size, estimated: `4853`
		// Minimum execution time: 96_107_000 picoseconds.
		Weight::from_parts(180_517_000, 4853)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	/// Storage: `Agents::AgentRecords` (r:1 w:1)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	/// Storage: `Agents::Metadata` (r:16 w:16)
	/// Proof: `Agents::Metadata` (`max_values`: None, `max_size`: Some(1124), added: 3599, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:0 w:1)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// The range of component `m` is `[0, 16]`.
	fn deregister(m: u32, ) -> Weight {
		// Proof size, measured: `1651 + m * (120 ±0)`
		// Proof size, estimated: `4853 + m * (3599 ±0)`
		// Minimum execution time: 94_606_000 picoseconds.
		Weight::from_parts(167_932_928, 4853)
			// Standard error: 37_853
			.saturating_add(Weight::from_parts(3_775_996, 0).saturating_mul(m.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(m.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(m.into())))
			.saturating_add(Weight::from_parts(0, 3599).saturating_mul(m.into()))
	}
	/// Storage: `Agents::AgentRecords` (r:1 w:1)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:1 w:2)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn set_agent_wallet() -> Weight {
		// Proof size, measured: `1535`
		// Proof size, estimated: `4853`
		// Minimum execution time: 101_207_000 picoseconds.
		Weight::from_parts(222_261_000, 4853)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	/// Storage: `Agents::AgentRecords` (r:1 w:1)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:0 w:1)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn unset_agent_wallet() -> Weight {
		// Proof size, measured: `1461`
		// Proof size, estimated: `4853`
		// Minimum execution time: 31_707_000 picoseconds.
		Weight::from_parts(57_070_000, 4853)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	/// Storage: `Agents::AgentRecords` (r:1 w:0)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	/// Storage: `Agents::FeedbackOfPayment` (r:1 w:1)
	/// Proof: `Agents::FeedbackOfPayment` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:1 w:0)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `Agents::LastFeedbackIndex` (r:1 w:1)
	/// Proof: `Agents::LastFeedbackIndex` (`max_values`: None, `max_size`: Some(72), added: 2547, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Agents::Feedback` (r:0 w:1)
	/// Proof: `Agents::Feedback` (`max_values`: None, `max_size`: Some(302), added: 2777, mode: `MaxEncodedLen`)
	fn give_feedback() -> Weight {
		// Proof size, measured: `1932`
		// Proof size, estimated: `4853`
		// Minimum execution time: 128_947_000 picoseconds.
		Weight::from_parts(229_250_000, 4853)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	/// Storage: `Agents::Feedback` (r:1 w:1)
	/// Proof: `Agents::Feedback` (`max_values`: None, `max_size`: Some(302), added: 2777, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	fn revoke_feedback() -> Weight {
		// Proof size, measured: `742`
		// Proof size, estimated: `3767`
		// Minimum execution time: 83_902_000 picoseconds.
		Weight::from_parts(146_290_000, 3767)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	/// Storage: `Agents::Feedback` (r:1 w:1)
	/// Proof: `Agents::Feedback` (`max_values`: None, `max_size`: Some(302), added: 2777, mode: `MaxEncodedLen`)
	fn append_response() -> Weight {
		// Proof size, measured: `475`
		// Proof size, estimated: `3767`
		// Minimum execution time: 35_981_000 picoseconds.
		Weight::from_parts(63_712_000, 3767)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	/// Storage: `Agents::AgentRecords` (r:1 w:0)
	/// Proof: `Agents::AgentRecords` (`max_values`: None, `max_size`: Some(1388), added: 3863, mode: `MaxEncodedLen`)
	/// Storage: `Agents::Validations` (r:1 w:1)
	/// Proof: `Agents::Validations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Agents::ValidationsByAgent` (r:0 w:1)
	/// Proof: `Agents::ValidationsByAgent` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Agents::ValidationsByValidator` (r:0 w:1)
	/// Proof: `Agents::ValidationsByValidator` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn validation_request() -> Weight {
		// Proof size, measured: `1619`
		// Proof size, estimated: `4853`
		// Minimum execution time: 112_575_000 picoseconds.
		Weight::from_parts(204_902_000, 4853)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	/// Storage: `Agents::Validations` (r:1 w:1)
	/// Proof: `Agents::Validations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	fn validation_response() -> Weight {
		// Proof size, measured: `317`
		// Proof size, estimated: `3705`
		// Minimum execution time: 28_956_000 picoseconds.
		Weight::from_parts(55_592_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	/// Storage: `Agents::Validations` (r:1 w:1)
	/// Proof: `Agents::Validations` (`max_values`: None, `max_size`: Some(240), added: 2715, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Agents::ValidationsByAgent` (r:0 w:1)
	/// Proof: `Agents::ValidationsByAgent` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Agents::ValidationsByValidator` (r:0 w:1)
	/// Proof: `Agents::ValidationsByValidator` (`max_values`: None, `max_size`: Some(96), added: 2571, mode: `MaxEncodedLen`)
	fn remove_validation() -> Weight {
		// Proof size, measured: `495`
		// Proof size, estimated: `3705`
		// Minimum execution time: 92_476_000 picoseconds.
		Weight::from_parts(160_288_000, 3705)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	/// Storage: `Agents::AgentByWallet` (r:1 w:0)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Agents::Executions` (r:1 w:1)
	/// Proof: `Agents::Executions` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn on_settled() -> Weight {
		// Proof size, measured: `151`
		// Proof size, estimated: `3521`
		// Minimum execution time: 17_395_000 picoseconds.
		Weight::from_parts(29_784_000, 3521)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
