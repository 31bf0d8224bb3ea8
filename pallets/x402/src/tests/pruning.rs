//! `on_idle` pruning through the expiry queue: everything a settlement writes goes away once it
//! is due (kept `ReceiptRetention` blocks and past `MaxValidity`), whether or not the payee ever
//! closes a statement; never earlier, and never letting a replay through.

use crate::{mock::*, *};
use polkadot_sdk::frame_support::{
	assert_noop, assert_ok, traits::Get, weights::Weight, BoundedVec,
};

/// Every record, ledger entry and queue entry the pallet keeps per payment.
fn payment_state() -> (usize, usize, usize) {
	(
		Authorizations::<Test>::iter().count(),
		LedgerEntries::<Test>::iter().count(),
		ExpiryQueue::<Test>::iter().count(),
	)
}

#[test]
fn a_payees_records_go_without_a_statement_and_the_intent_stays_dead() {
	new_test_ext().execute_with(|| {
		// A payee that never closes a statement (as an EVM payee cannot).
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		let intent = intent(&payer, &payee, 100, 1);
		let signature = sign_native(&alice(), &intent, Purpose::Transfer);
		assert_ok!(transfer(&intent, signature.clone()));
		assert_eq!(payment_state(), (1, 1, 1));

		// Expired, but settled fewer than `ReceiptRetention` blocks ago: kept, so it can
		// still be cited.
		set_time(intent.valid_before);
		let settled_at = X402::receipt(intent.payment_id()).map(|r| r.block).unwrap();
		while System::block_number() < settled_at + RECEIPT_RETENTION {
			next_block_with_idle();
			assert!(X402::receipt(intent.payment_id()).is_some());
		}

		// Retained long enough, but within `MaxValidity` of its settlement: an intent with the
		// same nonce could still be valid, so the record stays.
		next_block_with_idle();
		assert!(X402::authorization_state(&payer, &intent.nonce).is_some());

		// Past that too: all of it goes, and the same intent is refused by its window.
		set_time(T0 + MAX_VALIDITY);
		next_block_with_idle();
		assert_eq!(payment_state(), (0, 0, 0));
		assert_eq!(ExpiryBounds::<Test>::get(), QueueBounds { first: 1, next: 1 });
		assert!(X402::receipt(intent.payment_id()).is_none());
		for later in [T0 + MAX_VALIDITY, T0 + MAX_VALIDITY + 1, T0 + MAX_VALIDITY + 10_000] {
			set_time(later);
			assert_noop!(transfer(&intent, signature.clone()), Error::<Test>::Expired);
		}
		assert_eq!(usdc(&payee), START + 100);
	});
}

#[test]
fn records_of_a_closed_statement_go_the_same_way() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		let intent = intent(&payer, &payee, 100, 1);
		assert_ok!(transfer(&intent, sign_native(&alice(), &intent, Purpose::Transfer)));
		assert_ok!(X402::close_statement(RuntimeOrigin::signed(payee.clone()), USDC, 1));
		assert_eq!(payment_state(), (1, 0, 1));
		set_time(T0 + MAX_VALIDITY);
		for _ in 0..=RECEIPT_RETENTION {
			next_block_with_idle();
		}
		assert_eq!(payment_state(), (0, 0, 0));
		// The statement stays, and the ledger is as the close left it.
		assert!(Statements::<Test>::get((&payee, USDC, 0)).is_some());
		assert_eq!(Ledgers::<Test>::get(&payee, USDC).first_open, 1);
	});
}

#[test]
fn a_statement_after_an_expiry_takes_what_is_still_open() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		let first = intent(&payer, &payee, 100, 1);
		assert_ok!(transfer(&first, sign_native(&alice(), &first, Purpose::Transfer)));
		set_time(T0 + MAX_VALIDITY);
		for _ in 0..=RECEIPT_RETENTION {
			next_block_with_idle();
		}
		// The first entry expired unclosed: the open period starts after it.
		assert_eq!(Ledgers::<Test>::get(&payee, USDC).first_open, 1);

		let mut second = intent(&payer, &payee, 50, 2);
		(second.valid_after, second.valid_before) =
			(T0 + MAX_VALIDITY - 10, T0 + MAX_VALIDITY + 10);
		assert_ok!(transfer(&second, sign_native(&alice(), &second, Purpose::Transfer)));
		let now = System::block_number();
		let report = X402::statement_report(payee.clone(), USDC, 0, now, 100);
		assert_eq!((report.open_count, report.open_total), (1, 50));
		assert_ok!(X402::close_statement(RuntimeOrigin::signed(payee.clone()), USDC, now));
		let statement = Statements::<Test>::get((&payee, USDC, 0)).unwrap();
		assert_eq!((statement.first_entry, statement.count, statement.total), (1, 1, 50));
	});
}

#[test]
fn canceled_records_are_kept() {
	new_test_ext().execute_with(|| {
		let payer = account_of(&alice());
		let id = agentchain_primitives::x402::payment_id(&payer, &[9; 32]);
		Authorizations::<Test>::insert(id, AuthorizationRecord::Canceled);
		set_time(T0 + 10 * MAX_VALIDITY);
		next_block_with_idle();
		assert_eq!(X402::authorization_state(&payer, &[9; 32]), Some(AuthorizationState::Canceled));
	});
}

#[test]
fn a_sweep_with_nothing_due_reads_one_queue_entry() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		for nonce in 1..=5 {
			let intent = intent(&payer, &payee, 10, nonce);
			assert_ok!(transfer(&intent, sign_native(&alice(), &intent, Purpose::Transfer)));
		}
		let per_call = <() as WeightInfo>::prune_expired(0, 0);
		assert_eq!(X402::prune_expired(Weight::MAX), per_call);
		assert_eq!(payment_state(), (5, 5, 5));
	});
}

#[test]
fn the_sweep_is_bounded_by_weight_and_resumes_inside_a_call() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		// One batch of twelve payments from one payer to one payee, and a second batch later.
		let batch = |nonces: core::ops::Range<u8>| -> BoundedVec<_, _> {
			nonces
				.map(|nonce| {
					let intent = intent(&payer, &payee, 10, nonce);
					let signature = sign_native(&alice(), &intent, Purpose::Transfer);
					(intent, signature)
				})
				.collect::<Vec<_>>()
				.try_into()
				.unwrap()
		};
		assert_ok!(X402::settle_batch(RuntimeOrigin::signed(facilitator()), batch(0..12)));
		assert_ok!(X402::settle_batch(RuntimeOrigin::signed(facilitator()), batch(12..16)));
		assert_eq!(payment_state(), (16, 2, 2));
		set_time(T0 + MAX_VALIDITY);
		System::set_block_number(1 + RECEIPT_RETENTION);

		// Room for one call, one ledger entry and five records per block.
		let per_call = <() as WeightInfo>::prune_expired(0, 0);
		let per_payment = <() as WeightInfo>::prune_expired(1, 0).saturating_sub(per_call);
		let per_entry = <() as WeightInfo>::prune_expired(0, 1).saturating_sub(per_call);
		let budget =
			per_call.saturating_add(per_entry).saturating_add(per_payment.saturating_mul(5));
		let mut blocks = 0;
		while ExpiryQueue::<Test>::iter().next().is_some() {
			let used = X402::prune_expired(budget);
			assert!(used.all_lte(budget), "{used:?} over {budget:?}");
			blocks += 1;
			assert!(blocks < 20, "the sweep must make progress");
		}
		assert!(blocks >= 3, "{blocks} blocks");
		assert_eq!(payment_state(), (0, 0, 0));
		assert_eq!(Ledgers::<Test>::get(&payee, USDC).first_open, 2);
	});
}

/// Every storage key under the pallet's prefix.
fn pallet_keys() -> usize {
	let prefix = polkadot_sdk::sp_crypto_hashing::twox_128(b"X402");
	let mut key = prefix.to_vec();
	let mut count = 0;
	while let Some(next) = polkadot_sdk::sp_io::storage::next_key(&key) {
		if !next.starts_with(&prefix) {
			break;
		}
		count += 1;
		key = next;
	}
	count
}

#[test]
fn a_thousand_payments_to_an_evm_payee_leave_nothing_behind() {
	new_test_ext().execute_with(|| {
		let payer = account_of(&alice());
		// An EVM payee: it can sign no extrinsic, so it never closes a statement.
		let (_, payee) = evm("evm payee");
		let baseline = pallet_keys();
		let max = <<Test as Config>::MaxBatch as Get<u32>>::get() as u16;
		for batch in 0..(1_000 / max + 1) {
			let items: Vec<_> = (0..max)
				.map(|i| batch * max + i)
				.filter(|n| *n < 1_000)
				.map(|n| {
					let mut intent = intent(&payer, &payee, 10, 0);
					intent.nonce = polkadot_sdk::sp_crypto_hashing::blake2_256(&n.to_le_bytes());
					let signature = sign_native(&alice(), &intent, Purpose::Transfer);
					(intent, signature)
				})
				.collect();
			if !items.is_empty() {
				assert_ok!(X402::settle_batch(
					RuntimeOrigin::signed(facilitator()),
					items.try_into().unwrap()
				));
			}
		}
		assert_eq!(usdc(&payee), 10_000);
		assert_eq!(Authorizations::<Test>::iter().count(), 1_000);

		set_time(T0 + MAX_VALIDITY);
		for _ in 0..=RECEIPT_RETENTION {
			next_block_with_idle();
		}
		// What stays is the payee's ledger (its running total and chain head) and the queue's
		// bounds.
		assert_eq!(payment_state(), (0, 0, 0));
		assert_eq!(pallet_keys(), baseline + 2);
		assert_eq!(Ledgers::<Test>::get(&payee, USDC).lifetime_total, 10_000);
	});
}
