//! The reputation registry: feedback, payment backing, revocation and responses.

use crate::*;
use agentchain_primitives::agents::{MAX_VALUE_DECIMALS, MAX_VALUE_MAGNITUDE};
use alloc::vec::Vec;
use pallet_x402::PaymentReceipts;
use polkadot_sdk::{
	frame_support::pallet_prelude::*,
	sp_core::H256,
	sp_runtime::traits::{Saturating, Zero},
};

impl<T: Config> Pallet<T> {
	fn tag(tag: Vec<u8>) -> Result<Tag<T>, Error<T>> {
		tag.try_into().map_err(|_| Error::<T>::TagTooLong)
	}

	fn check_uri_length(uri: &[u8]) -> Result<(), Error<T>> {
		ensure!(uri.len() <= T::MaxUriLength::get() as usize, Error::<T>::UriTooLong);
		Ok(())
	}

	/// The payment `payment_id` as backing for `client`'s feedback on an agent with `wallet`.
	fn payment_backing(
		client: &AccountId,
		wallet: Option<&AccountId>,
		payment_id: PaymentId,
	) -> Result<PaymentBacking, Error<T>> {
		ensure!(!FeedbackOfPayment::<T>::contains_key(payment_id), Error::<T>::PaymentAlreadyCited);
		let payment =
			T::Payments::settled_payment(&payment_id).ok_or(Error::<T>::PaymentNotFound)?;
		ensure!(payment.payer == *client, Error::<T>::PaymentNotFromClient);
		ensure!(Some(&payment.payee) == wallet, Error::<T>::PaymentNotToAgent);
		Ok(PaymentBacking { payment_id, asset: payment.asset, amount: payment.amount })
	}

	pub(crate) fn do_give_feedback(
		client: AccountId,
		agent: AgentId,
		value: FeedbackValue,
		(tag1, tag2): (Vec<u8>, Vec<u8>),
		(endpoint, feedback_uri, feedback_hash): (Vec<u8>, Vec<u8>, H256),
		payment: Option<PaymentId>,
	) -> DispatchResult {
		let record = Self::agent_record(agent)?;
		ensure!(
			!Self::is_owner_or_operator(&record, &client)
				&& record.wallet.as_ref() != Some(&client),
			Error::<T>::SelfFeedback
		);
		ensure!(value.decimals <= MAX_VALUE_DECIMALS, Error::<T>::TooManyDecimals);
		ensure!(value.value.unsigned_abs() <= MAX_VALUE_MAGNITUDE, Error::<T>::ValueOutOfRange);
		let (tag1, tag2) = (Self::tag(tag1)?, Self::tag(tag2)?);
		Self::check_uri_length(&endpoint)?;
		Self::check_uri_length(&feedback_uri)?;
		let payment = payment
			.map(|id| Self::payment_backing(&client, record.wallet.as_ref(), id))
			.transpose()?;

		let index = LastFeedbackIndex::<T>::get(agent, &client).saturating_add(1);
		let mut feedback = FeedbackRecord::<T> {
			value,
			tag1: tag1.clone(),
			tag2: tag2.clone(),
			payment,
			responses: 0,
			deposit: Zero::zero(),
		};
		feedback.deposit = Self::feedback_deposit(&feedback);
		Self::hold(HoldReason::Feedback, &client, feedback.deposit)?;
		LastFeedbackIndex::<T>::insert(agent, &client, index);
		if let Some(backing) = &payment {
			FeedbackOfPayment::<T>::insert(backing.payment_id, (agent, client.clone(), index));
		}
		Feedback::<T>::insert((agent, &client, index), feedback);
		Self::deposit_event(Event::NewFeedback {
			agent,
			client,
			index,
			value,
			tag1: tag1.into_inner(),
			tag2: tag2.into_inner(),
			endpoint,
			feedback_uri,
			feedback_hash,
			payment,
		});
		Ok(())
	}

	pub(crate) fn do_revoke_feedback(
		client: AccountId,
		agent: AgentId,
		index: u64,
	) -> DispatchResult {
		let feedback =
			Feedback::<T>::take((agent, &client, index)).ok_or(Error::<T>::FeedbackNotFound)?;
		Self::release(HoldReason::Feedback, &client, feedback.deposit);
		Self::deposit_event(Event::FeedbackRevoked { agent, client, index });
		Ok(())
	}

	pub(crate) fn do_append_response(
		responder: AccountId,
		agent: AgentId,
		client: AccountId,
		index: u64,
		response_uri: Vec<u8>,
		response_hash: H256,
	) -> DispatchResult {
		ensure!(!response_uri.is_empty(), Error::<T>::EmptyResponseUri);
		Self::check_uri_length(&response_uri)?;
		Feedback::<T>::try_mutate((agent, &client, index), |feedback| {
			let feedback = feedback.as_mut().ok_or(Error::<T>::FeedbackNotFound)?;
			feedback.responses.saturating_inc();
			Ok::<_, Error<T>>(())
		})?;
		Self::deposit_event(Event::ResponseAppended {
			agent,
			client,
			index,
			responder,
			response_uri,
			response_hash,
		});
		Ok(())
	}
}
