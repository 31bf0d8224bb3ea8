//! The agentchain runtime.
//!
//! Aura block production and GRANDPA finality, the native fee token in `pallet-balances`,
//! transaction fees, `pallet-assets` for stablecoins (a `USDC` stablecoin exists from genesis),
//! `pallet-x402` for payments authorized by payers' signatures, and `pallet-sudo` for
//! development chains.

#![cfg_attr(not(feature = "std"), no_std)]
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

/// A second build of this runtime (feature `upgrade-test`) for the node's upgrade test: spec
/// version + 1, one more transaction extension, one more pallet (`Remark`: a call and an
/// event), and a smaller x402 batch limit. Never part of a chain spec; not in benchmarking
/// builds.
#[cfg(all(feature = "std", not(feature = "runtime-benchmarks")))]
pub mod upgrade_test {
	include!(concat!(env!("OUT_DIR"), "/agentchain_runtime_upgrade_test"));
}

extern crate alloc;

// Before `apis`: its `list_benchmarks!`/`add_benchmarks!` macros are used there.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod configs;
mod evm_views;
pub mod genesis_config_presets;
mod settlement_tx;
pub mod weights;

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_executive, frame_support, frame_system, pallet_assets, pallet_aura, pallet_balances,
	pallet_grandpa, pallet_sudo, pallet_timestamp, pallet_transaction_payment,
	sp_runtime::{self, generic, impl_opaque_keys},
	sp_version::{runtime_version, RuntimeVersion},
};

// In scope for `construct_runtime`, which names it even where the upgrade-test pallet is
// configured out.
#[allow(unused_imports)]
use polkadot_sdk::pallet_remark;

pub use agentchain_primitives::{
	stablecoin, AccountId, AssetId, Balance, BlockNumber, Hash, Moment, Nonce, Signature, UNIT,
};

/// Types the node needs without knowing the runtime's calls.
pub mod opaque {
	use super::*;

	pub use agentchain_primitives::{Block, Header};

	/// A block hash.
	pub type Hash = agentchain_primitives::Hash;

	impl_opaque_keys! {
		/// The keys a validator registers: Aura for block production, GRANDPA for finality.
		pub struct SessionKeys {
			pub aura: Aura,
			pub grandpa: Grandpa,
		}
	}
}

pub use opaque::SessionKeys;

#[cfg(not(feature = "upgrade-test"))]
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("agentchain"),
	impl_name: alloc::borrow::Cow::Borrowed("agentchain"),
	authoring_version: 1,
	spec_version: 100,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// The upgrade-test build's version: the next spec, and a new transaction version for its one
/// more transaction extension. A second constant because `#[runtime_version]` reads only
/// literals.
#[cfg(feature = "upgrade-test")]
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("agentchain"),
	impl_name: alloc::borrow::Cow::Borrowed("agentchain"),
	authoring_version: 1,
	spec_version: 101,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 2,
	system_version: 1,
};

/// Target block time in milliseconds: the one constant that sets the chain's pace.
///
/// The Aura slot, the timestamp pallet's minimum period and the block weight budget all derive
/// from it.
pub const MILLI_SECS_PER_BLOCK: u64 = 2000;

/// An Aura slot lasts exactly one block time.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks per minute, hour and day at the target block time, for configuring periods.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
pub const HOURS: BlockNumber = MINUTES * 60;
pub const DAYS: BlockNumber = HOURS * 24;

/// One thousandth of a native token.
pub const MILLI_UNIT: Balance = UNIT / 1_000;

/// The least native balance an account must keep to exist.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// The address format of the chain's accounts.
pub type Address = sp_runtime::MultiAddress<AccountId, ()>;

/// The block header.
pub type Header = generic::Header<BlockNumber, sp_runtime::traits::BlakeTwo256>;

/// A block with the runtime's own extrinsic type.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions every signed extrinsic carries, checked in this order.
#[cfg(not(feature = "upgrade-test"))]
pub type TxExtension = SystemTxExtension;

/// The upgrade-test build checks one more extension, as real upgrades add them.
#[cfg(feature = "upgrade-test")]
pub type TxExtension =
	(SystemTxExtension, polkadot_sdk::frame_metadata_hash_extension::CheckMetadataHash<Runtime>);

/// The checks of nonce, era, versions, genesis, weight and fee.
pub type SystemTxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The extensions of an immortal signed extrinsic with the given nonce and no tip, as a wallet
/// builds them.
pub fn immortal_tx_extension(nonce: Nonce) -> TxExtension {
	let extension: SystemTxExtension = (
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(generic::Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_system::WeightReclaim::new(),
	);
	#[cfg(feature = "upgrade-test")]
	let extension =
		(extension, polkadot_sdk::frame_metadata_hash_extension::CheckMetadataHash::new(false));
	extension
}

/// An extrinsic as it travels the network.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload an account signs for an extrinsic.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations to run on the next runtime upgrade.
type Migrations = ();

/// Dispatches extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(10)]
	pub type Assets = pallet_assets;

	#[runtime::pallet_index(20)]
	pub type X402 = pallet_x402;

	#[runtime::pallet_index(21)]
	pub type Agents = pallet_agents;

	#[runtime::pallet_index(22)]
	pub type Mandates = pallet_mandates;

	/// The upgrade-test build's one more call and event.
	#[cfg(feature = "upgrade-test")]
	#[runtime::pallet_index(30)]
	pub type Remark = pallet_remark;
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod weight_report;
