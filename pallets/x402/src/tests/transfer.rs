//! `transfer_with_authorization` and `receive_with_authorization`: success, every intent
//! error, the window's strict edges, and replays through each call and across calls.

use crate::{mock::*, *};
use polkadot_sdk::sp_core::Pair;
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	sp_core::H256,
	sp_runtime::MultiSignature,
};

#[test]
fn native_intent_settles_and_leaves_a_receipt() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		let mut intent = intent(&payer, &payee, 1_234, 1);
		intent.reference = Some([7; 32]);
		assert_ok!(transfer(&intent, sign_native(&alice(), &intent, Purpose::Transfer)));

		assert_eq!(usdc(&payer), START - 1_234);
		assert_eq!(usdc(&payee), START + 1_234);
		let id = intent.payment_id();
		let receipt = X402::receipt(id).expect("receipt");
		assert_eq!(
			(receipt.payer, receipt.payee, receipt.amount),
			(payer.clone(), payee.clone(), 1_234)
		);
		assert_eq!(receipt.reference, Some([7; 32]));
		assert_eq!(
			X402::authorization_state(&payer, &intent.nonce),
			Some(AuthorizationState::Used { expires: T0 + MAX_VALIDITY })
		);
		assert!(x402_events().contains(&Event::Settled {
			payment_id: id,
			payer,
			payee,
			asset: USDC,
			amount: 1_234,
			reference: Some([7; 32]),
			mandate: None,
		}));
	});
}

#[test]
fn evm_intent_settles_to_a_registered_native_payee() {
	new_test_ext().execute_with(|| {
		let (agent, payer) = evm("Agent");
		let payee = account_of(&bob());
		let intent = intent(&payer, &payee, 500, 2);
		assert_ok!(transfer(&intent, sign_evm(&agent, &intent, Purpose::Transfer)));
		assert_eq!(usdc(&payer), START - 500);
		assert_eq!(usdc(&payee), START + 500);
		// Bob is registered, so his 20-byte address leads back to him.
		assert_eq!(X402::account_of_address(evm_address::address_of(payee.as_ref())), payee);
	});
}

#[test]
fn payer_without_native_tokens_pays_no_fee_and_needs_none() {
	new_test_ext().execute_with(|| {
		let (agent, payer) = evm("Agent");
		assert_eq!(Balances::free_balance(&payer), 0);
		let intent = intent(&payer, &account_of(&charlie()), 10_000, 3);
		assert_ok!(transfer(&intent, sign_evm(&agent, &intent, Purpose::Transfer)));
		assert_eq!(Balances::free_balance(&payer), 0);
	});
}

#[test]
fn window_is_open_at_both_ends() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		let mut intent = intent(&payer, &payee, 100, 4);
		intent.valid_after = T0;
		intent.valid_before = T0 + 10;
		let signature = sign_native(&alice(), &intent, Purpose::Transfer);

		set_time(T0); // now == valid_after
		assert_noop!(transfer(&intent, signature.clone()), Error::<Test>::NotYetValid);
		set_time(T0 + 10); // now == valid_before
		assert_noop!(transfer(&intent, signature.clone()), Error::<Test>::Expired);
		set_time(T0 + 11);
		assert_noop!(transfer(&intent, signature.clone()), Error::<Test>::Expired);
		set_time(T0 + 1); // first valid second
		assert_ok!(transfer(&intent, signature));
	});
}

#[test]
fn last_valid_second_settles() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		let mut intent = intent(&payer, &payee, 100, 5);
		intent.valid_after = T0 - 10;
		intent.valid_before = T0 + 1;
		assert_ok!(transfer(&intent, sign_native(&alice(), &intent, Purpose::Transfer)));
	});
}

#[test]
fn every_intent_error_is_reported() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		let signed = |intent: &Intent| sign_native(&alice(), intent, Purpose::Transfer);

		let mut zero = intent(&payer, &payee, 0, 10);
		zero.amount = 0;
		assert_noop!(transfer(&zero, signed(&zero)), Error::<Test>::ZeroAmount);

		let to_self = intent(&payer, &payer, 10, 11);
		assert_noop!(transfer(&to_self, signed(&to_self)), Error::<Test>::SelfPayment);

		let mut other = intent(&payer, &payee, 10, 12);
		other.asset = OTHER;
		assert_noop!(transfer(&other, signed(&other)), Error::<Test>::UnknownAsset);

		let too_much = intent(&payer, &payee, START + 1, 13);
		assert_noop!(transfer(&too_much, signed(&too_much)), Error::<Test>::InsufficientFunds);

		let dust = intent(&payer, &account_of(&native("Fresh")), MIN_BALANCE - 1, 14);
		assert_noop!(transfer(&dust, signed(&dust)), Error::<Test>::CannotReceive);

		let wrong_signer = intent(&payer, &payee, 10, 15);
		let by_bob = sign_native(&bob(), &wrong_signer, Purpose::Transfer);
		assert_noop!(transfer(&wrong_signer, by_bob), Error::<Test>::BadSignature);

		let garbage = intent(&payer, &payee, 10, 16);
		let bad = IntentSignature::Native(MultiSignature::Sr25519(
			polkadot_sdk::sp_core::sr25519::Signature::from_raw([0; 64]),
		));
		assert_noop!(transfer(&garbage, bad), Error::<Test>::BadSignature);

		let native_payer_evm_sig = intent(&payer, &payee, 10, 17);
		assert_noop!(
			transfer(&native_payer_evm_sig, IntentSignature::Evm([1; 65])),
			Error::<Test>::NotAnEvmPayer
		);

		// Nothing moved.
		assert_eq!(usdc(&payer), START);
	});
}

#[test]
fn changing_any_field_breaks_the_signature() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		let signed = intent(&payer, &payee, 100, 20);
		let signature = sign_native(&alice(), &signed, Purpose::Transfer);
		let mutations: [fn(&mut Intent); 5] = [
			|i| i.amount += 1,
			|i| i.payee = account_of(&bob()),
			|i| i.valid_before -= 1,
			|i| i.nonce[0] ^= 1,
			|i| i.reference = Some([1; 32]),
		];
		for mutate in mutations {
			let mut changed = signed.clone();
			mutate(&mut changed);
			assert_noop!(transfer(&changed, signature.clone()), Error::<Test>::BadSignature);
		}
	});
}

#[test]
fn a_signature_for_another_chain_is_refused() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		let intent = intent(&payer, &payee, 100, 21);
		let payload = native_signing_payload(Purpose::Transfer, H256::repeat_byte(9), &intent);
		let signature = IntentSignature::Native(MultiSignature::Sr25519(alice().sign(&payload)));
		assert_noop!(transfer(&intent, signature), Error::<Test>::BadSignature);
	});
}

#[test]
fn replays_are_refused_through_every_call() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		let intent = intent(&payer, &payee, 100, 22);
		let transfer_sig = sign_native(&alice(), &intent, Purpose::Transfer);
		let receive_sig = sign_native(&alice(), &intent, Purpose::Receive);
		assert_ok!(transfer(&intent, transfer_sig.clone()));

		assert_noop!(transfer(&intent, transfer_sig.clone()), Error::<Test>::NonceUsed);
		assert_noop!(
			X402::receive_with_authorization(
				RuntimeOrigin::signed(payee.clone()),
				Box::new(intent.clone()),
				receive_sig
			),
			Error::<Test>::NonceUsed
		);
		assert_ok!(X402::settle_batch(
			RuntimeOrigin::signed(facilitator()),
			vec![(intent.clone(), transfer_sig)].try_into().unwrap()
		));
		assert!(x402_events().contains(&Event::Rejected {
			index: 0,
			payment_id: intent.payment_id(),
			reason: IntentError::NonceUsed
		}));
		assert_eq!(usdc(&payee), START + 100);
	});
}

#[test]
fn receive_is_only_for_the_payee_and_needs_a_receive_signature() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		let intent = intent(&payer, &payee, 100, 23);
		let receive_sig = sign_native(&alice(), &intent, Purpose::Receive);
		let receive = |who: AccountId, sig: IntentSignature| {
			X402::receive_with_authorization(
				RuntimeOrigin::signed(who),
				Box::new(intent.clone()),
				sig,
			)
		};
		assert_noop!(receive(facilitator(), receive_sig.clone()), Error::<Test>::NotThePayee);
		// A transfer signature cannot be used to receive, nor the other way round.
		assert_noop!(
			receive(payee.clone(), sign_native(&alice(), &intent, Purpose::Transfer)),
			Error::<Test>::BadSignature
		);
		assert_noop!(transfer(&intent, receive_sig.clone()), Error::<Test>::BadSignature);
		assert_ok!(receive(payee.clone(), receive_sig));
		assert_eq!(usdc(&payee), START + 100);
	});
}

#[test]
fn evm_receive_uses_the_receive_typehash() {
	new_test_ext().execute_with(|| {
		let (agent, payer) = evm("Agent");
		let payee = account_of(&charlie());
		let intent = intent(&payer, &payee, 100, 24);
		assert_noop!(
			X402::receive_with_authorization(
				RuntimeOrigin::signed(payee.clone()),
				Box::new(intent.clone()),
				sign_evm(&agent, &intent, Purpose::Transfer)
			),
			Error::<Test>::BadSignature
		);
		assert_ok!(X402::receive_with_authorization(
			RuntimeOrigin::signed(payee.clone()),
			Box::new(intent.clone()),
			sign_evm(&agent, &intent, Purpose::Receive)
		));
	});
}

#[test]
fn verify_is_a_dry_run_of_settlement() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		let intent = intent(&payer, &payee, 100, 25);
		let signature = sign_native(&alice(), &intent, Purpose::Transfer);
		assert_eq!(X402::verify(&intent, &signature, Purpose::Transfer), Ok(intent.payment_id()));
		assert_eq!(usdc(&payee), START);
		assert_ok!(transfer(&intent, signature.clone()));
		assert_eq!(
			X402::verify(&intent, &signature, Purpose::Transfer),
			Err(IntentError::NonceUsed)
		);
	});
}
