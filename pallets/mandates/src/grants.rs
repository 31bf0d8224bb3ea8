//! Granting and revoking: the checks, the deposit, and the storage a mandate occupies.

use crate::*;
use agentchain_primitives::{
	evm_signature,
	x402::{evm_address, IntentSignature},
	AccountId, Balance,
};
use codec::Encode;
use polkadot_sdk::{
	frame_support::{
		pallet_prelude::*,
		traits::{fungible::MutateHold, tokens::Precision, UnixTime},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::traits::{Verify, Zero},
};

impl<T: Config> Pallet<T> {
	/// The block time in unix seconds.
	pub fn now() -> UnixSeconds {
		T::Time::now().as_secs()
	}

	/// Grants `delegate` a mandate with `terms` from `granter` (a root, or a delegate granting
	/// a session), holding its deposit from `depositor`. Returns its number.
	pub(crate) fn do_grant(
		granter: &AccountId,
		delegate: AccountId,
		terms: MandateTerms,
		depositor: &AccountId,
	) -> Result<MandateId, DispatchError> {
		let now = Self::now();
		ensure!(*granter != delegate, Error::<T>::SelfDelegation);
		// A revoked mandate's key may be granted again.
		let taken = MandateOf::<T>::get(&delegate).is_some_and(MandateRecords::<T>::contains_key);
		ensure!(!taken, Error::<T>::DelegateTaken);
		ensure!(
			terms.expires > now && terms.expires <= now.saturating_add(T::MaxLifetime::get()),
			Error::<T>::BadExpiry
		);
		ensure!(terms.period > 0, Error::<T>::ZeroPeriod);
		ensure!(terms.max_per_payment > 0 && terms.budget_per_period > 0, Error::<T>::ZeroLimit);
		let (root, parent) = match MandateOf::<T>::get(granter) {
			// The granter is a delegate: a session under its mandate.
			Some(parent_id) => {
				let parent =
					MandateRecords::<T>::get(parent_id).ok_or(Error::<T>::UnknownMandate)?;
				ensure!(parent.parent.is_none(), Error::<T>::TooDeep);
				ensure!(terms.within(&parent.terms), Error::<T>::WiderThanParent);
				let sessions = Sessions::<T>::iter_prefix(parent_id)
					.take(T::MaxSessions::get() as usize)
					.count() as u32;
				ensure!(sessions < T::MaxSessions::get(), Error::<T>::TooManySessions);
				(parent.root, Some(parent_id))
			},
			None => (granter.clone(), None),
		};
		let id = NextMandateId::<T>::get();
		let mut mandate = Mandate {
			root: root.clone(),
			parent,
			delegate: delegate.clone(),
			terms,
			depositor: depositor.clone(),
			deposit: 0,
		};
		mandate.deposit = Self::deposit_of(&mandate);
		if mandate.deposit > 0 {
			T::Currency::hold(&HoldReason::Mandate.into(), depositor, mandate.deposit)
				.map_err(|_| Error::<T>::CannotHoldDeposit)?;
		}
		NextMandateId::<T>::put(id.saturating_add(1));
		Usage::<T>::insert(id, MandateUsage::new(mandate.terms.period, now));
		MandateOf::<T>::insert(&delegate, id);
		RootMandates::<T>::insert(&root, id, ());
		if let Some(parent) = parent {
			Sessions::<T>::insert(parent, id, ());
		}
		Self::expire_at(id, mandate.terms.expires, &delegate);
		MandateRecords::<T>::insert(id, mandate);
		Self::deposit_event(Event::Granted {
			mandate: id,
			root,
			delegate,
			parent,
			depositor: depositor.clone(),
		});
		Ok(id)
	}

	/// Revokes `id` and its sessions on `who`'s word: the root's, or for a session its
	/// granting delegate's. Returns how many sessions went with it.
	pub(crate) fn do_revoke(who: &AccountId, id: MandateId) -> Result<u32, DispatchError> {
		let mandate = MandateRecords::<T>::get(id).ok_or(Error::<T>::UnknownMandate)?;
		let granted_by_who = match mandate.parent {
			Some(parent) => MandateRecords::<T>::get(parent).is_some_and(|p| p.delegate == *who),
			None => false,
		};
		ensure!(mandate.root == *who || granted_by_who, Error::<T>::NotAllowedToRevoke);
		let sessions: alloc::vec::Vec<MandateId> = Sessions::<T>::iter_key_prefix(id).collect();
		for session in &sessions {
			if Self::remove(*session).is_some() {
				Self::deposit_event(Event::Revoked { mandate: *session, by: who.clone() });
			}
		}
		Self::remove(id);
		Self::deposit_event(Event::Revoked { mandate: id, by: who.clone() });
		Ok(sessions.len() as u32)
	}

	/// Removes mandate `id` and returns its deposit; not its sessions. Its delegate key's
	/// [`MandateOf`] entry stays, pointing at nothing, until the expiry sweep takes it.
	pub(crate) fn remove(id: MandateId) -> Option<Mandate> {
		let mandate = MandateRecords::<T>::take(id)?;
		Usage::<T>::remove(id);
		RootMandates::<T>::remove(&mandate.root, id);
		if let Some(parent) = mandate.parent {
			Sessions::<T>::remove(parent, id);
		}
		if mandate.deposit > 0 {
			// Best effort: a hold slashed elsewhere releases what is left.
			let _ = T::Currency::release(
				&HoldReason::Mandate.into(),
				&mandate.depositor,
				mandate.deposit,
				Precision::BestEffort,
			);
		}
		Some(mandate)
	}

	/// What a mandate's storage costs: six items (the mandate, its usage, and the delegate,
	/// root, expiry and parent's session entries), their values and their keys (at most 200
	/// bytes of hashed keys in all).
	pub(crate) fn deposit_of(mandate: &Mandate) -> Balance {
		const KEY_BYTES: usize = 200;
		let bytes = mandate.encoded_size() + MandateUsage::max_encoded_len() + KEY_BYTES;
		T::ItemDeposit::get()
			.saturating_mul(6)
			.saturating_add(T::ByteDeposit::get().saturating_mul(bytes as Balance))
	}

	/// Fails unless `deadline` is ahead, and not too far ahead.
	pub(crate) fn check_deadline(deadline: UnixSeconds) -> DispatchResult {
		let now = Self::now();
		ensure!(
			deadline > now && deadline <= now.saturating_add(MAX_SIGNED_AHEAD),
			Error::<T>::BadDeadline
		);
		Ok(())
	}

	/// Fails unless `consent` is `delegate`'s signature agreeing to spend through `granter`'s
	/// mandate, and not past its deadline.
	pub(crate) fn check_consent(
		granter: &AccountId,
		delegate: &AccountId,
		consent: &DelegateConsent,
	) -> DispatchResult {
		Self::check_deadline(consent.deadline).map_err(|_| Error::<T>::BadDelegateConsent)?;
		let signed = match &consent.signature {
			IntentSignature::Native(signature) => {
				let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
				let payload = native_accept_payload(genesis, granter, delegate, consent.deadline);
				signature.verify(&payload[..], delegate)
			},
			IntentSignature::Evm(signature) => {
				let digest =
					accept_digest(T::EvmChainId::get(), granter, delegate, consent.deadline);
				Self::check_evm_signer(delegate, signature, &digest).is_ok()
			},
			// A permit authorizes a payment, not a consent.
			IntentSignature::Permit2 { .. } => false,
		};
		ensure!(signed, Error::<T>::BadDelegateConsent);
		Ok(())
	}

	/// Fails unless `signature` over `digest` is by the EVM key `signer` embeds.
	pub(crate) fn check_evm_signer(
		signer: &AccountId,
		signature: &[u8; 65],
		digest: &[u8; 32],
	) -> DispatchResult {
		let address =
			evm_address::embedded_address(signer.as_ref()).ok_or(Error::<T>::NotAnEvmAccount)?;
		ensure!(evm_signature::is_signed_by(signature, digest, address), Error::<T>::BadSignature);
		Ok(())
	}
}
