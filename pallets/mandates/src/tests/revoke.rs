//! Revocation: the root (or a session's granting delegate) ends a mandate and every session
//! under it in one call; from then on nothing it allowed settles, and the deposits go back.

use crate::{mock::*, *};
use pallet_x402::Error as X402Error;
use polkadot_sdk::frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};

fn held(who: &agentchain_primitives::AccountId) -> agentchain_primitives::Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Mandates(HoldReason::Mandate), who)
}

fn with_session() -> (MandateId, MandateId) {
	let parent = grant_agent(terms());
	let session_id = NextMandateId::<Test>::get();
	assert_ok!(grant_to(
		&account_of(&agent()),
		&session(),
		MandateTerms { max_per_payment: 50, ..terms() }
	));
	(parent, session_id)
}

#[test]
fn the_roots_revocation_ends_the_mandate_and_its_sessions_at_once() {
	new_test_ext().execute_with(|| {
		let (parent, session_id) = with_session();
		let (user_free, agent_free) =
			(Balances::balance(&user()), Balances::balance(&account_of(&agent())));
		let (user_held, agent_held) = (held(&user()), held(&account_of(&agent())));
		assert_ok!(pay(&agent(), &shop(), 10, 1));
		assert_ok!(pay(&session(), &shop(), 10, 1));

		assert_ok!(Mandates::revoke(RuntimeOrigin::signed(user()), parent));
		// Both keys' payments are refused as revoked, not tried against their own funds.
		assert_noop!(pay(&agent(), &shop(), 10, 2), X402Error::<Test>::MandateRevoked);
		assert_noop!(pay(&session(), &shop(), 10, 2), X402Error::<Test>::MandateRevoked);
		assert!(Mandates::status(parent).is_none() && Mandates::status(session_id).is_none());
		assert_eq!(Balances::balance(&user()), user_free + user_held);
		assert_eq!(Balances::balance(&account_of(&agent())), agent_free + agent_held);
		let events = mandate_events();
		assert!(events.contains(&Event::Revoked { mandate: session_id, by: user() }));
		assert!(events.contains(&Event::Revoked { mandate: parent, by: user() }));
	});
}

#[test]
fn an_agent_revokes_its_own_session_but_not_its_mandate() {
	new_test_ext().execute_with(|| {
		let (parent, session_id) = with_session();
		let agent_id = account_of(&agent());
		assert_noop!(
			Mandates::revoke(RuntimeOrigin::signed(agent_id.clone()), parent),
			Error::<Test>::NotAllowedToRevoke
		);
		assert_noop!(
			Mandates::revoke(RuntimeOrigin::signed(shop()), session_id),
			Error::<Test>::NotAllowedToRevoke
		);
		assert_ok!(Mandates::revoke(RuntimeOrigin::signed(agent_id), session_id));
		assert_ok!(pay(&agent(), &shop(), 10, 1));
		assert_noop!(
			Mandates::revoke(RuntimeOrigin::signed(user()), session_id),
			Error::<Test>::UnknownMandate
		);
	});
}

#[test]
fn a_revoked_key_can_be_granted_again_and_starts_from_nothing_spent() {
	new_test_ext().execute_with(|| {
		let first = grant_agent(terms());
		for nonce in 0..10 {
			assert_ok!(pay(&agent(), &shop(), 100, nonce));
		}
		assert_ok!(Mandates::revoke(RuntimeOrigin::signed(user()), first));
		let second = grant_agent(terms());
		assert_ne!(first, second);
		assert_ok!(pay(&agent(), &shop(), 100, 10));
	});
}
