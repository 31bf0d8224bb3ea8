//! `settle_batch`: mixed good and bad items, per-item rejection, netting equal to one-by-one
//! settlement, balances checked against earlier items, and weight refunds.

use crate::{mock::*, *};
use polkadot_sdk::frame_support::{assert_noop, assert_ok, BoundedVec};

fn batch(
	items: Vec<(Intent, IntentSignature)>,
) -> polkadot_sdk::frame_support::dispatch::DispatchResultWithPostInfo {
	let items: BoundedVec<_, _> = items.try_into().expect("within MaxBatch");
	X402::settle_batch(RuntimeOrigin::signed(facilitator()), items)
}

fn rejected() -> Vec<(u32, IntentError)> {
	x402_events()
		.into_iter()
		.filter_map(|e| match e {
			Event::Rejected { index, reason, .. } => Some((index, reason)),
			_ => None,
		})
		.collect()
}

#[test]
fn empty_batch_is_an_error() {
	new_test_ext().execute_with(|| {
		assert_noop!(batch(vec![]), Error::<Test>::EmptyBatch);
	});
}

#[test]
fn bad_items_are_rejected_one_by_one_and_good_ones_settle() {
	new_test_ext().execute_with(|| {
		let (alice_id, bob_id, charlie_id) =
			(account_of(&alice()), account_of(&bob()), account_of(&charlie()));
		let (agent, agent_id) = evm("Agent");
		let good_native = intent(&alice_id, &charlie_id, 100, 1);
		let good_evm = intent(&agent_id, &charlie_id, 200, 2);
		let bad_signature = intent(&bob_id, &charlie_id, 300, 3);
		let mut expired = intent(&bob_id, &charlie_id, 400, 4);
		expired.valid_before = T0;
		let duplicate = good_native.clone();
		let items = vec![
			(good_native.clone(), sign_native(&alice(), &good_native, Purpose::Transfer)),
			(bad_signature.clone(), sign_native(&alice(), &bad_signature, Purpose::Transfer)),
			(good_evm.clone(), sign_evm(&agent, &good_evm, Purpose::Transfer)),
			(expired.clone(), sign_native(&bob(), &expired, Purpose::Transfer)),
			(duplicate.clone(), sign_native(&alice(), &duplicate, Purpose::Transfer)),
		];
		assert_ok!(batch(items));
		assert_eq!(
			rejected(),
			vec![
				(1, IntentError::BadSignature),
				(3, IntentError::Expired),
				(4, IntentError::NonceUsed)
			]
		);
		assert!(x402_events().contains(&Event::BatchProcessed { settled: 2, rejected: 3 }));
		assert_eq!(usdc(&charlie_id), START + 300);
		assert_eq!(usdc(&alice_id), START - 100);
		assert_eq!(usdc(&agent_id), START - 200);
		assert_eq!(usdc(&bob_id), START);
	});
}

#[test]
fn items_are_checked_against_the_balance_left_by_earlier_items() {
	new_test_ext().execute_with(|| {
		let (alice_id, charlie_id) = (account_of(&alice()), account_of(&charlie()));
		let first = intent(&alice_id, &charlie_id, START - 100, 1);
		let second = intent(&alice_id, &charlie_id, 200, 2);
		let third = intent(&alice_id, &charlie_id, 100, 3);
		let items = [&first, &second, &third]
			.into_iter()
			.map(|i| (i.clone(), sign_native(&alice(), i, Purpose::Transfer)))
			.collect();
		assert_ok!(batch(items));
		assert_eq!(rejected(), vec![(1, IntentError::InsufficientFunds)]);
		assert_eq!(usdc(&alice_id), 0);
		assert_eq!(usdc(&charlie_id), START + START);
	});
}

/// Many payers paying few payees, settled once as a batch and once one by one, from the same
/// start: every balance and every receipt ends the same.
#[test]
fn netting_gives_the_same_balances_as_one_by_one() {
	let payers = [alice(), bob(), charlie()];
	let payees = [account_of(&native("Shop")), account_of(&native("Api"))];
	// Signing reads the genesis hash, so it happens inside a test externality.
	let intents: Vec<(Intent, IntentSignature)> = new_test_ext().execute_with(|| {
		(0..12u8)
			.map(|n| {
				let payer = &payers[n as usize % 3];
				let payee = &payees[n as usize % 2];
				let intent = intent(&account_of(payer), payee, 1_000 + n as u128 * 7, n);
				let signature = sign_native(payer, &intent, Purpose::Transfer);
				(intent, signature)
			})
			.collect()
	});
	let accounts: Vec<AccountId> =
		payers.iter().map(account_of).chain(payees.iter().cloned()).collect();

	let batched = new_test_ext().execute_with(|| {
		assert_ok!(batch(intents.clone()));
		let receipts: Vec<_> =
			intents.iter().filter_map(|(i, _)| X402::receipt(i.payment_id())).collect();
		(accounts.iter().map(usdc).collect::<Vec<_>>(), receipts.len(), Assets::total_supply(USDC))
	});
	let one_by_one = new_test_ext().execute_with(|| {
		for (intent, signature) in &intents {
			assert_ok!(X402::transfer_with_authorization(
				RuntimeOrigin::signed(facilitator()),
				Box::new(intent.clone()),
				signature.clone()
			));
		}
		let receipts: Vec<_> =
			intents.iter().filter_map(|(i, _)| X402::receipt(i.payment_id())).collect();
		(accounts.iter().map(usdc).collect::<Vec<_>>(), receipts.len(), Assets::total_supply(USDC))
	});
	assert_eq!(batched, one_by_one);
}

#[test]
fn a_payer_can_also_be_paid_in_the_same_batch() {
	new_test_ext().execute_with(|| {
		let (alice_id, bob_id) = (account_of(&alice()), account_of(&bob()));
		let a_to_b = intent(&alice_id, &bob_id, 300, 1);
		let b_to_a = intent(&bob_id, &alice_id, 100, 2);
		assert_ok!(batch(vec![
			(a_to_b.clone(), sign_native(&alice(), &a_to_b, Purpose::Transfer)),
			(b_to_a.clone(), sign_native(&bob(), &b_to_a, Purpose::Transfer)),
		]));
		assert_eq!(usdc(&alice_id), START - 200);
		assert_eq!(usdc(&bob_id), START + 200);
	});
}

#[test]
fn batch_weight_is_refunded_to_what_was_done() {
	new_test_ext().execute_with(|| {
		let (alice_id, charlie_id) = (account_of(&alice()), account_of(&charlie()));
		let good = intent(&alice_id, &charlie_id, 10, 1);
		let bad = intent(&alice_id, &charlie_id, 10, 2);
		let info = batch(vec![
			(good.clone(), sign_native(&alice(), &good, Purpose::Transfer)),
			(bad.clone(), IntentSignature::Evm([0; 65])),
		])
		.expect("batch runs");
		// The test runtime's weights are zero; the refund is reported all the same.
		assert!(info.actual_weight.is_some());
	});
}
