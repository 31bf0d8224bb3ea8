//! Registering an account's 20-byte address holds a deposit for as long as the entry stays, so
//! the address book costs whoever fills it.

use crate::{mock::*, *};
use polkadot_sdk::frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};

const DEPOSIT: Balance = 1_000;

fn held(who: &AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::X402(HoldReason::EvmAddress), who)
}

#[test]
fn a_registration_holds_its_deposit_until_it_is_given_up() {
	new_test_ext().execute_with(|| {
		let alice = account_of(&alice());
		let address = evm_address::address_of(alice.as_ref());
		let free = Balances::balance(&alice);
		assert_ok!(X402::register_evm_address(RuntimeOrigin::signed(alice.clone())));
		assert_eq!(X402::account_of_address(address), alice);
		assert_eq!((held(&alice), Balances::balance(&alice)), (DEPOSIT, free - DEPOSIT));
		assert_noop!(
			X402::register_evm_address(RuntimeOrigin::signed(alice.clone())),
			Error::<Test>::AlreadyRegistered
		);

		assert_ok!(X402::unregister_evm_address(RuntimeOrigin::signed(alice.clone())));
		assert_eq!((held(&alice), Balances::balance(&alice)), (0, free));
		assert_ne!(X402::account_of_address(address), alice);
		assert_noop!(
			X402::unregister_evm_address(RuntimeOrigin::signed(alice)),
			Error::<Test>::NotRegistered
		);
	});
}

#[test]
fn an_account_that_cannot_pay_the_deposit_cannot_register() {
	new_test_ext().execute_with(|| {
		// An account with no native currency.
		let broke = account_of(&native("broke"));
		assert_noop!(
			X402::register_evm_address(RuntimeOrigin::signed(broke.clone())),
			Error::<Test>::CannotHoldDeposit
		);
		assert_ne!(X402::account_of_address(evm_address::address_of(broke.as_ref())), broke);
	});
}

#[test]
fn a_genesis_registration_is_given_up_without_a_deposit() {
	new_test_ext().execute_with(|| {
		let bob = account_of(&bob());
		assert_eq!(X402::account_of_address(evm_address::address_of(bob.as_ref())), bob);
		assert_ok!(X402::unregister_evm_address(RuntimeOrigin::signed(bob.clone())));
		assert_ne!(X402::account_of_address(evm_address::address_of(bob.as_ref())), bob);
		assert_eq!(held(&bob), 0);
	});
}
