//! The identity registry: registration, URI and metadata, ownership, operators and the proven
//! payment wallet.

use crate::*;
use agentchain_primitives::{
	agents::{native_wallet_payload, wallet_digest, MAX_WALLET_PROOF_AHEAD},
	evm_signature,
	x402::evm_address,
};
use alloc::{collections::BTreeSet, vec::Vec};
use polkadot_sdk::{
	frame_support::{pallet_prelude::*, traits::UnixTime},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::traits::{Saturating, Verify, Zero},
};

/// The metadata key ERC-8004 reserves for the wallet, which is set with a proof instead.
pub const RESERVED_METADATA_KEY: &[u8] = b"agentWallet";

impl<T: Config> Pallet<T> {
	/// The agent `id`, or [`Error::AgentNotFound`].
	pub(crate) fn agent_record(id: AgentId) -> Result<AgentRecord<T>, Error<T>> {
		AgentRecords::<T>::get(id).ok_or(Error::<T>::AgentNotFound)
	}

	/// The agent `id` if `who` owns it.
	pub(crate) fn owned_by(who: &AccountId, id: AgentId) -> Result<AgentRecord<T>, Error<T>> {
		let record = Self::agent_record(id)?;
		ensure!(record.owner == *who, Error::<T>::NotOwner);
		Ok(record)
	}

	/// The agent `id` if `who` owns it or is one of its operators.
	pub(crate) fn managed_by(who: &AccountId, id: AgentId) -> Result<AgentRecord<T>, Error<T>> {
		let record = Self::agent_record(id)?;
		ensure!(Self::is_owner_or_operator(&record, who), Error::<T>::NotOwnerOrOperator);
		Ok(record)
	}

	pub(crate) fn is_owner_or_operator(record: &AgentRecord<T>, who: &AccountId) -> bool {
		record.owner == *who || record.operators.contains(who)
	}

	fn bounded_uri(uri: Vec<u8>) -> Result<Uri<T>, Error<T>> {
		uri.try_into().map_err(|_| Error::<T>::UriTooLong)
	}

	fn metadata_key(key: Vec<u8>) -> Result<MetadataKey<T>, Error<T>> {
		ensure!(!key.is_empty(), Error::<T>::BadMetadataKey);
		ensure!(key != RESERVED_METADATA_KEY, Error::<T>::ReservedMetadataKey);
		key.try_into().map_err(|_| Error::<T>::BadMetadataKey)
	}

	fn metadata_value(value: Vec<u8>) -> Result<MetadataValue<T>, Error<T>> {
		value.try_into().map_err(|_| Error::<T>::MetadataValueTooLong)
	}

	pub(crate) fn do_register(
		owner: AccountId,
		uri: Vec<u8>,
		metadata: Vec<(Vec<u8>, Vec<u8>)>,
	) -> Result<AgentId, DispatchError> {
		let uri = Self::bounded_uri(uri)?;
		ensure!(
			metadata.len() <= T::MaxMetadataEntries::get() as usize,
			Error::<T>::TooManyMetadataEntries
		);
		let mut entries = Vec::with_capacity(metadata.len());
		let mut keys = BTreeSet::new();
		for (key, value) in metadata {
			let (key, value) = (Self::metadata_key(key)?, Self::metadata_value(value)?);
			ensure!(keys.insert(key.clone()), Error::<T>::DuplicateMetadataKey);
			entries.push((key, value));
		}

		let id = NextAgentId::<T>::get();
		NextAgentId::<T>::put(id.checked_add(1).ok_or(Error::<T>::NoMoreIds)?);
		let wallet = (!AgentByWallet::<T>::contains_key(&owner)).then(|| owner.clone());
		let mut record = AgentRecord::<T> {
			owner: owner.clone(),
			uri: uri.clone(),
			wallet: wallet.clone(),
			operators: BoundedVec::new(),
			metadata_entries: entries.len() as u32,
			metadata_bytes: entries.iter().map(|(k, v)| (k.len() + v.len()) as u32).sum(),
			deposit: Zero::zero(),
		};
		Self::settle_agent_deposit(&mut record)?;
		AgentRecords::<T>::insert(id, record);
		Self::deposit_event(Event::Registered { agent: id, owner, uri: uri.into_inner() });
		for (key, value) in entries {
			Metadata::<T>::insert(id, &key, &value);
			Self::deposit_event(Event::MetadataSet {
				agent: id,
				key: key.into_inner(),
				value: Some(value.into_inner()),
			});
		}
		if let Some(wallet) = wallet {
			AgentByWallet::<T>::insert(&wallet, id);
			Self::deposit_event(Event::WalletSet { agent: id, wallet: Some(wallet) });
		}
		Ok(id)
	}

	pub(crate) fn do_set_uri(who: AccountId, agent: AgentId, uri: Vec<u8>) -> DispatchResult {
		let mut record = Self::managed_by(&who, agent)?;
		record.uri = Self::bounded_uri(uri)?;
		Self::settle_agent_deposit(&mut record)?;
		let uri = record.uri.to_vec();
		AgentRecords::<T>::insert(agent, record);
		Self::deposit_event(Event::UriUpdated { agent, uri, updated_by: who });
		Ok(())
	}

	pub(crate) fn do_set_metadata(
		who: AccountId,
		agent: AgentId,
		key: Vec<u8>,
		value: Option<Vec<u8>>,
	) -> DispatchResult {
		let mut record = Self::managed_by(&who, agent)?;
		let key = Self::metadata_key(key)?;
		let value = value.map(Self::metadata_value).transpose()?;
		let old = Metadata::<T>::get(agent, &key);
		ensure!(old.is_some() || value.is_some(), Error::<T>::MetadataNotFound);
		if let Some(old) = &old {
			record.metadata_entries.saturating_dec();
			record.metadata_bytes.saturating_reduce((key.len() + old.len()) as u32);
		}
		if let Some(value) = &value {
			record.metadata_entries.saturating_inc();
			record.metadata_bytes.saturating_accrue((key.len() + value.len()) as u32);
		}
		ensure!(
			record.metadata_entries <= T::MaxMetadataEntries::get(),
			Error::<T>::TooManyMetadataEntries
		);
		Self::settle_agent_deposit(&mut record)?;
		AgentRecords::<T>::insert(agent, record);
		match &value {
			Some(value) => Metadata::<T>::insert(agent, &key, value),
			None => Metadata::<T>::remove(agent, &key),
		}
		Self::deposit_event(Event::MetadataSet {
			agent,
			key: key.into_inner(),
			value: value.map(BoundedVec::into_inner),
		});
		Ok(())
	}

	pub(crate) fn do_transfer(
		who: AccountId,
		agent: AgentId,
		new_owner: AccountId,
	) -> DispatchResult {
		let mut record = Self::owned_by(&who, agent)?;
		ensure!(new_owner != who, Error::<T>::AlreadyOwner);
		Self::release(HoldReason::AgentRegistration, &who, record.deposit);
		let wallet = record.wallet.take();
		if let Some(wallet) = &wallet {
			AgentByWallet::<T>::remove(wallet);
		}
		record.operators = BoundedVec::new();
		record.owner = new_owner.clone();
		record.deposit = Zero::zero();
		Self::settle_agent_deposit(&mut record)?;
		AgentRecords::<T>::insert(agent, record);
		Self::deposit_event(Event::OwnershipTransferred { agent, from: who, to: new_owner });
		if wallet.is_some() {
			Self::deposit_event(Event::WalletSet { agent, wallet: None });
		}
		Ok(())
	}

	pub(crate) fn do_set_operator(
		who: AccountId,
		agent: AgentId,
		operator: AccountId,
		approved: bool,
	) -> DispatchResult {
		let mut record = Self::owned_by(&who, agent)?;
		let position = record.operators.iter().position(|existing| *existing == operator);
		match (approved, position) {
			(true, None) => record
				.operators
				.try_push(operator.clone())
				.map_err(|_| Error::<T>::TooManyOperators)?,
			(false, Some(position)) => {
				record.operators.remove(position);
			},
			_ => return Err(Error::<T>::OperatorUnchanged.into()),
		}
		Self::settle_agent_deposit(&mut record)?;
		AgentRecords::<T>::insert(agent, record);
		Self::deposit_event(Event::OperatorSet { agent, operator, approved });
		Ok(())
	}

	/// Removes the agent; returns how many metadata entries went with it.
	pub(crate) fn do_deregister(who: AccountId, agent: AgentId) -> Result<u32, DispatchError> {
		let record = Self::owned_by(&who, agent)?;
		// At most `MaxMetadataEntries` entries, which the call's weight covers.
		let removed = Metadata::<T>::clear_prefix(agent, T::MaxMetadataEntries::get(), None).unique;
		if let Some(wallet) = &record.wallet {
			AgentByWallet::<T>::remove(wallet);
		}
		AgentRecords::<T>::remove(agent);
		Self::release(HoldReason::AgentRegistration, &who, record.deposit);
		Self::deposit_event(Event::Deregistered { agent, owner: who });
		Ok(removed)
	}

	pub(crate) fn do_set_wallet(
		who: AccountId,
		agent: AgentId,
		wallet: AccountId,
		deadline: UnixSeconds,
		proof: WalletProof,
	) -> DispatchResult {
		let mut record = Self::managed_by(&who, agent)?;
		let now = T::Time::now().as_secs();
		ensure!(deadline >= now, Error::<T>::ProofExpired);
		ensure!(deadline - now <= MAX_WALLET_PROOF_AHEAD, Error::<T>::DeadlineTooFar);
		ensure!(
			Self::is_wallet_proof(agent, &wallet, &record.owner, deadline, &proof),
			Error::<T>::BadWalletProof
		);
		match AgentByWallet::<T>::get(&wallet) {
			Some(holder) if holder != agent => return Err(Error::<T>::WalletInUse.into()),
			_ => {},
		}
		if let Some(previous) = record.wallet.replace(wallet.clone()) {
			AgentByWallet::<T>::remove(previous);
		}
		AgentByWallet::<T>::insert(&wallet, agent);
		AgentRecords::<T>::insert(agent, record);
		Self::deposit_event(Event::WalletSet { agent, wallet: Some(wallet) });
		Ok(())
	}

	/// Whether `proof` is `wallet`'s signature making it `agent`'s wallet under `owner`.
	pub(crate) fn is_wallet_proof(
		agent: AgentId,
		wallet: &AccountId,
		owner: &AccountId,
		deadline: UnixSeconds,
		proof: &WalletProof,
	) -> bool {
		match proof {
			WalletProof::Native(signature) => {
				let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
				let payload = native_wallet_payload(genesis, agent, wallet, owner, deadline);
				signature.verify(&payload[..], wallet)
			},
			WalletProof::Evm(signature) => {
				let Some(address) = evm_address::embedded_address(wallet.as_ref()) else {
					return false;
				};
				let digest = wallet_digest(T::EvmChainId::get(), agent, wallet, owner, deadline);
				evm_signature::is_signed_by(signature, &digest, address)
			},
			// A permit authorizes a payment, not a wallet.
			WalletProof::Permit2 { .. } => false,
		}
	}

	pub(crate) fn do_unset_wallet(who: AccountId, agent: AgentId) -> DispatchResult {
		let mut record = Self::managed_by(&who, agent)?;
		let wallet = record.wallet.take().ok_or(Error::<T>::NoWallet)?;
		AgentByWallet::<T>::remove(wallet);
		AgentRecords::<T>::insert(agent, record);
		Self::deposit_event(Event::WalletSet { agent, wallet: None });
		Ok(())
	}
}
