//! EVM keys as x402 clients hold them: addresses and EIP-712 signatures.

use polkadot_sdk::{
	sp_core::{ecdsa, H160},
	sp_crypto_hashing::keccak_256,
};

/// The 20-byte address of an ecdsa key: the last 20 bytes of `keccak256` of its uncompressed
/// public key (recovered from a signature, which gives it uncompressed).
pub fn address_of(pair: &ecdsa::Pair) -> H160 {
	let digest = [1u8; 32];
	let uncompressed = polkadot_sdk::sp_io::crypto::secp256k1_ecdsa_recover(
		&pair.sign_prehashed(&digest).0,
		&digest,
	)
	.ok()
	.expect("a fresh signature recovers");
	H160::from_slice(&keccak_256(&uncompressed)[12..])
}

/// A signature over a 32-byte digest as EVM wallets encode it: `r ‖ s ‖ v`, `v` 27 or 28.
pub fn sign_digest(pair: &ecdsa::Pair, digest: &[u8; 32]) -> [u8; 65] {
	let mut signature = pair.sign_prehashed(digest).0;
	signature[64] += 27;
	signature
}
