//! `frame-system`: block limits, database weights and account data.

use crate::{
	AccountId, Balance, Block, Hash, Nonce, PalletInfo, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeOrigin, RuntimeTask, MILLI_SECS_PER_BLOCK, VERSION,
};
use polkadot_sdk::{
	frame_support::{
		derive_impl,
		dispatch::DispatchClass,
		parameter_types,
		weights::{
			constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_MILLIS},
			Weight,
		},
	},
	frame_system::{
		self,
		limits::{BlockLength, BlockWeights},
	},
	pallet_balances,
	sp_runtime::Perbill,
};

/// Share of a block's weight and length that normal (non-operational) extrinsics may use.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Compute time a block may take: half the block time, so that an importing node on the same
/// hardware keeps up and the author's proposal (two thirds of the slot) has slack.
const MAXIMUM_BLOCK_REF_TIME_MILLIS: u64 = MILLI_SECS_PER_BLOCK / 2;

/// Largest encoded block: 5 MiB.
pub const MAXIMUM_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

/// A block's compute budget in weight (picoseconds).
pub const MAXIMUM_BLOCK_REF_TIME: u64 = MAXIMUM_BLOCK_REF_TIME_MILLIS * WEIGHT_REF_TIME_PER_MILLIS;

parameter_types! {
	pub const BlockHashCount: u32 = 2400;
	pub const Version: polkadot_sdk::sp_version::RuntimeVersion = VERSION;

	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(MAXIMUM_BLOCK_REF_TIME, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAXIMUM_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_LENGTH
		})
		.build();

	/// Generic Substrate prefix (42) until the chain registers its own.
	pub const SS58Prefix: u8 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB (the only backend it is built with), so weights use
	/// ParityDB's read and write costs.
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = polkadot_sdk::frame_support::traits::ConstU32<16>;
}
