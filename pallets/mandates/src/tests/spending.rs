//! Paying through a mandate: a delegate key's intent debits the root, within every limit of
//! every mandate up to the root, one by one and within one batch.

use crate::{mock::*, *};
use agentchain_primitives::x402::{evm_address, IntentError, Purpose};
use pallet_x402::Error as X402Error;
use polkadot_sdk::frame_support::{assert_noop, assert_ok, BoundedVec};

fn batch(items: Vec<(pallet_x402::Intent, agentchain_primitives::x402::IntentSignature)>) {
	assert_ok!(X402::settle_batch(
		RuntimeOrigin::signed(facilitator()),
		BoundedVec::truncate_from(items)
	));
}

fn settled_and_rejected() -> (u32, Vec<IntentError>) {
	let mut settled = 0;
	let mut rejected = Vec::new();
	for record in System::events() {
		match record.event {
			RuntimeEvent::X402(pallet_x402::Event::Settled { .. }) => settled += 1,
			RuntimeEvent::X402(pallet_x402::Event::Rejected { reason, .. }) => {
				rejected.push(reason)
			},
			_ => {},
		}
	}
	(settled, rejected)
}

#[test]
fn a_key_that_holds_nothing_pays_from_its_roots_funds() {
	new_test_ext().execute_with(|| {
		let id = grant_agent(terms());
		let agent_id = account_of(&agent());
		assert_eq!(usdc(&agent_id), 0);
		assert_ok!(pay(&agent(), &shop(), 100, 1));
		assert_eq!(usdc(&user()), START - 100);
		assert_eq!(usdc(&shop()), MIN_BALANCE + 100);
		// The receipt and the event name the key, the root and the mandate.
		let payment = intent(&agent_id, &shop(), 100, 1).payment_id();
		let receipt = X402::receipt(payment).unwrap();
		let spend = MandatedSpend { root: user(), mandates: BoundedVec::truncate_from(vec![id]) };
		assert_eq!((receipt.payer, receipt.mandate), (agent_id, Some(spend.clone())));
		assert!(System::events().iter().any(|record| matches!(
			&record.event,
			RuntimeEvent::X402(pallet_x402::Event::Settled { mandate: Some(m), .. }) if *m == spend
		)));
		let status = Mandates::status(id).unwrap();
		assert_eq!((status.usage.spent_in_period, status.usage.payments_in_period), (100, 1));
		assert_eq!(status.available, 900);
	});
}

#[test]
fn the_cap_per_payment_holds_to_the_unit() {
	new_test_ext().execute_with(|| {
		grant_agent(terms());
		assert_noop!(pay(&agent(), &shop(), 101, 1), X402Error::<Test>::OverPaymentCap);
		assert_ok!(pay(&agent(), &shop(), 100, 1));
	});
}

#[test]
fn the_period_budget_holds_and_a_new_period_starts_afresh() {
	new_test_ext().execute_with(|| {
		grant_agent(terms());
		for nonce in 0..10 {
			assert_ok!(pay(&agent(), &shop(), 100, nonce));
		}
		assert_noop!(pay(&agent(), &shop(), 1, 10), X402Error::<Test>::OverPeriodBudget);
		// The last second of the period is still in it.
		set_time(T0 + DAY - 1);
		assert_noop!(pay(&agent(), &shop(), 1, 10), X402Error::<Test>::OverPeriodBudget);
		set_time(T0 + DAY);
		assert_ok!(pay(&agent(), &shop(), 100, 10));
		// Periods run back to back from the grant, however late the first payment of one.
		set_time(T0 + 3 * DAY + 5);
		assert_ok!(pay(&agent(), &shop(), 100, 11));
		let usage = Mandates::status(0).unwrap().usage;
		assert_eq!((usage.period_start, usage.spent_in_period), (T0 + 3 * DAY, 100));
		assert_eq!(usage.spent_in_total, 1_200);
	});
}

#[test]
fn the_payment_count_and_the_lifetime_total_hold() {
	new_test_ext().execute_with(|| {
		grant_agent(MandateTerms {
			max_payments_per_period: Some(2),
			lifetime_total: Some(150),
			..terms()
		});
		assert_ok!(pay(&agent(), &shop(), 50, 1));
		assert_ok!(pay(&agent(), &shop(), 50, 2));
		assert_noop!(pay(&agent(), &shop(), 1, 3), X402Error::<Test>::OverPaymentCount);
		set_time(T0 + DAY);
		assert_noop!(pay(&agent(), &shop(), 51, 3), X402Error::<Test>::OverLifetimeTotal);
		assert_ok!(pay(&agent(), &shop(), 50, 3));
		assert_eq!(Mandates::status(0).unwrap().available, 0);
	});
}

#[test]
fn only_allowed_payees_can_be_paid() {
	new_test_ext().execute_with(|| {
		let evm_shop = evm("EvmShop").1;
		grant_agent(MandateTerms {
			payees: payees(vec![
				PayeeRule::Account(shop()),
				PayeeRule::Address(evm_address::embedded_address(evm_shop.as_ref()).unwrap()),
				PayeeRule::Agent(7),
			]),
			..terms()
		});
		assert_ok!(pay(&agent(), &shop(), 10, 1));
		assert_ok!(pay(&agent(), &evm_shop, 10, 2));
		assert_ok!(pay(&agent(), &agent_wallet(), 10, 3));
		assert_noop!(pay(&agent(), &other_shop(), 10, 4), X402Error::<Test>::PayeeNotAllowed);
	});
}

#[test]
fn the_mandates_asset_only() {
	new_test_ext().execute_with(|| {
		grant_agent(MandateTerms { asset: OTHER, ..terms() });
		assert_noop!(pay(&agent(), &shop(), 10, 1), X402Error::<Test>::MandateWrongAsset);
	});
}

#[test]
fn nothing_settles_from_the_second_the_mandate_expires() {
	new_test_ext().execute_with(|| {
		grant_agent(terms());
		set_time(T0 + 7 * DAY - 1);
		assert_ok!(pay(&agent(), &shop(), 10, 1));
		set_time(T0 + 7 * DAY);
		assert_noop!(pay(&agent(), &shop(), 10, 2), X402Error::<Test>::MandateExpired);
	});
}

#[test]
fn a_sessions_spending_counts_against_its_parent() {
	new_test_ext().execute_with(|| {
		grant_agent(terms());
		assert_ok!(grant_to(
			&account_of(&agent()),
			&session(),
			MandateTerms { max_per_payment: 50, ..terms() }
		));
		for nonce in 0..9 {
			assert_ok!(pay(&agent(), &shop(), 100, nonce));
		}
		// The session's own budget has room; its parent's has 100 left.
		assert_ok!(pay(&session(), &shop(), 50, 1));
		assert_ok!(pay(&session(), &shop(), 50, 2));
		assert_noop!(pay(&session(), &shop(), 1, 3), X402Error::<Test>::OverPeriodBudget);
		assert_noop!(pay(&session(), &shop(), 51, 3), X402Error::<Test>::OverPaymentCap);
		assert_eq!(usdc(&user()), START - 1_000);
	});
}

#[test]
fn a_batch_at_the_budget_boundary_settles_exactly_the_budget() {
	new_test_ext().execute_with(|| {
		grant_agent(terms());
		let agent_id = account_of(&agent());
		let items = (0..16u8)
			.map(|nonce| {
				let intent = intent(&agent_id, &shop(), 100, nonce);
				let signature = sign(&agent(), &intent);
				(intent, signature)
			})
			.collect();
		batch(items);
		let (settled, rejected) = settled_and_rejected();
		assert_eq!(settled, 10);
		assert_eq!(rejected, vec![IntentError::Mandate(MandateRefusal::OverPeriodBudget); 6]);
		assert_eq!(usdc(&user()), START - 1_000);
		assert_eq!(Mandates::status(0).unwrap().usage.spent_in_period, 1_000);
	});
}

#[test]
fn an_item_refused_for_funds_spends_no_budget() {
	new_test_ext().execute_with(|| {
		// A root with 250 and a mandate of 1,000 a day.
		let poor = account_of(&native("PoorUser"));
		let _ = <Balances as polkadot_sdk::frame_support::traits::fungible::Mutate<_>>::mint_into(
			&poor, 1_000_000,
		);
		assert_ok!(
			<Assets as polkadot_sdk::frame_support::traits::fungibles::Mutate<_>>::mint_into(
				USDC, &poor, 250
			)
		);
		assert_ok!(grant_to(&poor, &agent(), terms()));
		let agent_id = account_of(&agent());
		let items = [100, 100, 100, 50]
			.into_iter()
			.enumerate()
			.map(|(nonce, amount)| {
				let intent = intent(&agent_id, &shop(), amount, nonce as u8);
				let signature = sign(&agent(), &intent);
				(intent, signature)
			})
			.collect();
		batch(items);
		let (settled, rejected) = settled_and_rejected();
		assert_eq!((settled, rejected), (3, vec![IntentError::InsufficientFunds]));
		assert_eq!(usdc(&poor), 0);
		assert_eq!(Mandates::status(0).unwrap().usage.spent_in_period, 250);
	});
}

#[test]
fn a_key_without_a_mandate_pays_from_its_own_funds() {
	new_test_ext().execute_with(|| {
		grant_agent(terms());
		let user_key = native("User");
		assert_ok!(pay(&user_key, &shop(), 500, 1));
		assert_eq!(usdc(&user()), START - 500);
		let payment = intent(&user(), &shop(), 500, 1).payment_id();
		assert_eq!(X402::receipt(payment).unwrap().mandate, None);
	});
}

#[test]
fn verify_says_what_settlement_would() {
	new_test_ext().execute_with(|| {
		grant_agent(terms());
		let agent_id = account_of(&agent());
		let over = intent(&agent_id, &shop(), 101, 1);
		assert_eq!(
			X402::verify(&over, &sign(&agent(), &over), Purpose::Transfer),
			Err(IntentError::Mandate(MandateRefusal::OverPaymentCap))
		);
		let fine = intent(&agent_id, &shop(), 100, 1);
		assert!(X402::verify(&fine, &sign(&agent(), &fine), Purpose::Transfer).is_ok());
	});
}
