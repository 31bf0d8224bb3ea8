//! The payment wallet: set only with the wallet's own signature (native or EIP-712), one agent
//! per wallet, cleared when ownership moves.

use crate::{mock::*, *};
use polkadot_sdk::frame_support::{assert_noop, assert_ok};

fn set_wallet(
	agent: AgentId,
	wallet: &AccountId,
	deadline: u64,
	proof: WalletProof,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	Agents::set_agent_wallet(RuntimeOrigin::signed(owner()), agent, wallet.clone(), deadline, proof)
}

#[test]
fn a_native_wallet_proves_control_with_its_signature() {
	new_test_ext().execute_with(|| {
		let id = register_as(&owner(), b"");
		let deadline = T0 + 60;
		assert_ok!(set_wallet(
			id,
			&wallet(),
			deadline,
			native_proof("Wallet", id, &owner(), deadline)
		));
		assert_eq!(Agents::agent(id).unwrap().wallet, Some(wallet()));
		assert_eq!(Agents::agent_by_wallet(&wallet()), Some(id));
		// The owner's own former wallet entry is released.
		assert_eq!(Agents::agent_by_wallet(&owner()), None);
		assert_eq!(
			agent_events().last(),
			Some(&Event::WalletSet { agent: id, wallet: Some(wallet()) })
		);
	});
}

#[test]
fn an_evm_wallet_proves_control_with_eip712_agent_wallet_set() {
	new_test_ext().execute_with(|| {
		let id = register_as(&owner(), b"");
		let key = evm("AgentWallet");
		let deadline = T0 + 300;
		assert_ok!(set_wallet(id, &key.1, deadline, evm_proof(&key, id, &owner(), deadline)));
		assert_eq!(Agents::agent_by_wallet(&key.1), Some(id));
	});
}

#[test]
fn proofs_that_do_not_bind_this_wallet_agent_owner_and_deadline_are_refused() {
	new_test_ext().execute_with(|| {
		let id = register_as(&owner(), b"");
		let other = register_as(&client(), b"");
		let deadline = T0 + 60;
		let refused = |proof| set_wallet(id, &wallet(), deadline, proof);
		// Signed by someone else, for another agent, another owner or another deadline.
		assert_noop!(
			refused(native_proof("Client", id, &owner(), deadline)),
			Error::<Test>::BadWalletProof
		);
		assert_noop!(
			refused(native_proof("Wallet", other, &owner(), deadline)),
			Error::<Test>::BadWalletProof
		);
		assert_noop!(
			refused(native_proof("Wallet", id, &client(), deadline)),
			Error::<Test>::BadWalletProof
		);
		assert_noop!(
			refused(native_proof("Wallet", id, &owner(), deadline + 1)),
			Error::<Test>::BadWalletProof
		);
		// An EVM signature cannot prove a native wallet.
		let key = evm("AgentWallet");
		assert_noop!(
			refused(evm_proof(&key, id, &owner(), deadline)),
			Error::<Test>::BadWalletProof
		);
		// Nor an EVM key's signature a different EVM wallet.
		let other_key = evm("Other");
		assert_noop!(
			set_wallet(id, &other_key.1, deadline, evm_proof(&key, id, &owner(), deadline)),
			Error::<Test>::BadWalletProof
		);
	});
}

#[test]
fn deadlines_must_be_now_to_five_minutes_ahead() {
	new_test_ext().execute_with(|| {
		let id = register_as(&owner(), b"");
		let past = T0 - 1;
		assert_noop!(
			set_wallet(id, &wallet(), past, native_proof("Wallet", id, &owner(), past)),
			Error::<Test>::ProofExpired
		);
		let far = T0 + 301;
		assert_noop!(
			set_wallet(id, &wallet(), far, native_proof("Wallet", id, &owner(), far)),
			Error::<Test>::DeadlineTooFar
		);
		assert_ok!(set_wallet(id, &wallet(), T0, native_proof("Wallet", id, &owner(), T0)));
	});
}

#[test]
fn a_wallet_belongs_to_one_agent_and_only_managers_set_it() {
	new_test_ext().execute_with(|| {
		let first = agent_with_wallet();
		let second = register_as(&owner(), b"");
		let deadline = T0 + 60;
		assert_noop!(
			set_wallet(
				second,
				&wallet(),
				deadline,
				native_proof("Wallet", second, &owner(), deadline)
			),
			Error::<Test>::WalletInUse
		);
		assert_noop!(
			Agents::set_agent_wallet(
				RuntimeOrigin::signed(client()),
				second,
				wallet(),
				deadline,
				native_proof("Wallet", second, &owner(), deadline)
			),
			Error::<Test>::NotOwnerOrOperator
		);
		assert_ok!(Agents::unset_agent_wallet(RuntimeOrigin::signed(owner()), first));
		assert_noop!(
			Agents::unset_agent_wallet(RuntimeOrigin::signed(owner()), first),
			Error::<Test>::NoWallet
		);
		assert_ok!(set_wallet(
			second,
			&wallet(),
			deadline,
			native_proof("Wallet", second, &owner(), deadline)
		));
	});
}

#[test]
fn the_new_owner_must_prove_the_wallet_again() {
	new_test_ext().execute_with(|| {
		let id = agent_with_wallet();
		assert_ok!(Agents::transfer_ownership(RuntimeOrigin::signed(owner()), id, client()));
		let deadline = T0 + 60;
		// The wallet's proof named the old owner: it does not carry over.
		assert_noop!(
			Agents::set_agent_wallet(
				RuntimeOrigin::signed(client()),
				id,
				wallet(),
				deadline,
				native_proof("Wallet", id, &owner(), deadline)
			),
			Error::<Test>::BadWalletProof
		);
		assert_ok!(Agents::set_agent_wallet(
			RuntimeOrigin::signed(client()),
			id,
			wallet(),
			deadline,
			native_proof("Wallet", id, &client(), deadline)
		));
	});
}

#[test]
fn an_evm_wallet_proof_for_another_network_is_refused() {
	new_test_ext().execute_with(|| {
		let id = register_as(&owner(), b"");
		let key = evm("AgentWallet");
		let deadline = T0 + 300;
		// Signed for this network's chain id, presented on a network with another.
		pallet_x402::EvmChainId::<Test>::put(TEST_CHAIN_ID + 1);
		assert_noop!(
			set_wallet(id, &key.1, deadline, evm_proof(&key, id, &owner(), deadline)),
			Error::<Test>::BadWalletProof
		);
		pallet_x402::EvmChainId::<Test>::put(TEST_CHAIN_ID);
		assert_ok!(set_wallet(id, &key.1, deadline, evm_proof(&key, id, &owner(), deadline)));
	});
}
