//! EIP-712: the typehashes, and test vectors signed by viem (an independent implementation)
//! with a well-known private key, committed in `fixtures/eip712-vectors.json` by
//! `fixtures/sign-eip712.mjs`. Each must hash to viem's digest and settle on chain.

use crate::{mock::*, *};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_core::H160,
};
use serde_json::Value;

const VECTORS: &str = include_str!("../../fixtures/eip712-vectors.json");

fn hex_bytes(value: &Value) -> Vec<u8> {
	hex::decode(value.as_str().expect("hex string").trim_start_matches("0x")).expect("valid hex")
}

fn address(value: &Value) -> H160 {
	H160::from_slice(&hex_bytes(value))
}

fn number(value: &Value) -> u128 {
	value.as_str().expect("decimal string").parse().expect("number")
}

fn vectors() -> (Value, Vec<Value>) {
	let json: Value = serde_json::from_str(VECTORS).expect("fixture is JSON");
	(json["domain"].clone(), json["vectors"].as_array().expect("vectors").clone())
}

#[test]
fn typehashes_match_eip3009() {
	let known = [
		(
			eip712::TRANSFER_TYPEHASH,
			"7c7c6cdb67a18743f49ec6fa9b35f50d52ed05cbed4cc592e13b44501c1a2267",
		),
		(
			eip712::RECEIVE_TYPEHASH,
			"d099cc98ef71107a616c4f0f941f04c322d8e254fe26b3c6668db87aae413de8",
		),
		(
			eip712::CANCEL_TYPEHASH,
			"158b0a9edf7a828aad02f63cd515c68ef2f50ba807396f6d12842833a1597429",
		),
		(
			eip712::DOMAIN_TYPEHASH,
			"8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f",
		),
	];
	for (ours, theirs) in known {
		assert_eq!(hex::encode(ours), theirs);
	}
}

#[test]
fn the_chains_domain_is_the_one_viem_signed_against() {
	new_test_ext().execute_with(|| {
		let (domain, _) = vectors();
		let ours = X402::eip712_domain(USDC).expect("payable");
		assert_eq!(ours.name, domain["name"].as_str().unwrap().as_bytes());
		assert_eq!(ours.version, domain["version"].as_str().unwrap().as_bytes());
		assert_eq!(ours.chain_id, domain["chainId"].as_u64().unwrap());
		assert_eq!(ours.verifying_contract, address(&domain["verifyingContract"]));
	});
}

#[test]
fn viem_digests_match_ours_and_its_signatures_settle() {
	new_test_ext().execute_with(|| {
		let (_, vectors) = vectors();
		let domain = X402::eip712_domain(USDC).unwrap();
		for vector in vectors {
			let from = address(&vector["from"]);
			let payer = AccountId::new(evm_address::embedded_account(from));
			let nonce: AuthorizationNonce = hex_bytes(&vector["nonce"]).try_into().unwrap();
			let signature: [u8; 65] = hex_bytes(&vector["signature"]).try_into().unwrap();
			let digest = hex_bytes(&vector["digest"]);
			// Fund the viem key's account (it is an EVM account, `from ‖ 0xEE…`).
			assert_ok!(Assets::mint(
				RuntimeOrigin::signed(account_of(&alice())),
				USDC,
				payer.clone(),
				1_000_000_000
			));

			if vector["primaryType"] == "CancelAuthorization" {
				assert_eq!(domain.cancel_digest(from, &nonce).to_vec(), digest);
				assert_ok!(X402::cancel_authorization(
					RuntimeOrigin::signed(facilitator()),
					payer.clone(),
					nonce,
					USDC,
					IntentSignature::Evm(signature)
				));
				continue;
			}
			let purpose = match vector["primaryType"].as_str().unwrap() {
				"TransferWithAuthorization" => Purpose::Transfer,
				_ => Purpose::Receive,
			};
			let to = address(&vector["to"]);
			let payee = X402::account_of_address(to);
			let intent = Intent {
				payer: payer.clone(),
				payee: payee.clone(),
				asset: USDC,
				amount: number(&vector["value"]),
				valid_after: number(&vector["validAfter"]) as u64,
				valid_before: number(&vector["validBefore"]) as u64,
				nonce,
				reference: None,
			};
			let ours = domain.intent_digest(purpose, &intent).unwrap();
			assert_eq!(ours.to_vec(), digest);

			let before = usdc(&payee);
			let call = Box::new(intent.clone());
			if intent.valid_before > T0 + MAX_VALIDITY {
				// Closing more than a day ahead: this chain remembers a used nonce only that
				// long.
				assert_noop!(
					X402::transfer_with_authorization(
						RuntimeOrigin::signed(facilitator()),
						call,
						IntentSignature::Evm(signature)
					),
					Error::<Test>::ValidityTooLong
				);
				continue;
			}
			match purpose {
				Purpose::Transfer => {
					assert_ok!(X402::transfer_with_authorization(
						RuntimeOrigin::signed(facilitator()),
						call,
						IntentSignature::Evm(signature)
					));
				},
				_ => {
					assert_ok!(X402::receive_with_authorization(
						RuntimeOrigin::signed(payee.clone()),
						call,
						IntentSignature::Evm(signature)
					));
				},
			}
			assert_eq!(usdc(&payee), before + intent.amount);
		}
	});
}

#[test]
fn high_s_and_tampered_signatures_are_refused() {
	new_test_ext().execute_with(|| {
		let (_, vectors) = vectors();
		let vector = &vectors[0];
		let from = address(&vector["from"]);
		let payer = AccountId::new(evm_address::embedded_account(from));
		assert_ok!(Assets::mint(
			RuntimeOrigin::signed(account_of(&alice())),
			USDC,
			payer.clone(),
			1_000_000
		));
		let to = address(&vector["to"]);
		let intent = Intent {
			payer,
			payee: X402::account_of_address(to),
			asset: USDC,
			amount: number(&vector["value"]),
			valid_after: number(&vector["validAfter"]) as u64,
			valid_before: number(&vector["validBefore"]) as u64,
			nonce: hex_bytes(&vector["nonce"]).try_into().unwrap(),
			reference: None,
		};
		let signature: [u8; 65] = hex_bytes(&vector["signature"]).try_into().unwrap();

		// The malleable twin (s' = n - s, v flipped) recovers the same key but is refused.
		let n = polkadot_sdk::sp_core::U256::from_big_endian(
			&hex::decode("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")
				.unwrap(),
		);
		let s = polkadot_sdk::sp_core::U256::from_big_endian(&signature[32..64]);
		let mut twin = signature;
		twin[32..64].copy_from_slice(&(n - s).to_big_endian());
		twin[64] = if signature[64] == 27 { 28 } else { 27 };
		let mut tampered = signature;
		tampered[5] ^= 0x01;
		let mut bad_v = signature;
		bad_v[64] = 42;
		for bad in [twin, tampered, bad_v, [0u8; 65]] {
			assert_eq!(
				X402::verify(&intent, &IntentSignature::Evm(bad), Purpose::Transfer),
				Err(IntentError::BadSignature)
			);
		}
		assert_eq!(
			X402::verify(&intent, &IntentSignature::Evm(signature), Purpose::Transfer),
			Ok(intent.payment_id())
		);
	});
}
