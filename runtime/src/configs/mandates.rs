//! `pallet-mandates`: delegate keys spend a root account's funds within on-chain limits.

use crate::{Agents, Balances, Runtime, RuntimeHoldReason, Timestamp, MILLI_UNIT};
use polkadot_sdk::frame_support::traits::{ConstU128, ConstU32, ConstU64};

impl pallet_mandates::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Agents = Agents;
	type Time = Timestamp;
	/// Signed grants are signed against this network's x402 chain id (from its chain spec).
	type EvmChainId = pallet_x402::EvmChainIdOf<Runtime>;
	/// As agents' deposits: a tenth of a token per item and a thousandth per byte, so a
	/// mandate with short terms holds about one token, one with every list full about five.
	type ItemDeposit = ConstU128<{ 100 * MILLI_UNIT }>;
	type ByteDeposit = ConstU128<{ MILLI_UNIT }>;
	/// Sessions per mandate: an agent's concurrent tasks.
	type MaxSessions = ConstU32<16>;
	/// A mandate runs a year at most (seconds).
	type MaxLifetime = ConstU64<{ 365 * 24 * 60 * 60 }>;
	type WeightInfo = pallet_mandates::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// Sets the time and gives an agent a wallet for the mandate benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_mandates::benchmarking::BenchmarkHelper for BenchmarkHelper {
	fn set_time(seconds: pallet_mandates::UnixSeconds) {
		polkadot_sdk::pallet_timestamp::Now::<Runtime>::put(seconds * 1_000);
	}

	fn agent_with_wallet(
	) -> (agentchain_primitives::agents::AgentId, agentchain_primitives::AccountId) {
		let wallet: agentchain_primitives::AccountId =
			polkadot_sdk::frame_benchmarking::account("agent-wallet", 0, 0);
		pallet_agents::AgentByWallet::<Runtime>::insert(&wallet, 1);
		(1, wallet)
	}
}
