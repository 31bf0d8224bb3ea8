//! Execution history: pallet-x402's hook counts settlements into an agent's wallet, per asset,
//! for single settlements and batches alike.

use crate::{mock::*, *};
use pallet_x402::Intent;
use polkadot_sdk::frame_support::{assert_ok, traits::Get, weights::RuntimeDbWeight};

fn executions(agent: AgentId) -> Vec<(AssetId, Execution)> {
	Agents::agent(agent).unwrap().executions
}

#[test]
fn settlements_into_the_wallet_count_per_asset() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		pay("Client", &wallet(), USDC, 300, 1);
		pay("Other", &wallet(), USDC, 200, 1);
		pay("Client", &wallet(), EURC, 50, 2);
		// Not to the agent's wallet: not the agent's history.
		pay("Client", &validator(), USDC, 999, 3);
		assert_eq!(
			executions(id),
			vec![
				(USDC, Execution { payments: 2, volume: 500 }),
				(EURC, Execution { payments: 1, volume: 50 }),
			]
		);
	});
}

#[test]
fn a_batch_counts_each_payment_into_the_wallet() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		let items: Vec<_> = (1..=5u8)
			.map(|nonce| {
				let payee = if nonce == 5 { validator() } else { wallet() };
				signed_intent("Client", &payee, USDC, 10 * nonce as Balance, nonce)
			})
			.collect();
		assert_ok!(X402::settle_batch(RuntimeOrigin::signed(owner()), items.try_into().unwrap()));
		assert_eq!(executions(id), vec![(USDC, Execution { payments: 4, volume: 100 })]);
	});
}

#[test]
fn history_follows_the_current_wallet() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		pay("Client", &wallet(), USDC, 100, 1);
		assert_ok!(Agents::unset_agent_wallet(RuntimeOrigin::signed(owner()), id));
		pay("Client", &wallet(), USDC, 100, 2);
		assert_eq!(executions(id), vec![(USDC, Execution { payments: 1, volume: 100 })]);
	});
}

#[test]
fn settle_batch_is_charged_the_hook_per_payee_and_refunded_for_payees_that_are_no_agents() {
	new_test_ext().execute_with(|| {
		agent_with_wallet();
		let batch = |payee: AccountId, first_nonce: u8| -> Vec<(Intent, IntentSignature)> {
			(first_nonce..first_nonce + 2)
				.map(|nonce| signed_intent("Client", &payee, USDC, 10, nonce))
				.collect()
		};
		let settle = |items: Vec<(Intent, IntentSignature)>| {
			let charged = X402::settle_batch_weight(&items);
			let info =
				X402::settle_batch(RuntimeOrigin::signed(owner()), items.try_into().unwrap())
					.expect("settles");
			(charged, info.actual_weight.expect("refunded to what it cost"))
		};
		let (charged, to_agent) = settle(batch(wallet(), 1));
		assert_eq!(to_agent, charged);
		let (charged, to_stranger) = settle(batch(validator(), 3));
		let hook = <() as WeightInfo>::on_settled();
		type DbWeight = <Test as polkadot_sdk::frame_system::Config>::DbWeight;
		let one_read = <DbWeight as Get<RuntimeDbWeight>>::get().reads(1);
		assert_eq!(to_stranger, charged - hook + one_read);
	});
}
