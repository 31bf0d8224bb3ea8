//! Granting: what a grant must satisfy, what it holds, and that a session is never wider than
//! the mandate it is granted under.

use crate::{mock::*, *};
use agentchain_primitives::{AccountId, Balance};
use polkadot_sdk::frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use polkadot_sdk::sp_core::sr25519;
use polkadot_sdk::sp_runtime::DispatchResult;

fn held(who: &AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Mandates(HoldReason::Mandate), who)
}

fn grant(by: &AccountId, delegate: &sr25519::Pair, terms: MandateTerms) -> DispatchResult {
	grant_to(by, delegate, terms)
}

#[test]
fn a_grant_stores_the_mandate_and_holds_its_deposit_from_the_granter() {
	new_test_ext().execute_with(|| {
		let free = Balances::balance(&user());
		let id = grant_agent(terms());
		let mandate = Mandates::status(id).unwrap().mandate;
		assert_eq!(mandate.root, user());
		assert_eq!(mandate.parent, None);
		assert_eq!(mandate.delegate, account_of(&agent()));
		assert!(mandate.deposit > 6 * ITEM_DEPOSIT);
		assert_eq!(held(&user()), mandate.deposit);
		assert_eq!(Balances::balance(&user()), free - mandate.deposit);
		assert_eq!(MandateOf::<Test>::get(account_of(&agent())), Some(id));
		assert!(mandate_events().contains(&Event::Granted {
			mandate: id,
			root: user(),
			delegate: account_of(&agent()),
			parent: None,
			depositor: user(),
		}));
	});
}

#[test]
fn bad_terms_are_refused() {
	new_test_ext().execute_with(|| {
		let agent = agent();
		assert_noop!(grant(&user(), &native("User"), terms()), Error::<Test>::SelfDelegation);
		for expires in [T0 - 1, T0, T0 + MAX_LIFETIME + 1] {
			assert_noop!(
				grant(&user(), &agent, MandateTerms { expires, ..terms() }),
				Error::<Test>::BadExpiry
			);
		}
		assert_ok!(grant(&user(), &agent, MandateTerms { expires: T0 + MAX_LIFETIME, ..terms() }));
		let other = native("Other");
		assert_noop!(
			grant(&user(), &other, MandateTerms { period: 0, ..terms() }),
			Error::<Test>::ZeroPeriod
		);
		assert_noop!(
			grant(&user(), &other, MandateTerms { max_per_payment: 0, ..terms() }),
			Error::<Test>::ZeroLimit
		);
		assert_noop!(
			grant(&user(), &other, MandateTerms { budget_per_period: 0, ..terms() }),
			Error::<Test>::ZeroLimit
		);
	});
}

#[test]
fn a_key_holds_one_mandate() {
	new_test_ext().execute_with(|| {
		grant_agent(terms());
		let stranger = account_of(&native("Stranger"));
		assert_noop!(grant(&stranger, &agent(), terms()), Error::<Test>::DelegateTaken);
	});
}

#[test]
fn a_granter_without_the_deposit_cannot_grant() {
	new_test_ext().execute_with(|| {
		let broke = account_of(&native("Broke"));
		assert_noop!(grant(&broke, &agent(), terms()), Error::<Test>::CannotHoldDeposit);
	});
}

#[test]
fn a_delegate_grants_sessions_no_wider_than_its_own_mandate() {
	new_test_ext().execute_with(|| {
		let parent_terms = MandateTerms {
			max_payments_per_period: Some(10),
			lifetime_total: Some(5_000),
			payees: payees(vec![PayeeRule::Account(shop()), PayeeRule::Agent(7)]),
			..terms()
		};
		let parent = grant_agent(parent_terms.clone());
		let (agent, session) = (account_of(&agent()), session());
		let wider = [
			MandateTerms { max_per_payment: 101, ..parent_terms.clone() },
			MandateTerms { budget_per_period: 1_001, ..parent_terms.clone() },
			MandateTerms { max_payments_per_period: None, ..parent_terms.clone() },
			MandateTerms { max_payments_per_period: Some(11), ..parent_terms.clone() },
			MandateTerms { lifetime_total: None, ..parent_terms.clone() },
			MandateTerms { lifetime_total: Some(5_001), ..parent_terms.clone() },
			MandateTerms { expires: parent_terms.expires + 1, ..parent_terms.clone() },
			MandateTerms { payees: payees(vec![]), ..parent_terms.clone() },
			MandateTerms {
				payees: payees(vec![PayeeRule::Account(other_shop())]),
				..parent_terms.clone()
			},
			MandateTerms { asset: OTHER, ..parent_terms.clone() },
		];
		for terms in wider {
			assert_noop!(grant(&agent, &session, terms), Error::<Test>::WiderThanParent);
		}
		let narrower = MandateTerms {
			max_per_payment: 10,
			budget_per_period: 50,
			max_payments_per_period: Some(3),
			lifetime_total: Some(100),
			expires: T0 + DAY,
			payees: payees(vec![PayeeRule::Account(shop())]),
			..parent_terms
		};
		let id = NextMandateId::<Test>::get();
		assert_ok!(grant(&agent, &session, narrower));
		let mandate = Mandates::status(id).unwrap().mandate;
		// A session spends the root's funds; its deposit is the granting agent's.
		assert_eq!((mandate.root, mandate.parent), (user(), Some(parent)));
		assert_eq!(held(&agent), mandate.deposit);
		let chain: Vec<_> =
			Mandates::authority_of(&account_of(&session)).iter().map(|s| s.id).collect();
		assert_eq!(chain, [id, parent]);
	});
}

#[test]
fn sessions_cannot_have_sessions_and_are_capped() {
	new_test_ext().execute_with(|| {
		grant_agent(terms());
		let agent = account_of(&agent());
		let session_terms = MandateTerms { max_per_payment: 1, budget_per_period: 1, ..terms() };
		assert_ok!(grant(&agent, &session(), session_terms.clone()));
		// The session key (funded here only to pay a deposit) cannot go one level deeper.
		let _ = <Balances as polkadot_sdk::frame_support::traits::fungible::Mutate<_>>::mint_into(
			&account_of(&session()),
			1_000_000,
		);
		assert_noop!(
			grant(&account_of(&session()), &native("Deeper"), session_terms.clone()),
			Error::<Test>::TooDeep
		);
		for n in 1..MAX_SESSIONS {
			assert_ok!(grant(&agent, &native(&format!("S{n}")), session_terms.clone()));
		}
		assert_noop!(
			grant(&agent, &native("OneTooMany"), session_terms),
			Error::<Test>::TooManySessions
		);
	});
}

#[test]
fn nobody_binds_a_key_to_a_mandate_without_its_consent() {
	new_test_ext().execute_with(|| {
		// Someone else's consent, or the agent's consent to another granter, binds nothing:
		// otherwise anyone could cap or block the agent's own payments with a mandate.
		let attacker = account_of(&native("Attacker"));
		let _ = <Balances as polkadot_sdk::frame_support::traits::fungible::Mutate<_>>::mint_into(
			&attacker, 1_000_000,
		);
		let grant_with = |consent| {
			Mandates::grant(
				RuntimeOrigin::signed(attacker.clone()),
				account_of(&agent()),
				Box::new(terms()),
				consent,
			)
		};
		assert_noop!(
			grant_with(consent(&native("Attacker"), &attacker)),
			Error::<Test>::BadDelegateConsent
		);
		assert_noop!(grant_with(consent(&agent(), &user())), Error::<Test>::BadDelegateConsent);
		// Nor does a consent past its deadline.
		let stale = consent(&agent(), &attacker);
		set_time(stale.deadline);
		assert_noop!(grant_with(stale), Error::<Test>::BadDelegateConsent);
		assert!(MandateOf::<Test>::get(account_of(&agent())).is_none());
	});
}
