//! Storage and event types of the x402 pallet. The intent itself, its signature and the
//! reasons it can fail are in `agentchain_primitives::x402`, shared with the node and clients.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::frame_support::{pallet_prelude::ConstU32, BoundedVec};
use scale_info::TypeInfo;

pub use agentchain_primitives::{
	x402::{
		eip712, evm_address, AuthorizationNonce, AuthorizationState, IntentError,
		IntentSignature, PaymentId, PaymentReference, Purpose, Receipt, Statement, UnixSeconds,
		native_cancel_payload, native_signing_payload,
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

/// A payee's running ledger for one asset.
///
/// Receipts are numbered per (payee, asset) in settlement order; `[first_open, next)` are the
/// ones not yet in a closed statement.
#[derive(Clone, Default, PartialEq, Eq, Encode, Decode, TypeInfo, MaxEncodedLen, Debug)]
pub struct Ledger {
	/// The first receipt not yet in a closed statement.
	pub first_open: u64,
	/// The number the next receipt gets.
	pub next: u64,
	/// Everything ever received in this asset through this pallet.
	pub lifetime_total: Balance,
	/// How many statements the payee has closed for this asset.
	pub statements: u32,
}

