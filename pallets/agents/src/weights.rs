//! Weights of `pallet_agents`: placeholder until `scripts/bench-weights.sh pallet_agents` runs.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use polkadot_sdk::frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// Weight functions of `pallet_agents`.
pub trait WeightInfo {
	fn register(m: u32, ) -> Weight;
	fn set_agent_uri() -> Weight;
	fn set_metadata() -> Weight;
	fn transfer_ownership() -> Weight;
	fn set_operator() -> Weight;
	fn deregister(m: u32, ) -> Weight;
	fn set_agent_wallet() -> Weight;
	fn unset_agent_wallet() -> Weight;
	fn give_feedback() -> Weight;
	fn revoke_feedback() -> Weight;
	fn append_response() -> Weight;
	fn validation_request() -> Weight;
	fn validation_response() -> Weight;
	fn remove_validation() -> Weight;
	fn on_settled() -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register(_m: u32, ) -> Weight { Weight::from_parts(500_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn set_agent_uri() -> Weight { Weight::from_parts(500_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn set_metadata() -> Weight { Weight::from_parts(500_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn transfer_ownership() -> Weight { Weight::from_parts(500_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn set_operator() -> Weight { Weight::from_parts(500_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn deregister(_m: u32, ) -> Weight { Weight::from_parts(500_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn set_agent_wallet() -> Weight { Weight::from_parts(500_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn unset_agent_wallet() -> Weight { Weight::from_parts(500_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn give_feedback() -> Weight { Weight::from_parts(500_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn revoke_feedback() -> Weight { Weight::from_parts(500_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn append_response() -> Weight { Weight::from_parts(500_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn validation_request() -> Weight { Weight::from_parts(500_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn validation_response() -> Weight { Weight::from_parts(500_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn remove_validation() -> Weight { Weight::from_parts(500_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn on_settled() -> Weight { Weight::from_parts(500_000_000, 20_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
}

/// Weights for tests.
impl WeightInfo for () {
	fn register(_m: u32, ) -> Weight { Weight::from_parts(500_000_000, 20_000) }
	fn set_agent_uri() -> Weight { Weight::from_parts(500_000_000, 20_000) }
	fn set_metadata() -> Weight { Weight::from_parts(500_000_000, 20_000) }
	fn transfer_ownership() -> Weight { Weight::from_parts(500_000_000, 20_000) }
	fn set_operator() -> Weight { Weight::from_parts(500_000_000, 20_000) }
	fn deregister(_m: u32, ) -> Weight { Weight::from_parts(500_000_000, 20_000) }
	fn set_agent_wallet() -> Weight { Weight::from_parts(500_000_000, 20_000) }
	fn unset_agent_wallet() -> Weight { Weight::from_parts(500_000_000, 20_000) }
	fn give_feedback() -> Weight { Weight::from_parts(500_000_000, 20_000) }
	fn revoke_feedback() -> Weight { Weight::from_parts(500_000_000, 20_000) }
	fn append_response() -> Weight { Weight::from_parts(500_000_000, 20_000) }
	fn validation_request() -> Weight { Weight::from_parts(500_000_000, 20_000) }
	fn validation_response() -> Weight { Weight::from_parts(500_000_000, 20_000) }
	fn remove_validation() -> Weight { Weight::from_parts(500_000_000, 20_000) }
	fn on_settled() -> Weight { Weight::from_parts(500_000_000, 20_000) }
}
