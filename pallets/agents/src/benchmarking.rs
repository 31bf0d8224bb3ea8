//! Benchmarks (frame-benchmarking v2), each at its worst case: strings at their limits, agents
//! with all their operators, wallets proven with EVM signatures, feedback citing a payment.

use super::*;
use crate::Pallet as Agents;
use agentchain_primitives::{agents::wallet_digest, x402::evm_address};
use alloc::{vec, vec::Vec};
use pallet_x402::{OnPaymentsSettled, PaymentReceipts, SettledPayment};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{fungible::Unbalanced, tokens::Precision, Get, UnixTime},
		BoundedVec,
	},
	frame_system::RawOrigin,
	sp_core::H256,
	sp_io,
};

fn funded<T: Config>(name: &'static str, index: u32) -> AccountId {
	let who: AccountId = account(name, index, 0);
	T::Currency::increase_balance(&who, 1_000_000_000_000_000_000_000, Precision::Exact)
		.expect("a fresh account takes any amount");
	who
}

fn filled(length: u32) -> Vec<u8> {
	vec![b'x'; length as usize]
}

fn max_uri<T: Config>() -> Vec<u8> {
	filled(T::MaxUriLength::get())
}

fn max_tag<T: Config>() -> Vec<u8> {
	filled(T::MaxTagLength::get())
}

/// Metadata entry `index` with the longest key (distinct per index) and value.
fn max_entry<T: Config>(index: u32) -> (Vec<u8>, Vec<u8>) {
	let mut key = filled(T::MaxMetadataKeyLength::get());
	key[..4].copy_from_slice(&index.to_be_bytes());
	(key, filled(T::MaxMetadataValueLength::get()))
}

/// An agent of `owner` with the longest URI, `entries` metadata entries and every operator.
fn full_agent<T: Config>(owner: &AccountId, entries: u32) -> AgentId {
	let metadata = (0..entries).map(max_entry::<T>).collect();
	let id = Agents::<T>::do_register(owner.clone(), max_uri::<T>(), metadata)
		.expect("the owner is funded");
	for index in 0..T::MaxOperators::get() {
		Agents::<T>::do_set_operator(owner.clone(), id, account("operator", index, 0), true)
			.expect("within the limit");
	}
	id
}

/// An EVM key in the benchmark keystore and its account.
fn evm_wallet() -> (polkadot_sdk::sp_core::ecdsa::Public, AccountId) {
	let (public, address) = pallet_x402::benchmarking::evm_key(0);
	(public, AccountId::new(evm_address::embedded_account(address)))
}

fn now<T: Config>() -> UnixSeconds {
	T::Time::now().as_secs()
}

/// An agent with the given wallet set directly, and a feedback-ready client.
fn agent_with_wallet<T: Config>(owner: &AccountId, wallet: &AccountId) -> AgentId {
	let id = full_agent::<T>(owner, 0);
	let mut record = AgentRecords::<T>::get(id).expect("just registered");
	if let Some(previous) = record.wallet.replace(wallet.clone()) {
		AgentByWallet::<T>::remove(previous);
	}
	AgentRecords::<T>::insert(id, record);
	AgentByWallet::<T>::insert(wallet, id);
	id
}

/// Feedback by `client` on `agent`, with the longest tags, citing a payment.
fn feedback_by<T: Config>(client: &AccountId, agent: AgentId, wallet: &AccountId) -> PaymentId {
	let payment_id = H256::repeat_byte(0x42);
	T::Payments::record_for_benchmark(
		payment_id,
		SettledPayment {
			payer: client.clone(),
			payee: wallet.clone(),
			asset: 1,
			amount: 1_000_000,
		},
	);
	Agents::<T>::do_give_feedback(
		client.clone(),
		agent,
		FeedbackValue { value: -12_345, decimals: 2 },
		(max_tag::<T>(), max_tag::<T>()),
		(max_uri::<T>(), max_uri::<T>(), H256::repeat_byte(1)),
		Some(payment_id),
	)
	.expect("a valid payment-backed feedback");
	payment_id
}

/// A validation request from `owner` about `agent`.
fn requested<T: Config>(owner: &AccountId, agent: AgentId, validator: &AccountId) -> H256 {
	let hash = H256::repeat_byte(0x77);
	Agents::<T>::do_validation_request(
		owner.clone(),
		validator.clone(),
		agent,
		max_uri::<T>(),
		hash,
	)
	.expect("the owner manages the agent");
	hash
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register(m: Linear<0, { T::MaxMetadataEntries::get() }>) {
		let owner = funded::<T>("owner", 0);
		let metadata: Vec<_> = (0..m).map(max_entry::<T>).collect();

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), max_uri::<T>(), metadata);

		assert_eq!(AgentRecords::<T>::get(0).map(|r| r.metadata_entries), Some(m));
	}

	#[benchmark]
	fn set_agent_uri() {
		let owner = funded::<T>("owner", 0);
		let id = full_agent::<T>(&owner, 0);
		let uri = vec![b'y'; T::MaxUriLength::get() as usize];

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, uri.clone());

		assert_eq!(AgentRecords::<T>::get(id).map(|r| r.uri.into_inner()), Some(uri));
	}

	#[benchmark]
	fn set_metadata() {
		let owner = funded::<T>("owner", 0);
		let entries = T::MaxMetadataEntries::get();
		let id = full_agent::<T>(&owner, entries);
		let (key, _) = max_entry::<T>(0);
		let value = vec![b'z'; T::MaxMetadataValueLength::get() as usize];

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, key.clone(), Some(value.clone()));

		let key: MetadataKey<T> = key.try_into().unwrap();
		assert_eq!(Metadata::<T>::get(id, key).map(BoundedVec::into_inner), Some(value));
	}

	#[benchmark]
	fn transfer_ownership() {
		let owner = funded::<T>("owner", 0);
		let new_owner = funded::<T>("new-owner", 0);
		let id = full_agent::<T>(&owner, T::MaxMetadataEntries::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, new_owner.clone());

		assert_eq!(AgentRecords::<T>::get(id).map(|r| r.owner), Some(new_owner));
	}

	#[benchmark]
	fn set_operator() {
		let owner = funded::<T>("owner", 0);
		let id = full_agent::<T>(&owner, 0);
		let last: AccountId = account("operator", T::MaxOperators::get() - 1, 0);
		Agents::<T>::do_set_operator(owner.clone(), id, last.clone(), false).expect("an operator");

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, last.clone(), true);

		assert!(AgentRecords::<T>::get(id).unwrap().operators.contains(&last));
	}

	#[benchmark]
	fn deregister(m: Linear<0, { T::MaxMetadataEntries::get() }>) {
		let owner = funded::<T>("owner", 0);
		let id = full_agent::<T>(&owner, m);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);

		assert!(AgentRecords::<T>::get(id).is_none());
	}

	#[benchmark]
	fn set_agent_wallet() {
		let owner = funded::<T>("owner", 0);
		let id = full_agent::<T>(&owner, 0);
		let (key, wallet) = evm_wallet();
		let deadline = now::<T>() + 60;
		let digest = wallet_digest(T::EvmChainId::get(), id, &wallet, &owner, deadline);
		let mut signature =
			sp_io::crypto::ecdsa_sign_prehashed(pallet_x402::benchmarking::KEY_TYPE, &key, &digest)
				.expect("the key is in the keystore")
				.0;
		signature[64] += 27;

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, wallet.clone(), deadline, WalletProof::Evm(signature));

		assert_eq!(AgentByWallet::<T>::get(&wallet), Some(id));
	}

	#[benchmark]
	fn unset_agent_wallet() {
		let owner = funded::<T>("owner", 0);
		let id = full_agent::<T>(&owner, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), id);

		assert_eq!(AgentByWallet::<T>::get(&owner), None);
	}

	#[benchmark]
	fn give_feedback() {
		let owner = funded::<T>("owner", 0);
		let client = funded::<T>("client", 0);
		let wallet: AccountId = account("wallet", 0, 0);
		let id = agent_with_wallet::<T>(&owner, &wallet);
		let payment_id = H256::repeat_byte(0x42);
		T::Payments::record_for_benchmark(
			payment_id,
			SettledPayment { payer: client.clone(), payee: wallet, asset: 1, amount: 1_000_000 },
		);
		let value = FeedbackValue { value: -12_345, decimals: 2 };

		#[extrinsic_call]
		_(
			RawOrigin::Signed(client.clone()),
			id,
			value,
			max_tag::<T>(),
			max_tag::<T>(),
			max_uri::<T>(),
			max_uri::<T>(),
			H256::repeat_byte(1),
			Some(payment_id),
		);

		assert!(FeedbackOfPayment::<T>::contains_key(payment_id));
	}

	#[benchmark]
	fn revoke_feedback() {
		let owner = funded::<T>("owner", 0);
		let client = funded::<T>("client", 0);
		let wallet: AccountId = account("wallet", 0, 0);
		let id = agent_with_wallet::<T>(&owner, &wallet);
		feedback_by::<T>(&client, id, &wallet);

		#[extrinsic_call]
		_(RawOrigin::Signed(client.clone()), id, 1);

		assert!(Feedback::<T>::get((id, &client, 1)).is_none());
	}

	#[benchmark]
	fn append_response() {
		let owner = funded::<T>("owner", 0);
		let client = funded::<T>("client", 0);
		let wallet: AccountId = account("wallet", 0, 0);
		let id = agent_with_wallet::<T>(&owner, &wallet);
		feedback_by::<T>(&client, id, &wallet);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, client.clone(), 1, max_uri::<T>(), H256::repeat_byte(2));

		assert_eq!(Feedback::<T>::get((id, &client, 1)).map(|f| f.responses), Some(1));
	}

	#[benchmark]
	fn validation_request() {
		let owner = funded::<T>("owner", 0);
		let id = full_agent::<T>(&owner, 0);
		let validator: AccountId = account("validator", 0, 0);
		let hash = H256::repeat_byte(0x77);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), validator, id, max_uri::<T>(), hash);

		assert!(Validations::<T>::contains_key(hash));
	}

	#[benchmark]
	fn validation_response() {
		let owner = funded::<T>("owner", 0);
		let id = full_agent::<T>(&owner, 0);
		let validator: AccountId = account("validator", 0, 0);
		let hash = requested::<T>(&owner, id, &validator);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(validator),
			hash,
			100,
			max_uri::<T>(),
			H256::repeat_byte(3),
			max_tag::<T>(),
		);

		assert_eq!(Validations::<T>::get(hash).and_then(|v| v.response), Some(100));
	}

	#[benchmark]
	fn remove_validation() {
		let owner = funded::<T>("owner", 0);
		let id = full_agent::<T>(&owner, 0);
		let validator: AccountId = account("validator", 0, 0);
		let hash = requested::<T>(&owner, id, &validator);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), hash);

		assert!(!Validations::<T>::contains_key(hash));
	}

	/// pallet-x402's settlement hook, for a payee that is an agent's wallet.
	#[benchmark]
	fn on_settled() {
		let owner = funded::<T>("owner", 0);
		let wallet: AccountId = account("wallet", 0, 0);
		let id = agent_with_wallet::<T>(&owner, &wallet);

		#[block]
		{
			<Agents<T> as OnPaymentsSettled>::on_settled(&wallet, 1, 16, 1_000_000);
		}

		assert_eq!(Executions::<T>::get(id, 1).payments, 16);
	}

	impl_benchmark_test_suite!(Agents, crate::mock::new_test_ext(), crate::mock::Test);
}
