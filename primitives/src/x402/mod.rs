//! x402 payment intents: the one definition of an intent, its payment id and the exact bytes a
//! payer signs, shared by the runtime, the node's facilitator and clients.
//!
//! An intent moves `amount` of `asset` from `payer` to `payee` on the strength of the payer's
//! signature, with EIP-3009 semantics: a random 32-byte nonce that can be used once, and a
//! validity window `(valid_after, valid_before)` in unix seconds, open at both ends.
//!
//! Two kinds of signature authorize an intent:
//! - [`IntentSignature::Native`]: a `MultiSignature` (sr25519, ed25519, ecdsa) over
//!   [`native_signing_payload`], which binds the chain (genesis hash) and the purpose;
//! - [`IntentSignature::Evm`]: a 65-byte secp256k1 signature over the EIP-712 digest that stock
//!   x402 EVM clients sign ([`eip712`]), with the payer and payee as 20-byte addresses mapped to
//!   accounts by [`evm_address`];
//! - [`IntentSignature::Permit2`]: a 65-byte secp256k1 signature over the Permit2 permit that
//!   stock clients sign for the `exact` scheme's Permit2 method and for `upto` ([`permit2`]).
//!
//! [`api::X402Api`] is the runtime API that answers with the same rules settlement applies.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	sp_core::{H160, H256},
	sp_crypto_hashing::blake2_256,
	sp_runtime::MultiSignature,
};
use scale_info::TypeInfo;

pub use crate::mandates::{MandateRefusal, MandatedSpend};

pub mod api;
pub mod eip712;
pub mod evm_address;
pub mod permit2;

/// A payer's single-use nonce: 32 random bytes, as EIP-3009's `bytes32 nonce`.
pub type AuthorizationNonce = [u8; 32];

/// A payee's own 32-byte reference for reconciliation: an invoice number, an x402 payment id.
pub type PaymentReference = [u8; 32];

/// Identifies a payment everywhere (events, receipts, RPC): `blake2_256` of the domain tag, the
/// payer and the nonce. One payer's nonce settles at most once, so its payment id is unique.
pub type PaymentId = H256;

/// The keystore key type of a node's x402 facilitator key (sr25519): the account that signs and
/// pays for the `settle_batch` extrinsics the built-in facilitator submits.
pub const FACILITATOR_KEY_TYPE: polkadot_sdk::sp_core::crypto::KeyTypeId =
	polkadot_sdk::sp_core::crypto::KeyTypeId(*b"x402");

/// The keystore key type of an agent's paying key (sr25519), which `agentchain-node x402 sign`
/// and `x402 pay` sign native intents with.
pub const AGENT_KEY_TYPE: polkadot_sdk::sp_core::crypto::KeyTypeId =
	polkadot_sdk::sp_core::crypto::KeyTypeId(*b"agnt");

/// The secret URI of the development facilitator key, inserted automatically on `--dev` and
/// funded at genesis on development and local chains.
pub const DEV_FACILITATOR_SURI: &str = "//Facilitator";

/// The sr25519 public key (and account) of [`DEV_FACILITATOR_SURI`], for genesis presets, which
/// cannot derive keys. `node/src/facilitator.rs` tests that it matches.
pub const DEV_FACILITATOR_ACCOUNT: [u8; 32] = [
	0x5c, 0x41, 0xa6, 0xbc, 0x80, 0xc5, 0xb2, 0x03, 0x42, 0x4c, 0x6c, 0x15, 0x54, 0x76, 0xef, 0x40,
	0x69, 0x47, 0x1b, 0xac, 0x6c, 0x07, 0x46, 0x9a, 0x04, 0x44, 0xe7, 0xcc, 0x63, 0x2c, 0x22, 0x75,
];

/// Unix time in seconds, the unit of EIP-3009's `validAfter`/`validBefore`.
pub type UnixSeconds = u64;

/// Domain tag of every native signing payload and of payment ids: separates them from any
/// other signed bytes on this chain.
pub const DOMAIN_TAG: &[u8; 16] = b"agentchain/x402/";

/// A payer's signed promise to pay.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct PaymentIntent<AccountId, AssetId, Balance> {
	/// Who pays; the signer.
	pub payer: AccountId,
	/// Who is paid.
	pub payee: AccountId,
	/// The asset (a stablecoin) in `pallet-assets`.
	pub asset: AssetId,
	/// How much, in the asset's smallest unit.
	pub amount: Balance,
	/// The intent is valid only when the block time is strictly after this.
	pub valid_after: UnixSeconds,
	/// The intent is valid only when the block time is strictly before this.
	pub valid_before: UnixSeconds,
	/// The payer's random single-use nonce.
	pub nonce: AuthorizationNonce,
	/// The payee's optional reference, covered by native signatures. EVM signatures cannot
	/// cover it (EIP-3009 has no such field), so an EVM-signed intent must have none: anyone
	/// could otherwise stamp a payment with another invoice's reference.
	pub reference: Option<PaymentReference>,
}

impl<AccountId: Encode, AssetId, Balance> PaymentIntent<AccountId, AssetId, Balance> {
	/// The intent's payment id. It names the payer's nonce, not the intent: two intents
	/// with one nonce share it, and at most one of them ever settles.
	pub fn payment_id(&self) -> PaymentId {
		payment_id(&self.payer, &self.nonce)
	}

	/// Whether the window admits `now`: `valid_after < now < valid_before`, as EIP-3009.
	pub fn is_valid_at(&self, now: UnixSeconds) -> bool {
		self.valid_after < now && now < self.valid_before
	}
}

/// The payment id of `payer`'s `nonce`.
pub fn payment_id<AccountId: Encode>(payer: &AccountId, nonce: &AuthorizationNonce) -> PaymentId {
	H256(blake2_256(&(DOMAIN_TAG, b"payment-id", payer, nonce).encode()))
}

/// A 65-byte secp256k1 signature, `r ‖ s ‖ v`, as EVM wallets produce it.
pub type EvmSignature = [u8; 65];

/// The signature that authorizes an intent or a cancellation.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub enum IntentSignature {
	/// A Substrate signature by the payer's account over [`native_signing_payload`].
	Native(MultiSignature),
	/// An EIP-712 signature by the payer's EVM key ([`eip712`]).
	Evm(EvmSignature),
	/// A Permit2 `PermitWitnessTransferFrom` signed by the payer's EVM key for one of the x402
	/// Permit2 proxies ([`permit2`]): the `exact` scheme's Permit2 method, or `upto`. Only for
	/// [`Purpose::Transfer`].
	Permit2 {
		/// The 65-byte signature.
		signature: EvmSignature,
		/// The proxy the permit names, and what its witness adds.
		spender: permit2::Permit2Spender,
	},
}

/// What a signature allows; part of every signed payload, so a signature for one purpose
/// cannot be used for another.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum Purpose {
	/// Anyone may submit the transfer (`transfer_with_authorization`, `settle_batch`).
	Transfer,
	/// Only the payee may submit it (`receive_with_authorization`).
	Receive,
	/// Cancel an unused nonce (`cancel_authorization`).
	Cancel,
}

/// The bytes a native signer signs to authorize `intent` for `purpose` on the chain whose
/// genesis block is `genesis_hash`.
pub fn native_signing_payload<Hash: Encode, AccountId: Encode, AssetId: Encode, Balance: Encode>(
	purpose: Purpose,
	genesis_hash: Hash,
	intent: &PaymentIntent<AccountId, AssetId, Balance>,
) -> Vec<u8> {
	(DOMAIN_TAG, purpose, genesis_hash, intent).encode()
}

/// The bytes a native signer signs to cancel its unused `nonce`.
pub fn native_cancel_payload<Hash: Encode, AccountId: Encode>(
	genesis_hash: Hash,
	payer: &AccountId,
	nonce: &AuthorizationNonce,
) -> Vec<u8> {
	(DOMAIN_TAG, Purpose::Cancel, genesis_hash, payer, nonce).encode()
}

/// Why an intent cannot settle: the reasons settlement checks, in the order it checks them.
/// `verify` returns the same reason that settlement would fail with.
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
pub enum IntentError {
	/// The block time is not yet after `valid_after`.
	NotYetValid,
	/// The block time is not before `valid_before`.
	Expired,
	/// `valid_before` is more than the chain's `MaxValidity` after the block time: an intent
	/// settles only in the last `MaxValidity` of its window.
	ValidityTooLong,
	/// The payer's nonce was already used.
	NonceUsed,
	/// The payer canceled the nonce.
	NonceCanceled,
	/// The asset has no EIP-712 domain on this chain: not a payable stablecoin.
	UnknownAsset,
	/// The amount is zero.
	ZeroAmount,
	/// Payer and payee are the same account.
	SelfPayment,
	/// The signature does not verify for this payer, intent, purpose and chain (for EVM
	/// signatures: also when the signed `to` address does not pay `payee`).
	BadSignature,
	/// An EVM signature was given for a payer that is not an EVM account.
	NotAnEvmPayer,
	/// The payer's balance does not cover the amount.
	InsufficientFunds,
	/// The payee cannot receive the amount (it would stay below the asset's minimum balance,
	/// or the asset or account is frozen).
	CannotReceive,
	/// Only the payee may submit this intent (`receive_with_authorization`).
	NotThePayee,
	/// An EVM-signed intent carries a `reference`, which its signature does not cover.
	UnsignedReference,
	/// The payment would leave the payer less than the asset's minimum balance but not
	/// nothing: that remainder would be destroyed. Pay all of it, or leave at least the minimum.
	DustRemainder,
	/// The payer key spends through a spending mandate, and a mandate from its own up to the
	/// root's refuses the payment.
	Mandate(MandateRefusal),
	/// The amount is over what the payer's `upto` permit allows.
	OverPermitted,
	/// An `upto` permit names another facilitator than the account that submitted it.
	WrongFacilitator,
}

/// What the chain remembers of a payer's nonce.
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
pub enum AuthorizationState {
	/// An intent with this nonce settled. The record is kept at least until `expires`: the
	/// settlement time plus `MaxValidity`. An intent settles only while its `valid_before` is at
	/// most `MaxValidity` ahead, so every other intent with this nonce that could have settled
	/// when the nonce was used has then expired.
	Used {
		/// When the record may go.
		expires: UnixSeconds,
	},
	/// The payer canceled the nonce before it was used. Kept for good: a cancellation does not
	/// say until when intents with this nonce could be valid.
	Canceled,
}

/// One settled payment, kept for look-ups by payment id until its intent has expired and it has
/// been kept its retention period.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Receipt<AccountId, AssetId, Balance, BlockNumber> {
	/// Who paid.
	pub payer: AccountId,
	/// Who was paid.
	pub payee: AccountId,
	/// In which asset.
	pub asset: AssetId,
	/// How much.
	pub amount: Balance,
	/// The payee's reference, if the intent had one.
	pub reference: Option<PaymentReference>,
	/// The block that settled it.
	pub block: BlockNumber,
	/// The index of the settling extrinsic in that block.
	pub extrinsic_index: u32,
	/// When `payer` is a delegate key: the root whose funds paid, and the mandates the payment
	/// went through.
	pub mandate: Option<MandatedSpend>,
	/// The payee's ledger entry (one per settling call, payee and asset) that lists it.
	pub sequence: u64,
}

/// A closed reconciliation period: what a payee was paid between two blocks.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Statement<Balance, BlockNumber, Hash> {
	/// The block of the period's first receipt.
	pub from_block: BlockNumber,
	/// The last block the period covers.
	pub to_block: BlockNumber,
	/// The payee's first ledger entry in the period.
	pub first_entry: u64,
	/// How many payments.
	pub count: u32,
	/// Their total.
	pub total: Balance,
	/// The head of the hash chain over all the payee's receipts in the asset after the
	/// period's last one: `c₀ = 0`, `cᵢ = blake2_256(cᵢ₋₁ ‖ payment_id ‖ payer ‖ amount)`. The
	/// previous statement's commitment (zero for the first) is where the period's chain starts,
	/// so a payee that kept its receipts recomputes it to prove its records match the chain's.
	pub commitment: Hash,
}

#[cfg(test)]
mod vectors;
