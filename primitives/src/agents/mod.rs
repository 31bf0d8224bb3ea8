//! Agent identity, reputation and validation (ERC-8004 "Trustless Agents" on this chain): the
//! ids, the bytes a wallet signs to prove control, the query and summary types of the runtime
//! API, shared by the runtime, the node's RPC and clients.
//!
//! An agent is a sequential [`AgentId`] owned by an account, like an ERC-721 token in ERC-8004's
//! identity registry. Its payment wallet is the account x402 payments to the agent go to; setting
//! it takes the wallet's own signature over [`native_wallet_payload`] (native accounts) or
//! [`wallet_digest`] (EVM accounts, EIP-712 `AgentWalletSet` as ERC-8004 defines it).

use crate::{
	x402::{evm_address, PaymentId, UnixSeconds},
	AccountId, AssetId, Balance, BlockNumber,
};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	sp_core::{H160, H256, U256},
	sp_crypto_hashing::keccak_256,
};
use scale_info::TypeInfo;

pub mod api;

/// An agent's id: assigned in order from 0, never reused.
pub type AgentId = u64;

/// A feedback's value: a signed fixed-point number with [`FeedbackValue::decimals`] places.
pub type FeedbackScalar = i128;

/// Most decimal places a feedback value may have (ERC-8004: 18).
pub const MAX_VALUE_DECIMALS: u8 = 18;

/// Largest magnitude of a feedback value (ERC-8004: 1e38).
pub const MAX_VALUE_MAGNITUDE: u128 = 100_000_000_000_000_000_000_000_000_000_000_000_000;

/// Longest time, in seconds, from now to a wallet proof's deadline (ERC-8004: 5 minutes).
pub const MAX_WALLET_PROOF_AHEAD: UnixSeconds = 5 * 60;

/// Domain tag of the native wallet proof: separates it from any other signed bytes here.
pub const WALLET_PROOF_TAG: &[u8; 26] = b"agentchain/agent-wallet/v1";

/// `keccak256("AgentWalletSet(uint256 agentId,address newWallet,address owner,uint256 deadline)")`.
pub const AGENT_WALLET_SET_TYPEHASH: [u8; 32] = polkadot_sdk::sp_crypto_hashing_proc_macro::keccak_256!(
	b"AgentWalletSet(uint256 agentId,address newWallet,address owner,uint256 deadline)"
);

/// The EIP-712 domain name and version of the identity registry (as ERC-8004's reference).
pub const IDENTITY_REGISTRY_NAME: &[u8] = b"ERC8004IdentityRegistry";
/// See [`IDENTITY_REGISTRY_NAME`].
pub const IDENTITY_REGISTRY_VERSION: &[u8] = b"1";

/// The 20-byte address that stands for the identity registry in its EIP-712 domain
/// (`verifyingContract`): `0x8004` followed by zeros and `0x01`, after ERC-8004's vanity prefix.
pub const IDENTITY_REGISTRY_ADDRESS: H160 =
	H160([0x80, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01]);

/// The bytes a native wallet signs to become `agent`'s wallet under `owner` until `deadline`,
/// on the chain whose genesis block is `genesis_hash`.
pub fn native_wallet_payload<Hash: Encode>(
	genesis_hash: Hash,
	agent: AgentId,
	wallet: &AccountId,
	owner: &AccountId,
	deadline: UnixSeconds,
) -> Vec<u8> {
	(WALLET_PROOF_TAG, genesis_hash, agent, wallet, owner, deadline).encode()
}

/// The EIP-712 digest an EVM wallet signs to become `agent`'s wallet:
/// `AgentWalletSet(agentId, newWallet, owner, deadline)` in the domain
/// `("ERC8004IdentityRegistry", "1", chain_id, IDENTITY_REGISTRY_ADDRESS)`, with `wallet` and
/// `owner` as 20-byte addresses ([`evm_address::address_of`]).
pub fn wallet_digest(
	chain_id: u64,
	agent: AgentId,
	wallet: &AccountId,
	owner: &AccountId,
	deadline: UnixSeconds,
) -> [u8; 32] {
	let domain = crate::x402::eip712::Domain {
		name: IDENTITY_REGISTRY_NAME.to_vec(),
		version: IDENTITY_REGISTRY_VERSION.to_vec(),
		chain_id,
		verifying_contract: IDENTITY_REGISTRY_ADDRESS,
	};
	let mut encoded = Vec::with_capacity(5 * 32);
	encoded.extend_from_slice(&AGENT_WALLET_SET_TYPEHASH);
	encoded.extend_from_slice(&U256::from(agent).to_big_endian());
	encoded.extend_from_slice(H256::from(evm_address::address_of(wallet.as_ref())).as_bytes());
	encoded.extend_from_slice(H256::from(evm_address::address_of(owner.as_ref())).as_bytes());
	encoded.extend_from_slice(&U256::from(deadline).to_big_endian());
	crate::x402::eip712::typed_data_digest(&domain.separator(), &keccak_256(&encoded))
}

/// A feedback value as ERC-8004 gives it: `value / 10^decimals`, e.g. 99.77% uptime is
/// `{ value: 9977, decimals: 2 }`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
	Default,
)]
pub struct FeedbackValue {
	/// The signed fixed-point value.
	pub value: FeedbackScalar,
	/// Its decimal places, at most [`MAX_VALUE_DECIMALS`].
	pub decimals: u8,
}

/// The x402 payment a feedback cites, as the chain found it settled.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub struct PaymentBacking {
	/// The payment's id in pallet-x402.
	pub payment_id: PaymentId,
	/// Its asset.
	pub asset: AssetId,
	/// What the feedback's author paid the agent's wallet.
	pub amount: Balance,
}

/// Which feedback a summary counts and how it weighs it.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Default)]
pub enum Backing {
	/// All feedback, each counting once.
	#[default]
	Any,
	/// Only feedback that cites a settled payment, each counting once.
	Paid,
	/// Only feedback that cites a settled payment in this asset, each weighted by the amount
	/// paid.
	WeightedByAmount(AssetId),
}

/// What a reputation summary covers: ERC-8004's `getSummary` filters plus [`Backing`].
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Default)]
pub struct ReputationQuery {
	/// Only feedback from these clients; every client when empty.
	pub clients: Vec<AccountId>,
	/// Only feedback with this first tag.
	pub tag1: Option<Vec<u8>>,
	/// Only feedback with this second tag.
	pub tag2: Option<Vec<u8>>,
	/// Which feedback counts, and its weight.
	pub backing: Backing,
}

/// An agent's reputation over the feedback a [`ReputationQuery`] selects (revoked feedback is
/// gone and never counts).
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Default)]
pub struct ReputationSummary {
	/// How many feedback entries matched.
	pub count: u64,
	/// Their (weighted) average, at the decimals most of them use (the fewer decimals on a
	/// tie), rounded toward zero and saturated at the bounds of [`FeedbackScalar`]. Zero when
	/// nothing matched.
	pub average: FeedbackValue,
	/// What the matched payment-backed entries paid in total (in the weighting asset for
	/// [`Backing::WeightedByAmount`]; summed over assets otherwise).
	pub paid: Balance,
}

/// One feedback entry as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct FeedbackView {
	/// Its author.
	pub client: AccountId,
	/// Its index among the author's feedback on the agent, from 1 (as ERC-8004).
	pub index: u64,
	/// The rating.
	pub value: FeedbackValue,
	/// First tag.
	pub tag1: Vec<u8>,
	/// Second tag.
	pub tag2: Vec<u8>,
	/// The payment it cites, if any.
	pub payment: Option<PaymentBacking>,
	/// How many responses were appended to it.
	pub responses: u32,
}

/// What the chain has recorded of x402 settlements into an agent's wallet, in one asset.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
	Default,
)]
pub struct Execution {
	/// How many payments settled into the wallet while it was the agent's.
	pub payments: u64,
	/// Their total.
	pub volume: Balance,
}

/// An agent as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct AgentView {
	/// Its id.
	pub id: AgentId,
	/// Its owner.
	pub owner: AccountId,
	/// Where its registration file is.
	pub uri: Vec<u8>,
	/// Its payment wallet, if one is set.
	pub wallet: Option<AccountId>,
	/// Accounts the owner approved to manage it.
	pub operators: Vec<AccountId>,
	/// Its metadata entries, by key.
	pub metadata: Vec<(Vec<u8>, Vec<u8>)>,
	/// Settlements into its wallet, per asset.
	pub executions: Vec<(AssetId, Execution)>,
	/// What its owner has on hold for it.
	pub deposit: Balance,
}

/// A validation request and its latest response.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ValidationView {
	/// The request's hash, its key.
	pub request_hash: H256,
	/// Who is asked to validate.
	pub validator: AccountId,
	/// The agent validated.
	pub agent: AgentId,
	/// The latest response (0 = failed .. 100 = passed), if any.
	pub response: Option<u8>,
	/// The hash of the latest response's evidence.
	pub response_hash: H256,
	/// The latest response's tag (e.g. `soft-finality`).
	pub tag: Vec<u8>,
	/// The block of the request or of its latest response.
	pub last_update: BlockNumber,
}

/// A validator's responses to an agent, averaged.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Default)]
pub struct ValidationSummary {
	/// How many requests have a response.
	pub count: u64,
	/// The average of those responses, rounded down; 0 when there are none.
	pub average: u8,
}
