//! Expired mandates go in `on_idle` once their hour is over, with their deposits; a revoked
//! mandate's key entry goes at the same time.

use crate::{mock::*, *};
use pallet_x402::Error as X402Error;
use polkadot_sdk::frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};

fn held(who: &agentchain_primitives::AccountId) -> agentchain_primitives::Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Mandates(HoldReason::Mandate), who)
}

/// Every key the pallet stores under a mandate.
fn mandate_state() -> usize {
	MandateRecords::<Test>::iter().count()
		+ Usage::<Test>::iter().count()
		+ MandateOf::<Test>::iter().count()
		+ RootMandates::<Test>::iter().count()
		+ Sessions::<Test>::iter().count()
		+ Expiring::<Test>::iter().count()
}

#[test]
fn an_expired_mandate_and_its_session_go_with_their_deposits() {
	new_test_ext().execute_with(|| {
		let expires = T0 + 2 * expiry::HOUR + 10;
		grant_agent(MandateTerms { expires, ..terms() });
		assert_ok!(grant_to(
			&account_of(&agent()),
			&session(),
			MandateTerms { expires, max_per_payment: 1, ..terms() }
		));
		assert_eq!(mandate_state(), 11);
		// Expired, but its hour is not over: kept (and refused as expired).
		set_time(expires);
		next_block_with_idle();
		assert_eq!(mandate_state(), 11);
		assert_noop!(pay(&agent(), &shop(), 1, 1), X402Error::<Test>::MandateExpired);
		set_time((expires / expiry::HOUR + 1) * expiry::HOUR);
		next_block_with_idle();
		assert_eq!(mandate_state(), 0);
		assert_eq!((held(&user()), held(&account_of(&agent()))), (0, 0));
		let events = mandate_events();
		assert!(events.contains(&Event::Expired { mandate: 0 }));
		assert!(events.contains(&Event::Expired { mandate: 1 }));
	});
}

#[test]
fn a_revoked_mandates_key_entry_goes_at_its_expiry() {
	new_test_ext().execute_with(|| {
		let id = grant_agent(terms());
		assert_ok!(Mandates::revoke(RuntimeOrigin::signed(user()), id));
		assert_eq!(mandate_state(), 2);
		set_time(terms().expires + expiry::HOUR);
		next_block_with_idle();
		assert_eq!(mandate_state(), 0);
	});
}
