//! The shared vectors in `primitives/vectors/native-intents.json`, which the TypeScript
//! scheme package (`node/x402-native`) checks as well: both sides encode an intent, its
//! signing payload and its payment id alike, or one of them fails.

use super::*;
use crate::AccountId;
use polkadot_sdk::{
	sp_core::{ed25519, Pair},
	sp_runtime::traits::Verify,
};
use serde_json::Value;

const VECTORS: &str = include_str!("../../vectors/native-intents.json");

fn bytes(value: &Value) -> Vec<u8> {
	let text = value.as_str().expect("a hex string");
	hex::decode(text.strip_prefix("0x").expect("0x-hex")).expect("hex")
}

fn array<const N: usize>(value: &Value) -> [u8; N] {
	bytes(value).try_into().expect("the right length")
}

fn number<T: core::str::FromStr>(value: &Value) -> T {
	value.as_str().expect("a decimal string").parse().ok().expect("a number")
}

#[test]
fn native_intent_vectors_match_this_encoding() {
	let vectors: Value = serde_json::from_str(VECTORS).expect("valid JSON");
	let cases = vectors["intents"].as_array().expect("intents");
	assert!(!cases.is_empty());
	for case in cases {
		let wire = &case["intent"];
		let intent = PaymentIntent::<AccountId, u32, u128> {
			payer: AccountId::new(array(&wire["payer"])),
			payee: AccountId::new(array(&wire["payee"])),
			asset: wire["asset"].as_u64().expect("asset") as u32,
			amount: number(&wire["amount"]),
			valid_after: number(&wire["validAfter"]),
			valid_before: number(&wire["validBefore"]),
			nonce: array(&wire["nonce"]),
			reference: (!wire["reference"].is_null()).then(|| array(&wire["reference"])),
		};
		let purpose = match case["purpose"].as_u64() {
			Some(0) => Purpose::Transfer,
			Some(1) => Purpose::Receive,
			other => panic!("purpose {other:?}"),
		};
		let genesis = H256(array(&case["genesisHash"]));
		let payload = native_signing_payload(purpose, genesis, &intent);
		assert_eq!(payload, bytes(&case["signingPayload"]), "{}", case["name"]);
		assert_eq!(intent.payment_id(), H256(array(&case["paymentId"])), "{}", case["name"]);

		// ed25519 signatures are deterministic: the vector's is this key's, and it verifies
		// as the chain verifies an intent's signature.
		let pair = ed25519::Pair::from_seed(&array(&case["ed25519Seed"]));
		assert_eq!(AccountId::from(pair.public()), intent.payer, "{}", case["name"]);
		let signature = MultiSignature::Ed25519(pair.sign(&payload));
		assert_eq!(signature.encode(), bytes(&case["signature"]), "{}", case["name"]);
		assert!(signature.verify(&payload[..], &intent.payer));
	}
}

#[test]
fn asset_address_vectors_match_this_mapping() {
	let vectors: Value = serde_json::from_str(VECTORS).expect("valid JSON");
	for case in vectors["assetAddresses"].as_array().expect("assetAddresses") {
		let asset = case["asset"].as_u64().expect("asset") as u32;
		let address = H160(array(&case["address"]));
		assert_eq!(evm_address::asset_address(asset), address);
		assert_eq!(evm_address::asset_of_address(address), Some(asset));
	}
}

#[test]
fn stablecoin_vector_matches_its_constants() {
	let vectors: Value = serde_json::from_str(VECTORS).expect("valid JSON");
	let coin = &vectors["stablecoin"];
	assert_eq!(coin["asset"].as_u64(), Some(crate::stablecoin::ASSET_ID.into()));
	assert_eq!(coin["decimals"].as_u64(), Some(crate::stablecoin::DECIMALS.into()));
	assert_eq!(coin["symbol"].as_str(), Some(crate::stablecoin::SYMBOL));
}
