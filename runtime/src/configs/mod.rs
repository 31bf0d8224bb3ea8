//! Configuration of each pallet in the runtime, grouped by concern.

mod agents;
mod assets;
mod consensus;
mod monetary;
mod system;
#[cfg(feature = "upgrade-test")]
mod upgrade_test;
mod x402;

pub use system::{RuntimeBlockLength, RuntimeBlockWeights};
