//! Deposits on hold for what accounts store: `ItemDeposit` per storage item plus `ByteDeposit`
//! per encoded byte, held under a [`HoldReason`] and released when the item goes.

use crate::*;
use codec::{Encode, MaxEncodedLen};
use polkadot_sdk::frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};

impl<T: Config> Pallet<T> {
	/// The deposit for `items` storage items of `bytes` bytes in all.
	pub(crate) fn deposit_for(items: u32, bytes: usize) -> Balance {
		T::ItemDeposit::get()
			.saturating_mul(items.into())
			.saturating_add(T::ByteDeposit::get().saturating_mul(bytes as Balance))
	}

	/// What an agent's record and metadata entries cost: the record is sized as if its deposit
	/// field were filled (it is fixed width).
	pub(crate) fn agent_deposit(record: &AgentRecord<T>) -> Balance {
		let bytes = record.encoded_size() + record.metadata_bytes as usize;
		Self::deposit_for(1 + record.metadata_entries, bytes)
	}

	/// What a feedback entry costs.
	pub(crate) fn feedback_deposit(record: &FeedbackRecord<T>) -> Balance {
		Self::deposit_for(1, record.encoded_size())
	}

	/// What a validation request costs: the record at its largest (a response can fill its
	/// tag) and its two index entries (32-byte hash, and the agent or validator key).
	pub(crate) fn validation_deposit() -> Balance {
		let indexes = 2 * (32 + AccountId::max_encoded_len());
		Self::deposit_for(3, ValidationRecord::<T>::max_encoded_len() + indexes)
	}

	/// Puts `amount` on hold from `who`.
	pub(crate) fn hold(reason: HoldReason, who: &AccountId, amount: Balance) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		T::Currency::hold(&reason.into(), who, amount)
			.map_err(|_| Error::<T>::CannotHoldDeposit.into())
	}

	/// Releases up to `amount` of `who`'s hold for `reason`.
	pub(crate) fn release(reason: HoldReason, who: &AccountId, amount: Balance) {
		if amount == 0 {
			return;
		}
		// Best effort: a hold that was slashed elsewhere releases what is left.
		let _ = T::Currency::release(&reason.into(), who, amount, Precision::BestEffort);
	}

	/// Brings the agent's deposit to what its record now costs, holding more or releasing the
	/// difference from its owner.
	pub(crate) fn settle_agent_deposit(record: &mut AgentRecord<T>) -> DispatchResult {
		let needed = Self::agent_deposit(record);
		if needed > record.deposit {
			Self::hold(HoldReason::AgentRegistration, &record.owner, needed - record.deposit)?;
		} else {
			Self::release(HoldReason::AgentRegistration, &record.owner, record.deposit - needed);
		}
		record.deposit = needed;
		Ok(())
	}
}
