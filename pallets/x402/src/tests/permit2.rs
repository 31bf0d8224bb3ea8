//! Permit2 permits (the `exact` scheme's Permit2 method and `upto`): each settles what its
//! payer signed and nothing else: not another amount, payee, proxy, window or facilitator,
//! not twice, not above an upto permit's maximum.

use crate::{mock::*, *};
use agentchain_primitives::x402::permit2::{self, Permit, Permit2Spender};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, BoundedVec},
	sp_core::{ecdsa, H160},
};

/// `intent` permitted by the EVM key `signer` through `spender`, signed over `signed` (the
/// intent the payer saw) rather than `intent` when they differ.
fn sign_permit(signer: &ecdsa::Pair, signed: &Intent, spender: Permit2Spender) -> IntentSignature {
	let permit = Permit::of(signed, &spender).expect("within the maximum");
	let digest = permit2::digest(TEST_CHAIN_ID, &permit, &spender);
	IntentSignature::Permit2 { signature: sign_prehashed(signer, &digest), spender }
}

fn upto(max: Balance) -> Permit2Spender {
	Permit2Spender::Upto { max, facilitator: evm_address::address_of(facilitator().as_ref()) }
}

/// The reasons `settle_batch(items)` by `submitter` rejected items for.
fn settle_batch(items: Vec<(Intent, IntentSignature)>, submitter: AccountId) -> Vec<IntentError> {
	let items: BoundedVec<_, _> = items.try_into().expect("within MaxBatch");
	System::reset_events();
	assert_ok!(X402::settle_batch(RuntimeOrigin::signed(submitter), items));
	x402_events()
		.into_iter()
		.filter_map(|e| match e {
			Event::Rejected { reason, .. } => Some(reason),
			_ => None,
		})
		.collect()
}

#[test]
fn an_exact_permit_settles_its_amount_once() {
	new_test_ext().execute_with(|| {
		let (agent, payer) = evm("Agent");
		let payee = account_of(&charlie());
		let intent = intent(&payer, &payee, 700, 1);
		let signature = sign_permit(&agent, &intent, Permit2Spender::Exact);
		assert_ok!(transfer(&intent, signature.clone()));
		assert_eq!((usdc(&payer), usdc(&payee)), (START - 700, START + 700));
		assert_noop!(transfer(&intent, signature), Error::<Test>::NonceUsed);
	});
}

#[test]
fn an_exact_permit_moves_nothing_it_did_not_sign() {
	new_test_ext().execute_with(|| {
		let (agent, payer) = evm("Agent");
		let payee = account_of(&charlie());
		let signed = intent(&payer, &payee, 700, 1);
		let signature = sign_permit(&agent, &signed, Permit2Spender::Exact);
		let changes: [fn(&mut Intent); 5] = [
			|i| i.amount = 701,
			|i| i.payee = account_of(&bob()),
			|i| i.valid_before += 1,
			|i| i.valid_after -= 1,
			|i| i.nonce[0] ^= 1,
		];
		for change in changes {
			let mut forged = signed.clone();
			change(&mut forged);
			assert_noop!(transfer(&forged, signature.clone()), Error::<Test>::BadSignature);
		}
		// The same signature presented as the other proxy's, and a permit for the other asset.
		let IntentSignature::Permit2 { signature: raw, .. } = signature else { unreachable!() };
		let as_upto = IntentSignature::Permit2 { signature: raw, spender: upto(700) };
		assert_noop!(transfer(&signed, as_upto), Error::<Test>::BadSignature);
		// Another key's permit for this payer, and a permit with a reference it cannot cover.
		let (other, _) = evm("Other");
		let by_other = sign_permit(&other, &signed, Permit2Spender::Exact);
		assert_noop!(transfer(&signed, by_other), Error::<Test>::BadSignature);
		let mut referenced = signed.clone();
		referenced.reference = Some([1; 32]);
		let referenced_signature = sign_permit(&agent, &referenced, Permit2Spender::Exact);
		assert_noop!(transfer(&referenced, referenced_signature), Error::<Test>::UnsignedReference);
		assert_eq!(usdc(&payer), START);
	});
}

#[test]
fn a_permit_cannot_be_received_by_the_payee() {
	new_test_ext().execute_with(|| {
		let (agent, payer) = evm("Agent");
		let payee = account_of(&charlie());
		let intent = intent(&payer, &payee, 700, 1);
		let signature = sign_permit(&agent, &intent, Permit2Spender::Exact);
		assert_noop!(
			X402::receive_with_authorization(
				RuntimeOrigin::signed(payee),
				Box::new(intent),
				signature
			),
			Error::<Test>::BadSignature
		);
	});
}

#[test]
fn an_upto_permit_charges_the_actual_amount_up_to_its_maximum() {
	new_test_ext().execute_with(|| {
		let (agent, payer) = evm("Agent");
		let payee = account_of(&charlie());
		let max = intent(&payer, &payee, 1_000, 1);
		let signature = sign_permit(&agent, &max, upto(1_000));
		let mut over = max.clone();
		over.amount = 1_001;
		assert_noop!(transfer(&over, signature.clone()), Error::<Test>::OverPermitted);
		let mut used = max.clone();
		used.amount = 275;
		assert_ok!(transfer(&used, signature.clone()));
		assert_eq!((usdc(&payer), usdc(&payee)), (START - 275, START + 275));
		assert_eq!(X402::receipt(used.payment_id()).expect("receipt").amount, 275);
		// One permit pays once, whatever amount a second charge names.
		assert_noop!(transfer(&max, signature), Error::<Test>::NonceUsed);
	});
}

#[test]
fn only_the_facilitator_an_upto_permit_names_can_settle_it() {
	new_test_ext().execute_with(|| {
		let (agent, payer) = evm("Agent");
		let payee = account_of(&charlie());
		let intent = intent(&payer, &payee, 400, 1);
		let signature = sign_permit(&agent, &intent, upto(400));
		let stranger = account_of(&bob());
		assert_noop!(
			X402::transfer_with_authorization(
				RuntimeOrigin::signed(stranger.clone()),
				Box::new(intent.clone()),
				signature.clone()
			),
			Error::<Test>::WrongFacilitator
		);
		assert_eq!(
			settle_batch(vec![(intent.clone(), signature.clone())], stranger),
			vec![IntentError::WrongFacilitator]
		);
		// Naming another facilitator in the signature does not help: it is signed.
		let IntentSignature::Permit2 { signature: raw, .. } = signature.clone() else {
			unreachable!()
		};
		let renamed = IntentSignature::Permit2 {
			signature: raw,
			spender: Permit2Spender::Upto { max: 400, facilitator: H160::repeat_byte(7) },
		};
		assert_noop!(transfer(&intent, renamed), Error::<Test>::WrongFacilitator);
		assert_eq!(usdc(&payer), START);
		assert!(settle_batch(vec![(intent, signature)], facilitator()).is_empty());
		assert_eq!(usdc(&payer), START - 400);
	});
}
