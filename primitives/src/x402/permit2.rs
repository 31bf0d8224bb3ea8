//! Permit2 `PermitWitnessTransferFrom` messages, byte for byte as stock x402 EVM clients sign
//! them for the `exact` scheme's Permit2 method and for the `upto` scheme.
//!
//! The chain has no EVM. It treats Uniswap's canonical Permit2 address and the x402 Permit2
//! proxies the stock packages name as built-in contracts: a permit whose spender is one of the
//! proxies authorizes the chain to move the permitted token itself, exactly as the proxy would.
//! The signed permit is the whole consent. There is no separate ERC-20 approval of Permit2 to
//! give, so every account's Permit2 allowance is unlimited and a facilitator never needs to
//! answer `permit2_allowance_required`.
//!
//! The permit maps onto a [`PaymentIntent`]: `from` is the payer, `witness.to` the payee,
//! `permitted.token` the asset, the 256-bit `nonce` the intent's nonce (big-endian), `deadline`
//! its `valid_before` and `witness.validAfter` its `valid_after`. Permit2 and the proxies admit
//! both ends of that window; the chain, as for EIP-3009, admits neither, so a permit is honoured
//! one second less at each end.

use super::*;
use crate::{AccountId, AssetId, Balance};
use eip712::{word_address, word_u256};
use hex_literal::hex;
use polkadot_sdk::sp_crypto_hashing::keccak_256;

/// Uniswap's Permit2, the `verifyingContract` of every permit's EIP-712 domain.
pub const PERMIT2_ADDRESS: H160 = H160(hex!("000000000022D473030F116dDEE9F6B43aC78BA3"));

/// `x402ExactPermit2Proxy`: the spender of an `exact` permit.
pub const EXACT_PROXY_ADDRESS: H160 = H160(hex!("402085c248EeA27D92E8b30b2C58ed07f9E20001"));

/// `x402UptoPermit2Proxy` as `@x402/evm` 2.27 names it: the spender of an `upto` permit. The
/// proxy was redeployed once; this is the address of the packages this chain is tested with.
pub const UPTO_PROXY_ADDRESS: H160 = H160(hex!("4020A4f3b7b90ccA423B9fabCc0CE57C6C240002"));

/// `keccak256("EIP712Domain(string name,uint256 chainId,address verifyingContract)")`: Permit2's
/// domain has no version.
pub const DOMAIN_TYPEHASH: [u8; 32] = polkadot_sdk::sp_crypto_hashing_proc_macro::keccak_256!(
	b"EIP712Domain(string name,uint256 chainId,address verifyingContract)"
);

/// `keccak256("TokenPermissions(address token,uint256 amount)")`.
pub const TOKEN_PERMISSIONS_TYPEHASH: [u8; 32] = polkadot_sdk::sp_crypto_hashing_proc_macro::keccak_256!(
	b"TokenPermissions(address token,uint256 amount)"
);

/// The `PermitWitnessTransferFrom` typehash with the exact proxy's witness `{to, validAfter}`.
pub const EXACT_PERMIT_TYPEHASH: [u8; 32] = polkadot_sdk::sp_crypto_hashing_proc_macro::keccak_256!(
	b"PermitWitnessTransferFrom(TokenPermissions permitted,address spender,uint256 nonce,uint256 deadline,Witness witness)TokenPermissions(address token,uint256 amount)Witness(address to,uint256 validAfter)"
);

/// `keccak256("Witness(address to,uint256 validAfter)")`.
pub const EXACT_WITNESS_TYPEHASH: [u8; 32] = polkadot_sdk::sp_crypto_hashing_proc_macro::keccak_256!(
	b"Witness(address to,uint256 validAfter)"
);

/// The `PermitWitnessTransferFrom` typehash with the upto proxy's witness
/// `{to, facilitator, validAfter}`.
pub const UPTO_PERMIT_TYPEHASH: [u8; 32] = polkadot_sdk::sp_crypto_hashing_proc_macro::keccak_256!(
	b"PermitWitnessTransferFrom(TokenPermissions permitted,address spender,uint256 nonce,uint256 deadline,Witness witness)TokenPermissions(address token,uint256 amount)Witness(address to,address facilitator,uint256 validAfter)"
);

/// `keccak256("Witness(address to,address facilitator,uint256 validAfter)")`.
pub const UPTO_WITNESS_TYPEHASH: [u8; 32] = polkadot_sdk::sp_crypto_hashing_proc_macro::keccak_256!(
	b"Witness(address to,address facilitator,uint256 validAfter)"
);

/// Which proxy a permit names as its spender, and what that proxy's witness adds.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub enum Permit2Spender {
	/// `x402ExactPermit2Proxy`: the permitted amount is the intent's amount.
	Exact,
	/// `x402UptoPermit2Proxy`: the payer permits up to `max`; the intent's amount, what the
	/// service charged, may be anything from 1 to `max`. Only `facilitator` may settle it.
	Upto {
		/// The permitted amount: the most the payment may be.
		max: Balance,
		/// The 20-byte address of the account that alone may submit the settlement.
		facilitator: H160,
	},
}

impl Permit2Spender {
	/// The proxy's address.
	pub fn address(&self) -> H160 {
		match self {
			Self::Exact => EXACT_PROXY_ADDRESS,
			Self::Upto { .. } => UPTO_PROXY_ADDRESS,
		}
	}
}

/// A permit's fields, as the payer signed them (its signer is the payer, `from`).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Permit {
	/// `permitted.token`: the asset's address.
	pub token: H160,
	/// `permitted.amount`.
	pub permitted: Balance,
	/// The 256-bit nonce, big-endian.
	pub nonce: AuthorizationNonce,
	/// The last second the permit is valid in.
	pub deadline: UnixSeconds,
	/// `witness.to`: the payee's address.
	pub to: H160,
	/// `witness.validAfter`: the first second the payment may settle in.
	pub valid_after: UnixSeconds,
}

impl Permit {
	/// The permit that authorizes `intent` through `spender`; fails if the intent's amount is
	/// over an upto permit's maximum.
	pub fn of(
		intent: &PaymentIntent<AccountId, AssetId, Balance>,
		spender: &Permit2Spender,
	) -> Result<Self, IntentError> {
		let permitted = match spender {
			Permit2Spender::Exact => intent.amount,
			Permit2Spender::Upto { max, .. } => {
				if intent.amount > *max {
					return Err(IntentError::OverPermitted);
				}
				*max
			},
		};
		Ok(Self {
			token: evm_address::asset_address(intent.asset),
			permitted,
			nonce: intent.nonce,
			deadline: intent.valid_before,
			to: evm_address::address_of(intent.payee.as_ref()),
			valid_after: intent.valid_after,
		})
	}
}

/// `hashStruct(EIP712Domain)` of Permit2 on the chain with EVM chain id `chain_id`.
pub fn domain_separator(chain_id: u64) -> [u8; 32] {
	let mut encoded = Vec::with_capacity(4 * 32);
	encoded.extend_from_slice(&DOMAIN_TYPEHASH);
	encoded.extend_from_slice(&keccak_256(b"Permit2"));
	encoded.extend_from_slice(&word_u256(chain_id.into()));
	encoded.extend_from_slice(&word_address(PERMIT2_ADDRESS));
	keccak_256(&encoded)
}

/// `hashStruct(PermitWitnessTransferFrom)` of `permit` with `spender`'s witness.
pub fn struct_hash(permit: &Permit, spender: &Permit2Spender) -> [u8; 32] {
	let mut permissions = Vec::with_capacity(3 * 32);
	permissions.extend_from_slice(&TOKEN_PERMISSIONS_TYPEHASH);
	permissions.extend_from_slice(&word_address(permit.token));
	permissions.extend_from_slice(&word_u256(permit.permitted.into()));
	let mut witness = Vec::with_capacity(4 * 32);
	let typehash = match spender {
		Permit2Spender::Exact => {
			witness.extend_from_slice(&EXACT_WITNESS_TYPEHASH);
			witness.extend_from_slice(&word_address(permit.to));
			EXACT_PERMIT_TYPEHASH
		},
		Permit2Spender::Upto { facilitator, .. } => {
			witness.extend_from_slice(&UPTO_WITNESS_TYPEHASH);
			witness.extend_from_slice(&word_address(permit.to));
			witness.extend_from_slice(&word_address(*facilitator));
			UPTO_PERMIT_TYPEHASH
		},
	};
	witness.extend_from_slice(&word_u256(permit.valid_after.into()));
	let mut encoded = Vec::with_capacity(6 * 32);
	encoded.extend_from_slice(&typehash);
	encoded.extend_from_slice(&keccak_256(&permissions));
	encoded.extend_from_slice(&word_address(spender.address()));
	encoded.extend_from_slice(&permit.nonce);
	encoded.extend_from_slice(&word_u256(permit.deadline.into()));
	encoded.extend_from_slice(&keccak_256(&witness));
	keccak_256(&encoded)
}

/// The digest the payer's wallet signs for `permit` with `spender`'s witness.
pub fn digest(chain_id: u64, permit: &Permit, spender: &Permit2Spender) -> [u8; 32] {
	eip712::typed_data_digest(&domain_separator(chain_id), &struct_hash(permit, spender))
}

#[cfg(test)]
mod tests;
