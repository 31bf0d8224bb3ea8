//! `pallet-assets`: stablecoins and other fungible assets.
//!
//! Anyone may create an asset against a deposit; Root (sudo on development chains) can force
//! changes to any asset, including its issuer. The `USDC` stablecoin is created at genesis (see
//! `genesis_config_presets`), is *sufficient* (an account may hold it without any native balance,
//! as paying agents do) and is issued by the genesis sudo key.

use crate::{AccountId, AssetId, Balance, Balances, Runtime, RuntimeEvent, MILLI_UNIT, UNIT};
use polkadot_sdk::{
	frame_support::traits::{AsEnsureOriginWithArg, ConstU128, ConstU32},
	frame_system::{EnsureRoot, EnsureSigned},
	pallet_assets,
};

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type AssetId = AssetId;
	type AssetIdParameter = codec::Compact<AssetId>;
	type ReserveData = ();
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	/// Held from the creator of a new asset class.
	type AssetDeposit = ConstU128<{ 10 * UNIT }>;
	/// Held for each account entry of a non-sufficient asset.
	type AssetAccountDeposit = ConstU128<{ MILLI_UNIT }>;
	type MetadataDepositBase = ConstU128<{ UNIT }>;
	type MetadataDepositPerByte = ConstU128<{ MILLI_UNIT }>;
	type ApprovalDeposit = ConstU128<{ MILLI_UNIT }>;
	/// Longest asset name or symbol, in bytes.
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	/// Most accounts or approvals destroyed in one `destroy_accounts`/`destroy_approvals` call.
	type RemoveItemsLimit = ConstU32<1000>;
	type WeightInfo = crate::weights::pallet_assets::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}
