//! The runtime API of x402 settlement: what the node's facilitator, its RPC and clients ask the
//! chain, answered with exactly the rules settlement applies.

use super::*;
use crate::{mandates::MandateId, AccountId, AssetId, Balance, BlockNumber, Nonce, Signature};

use alloc::vec::Vec;

/// A payee's reconciliation view of one asset over a block range.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct StatementReport<BlockNumber> {
	/// Closed statements that overlap the range, with their index.
	pub closed: Vec<(u32, Statement<Balance, BlockNumber, H256>)>,
	/// Open (not yet closed) receipts settled within the range, oldest first, at most
	/// [`MAX_REPORTED_RECEIPTS`].
	pub open: Vec<(PaymentId, Receipt<AccountId, AssetId, Balance, BlockNumber>)>,
	/// How many open receipts fall in the range (may exceed `open.len()`).
	pub open_count: u32,
	/// Their total.
	pub open_total: Balance,
	/// Where the range's open receipts go on when there were more ledger entries than one
	/// report reads ([`MAX_SCANNED_ENTRIES`]): ask again from this block.
	pub resume_from: Option<BlockNumber>,
}

/// What a facilitator has queued and not yet settled that a new payment shares with it: the
/// funds of the account the payment debits and each mandate it goes through.
#[derive(Clone, Default, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Committed {
	/// Queued from the account the payment debits (its payer, or its mandate's root), in the
	/// payment's asset.
	pub funds: Balance,
	/// Queued through each mandate the payment goes through: amount and number of payments.
	pub mandates: Vec<(MandateId, Balance, u32)>,
}

/// Most open receipts one [`StatementReport`] lists.
pub const MAX_REPORTED_RECEIPTS: u32 = 1_000;

/// Most ledger entries (payments of one settling call to one payee), and most closed
/// statements, one [`StatementReport`] reads.
pub const MAX_SCANNED_ENTRIES: u32 = 10_000;

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// x402 settlement queries.
	pub trait X402Api {
		/// Runs every check settlement of `intent` for `purpose` would make, at this block,
		/// without settling. Returns its payment id, or the reason settlement would fail.
		fn verify(
			intent: PaymentIntent<AccountId, AssetId, Balance>,
			signature: IntentSignature,
			purpose: Purpose,
		) -> Result<PaymentId, IntentError>;

		/// [`verify`](X402Api::verify) as if what a facilitator has queued and not yet settled
		/// had settled first: `committed.funds` out of the debited account, and each listed
		/// amount and count through each mandate.
		fn verify_after(
			intent: PaymentIntent<AccountId, AssetId, Balance>,
			signature: IntentSignature,
			purpose: Purpose,
			committed: Committed,
		) -> Result<PaymentId, IntentError>;

		/// Whose funds `payer`'s intents spend when the key holds a mandate (the root, and the
		/// mandates up to it), whatever their limits allow; `None` for its own.
		fn spender_of(payer: AccountId) -> Option<MandatedSpend>;

		/// Most intents one `settle_batch` takes (`MaxBatch`), as this runtime version says.
		fn max_batch() -> u32;

		/// The bytes the facilitator's account signs to send `settle_batch(items)` as its
		/// immortal extrinsic `nonce` with no tip: this runtime's call encoding, transaction
		/// extensions and implicit data (hashed as the runtime verifies them), so a node signs
		/// for the runtime that will check the signature, whatever runtime it was built with.
		/// `None` if `items` is over [`max_batch`](X402Api::max_batch).
		fn settlement_payload(
			items: Vec<(PaymentIntent<AccountId, AssetId, Balance>, IntentSignature)>,
			nonce: Nonce,
		) -> Option<Vec<u8>>;

		/// The signed extrinsic of [`settlement_payload`](X402Api::settlement_payload) by
		/// `signer`, ready for the pool. `None` if `items` is over the batch limit.
		fn settlement_extrinsic(
			items: Vec<(PaymentIntent<AccountId, AssetId, Balance>, IntentSignature)>,
			nonce: Nonce,
			signer: AccountId,
			signature: Signature,
		) -> Option<<Block as polkadot_sdk::sp_runtime::traits::Block>::Extrinsic>;

		/// The outcome of every intent settled or rejected in this block, with the index of the
		/// extrinsic that carried it, read from the block's events by the runtime that wrote
		/// them: how a node learns a batch's outcomes without decoding events itself, so a
		/// runtime upgrade that changes the events cannot mislead it.
		fn settlement_outcomes() -> Vec<(u32, PaymentId, Result<(), IntentError>)>;

		/// Runs `settle_batch(items)` at this block without keeping anything: each item's
		/// payment id and outcome, in order. A facilitator dry-runs a batch before it signs it.
		fn simulate_batch(items: Vec<(PaymentIntent<AccountId, AssetId, Balance>, IntentSignature)>) -> Vec<(PaymentId, Result<(), IntentError>)>;

		/// Whether `signature` authorizes `intent` for `purpose` on this chain, whatever the
		/// state of its nonce, window and funds: how a facilitator tells a forged copy of a
		/// settled payment from the payment itself.
		fn check_signature(
			intent: PaymentIntent<AccountId, AssetId, Balance>,
			signature: IntentSignature,
			purpose: Purpose,
		) -> Result<(), IntentError>;

		/// This network's EVM chain id (the `chainId` of its EIP-712 domains), set in its chain
		/// spec.
		fn evm_chain_id() -> u64;

		/// What the chain remembers of `payer`'s `nonce`: `None` if it is unused (or its
		/// used record was pruned after expiry).
		fn authorization_state(payer: AccountId, nonce: AuthorizationNonce) -> Option<AuthorizationState>;

		/// The receipt of a settled payment, until its statement period is closed.
		fn receipt(payment_id: PaymentId) -> Option<Receipt<AccountId, AssetId, Balance, BlockNumber>>;

		/// `payee`'s statements and open receipts in `asset` between two blocks (inclusive).
		fn statement(payee: AccountId, asset: AssetId, from_block: BlockNumber, to_block: BlockNumber) -> StatementReport<BlockNumber>;

		/// The EIP-712 domain EVM wallets sign against for `asset`; `None` if it is not payable.
		fn asset_domain(asset: AssetId) -> Option<eip712::Domain>;

		/// The account a payment to the 20-byte `address` credits.
		fn account_of_address(address: H160) -> AccountId;
	}
}
