//! x402 `batch-settlement` channels, byte for byte as stock `@x402/evm` clients sign them.
//!
//! A payer deposits once into a channel and then pays each request with a voucher: an EIP-712
//! `Voucher(channelId, maxClaimableAmount)` signed by the channel's payer authorizer, where the
//! amount is cumulative (everything the receiver may claim from the channel so far). The chain
//! has no EVM. It treats the canonical batch-settlement contract and its ERC-3009 deposit
//! collector as built-in contracts: their addresses name the EIP-712 domain of channel messages
//! and the `to` of deposit authorizations, and the x402 pallet keeps the channels.
//!
//! A channel is identified by the EIP-712 hash of its [`ChannelConfig`] in the batch-settlement
//! domain, so one configuration is one channel on one network, whoever reports it.

use crate::x402::{
	eip712::{self, word_address, word_u256},
	AuthorizationNonce, EvmSignature, IntentError, UnixSeconds,
};
use crate::{AccountId, AssetId, Balance, Nonce, Signature};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use hex_literal::hex;
use polkadot_sdk::{
	sp_core::{H160, H256},
	sp_crypto_hashing::keccak_256,
};
use scale_info::TypeInfo;

/// `x402BatchSettlement`: the `verifyingContract` of channel messages.
pub const BATCH_SETTLEMENT_ADDRESS: H160 = H160(hex!("4020074e9dF2ce1deE5A9C1b5c3f541D02a10003"));

/// The ERC-3009 deposit collector: the `to` of every deposit's `ReceiveWithAuthorization`.
pub const ERC3009_DEPOSIT_COLLECTOR: H160 = H160(hex!("4020806089470a89826cB9fB1f4059150b550004"));

/// The account that holds every channel's funds: the one the collector's address embeds, which
/// no key controls.
pub fn custody_account() -> [u8; 32] {
	crate::x402::evm_address::embedded_account(ERC3009_DEPOSIT_COLLECTOR)
}

/// Shortest withdraw delay a channel may have, in seconds (the contract's bound).
pub const MIN_WITHDRAW_DELAY: u32 = 900;

/// Longest withdraw delay a channel may have, in seconds (30 days).
pub const MAX_WITHDRAW_DELAY: u32 = 2_592_000;

/// The name and version of the batch-settlement EIP-712 domain.
const DOMAIN_NAME: &[u8] = b"x402 Batch Settlement";
const DOMAIN_VERSION: &[u8] = b"1";

/// `keccak256` of the `ChannelConfig` type.
pub const CHANNEL_CONFIG_TYPEHASH: [u8; 32] = polkadot_sdk::sp_crypto_hashing_proc_macro::keccak_256!(
	b"ChannelConfig(address payer,address payerAuthorizer,address receiver,address receiverAuthorizer,address token,uint40 withdrawDelay,bytes32 salt)"
);

/// `keccak256` of the `Voucher` type.
pub const VOUCHER_TYPEHASH: [u8; 32] = polkadot_sdk::sp_crypto_hashing_proc_macro::keccak_256!(
	b"Voucher(bytes32 channelId,uint128 maxClaimableAmount)"
);

/// `keccak256` of this chain's `WithdrawRequest` type: a payer's request to leave its channel
/// without the receiver, `nonce` being the channel's refund nonce when signed (so a request
/// cannot be replayed after the channel was refunded or withdrawn from). The contract takes
/// the request from the payer's own transaction; here the payer signs it and anyone submits it.
pub const WITHDRAW_REQUEST_TYPEHASH: [u8; 32] = polkadot_sdk::sp_crypto_hashing_proc_macro::keccak_256!(
	b"WithdrawRequest(bytes32 channelId,uint256 nonce)"
);

/// A channel's identity: the EIP-712 hash of its configuration.
pub type ChannelId = H256;

/// What a channel is, fixed when it is first funded; its hash is the channel's id.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct ChannelConfig {
	/// Whose funds the channel holds, and who gets back what is not claimed.
	pub payer: H160,
	/// The key that signs vouchers (the payer, or a session key).
	pub payer_authorizer: H160,
	/// Who is paid what the vouchers claim.
	pub receiver: H160,
	/// The key that alone may claim vouchers and refund the payer (the facilitator's).
	pub receiver_authorizer: H160,
	/// The asset's 20-byte address.
	pub token: H160,
	/// Seconds a payer's own withdrawal waits, so that the receiver can claim first.
	pub withdraw_delay: u32,
	/// The payer's choice, to open several channels with one configuration otherwise.
	pub salt: [u8; 32],
}

impl ChannelConfig {
	/// The channel's id on the network whose EVM chain id is `chain_id`.
	pub fn id(&self, chain_id: u64) -> ChannelId {
		let mut encoded = Vec::with_capacity(8 * 32);
		encoded.extend_from_slice(&CHANNEL_CONFIG_TYPEHASH);
		for address in
			[self.payer, self.payer_authorizer, self.receiver, self.receiver_authorizer, self.token]
		{
			encoded.extend_from_slice(&word_address(address));
		}
		encoded.extend_from_slice(&word_u256(self.withdraw_delay.into()));
		encoded.extend_from_slice(&self.salt);
		H256(eip712::typed_data_digest(&domain_separator(chain_id), &keccak_256(&encoded)))
	}
}

/// `hashStruct(EIP712Domain)` of the batch-settlement contract on `chain_id`.
pub fn domain_separator(chain_id: u64) -> [u8; 32] {
	eip712::Domain {
		name: DOMAIN_NAME.to_vec(),
		version: DOMAIN_VERSION.to_vec(),
		chain_id,
		verifying_contract: BATCH_SETTLEMENT_ADDRESS,
	}
	.separator()
}

/// The digest a payer authorizer signs for a voucher letting the receiver claim up to
/// `max_claimable` from `channel`, in all.
pub fn voucher_digest(chain_id: u64, channel: ChannelId, max_claimable: Balance) -> [u8; 32] {
	let mut encoded = Vec::with_capacity(3 * 32);
	encoded.extend_from_slice(&VOUCHER_TYPEHASH);
	encoded.extend_from_slice(channel.as_bytes());
	encoded.extend_from_slice(&word_u256(max_claimable.into()));
	eip712::typed_data_digest(&domain_separator(chain_id), &keccak_256(&encoded))
}

/// The digest a payer signs to ask to withdraw from `channel` whose refund nonce is `nonce`.
pub fn withdraw_request_digest(chain_id: u64, channel: ChannelId, nonce: u64) -> [u8; 32] {
	let mut encoded = Vec::with_capacity(3 * 32);
	encoded.extend_from_slice(&WITHDRAW_REQUEST_TYPEHASH);
	encoded.extend_from_slice(channel.as_bytes());
	encoded.extend_from_slice(&word_u256(nonce.into()));
	eip712::typed_data_digest(&domain_separator(chain_id), &keccak_256(&encoded))
}

/// The ERC-3009 nonce of a deposit into `channel`: `keccak256(abi.encode(channelId, salt))`, so
/// an authorization signed for one channel cannot fund another.
pub fn deposit_nonce(channel: ChannelId, salt: &[u8; 32]) -> AuthorizationNonce {
	let mut encoded = [0u8; 64];
	encoded[..32].copy_from_slice(channel.as_bytes());
	encoded[32..].copy_from_slice(salt);
	keccak_256(&encoded)
}

/// A deposit's ERC-3009 `ReceiveWithAuthorization` from the payer to the collector, as the
/// stock client sends it (`erc3009Authorization`); its nonce is [`deposit_nonce`] of the
/// channel and `salt`.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct DepositAuthorization {
	/// The authorization is valid only after this.
	pub valid_after: UnixSeconds,
	/// The authorization is valid only before this.
	pub valid_before: UnixSeconds,
	/// The deposit's own random salt (not the channel's).
	pub salt: [u8; 32],
	/// The payer's signature.
	pub signature: EvmSignature,
}

/// A signed voucher: the receiver may claim up to `max_claimable` from the channel in all.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Voucher {
	/// The cumulative ceiling the payer authorizer signed.
	pub max_claimable: Balance,
	/// The payer authorizer's signature over [`voucher_digest`].
	pub signature: EvmSignature,
}

/// One entry of a claim: take the channel's claimed total up to `total_claimed`, which the
/// voucher allows.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct VoucherClaim {
	/// The channel.
	pub config: ChannelConfig,
	/// The voucher that allows the claim.
	pub voucher: Voucher,
	/// The channel's claimed total after the claim: at most the voucher's ceiling.
	pub total_claimed: Balance,
}

/// A channel's state, as the contract's views report it.
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
pub struct ChannelState {
	/// Everything deposited and not refunded.
	pub balance: Balance,
	/// Everything the receiver claimed (part of `balance`).
	pub total_claimed: Balance,
	/// When the payer asked to withdraw (unix seconds); zero when it has not.
	pub withdraw_requested_at: UnixSeconds,
	/// Refunds made so far: the nonce the next refund must name.
	pub refund_nonce: u64,
}

impl ChannelState {
	/// What the payer could still get back: the balance not claimed.
	pub fn unclaimed(&self) -> Balance {
		self.balance.saturating_sub(self.total_claimed)
	}
}

/// Why a channel operation is refused, with the stock facilitator's reason code.
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
pub enum ChannelError {
	/// The channel was never funded.
	ChannelNotFound,
	/// The withdraw delay is outside [`MIN_WITHDRAW_DELAY`]..=[`MAX_WITHDRAW_DELAY`].
	WithdrawDelayOutOfRange,
	/// The token is not a payable asset here.
	UnknownToken,
	/// The voucher's signature is not the payer authorizer's.
	BadVoucherSignature,
	/// The voucher or claim is above the channel's balance.
	CumulativeExceedsBalance,
	/// The voucher or claim does not go above what was claimed already.
	CumulativeBelowClaimed,
	/// The claim is above the voucher's ceiling.
	ClaimAboveVoucher,
	/// Only the channel's receiver authorizer may do this.
	NotReceiverAuthorizer,
	/// The refund names another nonce than the channel's next.
	WrongRefundNonce,
	/// Nothing of the balance is left to refund.
	NothingToRefund,
	/// The receiver has nothing claimed and not yet paid out.
	NothingToSettle,
	/// A claim without vouchers.
	NothingToClaim,
	/// The withdraw request is not signed by the payer for the channel's refund nonce.
	BadWithdrawSignature,
	/// The payer has already asked to withdraw.
	WithdrawPending,
	/// The payer has not asked to withdraw, or the withdraw delay has not passed since.
	WithdrawNotDue,
}

impl ChannelError {
	/// The stock `@x402/evm` reason code.
	pub fn reason(&self) -> &'static str {
		match self {
			Self::ChannelNotFound => "invalid_batch_settlement_evm_channel_not_found",
			Self::WithdrawDelayOutOfRange => {
				"invalid_batch_settlement_evm_withdraw_delay_out_of_range"
			},
			Self::UnknownToken => "invalid_batch_settlement_evm_token_mismatch",
			Self::BadVoucherSignature => "invalid_batch_settlement_evm_voucher_signature",
			Self::CumulativeExceedsBalance => {
				"invalid_batch_settlement_evm_cumulative_exceeds_balance"
			},
			Self::CumulativeBelowClaimed => "invalid_batch_settlement_evm_cumulative_below_claimed",
			Self::ClaimAboveVoucher => {
				"invalid_batch_settlement_evm_charge_exceeds_signed_cumulative"
			},
			Self::NotReceiverAuthorizer => {
				"invalid_batch_settlement_evm_authorizer_address_mismatch"
			},
			Self::WrongRefundNonce => "invalid_batch_settlement_evm_refund_payload",
			Self::NothingToRefund => "invalid_batch_settlement_evm_refund_no_balance",
			Self::NothingToSettle => "invalid_batch_settlement_evm_nothing_to_settle",
			Self::NothingToClaim => "invalid_batch_settlement_evm_claim_simulation_failed",
			Self::BadWithdrawSignature | Self::WithdrawPending | Self::WithdrawNotDue => {
				"invalid_batch_settlement_evm_refund_simulation_failed"
			},
		}
	}
}

/// A channel operation, as the facilitator has the chain dry-run and submit it (the x402
/// pallet's `deposit`, `claim`, `settle_channels` and `refund` calls).
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
pub enum ChannelCall {
	/// Fund the channel of `config` with `amount` on the payer's authorization.
	Deposit { config: ChannelConfig, amount: Balance, authorization: DepositAuthorization },
	/// Claim vouchers, all or none.
	Claim { claims: Vec<VoucherClaim> },
	/// Pay `receiver` what claims credited it in `asset`.
	Settle { receiver: H160, asset: AssetId },
	/// Claim `claims`, then refund up to `amount` of the unclaimed balance to the payer.
	Refund { config: ChannelConfig, amount: Balance, refund_nonce: u64, claims: Vec<VoucherClaim> },
	/// Start the payer's withdrawal on its signed request.
	InitiateWithdraw { config: ChannelConfig, signature: EvmSignature },
	/// Return the unclaimed balance to the payer once the withdraw delay has passed.
	FinalizeWithdraw { config: ChannelConfig },
}

/// Why a channel operation is refused: its deposit's intent, or the channel's rules.
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
pub enum ChannelRefusal {
	/// The deposit's authorization does not settle.
	Intent(IntentError),
	/// A channel rule refuses it.
	Channel(ChannelError),
	/// More claims than one call takes.
	TooManyClaims,
}

impl From<ChannelError> for ChannelRefusal {
	fn from(error: ChannelError) -> Self {
		Self::Channel(error)
	}
}

/// What a channel operation did.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ChannelOutcome {
	/// The channel's state after it (none for a sweep, which is per receiver).
	pub state: Option<ChannelState>,
	/// What it moved: deposited, credited by the claims, paid to the receiver, refunded.
	pub amount: Balance,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// The chain's `batch-settlement` channels, for the facilitator: their state, the dry run of
	/// an operation with the rules the call applies, and the extrinsic the current runtime
	/// builds for it (so the node signs what the runtime it talks to chose).
	pub trait ChannelsApi {
		/// The state of channel `id`, if it was ever funded.
		fn channel(id: ChannelId) -> Option<ChannelState>;

		/// What claims credited `receiver` in `asset`, and what of it was paid out.
		fn receiver_totals(receiver: H160, asset: AssetId) -> (Balance, Balance);

		/// What `call` submitted by `submitter` would do now, with nothing kept.
		fn dry_run(call: ChannelCall, submitter: AccountId) -> Result<ChannelOutcome, ChannelRefusal>;

		/// The channels whose payer asked to withdraw in this block (from its events).
		fn withdraw_requests() -> Vec<ChannelId>;

		/// The bytes the facilitator signs for `call` as an immortal extrinsic with `nonce`;
		/// `None` if the call has more claims than the runtime takes.
		fn call_payload(call: ChannelCall, nonce: Nonce) -> Option<Vec<u8>>;

		/// The extrinsic `signer` sends with `signature` over [`call_payload`].
		fn call_extrinsic(
			call: ChannelCall,
			nonce: Nonce,
			signer: AccountId,
			signature: Signature,
		) -> Option<<Block as polkadot_sdk::sp_runtime::traits::Block>::Extrinsic>;
	}
}

#[cfg(test)]
mod tests;
