//! `benchmark pallet`: runs a runtime's frame-benchmarking suites and writes weight files.
//!
//! The runtime comes from `--runtime <wasm>` (built with its `runtime-benchmarks` feature) and
//! its genesis from the runtime's own presets, so the node itself needs no benchmarking code.

use polkadot_sdk::{frame_benchmarking_cli::PalletCmd, sc_cli, sp_runtime::traits::BlakeTwo256};

/// Benchmarking subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum BenchmarkCmd {
	/// Benchmark the extrinsics of the pallets in the runtime given by `--runtime`.
	Pallet(PalletCmd),
}

/// Runs a benchmarking subcommand.
pub fn run(cmd: &BenchmarkCmd) -> sc_cli::Result<()> {
	match cmd {
		BenchmarkCmd::Pallet(cmd) => {
			if cmd.runtime.is_none() {
				return Err("`benchmark pallet` needs `--runtime <wasm>`: a runtime built with \
				            the `runtime-benchmarks` feature (see scripts/bench-weights.sh)"
					.into());
			}
			cmd.run_with_spec::<BlakeTwo256, ()>(None)
		},
	}
}
