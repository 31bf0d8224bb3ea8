//! Benchmarks (frame-benchmarking v2). Every intent is EVM-signed, the dearer kind, comes from a
//! payer of its own (no netting of debits) who pays all it holds (its asset account dies), and
//! its payee does not hold the asset yet, so each measures the worst case. Rejected items are
//! refused at the last check, the payer's funds, after their signature was verified.

use super::*;
use crate::Pallet as X402;
use agentchain_primitives::channels::{
	voucher_digest, withdraw_request_digest, ChannelConfig, ChannelId, ChannelState,
	DepositAuthorization, Voucher, VoucherClaim, MIN_WITHDRAW_DELAY,
};
use alloc::{boxed::Box, vec, vec::Vec};
use codec::Encode;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{
			fungibles::{Inspect, Unbalanced},
			tokens::Precision,
			Get,
		},
		weights::Weight,
		BoundedVec,
	},
	frame_system::{self, RawOrigin},
	sp_core::{crypto::KeyTypeId, ecdsa, H160},
	sp_crypto_hashing::keccak_256,
	sp_io,
};

/// What the benchmarks need from the runtime.
pub trait BenchmarkHelper {
	/// Creates a sufficient asset that can be paid in and returns its id.
	fn create_asset() -> AssetId;
	/// Sets the block time to `seconds` since the unix epoch.
	fn set_time(seconds: UnixSeconds);
}

/// The keystore key type of the EVM keys benchmarks sign with.
pub const KEY_TYPE: KeyTypeId = KeyTypeId(*b"x402");
const NOW: UnixSeconds = 1_800_000_000;
const AMOUNT: Balance = 1_000_000;

/// An EVM key in the benchmark keystore, and its address; other pallets' benchmarks sign with
/// it too.
pub fn evm_key(index: u32) -> (ecdsa::Public, H160) {
	let seed = alloc::format!("//bench-payer-{index}").into_bytes();
	let public = sp_io::crypto::ecdsa_generate(KEY_TYPE, Some(seed));
	// Recover the uncompressed key from a signature to derive the address.
	let digest = [7u8; 32];
	let signature = sp_io::crypto::ecdsa_sign_prehashed(KEY_TYPE, &public, &digest)
		.expect("the key was just generated");
	let uncompressed = sp_io::crypto::secp256k1_ecdsa_recover(&signature.0, &digest)
		.ok()
		.expect("a fresh signature recovers");
	(public, H160::from_slice(&keccak_256(&uncompressed)[12..]))
}

fn setup<T: Config>() -> AssetId {
	T::BenchmarkHelper::set_time(NOW);
	let asset = T::BenchmarkHelper::create_asset();
	AssetDomains::<T>::insert(
		asset,
		AssetDomain {
			name: b"USD Coin".to_vec().try_into().unwrap(),
			version: b"2".to_vec().try_into().unwrap(),
		},
	);
	asset
}

/// Gives `who` `amount` more of `asset`, and the asset as much more supply.
fn mint<T: Config>(asset: AssetId, who: &AccountId, amount: Balance) {
	T::Assets::increase_balance(asset, who, amount, Precision::Exact).expect("the asset exists");
	// `Unbalanced` leaves the issuance alone, and an asset's supply caps what can be spent.
	T::Assets::set_total_issuance(asset, T::Assets::total_issuance(asset) + amount);
}

/// The EVM payer `index`'s intent of [`AMOUNT`] to the payee `payee_index`, signed for
/// `purpose`; the payer holds `funds` of the asset.
fn signed_intent<T: Config>(
	asset: AssetId,
	index: u32,
	payee_index: u32,
	purpose: Purpose,
	funds: Balance,
) -> (Intent, IntentSignature) {
	let (public, from) = evm_key(index);
	let payer = AccountId::new(evm_address::embedded_account(from));
	if funds > 0 {
		mint::<T>(asset, &payer, funds);
	}
	// An EVM signature pays a 20-byte address: the payee is the account that embeds it.
	let mut payee_address = [0xbe; 20];
	payee_address[16..].copy_from_slice(&payee_index.to_be_bytes());
	let payee = AccountId::new(evm_address::embedded_account(H160(payee_address)));
	let intent = Intent {
		payer,
		payee: payee.clone(),
		asset,
		amount: AMOUNT,
		valid_after: NOW - 600,
		valid_before: NOW + 300,
		nonce: keccak_256(&index.to_le_bytes()),
		// EVM signatures cannot cover a reference.
		reference: None,
	};
	let digest = X402::<T>::eip712_domain(asset)
		.expect("payable")
		.intent_digest(purpose, &intent)
		.expect("an EVM payer");
	let signature = sp_io::crypto::ecdsa_sign_prehashed(KEY_TYPE, &public, &digest)
		.expect("the key is in the keystore");
	(intent, IntentSignature::Evm(signature.0))
}

/// Gives `who` enough of the native currency for any deposit.
fn fund_native<T: Config>(who: &AccountId) {
	use polkadot_sdk::frame_support::traits::fungible::Unbalanced as _;
	T::Currency::increase_balance(
		who,
		(T::EvmAddressDeposit::get() + T::CancellationDeposit::get()) * 1_000 + 1_000_000_000_000,
		Precision::Exact,
	)
	.expect("a balance can be set");
}

/// What settling call `call` wrote in block `block`, expired by [`NOW`]: `p` nonce records with
/// receipts and `e` open ledger entries, each of its own payee (listing a full batch).
fn due_call<T: Config>(
	asset: AssetId,
	call: u32,
	p: u32,
	e: u32,
	block: frame_system::pallet_prelude::BlockNumberFor<T>,
) -> Expiring<frame_system::pallet_prelude::BlockNumberFor<T>, T::MaxBatch> {
	let id = |kind: &[u8], i: u32| PaymentId::from(keccak_256(&(kind, call, i).encode()));
	let payee = |i: u32| -> AccountId { account("payee", call * 1_000 + i, 0) };
	let payments: Vec<PaymentId> = (0..p).map(|i| id(b"payment", i)).collect();
	for (i, payment_id) in payments.iter().enumerate() {
		let receipt = Receipt {
			payer: account("payer", i as u32, 0),
			payee: payee(0),
			asset,
			amount: AMOUNT,
			reference: Some([7; 32]),
			block,
			extrinsic_index: 0,
			mandate: None,
			sequence: 0,
		};
		Authorizations::<T>::insert(
			payment_id,
			AuthorizationRecord::Used { expires: NOW, receipt },
		);
	}
	let listed: BoundedVec<PaymentId, T::MaxBatch> =
		BoundedVec::truncate_from((0..T::MaxBatch::get()).map(|i| id(b"listed", i)).collect());
	let entries: Vec<(AccountId, AssetId, u64)> = (0..e).map(|i| (payee(i), asset, 0)).collect();
	for (payee, asset, number) in &entries {
		let entry = LedgerEntry {
			block,
			count: listed.len() as u32,
			total: AMOUNT,
			commitment: PaymentId::zero(),
			payments: listed.clone(),
		};
		LedgerEntries::<T>::insert((payee, *asset, *number), entry);
		Ledgers::<T>::insert(payee, *asset, Ledger { next: number + 1, ..Default::default() });
	}
	Expiring {
		block,
		expires: NOW,
		payments: BoundedVec::truncate_from(payments),
		entries: BoundedVec::truncate_from(entries),
	}
}

/// Custody of `asset` holding the asset's minimum balance of its own, as genesis seeds it for
/// the chain's assets, and `owed` more that it owes channels and receivers.
fn seed_custody<T: Config>(asset: AssetId, owed: Balance) {
	let custody = X402::<T>::channel_custody();
	mint::<T>(asset, &custody, T::Assets::minimum_balance(asset) + owed);
}

/// The channel of the EVM payer `index` (also its payer authorizer) to a receiver address of its
/// own, claimed and refunded by `authorizer`, in `asset`; and the payer's key.
fn channel_of<T: Config>(
	asset: AssetId,
	index: u32,
	authorizer: H160,
) -> (ecdsa::Public, ChannelConfig) {
	let (public, payer) = evm_key(index);
	let mut receiver = [0xcd; 20];
	receiver[16..].copy_from_slice(&index.to_be_bytes());
	let config = ChannelConfig {
		payer,
		payer_authorizer: payer,
		receiver: H160(receiver),
		receiver_authorizer: authorizer,
		token: evm_address::asset_address(asset),
		withdraw_delay: MIN_WITHDRAW_DELAY,
		salt: [0; 32],
	};
	(public, config)
}

/// Channel `config` funded with [`AMOUNT`], of which custody holds the funds.
fn fund_channel<T: Config>(asset: AssetId, config: &ChannelConfig) -> ChannelId {
	let id = config.id(EvmChainId::<T>::get());
	Channels::<T>::insert(id, ChannelState { balance: AMOUNT, ..Default::default() });
	seed_custody::<T>(asset, AMOUNT);
	id
}

/// A claim of all of channel `config`'s deposit, on a voucher its payer `public` signed for it.
fn full_claim<T: Config>(public: &ecdsa::Public, config: ChannelConfig) -> VoucherClaim {
	let digest = voucher_digest(EvmChainId::<T>::get(), config.id(EvmChainId::<T>::get()), AMOUNT);
	let signature = sp_io::crypto::ecdsa_sign_prehashed(KEY_TYPE, public, &digest)
		.expect("the key is in the keystore");
	VoucherClaim {
		config,
		voucher: Voucher { max_claimable: AMOUNT, signature: signature.0 },
		total_claimed: AMOUNT,
	}
}

/// `n` funded channels of payers of their own, each paying a receiver of its own, and a full
/// claim of each by the receiver authorizer `authorizer`.
fn claims_of<T: Config>(asset: AssetId, n: u32, authorizer: H160) -> Vec<VoucherClaim> {
	(0..n)
		.map(|i| {
			let (public, config) = channel_of::<T>(asset, i, authorizer);
			fund_channel::<T>(asset, &config);
			full_claim::<T>(&public, config)
		})
		.collect()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn transfer_with_authorization() {
		let asset = setup::<T>();
		let (intent, signature) = signed_intent::<T>(asset, 0, 0, Purpose::Transfer, AMOUNT);
		let caller: AccountId = whitelisted_caller();
		let id = intent.payment_id();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), Box::new(intent), signature);

		assert!(X402::<T>::receipt(id).is_some());
	}

	#[benchmark]
	fn receive_with_authorization() {
		let asset = setup::<T>();
		let (intent, signature) = signed_intent::<T>(asset, 0, 0, Purpose::Receive, AMOUNT);
		let payee = intent.payee.clone();
		let id = intent.payment_id();

		#[extrinsic_call]
		_(RawOrigin::Signed(payee), Box::new(intent), signature);

		assert!(X402::<T>::receipt(id).is_some());
	}

	#[benchmark]
	fn cancel_authorization() {
		let asset = setup::<T>();
		let (public, from) = evm_key(0);
		let payer = AccountId::new(evm_address::embedded_account(from));
		let nonce = [9u8; 32];
		let digest = X402::<T>::eip712_domain(asset).unwrap().cancel_digest(from, &nonce);
		let signature = sp_io::crypto::ecdsa_sign_prehashed(KEY_TYPE, &public, &digest).unwrap();
		let caller: AccountId = whitelisted_caller();
		fund_native::<T>(&caller);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller),
			payer.clone(),
			nonce,
			asset,
			IntentSignature::Evm(signature.0),
		);

		assert_eq!(
			X402::<T>::authorization_state(&payer, &nonce),
			Some(AuthorizationState::Canceled)
		);
	}

	/// `p` payees paid one intent each, and `n` more intents to the first of them: `p` is the
	/// cost of an intent to a payee not yet paid in the call, `n` of one to a payee already paid.
	/// `settle_batch_weight` charges a call of `k` items to `q` distinct payees `(k - q, q)`.
	#[benchmark]
	fn settle_batch(
		n: Linear<0, { T::MaxBatch::get() / 2 }>,
		p: Linear<1, { T::MaxBatch::get() / 2 }>,
	) {
		let asset = setup::<T>();
		let items: Vec<_> = (0..n + p)
			.map(|i| {
				signed_intent::<T>(asset, i, if i < p { i } else { 0 }, Purpose::Transfer, AMOUNT)
			})
			.collect();
		let last = items.last().map(|(intent, _)| intent.payment_id());
		let items: BoundedVec<_, T::MaxBatch> = items.try_into().unwrap();
		let caller: AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), items);

		assert!(X402::<T>::receipt(last.unwrap()).is_some());
	}

	#[benchmark]
	fn settle_batch_rejected(n: Linear<1, { T::MaxBatch::get() }>) {
		let asset = setup::<T>();
		// Valid in every way but the payer's funds, the last check.
		let items: Vec<_> =
			(0..n).map(|i| signed_intent::<T>(asset, i, i, Purpose::Transfer, 0)).collect();
		let first = items[0].0.payment_id();
		let items: BoundedVec<_, T::MaxBatch> = items.try_into().unwrap();
		let caller: AccountId = whitelisted_caller();

		#[block]
		{
			X402::<T>::settle_batch(RawOrigin::Signed(caller).into(), items).unwrap();
		}

		assert!(X402::<T>::receipt(first).is_none());
	}

	/// `n` ledger entries, each listing a full batch of payments.
	#[benchmark]
	fn close_statement(n: Linear<1, { T::MaxStatementEntries::get() }>) {
		let asset = setup::<T>();
		let payee: AccountId = account("payee", 0, 0);
		let block = frame_system::Pallet::<T>::block_number();
		let payments: BoundedVec<PaymentId, T::MaxBatch> = (0..T::MaxBatch::get())
			.map(|i| PaymentId::from(keccak_256(&i.to_le_bytes())))
			.collect::<Vec<_>>()
			.try_into()
			.unwrap();
		for sequence in 0..n as u64 {
			let entry = LedgerEntry {
				block,
				count: T::MaxBatch::get(),
				total: AMOUNT * T::MaxBatch::get() as Balance,
				commitment: PaymentId::from(keccak_256(&sequence.to_le_bytes())),
				payments: payments.clone(),
			};
			LedgerEntries::<T>::insert((&payee, asset, sequence), entry);
		}
		let ledger = Ledger { next: n as u64, ..Default::default() };
		Ledgers::<T>::insert(&payee, asset, ledger);

		#[extrinsic_call]
		_(RawOrigin::Signed(payee.clone()), asset, block);

		assert_eq!(Ledgers::<T>::get(&payee, asset).first_open, n as u64);
	}

	#[benchmark]
	fn set_asset_domain() {
		let asset = T::BenchmarkHelper::create_asset();
		let name = vec![b'n'; 64];
		let version = vec![b'v'; 64];

		#[extrinsic_call]
		_(RawOrigin::Root, asset, name, version);

		assert!(AssetDomains::<T>::contains_key(asset));
	}

	#[benchmark]
	fn register_evm_address() {
		let caller: AccountId = whitelisted_caller();
		fund_native::<T>(&caller);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));

		assert!(EvmAccounts::<T>::contains_key(evm_address::address_of(caller.as_ref())));
	}

	#[benchmark]
	fn unregister_evm_address() {
		let caller: AccountId = whitelisted_caller();
		fund_native::<T>(&caller);
		X402::<T>::register_evm_address(RawOrigin::Signed(caller.clone()).into()).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));

		assert!(!EvmAccounts::<T>::contains_key(evm_address::address_of(caller.as_ref())));
	}

	/// One due settling call at the front of the expiry queue that wrote `p` nonce records and
	/// `e` ledger entries, none of them in a statement (each moves its payee's open period).
	#[benchmark]
	fn prune_expired(p: Linear<0, { T::MaxBatch::get() }>, e: Linear<0, { T::MaxBatch::get() }>) {
		let asset = setup::<T>();
		let (settled_at, retention) =
			(frame_system::Pallet::<T>::block_number(), T::ReceiptRetention::get());
		let expiring = due_call::<T>(asset, 0, p, e, settled_at);
		ExpiryQueue::<T>::insert(0, expiring);
		ExpiryBounds::<T>::put(QueueBounds { first: 0, next: 2 });
		// A second call behind it, not yet due: the sweep reads it and stops.
		let mut later = due_call::<T>(asset, 1, 1, 0, settled_at);
		later.expires = NOW + 1;
		ExpiryQueue::<T>::insert(1, later);
		frame_system::Pallet::<T>::set_block_number(settled_at + retention);
		T::BenchmarkHelper::set_time(NOW);

		#[block]
		{
			X402::<T>::prune_expired(Weight::MAX);
		}

		assert_eq!(ExpiryBounds::<T>::get().first, 1);
	}

	/// [`prune_expired`](Self::prune_expired) of a full batch among a million other nonce
	/// records: how the sweep's cost grows with the state (run with `--extra`).
	#[benchmark(extra)]
	fn prune_expired_among_a_million() {
		let asset = setup::<T>();
		let settled_at = frame_system::Pallet::<T>::block_number();
		let record = Receipt {
			payer: account("payer", 0, 0),
			payee: account("payee", 0, 0),
			asset,
			amount: AMOUNT,
			reference: None,
			block: settled_at,
			extrinsic_index: 0,
			mandate: None,
			sequence: 0,
		};
		for i in 0..1_000_000u32 {
			let id = PaymentId::from(keccak_256(&(b"other", i).encode()));
			Authorizations::<T>::insert(
				id,
				AuthorizationRecord::Used { expires: NOW + 1, receipt: record.clone() },
			);
		}
		let max = T::MaxBatch::get();
		ExpiryQueue::<T>::insert(0, due_call::<T>(asset, 0, max, max, settled_at));
		ExpiryBounds::<T>::put(QueueBounds { first: 0, next: 1 });
		frame_system::Pallet::<T>::set_block_number(settled_at + T::ReceiptRetention::get());
		T::BenchmarkHelper::set_time(NOW);

		#[block]
		{
			X402::<T>::prune_expired(Weight::MAX);
		}

		assert_eq!(ExpiryBounds::<T>::get().first, 1);
	}

	/// A deposit that opens its channel.
	#[benchmark]
	fn deposit() {
		let asset = setup::<T>();
		seed_custody::<T>(asset, 0);
		let caller: AccountId = whitelisted_caller();
		let (public, config) = channel_of::<T>(asset, 0, evm_address::address_of(caller.as_ref()));
		let payer = AccountId::new(evm_address::embedded_account(config.payer));
		mint::<T>(asset, &payer, AMOUNT);
		let mut authorization = DepositAuthorization {
			valid_after: NOW - 600,
			valid_before: NOW + 300,
			salt: [1; 32],
			signature: [0; 65],
		};
		let intent = X402::<T>::deposit_intent(&config, asset, AMOUNT, &authorization);
		let digest = X402::<T>::eip712_domain(asset)
			.expect("payable")
			.intent_digest(Purpose::Receive, &intent)
			.expect("an EVM payer");
		authorization.signature =
			sp_io::crypto::ecdsa_sign_prehashed(KEY_TYPE, &public, &digest).unwrap().0;
		let id = config.id(EvmChainId::<T>::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), config, AMOUNT, authorization);

		assert_eq!(X402::<T>::channel(id).map(|state| state.balance), Some(AMOUNT));
	}

	/// `n` vouchers, each of a channel and a receiver of its own.
	#[benchmark]
	fn claim(n: Linear<1, { T::MaxBatch::get() }>) {
		let asset = setup::<T>();
		let caller: AccountId = whitelisted_caller();
		let claims = claims_of::<T>(asset, n, evm_address::address_of(caller.as_ref()));
		let last = claims.last().map(|last| last.config.id(EvmChainId::<T>::get())).unwrap();
		let claims: BoundedVec<_, T::MaxBatch> = claims.try_into().unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), claims);

		assert_eq!(X402::<T>::channel(last).map(|state| state.total_claimed), Some(AMOUNT));
	}

	/// The sweep to a receiver whose account does not hold the asset yet.
	#[benchmark]
	fn settle_channels() {
		let asset = setup::<T>();
		seed_custody::<T>(asset, AMOUNT);
		let receiver = H160([0xcd; 20]);
		Receivers::<T>::insert(receiver, asset, ReceiverTotals { claimed: AMOUNT, settled: 0 });
		let caller: AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), receiver, asset);

		assert_eq!(X402::<T>::receiver_totals(receiver, asset).settled, AMOUNT);
	}

	/// `n` vouchers of other channels claimed, then all of one more channel refunded to a
	/// payer whose account does not hold the asset.
	#[benchmark]
	fn refund(n: Linear<0, { T::MaxBatch::get() }>) {
		let asset = setup::<T>();
		let caller: AccountId = whitelisted_caller();
		let authorizer = evm_address::address_of(caller.as_ref());
		let claims: BoundedVec<_, T::MaxBatch> =
			claims_of::<T>(asset, n, authorizer).try_into().unwrap();
		let (_, config) = channel_of::<T>(asset, n, authorizer);
		let id = fund_channel::<T>(asset, &config);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), config, AMOUNT, 0, claims);

		assert_eq!(X402::<T>::channel(id).map(|state| state.balance), Some(0));
	}

	#[benchmark]
	fn initiate_withdraw() {
		let asset = setup::<T>();
		let (public, config) = channel_of::<T>(asset, 0, H160::repeat_byte(0xaa));
		let id = fund_channel::<T>(asset, &config);
		let digest = withdraw_request_digest(EvmChainId::<T>::get(), id, 0);
		let signature = sp_io::crypto::ecdsa_sign_prehashed(KEY_TYPE, &public, &digest).unwrap();
		let caller: AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), config, signature.0);

		assert_eq!(X402::<T>::channel(id).map(|state| state.withdraw_requested_at), Some(NOW));
	}

	/// A due withdrawal of all of a channel to a payer whose account does not hold the asset.
	#[benchmark]
	fn finalize_withdraw() {
		let asset = setup::<T>();
		let (_, config) = channel_of::<T>(asset, 0, H160::repeat_byte(0xaa));
		let id = fund_channel::<T>(asset, &config);
		let requested_at = NOW - UnixSeconds::from(config.withdraw_delay);
		Channels::<T>::mutate(id, |state| {
			state.as_mut().expect("funded").withdraw_requested_at = requested_at
		});
		let caller: AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), config);

		assert_eq!(X402::<T>::channel(id).map(|state| state.balance), Some(0));
	}

	impl_benchmark_test_suite!(X402, crate::mock::new_test_ext(), crate::mock::Test);
}
