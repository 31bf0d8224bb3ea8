//! Validation: requests by the agent's managers, responses only by the named validator
//! (updatable, 0..=100), queries by agent and validator, summaries, removal.

use crate::{mock::*, *};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_core::H256,
};

fn request(who: &AccountId, agent: AgentId, hash: u8) -> polkadot_sdk::sp_runtime::DispatchResult {
	Agents::validation_request(
		RuntimeOrigin::signed(who.clone()),
		validator(),
		agent,
		b"ipfs://job".to_vec(),
		H256::repeat_byte(hash),
	)
}

fn respond(
	who: &AccountId,
	hash: u8,
	response: u8,
	tag: &[u8],
) -> polkadot_sdk::sp_runtime::DispatchResult {
	Agents::validation_response(
		RuntimeOrigin::signed(who.clone()),
		H256::repeat_byte(hash),
		response,
		b"ipfs://proof".to_vec(),
		H256::repeat_byte(0xAA),
		tag.to_vec(),
	)
}

#[test]
fn only_managers_request_and_request_hashes_are_unique() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		assert_noop!(request(&client(), id, 1), Error::<Test>::NotOwnerOrOperator);
		assert_noop!(request(&owner(), 5, 1), Error::<Test>::AgentNotFound);
		assert_noop!(
			Agents::validation_request(
				RuntimeOrigin::signed(owner()),
				validator(),
				id,
				vec![0; 65],
				H256::zero()
			),
			Error::<Test>::UriTooLong
		);
		assert_ok!(request(&owner(), id, 1));
		assert_noop!(request(&owner(), id, 1), Error::<Test>::ValidationExists);
		assert_ok!(Agents::set_operator(
			RuntimeOrigin::signed(owner()),
			id,
			account("Operator"),
			true
		));
		assert_ok!(request(&account("Operator"), id, 2));
		assert_eq!(Agents::validations(id).len(), 2);
		assert_eq!(Agents::validator_requests(&validator()).len(), 2);
	});
}

#[test]
fn only_the_validator_responds_and_may_update() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		assert_ok!(request(&owner(), id, 1));
		assert_noop!(respond(&owner(), 1, 100, b""), Error::<Test>::NotTheValidator);
		assert_noop!(respond(&validator(), 2, 100, b""), Error::<Test>::ValidationNotFound);
		assert_noop!(respond(&validator(), 1, 101, b""), Error::<Test>::ResponseOutOfRange);
		assert_noop!(respond(&validator(), 1, 100, &[0; 17]), Error::<Test>::TagTooLong);
		assert_ok!(respond(&validator(), 1, 60, b"soft"));
		System::set_block_number(5);
		assert_ok!(respond(&validator(), 1, 100, b"hard"));
		let view = &Agents::validations(id)[0];
		assert_eq!(
			(view.response, view.tag.clone(), view.last_update),
			(Some(100), b"hard".to_vec(), 5)
		);
		assert_eq!(view.response_hash, H256::repeat_byte(0xAA));
	});
}

#[test]
fn summaries_average_answered_requests_by_validator_and_tag() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		for hash in 1..=3 {
			assert_ok!(request(&owner(), id, hash));
		}
		assert_ok!(respond(&validator(), 1, 100, b"tee"));
		assert_ok!(respond(&validator(), 2, 51, b"zk"));
		// Request 3 has no response and does not count.
		let all = Agents::validation_summary(id, &[], None);
		assert_eq!((all.count, all.average), (2, 75));
		assert_eq!(Agents::validation_summary(id, &[], Some(b"zk")).average, 51);
		assert_eq!(Agents::validation_summary(id, &[client()], None).count, 0);
	});
}

#[test]
fn only_the_requester_removes_a_request() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		assert_ok!(request(&owner(), id, 1));
		let remove = |who: &AccountId, hash: u8| {
			Agents::remove_validation(RuntimeOrigin::signed(who.clone()), H256::repeat_byte(hash))
		};
		assert_noop!(remove(&validator(), 1), Error::<Test>::NotTheRequester);
		assert_noop!(remove(&owner(), 2), Error::<Test>::ValidationNotFound);
		assert_ok!(remove(&owner(), 1));
		assert!(Agents::validations(id).is_empty());
		assert!(Agents::validator_requests(&validator()).is_empty());
	});
}
