//! EVM roots, whose keys cannot sign extrinsics, grant and revoke with EIP-712 messages that
//! anyone submits; each grant message counts once.

use crate::{mock::*, *};
use pallet_x402::Error as X402Error;
use polkadot_sdk::frame_support::{assert_noop, assert_ok};

const CHAIN_ID: u64 = agentchain_primitives::DEV_EVM_CHAIN_ID;

fn grant_signed(
	signer: &polkadot_sdk::sp_core::ecdsa::Pair,
	granter: &agentchain_primitives::AccountId,
	nonce: u64,
	deadline: UnixSeconds,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	let delegate = account_of(&agent());
	let digest = grant_digest(CHAIN_ID, &delegate, &terms(), nonce, deadline);
	Mandates::grant_signed(
		RuntimeOrigin::signed(facilitator()),
		granter.clone(),
		delegate,
		Box::new(terms()),
		deadline,
		sign_prehashed(signer, &digest),
		consent(&agent(), granter),
	)
}

#[test]
fn an_evm_root_grants_by_signature_and_its_agent_pays_from_its_funds() {
	new_test_ext().execute_with(|| {
		let (key, evm_user) = evm("EvmUser");
		assert_ok!(grant_signed(&key, &evm_user, 0, T0 + 60));
		let status = Mandates::status(0).unwrap();
		// The submitter paid the deposit and gets it back.
		assert_eq!(
			(status.mandate.root.clone(), status.mandate.depositor.clone()),
			(evm_user.clone(), facilitator())
		);
		assert_ok!(pay(&agent(), &shop(), 100, 1));
		assert_eq!(usdc(&evm_user), START - 100);
	});
}

#[test]
fn a_grant_message_counts_once() {
	new_test_ext().execute_with(|| {
		let (key, evm_user) = evm("EvmUser");
		assert_ok!(grant_signed(&key, &evm_user, 0, T0 + 60));
		assert_ok!(Mandates::revoke_signed(
			RuntimeOrigin::signed(facilitator()),
			evm_user.clone(),
			0,
			T0 + 60,
			sign_prehashed(&key, &revoke_digest(CHAIN_ID, 0, T0 + 60)),
		));
		assert_noop!(pay(&agent(), &shop(), 100, 1), X402Error::<Test>::MandateRevoked);
		// Replaying the grant (its nonce is used) does not bring the mandate back.
		assert_noop!(grant_signed(&key, &evm_user, 0, T0 + 60), Error::<Test>::BadSignature);
		assert_ok!(grant_signed(&key, &evm_user, 1, T0 + 60));
	});
}

#[test]
fn forged_or_stale_messages_are_refused() {
	new_test_ext().execute_with(|| {
		let (key, evm_user) = evm("EvmUser");
		let (other_key, _) = evm("Mallory");
		assert_noop!(grant_signed(&other_key, &evm_user, 0, T0 + 60), Error::<Test>::BadSignature);
		assert_noop!(grant_signed(&key, &evm_user, 0, T0), Error::<Test>::BadDeadline);
		assert_noop!(
			grant_signed(&key, &evm_user, 0, T0 + MAX_SIGNED_AHEAD + 1),
			Error::<Test>::BadDeadline
		);
		// A native account has no EVM key to sign with.
		assert_noop!(grant_signed(&key, &user(), 0, T0 + 60), Error::<Test>::NotAnEvmAccount);
		// A signature for another chain id does not verify here.
		let delegate = account_of(&agent());
		let digest = grant_digest(CHAIN_ID + 1, &delegate, &terms(), 0, T0 + 60);
		assert_noop!(
			Mandates::grant_signed(
				RuntimeOrigin::signed(facilitator()),
				evm_user.clone(),
				delegate,
				Box::new(terms()),
				T0 + 60,
				sign_prehashed(&key, &digest),
				consent(&agent(), &evm_user),
			),
			Error::<Test>::BadSignature
		);
		// Nor does a grant of other terms.
		let digest = grant_digest(CHAIN_ID, &account_of(&agent()), &terms(), 0, T0 + 60);
		assert_noop!(
			Mandates::grant_signed(
				RuntimeOrigin::signed(facilitator()),
				evm_user.clone(),
				account_of(&agent()),
				Box::new(MandateTerms { max_per_payment: 1_000, ..terms() }),
				T0 + 60,
				sign_prehashed(&key, &digest),
				consent(&agent(), &evm_user),
			),
			Error::<Test>::BadSignature
		);
	});
}

#[test]
fn only_the_root_can_revoke_by_signature() {
	new_test_ext().execute_with(|| {
		let (key, evm_user) = evm("EvmUser");
		let (mallory_key, mallory) = evm("Mallory");
		assert_ok!(grant_signed(&key, &evm_user, 0, T0 + 60));
		assert_noop!(
			Mandates::revoke_signed(
				RuntimeOrigin::signed(facilitator()),
				mallory,
				0,
				T0 + 60,
				sign_prehashed(&mallory_key, &revoke_digest(CHAIN_ID, 0, T0 + 60)),
			),
			Error::<Test>::NotAllowedToRevoke
		);
		assert_noop!(
			Mandates::revoke_signed(
				RuntimeOrigin::signed(facilitator()),
				evm_user,
				0,
				T0 + 60,
				sign_prehashed(&mallory_key, &revoke_digest(CHAIN_ID, 0, T0 + 60)),
			),
			Error::<Test>::BadSignature
		);
	});
}
