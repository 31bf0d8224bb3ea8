//! What an EVM signature binds: the payee account its `to` address pays, no unsigned
//! reference, and this network's chain id.

use crate::{mock::*, *};
use polkadot_sdk::frame_support::{assert_noop, assert_ok};

#[test]
fn an_evm_payment_cannot_be_redirected_to_the_account_embedding_its_address() {
	new_test_ext().execute_with(|| {
		let (agent, agent_id) = evm("Agent");
		let bob_id = account_of(&bob());
		let signed = intent(&agent_id, &bob_id, 100, 1);
		let signature = sign_evm(&agent, &signed, Purpose::Transfer);
		// Bob registered his address: the signed `to` pays Bob. A front-runner names the
		// account that embeds the same address, whose key nobody has.
		let mut redirected = signed.clone();
		redirected.payee =
			AccountId::new(evm_address::embedded_account(evm_address::address_of(bob_id.as_ref())));
		assert_eq!(
			X402::verify(&redirected, &signature, Purpose::Transfer),
			Err(IntentError::BadSignature)
		);
		assert_noop!(transfer(&redirected, signature.clone()), Error::<Test>::BadSignature);
		assert_eq!(
			X402::check_signature(&redirected, &signature, Purpose::Transfer),
			Err(IntentError::BadSignature)
		);
		// As signed, it pays Bob.
		assert_ok!(transfer(&signed, signature));
		assert_eq!(usdc(&bob_id), START + 100);
	});
}

#[test]
fn an_evm_intent_carries_no_reference_its_signature_does_not_cover() {
	new_test_ext().execute_with(|| {
		let (agent, agent_id) = evm("Agent");
		let mut intent = intent(&agent_id, &account_of(&bob()), 100, 1);
		let signature = sign_evm(&agent, &intent, Purpose::Transfer);
		intent.reference = Some([7; 32]);
		assert_noop!(transfer(&intent, signature.clone()), Error::<Test>::UnsignedReference);
		intent.reference = None;
		assert_ok!(transfer(&intent, signature));
	});
}

#[test]
fn a_signature_for_another_network_is_refused() {
	new_test_ext().execute_with(|| {
		let (agent, agent_id) = evm("Agent");
		let intent = intent(&agent_id, &account_of(&bob()), 100, 1);
		let signature = sign_evm(&agent, &intent, Purpose::Transfer);
		EvmChainId::<Test>::put(TEST_CHAIN_ID + 1);
		assert_eq!(X402::eip712_domain(USDC).map(|d| d.chain_id), Some(TEST_CHAIN_ID + 1));
		assert_noop!(transfer(&intent, signature.clone()), Error::<Test>::BadSignature);
		EvmChainId::<Test>::put(TEST_CHAIN_ID);
		assert_ok!(transfer(&intent, signature));
	});
}

#[test]
fn check_signature_ignores_the_nonce_and_funds_but_not_the_intent() {
	new_test_ext().execute_with(|| {
		let (agent, agent_id) = evm("Agent");
		let intent = intent(&agent_id, &account_of(&bob()), 100, 1);
		let signature = sign_evm(&agent, &intent, Purpose::Transfer);
		assert_ok!(transfer(&intent, signature.clone()));
		// Settled: the copy is the payment itself.
		assert_eq!(
			X402::verify(&intent, &signature, Purpose::Transfer),
			Err(IntentError::NonceUsed)
		);
		assert_eq!(X402::check_signature(&intent, &signature, Purpose::Transfer), Ok(()));
		// A forged copy with the same payer and nonce is not.
		let mut forged = intent.clone();
		forged.amount = 1_000;
		assert_eq!(
			X402::check_signature(&forged, &signature, Purpose::Transfer),
			Err(IntentError::BadSignature)
		);
		assert_eq!(
			X402::check_signature(&intent, &IntentSignature::Evm([0; 65]), Purpose::Transfer),
			Err(IntentError::BadSignature)
		);
	});
}
