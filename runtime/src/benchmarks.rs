//! The pallets benchmarked on our own hardware; `scripts/bench-weights.sh` runs them and writes
//! the weight files the runtime uses. The macros this defines are used in `apis.rs`.

polkadot_sdk::frame_benchmarking::define_benchmarks!(
	[pallet_x402, X402]
	[pallet_agents, Agents]
	[pallet_mandates, Mandates]
	[pallet_assets, Assets]
);
