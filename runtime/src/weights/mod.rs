//! Weights of polkadot-sdk pallets measured in our runtime on our machine
//! (`scripts/bench-weights.sh`), in place of their upstream reference-hardware weights.

pub mod pallet_assets;
