//! Block production (Aura) and finality (GRANDPA), both paced by the runtime's block time.

use crate::{Aura, Runtime, RuntimeEvent, SLOT_DURATION};
use polkadot_sdk::{
	frame_support::traits::{ConstBool, ConstU32, ConstU64},
	pallet_aura, pallet_grandpa, pallet_timestamp,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
};

/// The most validators Aura and GRANDPA accept.
const MAX_AUTHORITIES: u32 = 32;

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// Two consecutive blocks are at least one slot apart.
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = polkadot_sdk::sp_core::Void;
	type EquivocationReportSystem = ();
}
