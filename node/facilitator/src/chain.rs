//! What the facilitator needs from the node: runtime-API reads at the best block, and a way to
//! put a signed `settle_batch` or channel operation into the pool and follow it.

use agentchain_primitives::{
	channels::{ChannelCall, ChannelId, ChannelOutcome, ChannelRefusal, ChannelState},
	mandates::{Endpoint, MandatedSpend},
	x402::{
		api::{Committed, StatementReport},
		eip712, IntentError, IntentSignature, PaymentId, Receipt,
	},
	AccountId, AssetId, Balance, BlockNumber,
};
use futures::stream::BoxStream;
use polkadot_sdk::sp_core::{H160, H256};
use std::future::Future;

/// The payment intent as the chain takes it.
pub type Intent = agentchain_primitives::x402::PaymentIntent<AccountId, AssetId, Balance>;

/// A settled payment's receipt as the chain keeps it.
pub type ChainReceipt = Receipt<AccountId, AssetId, Balance, BlockNumber>;

/// The node could not answer: a runtime API call or the pool failed. Not the payment's fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainError(pub String);

impl std::fmt::Display for ChainError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.write_str(&self.0)
	}
}

/// Where a settling extrinsic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inclusion {
	pub tx: H256,
	pub block: H256,
	pub number: BlockNumber,
	pub finalized: bool,
}

/// What happened to a submitted extrinsic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TxEvent {
	/// Included in a block (possibly again, after a retraction).
	InBlock { block: H256, number: BlockNumber },
	/// The block that included it left the best chain.
	Retracted,
	/// The including block is final.
	Finalized { block: H256, number: BlockNumber },
	/// The pool stopped watching it while its block was not final yet.
	FinalityTimeout,
	/// The pool dropped it, found it invalid, replaced it, or it waits behind a missing nonce;
	/// it will not be included.
	Dropped(String),
}

/// The node's side of the facilitator.
pub trait Chain: Send + Sync + 'static {
	/// The genesis hash: names the native network and binds native signatures.
	fn genesis_hash(&self) -> H256;

	/// The facilitator's signing account, if its key is in the keystore.
	fn signer(&self) -> Option<AccountId>;

	/// This network's EVM chain id (the `chainId` of its EIP-712 domains).
	fn evm_chain_id(&self) -> u64;

	/// Most intents per `settle_batch`, as the runtime at the best block says.
	fn max_batch(&self) -> Result<u32, ChainError>;

	/// Now, in unix seconds: the wall clock, as x402 clients set their windows by it.
	fn now(&self) -> Result<u64, ChainError>;

	/// The runtime's dry run of settling `intent` at the best block, as if what the facilitator
	/// has queued that shares its funds or mandates (`committed`) had settled before it.
	fn verify(
		&self,
		intent: &Intent,
		signature: &IntentSignature,
		committed: &Committed,
	) -> Result<Result<PaymentId, IntentError>, ChainError>;

	/// Whose funds `payer`'s intents spend when the key holds a spending mandate (the root
	/// and the mandates up to it), at the best block; `None` for its own.
	fn spender_of(&self, payer: &AccountId) -> Result<Option<MandatedSpend>, ChainError>;

	/// The endpoint list of each mandate `payer`'s intents spend through, from the key's own up
	/// to the root's grant (an empty list admits any endpoint); none if the key holds none.
	fn endpoint_rules(&self, payer: &AccountId) -> Result<Vec<Vec<Endpoint>>, ChainError>;

	/// Whether `signature` authorizes `intent` on this chain, whatever its nonce's state.
	fn check_signature(
		&self,
		intent: &Intent,
		signature: &IntentSignature,
	) -> Result<Result<(), IntentError>, ChainError>;

	/// The runtime's dry run of `settle_batch(items)` at the best block: each item's outcome.
	fn simulate_batch(
		&self,
		items: Vec<(Intent, IntentSignature)>,
	) -> Result<Vec<(PaymentId, Result<(), IntentError>)>, ChainError>;

	/// The EIP-712 domain of `asset`, if it is payable.
	fn asset_domain(&self, asset: AssetId) -> Result<Option<eip712::Domain>, ChainError>;

	/// The account a payment to `address` credits.
	fn account_of_address(&self, address: H160) -> Result<AccountId, ChainError>;

	/// The receipt of a settled payment, while the chain keeps it.
	fn receipt(&self, payment_id: PaymentId) -> Result<Option<ChainReceipt>, ChainError>;

	/// The extrinsic that settled `receipt`.
	fn locate(&self, receipt: &ChainReceipt) -> Result<Option<Inclusion>, ChainError>;

	/// A payee's statements and open receipts between two blocks.
	fn statement(
		&self,
		payee: AccountId,
		asset: AssetId,
		from: BlockNumber,
		to: BlockNumber,
	) -> Result<StatementReport<BlockNumber>, ChainError>;

	/// Signs `x402.settle_batch(items)` with the facilitator's key, submits it to the pool and
	/// returns its hash and its fate.
	fn submit_batch(
		&self,
		items: Vec<(Intent, IntentSignature)>,
	) -> impl Future<Output = Result<(H256, BoxStream<'static, TxEvent>), ChainError>> + Send;

	/// The state of `batch-settlement` channel `id` at the best block, if it was ever funded.
	fn channel(&self, id: ChannelId) -> Result<Option<ChannelState>, ChainError>;

	/// [`Chain::channel`] if the node has it at hand for the best block, without a runtime
	/// call (so a caller may ask on an async thread); `None` if it would take one.
	fn channel_at_hand(&self, _id: ChannelId) -> Option<Option<ChannelState>> {
		None
	}

	/// What claims credited `receiver` in `asset`, and what of it was paid out.
	fn receiver_totals(
		&self,
		receiver: H160,
		asset: AssetId,
	) -> Result<(Balance, Balance), ChainError>;

	/// The runtime's dry run of the channel operation `call` submitted by the facilitator's
	/// account at the best block.
	fn dry_run_channel(
		&self,
		call: &ChannelCall,
	) -> Result<Result<ChannelOutcome, ChannelRefusal>, ChainError>;

	/// The best block's number, and the channels whose payer asked to withdraw in the blocks
	/// of the best chain after `after` up to it (at most the last 64).
	fn withdraw_requests_since(
		&self,
		after: BlockNumber,
	) -> Result<(BlockNumber, Vec<ChannelId>), ChainError>;

	/// Signs the channel operation `call` with the facilitator's key, submits it to the pool
	/// and returns its hash and its fate.
	fn submit_channel(
		&self,
		call: ChannelCall,
	) -> impl Future<Output = Result<(H256, BoxStream<'static, TxEvent>), ChainError>> + Send;

	/// Each item's outcome in the `settle_batch` `tx` of `block`, by payment id.
	fn batch_outcomes(
		&self,
		block: H256,
		tx: H256,
	) -> Result<Vec<(PaymentId, Result<(), IntentError>)>, ChainError>;
}
