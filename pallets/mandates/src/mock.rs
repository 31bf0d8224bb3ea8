//! A test runtime: System, Timestamp, Balances, Assets, pallet-x402 (settling through this
//! pallet's mandates) and this pallet, with a payable stablecoin (asset 1) and a second asset.

use crate::{self as pallet_mandates, *};
use agentchain_primitives::{
	x402::{evm_address, native_signing_payload, IntentSignature, Purpose},
	AccountId, AssetId, Balance,
};
use pallet_x402::Intent;
use polkadot_sdk::{
	frame_support::{
		self, derive_impl,
		traits::{AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64, Hooks},
		weights::Weight,
	},
	frame_system::{self, EnsureRoot, EnsureSigned},
	pallet_assets, pallet_balances, pallet_timestamp,
	sp_core::{ecdsa, sr25519, ConstU32 as BoundU32, Pair},
	sp_io::TestExternalities,
	sp_runtime::{traits::IdentityLookup, BoundedVec, BuildStorage, MultiSignature},
};

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(3)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(4)]
	pub type X402 = pallet_x402;
	#[runtime::pallet_index(5)]
	pub type Mandates = pallet_mandates;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
	type DbWeight = polkadot_sdk::frame_support::weights::constants::ParityDbWeight;
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = Balance;
	type AssetId = AssetId;
	type AssetIdParameter = AssetId;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Freezer = ();
}

impl pallet_x402::Config for Test {
	type Assets = Assets;
	type Time = Timestamp;
	type AdminOrigin = EnsureRoot<AccountId>;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type EvmAddressDeposit = ConstU128<1_000>;
	type CancellationDeposit = ConstU128<500>;
	type MaxValidity = ConstU64<3_600>;
	type MaxBatch = ConstU32<16>;
	type MaxStatementEntries = ConstU32<4>;
	type ReceiptRetention = ConstU64<3>;
	type Mandates = Mandates;
	type OnSettled = ();
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// The agent a wallet belongs to in these tests: `AGENT_WALLET` is agent 7's.
pub struct TestAgents;

impl AgentOfWallet for TestAgents {
	fn agent_of(wallet: &AccountId) -> Option<agentchain_primitives::agents::AgentId> {
		(*wallet == agent_wallet()).then_some(7)
	}
}

impl pallet_mandates::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Agents = TestAgents;
	type Time = Timestamp;
	type EvmChainId = ConstU64<{ agentchain_primitives::DEV_EVM_CHAIN_ID }>;
	type ItemDeposit = ConstU128<ITEM_DEPOSIT>;
	type ByteDeposit = ConstU128<1>;
	type MaxSessions = ConstU32<MAX_SESSIONS>;
	type MaxLifetime = ConstU64<MAX_LIFETIME>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Sets the time, creates the benchmarks' asset, names agent 7's wallet.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_x402::benchmarking::BenchmarkHelper for MockBenchmarkHelper {
	fn create_asset() -> AssetId {
		USDC
	}

	fn set_time(seconds: u64) {
		set_time(seconds);
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::benchmarking::BenchmarkHelper for MockBenchmarkHelper {
	fn set_time(seconds: u64) {
		set_time(seconds);
	}

	fn agent_with_wallet() -> (agentchain_primitives::agents::AgentId, AccountId) {
		(7, agent_wallet())
	}
}

pub const ITEM_DEPOSIT: Balance = 100;
pub const MAX_SESSIONS: u32 = 3;
pub const MAX_LIFETIME: u64 = 30 * 24 * 3_600;
pub const USDC: AssetId = 1;
pub const OTHER: AssetId = 2;
pub const MIN_BALANCE: Balance = 10;
/// The user's (root's) starting stablecoin balance.
pub const START: Balance = 1_000_000;
/// The block time the tests start at (unix seconds).
pub const T0: u64 = 1_800_000_000;
pub const DAY: u64 = 24 * 3_600;

pub fn native(seed: &str) -> sr25519::Pair {
	sr25519::Pair::from_string(&format!("//{seed}"), None).expect("valid seed")
}

pub fn account_of(pair: &sr25519::Pair) -> AccountId {
	pair.public().into()
}

/// An EVM key and its account (`address ‖ 0xEE × 12`).
pub fn evm(seed: &str) -> (ecdsa::Pair, AccountId) {
	let pair = ecdsa::Pair::from_string(&format!("//{seed}"), None).expect("valid seed");
	let digest = [1u8; 32];
	let uncompressed = polkadot_sdk::sp_io::crypto::secp256k1_ecdsa_recover(
		&pair.sign_prehashed(&digest).0,
		&digest,
	)
	.ok()
	.expect("a fresh signature recovers");
	let address = polkadot_sdk::sp_core::H160::from_slice(
		&polkadot_sdk::sp_crypto_hashing::keccak_256(&uncompressed)[12..],
	);
	(pair, AccountId::new(evm_address::embedded_account(address)))
}

/// The user: holds the funds, grants mandates.
pub fn user() -> AccountId {
	account_of(&native("User"))
}
/// The agent's key: holds nothing.
pub fn agent() -> sr25519::Pair {
	native("Agent")
}
/// A session key under the agent.
pub fn session() -> sr25519::Pair {
	native("Session")
}
pub fn shop() -> AccountId {
	account_of(&native("Shop"))
}
pub fn other_shop() -> AccountId {
	account_of(&native("OtherShop"))
}
pub fn agent_wallet() -> AccountId {
	account_of(&native("AgentWallet"))
}
pub fn facilitator() -> AccountId {
	account_of(&native("Facilitator"))
}

/// The user and the facilitator hold native currency; the user and the EVM user "EvmUser"
/// hold the stablecoin; every payee already has an asset account.
pub fn new_test_ext() -> TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let evm_user = evm("EvmUser").1;
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(user(), 1_000_000),
			(facilitator(), 1_000_000),
			(account_of(&agent()), 1_000_000),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(USDC, user(), true, MIN_BALANCE), (OTHER, user(), true, MIN_BALANCE)],
		metadata: vec![],
		accounts: vec![
			(USDC, user(), START),
			(OTHER, user(), START),
			(USDC, evm_user, START),
			(USDC, shop(), MIN_BALANCE),
			(USDC, other_shop(), MIN_BALANCE),
			(USDC, agent_wallet(), MIN_BALANCE),
		],
		next_asset_id: None,
		reserves: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_x402::GenesisConfig::<Test> {
		evm_chain_id: agentchain_primitives::DEV_EVM_CHAIN_ID,
		asset_domains: vec![(USDC, b"USD Coin".to_vec(), b"2".to_vec())],
		evm_accounts: vec![],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = TestExternalities::new(storage);
	ext.register_extension(polkadot_sdk::sp_keystore::KeystoreExt::new(
		polkadot_sdk::sp_keystore::testing::MemoryKeystore::new(),
	));
	ext.execute_with(|| {
		System::set_block_number(1);
		set_time(T0);
	});
	ext
}

pub fn set_time(seconds: u64) {
	pallet_timestamp::Now::<Test>::put(seconds * 1_000);
}

/// Moves to the next block, running both pallets' `on_idle` with plenty of weight.
pub fn next_block_with_idle() {
	let n = System::block_number();
	Mandates::on_idle(n, Weight::MAX);
	X402::on_idle(n, Weight::MAX);
	System::set_block_number(n + 1);
}

/// Terms in USDC: 100 per payment, 1,000 a day, a week long, anyone, anything.
pub fn terms() -> MandateTerms {
	MandateTerms {
		asset: USDC,
		max_per_payment: 100,
		budget_per_period: 1_000,
		period: DAY,
		max_payments_per_period: None,
		lifetime_total: None,
		expires: T0 + 7 * DAY,
		payees: BoundedVec::new(),
		endpoints: BoundedVec::new(),
	}
}

pub fn payees(rules: Vec<PayeeRule>) -> BoundedVec<PayeeRule, BoundU32<MAX_PAYEES>> {
	BoundedVec::truncate_from(rules)
}

/// `delegate`'s consent to spend through `granter`'s mandate, for a minute.
pub fn consent(delegate: &sr25519::Pair, granter: &AccountId) -> DelegateConsent {
	let deadline = Mandates::now() + 60;
	let payload =
		native_accept_payload(X402::genesis_hash(), granter, &account_of(delegate), deadline);
	DelegateConsent {
		deadline,
		signature: IntentSignature::Native(MultiSignature::Sr25519(delegate.sign(&payload))),
	}
}

/// `granter` grants the key `delegate` (with its consent) `terms`.
pub fn grant_to(
	granter: &AccountId,
	delegate: &sr25519::Pair,
	terms: MandateTerms,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	Mandates::grant(
		RuntimeOrigin::signed(granter.clone()),
		account_of(delegate),
		Box::new(terms),
		consent(delegate, granter),
	)
}

/// The user grants the agent `terms`; returns the mandate's number.
pub fn grant_agent(terms: MandateTerms) -> MandateId {
	let id = NextMandateId::<Test>::get();
	grant_to(&user(), &agent(), terms).expect("the grant is valid");
	id
}

/// An intent of `amount` USDC from the key `signer` to `payee`, valid around now.
pub fn intent(signer: &AccountId, payee: &AccountId, amount: Balance, nonce: u8) -> Intent {
	let now = Mandates::now();
	Intent {
		payer: signer.clone(),
		payee: payee.clone(),
		asset: USDC,
		amount,
		valid_after: now - 600,
		valid_before: now + 300,
		nonce: [nonce; 32],
		reference: None,
	}
}

pub fn sign(signer: &sr25519::Pair, intent: &Intent) -> IntentSignature {
	let payload = native_signing_payload(Purpose::Transfer, X402::genesis_hash(), intent);
	IntentSignature::Native(MultiSignature::Sr25519(signer.sign(&payload)))
}

/// A recoverable secp256k1 signature over a 32-byte digest, `r ‖ s ‖ v` with v = 27/28.
pub fn sign_prehashed(signer: &ecdsa::Pair, digest: &[u8; 32]) -> [u8; 65] {
	let mut signature = signer.sign_prehashed(digest).0;
	signature[64] += 27;
	signature
}

/// `signer` pays `amount` to `payee` with nonce `nonce`, through `transfer_with_authorization`.
pub fn pay(
	signer: &sr25519::Pair,
	payee: &AccountId,
	amount: Balance,
	nonce: u8,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	let intent = intent(&account_of(signer), payee, amount, nonce);
	X402::transfer_with_authorization(
		RuntimeOrigin::signed(facilitator()),
		Box::new(intent.clone()),
		sign(signer, &intent),
	)
}

pub fn usdc(who: &AccountId) -> Balance {
	<Assets as polkadot_sdk::frame_support::traits::fungibles::Inspect<AccountId>>::balance(
		USDC, who,
	)
}

pub fn mandate_events() -> Vec<pallet_mandates::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Mandates(event) => Some(event),
			_ => None,
		})
		.collect()
}
