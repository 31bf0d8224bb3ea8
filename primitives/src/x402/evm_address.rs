//! Mapping between 20-byte EVM addresses and the chain's 32-byte accounts.
//!
//! - address → account: `address ‖ 0xEE × 12` (as pallet-revive), unless the account was
//!   registered for its derived address on chain, in which case the registered account;
//! - account → address: an account ending in `0xEE × 12` is its first 20 bytes; any other
//!   (native) account's address is the last 20 bytes of `keccak_256(account)`.
//!
//! So an EVM key's funds live at `address ‖ 0xEE…`, and a native payee (say Bob) is paid at
//! its derived address once that address is registered.

use super::*;
use polkadot_sdk::sp_crypto_hashing::keccak_256;

/// The bytes that mark a 32-byte account as an embedded EVM address.
pub const EVM_ACCOUNT_SUFFIX: [u8; 12] = [0xEE; 12];

/// The account that holds an EVM address's funds when no native account is registered.
pub fn embedded_account(address: H160) -> [u8; 32] {
	let mut account = [0u8; 32];
	account[..20].copy_from_slice(address.as_bytes());
	account[20..].copy_from_slice(&EVM_ACCOUNT_SUFFIX);
	account
}

/// The EVM address embedded in `account`, if it is one.
pub fn embedded_address(account: &[u8; 32]) -> Option<H160> {
	(account[20..] == EVM_ACCOUNT_SUFFIX).then(|| H160::from_slice(&account[..20]))
}

/// The 20-byte address of any account: embedded, or derived by hashing.
pub fn address_of(account: &[u8; 32]) -> H160 {
	embedded_address(account).unwrap_or_else(|| H160::from_slice(&keccak_256(account)[12..]))
}

/// The 20-byte address that stands for an asset in the EIP-712 domain
/// (`verifyingContract`): `0xFFFFFFFF`, 12 zero bytes, the asset id big-endian.
pub fn asset_address(asset: u32) -> H160 {
	let mut address = [0u8; 20];
	address[..4].copy_from_slice(&[0xFF; 4]);
	address[16..].copy_from_slice(&asset.to_be_bytes());
	H160(address)
}

/// The asset behind an [`asset_address`].
pub fn asset_of_address(address: H160) -> Option<u32> {
	let bytes = address.as_bytes();
	(bytes[..4] == [0xFF; 4] && bytes[4..16] == [0u8; 12])
		.then(|| u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]))
}
