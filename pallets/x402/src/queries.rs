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
			let outcomes = Self::settle(items, Purpose::Transfer, None).outcomes;
			TransactionOutcome::Rollback(Ok::<_, DispatchError>(outcomes))
		});
		simulated.unwrap_or_default()
	}

	/// `payee`'s statements and open receipts in `asset` between two blocks (inclusive),
	/// reading at most `scan_limit` ledger entries and as many statements: both are kept in
	/// block order, so the first of the range is found by binary search and a report never
	/// walks what lies before it. A range with more entries is reported up to the end of a
	/// block, and `resume_from` says where the rest begins.
	pub fn statement_report(
		payee: AccountId,
		asset: AssetId,
		from_block: BlockNumberFor<T>,
		to_block: BlockNumberFor<T>,
		scan_limit: u32,
	) -> StatementReport<BlockNumberFor<T>> {
		let ledger = Ledgers::<T>::get(&payee, asset);
		let statement = |index: u32| Statements::<T>::get((&payee, asset, index));
		// The first statement that ends at or after `from_block`.
		let first = first_index(0, ledger.statements.into(), |index| {
			statement(index as u32).is_none_or(|s| s.to_block < from_block)
		}) as u32;
		let closed = (first..ledger.statements)
			.take(scan_limit as usize)
			.filter_map(|index| statement(index).map(|s| (index, s)))
			.take_while(|(_, s)| s.from_block <= to_block)
			.collect();
		let entry = |sequence: u64| LedgerEntries::<T>::get((&payee, asset, sequence));
		let mut report = StatementReport {
			closed,
			open: Vec::new(),
			open_count: 0,
			open_total: 0,
			resume_from: None,
		};
		// The first open entry in or after `from_block`.
		let first = first_index(ledger.first_open, ledger.next, |sequence| {
			entry(sequence).is_none_or(|e| e.block < from_block)
		});
		// A block is reported whole: the limit is checked where a block's entries begin (a
		// block holds few entries of one payee: one per settling call).
		let (mut block, mut scanned) = (None, 0u32);
		for sequence in first..ledger.next {
			let Some(entry) = entry(sequence) else { continue };
			if entry.block > to_block {
				break;
			}
			if block != Some(entry.block) {
				if scanned >= scan_limit {
					report.resume_from = Some(entry.block);
					break;
				}
				block = Some(entry.block);
			}
			scanned += 1;
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

/// The first index in `from..to` for which `before` is false, where `before` holds for a
/// prefix of the range (binary search).
fn first_index(mut from: u64, mut to: u64, before: impl Fn(u64) -> bool) -> u64 {
	while from < to {
		let middle = from + (to - from) / 2;
		if before(middle) {
			from = middle + 1;
		} else {
			to = middle;
		}
	}
	from
}
