//! # Agents pallet
//!
//! ERC-8004 "Trustless Agents" as a FRAME pallet: an identity registry, a reputation registry
//! and a validation registry, with feedback that can be backed by x402 payments this chain
//! settled itself.
//!
//! ## Identity
//!
//! [`Pallet::register`] gives the caller a new sequential [`AgentId`] with the URI of its
//! registration file and a bounded set of metadata entries. The owner (or an operator the owner
//! approved) updates URI and metadata; only the owner transfers or deregisters it. The agent's
//! payment wallet starts as the owner (as ERC-8004's `register`) when the owner is not already
//! another agent's wallet, and is changed only with the new wallet's own signature
//! ([`WalletProof`]: native, or EIP-712 `AgentWalletSet` for EVM accounts); it is cleared when
//! ownership moves. A wallet belongs to at most one agent.
//!
//! ## Reputation
//!
//! [`Pallet::give_feedback`] stores a signed fixed-point value with decimals and two tags, as
//! ERC-8004's current `giveFeedback`; the endpoint, feedback URI and hash go into the event
//! only. The agent's owner, operators and wallet cannot rate it. A feedback may cite an x402
//! payment id: the pallet looks the payment up in pallet-x402 ([`Config::Payments`]), requires
//! that the feedback's author paid the agent's wallet, stores the paid amount with the
//! feedback, and lets each payment back at most one feedback. Receipts are kept at least
//! pallet-x402's `ReceiptRetention`, the window for payment-backed feedback. Summaries
//! (runtime API) average all, only payment-backed, or amount-weighted feedback, filtered by
//! clients and tags.
//!
//! ## Validation
//!
//! The agent's owner or an operator asks a validator ([`Pallet::validation_request`]); only that
//! validator answers, 0..=100, and may answer again ([`Pallet::validation_response`]).
//!
//! ## Execution history
//!
//! pallet-x402 tells this pallet of every settlement ([`pallet_x402::OnPaymentsSettled`]); those
//! into an agent's wallet add to the agent's count and volume per asset ([`Executions`]).
//!
//! ## Deposits and storage growth
//!
//! Everything an account stores is paid for with a deposit on hold ([`HoldReason`]):
//! `ItemDeposit` per storage item plus `ByteDeposit` per byte, returned when it is removed.
//! - [`AgentRecords`], [`Metadata`], [`AgentByWallet`]: per agent, at most `MaxMetadataEntries`
//!   entries; the owner's deposit, returned by [`Pallet::deregister`].
//! - [`Feedback`]: one per feedback; the author's deposit, returned by
//!   [`Pallet::revoke_feedback`] (which removes it). [`LastFeedbackIndex`] (8 bytes per agent
//!   and author) and [`FeedbackOfPayment`] (one per cited payment, so each settled payment can
//!   back one feedback ever) are kept after revocation so indexes and citations never repeat.
//! - [`Validations`] with its two indexes: one per request; the requester's deposit, returned by
//!   [`Pallet::remove_validation`].
//! - [`Executions`]: one per agent and asset ever paid in, written by settlements (which pay
//!   their fee); kept after deregistration as the agent's public record (ids are never reused).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use polkadot_sdk::{frame_support, frame_system};

pub use pallet::*;

mod deposits;
mod history;
mod identity;
mod queries;
mod reputation;
mod summary;
mod types;
mod validation;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, UnixTime},
	};
	use frame_system::pallet_prelude::*;
	use polkadot_sdk::sp_core::H256;

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

		/// Settled x402 payments, for payment-backed feedback (pallet-x402).
		type Payments: pallet_x402::PaymentReceipts;

		/// The block time, as unix time (wallet proof deadlines).
		type Time: UnixTime;

		/// This chain's EVM chain id: the `chainId` of the identity registry's EIP-712 domain.
		#[pallet::constant]
		type EvmChainId: Get<u64>;

		/// Deposit per storage item.
		#[pallet::constant]
		type ItemDeposit: Get<Balance>;

		/// Deposit per stored byte.
		#[pallet::constant]
		type ByteDeposit: Get<Balance>;

		/// Longest URI (registration file, feedback, validation request or response).
		#[pallet::constant]
		type MaxUriLength: Get<u32>;

		/// Most metadata entries per agent.
		#[pallet::constant]
		type MaxMetadataEntries: Get<u32>;

		/// Longest metadata key.
		#[pallet::constant]
		type MaxMetadataKeyLength: Get<u32>;

		/// Longest metadata value.
		#[pallet::constant]
		type MaxMetadataValueLength: Get<u32>;

		/// Most operators per agent.
		#[pallet::constant]
		type MaxOperators: Get<u32>;

		/// Longest feedback or validation tag.
		#[pallet::constant]
		type MaxTagLength: Get<u32>;

		/// Weights of this pallet's calls and of its settlement hook.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds a deposit.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An agent's record and metadata, held from its owner.
		AgentRegistration,
		/// A feedback entry, held from its author.
		Feedback,
		/// A validation request, held from its requester.
		ValidationRequest,
	}

	/// The id the next registered agent gets.
	#[pallet::storage]
	pub type NextAgentId<T: Config> = StorageValue<_, AgentId, ValueQuery>;

	/// Registered agents.
	#[pallet::storage]
	pub type AgentRecords<T: Config> = StorageMap<_, Twox64Concat, AgentId, AgentRecord<T>>;

	/// Each agent's metadata entries, by key.
	#[pallet::storage]
	pub type Metadata<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		AgentId,
		Blake2_128Concat,
		MetadataKey<T>,
		MetadataValue<T>,
	>;

	/// The agent each payment wallet belongs to.
	#[pallet::storage]
	pub type AgentByWallet<T: Config> = StorageMap<_, Blake2_128Concat, AccountId, AgentId>;

	/// x402 settlements into each agent's wallet, per asset.
	#[pallet::storage]
	pub type Executions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, AgentId, Twox64Concat, AssetId, Execution, ValueQuery>;

	/// Feedback by agent, author and index (from 1).
	#[pallet::storage]
	pub type Feedback<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, AgentId>,
			NMapKey<Blake2_128Concat, AccountId>,
			NMapKey<Twox64Concat, u64>,
		),
		FeedbackRecord<T>,
	>;

	/// The last feedback index each author used on each agent.
	#[pallet::storage]
	pub type LastFeedbackIndex<T: Config> =
		StorageDoubleMap<_, Twox64Concat, AgentId, Blake2_128Concat, AccountId, u64, ValueQuery>;

	/// The feedback (agent, author, index) each cited payment backs.
	#[pallet::storage]
	pub type FeedbackOfPayment<T: Config> =
		StorageMap<_, Identity, PaymentId, (AgentId, AccountId, u64)>;

	/// Validation requests by request hash.
	#[pallet::storage]
	pub type Validations<T: Config> = StorageMap<_, Blake2_128Concat, H256, ValidationRecord<T>>;

	/// The validation requests about each agent.
	#[pallet::storage]
	pub type ValidationsByAgent<T: Config> =
		StorageDoubleMap<_, Twox64Concat, AgentId, Blake2_128Concat, H256, ()>;

	/// The validation requests addressed to each validator.
	#[pallet::storage]
	pub type ValidationsByValidator<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, AccountId, Blake2_128Concat, H256, ()>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An agent was registered.
		Registered { agent: AgentId, owner: AccountId, uri: Vec<u8> },
		/// An agent's URI changed.
		UriUpdated { agent: AgentId, uri: Vec<u8>, updated_by: AccountId },
		/// A metadata entry was set (`value: Some`) or removed (`None`).
		MetadataSet { agent: AgentId, key: Vec<u8>, value: Option<Vec<u8>> },
		/// An agent changed owner; its wallet and operators were cleared.
		OwnershipTransferred { agent: AgentId, from: AccountId, to: AccountId },
		/// The owner approved (`approved: true`) or removed an operator.
		OperatorSet { agent: AgentId, operator: AccountId, approved: bool },
		/// An agent was deregistered; its owner's deposit was returned.
		Deregistered { agent: AgentId, owner: AccountId },
		/// An agent's payment wallet was set (`Some`) or cleared (`None`).
		WalletSet { agent: AgentId, wallet: Option<AccountId> },
		/// A client left feedback.
		NewFeedback {
			agent: AgentId,
			client: AccountId,
			index: u64,
			value: FeedbackValue,
			tag1: Vec<u8>,
			tag2: Vec<u8>,
			endpoint: Vec<u8>,
			feedback_uri: Vec<u8>,
			feedback_hash: H256,
			payment: Option<PaymentBacking>,
		},
		/// A client revoked its feedback; its deposit was returned.
		FeedbackRevoked { agent: AgentId, client: AccountId, index: u64 },
		/// Someone responded to a feedback (e.g. the agent showing a refund).
		ResponseAppended {
			agent: AgentId,
			client: AccountId,
			index: u64,
			responder: AccountId,
			response_uri: Vec<u8>,
			response_hash: H256,
		},
		/// A validator was asked to validate an agent.
		ValidationRequested {
			validator: AccountId,
			agent: AgentId,
			request_uri: Vec<u8>,
			request_hash: H256,
		},
		/// A validator responded to a request.
		ValidationResponded {
			validator: AccountId,
			agent: AgentId,
			request_hash: H256,
			response: u8,
			response_uri: Vec<u8>,
			response_hash: H256,
			tag: Vec<u8>,
		},
		/// A validation request was removed; its requester's deposit was returned.
		ValidationRemoved { request_hash: H256 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No agent has this id.
		AgentNotFound,
		/// Only the agent's owner may do this.
		NotOwner,
		/// Only the agent's owner or an operator may do this.
		NotOwnerOrOperator,
		/// Every agent id has been used.
		NoMoreIds,
		/// The URI is longer than `MaxUriLength`.
		UriTooLong,
		/// The agent would have more than `MaxMetadataEntries` metadata entries.
		TooManyMetadataEntries,
		/// A metadata key is empty or longer than `MaxMetadataKeyLength`.
		BadMetadataKey,
		/// A metadata value is longer than `MaxMetadataValueLength`.
		MetadataValueTooLong,
		/// The same metadata key appears twice.
		DuplicateMetadataKey,
		/// `agentWallet` is reserved: the wallet is set with a proof.
		ReservedMetadataKey,
		/// There is no metadata entry with this key to remove.
		MetadataNotFound,
		/// The agent would have more than `MaxOperators` operators.
		TooManyOperators,
		/// The account already owns the agent.
		AlreadyOwner,
		/// The operator is already approved (or, to remove, is not an operator).
		OperatorUnchanged,
		/// The wallet is already another agent's wallet.
		WalletInUse,
		/// The agent has no wallet to clear.
		NoWallet,
		/// The wallet proof's deadline has passed.
		ProofExpired,
		/// The wallet proof's deadline is more than five minutes ahead.
		DeadlineTooFar,
		/// The wallet proof is not the wallet's signature over this agent, owner and deadline.
		BadWalletProof,
		/// The agent's owner, operators and wallet cannot rate it.
		SelfFeedback,
		/// A feedback value has more than 18 decimals.
		TooManyDecimals,
		/// A feedback value's magnitude is above 1e38.
		ValueOutOfRange,
		/// A tag is longer than `MaxTagLength`.
		TagTooLong,
		/// No feedback with this author and index (or it was revoked).
		FeedbackNotFound,
		/// The cited payment is not settled on this chain (or its receipt is gone).
		PaymentNotFound,
		/// The cited payment was not paid by the feedback's author.
		PaymentNotFromClient,
		/// The cited payment was not paid to the agent's wallet.
		PaymentNotToAgent,
		/// The cited payment already backs a feedback.
		PaymentAlreadyCited,
		/// A response needs a URI.
		EmptyResponseUri,
		/// A validation request with this hash exists.
		ValidationExists,
		/// No validation request has this hash.
		ValidationNotFound,
		/// Only the named validator may respond.
		NotTheValidator,
		/// A validation response is above 100.
		ResponseOutOfRange,
		/// Only the requester may remove a validation request.
		NotTheRequester,
		/// The account cannot put the deposit on hold (too little free balance).
		CannotHoldDeposit,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers a new agent owned by the caller.
		///
		/// - Origin: signed; the caller becomes the owner and pays the deposit.
		/// - Effects: stores the agent under the next id with `uri` and `metadata`; its wallet
		///   is the caller unless the caller is already another agent's wallet.
		/// - Events: [`Event::Registered`], [`Event::MetadataSet`] per entry, [`Event::WalletSet`]
		///   when the wallet is set.
		/// - Errors: [`Error::UriTooLong`], [`Error::TooManyMetadataEntries`],
		///   [`Error::BadMetadataKey`], [`Error::MetadataValueTooLong`],
		///   [`Error::DuplicateMetadataKey`], [`Error::ReservedMetadataKey`],
		///   [`Error::NoMoreIds`], [`Error::CannotHoldDeposit`].
		/// - Complexity: O(m) in metadata entries.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register(metadata.len() as u32))]
		pub fn register(
			origin: OriginFor<T>,
			uri: Vec<u8>,
			metadata: Vec<(Vec<u8>, Vec<u8>)>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_register(owner, uri, metadata).map(|_| ())
		}

		/// Changes an agent's URI.
		///
		/// - Origin: signed, by the owner or an operator.
		/// - Effects: stores the URI; the owner's deposit follows its length.
		/// - Events: [`Event::UriUpdated`].
		/// - Errors: [`Error::AgentNotFound`], [`Error::NotOwnerOrOperator`],
		///   [`Error::UriTooLong`], [`Error::CannotHoldDeposit`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_agent_uri())]
		pub fn set_agent_uri(origin: OriginFor<T>, agent: AgentId, uri: Vec<u8>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_uri(who, agent, uri)
		}

		/// Sets (`value: Some`) or removes (`None`) one metadata entry.
		///
		/// - Origin: signed, by the owner or an operator.
		/// - Effects: stores or removes the entry; the owner's deposit follows.
		/// - Events: [`Event::MetadataSet`].
		/// - Errors: [`Error::AgentNotFound`], [`Error::NotOwnerOrOperator`],
		///   [`Error::BadMetadataKey`], [`Error::ReservedMetadataKey`],
		///   [`Error::MetadataValueTooLong`], [`Error::TooManyMetadataEntries`],
		///   [`Error::MetadataNotFound`], [`Error::CannotHoldDeposit`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_metadata())]
		pub fn set_metadata(
			origin: OriginFor<T>,
			agent: AgentId,
			key: Vec<u8>,
			value: Option<Vec<u8>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_metadata(who, agent, key, value)
		}

		/// Transfers an agent to `new_owner`.
		///
		/// - Origin: signed, by the owner.
		/// - Effects: the agent's wallet and operators are cleared (the new owner must prove a
		///   wallet again, as ERC-8004); the old owner's deposit is returned and the new owner's
		///   put on hold.
		/// - Events: [`Event::OwnershipTransferred`], [`Event::WalletSet`] if a wallet was set.
		/// - Errors: [`Error::AgentNotFound`], [`Error::NotOwner`], [`Error::AlreadyOwner`],
		///   [`Error::CannotHoldDeposit`] (the new owner's).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::transfer_ownership())]
		pub fn transfer_ownership(
			origin: OriginFor<T>,
			agent: AgentId,
			new_owner: AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer(who, agent, new_owner)
		}

		/// Approves (`approved: true`) or removes an operator, who may then manage the agent's
		/// URI, metadata, wallet and validation requests.
		///
		/// - Origin: signed, by the owner.
		/// - Effects: adds or removes the operator; the owner's deposit follows.
		/// - Events: [`Event::OperatorSet`].
		/// - Errors: [`Error::AgentNotFound`], [`Error::NotOwner`],
		///   [`Error::OperatorUnchanged`], [`Error::TooManyOperators`],
		///   [`Error::CannotHoldDeposit`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_operator())]
		pub fn set_operator(
			origin: OriginFor<T>,
			agent: AgentId,
			operator: AccountId,
			approved: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_operator(who, agent, operator, approved)
		}

		/// Deregisters an agent. Its id is never reused; feedback and validations about it stay
		/// with their authors, its execution history stays as a public record.
		///
		/// - Origin: signed, by the owner.
		/// - Effects: removes the record, its metadata and its wallet; returns the deposit.
		/// - Events: [`Event::Deregistered`].
		/// - Errors: [`Error::AgentNotFound`], [`Error::NotOwner`].
		/// - Complexity: O(m) in metadata entries.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::deregister(T::MaxMetadataEntries::get()))]
		pub fn deregister(origin: OriginFor<T>, agent: AgentId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let removed = Self::do_deregister(who, agent)?;
			Ok(Some(T::WeightInfo::deregister(removed)).into())
		}

		/// Sets the agent's payment wallet, proven by the wallet's own signature.
		///
		/// - Origin: signed, by the owner or an operator.
		/// - Effects: the agent's wallet becomes `wallet`; x402 settlements into it count in the
		///   agent's history and can back feedback.
		/// - Events: [`Event::WalletSet`].
		/// - Errors: [`Error::AgentNotFound`], [`Error::NotOwnerOrOperator`],
		///   [`Error::ProofExpired`], [`Error::DeadlineTooFar`], [`Error::BadWalletProof`],
		///   [`Error::WalletInUse`].
		/// - Complexity: O(1); one signature check.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_agent_wallet())]
		pub fn set_agent_wallet(
			origin: OriginFor<T>,
			agent: AgentId,
			wallet: AccountId,
			deadline: UnixSeconds,
			proof: WalletProof,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_wallet(who, agent, wallet, deadline, proof)
		}

		/// Clears the agent's payment wallet.
		///
		/// - Origin: signed, by the owner or an operator.
		/// - Events: [`Event::WalletSet`] with `None`.
		/// - Errors: [`Error::AgentNotFound`], [`Error::NotOwnerOrOperator`], [`Error::NoWallet`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::unset_agent_wallet())]
		pub fn unset_agent_wallet(origin: OriginFor<T>, agent: AgentId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unset_wallet(who, agent)
		}

		/// Leaves feedback on an agent, optionally backed by an x402 payment the caller made to
		/// the agent's wallet.
		///
		/// - Origin: signed, by anyone but the agent's owner, operators and wallet; pays the
		///   deposit.
		/// - Effects: stores value, decimals, tags and the payment's asset and amount under the
		///   caller's next index; `endpoint`, `feedback_uri` and `feedback_hash` are in the event
		///   only (as ERC-8004). A cited payment cannot be cited again.
		/// - Events: [`Event::NewFeedback`].
		/// - Errors: [`Error::AgentNotFound`], [`Error::SelfFeedback`],
		///   [`Error::TooManyDecimals`], [`Error::ValueOutOfRange`], [`Error::TagTooLong`],
		///   [`Error::UriTooLong`], [`Error::PaymentNotFound`], [`Error::PaymentNotFromClient`],
		///   [`Error::PaymentNotToAgent`], [`Error::PaymentAlreadyCited`],
		///   [`Error::CannotHoldDeposit`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::give_feedback())]
		pub fn give_feedback(
			origin: OriginFor<T>,
			agent: AgentId,
			value: FeedbackValue,
			tag1: Vec<u8>,
			tag2: Vec<u8>,
			endpoint: Vec<u8>,
			feedback_uri: Vec<u8>,
			feedback_hash: H256,
			payment: Option<PaymentId>,
		) -> DispatchResult {
			let client = ensure_signed(origin)?;
			Self::do_give_feedback(
				client,
				agent,
				value,
				(tag1, tag2),
				(endpoint, feedback_uri, feedback_hash),
				payment,
			)
		}

		/// Revokes the caller's feedback: it stops counting and is removed.
		///
		/// - Origin: signed, by the feedback's author.
		/// - Effects: removes the feedback and returns its deposit; a payment it cited stays
		///   cited.
		/// - Events: [`Event::FeedbackRevoked`].
		/// - Errors: [`Error::FeedbackNotFound`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::revoke_feedback())]
		pub fn revoke_feedback(origin: OriginFor<T>, agent: AgentId, index: u64) -> DispatchResult {
			let client = ensure_signed(origin)?;
			Self::do_revoke_feedback(client, agent, index)
		}

		/// Appends a response to a feedback (a refund receipt, a rebuttal, a spam flag).
		///
		/// - Origin: signed, by anyone; pays the fee only (the response is in the event).
		/// - Effects: counts the response on the feedback.
		/// - Events: [`Event::ResponseAppended`].
		/// - Errors: [`Error::FeedbackNotFound`], [`Error::EmptyResponseUri`],
		///   [`Error::UriTooLong`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::append_response())]
		pub fn append_response(
			origin: OriginFor<T>,
			agent: AgentId,
			client: AccountId,
			index: u64,
			response_uri: Vec<u8>,
			response_hash: H256,
		) -> DispatchResult {
			let responder = ensure_signed(origin)?;
			Self::do_append_response(responder, agent, client, index, response_uri, response_hash)
		}

		/// Asks `validator` to validate an agent's work described at `request_uri`.
		///
		/// - Origin: signed, by the agent's owner or an operator; pays the deposit.
		/// - Effects: stores the request under `request_hash`, indexed by agent and validator.
		/// - Events: [`Event::ValidationRequested`].
		/// - Errors: [`Error::AgentNotFound`], [`Error::NotOwnerOrOperator`],
		///   [`Error::UriTooLong`], [`Error::ValidationExists`], [`Error::CannotHoldDeposit`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::validation_request())]
		pub fn validation_request(
			origin: OriginFor<T>,
			validator: AccountId,
			agent: AgentId,
			request_uri: Vec<u8>,
			request_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_validation_request(who, validator, agent, request_uri, request_hash)
		}

		/// Responds to a validation request, or updates the response.
		///
		/// - Origin: signed, by the request's validator.
		/// - Effects: stores `response` (0 = failed .. 100 = passed), `response_hash` and `tag`
		///   with the block; `response_uri` is in the event only.
		/// - Events: [`Event::ValidationResponded`].
		/// - Errors: [`Error::ValidationNotFound`], [`Error::NotTheValidator`],
		///   [`Error::ResponseOutOfRange`], [`Error::UriTooLong`], [`Error::TagTooLong`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::validation_response())]
		pub fn validation_response(
			origin: OriginFor<T>,
			request_hash: H256,
			response: u8,
			response_uri: Vec<u8>,
			response_hash: H256,
			tag: Vec<u8>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_validation_response(
				who,
				request_hash,
				response,
				response_uri,
				response_hash,
				tag,
			)
		}

		/// Removes a validation request and its response.
		///
		/// - Origin: signed, by the requester.
		/// - Effects: removes the request and its indexes; returns the deposit.
		/// - Events: [`Event::ValidationRemoved`].
		/// - Errors: [`Error::ValidationNotFound`], [`Error::NotTheRequester`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::remove_validation())]
		pub fn remove_validation(origin: OriginFor<T>, request_hash: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_validation(who, request_hash)
		}
	}
}
