//! Storage types of the agents pallet. Ids, feedback values, payment backings and the runtime
//! API's views are in `agentchain_primitives::agents`, shared with the node and clients.

use crate::Config;
use codec::{Decode, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_core::H256,
};
use scale_info::TypeInfo;

pub use agentchain_primitives::{
	agents::{
		AgentId, Backing, Execution, FeedbackScalar, FeedbackValue, PaymentBacking,
		ReputationQuery, ReputationSummary, ValidationSummary,
	},
	x402::{IntentSignature, PaymentId, UnixSeconds},
	AccountId, AssetId, Balance,
};

/// A URI: an agent's registration file, a feedback file, a validation request or response.
pub type Uri<T> = BoundedVec<u8, <T as Config>::MaxUriLength>;
/// A metadata key.
pub type MetadataKey<T> = BoundedVec<u8, <T as Config>::MaxMetadataKeyLength>;
/// A metadata value.
pub type MetadataValue<T> = BoundedVec<u8, <T as Config>::MaxMetadataValueLength>;
/// A feedback or validation tag.
pub type Tag<T> = BoundedVec<u8, <T as Config>::MaxTagLength>;

/// The proof that an account controls a wallet: its signature over the wallet payload, native
/// ([`agentchain_primitives::agents::native_wallet_payload`]) or EVM
/// ([`agentchain_primitives::agents::wallet_digest`]). The same two kinds that authorize an
/// x402 intent.
pub type WalletProof = IntentSignature;

/// A registered agent.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, TypeInfo, MaxEncodedLen, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct AgentRecord<T: Config> {
	/// Who owns it; holds its deposit.
	pub owner: AccountId,
	/// Where its registration file is (`ipfs://`, `https://` or a `data:` URI).
	pub uri: Uri<T>,
	/// Its payment wallet: proven by the wallet's signature, cleared when ownership moves.
	pub wallet: Option<AccountId>,
	/// Accounts the owner approved to manage it (not to transfer or deregister it); cleared
	/// when ownership moves, as ERC-721 approvals.
	pub operators: BoundedVec<AccountId, <T as Config>::MaxOperators>,
	/// How many metadata entries it has.
	pub metadata_entries: u32,
	/// Their keys' and values' bytes together.
	pub metadata_bytes: u32,
	/// What the owner has on hold for the record and its metadata.
	pub deposit: Balance,
}

/// One feedback entry, by its author, on an agent.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, TypeInfo, MaxEncodedLen, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct FeedbackRecord<T: Config> {
	/// The rating.
	pub value: FeedbackValue,
	/// First tag (e.g. `starred`, `uptime`).
	pub tag1: Tag<T>,
	/// Second tag.
	pub tag2: Tag<T>,
	/// The settled payment it cites, as found on chain.
	pub payment: Option<PaymentBacking>,
	/// How many responses were appended.
	pub responses: u32,
	/// What the author has on hold for it.
	pub deposit: Balance,
}

/// A validation request and its latest response.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, TypeInfo, MaxEncodedLen, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct ValidationRecord<T: Config> {
	/// Who is asked to validate; the only one who may respond.
	pub validator: AccountId,
	/// The agent validated.
	pub agent: AgentId,
	/// Who asked (the agent's owner or an operator at the time); holds the deposit.
	pub requester: AccountId,
	/// The latest response, 0..=100.
	pub response: Option<u8>,
	/// The latest response's evidence hash.
	pub response_hash: H256,
	/// The latest response's tag.
	pub tag: Tag<T>,
	/// The block of the request or of its latest response.
	pub last_update: BlockNumberFor<T>,
	/// What the requester has on hold for it.
	pub deposit: Balance,
}
