//! Configuration of each pallet in the runtime, grouped by concern.

mod agents;
mod assets;
mod consensus;
mod mandates;
mod monetary;
mod system;
#[cfg(feature = "upgrade-test")]
mod upgrade_test;
mod x402;

pub use monetary::FEE_PER_BYTE;
pub use system::{
	RuntimeBlockLength, RuntimeBlockWeights, MAXIMUM_BLOCK_LENGTH, MAXIMUM_BLOCK_REF_TIME,
};
