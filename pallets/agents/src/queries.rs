//! What the runtime API answers: agents, reputation summaries, feedback and validations.

use crate::{summary::Average, *};
use agentchain_primitives::agents::{AgentView, FeedbackView, ValidationView};
use alloc::vec::Vec;
use polkadot_sdk::{sp_core::H256, sp_runtime::SaturatedConversion};

impl<T: Config> Pallet<T> {
	/// The agent `id` with its metadata and execution history.
	pub fn agent(id: AgentId) -> Option<AgentView> {
		let record = AgentRecords::<T>::get(id)?;
		let mut metadata: Vec<_> = Metadata::<T>::iter_prefix(id)
			.map(|(k, v)| (k.into_inner(), v.into_inner()))
			.collect();
		metadata.sort();
		let mut executions: Vec<_> = Executions::<T>::iter_prefix(id).collect();
		executions.sort_by_key(|(asset, _)| *asset);
		Some(AgentView {
			id,
			owner: record.owner,
			uri: record.uri.into_inner(),
			wallet: record.wallet,
			operators: record.operators.into_inner(),
			metadata,
			executions,
			deposit: record.deposit,
		})
	}

	/// The agent whose wallet `wallet` is.
	pub fn agent_by_wallet(wallet: &AccountId) -> Option<AgentId> {
		AgentByWallet::<T>::get(wallet)
	}

	/// The agent's feedback from `clients` (all when empty), in storage order.
	fn feedback_of<'a>(
		agent: AgentId,
		clients: &'a [AccountId],
	) -> alloc::boxed::Box<dyn Iterator<Item = (AccountId, u64, FeedbackRecord<T>)> + 'a> {
		if clients.is_empty() {
			alloc::boxed::Box::new(
				Feedback::<T>::iter_prefix((agent,)).map(|((c, i), f)| (c, i, f)),
			)
		} else {
			alloc::boxed::Box::new(clients.iter().flat_map(move |client| {
				Feedback::<T>::iter_prefix((agent, client)).map(|(i, f)| (client.clone(), i, f))
			}))
		}
	}

	/// The agent's reputation over the feedback `query` selects.
	pub fn reputation(agent: AgentId, query: &ReputationQuery) -> ReputationSummary {
		let mut average = Average::default();
		for (_, _, feedback) in Self::feedback_of(agent, &query.clients) {
			let tag_matches = |wanted: &Option<Vec<u8>>, tag: &Tag<T>| {
				wanted.as_ref().is_none_or(|wanted| wanted[..] == tag[..])
			};
			if !tag_matches(&query.tag1, &feedback.tag1)
				|| !tag_matches(&query.tag2, &feedback.tag2)
			{
				continue;
			}
			let paid = feedback.payment.map(|p| p.amount).unwrap_or_default();
			let weight = match (query.backing, feedback.payment) {
				(Backing::Any, _) => 1,
				(Backing::Paid, Some(_)) => 1,
				(Backing::WeightedByAmount(asset), Some(p)) if p.asset == asset => p.amount,
				_ => continue,
			};
			average.add(feedback.value, weight, paid);
		}
		let (count, average, paid) = average.finish();
		ReputationSummary { count, average, paid }
	}

	/// The agent's feedback from `clients` (all when empty), by author then index, at most
	/// `limit` entries.
	pub fn feedback(agent: AgentId, clients: &[AccountId], limit: u32) -> Vec<FeedbackView> {
		let mut entries: Vec<_> = Self::feedback_of(agent, clients).collect();
		entries.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
		entries
			.into_iter()
			.take(limit.saturated_into())
			.map(|(client, index, f)| FeedbackView {
				client,
				index,
				value: f.value,
				tag1: f.tag1.into_inner(),
				tag2: f.tag2.into_inner(),
				payment: f.payment,
				responses: f.responses,
			})
			.collect()
	}

	fn validation_view(request_hash: H256) -> Option<ValidationView> {
		let record = Validations::<T>::get(request_hash)?;
		Some(ValidationView {
			request_hash,
			validator: record.validator,
			agent: record.agent,
			response: record.response,
			response_hash: record.response_hash,
			tag: record.tag.into_inner(),
			last_update: record.last_update.saturated_into(),
		})
	}

	/// The validation requests about `agent`.
	pub fn validations(agent: AgentId) -> Vec<ValidationView> {
		ValidationsByAgent::<T>::iter_key_prefix(agent)
			.filter_map(Self::validation_view)
			.collect()
	}

	/// The validation requests addressed to `validator`.
	pub fn validator_requests(validator: &AccountId) -> Vec<ValidationView> {
		ValidationsByValidator::<T>::iter_key_prefix(validator)
			.filter_map(Self::validation_view)
			.collect()
	}

	/// The average response to `agent`'s validations from `validators` (all when empty) with
	/// `tag` (any when `None`).
	pub fn validation_summary(
		agent: AgentId,
		validators: &[AccountId],
		tag: Option<&[u8]>,
	) -> ValidationSummary {
		let (mut count, mut sum) = (0u64, 0u64);
		for view in Self::validations(agent) {
			let Some(response) = view.response else { continue };
			if (!validators.is_empty() && !validators.contains(&view.validator))
				|| tag.is_some_and(|tag| tag != &view.tag[..])
			{
				continue;
			}
			count += 1;
			sum += u64::from(response);
		}
		let average = if count == 0 { 0 } else { (sum / count) as u8 };
		ValidationSummary { count, average }
	}
}

/// Spending mandates' agent payee rules ask this pallet whose wallet a payee is.
impl<T: Config> agentchain_primitives::mandates::AgentOfWallet for Pallet<T> {
	fn agent_of(wallet: &AccountId) -> Option<AgentId> {
		AgentByWallet::<T>::get(wallet)
	}
}
