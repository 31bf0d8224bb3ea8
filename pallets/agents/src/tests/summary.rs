//! Reputation summaries: averages with negative values and mixed decimals, filters by client
//! and tag, payment-backed only, weighted by paid amount, and the extremes.

use crate::{mock::*, *};
use polkadot_sdk::frame_support::assert_ok;

fn summary(agent: AgentId, query: ReputationQuery) -> (u64, FeedbackValue, Balance) {
	let s = Agents::reputation(agent, &query);
	(s.count, s.average, s.paid)
}

#[test]
fn averages_mix_decimals_and_signs_and_answer_at_the_most_used_decimals() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		// 99.77, -0.5, 80 at 2, 1 and 0 decimals, plus 1.25 at 2 decimals: mode is 2.
		assert_ok!(give(&client(), id, rating(9977, 2), b"", None));
		assert_ok!(give(&client(), id, rating(-5, 1), b"", None));
		assert_ok!(give(&other_client(), id, rating(80, 0), b"", None));
		assert_ok!(give(&other_client(), id, rating(125, 2), b"", None));
		// (99.77 - 0.5 + 80 + 1.25) / 4 = 45.13
		assert_eq!(summary(id, Default::default()), (4, rating(4513, 2), 0));
	});
}

#[test]
fn negative_averages_round_toward_zero_and_ties_take_fewer_decimals() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		assert_ok!(give(&client(), id, rating(-10, 0), b"", None));
		assert_ok!(give(&client(), id, rating(-5, 1), b"", None));
		// (-10 - 0.5) / 2 = -5.25: at 0 decimals (tie between 0 and 1) toward zero: -5.
		assert_eq!(summary(id, Default::default()).1, rating(-5, 0));
	});
}

#[test]
fn filters_select_clients_and_tags() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		assert_ok!(give(&client(), id, rating(100, 0), b"starred", None));
		assert_ok!(give(&client(), id, rating(50, 0), b"uptime", None));
		assert_ok!(give(&other_client(), id, rating(0, 0), b"starred", None));
		let by = |clients: Vec<AccountId>, tag1: Option<&[u8]>| ReputationQuery {
			clients,
			tag1: tag1.map(|t| t.to_vec()),
			..Default::default()
		};
		assert_eq!(summary(id, by(vec![client()], None)).1, rating(75, 0));
		assert_eq!(summary(id, by(vec![], Some(b"starred"))).1, rating(50, 0));
		assert_eq!(summary(id, by(vec![client()], Some(b"starred"))), (1, rating(100, 0), 0));
		assert_eq!(summary(id, by(vec![validator()], None)), (0, rating(0, 0), 0));
		let tag2 = ReputationQuery { tag2: Some(b"none".to_vec()), ..Default::default() };
		assert_eq!(summary(id, tag2).0, 0);
	});
}

#[test]
fn paid_summaries_count_only_backed_feedback_and_weigh_by_amount() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		// The big spender is unhappy, the small one happy, the unpaid one ecstatic.
		let big = pay("Client", &wallet(), USDC, 900_000, 1);
		let small = pay("Other", &wallet(), USDC, 100_000, 1);
		let euro = pay("Other", &wallet(), EURC, 50_000, 2);
		assert_ok!(give(&client(), id, rating(10, 0), b"", Some(big)));
		assert_ok!(give(&other_client(), id, rating(90, 0), b"", Some(small)));
		assert_ok!(give(&other_client(), id, rating(70, 0), b"", Some(euro)));
		assert_ok!(give(&account("Validator"), id, rating(100, 0), b"", None));

		assert_eq!(summary(id, Default::default()), (4, rating(67, 0), 1_050_000));
		let paid = ReputationQuery { backing: Backing::Paid, ..Default::default() };
		// (10 + 90 + 70) / 3 = 56.67 -> 56
		assert_eq!(summary(id, paid), (3, rating(56, 0), 1_050_000));
		let weighted =
			ReputationQuery { backing: Backing::WeightedByAmount(USDC), ..Default::default() };
		// (10 * 900k + 90 * 100k) / 1m = 18
		assert_eq!(summary(id, weighted), (2, rating(18, 0), 1_000_000));
		let in_euro =
			ReputationQuery { backing: Backing::WeightedByAmount(EURC), ..Default::default() };
		assert_eq!(summary(id, in_euro), (1, rating(70, 0), 50_000));
	});
}

#[test]
fn extremes_neither_overflow_nor_panic() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		let max = 100_000_000_000_000_000_000_000_000_000_000_000_000i128;
		assert_ok!(give(&client(), id, rating(max, 0), b"", None));
		assert_ok!(give(&client(), id, rating(max, 0), b"", None));
		assert_eq!(summary(id, Default::default()).1, rating(max, 0));
		// The mode is 18 decimals, where 1e38 whole units do not fit: saturated.
		for _ in 0..3 {
			assert_ok!(give(&other_client(), id, rating(-1, 18), b"", None));
		}
		assert_eq!(summary(id, Default::default()).1, rating(i128::MAX, 18));
		let negative = ReputationQuery { clients: vec![other_client()], ..Default::default() };
		assert_eq!(summary(id, negative).1, rating(-1, 18));
	});
}

#[test]
fn an_agent_without_feedback_has_an_empty_summary() {
	new_test_ext().execute_with(|| {
		assert_eq!(summary(0, Default::default()), (0, rating(0, 0), 0));
	});
}
