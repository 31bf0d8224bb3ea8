//! `pallet-x402`: stablecoin payments authorized by payers' signatures (x402 settlement).

use crate::{
	AccountId, Agents, Assets, Balances, Mandates, Runtime, RuntimeHoldReason, Timestamp, DAYS,
	MILLI_UNIT,
};
use polkadot_sdk::{
	frame_support::traits::{ConstU128, ConstU32, ConstU64},
	frame_system::EnsureRoot,
};

impl pallet_x402::Config for Runtime {
	type Assets = Assets;
	type Time = Timestamp;
	type AdminOrigin = EnsureRoot<AccountId>;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// About what 100 bytes of state cost to keep (as agents' item deposit).
	type EvmAddressDeposit = ConstU128<{ 100 * MILLI_UNIT }>;
	/// The same for a canceled nonce's record (kept for good).
	type CancellationDeposit = ConstU128<{ 100 * MILLI_UNIT }>;
	/// An intent's window may be a day long at most; its used-nonce record lives that long
	/// after it settled.
	type MaxValidity = ConstU64<{ 24 * 60 * 60 }>;
	/// Intents per `settle_batch`: a facilitator's batch per block.
	#[cfg(not(feature = "upgrade-test"))]
	type MaxBatch = ConstU32<256>;
	#[cfg(feature = "upgrade-test")]
	type MaxBatch = ConstU32<64>;
	/// Ledger entries (settling calls) per `close_statement`.
	type MaxStatementEntries = ConstU32<512>;
	/// Receipts stay a day after settlement: the window for payment-backed feedback.
	type ReceiptRetention = ConstU32<DAYS>;
	/// Settlements into agents' wallets add to the agents' execution history.
	/// Delegate keys pay from their mandate's root, within its limits.
	type Mandates = Mandates;
	type OnSettled = Agents;
	type WeightInfo = pallet_x402::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// Creates a sufficient asset and sets the time for the x402 benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_x402::benchmarking::BenchmarkHelper for BenchmarkHelper {
	fn create_asset() -> agentchain_primitives::AssetId {
		use polkadot_sdk::frame_support::traits::fungibles::{Create, Inspect};
		const BENCH_ASSET: agentchain_primitives::AssetId = 1_000;
		if !<Assets as Inspect<AccountId>>::asset_exists(BENCH_ASSET) {
			let owner: AccountId = polkadot_sdk::frame_benchmarking::account("owner", 0, 0);
			<Assets as Create<AccountId>>::create(BENCH_ASSET, owner, true, 1)
				.expect("a new asset id");
		}
		BENCH_ASSET
	}

	fn set_time(seconds: pallet_x402::UnixSeconds) {
		polkadot_sdk::pallet_timestamp::Now::<Runtime>::put(seconds * 1_000);
	}
}
