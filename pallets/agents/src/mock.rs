//! A test runtime: System, Timestamp, Balances, Assets, pallet-x402 (which settles the payments
//! feedback cites and calls this pallet's settlement hook) and this pallet.

use crate::{self as pallet_agents, *};
use agentchain_primitives::{
	agents::{native_wallet_payload, wallet_digest},
	x402::{evm_address, native_signing_payload, Purpose},
};
use pallet_x402::Intent;
use polkadot_sdk::{
	frame_support::{
		self, assert_ok, derive_impl,
		traits::{AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64},
	},
	frame_system::{self, EnsureRoot, EnsureSigned},
	pallet_assets, pallet_balances, pallet_timestamp,
	sp_core::{ecdsa, sr25519, Pair, H160},
	sp_io::TestExternalities,
	sp_runtime::{traits::IdentityLookup, BuildStorage, MultiSignature},
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
	pub type Agents = pallet_agents;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
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
	type RuntimeHoldReason = RuntimeHoldReason;
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
	type ReceiptRetention = ConstU64<10>;
	type Mandates = ();
	type OnSettled = Agents;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = X402BenchmarkHelper;
}

/// pallet-x402's benchmark needs, met with the stablecoin of this mock.
#[cfg(feature = "runtime-benchmarks")]
pub struct X402BenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_x402::benchmarking::BenchmarkHelper for X402BenchmarkHelper {
	fn create_asset() -> AssetId {
		USDC
	}

	fn set_time(seconds: u64) {
		set_time(seconds);
	}
}

impl Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Payments = X402;
	type Time = Timestamp;
	type EvmChainId = pallet_x402::EvmChainIdOf<Test>;
	type ItemDeposit = ConstU128<ITEM_DEPOSIT>;
	type ByteDeposit = ConstU128<BYTE_DEPOSIT>;
	type MaxUriLength = ConstU32<64>;
	type MaxMetadataEntries = ConstU32<3>;
	type MaxMetadataKeyLength = ConstU32<16>;
	type MaxMetadataValueLength = ConstU32<32>;
	type MaxOperators = ConstU32<2>;
	type MaxTagLength = ConstU32<16>;
	type WeightInfo = ();
}

/// The EIP-712 chain id of the test chain.
pub const TEST_CHAIN_ID: u64 = agentchain_primitives::DEV_EVM_CHAIN_ID;
/// Deposit per storage item.
pub const ITEM_DEPOSIT: Balance = 1_000;
/// Deposit per byte.
pub const BYTE_DEPOSIT: Balance = 10;
/// Every funded account's native balance.
pub const NATIVE: Balance = 10_000_000;
/// The payable stablecoin, and a second payable asset.
pub const USDC: AssetId = 1;
pub const EURC: AssetId = 2;
/// Every funded account's balance of each asset.
pub const START: Balance = 1_000_000;
/// The block time the tests start at (unix seconds).
pub const T0: u64 = 1_800_000_000;

/// Native test accounts by seed.
pub fn pair(seed: &str) -> sr25519::Pair {
	sr25519::Pair::from_string(&format!("//{seed}"), None).expect("valid seed")
}

pub fn account(seed: &str) -> AccountId {
	pair(seed).public().into()
}

/// The owner of the agents in most tests.
pub fn owner() -> AccountId {
	account("Owner")
}
/// A client who pays agents and rates them.
pub fn client() -> AccountId {
	account("Client")
}
/// A second client.
pub fn other_client() -> AccountId {
	account("Other")
}
/// An account that will be an agent's wallet.
pub fn wallet() -> AccountId {
	account("Wallet")
}
/// A validator.
pub fn validator() -> AccountId {
	account("Validator")
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
	let address =
		H160::from_slice(&polkadot_sdk::sp_crypto_hashing::keccak_256(&uncompressed)[12..]);
	(pair, AccountId::new(evm_address::embedded_account(address)))
}

/// Storage with the named accounts funded in the native token and both assets, both assets
/// payable, at block 1 and time `T0`.
pub fn new_test_ext() -> TestExternalities {
	let funded: Vec<AccountId> = ["Owner", "Client", "Other", "Wallet", "Validator", "Operator"]
		.into_iter()
		.map(account)
		.collect();
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: funded.iter().map(|who| (who.clone(), NATIVE)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(USDC, owner(), true, 1), (EURC, owner(), true, 1)],
		metadata: vec![],
		accounts: funded
			.iter()
			.flat_map(|who| [(USDC, who.clone(), START), (EURC, who.clone(), START)])
			.collect(),
		next_asset_id: None,
		reserves: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_x402::GenesisConfig::<Test> {
		evm_chain_id: TEST_CHAIN_ID,
		asset_domains: vec![
			(USDC, b"USD Coin".to_vec(), b"2".to_vec()),
			(EURC, b"EURC".to_vec(), b"2".to_vec()),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = TestExternalities::new(storage);
	// Benchmarks sign with keys from the keystore.
	ext.register_extension(polkadot_sdk::sp_keystore::KeystoreExt::new(
		polkadot_sdk::sp_keystore::testing::MemoryKeystore::new(),
	));
	ext.execute_with(|| {
		System::set_block_number(1);
		set_time(T0);
	});
	ext
}

/// Sets the block time to `seconds` (unix).
pub fn set_time(seconds: u64) {
	pallet_timestamp::Now::<Test>::put(seconds * 1_000);
}

/// Registers an agent for `owner` with `uri` and no metadata; returns its id.
pub fn register_as(owner: &AccountId, uri: &[u8]) -> AgentId {
	let id = NextAgentId::<Test>::get();
	assert_ok!(Agents::register(RuntimeOrigin::signed(owner.clone()), uri.to_vec(), vec![]));
	id
}

/// A native proof by `wallet_seed` that it is `agent`'s wallet under `owner` until `deadline`.
pub fn native_proof(
	wallet_seed: &str,
	agent: AgentId,
	owner: &AccountId,
	deadline: u64,
) -> WalletProof {
	let genesis = X402::genesis_hash();
	let payload = native_wallet_payload(genesis, agent, &account(wallet_seed), owner, deadline);
	WalletProof::Native(MultiSignature::Sr25519(pair(wallet_seed).sign(&payload)))
}

/// An EIP-712 proof by the EVM key `wallet` that it is `agent`'s wallet under `owner`.
pub fn evm_proof(
	wallet: &(ecdsa::Pair, AccountId),
	agent: AgentId,
	owner: &AccountId,
	deadline: u64,
) -> WalletProof {
	let digest = wallet_digest(TEST_CHAIN_ID, agent, &wallet.1, owner, deadline);
	let mut signature = wallet.0.sign_prehashed(&digest).0;
	signature[64] += 27;
	WalletProof::Evm(signature)
}

/// Registers an agent for [`owner`] whose wallet is [`wallet`]; returns its id.
pub fn agent_with_wallet() -> AgentId {
	let id = register_as(&owner(), b"ipfs://agent");
	let proof = native_proof("Wallet", id, &owner(), T0 + 60);
	assert_ok!(Agents::set_agent_wallet(
		RuntimeOrigin::signed(owner()),
		id,
		wallet(),
		T0 + 60,
		proof
	));
	id
}

/// An intent from `payer_seed` to `payee`, valid around `T0`, signed natively by the payer.
pub fn signed_intent(
	payer_seed: &str,
	payee: &AccountId,
	asset: AssetId,
	amount: Balance,
	nonce: u8,
) -> (Intent, IntentSignature) {
	let intent = Intent {
		payer: account(payer_seed),
		payee: payee.clone(),
		asset,
		amount,
		valid_after: T0 - 600,
		valid_before: T0 + 300,
		nonce: [nonce; 32],
		reference: None,
	};
	let payload = native_signing_payload(Purpose::Transfer, X402::genesis_hash(), &intent);
	let signature = MultiSignature::Sr25519(pair(payer_seed).sign(&payload));
	(intent, IntentSignature::Native(signature))
}

/// Settles a payment of `amount` of `asset` from `payer_seed` to `payee` through pallet-x402;
/// returns its payment id.
pub fn pay(
	payer_seed: &str,
	payee: &AccountId,
	asset: AssetId,
	amount: Balance,
	nonce: u8,
) -> PaymentId {
	let (intent, signature) = signed_intent(payer_seed, payee, asset, amount, nonce);
	assert_ok!(X402::transfer_with_authorization(
		RuntimeOrigin::signed(account("Validator")),
		Box::new(intent.clone()),
		signature
	));
	intent.payment_id()
}

/// A plain rating of `value` with `decimals`, tagged `starred`.
pub fn rating(value: i128, decimals: u8) -> FeedbackValue {
	FeedbackValue { value, decimals }
}

/// `client` rates `agent`, optionally citing `payment`.
pub fn give(
	client: &AccountId,
	agent: AgentId,
	value: FeedbackValue,
	tag1: &[u8],
	payment: Option<PaymentId>,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	Agents::give_feedback(
		RuntimeOrigin::signed(client.clone()),
		agent,
		value,
		tag1.to_vec(),
		vec![],
		b"https://agent.example/api".to_vec(),
		b"ipfs://feedback".to_vec(),
		Default::default(),
		payment,
	)
}

/// What `who` has on hold for `reason`.
pub fn held(reason: HoldReason, who: &AccountId) -> Balance {
	use polkadot_sdk::frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&RuntimeHoldReason::Agents(reason), who)
}

/// The events this pallet emitted so far.
pub fn agent_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Agents(event) => Some(event),
			_ => None,
		})
		.collect()
}
