//! Read-only views for the runtime API.

use crate::*;
use agentchain_primitives::x402::api::{StatementReport, MAX_REPORTED_RECEIPTS};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{
		pallet_prelude::Get,
		storage::{with_transaction, TransactionOutcome},
	},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::{traits::Saturating, DispatchError},
};

impl<T: Config> Pallet<T> {
	/// What `settle_batch(items)` would do to each item now, with nothing kept: its payment id
	/// and outcome, in order. Like the call, it takes at most `MaxBatch` items.
	pub fn simulate_batch(
		items: Vec<(Intent, IntentSignature)>,
	) -> Vec<(PaymentId, Result<(), IntentError>)> {
		let items = items.into_iter().take(T::MaxBatch::get() as usize).collect();
		let simulated = with_transaction(|| {
			let outcomes = Self::settle(items, Purpose::Transfer).outcomes;
			TransactionOutcome::Rollback(Ok::<_, DispatchError>(outcomes))
		});
		simulated.unwrap_or_default()
	}

	/// `payee`'s closed statements overlapping `[from_block, to_block]` and its open receipts
	/// settled within it.
	pub fn statement_report(
		payee: AccountId,
		asset: AssetId,
		from_block: BlockNumberFor<T>,
		to_block: BlockNumberFor<T>,
	) -> StatementReport<BlockNumberFor<T>> {
		let ledger = Ledgers::<T>::get(&payee, asset);
		let closed = (0..ledger.statements)
			.filter_map(|index| {
				Statements::<T>::get((&payee, asset, index)).map(|statement| (index, statement))
			})
			.filter(|(_, s)| s.from_block <= to_block && s.to_block >= from_block)
			.collect();
		let mut report = StatementReport { closed, open: Vec::new(), open_count: 0, open_total: 0 };
		for sequence in ledger.first_open..ledger.next {
			let Some(entry) = LedgerEntries::<T>::get((&payee, asset, sequence)) else { continue };
			if entry.block < from_block {
				continue;
			}
			if entry.block > to_block {
				break;
			}
			report.open_count.saturating_accrue(entry.count);
			report.open_total.saturating_accrue(entry.total);
			for payment_id in entry.payments {
				if report.open.len() >= MAX_REPORTED_RECEIPTS as usize {
					break;
				}
				if let Some(receipt) = Self::receipt(payment_id) {
					report.open.push((payment_id, receipt));
				}
			}
		}
		report
	}
}
