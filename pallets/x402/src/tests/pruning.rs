//! `on_idle` pruning of expired used-nonce records: never lets a replay through.

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

		// Not yet expired: the sweep keeps it, and the replay is refused as a used nonce.
		set_time(intent.valid_before - 1);
		next_block_with_idle();
		assert!(Authorizations::<Test>::get(&payer, intent.nonce).is_some());

		// Expired: the sweep removes it, and the same intent is refused by the window.
		set_time(intent.valid_before);
		next_block_with_idle();
		assert!(Authorizations::<Test>::get(&payer, intent.nonce).is_none());
		for later in [intent.valid_before, intent.valid_before + 1, intent.valid_before + 10_000] {
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
fn canceled_records_are_kept() {
	new_test_ext().execute_with(|| {
		let payer = account_of(&alice());
		Authorizations::<Test>::insert(&payer, [9; 32], AuthorizationState::Canceled);
		set_time(T0 + 10 * MAX_VALIDITY);
		next_block_with_idle();
		assert_eq!(Authorizations::<Test>::get(&payer, [9; 32]), Some(AuthorizationState::Canceled));
	});
}

#[test]
fn the_sweep_is_bounded_by_weight_and_resumes() {
	new_test_ext().execute_with(|| {
		let payer = account_of(&alice());
		for n in 0..20u8 {
			Authorizations::<Test>::insert(&payer, [n; 32], AuthorizationState::Used { expires: T0 });
		}
		let db = <Test as polkadot_sdk::frame_system::Config>::DbWeight::get();
		// Room for the overhead and five records per block.
		let budget = db.reads_writes(2, 1).saturating_add(db.reads_writes(1, 1).saturating_mul(5));
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
