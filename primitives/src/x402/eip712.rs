//! EIP-712 hashing of EIP-3009 authorizations, byte for byte as EVM clients sign them.

use super::*;
use crate::{AccountId, AssetId, Balance};
use polkadot_sdk::{sp_core::U256, sp_crypto_hashing::keccak_256};

/// `keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)")`.
pub const DOMAIN_TYPEHASH: [u8; 32] = polkadot_sdk::sp_crypto_hashing_proc_macro::keccak_256!(
	b"EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
);
/// `keccak256("TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)")`.
pub const TRANSFER_TYPEHASH: [u8; 32] = polkadot_sdk::sp_crypto_hashing_proc_macro::keccak_256!(
	b"TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)"
);
/// `keccak256("ReceiveWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)")`.
pub const RECEIVE_TYPEHASH: [u8; 32] = polkadot_sdk::sp_crypto_hashing_proc_macro::keccak_256!(
	b"ReceiveWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)"
);
/// `keccak256("CancelAuthorization(address authorizer,bytes32 nonce)")`.
pub const CANCEL_TYPEHASH: [u8; 32] = polkadot_sdk::sp_crypto_hashing_proc_macro::keccak_256!(
	b"CancelAuthorization(address authorizer,bytes32 nonce)"
);

/// An asset's EIP-712 domain.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Domain {
	/// The token name wallets show (`extra.name` in x402 requirements).
	pub name: Vec<u8>,
	/// The domain version (`extra.version`).
	pub version: Vec<u8>,
	/// The chain id of `eip155:<chain id>`.
	pub chain_id: u64,
	/// The asset's 20-byte address ([`evm_address::asset_address`]).
	pub verifying_contract: H160,
}

pub(crate) fn word_u256(value: U256) -> [u8; 32] {
	value.to_big_endian()
}

pub(crate) fn word_address(address: H160) -> [u8; 32] {
	let mut word = [0u8; 32];
	word[12..].copy_from_slice(address.as_bytes());
	word
}

impl Domain {
	/// `hashStruct(EIP712Domain)`.
	pub fn separator(&self) -> [u8; 32] {
		let mut encoded = Vec::with_capacity(5 * 32);
		encoded.extend_from_slice(&DOMAIN_TYPEHASH);
		encoded.extend_from_slice(&keccak_256(&self.name));
		encoded.extend_from_slice(&keccak_256(&self.version));
		encoded.extend_from_slice(&word_u256(self.chain_id.into()));
		encoded.extend_from_slice(&word_address(self.verifying_contract));
		keccak_256(&encoded)
	}

	/// The digest an EVM wallet signs for `intent` with `purpose` (`Transfer`:
	/// `TransferWithAuthorization`, `Receive`: `ReceiveWithAuthorization`), with `from` the payer's
	/// embedded address and `to` the payee's address ([`evm_address`]).
	pub fn intent_digest(
		&self,
		purpose: Purpose,
		intent: &PaymentIntent<AccountId, AssetId, Balance>,
	) -> Result<[u8; 32], IntentError> {
		Ok(typed_data_digest(&self.separator(), &intent_struct_hash(purpose, intent)?))
	}

	/// The digest of a `CancelAuthorization` message.
	pub fn cancel_digest(&self, authorizer: H160, nonce: &AuthorizationNonce) -> [u8; 32] {
		let mut encoded = Vec::with_capacity(3 * 32);
		encoded.extend_from_slice(&CANCEL_TYPEHASH);
		encoded.extend_from_slice(&word_address(authorizer));
		encoded.extend_from_slice(nonce);
		typed_data_digest(&self.separator(), &keccak_256(&encoded))
	}
}

/// The digest an EVM wallet signs: `keccak256(0x1901 ‖ domain separator ‖ hashStruct(message))`.
/// Settlement computes the separator once per asset and calls this per intent.
pub fn typed_data_digest(separator: &[u8; 32], struct_hash: &[u8; 32]) -> [u8; 32] {
	let mut encoded = [0u8; 66];
	encoded[..2].copy_from_slice(&[0x19, 0x01]);
	encoded[2..34].copy_from_slice(separator);
	encoded[34..].copy_from_slice(struct_hash);
	keccak_256(&encoded)
}

/// `hashStruct` of the `TransferWithAuthorization` or `ReceiveWithAuthorization` message for
/// `intent`. Fails for a payer that is not an EVM account, and for [`Purpose::Cancel`].
pub fn intent_struct_hash(
	purpose: Purpose,
	intent: &PaymentIntent<AccountId, AssetId, Balance>,
) -> Result<[u8; 32], IntentError> {
	let typehash = match purpose {
		Purpose::Transfer => TRANSFER_TYPEHASH,
		Purpose::Receive => RECEIVE_TYPEHASH,
		Purpose::Cancel => return Err(IntentError::BadSignature),
	};
	let from =
		evm_address::embedded_address(intent.payer.as_ref()).ok_or(IntentError::NotAnEvmPayer)?;
	let to = evm_address::address_of(intent.payee.as_ref());
	let mut encoded = Vec::with_capacity(7 * 32);
	encoded.extend_from_slice(&typehash);
	encoded.extend_from_slice(&word_address(from));
	encoded.extend_from_slice(&word_address(to));
	encoded.extend_from_slice(&word_u256(intent.amount.into()));
	encoded.extend_from_slice(&word_u256(intent.valid_after.into()));
	encoded.extend_from_slice(&word_u256(intent.valid_before.into()));
	encoded.extend_from_slice(&intent.nonce);
	Ok(keccak_256(&encoded))
}
