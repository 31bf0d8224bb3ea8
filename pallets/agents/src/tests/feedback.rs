//! Feedback: who may give it, bounds, payment backing checked against pallet-x402, one
//! feedback per payment, revocation and responses.

use crate::{mock::*, *};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_core::H256,
};

#[test]
fn feedback_is_stored_under_the_authors_next_index_from_one() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		assert_ok!(give(&client(), id, rating(87, 0), b"starred", None));
		assert_ok!(give(&client(), id, rating(9977, 2), b"uptime", None));
		assert_ok!(give(&other_client(), id, rating(-3, 0), b"starred", None));
		assert_eq!(LastFeedbackIndex::<Test>::get(id, client()), 2);
		let mine = Agents::feedback(id, &[client()], 10);
		assert_eq!(
			mine.iter().map(|f| (f.index, f.value)).collect::<Vec<_>>(),
			vec![(1, rating(87, 0)), (2, rating(9977, 2))]
		);
		assert_eq!(Agents::feedback(id, &[], 10).len(), 3);
		assert_eq!(Agents::feedback(id, &[], 1).len(), 1);
		assert!(matches!(
			agent_events().last(),
			Some(Event::NewFeedback { index: 1, value, endpoint, .. })
				if *value == rating(-3, 0) && endpoint == b"https://agent.example/api"
		));
	});
}

#[test]
fn owner_operators_and_wallet_cannot_rate_their_agent() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		assert_ok!(Agents::set_operator(
			RuntimeOrigin::signed(owner()),
			id,
			account("Operator"),
			true
		));
		for insider in [owner(), account("Operator"), wallet()] {
			assert_noop!(
				give(&insider, id, rating(100, 0), b"", None),
				Error::<Test>::SelfFeedback
			);
		}
		assert_noop!(give(&client(), 99, rating(1, 0), b"", None), Error::<Test>::AgentNotFound);
	});
}

#[test]
fn values_tags_and_uris_are_bounded() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		let limit = 100_000_000_000_000_000_000_000_000_000_000_000_000i128;
		assert_noop!(give(&client(), id, rating(1, 19), b"", None), Error::<Test>::TooManyDecimals);
		assert_noop!(
			give(&client(), id, rating(limit + 1, 0), b"", None),
			Error::<Test>::ValueOutOfRange
		);
		assert_noop!(
			give(&client(), id, rating(-limit - 1, 0), b"", None),
			Error::<Test>::ValueOutOfRange
		);
		assert_noop!(
			give(&client(), id, rating(i128::MIN, 0), b"", None),
			Error::<Test>::ValueOutOfRange
		);
		assert_noop!(
			give(&client(), id, rating(1, 0), &[b't'; 17], None),
			Error::<Test>::TagTooLong
		);
		assert_noop!(
			Agents::give_feedback(
				RuntimeOrigin::signed(client()),
				id,
				rating(1, 0),
				vec![],
				vec![],
				vec![0; 65],
				vec![],
				H256::zero(),
				None
			),
			Error::<Test>::UriTooLong
		);
		assert_ok!(give(&client(), id, rating(limit, 18), b"", None));
		assert_ok!(give(&client(), id, rating(-limit, 0), b"", None));
	});
}

#[test]
fn a_cited_payment_must_be_settled_from_the_author_to_the_agents_wallet() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		let paid = pay("Client", &wallet(), USDC, 5_000, 1);
		assert_noop!(
			give(&client(), id, rating(90, 0), b"", Some(H256::repeat_byte(7))),
			Error::<Test>::PaymentNotFound
		);
		assert_noop!(
			give(&other_client(), id, rating(90, 0), b"", Some(paid)),
			Error::<Test>::PaymentNotFromClient
		);
		let elsewhere = pay("Client", &validator(), USDC, 5_000, 2);
		assert_noop!(
			give(&client(), id, rating(90, 0), b"", Some(elsewhere)),
			Error::<Test>::PaymentNotToAgent
		);

		assert_ok!(give(&client(), id, rating(90, 0), b"", Some(paid)));
		let backing = PaymentBacking { payment_id: paid, asset: USDC, amount: 5_000 };
		assert_eq!(Agents::feedback(id, &[client()], 1)[0].payment, Some(backing));
		assert_eq!(FeedbackOfPayment::<Test>::get(paid), Some((id, client(), 1)));
	});
}

#[test]
fn a_payment_backs_at_most_one_feedback_even_after_revocation() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		let paid = pay("Client", &wallet(), USDC, 5_000, 1);
		assert_ok!(give(&client(), id, rating(10, 0), b"", Some(paid)));
		assert_noop!(
			give(&client(), id, rating(90, 0), b"", Some(paid)),
			Error::<Test>::PaymentAlreadyCited
		);
		assert_ok!(Agents::revoke_feedback(RuntimeOrigin::signed(client()), id, 1));
		assert_noop!(
			give(&client(), id, rating(90, 0), b"", Some(paid)),
			Error::<Test>::PaymentAlreadyCited
		);
		// Unbacked feedback is still open to the client.
		assert_ok!(give(&client(), id, rating(90, 0), b"", None));
		assert_eq!(LastFeedbackIndex::<Test>::get(id, client()), 2);
	});
}

#[test]
fn a_payment_to_the_agents_previous_wallet_does_not_back_feedback() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		let paid = pay("Client", &wallet(), USDC, 5_000, 1);
		assert_ok!(Agents::unset_agent_wallet(RuntimeOrigin::signed(owner()), id));
		assert_noop!(
			give(&client(), id, rating(1, 0), b"", Some(paid)),
			Error::<Test>::PaymentNotToAgent
		);
	});
}

#[test]
fn only_the_author_revokes_and_revoked_feedback_is_gone() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		assert_ok!(give(&client(), id, rating(10, 0), b"", None));
		assert_noop!(
			Agents::revoke_feedback(RuntimeOrigin::signed(other_client()), id, 1),
			Error::<Test>::FeedbackNotFound
		);
		assert_noop!(
			Agents::revoke_feedback(RuntimeOrigin::signed(client()), id, 2),
			Error::<Test>::FeedbackNotFound
		);
		assert_ok!(Agents::revoke_feedback(RuntimeOrigin::signed(client()), id, 1));
		assert_noop!(
			Agents::revoke_feedback(RuntimeOrigin::signed(client()), id, 1),
			Error::<Test>::FeedbackNotFound
		);
		assert!(Agents::feedback(id, &[], 10).is_empty());
		assert_eq!(Agents::reputation(id, &Default::default()).count, 0);
		assert_eq!(
			agent_events().last(),
			Some(&Event::FeedbackRevoked { agent: id, client: client(), index: 1 })
		);
	});
}

#[test]
fn anyone_appends_responses_to_existing_feedback() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		assert_ok!(give(&client(), id, rating(10, 0), b"", None));
		let respond = |who: &AccountId, index: u64, uri: &[u8]| {
			Agents::append_response(
				RuntimeOrigin::signed(who.clone()),
				id,
				client(),
				index,
				uri.to_vec(),
				H256::repeat_byte(1),
			)
		};
		assert_noop!(respond(&owner(), 1, b""), Error::<Test>::EmptyResponseUri);
		assert_noop!(respond(&owner(), 1, &[0; 65]), Error::<Test>::UriTooLong);
		assert_noop!(respond(&owner(), 2, b"ipfs://refund"), Error::<Test>::FeedbackNotFound);
		assert_ok!(respond(&owner(), 1, b"ipfs://refund"));
		assert_ok!(respond(&validator(), 1, b"ipfs://spam-check"));
		assert_eq!(Agents::feedback(id, &[], 1)[0].responses, 2);
		assert!(agent_events().contains(&Event::ResponseAppended {
			agent: id,
			client: client(),
			index: 1,
			responder: owner(),
			response_uri: b"ipfs://refund".to_vec(),
			response_hash: H256::repeat_byte(1),
		}));
	});
}
