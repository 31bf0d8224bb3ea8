//! `pallet-remark`, in the upgrade-test build only: the one more call and event variant that the
//! node's upgrade test expects it to keep working across.

use crate::{Runtime, RuntimeEvent};

impl polkadot_sdk::pallet_remark::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = polkadot_sdk::pallet_remark::weights::SubstrateWeight<Runtime>;
}
