//! Recovering the signer of a 65-byte EVM signature (`r ‖ s ‖ v`) over a 32-byte digest, with
//! the checks every signed message on this chain applies.

use polkadot_sdk::{sp_core::H160, sp_crypto_hashing::keccak_256, sp_io};

/// Half the order of secp256k1: signatures with a larger `s` are malleable copies and are
/// refused, as USDC's `ECRecover` and OpenZeppelin's `ECDSA` do.
const SECP256K1_HALF_ORDER: [u8; 32] = [
	0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0,
];

/// Whether `signature` over `digest` recovers to `expected` (the last 20 bytes of `keccak_256`
/// of the uncompressed public key). A high-`s` signature or the zero address never matches.
pub fn is_signed_by(signature: &[u8; 65], digest: &[u8; 32], expected: H160) -> bool {
	if signature[32..64] > SECP256K1_HALF_ORDER[..] {
		return false;
	}
	let Ok(public) = sp_io::crypto::secp256k1_ecdsa_recover(signature, digest) else {
		return false;
	};
	let signer = H160::from_slice(&keccak_256(&public)[12..]);
	signer == expected && signer != H160::zero()
}
