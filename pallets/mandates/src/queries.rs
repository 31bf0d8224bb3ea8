//! The runtime API's answers: mandates with what their delegates have spent.

use crate::*;
use agentchain_primitives::AccountId;
use alloc::{collections::BTreeMap, vec::Vec};

impl<T: Config> Pallet<T> {
	/// Mandate `id` as of now, with what its delegate can still spend through every mandate
	/// up to the root.
	pub fn status(id: MandateId) -> Option<MandateStatus> {
		let mandate = MandateRecords::<T>::get(id)?;
		let now = Self::now();
		let usage = Usage::<T>::get(id)?.at(now);
		let chain = Self::chain_of(&mandate.delegate, &BTreeMap::new(), now).ok()?;
		let available = chain
			.iter()
			.map(
				|(_, mandate, usage)| {
					if now < mandate.terms.expires {
						usage.available(&mandate.terms)
					} else {
						0
					}
				},
			)
			.min()
			.unwrap_or(0);
		Some(MandateStatus { id, mandate, usage, available })
	}

	/// The mandates over `root`'s funds after `after`, at most `limit` (and `MAX_LISTED`).
	pub fn mandates_of(
		root: &AccountId,
		after: Option<MandateId>,
		limit: u32,
	) -> Vec<MandateStatus> {
		let limit = limit.min(MAX_LISTED) as usize;
		let ids: Vec<MandateId> = match after {
			Some(after) => RootMandates::<T>::iter_key_prefix_from(
				root,
				RootMandates::<T>::hashed_key_for(root, after),
			)
			.take(limit)
			.collect(),
			None => RootMandates::<T>::iter_key_prefix(root).take(limit).collect(),
		};
		ids.into_iter().filter_map(Self::status).collect()
	}

	/// The chain of authority of `delegate`: its mandate, then each above it.
	pub fn authority_of(delegate: &AccountId) -> Vec<MandateStatus> {
		let mut chain = Vec::new();
		let mut next = MandateOf::<T>::get(delegate);
		while let Some(id) = next {
			if chain.len() as u32 >= MAX_DEPTH {
				break;
			}
			let Some(status) = Self::status(id) else { break };
			next = status.mandate.parent;
			chain.push(status);
		}
		chain
	}
}
