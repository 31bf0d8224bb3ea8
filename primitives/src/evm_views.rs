//! Read-only views of the chain's assets as EVM contract calls (`eth_call`), so that a stock
//! viem client whose chain's RPC URL is the node reads what x402 clients read through
//! `readContract`. The chain is not an EVM: it answers exactly the functions named here, at
//! the addresses that stand for its payable assets ([`crate::x402::evm_address::asset_address`]),
//! and at the batch-settlement contract's address for channels, with the same rules settlement
//! applies.
//!
//! The runtime answers ([`EvmViewsApi::call`]), so a runtime upgrade that adds a view needs no
//! new node.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use polkadot_sdk::sp_core::{H160, U256};
use scale_info::TypeInfo;

/// The first four bytes of `keccak256(signature)`.
const fn selector(hash: [u8; 32]) -> [u8; 4] {
	[hash[0], hash[1], hash[2], hash[3]]
}

macro_rules! selector {
	($signature:literal) => {
		selector(polkadot_sdk::sp_crypto_hashing_proc_macro::keccak_256!($signature))
	};
}

/// `balanceOf(address)`: what a payment to the address has credited.
pub const BALANCE_OF: [u8; 4] = selector!(b"balanceOf(address)");
/// `allowance(address,address)`: unlimited for Permit2 (a signed permit is the whole consent),
/// zero for any other spender (the chain has no ERC-20 approvals).
pub const ALLOWANCE: [u8; 4] = selector!(b"allowance(address,address)");
/// `authorizationState(address,bytes32)` (EIP-3009): whether the nonce is used or canceled.
pub const AUTHORIZATION_STATE: [u8; 4] = selector!(b"authorizationState(address,bytes32)");
/// `name()`: the EIP-712 domain name.
pub const NAME: [u8; 4] = selector!(b"name()");
/// `version()`: the EIP-712 domain version.
pub const VERSION: [u8; 4] = selector!(b"version()");
/// `decimals()`.
pub const DECIMALS: [u8; 4] = selector!(b"decimals()");

/// `channels(bytes32)` of the batch-settlement contract: a channel's balance and claimed total.
pub const CHANNELS: [u8; 4] = selector!(b"channels(bytes32)");
/// `pendingWithdrawals(bytes32)`: what a payer's pending withdrawal would return now, and when
/// it was asked for (zeros when none is pending).
pub const PENDING_WITHDRAWALS: [u8; 4] = selector!(b"pendingWithdrawals(bytes32)");
/// `refundNonce(bytes32)`: the nonce the channel's next refund names.
pub const REFUND_NONCE: [u8; 4] = selector!(b"refundNonce(bytes32)");
/// `receivers(address,address)`: what claims credited a receiver in a token, and what of it
/// was paid out.
pub const RECEIVERS: [u8; 4] = selector!(b"receivers(address,address)");

/// Why a view cannot be answered.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum ViewError {
	/// The address is not one of the chain's payable assets.
	UnknownContract,
	/// The function is not one the chain answers.
	UnknownFunction,
	/// The call data is not the function's arguments, ABI-encoded.
	BadArguments,
}

/// The ABI-encoded arguments of a call: 32-byte words after the selector.
pub struct Arguments<'a>(&'a [u8]);

impl<'a> Arguments<'a> {
	/// The selector and arguments of `input`; `None` if it is shorter than a selector.
	pub fn split(input: &'a [u8]) -> Option<([u8; 4], Self)> {
		let selector = input.get(..4)?.try_into().ok()?;
		Some((selector, Self(&input[4..])))
	}

	/// The `index`th word.
	pub fn word(&self, index: usize) -> Result<[u8; 32], ViewError> {
		let start = index.checked_mul(32).ok_or(ViewError::BadArguments)?;
		self.0
			.get(start..start + 32)
			.and_then(|word| word.try_into().ok())
			.ok_or(ViewError::BadArguments)
	}

	/// The `index`th word as an address: its first 12 bytes must be zero.
	pub fn address(&self, index: usize) -> Result<H160, ViewError> {
		let word = self.word(index)?;
		if word[..12] != [0u8; 12] {
			return Err(ViewError::BadArguments);
		}
		Ok(H160::from_slice(&word[12..]))
	}
}

/// A `uint256` return value.
pub fn uint(value: U256) -> Vec<u8> {
	value.to_big_endian().to_vec()
}

/// A tuple of `uint` return values.
pub fn uints<const N: usize>(values: [U256; N]) -> Vec<u8> {
	values.into_iter().flat_map(|value| value.to_big_endian()).collect()
}

/// A `bool` return value.
pub fn boolean(value: bool) -> Vec<u8> {
	uint(U256::from(value as u8))
}

/// A `string` return value: offset, length, the bytes padded to a whole word.
pub fn string(bytes: &[u8]) -> Vec<u8> {
	let mut encoded = uint(U256::from(32));
	encoded.extend(uint(U256::from(bytes.len())));
	encoded.extend_from_slice(bytes);
	encoded.resize(encoded.len().next_multiple_of(32), 0);
	encoded
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// EVM-style views of the chain's assets.
	pub trait EvmViewsApi {
		/// What a call of `input` (selector and ABI-encoded arguments) to the contract at `to`
		/// returns, ABI-encoded.
		fn call(to: H160, input: Vec<u8>) -> Result<Vec<u8>, ViewError>;
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn selectors_are_the_erc20_and_eip3009_ones() {
		assert_eq!(BALANCE_OF, [0x70, 0xa0, 0x82, 0x31]);
		assert_eq!(ALLOWANCE, [0xdd, 0x62, 0xed, 0x3e]);
		assert_eq!(AUTHORIZATION_STATE, [0xe9, 0x4a, 0x01, 0x02]);
		assert_eq!(NAME, [0x06, 0xfd, 0xde, 0x03]);
		assert_eq!(VERSION, [0x54, 0xfd, 0x4d, 0x50]);
		assert_eq!(DECIMALS, [0x31, 0x3c, 0xe5, 0x67]);
	}

	#[test]
	fn arguments_refuse_short_input_and_dirty_addresses() {
		let mut input = BALANCE_OF.to_vec();
		let (_, args) = Arguments::split(&input).unwrap();
		assert_eq!(args.address(0), Err(ViewError::BadArguments));
		input.extend([1u8; 32]);
		let (_, args) = Arguments::split(&input).unwrap();
		assert_eq!(args.address(0), Err(ViewError::BadArguments));
		assert!(Arguments::split(&[1, 2, 3]).is_none());
		assert_eq!(string(b"USD Coin").len(), 96);
	}
}
