//! # Mandates pallet
//!
//! Spending mandates: a root account lets a delegate key spend its funds within limits the
//! chain enforces on every payment, so an agent needs nothing but a stock x402 client and a key
//! that holds no money (user → agent → session, as Kite's three-layer identity).
//!
//! ## Mandates
//!
//! A root grants a delegate key a [`Mandate`]: the asset, a cap per payment, a budget per
//! period and the period's length, an optional cap on payments per period, an optional lifetime
//! total, an expiry, an optional payee allowlist and an optional list of x402 endpoints
//! ([`MandateTerms`]). A native root signs [`Pallet::grant`]; an EVM root, whose key cannot
//! sign an extrinsic, signs an EIP-712 `MandateGrant` that anyone submits
//! ([`Pallet::grant_signed`]). A delegate grants a further key a session the same way: never
//! wider than its own mandate, and counted against it.
//!
//! ## Payments
//!
//! An x402 intent whose payer is a delegate key (as a stock client signs it with that key)
//! debits the root, once every mandate from the delegate's up to the root's allows it: not
//! expired, the asset, the cap per payment, the period's budget and payment count, the lifetime
//! total, the payee. pallet-x402 asks through [`pallet_x402::SpendingMandates`], which this
//! pallet implements; within one settlement each item is checked after the items before it. A
//! key that holds a mandate spends only through it. Endpoints are enforced by facilitators
//! (only they see the resource paid for); the chain enforces the payees.
//!
//! ## Revocation and expiry
//!
//! The root (or, for a session, the delegate that granted it) revokes a mandate and every
//! session under it in one call ([`Pallet::revoke`], or [`Pallet::revoke_signed`] for EVM
//! roots and delegates); from the block that includes it, nothing it allowed settles, and its
//! delegate keys' payments are refused as revoked until the mandate would have expired.
//! Expired mandates are removed in `on_idle`.
//!
//! ## Storage growth
//!
//! Each mandate is paid for by a deposit held from whoever granted it (or submitted the signed
//! grant): `ItemDeposit` per storage item and `ByteDeposit` per byte, returned when it goes
//! (revoked or expired). Per mandate: [`MandateRecords`], [`Usage`], [`MandateOf`], [`RootMandates`],
//! [`Expiring`], and [`Sessions`] for a session (at most [`Config::MaxSessions`] per mandate).
//! A revoked mandate leaves its [`MandateOf`] and [`Expiring`] entries (about 120 bytes) until
//! its expiry, at most [`Config::MaxLifetime`] after the grant.
//! [`SignedGrants`] keeps one counter per EVM account that ever signed a grant, so each grant
//! message counts once.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use polkadot_sdk::{frame_support, frame_system};

pub use agentchain_primitives::mandates::*;
pub use pallet::*;

mod expiry;
mod grants;
mod queries;
mod spending;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use agentchain_primitives::{x402::EvmSignature, AccountId, Balance};
	use alloc::boxed::Box;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, UnixTime},
	};
	use frame_system::pallet_prelude::*;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>, AccountId = AccountId>
	{
		/// The native currency deposits are held in.
		type Currency: fungible::MutateHold<
			AccountId,
			Balance = Balance,
			Reason = Self::RuntimeHoldReason,
		>;

		/// The runtime's hold reasons, of which [`HoldReason`] is part.
		type RuntimeHoldReason: From<HoldReason>;

		/// Which agent a payee is the wallet of, for [`PayeeRule::Agent`] (pallet-agents).
		type Agents: AgentOfWallet;

		/// The block time, as unix time.
		type Time: UnixTime;

		/// This chain's EVM chain id: the `chainId` of the EIP-712 domain of signed grants.
		#[pallet::constant]
		type EvmChainId: Get<u64>;

		/// Deposit per storage item.
		#[pallet::constant]
		type ItemDeposit: Get<Balance>;

		/// Deposit per stored byte.
		#[pallet::constant]
		type ByteDeposit: Get<Balance>;

		/// Most sessions under one mandate.
		#[pallet::constant]
		type MaxSessions: Get<u32>;

		/// Longest a mandate may run, in seconds from its grant.
		#[pallet::constant]
		type MaxLifetime: Get<UnixSeconds>;

		/// Weights of this pallet's calls and of the checks settlement makes.
		type WeightInfo: WeightInfo;

		/// Sets the time for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: benchmarking::BenchmarkHelper;
	}

	/// Why this pallet holds a deposit.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A mandate's storage, held from whoever granted it.
		Mandate,
	}

	/// The number the next mandate gets.
	#[pallet::storage]
	pub type NextMandateId<T: Config> = StorageValue<_, MandateId, ValueQuery>;

	/// Granted mandates.
	#[pallet::storage]
	pub type MandateRecords<T: Config> = StorageMap<_, Twox64Concat, MandateId, Mandate>;

	/// What each mandate's delegate has spent: a small value of its own, so that a payment
	/// writes nothing else.
	#[pallet::storage]
	pub type Usage<T: Config> = StorageMap<_, Twox64Concat, MandateId, MandateUsage>;

	/// The mandate each delegate key spends through (one per key). A revoked mandate's entry
	/// stays until the mandate would have expired, so that the key's payments are refused as
	/// revoked rather than tried against the key's own funds.
	#[pallet::storage]
	pub type MandateOf<T: Config> = StorageMap<_, Blake2_128Concat, AccountId, MandateId>;

	/// The mandates over each root's funds, for listing.
	#[pallet::storage]
	pub type RootMandates<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, AccountId, Twox64Concat, MandateId, ()>;

	/// The sessions under each mandate: removed with it.
	#[pallet::storage]
	pub type Sessions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, MandateId, Twox64Concat, MandateId, ()>;

	/// Mandates by the hour their expiry falls in ([`expiry::HOUR`]), with their delegate
	/// key, for `on_idle`.
	#[pallet::storage]
	pub type Expiring<T: Config> =
		StorageDoubleMap<_, Twox64Concat, u64, Twox64Concat, MandateId, AccountId>;

	/// The first hour whose expired mandates may not all be removed yet; 0 before any grant.
	#[pallet::storage]
	pub type ExpiryCursor<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// How many signed grants each EVM account has made: the nonce of its next one.
	#[pallet::storage]
	pub type SignedGrants<T: Config> = StorageMap<_, Blake2_128Concat, AccountId, u64, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A mandate was granted: `parent` is `Some` for a session.
		Granted {
			mandate: MandateId,
			root: AccountId,
			delegate: AccountId,
			parent: Option<MandateId>,
			depositor: AccountId,
		},
		/// A mandate was revoked by `by` (with it, every session under it, each with its own
		/// event); its deposit went back.
		Revoked { mandate: MandateId, by: AccountId },
		/// An expired mandate was removed; its deposit went back.
		Expired { mandate: MandateId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No mandate has this number (revoked, expired or never granted).
		UnknownMandate,
		/// The key already spends through a mandate.
		DelegateTaken,
		/// A key cannot be its own delegate.
		SelfDelegation,
		/// The expiry is not in the future, or further than `MaxLifetime`.
		BadExpiry,
		/// The period is zero.
		ZeroPeriod,
		/// The cap per payment or the budget is zero.
		ZeroLimit,
		/// A session's terms are wider than its parent's (limits, payees, endpoints, expiry).
		WiderThanParent,
		/// Sessions cannot have sessions.
		TooDeep,
		/// The mandate has `MaxSessions` sessions already.
		TooManySessions,
		/// Only the root, or the delegate that granted a session, may revoke it.
		NotAllowedToRevoke,
		/// The signer of a signed message is not an EVM account.
		NotAnEvmAccount,
		/// The EIP-712 signature does not verify.
		BadSignature,
		/// A signed message's deadline has passed, or is too far ahead.
		BadDeadline,
		/// The deposit cannot be put on hold.
		CannotHoldDeposit,
		/// The delegate key's consent is missing its signature, or past its deadline: a key
		/// is bound to a mandate only with its own signature.
		BadDelegateConsent,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_idle(_: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::remove_expired(remaining)
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Grants `delegate` a mandate with `terms`: over the caller's funds, or, when the
		/// caller is itself a delegate, a session under its mandate (over its root's funds).
		/// `consent` is the delegate key's signature ([`native_accept_payload`] or
		/// [`accept_digest`]).
		///
		/// - Origin: signed, by the root or by a delegate granting a session.
		/// - Effects: stores the mandate; holds its deposit from the caller.
		/// - Events: [`Event::Granted`].
		/// - Errors: [`Error::SelfDelegation`], [`Error::DelegateTaken`], [`Error::BadExpiry`],
		///   [`Error::ZeroPeriod`], [`Error::ZeroLimit`], [`Error::TooDeep`],
		///   [`Error::WiderThanParent`], [`Error::TooManySessions`],
		///   [`Error::BadDelegateConsent`], [`Error::CannotHoldDeposit`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::grant())]
		pub fn grant(
			origin: OriginFor<T>,
			delegate: AccountId,
			terms: Box<MandateTerms>,
			consent: DelegateConsent,
		) -> DispatchResult {
			let granter = ensure_signed(origin)?;
			Self::check_consent(&granter, &delegate, &consent)?;
			Self::do_grant(&granter, delegate, *terms, &granter).map(|_| ())
		}

		/// Revokes `mandate` and every session under it.
		///
		/// - Origin: signed, by the mandate's root or, for a session, the delegate that
		///   granted it.
		/// - Effects: removes them; returns their deposits.
		/// - Events: [`Event::Revoked`] per mandate removed.
		/// - Errors: [`Error::UnknownMandate`], [`Error::NotAllowedToRevoke`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::revoke(T::MaxSessions::get()))]
		pub fn revoke(origin: OriginFor<T>, mandate: MandateId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let sessions = Self::do_revoke(&who, mandate)?;
			Ok(Some(T::WeightInfo::revoke(sessions)).into())
		}

		/// [`Pallet::grant`] on the strength of an EVM granter's EIP-712 `MandateGrant`
		/// signature ([`grant_digest`], with the granter's next nonce), which anyone may
		/// submit: an EVM key cannot sign an extrinsic.
		///
		/// - Origin: signed, by anyone; it pays the fee and the deposit (returned to it).
		/// - Effects: as [`Pallet::grant`] with `granter` as the caller; uses up the nonce.
		/// - Events: [`Event::Granted`].
		/// - Errors: those of [`Pallet::grant`], [`Error::NotAnEvmAccount`],
		///   [`Error::BadDeadline`], [`Error::BadSignature`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::grant_signed())]
		pub fn grant_signed(
			origin: OriginFor<T>,
			granter: AccountId,
			delegate: AccountId,
			terms: Box<MandateTerms>,
			deadline: UnixSeconds,
			signature: EvmSignature,
			consent: DelegateConsent,
		) -> DispatchResult {
			let submitter = ensure_signed(origin)?;
			Self::check_deadline(deadline)?;
			let nonce = SignedGrants::<T>::get(&granter);
			let digest = grant_digest(T::EvmChainId::get(), &delegate, &terms, nonce, deadline);
			Self::check_evm_signer(&granter, &signature, &digest)?;
			Self::check_consent(&granter, &delegate, &consent)?;
			SignedGrants::<T>::insert(&granter, nonce.saturating_add(1));
			Self::do_grant(&granter, delegate, *terms, &submitter).map(|_| ())
		}

		/// [`Pallet::revoke`] on the strength of an EVM root's or granting delegate's EIP-712
		/// `MandateRevoke` signature ([`revoke_digest`]), which anyone may submit.
		///
		/// - Origin: signed, by anyone; it pays the fee.
		/// - Effects, events: as [`Pallet::revoke`] by `signer`.
		/// - Errors: those of [`Pallet::revoke`], [`Error::NotAnEvmAccount`],
		///   [`Error::BadDeadline`], [`Error::BadSignature`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::revoke_signed(T::MaxSessions::get()))]
		pub fn revoke_signed(
			origin: OriginFor<T>,
			signer: AccountId,
			mandate: MandateId,
			deadline: UnixSeconds,
			signature: EvmSignature,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::check_deadline(deadline)?;
			let digest = revoke_digest(T::EvmChainId::get(), mandate, deadline);
			Self::check_evm_signer(&signer, &signature, &digest)?;
			let sessions = Self::do_revoke(&signer, mandate)?;
			Ok(Some(T::WeightInfo::revoke_signed(sessions)).into())
		}
	}
}
