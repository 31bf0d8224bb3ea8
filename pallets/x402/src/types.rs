//! Storage and event types of the x402 pallet. The intent itself, its signature and the
//! reasons it can fail are in `agentchain_primitives::x402`, shared with the node and clients.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{
		pallet_prelude::{ConstU32, Get},
		BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
	},
	sp_core::H256,
};
use scale_info::TypeInfo;

pub use agentchain_primitives::{
	channels::{
		ChannelCall, ChannelConfig, ChannelError, ChannelId, ChannelOutcome, ChannelRefusal,
		ChannelState, DepositAuthorization, VoucherClaim,
	},
	mandates::{MandateId, MandateRefusal, MandatedSpend},
	x402::{
		api::Committed, eip712, evm_address, native_cancel_payload, native_signing_payload,
		AuthorizationNonce, AuthorizationState, IntentError, IntentSignature, PaymentId,
		PaymentReference, Purpose, Receipt, Statement, UnixSeconds,
	},
	AccountId, AssetId, Balance,
};

/// The payment intent as this pallet takes it.
pub type Intent = agentchain_primitives::x402::PaymentIntent<AccountId, AssetId, Balance>;

/// Longest EIP-712 domain name or version, in bytes.
pub type DomainStringLimit = ConstU32<64>;

/// The EIP-712 domain of a payable asset (a stablecoin): what EVM wallets sign against.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct AssetDomain {
	/// Token name (`extra.name` in x402 payment requirements), e.g. `USD Coin`.
	pub name: BoundedVec<u8, DomainStringLimit>,
	/// Domain version (`extra.version`), e.g. `2`.
	pub version: BoundedVec<u8, DomainStringLimit>,
}

/// What the chain keeps of a payer's nonce, keyed by its payment id.
///
/// A settled payment's nonce record and its receipt are one storage entry: settling writes
/// one record per intent, which is most of what an intent costs.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen, Debug)]
pub enum AuthorizationRecord<BlockNumber> {
	/// The intent settled. Kept until both `expires` has passed (no intent with this nonce can
	/// pass the window check any more) and the receipt has been kept `ReceiptRetention` blocks,
	/// whether or not the payee ever closes a statement ([`Expiring`]).
	Used {
		/// The settlement time plus `MaxValidity`.
		expires: UnixSeconds,
		/// What was paid.
		receipt: Receipt<AccountId, AssetId, Balance, BlockNumber>,
	},
	/// The payer canceled the nonce before it was used. Kept for good: a cancellation does not
	/// say until when intents with this nonce could be valid.
	Canceled,
}

impl<BlockNumber> AuthorizationRecord<BlockNumber> {
	/// The state the runtime API reports.
	pub fn state(&self) -> AuthorizationState {
		match self {
			Self::Used { expires, .. } => AuthorizationState::Used { expires: *expires },
			Self::Canceled => AuthorizationState::Canceled,
		}
	}
}

/// A payee's running ledger for one asset.
///
/// Every settling call adds one [`LedgerEntry`] per payee and asset it pays, numbered in
/// order; `[first_open, next)` are the entries not yet in a closed statement.
#[derive(Clone, Default, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen, Debug)]
pub struct Ledger {
	/// The first entry not yet in a closed statement.
	pub first_open: u64,
	/// The number the next entry gets.
	pub next: u64,
	/// Everything ever received in this asset through this pallet.
	pub lifetime_total: Balance,
	/// How many statements the payee has closed for this asset.
	pub statements: u32,
	/// The head of the hash chain over all the payee's receipts in this asset, in settlement
	/// order: `c₀ = 0`, `cᵢ = blake2_256(cᵢ₋₁ ‖ payment_id ‖ payer ‖ amount)`.
	pub chain_head: H256,
}

/// What one settling call paid one payee in one asset.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, TypeInfo, MaxEncodedLen, DebugNoBound,
)]
#[scale_info(skip_type_params(MaxPayments))]
pub struct LedgerEntry<
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxPayments: Get<u32>,
> {
	/// The block of the call.
	pub block: BlockNumber,
	/// How many payments.
	pub count: u32,
	/// Their total.
	pub total: Balance,
	/// The ledger's `chain_head` after the last of them.
	pub commitment: H256,
	/// Their payment ids, in order (the receipts are in [`AuthorizationRecord::Used`]).
	pub payments: BoundedVec<PaymentId, MaxPayments>,
}

/// What one settling call wrote that goes away together: the nonce records (with receipts) of
/// the payments it settled and the ledger entries it added. Settlement appends one to the
/// expiry queue, and `on_idle` takes them from its front once due, so pruning reads only what
/// it removes and nothing waits on a payee's `close_statement`.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, TypeInfo, MaxEncodedLen, DebugNoBound,
)]
#[scale_info(skip_type_params(MaxPayments))]
pub struct Expiring<BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug, MaxPayments: Get<u32>> {
	/// The block of the call: its receipts are kept `ReceiptRetention` blocks after it.
	pub block: BlockNumber,
	/// The call's time plus `MaxValidity`: once past, no intent with these nonces can pass the
	/// window check, so their records may go.
	pub expires: UnixSeconds,
	/// The payment ids of the nonce records still to remove.
	pub payments: BoundedVec<PaymentId, MaxPayments>,
	/// The ledger entries still to remove: (payee, asset, entry number).
	pub entries: BoundedVec<(AccountId, AssetId, u64), MaxPayments>,
}

/// The expiry queue's bounds: entries `[first, next)` of `ExpiryQueue` exist.
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen, Debug)]
pub struct QueueBounds {
	/// The oldest entry, the next to expire.
	pub first: u64,
	/// The number the next entry gets.
	pub next: u64,
}

/// What claims credited one receiver in one asset, and what of it was paid out to it.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub struct ReceiverTotals {
	/// Everything claims credited the receiver.
	pub claimed: Balance,
	/// What of it the sweep has paid out.
	pub settled: Balance,
}
