//! Deposits: held for what each account stores, following its size, returned in full on
//! removal, moved with ownership; an account that cannot pay stores nothing.

use crate::{mock::*, *};
use codec::{Encode, MaxEncodedLen};
use polkadot_sdk::frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};

fn free(who: &AccountId) -> Balance {
	Balances::balance(who)
}

#[test]
fn the_agent_deposit_follows_record_metadata_and_operators_and_returns_in_full() {
	new_test_ext().execute_with(|| {
		let id = register_as(&owner(), b"ipfs://agent");
		let record = AgentRecords::<Test>::get(id).unwrap();
		let base = ITEM_DEPOSIT + BYTE_DEPOSIT * record.encoded_size() as Balance;
		assert_eq!((record.deposit, held(HoldReason::AgentRegistration, &owner())), (base, base));

		let owner_origin = RuntimeOrigin::signed(owner());
		assert_ok!(Agents::set_metadata(
			owner_origin.clone(),
			id,
			b"key".to_vec(),
			Some(vec![1; 10])
		));
		let with_entry = base + ITEM_DEPOSIT + BYTE_DEPOSIT * 13;
		assert_eq!(held(HoldReason::AgentRegistration, &owner()), with_entry);

		assert_ok!(Agents::set_operator(owner_origin.clone(), id, account("Operator"), true));
		let with_operator = with_entry + BYTE_DEPOSIT * 32;
		assert_eq!(held(HoldReason::AgentRegistration, &owner()), with_operator);

		assert_ok!(Agents::set_agent_uri(owner_origin.clone(), id, b"ipfs://a".to_vec()));
		assert_eq!(held(HoldReason::AgentRegistration, &owner()), with_operator - 4 * BYTE_DEPOSIT);

		assert_ok!(Agents::set_metadata(owner_origin.clone(), id, b"key".to_vec(), None));
		assert_ok!(Agents::deregister(owner_origin, id));
		assert_eq!(held(HoldReason::AgentRegistration, &owner()), 0);
		assert_eq!(free(&owner()), NATIVE);
	});
}

#[test]
fn ownership_moves_the_deposit_and_a_poor_new_owner_cannot_take_it() {
	new_test_ext().execute_with(|| {
		let id = register_as(&owner(), b"ipfs://agent");
		let deposit = AgentRecords::<Test>::get(id).unwrap().deposit;
		let pauper = account("Pauper");
		assert_noop!(
			Agents::transfer_ownership(RuntimeOrigin::signed(owner()), id, pauper),
			Error::<Test>::CannotHoldDeposit
		);
		assert_ok!(Agents::transfer_ownership(RuntimeOrigin::signed(owner()), id, client()));
		assert_eq!(held(HoldReason::AgentRegistration, &owner()), 0);
		// The record lost its wallet (32 bytes) with the move.
		let moved = AgentRecords::<Test>::get(id).unwrap().deposit;
		assert_eq!(moved, deposit - 32 * BYTE_DEPOSIT);
		assert_eq!(held(HoldReason::AgentRegistration, &client()), moved);
		assert_eq!(free(&owner()), NATIVE);
	});
}

#[test]
fn an_account_that_cannot_pay_the_deposit_stores_nothing() {
	new_test_ext().execute_with(|| {
		let pauper = account("Pauper");
		assert_noop!(
			Agents::register(RuntimeOrigin::signed(pauper.clone()), vec![], vec![]),
			Error::<Test>::CannotHoldDeposit
		);
		let id = agent_with_wallet();
		assert_noop!(give(&pauper, id, rating(1, 0), b"", None), Error::<Test>::CannotHoldDeposit);
		assert_eq!(NextAgentId::<Test>::get(), 1);
	});
}

#[test]
fn feedback_and_validation_deposits_are_held_from_their_authors_and_returned() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		assert_ok!(give(&client(), id, rating(1, 0), b"starred", None));
		let feedback = Feedback::<Test>::get((id, client(), 1)).unwrap();
		assert_eq!(
			feedback.deposit,
			ITEM_DEPOSIT + BYTE_DEPOSIT * feedback.encoded_size() as Balance
		);
		assert_eq!(held(HoldReason::Feedback, &client()), feedback.deposit);
		assert_ok!(Agents::revoke_feedback(RuntimeOrigin::signed(client()), id, 1));
		assert_eq!((held(HoldReason::Feedback, &client()), free(&client())), (0, NATIVE));

		let hash = polkadot_sdk::sp_core::H256::repeat_byte(3);
		assert_ok!(Agents::validation_request(
			RuntimeOrigin::signed(owner()),
			validator(),
			id,
			b"ipfs://job".to_vec(),
			hash
		));
		let expected = 3 * ITEM_DEPOSIT
			+ BYTE_DEPOSIT
				* (ValidationRecord::<Test>::max_encoded_len()
					+ 2 * (32 + AccountId::max_encoded_len())) as Balance;
		assert_eq!(held(HoldReason::ValidationRequest, &owner()), expected);
		assert_ok!(Agents::remove_validation(RuntimeOrigin::signed(owner()), hash));
		assert_eq!(held(HoldReason::ValidationRequest, &owner()), 0);
	});
}
