//! Benchmarks (frame-benchmarking v2), each at its worst case: terms at their largest (every
//! payee and endpoint slot filled to its longest), a session under a mandate that has all but
//! one of its sessions, EVM signatures, and a payment through a session whose payee matches
//! only the last rule of each list.

use super::*;
use agentchain_primitives::{
	x402::{evm_address, IntentSignature, UnixSeconds},
	AccountId,
};
use alloc::{boxed::Box, vec, vec::Vec};
use pallet_x402::SpendingMandates;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{fungible::Unbalanced, tokens::Precision, Get},
		weights::Weight,
		BoundedVec,
	},
	frame_system::RawOrigin,
	sp_core::{ecdsa, ConstU32, H160},
	sp_io,
};

/// What the benchmarks need from the runtime.
pub trait BenchmarkHelper {
	/// Sets the block time to `seconds` since the unix epoch.
	fn set_time(seconds: UnixSeconds);
	/// An agent with a payment wallet: its id and the wallet.
	fn agent_with_wallet() -> (agentchain_primitives::agents::AgentId, AccountId);
}

const NOW: UnixSeconds = 1_800_000_000;
const ASSET: agentchain_primitives::AssetId = 1;

fn funded<T: Config>(name: &'static str, index: u32) -> AccountId {
	let who: AccountId = account(name, index, 0);
	fund::<T>(&who);
	who
}

/// Gives `who` enough of the native currency for any deposits.
fn fund<T: Config>(who: &AccountId) {
	T::Currency::increase_balance(who, 1_000_000_000_000_000, Precision::Exact)
		.expect("a balance can be set");
}

fn filled<const N: u32>(byte: u8) -> BoundedVec<u8, ConstU32<N>> {
	BoundedVec::truncate_from(vec![byte; N as usize])
}

/// Terms with every list full and every string at its longest, for as long as allowed; the
/// payee rules match no payee a benchmark pays but `last_payee`.
fn largest_terms<T: Config>(last_payee: PayeeRule) -> MandateTerms {
	let mut payees: Vec<PayeeRule> = (0..MAX_PAYEES - 1)
		.map(|n| PayeeRule::Address(H160::repeat_byte(n as u8 + 1)))
		.collect();
	payees.push(last_payee);
	let endpoints = (0..MAX_ENDPOINTS)
		.map(|n| Endpoint {
			method: filled::<MAX_METHOD_LEN>(b'M'),
			host: filled::<MAX_HOST_LEN>(b'a' + n as u8),
			path_prefix: filled::<MAX_PATH_PREFIX_LEN>(b'/'),
		})
		.collect();
	MandateTerms {
		asset: ASSET,
		max_per_payment: 1_000,
		budget_per_period: 1_000_000,
		period: 24 * 60 * 60,
		max_payments_per_period: Some(1_000),
		lifetime_total: Some(10_000_000),
		expires: NOW + T::MaxLifetime::get(),
		payees: BoundedVec::truncate_from(payees),
		endpoints: BoundedVec::truncate_from(endpoints),
	}
}

/// An EVM key in the benchmark keystore and its account.
fn evm_account(index: u32) -> (ecdsa::Public, AccountId) {
	let (public, address) = pallet_x402::benchmarking::evm_key(1_000 + index);
	(public, AccountId::new(evm_address::embedded_account(address)))
}

fn evm_sign(public: &ecdsa::Public, digest: &[u8; 32]) -> [u8; 65] {
	let mut signature =
		sp_io::crypto::ecdsa_sign_prehashed(pallet_x402::benchmarking::KEY_TYPE, public, digest)
			.expect("the key is in the keystore")
			.0;
	signature[64] += 27;
	signature
}

/// `delegate`'s (an EVM key's) consent to `granter`'s mandate.
fn consent<T: Config>(
	public: &ecdsa::Public,
	granter: &AccountId,
	delegate: &AccountId,
) -> DelegateConsent {
	let deadline = NOW + 60;
	let digest = accept_digest(T::EvmChainId::get(), granter, delegate, deadline);
	DelegateConsent { deadline, signature: IntentSignature::Evm(evm_sign(public, &digest)) }
}

/// A root's mandate to `agent` with the largest terms and `sessions` sessions under it.
fn mandate_with_sessions<T: Config>(
	root: &AccountId,
	agent: &AccountId,
	sessions: u32,
	last_payee: PayeeRule,
) -> MandateId {
	let parent =
		Pallet::<T>::do_grant(root, agent.clone(), largest_terms::<T>(last_payee.clone()), root)
			.expect("a valid grant");
	for n in 0..sessions {
		let session: AccountId = account("session", n, 0);
		Pallet::<T>::do_grant(agent, session, largest_terms::<T>(last_payee.clone()), agent)
			.expect("a valid session");
	}
	parent
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn grant() {
		T::BenchmarkHelper::set_time(NOW);
		let root = funded::<T>("root", 0);
		let agent = funded::<T>("agent", 0);
		let last = PayeeRule::Agent(1);
		mandate_with_sessions::<T>(&root, &agent, T::MaxSessions::get() - 1, last.clone());
		let (session_key, session) = evm_account(1);
		let consent = consent::<T>(&session_key, &agent, &session);

		#[extrinsic_call]
		_(RawOrigin::Signed(agent), session.clone(), Box::new(largest_terms::<T>(last)), consent);

		assert!(MandateOf::<T>::contains_key(&session));
	}

	#[benchmark]
	fn grant_signed() {
		T::BenchmarkHelper::set_time(NOW);
		let root = funded::<T>("root", 0);
		let (public, agent) = evm_account(0);
		fund::<T>(&agent);
		let last = PayeeRule::Agent(1);
		mandate_with_sessions::<T>(&root, &agent, T::MaxSessions::get() - 1, last.clone());
		let (session_key, session) = evm_account(1);
		let consent = consent::<T>(&session_key, &agent, &session);
		let terms = largest_terms::<T>(last);
		let deadline = NOW + 60;
		let digest = grant_digest(T::EvmChainId::get(), &session, &terms, 0, deadline);
		let signature = evm_sign(&public, &digest);
		let submitter = funded::<T>("submitter", 0);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(submitter),
			agent,
			session.clone(),
			Box::new(terms),
			deadline,
			signature,
			consent,
		);

		assert!(MandateOf::<T>::contains_key(&session));
	}

	#[benchmark]
	fn revoke(s: Linear<0, { T::MaxSessions::get() }>) {
		T::BenchmarkHelper::set_time(NOW);
		let root = funded::<T>("root", 0);
		let agent = funded::<T>("agent", 0);
		let parent = mandate_with_sessions::<T>(&root, &agent, s, PayeeRule::Agent(1));

		#[extrinsic_call]
		_(RawOrigin::Signed(root), parent);

		assert!(!MandateRecords::<T>::contains_key(parent));
	}

	#[benchmark]
	fn revoke_signed(s: Linear<0, { T::MaxSessions::get() }>) {
		T::BenchmarkHelper::set_time(NOW);
		let (public, root) = evm_account(0);
		fund::<T>(&root);
		let agent = funded::<T>("agent", 0);
		let parent = mandate_with_sessions::<T>(&root, &agent, s, PayeeRule::Agent(1));
		let deadline = NOW + 60;
		let signature = evm_sign(&public, &revoke_digest(T::EvmChainId::get(), parent, deadline));
		let submitter = funded::<T>("submitter", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(submitter), root, parent, deadline, signature);

		assert!(!MandateRecords::<T>::contains_key(parent));
	}

	/// `m` expired mandates in one hour that is over.
	#[benchmark]
	fn remove_expired(m: Linear<0, 100>) {
		T::BenchmarkHelper::set_time(NOW);
		let root = funded::<T>("root", 0);
		for n in 0..m {
			let delegate: AccountId = account("delegate", n, 0);
			Pallet::<T>::do_grant(&root, delegate, largest_terms::<T>(PayeeRule::Agent(1)), &root)
				.expect("a valid grant");
		}
		T::BenchmarkHelper::set_time(NOW + T::MaxLifetime::get() + expiry::HOUR);

		#[block]
		{
			Pallet::<T>::remove_expired(Weight::MAX);
		}

		assert_eq!(MandateRecords::<T>::iter().count(), 0);
	}

	/// A payment through a session (both mandates checked and charged), whose payee matches
	/// only each list's last rule, an agent rule (so the agent look-up runs).
	#[benchmark]
	fn authorize_and_charge() {
		T::BenchmarkHelper::set_time(NOW);
		let (agent_id, payee) = T::BenchmarkHelper::agent_with_wallet();
		let root = funded::<T>("root", 0);
		let agent = funded::<T>("agent", 0);
		mandate_with_sessions::<T>(&root, &agent, 1, PayeeRule::Agent(agent_id));
		let session: AccountId = account("session", 0, 0);
		let mut pending = Default::default();
		let result;

		#[block]
		{
			result = Pallet::<T>::authorize(&pending, &session, ASSET, &payee, 1, NOW);
			if let Ok(Some(spend)) = &result {
				Pallet::<T>::reserve(&mut pending, spend, 1, NOW);
				Pallet::<T>::charge(spend, 1, NOW);
			}
		}

		assert_eq!(result.map(|spend| spend.map(|spend| spend.root)), Ok(Some(root)));
	}

	/// A payment by a key that holds no mandate.
	#[benchmark]
	fn authorize_unmandated() {
		T::BenchmarkHelper::set_time(NOW);
		let payer: AccountId = account("payer", 0, 0);
		let payee: AccountId = account("payee", 0, 0);
		let result;

		#[block]
		{
			result = Pallet::<T>::authorize(&Default::default(), &payer, ASSET, &payee, 1, NOW);
		}

		assert_eq!(result, Ok(None));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
