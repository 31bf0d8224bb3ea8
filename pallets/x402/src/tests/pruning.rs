//! `on_idle` pruning of used-nonce records (past `MaxValidity` since they settled, kept their
//! retention, and their statement closed): never lets a replay through.

use crate::{mock::*, *};
use polkadot_sdk::frame_support::{assert_noop, assert_ok};

#[test]
fn expired_records_are_pruned_and_the_intent_stays_dead() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		let intent = intent(&payer, &payee, 100, 1);
		let signature = sign_native(&alice(), &intent, Purpose::Transfer);
		assert_ok!(X402::transfer_with_authorization(
			RuntimeOrigin::signed(facilitator()),
			Box::new(intent.clone()),
			signature.clone()
		));

		// Statement closed but not yet expired: the sweep keeps it, and the replay is refused
		// as a used nonce.
		assert_ok!(X402::close_statement(RuntimeOrigin::signed(payee.clone()), USDC, 1));
		set_time(intent.valid_before - 1);
		next_block_with_idle();
		assert!(X402::authorization_state(&payer, &intent.nonce).is_some());

		// Expired, but settled fewer than `ReceiptRetention` blocks ago: kept, so it can
		// still be cited.
		set_time(intent.valid_before);
		let settled_at = X402::receipt(intent.payment_id()).map(|r| r.block).unwrap();
		while System::block_number() < settled_at + RECEIPT_RETENTION {
			next_block_with_idle();
			assert!(X402::receipt(intent.payment_id()).is_some());
		}

		// Expired and retained long enough, but within `MaxValidity` of its settlement: an
		// intent with the same nonce could still be valid, so the record stays.
		next_block_with_idle();
		assert!(X402::authorization_state(&payer, &intent.nonce).is_some());

		// Past that too: the sweep removes it, and the same intent is refused by the window.
		set_time(T0 + MAX_VALIDITY);
		next_block_with_idle();
		assert!(X402::authorization_state(&payer, &intent.nonce).is_none());
		assert!(X402::receipt(intent.payment_id()).is_none());
		for later in [T0 + MAX_VALIDITY, T0 + MAX_VALIDITY + 1, T0 + MAX_VALIDITY + 10_000] {
			set_time(later);
			assert_noop!(
				X402::transfer_with_authorization(
					RuntimeOrigin::signed(facilitator()),
					Box::new(intent.clone()),
					signature.clone()
				),
				Error::<Test>::Expired
			);
		}
		assert_eq!(usdc(&payee), START + 100);
	});
}

#[test]
fn expired_records_of_open_statements_are_kept_with_their_receipts() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		let intent = intent(&payer, &payee, 100, 1);
		assert_ok!(X402::transfer_with_authorization(
			RuntimeOrigin::signed(facilitator()),
			Box::new(intent.clone()),
			sign_native(&alice(), &intent, Purpose::Transfer)
		));
		set_time(intent.valid_before + 1);
		next_block_with_idle();
		assert_eq!(X402::receipt(intent.payment_id()).map(|r| r.amount), Some(100));
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
fn the_sweep_is_bounded_by_weight_and_resumes() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		// Twenty expired records whose (single) ledger entry is closed.
		Ledgers::<Test>::insert(
			&payee,
			USDC,
			Ledger { first_open: 1, next: 1, ..Default::default() },
		);
		for n in 0..20u8 {
			let receipt = Receipt {
				payer: payer.clone(),
				payee: payee.clone(),
				asset: USDC,
				amount: 1,
				reference: None,
				block: 1,
				extrinsic_index: 0,
				sequence: 0,
			};
			let id = agentchain_primitives::x402::payment_id(&payer, &[n; 32]);
			Authorizations::<Test>::insert(id, AuthorizationRecord::Used { expires: T0, receipt });
		}
		System::set_block_number(1 + RECEIPT_RETENTION);
		let db = <Test as polkadot_sdk::frame_system::Config>::DbWeight::get();
		// Room for the overhead and five records per block.
		let budget = db.reads_writes(2, 1).saturating_add(db.reads_writes(2, 1).saturating_mul(5));
		let mut blocks = 0;
		while Authorizations::<Test>::iter().next().is_some() {
			let used = X402::prune_expired_authorizations(budget);
			assert!(used.all_lte(budget));
			blocks += 1;
			assert!(blocks < 10, "the sweep must make progress");
		}
		assert!(blocks >= 4);
	});
}
