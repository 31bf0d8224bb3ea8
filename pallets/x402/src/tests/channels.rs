//! `batch-settlement` channels: a deposit funds exactly its channel once; a claim takes only
//! what a voucher of the payer authorizer allows, never above the deposit, never backwards and
//! only by the receiver authorizer; the sweep pays the receiver what was claimed, once; a refund
//! returns only what is unclaimed. Custody always holds what it owes.

use crate::{mock::*, *};
use agentchain_primitives::channels::{self, Voucher};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, BoundedVec},
	sp_core::{ecdsa, H160},
};

struct Channel {
	payer: ecdsa::Pair,
	config: ChannelConfig,
}

/// A channel of the EVM key "Agent" paying Charlie's address, with the facilitator as receiver
/// authorizer.
fn channel() -> Channel {
	let (payer, _) = evm("Agent");
	let address = evm_address_of(&payer);
	let config = ChannelConfig {
		payer: address,
		payer_authorizer: address,
		receiver: evm_address::address_of(account_of(&charlie()).as_ref()),
		receiver_authorizer: evm_address::address_of(facilitator().as_ref()),
		token: evm_address::asset_address(USDC),
		withdraw_delay: channels::MIN_WITHDRAW_DELAY,
		salt: [0; 32],
	};
	Channel { payer, config }
}

impl Channel {
	fn id(&self) -> ChannelId {
		self.config.id(TEST_CHAIN_ID)
	}

	fn payer_account(&self) -> AccountId {
		evm("Agent").1
	}

	/// The payer's signed deposit authorization of `amount`, with `salt`.
	fn authorization(&self, amount: Balance, salt: u8) -> DepositAuthorization {
		let mut authorization = DepositAuthorization {
			valid_after: 0,
			valid_before: X402::now() + 300,
			salt: [salt; 32],
			signature: [0; 65],
		};
		let intent = X402::deposit_intent(&self.config, USDC, amount, &authorization);
		let IntentSignature::Evm(signature) = sign_evm(&self.payer, &intent, Purpose::Receive)
		else {
			unreachable!()
		};
		authorization.signature = signature;
		authorization
	}

	fn deposit(&self, amount: Balance, salt: u8) -> polkadot_sdk::sp_runtime::DispatchResult {
		X402::deposit(
			RuntimeOrigin::signed(facilitator()),
			self.config.clone(),
			amount,
			self.authorization(amount, salt),
		)
	}

	fn voucher(&self, max_claimable: Balance) -> Voucher {
		let digest = channels::voucher_digest(TEST_CHAIN_ID, self.id(), max_claimable);
		Voucher { max_claimable, signature: sign_prehashed(&self.payer, &digest) }
	}

	fn claim_of(&self, voucher: Voucher, total_claimed: Balance) -> VoucherClaim {
		VoucherClaim { config: self.config.clone(), voucher, total_claimed }
	}

	fn state(&self) -> ChannelState {
		X402::channel(self.id()).expect("funded")
	}
}

fn claim(by: AccountId, claims: Vec<VoucherClaim>) -> polkadot_sdk::sp_runtime::DispatchResult {
	X402::claim(RuntimeOrigin::signed(by), BoundedVec::truncate_from(claims))
}

fn sweep(receiver: H160) -> polkadot_sdk::sp_runtime::DispatchResult {
	X402::settle_channels(RuntimeOrigin::signed(alice_account()), receiver, USDC)
}

fn refund(
	channel: &Channel,
	amount: Balance,
	nonce: u64,
	claims: Vec<VoucherClaim>,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	X402::refund(
		RuntimeOrigin::signed(facilitator()),
		channel.config.clone(),
		amount,
		nonce,
		BoundedVec::truncate_from(claims),
	)
}

fn alice_account() -> AccountId {
	account_of(&alice())
}

#[test]
fn deposit_claims_sweep_and_refund_end_with_exact_balances() {
	new_test_ext().execute_with(|| {
		let channel = channel();
		let (payer, receiver) = (channel.payer_account(), account_of(&charlie()));
		assert_ok!(channel.deposit(10_000, 1));
		assert_eq!(usdc(&payer), START - 10_000);
		assert_eq!(usdc(&custody()), MIN_BALANCE + 10_000);
		assert_eq!(channel.state().balance, 10_000);
		// Vouchers of 300, 600 and 900 in all; the receiver authorizer claims the last.
		assert_ok!(claim(facilitator(), vec![channel.claim_of(channel.voucher(900), 900)]));
		assert_eq!(channel.state().total_claimed, 900);
		assert_ok!(sweep(channel.config.receiver));
		assert_eq!(usdc(&receiver), START + 900);
		assert_noop!(sweep(channel.config.receiver), Error::<Test>::NothingToSettle);
		// A refund of everything left, after claiming the latest voucher with it.
		assert_ok!(refund(
			&channel,
			Balance::MAX,
			0,
			vec![channel.claim_of(channel.voucher(1_200), 1_200)]
		));
		assert_eq!(
			channel.state(),
			ChannelState {
				balance: 1_200,
				total_claimed: 1_200,
				withdraw_requested_at: 0,
				refund_nonce: 1
			}
		);
		assert_ok!(sweep(channel.config.receiver));
		assert_eq!(usdc(&receiver), START + 1_200);
		assert_eq!(usdc(&payer), START - 1_200);
		// Custody is back to its own minimum: it owed nothing more.
		assert_eq!(usdc(&custody()), MIN_BALANCE);
		assert_noop!(refund(&channel, 1, 1, vec![]), Error::<Test>::NothingToRefund);
	});
}

#[test]
fn a_deposit_funds_its_channel_once_and_only_as_signed() {
	new_test_ext().execute_with(|| {
		let channel = channel();
		let authorization = channel.authorization(5_000, 1);
		let deposit = |config: ChannelConfig, amount| {
			X402::deposit(
				RuntimeOrigin::signed(facilitator()),
				config,
				amount,
				authorization.clone(),
			)
		};
		assert_noop!(deposit(channel.config.clone(), 5_001), Error::<Test>::BadSignature);
		let mut other = channel.config.clone();
		other.salt = [9; 32];
		// The nonce binds the channel: the same authorization cannot fund another.
		assert_noop!(deposit(other, 5_000), Error::<Test>::BadSignature);
		let mut slow = channel.config.clone();
		slow.withdraw_delay = channels::MAX_WITHDRAW_DELAY + 1;
		assert_noop!(deposit(slow, 5_000), Error::<Test>::WithdrawDelayOutOfRange);
		assert_ok!(deposit(channel.config.clone(), 5_000));
		assert_noop!(deposit(channel.config.clone(), 5_000), Error::<Test>::NonceUsed);
		// A second authorization tops the channel up.
		assert_ok!(channel.deposit(1_000, 2));
		assert_eq!(channel.state().balance, 6_000);
	});
}

#[test]
fn claims_take_only_what_a_voucher_allows() {
	new_test_ext().execute_with(|| {
		let channel = channel();
		assert_ok!(channel.deposit(1_000, 1));
		let voucher = channel.voucher(600);
		// By anyone but the receiver authorizer.
		assert_noop!(
			claim(alice_account(), vec![channel.claim_of(voucher.clone(), 600)]),
			Error::<Test>::NotReceiverAuthorizer
		);
		// Signed by another key.
		let (stranger, _) = evm("Stranger");
		let digest = channels::voucher_digest(TEST_CHAIN_ID, channel.id(), 600);
		let forged = Voucher { max_claimable: 600, signature: sign_prehashed(&stranger, &digest) };
		assert_noop!(
			claim(facilitator(), vec![channel.claim_of(forged, 600)]),
			Error::<Test>::BadVoucherSignature
		);
		// Another ceiling than signed, a claim above the voucher, above the deposit.
		let mut raised = voucher.clone();
		raised.max_claimable = 700;
		assert_noop!(
			claim(facilitator(), vec![channel.claim_of(raised, 600)]),
			Error::<Test>::BadVoucherSignature
		);
		assert_noop!(
			claim(facilitator(), vec![channel.claim_of(voucher.clone(), 601)]),
			Error::<Test>::ClaimAboveVoucher
		);
		let large = channel.voucher(1_001);
		assert_noop!(
			claim(facilitator(), vec![channel.claim_of(large, 1_001)]),
			Error::<Test>::CumulativeExceedsBalance
		);
		assert_ok!(claim(facilitator(), vec![channel.claim_of(voucher.clone(), 600)]));
		// The same claim again, and an older voucher: backwards.
		assert_noop!(
			claim(facilitator(), vec![channel.claim_of(voucher, 600)]),
			Error::<Test>::CumulativeBelowClaimed
		);
		let older = channel.voucher(300);
		assert_noop!(
			claim(facilitator(), vec![channel.claim_of(older, 300)]),
			Error::<Test>::CumulativeBelowClaimed
		);
		// All or none: a good claim with a bad one leaves nothing claimed.
		let good = channel.claim_of(channel.voucher(800), 800);
		let bad = channel.claim_of(channel.voucher(900), 901);
		assert_noop!(claim(facilitator(), vec![good, bad]), Error::<Test>::ClaimAboveVoucher);
		assert_eq!(channel.state().total_claimed, 600);
		assert_noop!(claim(facilitator(), vec![]), Error::<Test>::NothingToClaim);
	});
}

#[test]
fn a_refund_returns_only_the_unclaimed_balance_once() {
	new_test_ext().execute_with(|| {
		let channel = channel();
		let payer = channel.payer_account();
		assert_ok!(channel.deposit(1_000, 1));
		assert_ok!(claim(facilitator(), vec![channel.claim_of(channel.voucher(400), 400)]));
		assert_noop!(refund(&channel, 100, 1, vec![]), Error::<Test>::WrongRefundNonce);
		let by_alice = || {
			X402::refund(
				RuntimeOrigin::signed(alice_account()),
				channel.config.clone(),
				100,
				0,
				BoundedVec::new(),
			)
		};
		assert_noop!(by_alice(), Error::<Test>::NotReceiverAuthorizer);
		// A partial refund, then the rest: never the claimed 400.
		assert_ok!(refund(&channel, 100, 0, vec![]));
		assert_noop!(refund(&channel, 100, 0, vec![]), Error::<Test>::WrongRefundNonce);
		assert_ok!(refund(&channel, Balance::MAX, 1, vec![]));
		assert_eq!(usdc(&payer), START - 400);
		assert_eq!(channel.state().balance, 400);
		assert_noop!(refund(&channel, 1, 2, vec![]), Error::<Test>::NothingToRefund);
	});
}

#[test]
fn vouchers_signed_before_a_refund_are_worthless_when_the_channel_is_funded_again() {
	new_test_ext().execute_with(|| {
		let channel = channel();
		assert_ok!(channel.deposit(1_000, 1));
		let old = channel.voucher(500);
		assert_ok!(claim(facilitator(), vec![channel.claim_of(old.clone(), 500)]));
		assert_ok!(refund(&channel, Balance::MAX, 0, vec![]));
		assert_ok!(channel.deposit(1_000, 2));
		assert_noop!(
			claim(facilitator(), vec![channel.claim_of(old, 500)]),
			Error::<Test>::CumulativeBelowClaimed
		);
		assert_eq!(
			channel.state(),
			ChannelState {
				balance: 1_500,
				total_claimed: 500,
				withdraw_requested_at: 0,
				refund_nonce: 1
			}
		);
	});
}

#[test]
fn a_claim_of_an_unfunded_channel_is_refused() {
	new_test_ext().execute_with(|| {
		let channel = channel();
		assert_noop!(
			claim(facilitator(), vec![channel.claim_of(channel.voucher(1), 1)]),
			Error::<Test>::ChannelNotFound
		);
		assert_noop!(sweep(channel.config.receiver), Error::<Test>::NothingToSettle);
	});
}

impl Channel {
	fn withdraw_request(&self, by: &ecdsa::Pair) -> [u8; 65] {
		let nonce = X402::channel(self.id()).map_or(0, |state| state.refund_nonce);
		sign_prehashed(by, &channels::withdraw_request_digest(TEST_CHAIN_ID, self.id(), nonce))
	}
}

fn initiate(channel: &Channel, signature: [u8; 65]) -> polkadot_sdk::sp_runtime::DispatchResult {
	X402::initiate_withdraw(
		RuntimeOrigin::signed(alice_account()),
		channel.config.clone(),
		signature,
	)
}

fn finalize(channel: &Channel) -> polkadot_sdk::sp_runtime::DispatchResult {
	X402::finalize_withdraw(RuntimeOrigin::signed(alice_account()), channel.config.clone())
}

#[test]
fn a_payer_withdraws_only_after_the_delay_and_only_what_is_unclaimed() {
	new_test_ext().execute_with(|| {
		let channel = channel();
		let payer = channel.payer_account();
		assert_ok!(channel.deposit(1_000, 1));
		let (stranger, _) = evm("Stranger");
		assert_noop!(
			initiate(&channel, channel.withdraw_request(&stranger)),
			Error::<Test>::BadWithdrawSignature
		);
		assert_noop!(finalize(&channel), Error::<Test>::WithdrawNotDue);
		let request = channel.withdraw_request(&channel.payer);
		assert_ok!(initiate(&channel, request));
		assert_noop!(initiate(&channel, request), Error::<Test>::WithdrawPending);
		assert_eq!(channel.state().withdraw_requested_at, T0);
		// A refund before the delay: refused. The receiver claims meanwhile.
		set_time(T0 + u64::from(channels::MIN_WITHDRAW_DELAY) - 1);
		assert_noop!(finalize(&channel), Error::<Test>::WithdrawNotDue);
		assert_ok!(claim(facilitator(), vec![channel.claim_of(channel.voucher(700), 700)]));
		set_time(T0 + u64::from(channels::MIN_WITHDRAW_DELAY));
		assert_ok!(finalize(&channel));
		assert_eq!(usdc(&payer), START - 700);
		assert_eq!(
			channel.state(),
			ChannelState {
				balance: 700,
				total_claimed: 700,
				withdraw_requested_at: 0,
				refund_nonce: 1
			}
		);
		// The old request cannot start another withdrawal: it named the old refund nonce.
		assert_ok!(channel.deposit(500, 2));
		assert_noop!(initiate(&channel, request), Error::<Test>::BadWithdrawSignature);
		assert_noop!(finalize(&channel), Error::<Test>::WithdrawNotDue);
	});
}
