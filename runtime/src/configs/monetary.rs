//! The native fee token, transaction fees and the development sudo key.

use crate::{
	Balance, Balances, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
	EXISTENTIAL_DEPOSIT,
};
use polkadot_sdk::{
	frame_support::{
		derive_impl, parameter_types,
		traits::{ConstU128, ConstU32, ConstU8, VariantCountOf},
		weights::{ConstantMultiplier, IdentityFee},
	},
	pallet_balances, pallet_sudo,
	pallet_transaction_payment::{self, ConstFeeMultiplier, FungibleAdapter, Multiplier},
	sp_runtime::traits::One,
};

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = crate::System;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

/// What a byte of an extrinsic costs: its share of a block's compute. A block filled with bytes
/// costs what a block filled with weight costs (1 AGC per block's worth), so junk cannot fill
/// the chain's history for less than it would take to fill its blocks with work.
pub const FEE_PER_BYTE: Balance =
	(super::system::MAXIMUM_BLOCK_REF_TIME / super::system::MAXIMUM_BLOCK_LENGTH as u64) as Balance;

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Fees are burned: the chain has no treasury.
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	/// One unit of the smallest native denomination per picosecond of weight.
	type WeightToFee = IdentityFee<Balance>;
	/// [`FEE_PER_BYTE`] per byte.
	type LengthToFee = ConstantMultiplier<Balance, ConstU128<FEE_PER_BYTE>>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
