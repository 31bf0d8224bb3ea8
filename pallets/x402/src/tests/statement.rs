//! Reconciliation: the payee's ledger, `close_statement`, commitments and receipt pruning.

use crate::{mock::*, *};
use codec::Encode;
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_core::H256,
	sp_crypto_hashing::blake2_256,
};

fn pay(nonce: u8, amount: Balance) -> Intent {
	let intent = intent(&account_of(&alice()), &account_of(&charlie()), amount, nonce);
	assert_ok!(X402::transfer_with_authorization(
		RuntimeOrigin::signed(facilitator()),
		Box::new(intent.clone()),
		sign_native(&alice(), &intent, Purpose::Transfer)
	));
	intent
}

fn close(up_to: u64) -> polkadot_sdk::frame_support::dispatch::DispatchResultWithPostInfo {
	X402::close_statement(RuntimeOrigin::signed(account_of(&charlie())), USDC, up_to)
}

#[test]
fn closing_records_totals_and_a_commitment_and_removes_the_entries() {
	new_test_ext().execute_with(|| {
		let payer = account_of(&alice());
		let first = pay(1, 100);
		System::set_block_number(2);
		let second = pay(2, 250);
		System::set_block_number(3);
		let third = pay(3, 7);

		assert_ok!(close(2));
		let statement = Statements::<Test>::get((account_of(&charlie()), USDC, 0)).expect("closed");
		assert_eq!((statement.from_block, statement.to_block), (1, 2));
		assert_eq!((statement.count, statement.total, statement.first_entry), (2, 350, 0));
		let mut expected = H256::zero();
		for intent in [&first, &second] {
			expected =
				H256(blake2_256(&(expected, intent.payment_id(), &payer, intent.amount).encode()));
		}
		assert_eq!(statement.commitment, expected);

		// The closed period's ledger entries are gone, the open one stays; receipts and used
		// nonces stay until the intents expire.
		let payee = account_of(&charlie());
		assert!(!LedgerEntries::<Test>::contains_key((&payee, USDC, 0)));
		assert!(!LedgerEntries::<Test>::contains_key((&payee, USDC, 1)));
		assert!(LedgerEntries::<Test>::contains_key((&payee, USDC, 2)));
		assert!(X402::receipt(first.payment_id()).is_some());
		assert!(X402::receipt(third.payment_id()).is_some());
		assert!(X402::authorization_state(&payer, &first.nonce).is_some());
		let ledger = Ledgers::<Test>::get(account_of(&charlie()), USDC);
		assert_eq!(
			(ledger.first_open, ledger.next, ledger.lifetime_total, ledger.statements),
			(2, 3, 357, 1)
		);
	});
}

#[test]
fn closing_is_bounded_and_resumes() {
	new_test_ext().execute_with(|| {
		for nonce in 0..6 {
			pay(nonce, 10);
		}
		// MaxStatementEntries is 4 in the test runtime; each payment here is its own entry.
		assert_ok!(close(1));
		assert_ok!(close(1));
		let first = Statements::<Test>::get((account_of(&charlie()), USDC, 0)).unwrap();
		let second = Statements::<Test>::get((account_of(&charlie()), USDC, 1)).unwrap();
		assert_eq!((first.count, second.count, second.first_entry), (4, 2, 4));
		// The chain runs on across statements: the second starts where the first ended.
		assert_ne!(first.commitment, second.commitment);
		assert_noop!(close(1), Error::<Test>::NothingToClose);
	});
}

#[test]
fn nothing_to_close_and_future_blocks_are_errors() {
	new_test_ext().execute_with(|| {
		assert_noop!(close(1), Error::<Test>::NothingToClose);
		pay(1, 10);
		assert_noop!(close(2), Error::<Test>::FutureBlock);
		System::set_block_number(5);
		pay(2, 10);
		assert_ok!(close(4));
		let statement = Statements::<Test>::get((account_of(&charlie()), USDC, 0)).unwrap();
		assert_eq!(statement.count, 1);
	});
}

#[test]
fn a_report_reads_only_its_range_and_resumes_where_it_stopped() {
	new_test_ext().execute_with(|| {
		// Two payments a block in blocks 1..=10: twenty ledger entries; blocks 1 and 2 closed.
		let mut nonce = 0;
		for block in 1..=10 {
			System::set_block_number(block);
			for _ in 0..2 {
				nonce += 1;
				pay(nonce, 10);
			}
		}
		assert_ok!(close(2));
		let charlie = account_of(&charlie());
		let report =
			|from, to, limit| X402::statement_report(charlie.clone(), USDC, from, to, limit);

		let whole = report(1, 10, 100);
		assert_eq!((whole.closed.len(), whole.open_count, whole.open_total), (1, 16, 160));
		assert_eq!((whole.open.len(), whole.resume_from), (16, None));

		// From block 7: found by binary search, blocks 7..=10 only.
		let recent = report(7, 10, 100);
		assert_eq!((recent.closed.len(), recent.open_count), (0, 8));
		assert!(recent.open.iter().all(|(_, receipt)| receipt.block >= 7));

		// Three entries a report: blocks end whole (two entries each), and resuming from where
		// it says gives the rest exactly once.
		let (mut from, mut count, mut listed) = (3, 0, Vec::new());
		loop {
			let part = report(from, 10, 3);
			count += part.open_count;
			listed.extend(part.open.into_iter().map(|(id, _)| id));
			match part.resume_from {
				Some(next) => {
					assert!(next > from);
					from = next;
				},
				None => break,
			}
		}
		assert_eq!(count, 16);
		listed.sort();
		listed.dedup();
		assert_eq!(listed.len(), 16, "each receipt once");
	});
}
