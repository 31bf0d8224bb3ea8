//! A test runtime: System, Timestamp, Balances, Assets and this pallet, with a stablecoin
//! (asset 1, EIP-712 domain "USD Coin" / "2") and a second asset without a domain.

use crate::{self as pallet_x402, *};
use polkadot_sdk::{
	frame_support::{
		self, derive_impl,
		traits::{AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64, Hooks},
	},
	frame_system::{self, EnsureRoot, EnsureSigned},
	pallet_assets, pallet_balances, pallet_timestamp,
	sp_core::{ecdsa, sr25519, Pair, H256},
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
	type CancellationDeposit = ConstU128<CANCELLATION_DEPOSIT>;
	type MaxValidity = ConstU64<MAX_VALIDITY>;
	type MaxBatch = ConstU32<16>;
	type MaxStatementEntries = ConstU32<4>;
	type ReceiptRetention = ConstU64<RECEIPT_RETENTION>;
	type Mandates = ();
	type OnSettled = ();
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Creates a sufficient asset and sets the time, for the benchmark tests.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::benchmarking::BenchmarkHelper for MockBenchmarkHelper {
	fn create_asset() -> AssetId {
		const BENCH_ASSET: AssetId = 77;
		if !pallet_assets::Asset::<Test>::contains_key(BENCH_ASSET) {
			Assets::force_create(RuntimeOrigin::root(), BENCH_ASSET, account_of(&alice()), true, 1)
				.expect("root creates assets");
		}
		BENCH_ASSET
	}

	fn set_time(seconds: UnixSeconds) {
		set_time(seconds);
	}
}

/// Blocks a receipt is kept at least.
pub const RECEIPT_RETENTION: u64 = 3;

/// The EIP-712 chain id of the test chain.
pub const TEST_CHAIN_ID: u64 = agentchain_primitives::DEV_EVM_CHAIN_ID;
/// The longest validity the test chain accepts: one hour.
pub const MAX_VALIDITY: u64 = 3_600;
/// Held from whoever submits a cancellation.
pub const CANCELLATION_DEPOSIT: Balance = 500;
/// The payable stablecoin.
pub const USDC: AssetId = 1;
/// An asset without an EIP-712 domain.
pub const OTHER: AssetId = 2;
/// Minimum balance of both assets.
pub const MIN_BALANCE: Balance = 10;
/// Each funded account's starting balance of each asset.
pub const START: Balance = 1_000_000;
/// The block time the tests start at (unix seconds).
pub const T0: u64 = 1_800_000_000;

/// Native test accounts by seed.
pub fn native(seed: &str) -> sr25519::Pair {
	sr25519::Pair::from_string(&format!("//{seed}"), None).expect("valid seed")
}

pub fn account_of(pair: &sr25519::Pair) -> AccountId {
	pair.public().into()
}

/// An EVM key and its account (`address ‖ 0xEE × 12`).
pub fn evm(seed: &str) -> (ecdsa::Pair, AccountId) {
	let pair = ecdsa::Pair::from_string(&format!("//{seed}"), None).expect("valid seed");
	let address = evm_address_of(&pair);
	(pair, AccountId::new(evm_address::embedded_account(address)))
}

/// The EVM address of an ecdsa key: the last 20 bytes of keccak of its uncompressed public
/// key, which the chain's own recovery host function yields from any signature.
pub fn evm_address_of(pair: &ecdsa::Pair) -> polkadot_sdk::sp_core::H160 {
	let digest = [1u8; 32];
	let uncompressed = polkadot_sdk::sp_io::crypto::secp256k1_ecdsa_recover(
		&pair.sign_prehashed(&digest).0,
		&digest,
	)
	.ok()
	.expect("a fresh signature recovers");
	polkadot_sdk::sp_core::H160::from_slice(
		&polkadot_sdk::sp_crypto_hashing::keccak_256(&uncompressed)[12..],
	)
}

pub fn alice() -> sr25519::Pair {
	native("Alice")
}
pub fn bob() -> sr25519::Pair {
	native("Bob")
}
pub fn charlie() -> sr25519::Pair {
	native("Charlie")
}
pub fn facilitator() -> AccountId {
	account_of(&native("Facilitator"))
}

/// The account that holds channel funds.
pub fn custody() -> AccountId {
	AccountId::new(agentchain_primitives::channels::custody_account())
}

/// Storage with both assets, Alice, Bob, Charlie and the EVM key "Agent" funded, and the
/// stablecoin payable. The block time is `T0`.
pub fn new_test_ext() -> TestExternalities {
	let funded = [account_of(&alice()), account_of(&bob()), account_of(&charlie()), evm("Agent").1];
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(facilitator(), 1_000_000), (account_of(&alice()), 1_000_000)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![
			(USDC, account_of(&alice()), true, MIN_BALANCE),
			(OTHER, account_of(&alice()), true, MIN_BALANCE),
		],
		metadata: vec![],
		accounts: funded
			.iter()
			.flat_map(|who| [(USDC, who.clone(), START), (OTHER, who.clone(), START)])
			// Channel custody holds the minimum balance of its own.
			.chain([(USDC, custody(), MIN_BALANCE)])
			.collect(),
		next_asset_id: None,
		reserves: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_x402::GenesisConfig::<Test> {
		evm_chain_id: TEST_CHAIN_ID,
		asset_domains: vec![(USDC, b"USD Coin".to_vec(), b"2".to_vec())],
		evm_accounts: vec![account_of(&bob()), account_of(&charlie())],
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

/// Moves to the next block, running `on_idle` with plenty of weight.
pub fn next_block_with_idle() {
	let n = System::block_number();
	X402::on_idle(n, polkadot_sdk::frame_support::weights::Weight::MAX);
	System::set_block_number(n + 1);
}

/// A genesis hash for native signatures: what `frame_system` returns for block 0 in tests.
pub fn genesis_hash() -> H256 {
	X402::genesis_hash()
}

/// An intent from `payer` to `payee` valid around `T0`.
pub fn intent(payer: &AccountId, payee: &AccountId, amount: Balance, nonce: u8) -> Intent {
	Intent {
		payer: payer.clone(),
		payee: payee.clone(),
		asset: USDC,
		amount,
		valid_after: T0 - 600,
		valid_before: T0 + 300,
		nonce: [nonce; 32],
		reference: None,
	}
}

/// Settles `intent` with `transfer_with_authorization`, submitted by the facilitator.
pub fn transfer(
	intent: &Intent,
	signature: IntentSignature,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	X402::transfer_with_authorization(
		RuntimeOrigin::signed(facilitator()),
		Box::new(intent.clone()),
		signature,
	)
}

/// `intent` signed natively by `signer` for `purpose`.
pub fn sign_native(signer: &sr25519::Pair, intent: &Intent, purpose: Purpose) -> IntentSignature {
	let payload = native_signing_payload(purpose, genesis_hash(), intent);
	IntentSignature::Native(MultiSignature::Sr25519(signer.sign(&payload)))
}

/// `intent` signed with EIP-712 by the EVM key `signer` for `purpose`.
pub fn sign_evm(signer: &ecdsa::Pair, intent: &Intent, purpose: Purpose) -> IntentSignature {
	let domain = X402::eip712_domain(intent.asset).expect("payable asset");
	let digest = domain.intent_digest(purpose, intent).expect("an EVM payer");
	IntentSignature::Evm(sign_prehashed(signer, &digest))
}

/// A recoverable secp256k1 signature over a 32-byte digest, `r ‖ s ‖ v` with v = 27/28.
pub fn sign_prehashed(signer: &ecdsa::Pair, digest: &[u8; 32]) -> [u8; 65] {
	let mut signature = signer.sign_prehashed(digest).0;
	signature[64] += 27;
	signature
}

/// The USDC balance of `who`.
pub fn usdc(who: &AccountId) -> Balance {
	Assets::balance(USDC, who)
}

/// The events this pallet emitted so far.
pub fn x402_events() -> Vec<pallet_x402::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::X402(event) => Some(event),
			_ => None,
		})
		.collect()
}
