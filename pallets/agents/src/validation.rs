//! The validation registry: requests by an agent's owner or operator, responses by the named
//! validator.

use crate::*;
use alloc::vec::Vec;
use polkadot_sdk::{frame_support::pallet_prelude::*, frame_system, sp_core::H256};

/// The highest validation response: passed.
pub const MAX_RESPONSE: u8 = 100;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_validation_request(
		who: AccountId,
		validator: AccountId,
		agent: AgentId,
		request_uri: Vec<u8>,
		request_hash: H256,
	) -> DispatchResult {
		Self::managed_by(&who, agent)?;
		ensure!(request_uri.len() <= T::MaxUriLength::get() as usize, Error::<T>::UriTooLong);
		ensure!(!Validations::<T>::contains_key(request_hash), Error::<T>::ValidationExists);
		let deposit = Self::validation_deposit();
		Self::hold(HoldReason::ValidationRequest, &who, deposit)?;
		Validations::<T>::insert(
			request_hash,
			ValidationRecord::<T> {
				validator: validator.clone(),
				agent,
				requester: who,
				response: None,
				response_hash: H256::zero(),
				tag: BoundedVec::new(),
				last_update: frame_system::Pallet::<T>::block_number(),
				deposit,
			},
		);
		ValidationsByAgent::<T>::insert(agent, request_hash, ());
		ValidationsByValidator::<T>::insert(&validator, request_hash, ());
		Self::deposit_event(Event::ValidationRequested {
			validator,
			agent,
			request_uri,
			request_hash,
		});
		Ok(())
	}

	pub(crate) fn do_validation_response(
		who: AccountId,
		request_hash: H256,
		response: u8,
		response_uri: Vec<u8>,
		response_hash: H256,
		tag: Vec<u8>,
	) -> DispatchResult {
		let mut record =
			Validations::<T>::get(request_hash).ok_or(Error::<T>::ValidationNotFound)?;
		ensure!(record.validator == who, Error::<T>::NotTheValidator);
		ensure!(response <= MAX_RESPONSE, Error::<T>::ResponseOutOfRange);
		ensure!(response_uri.len() <= T::MaxUriLength::get() as usize, Error::<T>::UriTooLong);
		record.tag = tag.try_into().map_err(|_| Error::<T>::TagTooLong)?;
		record.response = Some(response);
		record.response_hash = response_hash;
		record.last_update = frame_system::Pallet::<T>::block_number();
		let (agent, tag) = (record.agent, record.tag.to_vec());
		Validations::<T>::insert(request_hash, record);
		Self::deposit_event(Event::ValidationResponded {
			validator: who,
			agent,
			request_hash,
			response,
			response_uri,
			response_hash,
			tag,
		});
		Ok(())
	}

	pub(crate) fn do_remove_validation(who: AccountId, request_hash: H256) -> DispatchResult {
		let record = Validations::<T>::get(request_hash).ok_or(Error::<T>::ValidationNotFound)?;
		ensure!(record.requester == who, Error::<T>::NotTheRequester);
		Validations::<T>::remove(request_hash);
		ValidationsByAgent::<T>::remove(record.agent, request_hash);
		ValidationsByValidator::<T>::remove(&record.validator, request_hash);
		Self::release(HoldReason::ValidationRequest, &who, record.deposit);
		Self::deposit_event(Event::ValidationRemoved { request_hash });
		Ok(())
	}
}
