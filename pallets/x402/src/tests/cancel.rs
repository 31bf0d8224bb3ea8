//! `cancel_authorization`: cancel-then-settle, settle-then-cancel, signature checks, and the
//! deposit that pays for a canceled nonce's record.

use crate::{mock::*, *};
use polkadot_sdk::sp_core::Pair;
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::fungible::{Inspect, InspectHold},
	},
	sp_runtime::MultiSignature,
};

fn held_for_cancellations(who: &AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::X402(HoldReason::Cancellation), who)
}

fn native_cancel(
	signer: &polkadot_sdk::sp_core::sr25519::Pair,
	payer: &AccountId,
	nonce: AuthorizationNonce,
) -> IntentSignature {
	let payload = native_cancel_payload(genesis_hash(), payer, &nonce);
	IntentSignature::Native(MultiSignature::Sr25519(signer.sign(&payload)))
}

fn cancel(
	payer: &AccountId,
	nonce: AuthorizationNonce,
	signature: IntentSignature,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	X402::cancel_authorization(
		RuntimeOrigin::signed(facilitator()),
		payer.clone(),
		nonce,
		USDC,
		signature,
	)
}

#[test]
fn cancel_then_settle_is_refused() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		let intent = intent(&payer, &payee, 100, 1);
		assert_ok!(cancel(&payer, intent.nonce, native_cancel(&alice(), &payer, intent.nonce)));
		assert!(x402_events()
			.contains(&Event::AuthorizationCanceled { payer: payer.clone(), nonce: intent.nonce }));
		assert_noop!(
			X402::transfer_with_authorization(
				RuntimeOrigin::signed(facilitator()),
				Box::new(intent.clone()),
				sign_native(&alice(), &intent, Purpose::Transfer)
			),
			Error::<Test>::NonceCanceled
		);
		assert_noop!(
			cancel(&payer, intent.nonce, native_cancel(&alice(), &payer, intent.nonce)),
			Error::<Test>::NonceCanceled
		);
	});
}

#[test]
fn settle_then_cancel_is_refused() {
	new_test_ext().execute_with(|| {
		let (payer, payee) = (account_of(&alice()), account_of(&charlie()));
		let intent = intent(&payer, &payee, 100, 2);
		assert_ok!(X402::transfer_with_authorization(
			RuntimeOrigin::signed(facilitator()),
			Box::new(intent.clone()),
			sign_native(&alice(), &intent, Purpose::Transfer)
		));
		assert_noop!(
			cancel(&payer, intent.nonce, native_cancel(&alice(), &payer, intent.nonce)),
			Error::<Test>::NonceUsed
		);
	});
}

#[test]
fn only_the_payer_can_cancel() {
	new_test_ext().execute_with(|| {
		let payer = account_of(&alice());
		assert_noop!(
			cancel(&payer, [3; 32], native_cancel(&bob(), &payer, [3; 32])),
			Error::<Test>::BadSignature
		);
		// A transfer signature is not a cancel signature.
		let intent = intent(&payer, &account_of(&bob()), 1, 3);
		assert_noop!(
			cancel(&payer, [3; 32], sign_native(&alice(), &intent, Purpose::Transfer)),
			Error::<Test>::BadSignature
		);
	});
}

#[test]
fn evm_payer_cancels_with_eip712() {
	new_test_ext().execute_with(|| {
		let (agent, payer) = evm("Agent");
		let nonce = [4; 32];
		let digest =
			X402::eip712_domain(USDC).unwrap().cancel_digest(evm_address_of(&agent), &nonce);
		assert_noop!(
			cancel(&payer, nonce, IntentSignature::Evm(sign_prehashed(&evm("Other").0, &digest))),
			Error::<Test>::BadSignature
		);
		assert_ok!(cancel(&payer, nonce, IntentSignature::Evm(sign_prehashed(&agent, &digest))));
		assert_eq!(X402::authorization_state(&payer, &nonce), Some(AuthorizationState::Canceled));
	});
}

#[test]
fn each_cancellation_holds_a_deposit_from_its_submitter_for_good() {
	new_test_ext().execute_with(|| {
		let payer = account_of(&alice());
		let free = Balances::balance(&facilitator());
		for n in 0..3u8 {
			let nonce = [100 + n; 32];
			assert_ok!(cancel(&payer, nonce, native_cancel(&alice(), &payer, nonce)));
		}
		assert_eq!(held_for_cancellations(&facilitator()), 3 * CANCELLATION_DEPOSIT);
		assert_eq!(Balances::balance(&facilitator()), free - 3 * CANCELLATION_DEPOSIT);
		// The records stay, and so does what pays for them.
		for _ in 0..=RECEIPT_RETENTION + 1 {
			next_block_with_idle();
		}
		set_time(T0 + 10 * MAX_VALIDITY);
		next_block_with_idle();
		assert_eq!(
			X402::authorization_state(&payer, &[100; 32]),
			Some(AuthorizationState::Canceled)
		);
		assert_eq!(held_for_cancellations(&facilitator()), 3 * CANCELLATION_DEPOSIT);
	});
}

#[test]
fn a_submitter_without_the_deposit_cannot_fill_the_state_with_cancellations() {
	new_test_ext().execute_with(|| {
		let payer = account_of(&alice());
		let broke = account_of(&native("broke"));
		let nonce = [7; 32];
		assert_noop!(
			X402::cancel_authorization(
				RuntimeOrigin::signed(broke.clone()),
				payer.clone(),
				nonce,
				USDC,
				native_cancel(&alice(), &payer, nonce),
			),
			Error::<Test>::CannotHoldDeposit
		);
		assert_eq!(X402::authorization_state(&payer, &nonce), None);
		// A refused signature holds nothing either.
		assert_noop!(
			cancel(&payer, nonce, native_cancel(&bob(), &payer, nonce)),
			Error::<Test>::BadSignature
		);
		assert_eq!(held_for_cancellations(&facilitator()), 0);
	});
}
