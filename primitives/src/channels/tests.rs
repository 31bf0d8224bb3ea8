//! Digests checked against viem's `hashTypedData` and `keccak256(encodeAbiParameters(..))` for
//! the same values (`@x402/evm` 2.27 computes them with those).

use super::*;

const CHAIN_ID: u64 = 2402;

fn config() -> ChannelConfig {
	ChannelConfig {
		payer: H160([0x11; 20]),
		payer_authorizer: H160([0x22; 20]),
		receiver: H160([0x33; 20]),
		receiver_authorizer: H160([0x44; 20]),
		token: crate::x402::evm_address::asset_address(1337),
		withdraw_delay: 900,
		salt: {
			let mut salt = [0u8; 32];
			salt[31] = 0xab;
			salt
		},
	}
}

#[test]
fn channel_id_matches_viem() {
	assert_eq!(
		config().id(CHAIN_ID),
		H256(hex!("c31461e2938310ab00353c43761df67086420baea96e2b03f490ccd600a6e527"))
	);
}

#[test]
fn voucher_digest_matches_viem() {
	assert_eq!(
		voucher_digest(CHAIN_ID, config().id(CHAIN_ID), 123_456_789),
		hex!("561651e93f472258347412ff666c856f43745633f3e32b43e4083288429a3e15")
	);
}

#[test]
fn deposit_nonce_matches_viem() {
	let config = config();
	assert_eq!(
		deposit_nonce(config.id(CHAIN_ID), &config.salt),
		hex!("8230b92b426f9a1403dfba2cf16ba7d2499cd8299d2cb31bbf8458b26a92b5ee")
	);
}

#[test]
fn another_network_is_another_channel() {
	assert_ne!(config().id(CHAIN_ID), config().id(CHAIN_ID + 1));
}

#[test]
fn withdraw_request_digest_is_what_viem_signs_for_the_type() {
	// viem: hashTypedData with `WithdrawRequest(bytes32 channelId, uint256 nonce)`.
	assert_eq!(
		withdraw_request_digest(CHAIN_ID, config().id(CHAIN_ID), 3),
		hex!("edd1659f92c86b65f06a37c2c0fd102a84de3988209e8757e097aa86a372a83a")
	);
}
