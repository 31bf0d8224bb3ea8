//! What settlement asks: whose funds a key's payment spends, within every mandate up to the
//! root, and counting what settled.

use crate::*;
use agentchain_primitives::{agents::AgentId, AccountId, AssetId, Balance};
use alloc::collections::BTreeMap;
use polkadot_sdk::frame_support::{pallet_prelude::*, weights::Weight, BoundedVec};

impl<T: Config> Pallet<T> {
	/// The mandates from `delegate`'s up to the root's, each with its usage as of `now`
	/// (`pending` overriding what is stored); empty if the key holds none.
	pub(crate) fn chain_of(
		delegate: &AccountId,
		pending: &BTreeMap<MandateId, MandateUsage>,
		now: UnixSeconds,
	) -> Result<alloc::vec::Vec<(MandateId, Mandate, MandateUsage)>, MandateRefusal> {
		let mut chain = alloc::vec::Vec::new();
		let mut next = MandateOf::<T>::get(delegate);
		while let Some(id) = next {
			// Deeper chains cannot be granted; should one appear, it allows nothing.
			if chain.len() as u32 >= MAX_DEPTH {
				return Err(MandateRefusal::Revoked);
			}
			let mandate = MandateRecords::<T>::get(id).ok_or(MandateRefusal::Revoked)?;
			let usage = pending
				.get(&id)
				.copied()
				.or_else(|| Usage::<T>::get(id))
				.ok_or(MandateRefusal::Revoked)?
				.at(now);
			next = mandate.parent;
			chain.push((id, mandate, usage));
		}
		Ok(chain)
	}
}

impl<T: Config> pallet_x402::SpendingMandates for Pallet<T> {
	type Pending = BTreeMap<MandateId, MandateUsage>;

	fn authorize(
		pending: &Self::Pending,
		signer: &AccountId,
		asset: AssetId,
		payee: &AccountId,
		amount: Balance,
		now: UnixSeconds,
	) -> Result<Option<MandatedSpend>, MandateRefusal> {
		let chain = Self::chain_of(signer, pending, now)?;
		let Some((_, top, _)) = chain.last() else { return Ok(None) };
		let root = top.root.clone();
		let mut agent: Option<Option<AgentId>> = None;
		let mut mandates = BoundedVec::new();
		for (id, mandate, usage) in &chain {
			let terms = &mandate.terms;
			ensure!(now < terms.expires, MandateRefusal::Expired);
			ensure!(terms.asset == asset, MandateRefusal::WrongAsset);
			usage.allows(terms, amount)?;
			let allowed = terms
				.allows_payee(payee, || *agent.get_or_insert_with(|| T::Agents::agent_of(payee)));
			ensure!(allowed, MandateRefusal::PayeeNotAllowed);
			// The chain is at most `MAX_DEPTH` long (`chain_of` checks).
			let _ = mandates.try_push(*id);
		}
		Ok(Some(MandatedSpend { root, mandates }))
	}

	fn reserve(
		pending: &mut Self::Pending,
		spend: &MandatedSpend,
		amount: Balance,
		now: UnixSeconds,
	) {
		for id in &spend.mandates {
			let stored = pending.get(id).copied().or_else(|| Usage::<T>::get(id));
			if let Some(usage) = stored {
				let mut usage = usage.at(now);
				usage.add(amount);
				pending.insert(*id, usage);
			}
		}
	}

	fn preload(
		pending: &mut Self::Pending,
		id: MandateId,
		amount: Balance,
		count: u32,
		now: UnixSeconds,
	) {
		let stored = pending.get(&id).copied().or_else(|| Usage::<T>::get(id));
		if let Some(usage) = stored {
			let mut usage = usage.at(now);
			usage.spent_in_period = usage.spent_in_period.saturating_add(amount);
			usage.payments_in_period = usage.payments_in_period.saturating_add(count);
			usage.spent_in_total = usage.spent_in_total.saturating_add(amount);
			pending.insert(id, usage);
		}
	}

	fn spender(signer: &AccountId) -> Option<MandatedSpend> {
		let chain = Self::chain_of(signer, &BTreeMap::new(), 0).ok()?;
		let root = chain.last()?.1.root.clone();
		let mandates = BoundedVec::truncate_from(chain.into_iter().map(|(id, ..)| id).collect());
		Some(MandatedSpend { root, mandates })
	}

	fn charge(spend: &MandatedSpend, amount: Balance, now: UnixSeconds) {
		for id in &spend.mandates {
			Usage::<T>::mutate_exists(id, |usage| {
				if let Some(usage) = usage {
					*usage = usage.at(now);
					usage.add(amount);
				}
			});
		}
	}

	fn item_weight(mandated: bool) -> Weight {
		if mandated {
			T::WeightInfo::authorize_and_charge()
		} else {
			T::WeightInfo::authorize_unmandated()
		}
	}
}
