//! `batch-settlement` channels: deposits through the ERC-3009 collector, claims of cumulative
//! vouchers, the sweep of claimed funds to receivers, and refunds of what is left. One code path,
//! [`Pallet::execute`], serves the calls and the runtime API's dry run.
//!
//! Channel funds sit in one custody account, the account of the collector's address, which no
//! key controls: a deposit is an ordinary settled `ReceiveWithAuthorization` from the payer to
//! that address (its nonce record and receipt included), and funds leave custody only through a
//! claim swept to its receiver or a refund to its payer. Custody keeps the asset's minimum
//! balance of its own (seeded at genesis; an asset whose custody holds less takes no deposits),
//! so paying out never closes the account while it owes anyone.
//!
//! Custody always covers every channel's balance plus what receivers were credited and not yet
//! paid: a deposit adds to both sides, a sweep and a refund take from both, a claim moves an
//! amount from a channel's unclaimed part to its receiver's unswept part.
//!
//! Only the channel's receiver authorizer claims and refunds. A payer leaves without it by a
//! signed withdraw request, and gets the unclaimed rest only after the channel's withdraw
//! delay, which the receiver's side has to claim what it is owed: a voucher it accepted stays
//! claimable, as nothing the payer does lowers the balance under it sooner.

use crate::*;
use agentchain_primitives::{
	channels::{
		custody_account, deposit_nonce, voucher_digest, withdraw_request_digest, ChannelCall,
		ChannelConfig, ChannelError, ChannelId, ChannelOutcome, ChannelRefusal, ChannelState,
		DepositAuthorization, VoucherClaim, MAX_WITHDRAW_DELAY, MIN_WITHDRAW_DELAY,
	},
	evm_signature,
};
use polkadot_sdk::{
	frame_support::{
		pallet_prelude::*,
		storage::{with_transaction, TransactionOutcome},
		traits::{
			fungibles::{Inspect, Unbalanced},
			tokens::{Fortitude, Precision, Preservation},
		},
	},
	sp_core::H160,
	sp_runtime::AccountId32,
};

impl<T: Config> Pallet<T> {
	/// The account that holds every channel's funds.
	pub fn channel_custody() -> AccountId {
		AccountId32::new(custody_account())
	}

	/// The state of channel `id`, if it was ever funded.
	pub fn channel(id: ChannelId) -> Option<ChannelState> {
		Channels::<T>::get(id)
	}

	/// What `receiver` was credited in `asset` by claims, and what of it was paid out.
	pub fn receiver_totals(receiver: H160, asset: AssetId) -> ReceiverTotals {
		Receivers::<T>::get(receiver, asset)
	}

	/// What `call` by `submitter` does now, with nothing kept: the runtime API's dry run.
	pub fn dry_run_channel_call(
		call: ChannelCall,
		submitter: AccountId,
	) -> Result<ChannelOutcome, ChannelRefusal> {
		let outcome = with_transaction(|| {
			TransactionOutcome::Rollback(Ok::<_, DispatchError>(Self::execute(call, submitter)))
		});
		outcome.unwrap_or(Err(ChannelRefusal::Channel(ChannelError::ChannelNotFound)))
	}

	/// Carries out `call` submitted by `submitter`, with its events; on a refusal the caller
	/// reverts whatever it wrote (the calls are transactional, the dry run rolls back).
	pub fn execute(
		call: ChannelCall,
		submitter: AccountId,
	) -> Result<ChannelOutcome, ChannelRefusal> {
		let authorizer = evm_address::address_of(submitter.as_ref());
		let max_claims = T::MaxBatch::get() as usize;
		match call {
			ChannelCall::Deposit { config, amount, authorization } => {
				Self::deposit_into(submitter, &config, amount, &authorization)
			},
			ChannelCall::Claim { claims } => {
				ensure!(claims.len() <= max_claims, ChannelRefusal::TooManyClaims);
				ensure!(!claims.is_empty(), ChannelRefusal::Channel(ChannelError::NothingToClaim));
				let amount = Self::apply_claims(authorizer, &claims)?;
				Ok(ChannelOutcome { state: None, amount })
			},
			ChannelCall::Settle { receiver, asset } => {
				let amount = Self::sweep(receiver, asset)?;
				Ok(ChannelOutcome { state: None, amount })
			},
			ChannelCall::Refund { config, amount, refund_nonce, claims } => {
				ensure!(claims.len() <= max_claims, ChannelRefusal::TooManyClaims);
				Self::apply_claims(authorizer, &claims)?;
				ensure!(
					config.receiver_authorizer == authorizer,
					ChannelError::NotReceiverAuthorizer
				);
				let id = config.id(EvmChainId::<T>::get());
				let state = Channels::<T>::get(id).ok_or(ChannelError::ChannelNotFound)?;
				ensure!(state.refund_nonce == refund_nonce, ChannelError::WrongRefundNonce);
				Self::return_unclaimed(&config, amount)
			},
			ChannelCall::InitiateWithdraw { config, signature } => {
				Self::start_withdrawal(&config, &signature)
			},
			ChannelCall::FinalizeWithdraw { config } => {
				let id = config.id(EvmChainId::<T>::get());
				let state = Channels::<T>::get(id).ok_or(ChannelError::ChannelNotFound)?;
				let due = state.withdraw_requested_at.saturating_add(config.withdraw_delay.into());
				ensure!(
					state.withdraw_requested_at != 0 && Self::now() >= due,
					ChannelError::WithdrawNotDue
				);
				Self::return_unclaimed(&config, Balance::MAX)
			},
		}
	}

	/// Starts the payer's withdrawal from the channel of `config` on its signed request: the
	/// receiver has the withdraw delay to claim what it is owed before the payer can take the
	/// rest.
	fn start_withdrawal(
		config: &ChannelConfig,
		signature: &[u8; 65],
	) -> Result<ChannelOutcome, ChannelRefusal> {
		let chain_id = EvmChainId::<T>::get();
		let id = config.id(chain_id);
		let mut state = Channels::<T>::get(id).ok_or(ChannelError::ChannelNotFound)?;
		let digest = withdraw_request_digest(chain_id, id, state.refund_nonce);
		ensure!(
			evm_signature::is_signed_by(signature, &digest, config.payer),
			ChannelError::BadWithdrawSignature
		);
		ensure!(state.withdraw_requested_at == 0, ChannelError::WithdrawPending);
		state.withdraw_requested_at = Self::now();
		Channels::<T>::insert(id, state);
		Self::deposit_event(Event::ChannelWithdrawRequested {
			channel: id,
			payer: config.payer,
			due: state.withdraw_requested_at.saturating_add(config.withdraw_delay.into()),
		});
		Ok(ChannelOutcome { state: Some(state), amount: 0 })
	}

	/// The asset a channel's token address names, if channels may hold it: the withdraw delay
	/// is in range, the asset payable, and custody holds its minimum balance.
	fn channel_asset(config: &ChannelConfig) -> Result<AssetId, ChannelError> {
		ensure!(
			(MIN_WITHDRAW_DELAY..=MAX_WITHDRAW_DELAY).contains(&config.withdraw_delay),
			ChannelError::WithdrawDelayOutOfRange
		);
		let asset = Self::token_asset(config.token)?;
		ensure!(AssetDomains::<T>::contains_key(asset), ChannelError::UnknownToken);
		ensure!(
			T::Assets::balance(asset, &Self::channel_custody())
				>= T::Assets::minimum_balance(asset),
			ChannelError::UnknownToken
		);
		Ok(asset)
	}

	fn token_asset(token: H160) -> Result<AssetId, ChannelError> {
		evm_address::asset_of_address(token).ok_or(ChannelError::UnknownToken)
	}

	/// The intent a deposit of `amount` into the channel of `config` settles: a
	/// `ReceiveWithAuthorization` from the payer to the collector, with the channel's deposit
	/// nonce for the authorization's salt.
	pub fn deposit_intent(
		config: &ChannelConfig,
		asset: AssetId,
		amount: Balance,
		authorization: &DepositAuthorization,
	) -> Intent {
		let id = config.id(EvmChainId::<T>::get());
		Intent {
			payer: AccountId32::new(evm_address::embedded_account(config.payer)),
			payee: Self::channel_custody(),
			asset,
			amount,
			valid_after: authorization.valid_after,
			valid_before: authorization.valid_before,
			nonce: deposit_nonce(id, &authorization.salt),
			reference: None,
		}
	}

	/// Settles a deposit submitted by `submitter` and credits the channel.
	fn deposit_into(
		submitter: AccountId,
		config: &ChannelConfig,
		amount: Balance,
		authorization: &DepositAuthorization,
	) -> Result<ChannelOutcome, ChannelRefusal> {
		let asset = Self::channel_asset(config)?;
		let intent = Self::deposit_intent(config, asset, amount, authorization);
		let item = (intent, IntentSignature::Evm(authorization.signature));
		let mut settlement = Self::settle(alloc::vec![item], Purpose::Receive, Some(submitter));
		if let Some((_, Err(reason))) = settlement.outcomes.pop() {
			return Err(ChannelRefusal::Intent(reason));
		}
		let id = config.id(EvmChainId::<T>::get());
		let state = Channels::<T>::mutate(id, |state| {
			let state = state.get_or_insert_with(Default::default);
			// The deposit moved `amount` into custody, which holds less than the asset's supply.
			state.balance = state.balance.saturating_add(amount);
			*state
		});
		Self::deposit_event(Event::ChannelDeposited {
			channel: id,
			payer: config.payer,
			amount,
			balance: state.balance,
		});
		Ok(ChannelOutcome { state: Some(state), amount })
	}

	/// Checks one claim by `authorizer` against the channel's state and applies it to `state`;
	/// the amount it credits the receiver.
	fn check_claim(
		authorizer: H160,
		id: ChannelId,
		claim: &VoucherClaim,
		state: &mut ChannelState,
	) -> Result<Balance, ChannelError> {
		ensure!(
			claim.config.receiver_authorizer == authorizer,
			ChannelError::NotReceiverAuthorizer
		);
		let digest = voucher_digest(EvmChainId::<T>::get(), id, claim.voucher.max_claimable);
		ensure!(
			evm_signature::is_signed_by(
				&claim.voucher.signature,
				&digest,
				claim.config.payer_authorizer
			),
			ChannelError::BadVoucherSignature
		);
		ensure!(
			claim.total_claimed <= claim.voucher.max_claimable,
			ChannelError::ClaimAboveVoucher
		);
		ensure!(claim.total_claimed <= state.balance, ChannelError::CumulativeExceedsBalance);
		ensure!(claim.total_claimed > state.total_claimed, ChannelError::CumulativeBelowClaimed);
		let credited = claim.total_claimed - state.total_claimed;
		state.total_claimed = claim.total_claimed;
		Ok(credited)
	}

	/// Applies `claims` by `authorizer` in order; what they credited in all. Stops at the first
	/// refused one (the caller reverts the others).
	fn apply_claims(authorizer: H160, claims: &[VoucherClaim]) -> Result<Balance, ChannelError> {
		let chain_id = EvmChainId::<T>::get();
		let mut total: Balance = 0;
		for claim in claims {
			let asset = Self::token_asset(claim.config.token)?;
			let id = claim.config.id(chain_id);
			let mut state = Channels::<T>::get(id).ok_or(ChannelError::ChannelNotFound)?;
			let credited = Self::check_claim(authorizer, id, claim, &mut state)?;
			Channels::<T>::insert(id, state);
			Receivers::<T>::mutate(claim.config.receiver, asset, |totals| {
				totals.claimed = totals.claimed.saturating_add(credited)
			});
			total = total.saturating_add(credited);
			Self::deposit_event(Event::ChannelClaimed {
				channel: id,
				receiver: claim.config.receiver,
				amount: credited,
				total_claimed: state.total_claimed,
			});
		}
		Ok(total)
	}

	/// Pays `receiver` what claims credited it in `asset` and it was not yet paid; the amount.
	fn sweep(receiver: H160, asset: AssetId) -> Result<Balance, ChannelRefusal> {
		let mut totals = Receivers::<T>::get(receiver, asset);
		let amount = totals.claimed.saturating_sub(totals.settled);
		ensure!(amount > 0, ChannelError::NothingToSettle);
		Self::pay_out(asset, &Self::account_of_address(receiver), amount)?;
		totals.settled = totals.claimed;
		Receivers::<T>::insert(receiver, asset, totals);
		Self::deposit_event(Event::ChannelsSettled { receiver, asset, amount });
		Ok(amount)
	}

	/// Returns up to `amount` of the channel's unclaimed balance to its payer, counts it in the
	/// refund nonce and ends a pending withdrawal.
	fn return_unclaimed(
		config: &ChannelConfig,
		amount: Balance,
	) -> Result<ChannelOutcome, ChannelRefusal> {
		let asset = Self::token_asset(config.token)?;
		let id = config.id(EvmChainId::<T>::get());
		let mut state = Channels::<T>::get(id).ok_or(ChannelError::ChannelNotFound)?;
		let refunded = amount.min(state.unclaimed());
		ensure!(refunded > 0, ChannelError::NothingToRefund);
		let payer = AccountId32::new(evm_address::embedded_account(config.payer));
		Self::pay_out(asset, &payer, refunded)?;
		state.balance -= refunded;
		state.refund_nonce = state.refund_nonce.saturating_add(1);
		state.withdraw_requested_at = 0;
		// The record stays however little is left: its claimed total is what keeps vouchers
		// signed before from being claimed again should the channel be funded again.
		Channels::<T>::insert(id, state);
		Self::deposit_event(Event::ChannelRefunded {
			channel: id,
			payer: config.payer,
			amount: refunded,
			balance: state.balance,
		});
		Ok(ChannelOutcome { state: Some(state), amount: refunded })
	}

	/// Moves `amount` of `asset` out of custody to `to`, keeping custody's own minimum.
	fn pay_out(asset: AssetId, to: &AccountId, amount: Balance) -> Result<(), ChannelRefusal> {
		let custody = Self::channel_custody();
		let taken = T::Assets::decrease_balance(
			asset,
			&custody,
			amount,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		);
		// Custody covers what it owes; short of it would be a bug, refused rather than paid.
		ensure!(taken == Ok(amount), ChannelRefusal::Intent(IntentError::InsufficientFunds));
		T::Assets::increase_balance(asset, to, amount, Precision::Exact)
			.map_err(|_| ChannelRefusal::Intent(IntentError::CannotReceive))?;
		Ok(())
	}
}
