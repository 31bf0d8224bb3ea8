//! Removing expired mandates in `on_idle`, by the hour their expiry falls in: a sweep reads
//! only hours that are over and the mandates it removes.

use crate::*;
use agentchain_primitives::AccountId;
use polkadot_sdk::frame_support::weights::Weight;

/// The width of an expiry bucket in seconds.
pub const HOUR: UnixSeconds = 60 * 60;

impl<T: Config> Pallet<T> {
	/// The bucket an expiry falls in.
	pub(crate) fn hour_of(expires: UnixSeconds) -> u64 {
		expires / HOUR
	}

	/// Files mandate `id` of `delegate` under the hour of `expires`.
	pub(crate) fn expire_at(id: MandateId, expires: UnixSeconds, delegate: &AccountId) {
		let hour = Self::hour_of(expires);
		Expiring::<T>::insert(hour, id, delegate);
		// Every later grant expires in this hour or after it (expiries are in the future).
		if ExpiryCursor::<T>::get() == 0 {
			ExpiryCursor::<T>::put(hour);
		}
	}

	/// Removes mandates whose hour is over, oldest hour first, within `remaining`; returns
	/// the weight used. An hour cut short by the weight is resumed in the next block.
	pub(crate) fn remove_expired(remaining: Weight) -> Weight {
		let per_hour = T::WeightInfo::remove_expired(0);
		let per_mandate = T::WeightInfo::remove_expired(1).saturating_sub(per_hour);
		let fits = |used: Weight, more: Weight| used.saturating_add(more).all_lte(remaining);
		let mut cursor = ExpiryCursor::<T>::get();
		let start = cursor;
		// Hours before this one are over: every mandate in them has expired.
		let current = Self::hour_of(Self::now());
		let mut used = Weight::zero();
		while cursor != 0 && cursor < current && fits(used, per_hour) {
			used.saturating_accrue(per_hour);
			let mut hour_done = true;
			for (id, delegate) in Expiring::<T>::iter_prefix(cursor) {
				if !fits(used, per_mandate) {
					hour_done = false;
					break;
				}
				used.saturating_accrue(per_mandate);
				// Sessions expire no later than their parent, so they are in this hour or an
				// earlier one: each goes on its own. A revoked one left only its key's entry.
				Expiring::<T>::remove(cursor, id);
				if Self::remove(id).is_some() {
					Self::deposit_event(Event::Expired { mandate: id });
				}
				MandateOf::<T>::mutate_exists(&delegate, |entry| {
					if *entry == Some(id) {
						*entry = None;
					}
				});
			}
			if !hour_done {
				break;
			}
			cursor = cursor.saturating_add(1);
		}
		if cursor != start {
			ExpiryCursor::<T>::put(cursor);
		}
		used
	}
}
