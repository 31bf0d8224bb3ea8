//! # x402 pallet
//!
//! Moves stablecoins on the strength of a payer's signature, with EIP-3009 semantics, so that a
//! facilitator can settle x402 payments for payers who hold no native token and pay no fee.
//!
//! ## Intents
//!
//! A [`PaymentIntent`](agentchain_primitives::x402::PaymentIntent) names payer, payee, asset,
//! amount, a validity window `(valid_after, valid_before)` in unix seconds (open at both ends,
//! checked against the block timestamp), a random 32-byte nonce and an optional reference. Its
//! payment id is `blake2_256(tag ‖ payer ‖ nonce)`. It is authorized by a native
//! `MultiSignature` over a payload bound to this chain's genesis hash and the call's purpose, or
//! by a 65-byte EIP-712 `TransferWithAuthorization` / `ReceiveWithAuthorization` signature
//! against the asset's [`AssetDomain`] and this network's [`EvmChainId`] (set in its chain
//! spec, so a signature made for one network is worthless on another), exactly as stock x402
//! EVM clients sign. An EVM signature names the payee by its 20-byte `to` address: the intent's
//! `payee` must be the account that address pays, and the intent may carry no `reference`.
//!
//! ## A nonce settles once
//!
//! An intent settles only while its `valid_before` is at most [`Config::MaxValidity`] ahead of
//! the block time, and a used nonce's record is kept at least `MaxValidity` after it settled.
//! So any other intent with the same nonce that could have settled when the nonce was used (a
//! replacement the payer signed while the first was pending, say) has expired by the time the
//! record goes: it can never settle. How early a window opens does not matter (stock clients
//! sign `validAfter = 0`).
//!
//! ## Who pays for what
//!
//! Every call is a signed extrinsic: the submitter (a facilitator, or the payee) pays the
//! ordinary transaction fee in the native token, also when the intent is refused, so the calls
//! cannot fill blocks for free. The payer pays nothing but the amount.
//!
//! ## Calls
//!
//! - [`Pallet::transfer_with_authorization`]: anyone settles one intent.
//! - [`Pallet::receive_with_authorization`]: only the payee settles one intent.
//! - [`Pallet::cancel_authorization`]: the payer cancels an unused nonce.
//! - [`Pallet::settle_batch`]: anyone settles up to [`Config::MaxBatch`] intents; each settles
//!   or is rejected on its own, and balances are netted per account and asset.
//! - [`Pallet::close_statement`]: a payee closes a reconciliation period.
//! - [`Pallet::set_asset_domain`]: the admin makes an asset payable by giving its EIP-712 domain.
//! - [`Pallet::register_evm_address`]: a native account claims its derived 20-byte address so
//!   EVM payers can pay it.
//! - [`Pallet::deposit`], [`Pallet::claim`], [`Pallet::settle_channels`], [`Pallet::refund`],
//!   [`Pallet::initiate_withdraw`], [`Pallet::finalize_withdraw`]: x402 `batch-settlement`
//!   channels (see the `channels` module): a payer's ERC-3009 deposit into a channel, the
//!   receiver authorizer's claims of cumulative vouchers, the sweep of claimed funds to the
//!   receiver, the refund of what is unclaimed, and the payer's own exit after the withdraw
//!   delay.
//!
//! ## Storage growth
//!
//! Everything a payment writes goes away on its own: the state is bounded by the settlement
//! rate times the retention, whoever the payee is (EVM payees cannot sign `close_statement`).
//!
//! - [`Authorizations`]: one entry per settled or canceled nonce, keyed by payment id; a settled
//!   one carries the payment's receipt. Used entries are removed in `on_idle` once
//!   [`Config::MaxValidity`] has passed since they settled (no intent with their nonce can be
//!   valid any more) and [`Config::ReceiptRetention`] blocks have passed since they settled.
//!   Canceled entries stay (see [`AuthorizationRecord::Canceled`]): each holds
//!   [`Config::CancellationDeposit`] from whoever submitted it, for as long as it stays, so
//!   their number is bounded by the native currency held for them.
//! - [`LedgerEntries`]: one per settling call and payee paid (listing up to
//!   [`Config::MaxBatch`] payment ids), removed when the payee closes its period or with the
//!   call's receipts, whichever comes first.
//! - [`ExpiryQueue`]: one per settling call, listing what it wrote; `on_idle` removes the due
//!   ones from the front, so pruning reads only what it removes.
//! - [`Statements`]: one entry per closed period (one per payee's signed call); [`Ledgers`]:
//!   one per (payee, asset), as many as the asset has holders.
//!
//! ## Cost per payment
//!
//! Settling an intent writes one storage entry of its own (its nonce record with the receipt)
//! besides the payer's balance; the payee's balance, ledger and ledger entry are written once
//! per call however many intents pay that payee. [`Pallet::settle_batch`] is charged by the
//! number of intents and the number of distinct payees.
//! - [`AssetDomains`], [`EvmAccounts`]: one per payable asset / registered account.
//! - [`Channels`]: one per channel ever funded, kept when emptied (its claimed total makes the
//!   vouchers signed for it worthless should it be funded again); each was created by a
//!   fee-paying deposit of at least the asset's minimum balance. [`Receivers`]: one per
//!   (receiver, asset) ever claimed for.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use polkadot_sdk::{frame_support, frame_system};

pub use pallet::*;

mod channels;
mod queries;
mod settlement;
mod traits;
mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use traits::*;
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{boxed::Box, vec::Vec};
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{self, MutateHold},
			fungibles,
			tokens::Precision,
			UnixTime,
		},
	};
	use frame_system::pallet_prelude::*;
	use polkadot_sdk::sp_core::{H160, H256};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>, AccountId = AccountId>
	{
		/// The assets payments move (`pallet-assets`).
		type Assets: fungibles::Inspect<AccountId, AssetId = AssetId, Balance = Balance>
			+ fungibles::Unbalanced<AccountId>;

		/// The block time, as unix time.
		type Time: UnixTime;

		/// Who may set an asset's EIP-712 domain (root).
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The native currency registration deposits are held in.
		type Currency: fungible::MutateHold<
			AccountId,
			Balance = Balance,
			Reason = Self::RuntimeHoldReason,
		>;

		/// The runtime's hold reasons, of which [`HoldReason`] is part.
		type RuntimeHoldReason: From<HoldReason>;

		/// Held from an account while it is registered for its 20-byte address
		/// ([`EvmAccounts`]): what the entry costs the chain to keep.
		#[pallet::constant]
		type EvmAddressDeposit: Get<Balance>;

		/// Held from whoever submits a cancellation, for as long as its record stays (for
		/// good: EIP-3009 cancellations do not say until when the nonce's intents could be
		/// valid): what the record costs the chain to keep.
		#[pallet::constant]
		type CancellationDeposit: Get<Balance>;

		/// Longest time, in seconds, from a settlement to the `valid_before` of the intent it
		/// settles. A used-nonce record is kept this long after it settled.
		#[pallet::constant]
		type MaxValidity: Get<UnixSeconds>;

		/// Most intents in one `settle_batch`.
		#[pallet::constant]
		type MaxBatch: Get<u32>;

		/// Most ledger entries (settling calls) one `close_statement` takes into a statement.
		#[pallet::constant]
		type MaxStatementEntries: Get<u32>;

		/// Blocks a settled payment's receipt is kept at least, so that it can be cited (for
		/// example by payment-backed feedback) for that long after it settled.
		#[pallet::constant]
		type ReceiptRetention: Get<BlockNumberFor<Self>>;

		/// Keys that spend another account's funds within limits (pallet-mandates): an
		/// intent signed by such a key debits that account.
		type Mandates: SpendingMandates;

		/// Told of every settlement, per payee (for example to keep agents' execution history).
		type OnSettled: OnPaymentsSettled;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates assets and sets the time for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: benchmarking::BenchmarkHelper;
	}

	/// Why this pallet holds a deposit.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A registration of an account's 20-byte address, held from the account.
		EvmAddress,
		/// A canceled nonce's record, held from whoever submitted the cancellation.
		Cancellation,
	}

	/// Each payer's used or canceled nonces, by payment id (a hash of payer and nonce); a used
	/// one holds the payment's receipt.
	#[pallet::storage]
	pub type Authorizations<T: Config> =
		StorageMap<_, Identity, PaymentId, AuthorizationRecord<BlockNumberFor<T>>>;

	/// What each settling call wrote, in settlement order, numbered from 0: the expiry queue
	/// `on_idle` prunes from its front ([`Expiring`]). One entry per settling call.
	#[pallet::storage]
	pub type ExpiryQueue<T: Config> =
		StorageMap<_, Twox64Concat, u64, Expiring<BlockNumberFor<T>, T::MaxBatch>>;

	/// The entries [`ExpiryQueue`] holds.
	#[pallet::storage]
	pub type ExpiryBounds<T: Config> = StorageValue<_, QueueBounds, ValueQuery>;

	/// Each payee's open ledger entries per asset, by entry number.
	#[pallet::storage]
	pub type LedgerEntries<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, AccountId>,
			NMapKey<Blake2_128Concat, AssetId>,
			NMapKey<Twox64Concat, u64>,
		),
		LedgerEntry<BlockNumberFor<T>, T::MaxBatch>,
	>;

	/// Each payee's running ledger per asset.
	#[pallet::storage]
	pub type Ledgers<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		AccountId,
		Blake2_128Concat,
		AssetId,
		Ledger,
		ValueQuery,
	>;

	/// Closed statements per payee and asset, numbered from 0.
	#[pallet::storage]
	pub type Statements<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, AccountId>,
			NMapKey<Blake2_128Concat, AssetId>,
			NMapKey<Twox64Concat, u32>,
		),
		Statement<Balance, BlockNumberFor<T>, H256>,
	>;

	/// This network's EVM chain id: the `chainId` of its EIP-712 domains and the number in its
	/// x402 network `eip155:<chain id>`. Set at genesis from the chain spec; one value per
	/// network.
	#[pallet::storage]
	pub type EvmChainId<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// The EIP-712 domain of each payable asset. An asset without one cannot be paid in.
	#[pallet::storage]
	pub type AssetDomains<T: Config> = StorageMap<_, Blake2_128Concat, AssetId, AssetDomain>;

	/// Native accounts registered for their derived 20-byte address
	/// ([`evm_address::address_of`]), so that a payment to that address reaches them.
	#[pallet::storage]
	pub type EvmAccounts<T: Config> = StorageMap<_, Identity, H160, AccountId>;

	/// Every channel ever funded, by id: its balance, claimed total, pending withdrawal and
	/// refund count. One entry per channel, kept when the channel is emptied (its claimed total
	/// makes the vouchers signed for it worthless should it be funded again); each was created
	/// by a fee-paying deposit of at least the asset's minimum balance.
	#[pallet::storage]
	pub type Channels<T: Config> = StorageMap<_, Identity, ChannelId, ChannelState>;

	/// What claims credited each receiver address per asset and what was paid out to it. One
	/// entry per (receiver, asset) ever claimed for, as [`Ledgers`] has per payee.
	#[pallet::storage]
	pub type Receivers<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		H160,
		Blake2_128Concat,
		AssetId,
		ReceiverTotals,
		ValueQuery,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// This network's EVM chain id ([`EvmChainId`]), unique to the network.
		pub evm_chain_id: u64,
		/// Payable assets with their EIP-712 name and version.
		pub asset_domains: Vec<(AssetId, Vec<u8>, Vec<u8>)>,
		/// Native accounts registered for their derived addresses.
		pub evm_accounts: Vec<AccountId>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// Zero (a spec that forgot to set it) is stored as it is; the node refuses to start
			// a chain with it.
			EvmChainId::<T>::put(self.evm_chain_id);
			for (asset, name, version) in &self.asset_domains {
				let domain = AssetDomain {
					name: name.clone().try_into().expect("genesis domain name fits the limit"),
					version: version
						.clone()
						.try_into()
						.expect("genesis domain version fits the limit"),
				};
				AssetDomains::<T>::insert(asset, domain);
			}
			for account in &self.evm_accounts {
				EvmAccounts::<T>::insert(evm_address::address_of(account.as_ref()), account);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A payment settled.
		Settled {
			payment_id: PaymentId,
			payer: AccountId,
			payee: AccountId,
			asset: AssetId,
			amount: Balance,
			reference: Option<PaymentReference>,
			/// When `payer` is a delegate key: the root whose funds paid, and the mandates.
			mandate: Option<MandatedSpend>,
		},
		/// An item of a `settle_batch` was refused; the other items are unaffected.
		Rejected { index: u32, payment_id: PaymentId, reason: IntentError },
		/// A `settle_batch` finished.
		BatchProcessed { settled: u32, rejected: u32 },
		/// A payer canceled an unused nonce.
		AuthorizationCanceled { payer: AccountId, nonce: AuthorizationNonce },
		/// A payee closed a reconciliation period.
		StatementClosed {
			payee: AccountId,
			asset: AssetId,
			index: u32,
			statement: Statement<Balance, BlockNumberFor<T>, H256>,
		},
		/// An asset became payable (or its EIP-712 domain changed).
		AssetDomainSet { asset: AssetId, name: Vec<u8>, version: Vec<u8> },
		/// A native account registered its derived 20-byte address.
		EvmAddressRegistered { account: AccountId, address: H160 },
		/// `account` gave up its address; its deposit is released.
		EvmAddressUnregistered { account: AccountId, address: H160 },
		/// A payer funded a channel.
		ChannelDeposited { channel: ChannelId, payer: H160, amount: Balance, balance: Balance },
		/// A claim credited a channel's receiver.
		ChannelClaimed {
			channel: ChannelId,
			receiver: H160,
			amount: Balance,
			total_claimed: Balance,
		},
		/// A receiver was paid what claims credited it.
		ChannelsSettled { receiver: H160, asset: AssetId, amount: Balance },
		/// A channel's payer got back part of its unclaimed balance.
		ChannelRefunded { channel: ChannelId, payer: H160, amount: Balance, balance: Balance },
		/// A channel's payer asked to withdraw; it may finalize from `due` (unix seconds).
		ChannelWithdrawRequested { channel: ChannelId, payer: H160, due: UnixSeconds },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The block time is not yet after the intent's `valid_after`.
		NotYetValid,
		/// The block time is not before the intent's `valid_before`.
		Expired,
		/// The intent's `valid_before` is more than `MaxValidity` ahead.
		ValidityTooLong,
		/// The payer's nonce was already used.
		NonceUsed,
		/// The payer canceled this nonce.
		NonceCanceled,
		/// The asset is not payable: it has no EIP-712 domain here.
		UnknownAsset,
		/// The amount is zero.
		ZeroAmount,
		/// Payer and payee are the same account.
		SelfPayment,
		/// The signature does not verify for this payer, intent, purpose and chain, or an EVM
		/// signature's `to` does not pay the intent's payee.
		BadSignature,
		/// An EVM signature was given for a payer that is not an EVM account.
		NotAnEvmPayer,
		/// The payer's balance does not cover the amount.
		InsufficientFunds,
		/// The payee cannot receive the amount.
		CannotReceive,
		/// Only the payee may submit this call.
		NotThePayee,
		/// An EVM-signed intent carries a reference its signature does not cover.
		UnsignedReference,
		/// The payment would leave the payer a balance below the asset's minimum but above zero.
		DustRemainder,
		/// A batch with no items.
		EmptyBatch,
		/// `up_to_block` is in the future.
		FutureBlock,
		/// No open receipt up to that block.
		NothingToClose,
		/// The EIP-712 name or version is longer than the limit.
		DomainTooLong,
		/// The asset does not exist.
		AssetNotFound,
		/// The account is already registered for its address.
		AlreadyRegistered,
		/// EVM accounts (ending in `0xEE` × 12) are their address already.
		EvmAccountCannotRegister,
		/// The account cannot put the deposit on hold (a registration's or a cancellation's).
		CannotHoldDeposit,
		/// The account is not registered for its address.
		NotRegistered,
		/// A mandate the payer key spends through has expired.
		MandateExpired,
		/// A mandate the payer key spends through was revoked.
		MandateRevoked,
		/// The payment's asset is not its mandate's.
		MandateWrongAsset,
		/// The payment is over a mandate's cap per payment.
		OverPaymentCap,
		/// The payment would take a mandate's period over its budget.
		OverPeriodBudget,
		/// A mandate's period has all the payments it allows.
		OverPaymentCount,
		/// The payment would take a mandate over its lifetime total.
		OverLifetimeTotal,
		/// A mandate does not allow this payee.
		PayeeNotAllowed,
		/// The amount is over what the payer's `upto` permit allows.
		OverPermitted,
		/// An `upto` permit names another facilitator than the submitter.
		WrongFacilitator,
		/// The channel was never funded.
		ChannelNotFound,
		/// The channel's withdraw delay is out of range.
		WithdrawDelayOutOfRange,
		/// The channel's token is not an asset channels may hold here.
		UnknownToken,
		/// A voucher's signature is not the channel's payer authorizer's.
		BadVoucherSignature,
		/// A claim is above the channel's balance.
		CumulativeExceedsBalance,
		/// A claim does not go above what the channel has claimed already.
		CumulativeBelowClaimed,
		/// A claim is above its voucher's ceiling.
		ClaimAboveVoucher,
		/// Only the channel's receiver authorizer may claim or refund.
		NotReceiverAuthorizer,
		/// The refund names another nonce than the channel's next.
		WrongRefundNonce,
		/// Nothing of the channel's balance is left to refund.
		NothingToRefund,
		/// The receiver has nothing claimed and not yet paid out.
		NothingToSettle,
		/// A claim without vouchers.
		NothingToClaim,
		/// More claims than one call takes.
		TooManyClaims,
		/// The withdraw request is not the payer's for the channel's refund nonce.
		BadWithdrawSignature,
		/// The payer has already asked to withdraw.
		WithdrawPending,
		/// No withdrawal was asked for, or its delay has not passed.
		WithdrawNotDue,
	}

	impl<T> From<ChannelError> for Error<T> {
		fn from(reason: ChannelError) -> Self {
			match reason {
				ChannelError::ChannelNotFound => Error::ChannelNotFound,
				ChannelError::WithdrawDelayOutOfRange => Error::WithdrawDelayOutOfRange,
				ChannelError::UnknownToken => Error::UnknownToken,
				ChannelError::BadVoucherSignature => Error::BadVoucherSignature,
				ChannelError::CumulativeExceedsBalance => Error::CumulativeExceedsBalance,
				ChannelError::CumulativeBelowClaimed => Error::CumulativeBelowClaimed,
				ChannelError::ClaimAboveVoucher => Error::ClaimAboveVoucher,
				ChannelError::NotReceiverAuthorizer => Error::NotReceiverAuthorizer,
				ChannelError::WrongRefundNonce => Error::WrongRefundNonce,
				ChannelError::NothingToRefund => Error::NothingToRefund,
				ChannelError::NothingToSettle => Error::NothingToSettle,
				ChannelError::NothingToClaim => Error::NothingToClaim,
				ChannelError::BadWithdrawSignature => Error::BadWithdrawSignature,
				ChannelError::WithdrawPending => Error::WithdrawPending,
				ChannelError::WithdrawNotDue => Error::WithdrawNotDue,
			}
		}
	}

	/// [`EvmChainId`] as a `Get`, for configuration items of other pallets (agents' wallet
	/// proofs are signed against the same chain id).
	pub struct EvmChainIdOf<T>(core::marker::PhantomData<T>);

	impl<T: Config> Get<u64> for EvmChainIdOf<T> {
		fn get() -> u64 {
			EvmChainId::<T>::get()
		}
	}

	impl<T: Config> Pallet<T> {
		/// What `settle_batch(items)` is charged before it runs: every item settling through
		/// a mandate, each distinct (payee, asset) pair once, with the [`Config::OnSettled`]
		/// hook at its dearest.
		pub fn settle_batch_weight(items: &[(Intent, IntentSignature)]) -> Weight {
			let payees = items
				.iter()
				.map(|(intent, _)| (&intent.payee, intent.asset))
				.collect::<alloc::collections::BTreeSet<_>>()
				.len() as u32;
			T::WeightInfo::settle_batch((items.len() as u32).saturating_sub(payees), payees)
				.saturating_add(T::OnSettled::weight().saturating_mul(payees.into()))
				.saturating_add(
					T::Mandates::item_weight(true).saturating_mul((items.len() as u64).into()),
				)
		}

		/// What a call settling one intent is charged besides its own benchmark: the hook and
		/// a mandate at their dearest.
		pub fn single_settlement_extra() -> Weight {
			T::OnSettled::weight().saturating_add(T::Mandates::item_weight(true))
		}
	}

	impl<T> From<IntentError> for Error<T> {
		fn from(reason: IntentError) -> Self {
			match reason {
				IntentError::NotYetValid => Error::NotYetValid,
				IntentError::Expired => Error::Expired,
				IntentError::ValidityTooLong => Error::ValidityTooLong,
				IntentError::NonceUsed => Error::NonceUsed,
				IntentError::NonceCanceled => Error::NonceCanceled,
				IntentError::UnknownAsset => Error::UnknownAsset,
				IntentError::ZeroAmount => Error::ZeroAmount,
				IntentError::SelfPayment => Error::SelfPayment,
				IntentError::BadSignature => Error::BadSignature,
				IntentError::NotAnEvmPayer => Error::NotAnEvmPayer,
				IntentError::InsufficientFunds => Error::InsufficientFunds,
				IntentError::CannotReceive => Error::CannotReceive,
				IntentError::NotThePayee => Error::NotThePayee,
				IntentError::UnsignedReference => Error::UnsignedReference,
				IntentError::DustRemainder => Error::DustRemainder,
				IntentError::Mandate(refusal) => match refusal {
					MandateRefusal::Expired => Error::MandateExpired,
					MandateRefusal::Revoked => Error::MandateRevoked,
					MandateRefusal::WrongAsset => Error::MandateWrongAsset,
					MandateRefusal::OverPaymentCap => Error::OverPaymentCap,
					MandateRefusal::OverPeriodBudget => Error::OverPeriodBudget,
					MandateRefusal::OverPaymentCount => Error::OverPaymentCount,
					MandateRefusal::OverLifetimeTotal => Error::OverLifetimeTotal,
					MandateRefusal::PayeeNotAllowed => Error::PayeeNotAllowed,
				},
				IntentError::OverPermitted => Error::OverPermitted,
				IntentError::WrongFacilitator => Error::WrongFacilitator,
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_idle(_n: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::prune_expired(remaining)
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Settles one intent authorized for [`Purpose::Transfer`].
		///
		/// - Origin: signed, by anyone (typically a facilitator); it pays the fee.
		/// - Effects: moves `intent.amount` from payer to payee, marks the nonce used, records
		///   a receipt in the payee's ledger.
		/// - Events: [`Event::Settled`].
		/// - Errors: any of the intent errors ([`IntentError`]), in the order settlement
		///   checks them.
		/// - Complexity: O(1); one signature check.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::transfer_with_authorization().saturating_add(Pallet::<T>::single_settlement_extra()))]
		pub fn transfer_with_authorization(
			origin: OriginFor<T>,
			intent: Box<Intent>,
			signature: IntentSignature,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::settle_one(*intent, signature, Purpose::Transfer, who)
		}

		/// Settles one intent authorized for [`Purpose::Receive`]; only its payee may submit
		/// it, so nobody can front-run the payee's own processing of the payment.
		///
		/// - Origin: signed, by `intent.payee`.
		/// - Effects, events, complexity: as [`Pallet::transfer_with_authorization`].
		/// - Errors: [`Error::NotThePayee`], then the intent errors.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::receive_with_authorization().saturating_add(Pallet::<T>::single_settlement_extra()))]
		pub fn receive_with_authorization(
			origin: OriginFor<T>,
			intent: Box<Intent>,
			signature: IntentSignature,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(who == intent.payee, Error::<T>::NotThePayee);
			Self::settle_one(*intent, signature, Purpose::Receive, who)
		}

		/// Cancels the payer's unused `nonce`, so no intent with it can settle.
		///
		/// - Origin: signed, by anyone; the payer's signature over the cancel payload (native)
		///   or EIP-712 `CancelAuthorization` (EVM, against `asset`'s domain) authorizes it.
		/// - Effects: records the nonce as canceled, for good; holds
		///   [`Config::CancellationDeposit`] from the origin for as long as the record stays.
		/// - Events: [`Event::AuthorizationCanceled`].
		/// - Errors: [`Error::NonceUsed`], [`Error::NonceCanceled`], [`Error::UnknownAsset`]
		///   (EVM), [`Error::NotAnEvmPayer`], [`Error::BadSignature`],
		///   [`Error::CannotHoldDeposit`].
		/// - Complexity: O(1); one signature check.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::cancel_authorization())]
		pub fn cancel_authorization(
			origin: OriginFor<T>,
			payer: AccountId,
			nonce: AuthorizationNonce,
			asset: AssetId,
			signature: IntentSignature,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let payment_id = agentchain_primitives::x402::payment_id(&payer, &nonce);
			Self::check_unused(payment_id).map_err(Error::<T>::from)?;
			Self::check_cancel_signature(&payer, &nonce, asset, &signature)
				.map_err(Error::<T>::from)?;
			Self::hold_deposit(HoldReason::Cancellation, &who, T::CancellationDeposit::get())?;
			Authorizations::<T>::insert(payment_id, AuthorizationRecord::Canceled);
			Self::deposit_event(Event::AuthorizationCanceled { payer, nonce });
			Ok(())
		}

		/// Settles up to `MaxBatch` intents from any payers, each authorized for
		/// [`Purpose::Transfer`].
		///
		/// - Origin: signed, by anyone (the facilitator); it pays the fee.
		/// - Effects: each item is checked on its own, against the balances left by the items
		///   before it, exactly as if the items settled one by one; items that pass settle,
		///   items that fail are skipped. No item can make the call fail. Debits and credits
		///   are netted, so each touched (account, asset) balance is written once.
		/// - Events: [`Event::Settled`] per settled item, [`Event::Rejected`] per refused
		///   item (with its index and reason), then [`Event::BatchProcessed`].
		/// - Errors: [`Error::EmptyBatch`]; a refused item is not an error.
		/// - Complexity: O(n log n) in items; charged per item and per distinct payee, and
		///   refunded down to what the settled and rejected items cost.
		#[pallet::call_index(3)]
		#[pallet::weight(Pallet::<T>::settle_batch_weight(items))]
		pub fn settle_batch(
			origin: OriginFor<T>,
			items: BoundedVec<(Intent, IntentSignature), T::MaxBatch>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			ensure!(!items.is_empty(), Error::<T>::EmptyBatch);
			let charged = Self::settle_batch_weight(&items);
			let settlement = Self::settle(items.into_inner(), Purpose::Transfer, Some(who));
			let (mut settled, mut rejected) = (0u32, 0u32);
			for (index, (payment_id, outcome)) in settlement.outcomes.into_iter().enumerate() {
				match outcome {
					Ok(()) => settled += 1,
					Err(reason) => {
						rejected += 1;
						Self::deposit_event(Event::Rejected {
							index: index as u32,
							payment_id,
							reason,
						});
					},
				}
			}
			Self::deposit_event(Event::BatchProcessed { settled, rejected });
			let payees = settlement.payees;
			let actual = T::WeightInfo::settle_batch(settled.saturating_sub(payees), payees)
				.saturating_add(settlement.hook_weight)
				// Only the per-item part: its base is the call's, already in `settle_batch`.
				.saturating_add(
					T::WeightInfo::settle_batch_rejected(rejected)
						.saturating_sub(T::WeightInfo::settle_batch_rejected(0)),
				);
			Ok(Some(actual.min(charged)).into())
		}

		/// Closes the payee's open reconciliation period for `asset` up to `up_to_block`.
		///
		/// Optional: open entries and their receipts go away after `ReceiptRetention` blocks
		/// whether or not a statement takes them; a statement keeps their count, total and
		/// commitment for good.
		///
		/// - Origin: signed, by the payee.
		/// - Effects: takes the open ledger entries settled at or before `up_to_block`, at most
		///   `MaxStatementEntries` of them, into a new [`Statement`] with their count, total and
		///   hash-chain commitment, and removes them. The receipts they list are removed by the
		///   `on_idle` sweep once due.
		/// - Events: [`Event::StatementClosed`].
		/// - Errors: [`Error::FutureBlock`], [`Error::NothingToClose`].
		/// - Complexity: O(n) in the entries taken.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::close_statement(T::MaxStatementEntries::get()))]
		pub fn close_statement(
			origin: OriginFor<T>,
			asset: AssetId,
			up_to_block: BlockNumberFor<T>,
		) -> DispatchResultWithPostInfo {
			let payee = ensure_signed(origin)?;
			ensure!(
				up_to_block <= frame_system::Pallet::<T>::block_number(),
				Error::<T>::FutureBlock
			);
			let taken = Self::close(payee, asset, up_to_block)?;
			Ok(Some(T::WeightInfo::close_statement(taken)).into())
		}

		/// Makes `asset` payable, with the EIP-712 domain name and version EVM wallets sign
		/// against (x402's `extra.name` and `extra.version`).
		///
		/// - Origin: [`Config::AdminOrigin`].
		/// - Effects: stores the domain; intents in the asset are accepted from now on.
		/// - Events: [`Event::AssetDomainSet`].
		/// - Errors: [`Error::AssetNotFound`], [`Error::DomainTooLong`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_asset_domain())]
		pub fn set_asset_domain(
			origin: OriginFor<T>,
			asset: AssetId,
			name: Vec<u8>,
			version: Vec<u8>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(
				<T::Assets as fungibles::Inspect<AccountId>>::asset_exists(asset),
				Error::<T>::AssetNotFound
			);
			let domain = AssetDomain {
				name: name.clone().try_into().map_err(|_| Error::<T>::DomainTooLong)?,
				version: version.clone().try_into().map_err(|_| Error::<T>::DomainTooLong)?,
			};
			AssetDomains::<T>::insert(asset, domain);
			Self::deposit_event(Event::AssetDomainSet { asset, name, version });
			Ok(())
		}

		/// Registers the caller for its derived 20-byte address, so that EVM intents paying
		/// that address (`to`) credit the caller.
		///
		/// - Origin: signed, by a native account.
		/// - Effects: stores address → account; holds [`Config::EvmAddressDeposit`] from it.
		/// - Events: [`Event::EvmAddressRegistered`].
		/// - Errors: [`Error::EvmAccountCannotRegister`], [`Error::AlreadyRegistered`],
		///   [`Error::CannotHoldDeposit`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::register_evm_address())]
		pub fn register_evm_address(origin: OriginFor<T>) -> DispatchResult {
			let account = ensure_signed(origin)?;
			ensure!(
				evm_address::embedded_address(account.as_ref()).is_none(),
				Error::<T>::EvmAccountCannotRegister
			);
			let address = evm_address::address_of(account.as_ref());
			ensure!(!EvmAccounts::<T>::contains_key(address), Error::<T>::AlreadyRegistered);
			Self::hold_deposit(HoldReason::EvmAddress, &account, T::EvmAddressDeposit::get())?;
			EvmAccounts::<T>::insert(address, &account);
			Self::deposit_event(Event::EvmAddressRegistered { account, address });
			Ok(())
		}

		/// Gives up the caller's registration for its 20-byte address: EVM intents paying that
		/// address credit the account that embeds it again.
		///
		/// - Origin: signed, by the registered account.
		/// - Effects: removes address → account; releases what the registration holds.
		/// - Events: [`Event::EvmAddressUnregistered`].
		/// - Errors: [`Error::NotRegistered`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::unregister_evm_address())]
		pub fn unregister_evm_address(origin: OriginFor<T>) -> DispatchResult {
			let account = ensure_signed(origin)?;
			let address = evm_address::address_of(account.as_ref());
			ensure!(
				EvmAccounts::<T>::get(address).as_ref() == Some(&account),
				Error::<T>::NotRegistered
			);
			EvmAccounts::<T>::remove(address);
			// All of this reason's hold: an account registers one address, and whatever the
			// deposit was when it registered is what it gets back (none for genesis entries).
			let reason = HoldReason::EvmAddress.into();
			let held = <T::Currency as fungible::InspectHold<AccountId>>::balance_on_hold(
				&reason, &account,
			);
			if held > 0 {
				let _ = T::Currency::release(&reason, &account, held, Precision::BestEffort);
			}
			Self::deposit_event(Event::EvmAddressUnregistered { account, address });
			Ok(())
		}

		/// Funds the channel of `config` with `amount` from its payer, on the strength of the
		/// payer's ERC-3009 `ReceiveWithAuthorization` to the deposit collector (what stock
		/// `batch-settlement` clients sign), creating the channel on its first deposit.
		///
		/// - Origin: signed, by anyone (the facilitator); it pays the fee.
		/// - Effects: settles the authorization as an intent from the payer to channel custody
		///   (its nonce is used and its receipt kept as any payment's), and adds `amount` to the
		///   channel's balance.
		/// - Events: [`Event::Settled`], [`Event::ChannelDeposited`].
		/// - Errors: [`Error::WithdrawDelayOutOfRange`], [`Error::UnknownToken`], then the
		///   intent errors ([`IntentError`]).
		/// - Complexity: O(1); one signature check.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::deposit()
			.saturating_add(Pallet::<T>::single_settlement_extra()))]
		pub fn deposit(
			origin: OriginFor<T>,
			config: ChannelConfig,
			amount: Balance,
			authorization: DepositAuthorization,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::execute_call(ChannelCall::Deposit { config, amount, authorization }, who)
		}

		/// Claims vouchers: takes each channel's claimed total up to the claim's
		/// `total_claimed`, crediting the difference to the channel's receiver (paid out by
		/// [`Pallet::settle_channels`]). All or none.
		///
		/// - Origin: signed, by the receiver authorizer of every claimed channel (the account
		///   whose 20-byte address the channels name).
		/// - Effects: raises each channel's claimed total and its receiver's credited total.
		/// - Events: [`Event::ChannelClaimed`] per claim.
		/// - Errors: [`Error::NothingToClaim`], [`Error::UnknownToken`],
		///   [`Error::ChannelNotFound`], [`Error::NotReceiverAuthorizer`],
		///   [`Error::BadVoucherSignature`], [`Error::ClaimAboveVoucher`],
		///   [`Error::CumulativeExceedsBalance`], [`Error::CumulativeBelowClaimed`].
		/// - Complexity: O(n) in claims; one signature check each.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::claim(claims.len() as u32))]
		pub fn claim(
			origin: OriginFor<T>,
			claims: BoundedVec<VoucherClaim, T::MaxBatch>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::execute_call(ChannelCall::Claim { claims: claims.into_inner() }, who)
		}

		/// Pays `receiver` everything claims credited it in `asset` and it was not yet paid.
		///
		/// - Origin: signed, by anyone; the funds can only go to the receiver.
		/// - Effects: moves the amount from channel custody to the account of `receiver`.
		/// - Events: [`Event::ChannelsSettled`].
		/// - Errors: [`Error::NothingToSettle`], [`Error::CannotReceive`].
		/// - Complexity: O(1).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::settle_channels())]
		pub fn settle_channels(
			origin: OriginFor<T>,
			receiver: H160,
			asset: AssetId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::execute_call(ChannelCall::Settle { receiver, asset }, who)
		}

		/// Claims `claims`, then refunds up to `amount` of what is left unclaimed in the
		/// channel of `config` to its payer: a cooperative close (or partial refund) by the
		/// receiver's side, so it needs no withdraw delay.
		///
		/// - Origin: signed, by the channel's receiver authorizer.
		/// - Effects: as [`Pallet::claim`] for `claims`; then moves the refund from custody to
		///   the payer, lowers the balance and counts the refund (`refund_nonce` + 1).
		/// - Events: [`Event::ChannelClaimed`] per claim, [`Event::ChannelRefunded`].
		/// - Errors: those of [`Pallet::claim`], [`Error::WrongRefundNonce`],
		///   [`Error::NothingToRefund`].
		/// - Complexity: O(n) in claims.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::refund(claims.len() as u32))]
		pub fn refund(
			origin: OriginFor<T>,
			config: ChannelConfig,
			amount: Balance,
			refund_nonce: u64,
			claims: BoundedVec<VoucherClaim, T::MaxBatch>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let claims = claims.into_inner();
			Self::execute_call(ChannelCall::Refund { config, amount, refund_nonce, claims }, who)
		}

		/// Starts the payer's withdrawal from the channel of `config`, on its EIP-712
		/// `WithdrawRequest(channelId, nonce)` in the batch-settlement domain (`nonce` the
		/// channel's refund nonce): after the channel's withdraw delay, anyone may return the
		/// unclaimed balance to the payer with [`Pallet::finalize_withdraw`]. Until then the
		/// receiver's side claims what it is owed.
		///
		/// - Origin: signed, by anyone (the payer holds no native token); it pays the fee.
		/// - Effects: records when the withdrawal was asked for.
		/// - Events: [`Event::ChannelWithdrawRequested`].
		/// - Errors: [`Error::ChannelNotFound`], [`Error::BadWithdrawSignature`],
		///   [`Error::WithdrawPending`].
		/// - Complexity: O(1); one signature check.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::initiate_withdraw())]
		pub fn initiate_withdraw(
			origin: OriginFor<T>,
			config: ChannelConfig,
			signature: agentchain_primitives::x402::EvmSignature,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::execute_call(ChannelCall::InitiateWithdraw { config, signature }, who)
		}

		/// Returns the unclaimed balance of the channel of `config` to its payer once the
		/// withdraw delay has passed since the payer asked.
		///
		/// - Origin: signed, by anyone.
		/// - Effects: moves the unclaimed balance from custody to the payer, counts it in the
		///   refund nonce and ends the withdrawal.
		/// - Events: [`Event::ChannelRefunded`].
		/// - Errors: [`Error::ChannelNotFound`], [`Error::WithdrawNotDue`],
		///   [`Error::NothingToRefund`].
		/// - Complexity: O(1).
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::finalize_withdraw())]
		pub fn finalize_withdraw(origin: OriginFor<T>, config: ChannelConfig) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::execute_call(ChannelCall::FinalizeWithdraw { config }, who)
		}
	}

	impl<T: Config> Pallet<T> {
		/// [`Pallet::execute`] as a call's result.
		fn execute_call(call: ChannelCall, who: AccountId) -> DispatchResult {
			Self::execute(call, who).map(|_| ()).map_err(|refusal| match refusal {
				ChannelRefusal::Intent(reason) => Error::<T>::from(reason).into(),
				ChannelRefusal::Channel(reason) => Error::<T>::from(reason).into(),
				ChannelRefusal::TooManyClaims => Error::<T>::TooManyClaims.into(),
			})
		}

		/// Holds `deposit` from `who` for `reason`; nothing when the deposit is zero.
		fn hold_deposit(reason: HoldReason, who: &AccountId, deposit: Balance) -> DispatchResult {
			if deposit > 0 {
				T::Currency::hold(&reason.into(), who, deposit)
					.map_err(|_| Error::<T>::CannotHoldDeposit)?;
			}
			Ok(())
		}
	}
}
