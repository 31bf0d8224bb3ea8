//! PROVISIONAL weights of `pallet_mandates`, to be replaced by `scripts/bench-weights.sh
//! pallet_mandates` before this pallet lands.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use polkadot_sdk::frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// Weight functions of `pallet_mandates`.
pub trait WeightInfo {
	fn grant() -> Weight;
	fn grant_signed() -> Weight;
	fn revoke(s: u32, ) -> Weight;
	fn revoke_signed(s: u32, ) -> Weight;
	fn remove_expired(m: u32, ) -> Weight;
	fn authorize_and_charge() -> Weight;
	fn authorize_unmandated() -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn grant() -> Weight {
		Weight::from_parts(100_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(24, 8))
	}
	fn grant_signed() -> Weight {
		Weight::from_parts(150_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(25, 9))
	}
	fn revoke(s: u32, ) -> Weight {
		Weight::from_parts(50_000_000, 10_000)
			.saturating_add(Weight::from_parts(50_000_000, 10_000).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads_writes(4, 8))
			.saturating_add(T::DbWeight::get().reads_writes(3, 8).saturating_mul(s.into()))
	}
	fn revoke_signed(s: u32, ) -> Weight {
		Self::revoke(s).saturating_add(Weight::from_parts(50_000_000, 0))
	}
	fn remove_expired(m: u32, ) -> Weight {
		Weight::from_parts(10_000_000, 1_000)
			.saturating_add(Weight::from_parts(50_000_000, 10_000).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads_writes(2, 1))
			.saturating_add(T::DbWeight::get().reads_writes(3, 8).saturating_mul(m.into()))
	}
	fn authorize_and_charge() -> Weight {
		Weight::from_parts(50_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(6, 2))
	}
	fn authorize_unmandated() -> Weight {
		Weight::from_parts(5_000_000, 600).saturating_add(T::DbWeight::get().reads(1))
	}
}

impl WeightInfo for () {
	fn grant() -> Weight { Weight::zero() }
	fn grant_signed() -> Weight { Weight::zero() }
	fn revoke(_s: u32, ) -> Weight { Weight::zero() }
	fn revoke_signed(_s: u32, ) -> Weight { Weight::zero() }
	fn remove_expired(_m: u32, ) -> Weight { Weight::zero() }
	fn authorize_and_charge() -> Weight { Weight::zero() }
	fn authorize_unmandated() -> Weight { Weight::zero() }
}
