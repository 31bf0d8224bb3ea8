//! A nonce settles once: an intent settles only while its `valid_before` is at most
//! `MaxValidity` ahead, and a used nonce's record outlives every intent that could settle when
//! it was used, also once its receipt could otherwise be pruned.

use crate::{mock::*, *};
use polkadot_sdk::frame_support::{assert_noop, assert_ok};

#[test]
fn intents_closing_more_than_max_validity_ahead_are_refused() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		let mut intent = intent(&payer, &payee, 100, 1);
		intent.valid_before = T0 + MAX_VALIDITY + 1;
		let signature = sign_native(&alice(), &intent, Purpose::Transfer);
		assert_noop!(transfer(&intent, signature), Error::<Test>::ValidityTooLong);
		intent.valid_before = T0 + MAX_VALIDITY;
		let signature = sign_native(&alice(), &intent, Purpose::Transfer);
		assert_ok!(transfer(&intent, signature));
	});
}

#[test]
fn a_window_open_since_zero_settles_as_stock_clients_sign_it() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		let mut intent = intent(&payer, &payee, 100, 1);
		intent.valid_after = 0;
		let signature = sign_native(&alice(), &intent, Purpose::Transfer);
		assert_ok!(transfer(&intent, signature));
	});
}

#[test]
fn a_second_intent_with_a_used_nonce_never_settles_after_the_first_is_prunable() {
	new_test_ext().execute_with(|| {
		let (payer, charlie_id, bob_id) =
			(account_of(&alice()), account_of(&charlie()), account_of(&bob()));
		// The payer signs a payment, then a replacement with the same nonce to someone else,
		// valid for longer.
		let first = intent(&payer, &charlie_id, 100, 1);
		let mut second = intent(&payer, &bob_id, 200, 1);
		second.valid_before = second.valid_after + MAX_VALIDITY;
		let second_signature = sign_native(&alice(), &second, Purpose::Transfer);
		assert_ok!(transfer(&first, sign_native(&alice(), &first, Purpose::Transfer)));
		assert_eq!(
			X402::authorization_state(&payer, &first.nonce),
			Some(AuthorizationState::Used { expires: T0 + MAX_VALIDITY })
		);

		// The first has expired, kept its retention and its statement is closed; its record
		// still stands, so the replacement is refused.
		assert_ok!(X402::close_statement(RuntimeOrigin::signed(charlie_id.clone()), USDC, 1));
		set_time(first.valid_before + 1);
		for _ in 0..=RECEIPT_RETENTION + 1 {
			next_block_with_idle();
		}
		assert_noop!(transfer(&second, second_signature.clone()), Error::<Test>::NonceUsed);

		// By the time the record goes, the replacement's window has closed.
		set_time(T0 + MAX_VALIDITY);
		next_block_with_idle();
		assert_eq!(X402::authorization_state(&payer, &first.nonce), None);
		assert_noop!(transfer(&second, second_signature), Error::<Test>::Expired);
		assert_eq!(usdc(&bob_id), START);
	});
}
