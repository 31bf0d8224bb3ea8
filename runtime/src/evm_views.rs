//! The EVM-style views of the chain's assets (`EvmViewsApi`): what `eth_call` on the node
//! answers. See `agentchain_primitives::evm_views`.

use crate::{Assets, X402};
use agentchain_primitives::{
	channels::BATCH_SETTLEMENT_ADDRESS,
	evm_views::{self, Arguments, ViewError},
	x402::{evm_address, permit2::PERMIT2_ADDRESS},
	AccountId,
};
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::traits::fungibles::{metadata::Inspect as Metadata, Inspect},
	sp_core::{H160, H256, U256},
};

/// What the call of `input` to the contract at `to` returns.
pub fn call(to: H160, input: &[u8]) -> Result<Vec<u8>, ViewError> {
	if to == BATCH_SETTLEMENT_ADDRESS {
		return channel_call(input);
	}
	let asset = evm_address::asset_of_address(to).ok_or(ViewError::UnknownContract)?;
	let domain = X402::eip712_domain(asset).ok_or(ViewError::UnknownContract)?;
	let (selector, args) = Arguments::split(input).ok_or(ViewError::UnknownFunction)?;
	Ok(match selector {
		evm_views::BALANCE_OF => {
			let holder = X402::account_of_address(args.address(0)?);
			evm_views::uint(<Assets as Inspect<AccountId>>::balance(asset, &holder).into())
		},
		evm_views::ALLOWANCE => {
			args.address(0)?;
			let unlimited = args.address(1)? == PERMIT2_ADDRESS;
			evm_views::uint(if unlimited { U256::MAX } else { U256::zero() })
		},
		evm_views::AUTHORIZATION_STATE => {
			// The payer of an EVM key's authorizations is its embedded account.
			let authorizer = AccountId::new(evm_address::embedded_account(args.address(0)?));
			let nonce = args.word(1)?;
			evm_views::boolean(X402::authorization_state(&authorizer, &nonce).is_some())
		},
		evm_views::NAME => evm_views::string(&domain.name),
		evm_views::VERSION => evm_views::string(&domain.version),
		evm_views::DECIMALS => {
			evm_views::uint(<Assets as Metadata<AccountId>>::decimals(asset).into())
		},
		_ => return Err(ViewError::UnknownFunction),
	})
}

/// What the call of `input` to the batch-settlement contract returns: a channel never funded
/// reads as all zeros, as on the contract.
fn channel_call(input: &[u8]) -> Result<Vec<u8>, ViewError> {
	let (selector, args) = Arguments::split(input).ok_or(ViewError::UnknownFunction)?;
	Ok(match selector {
		evm_views::CHANNELS => {
			let state = X402::channel(H256(args.word(0)?)).unwrap_or_default();
			evm_views::uints([state.balance.into(), state.total_claimed.into()])
		},
		evm_views::PENDING_WITHDRAWALS => {
			let state = X402::channel(H256(args.word(0)?)).unwrap_or_default();
			let pending = if state.withdraw_requested_at == 0 { 0 } else { state.unclaimed() };
			evm_views::uints([pending.into(), state.withdraw_requested_at.into()])
		},
		evm_views::REFUND_NONCE => {
			let state = X402::channel(H256(args.word(0)?)).unwrap_or_default();
			evm_views::uint(state.refund_nonce.into())
		},
		evm_views::RECEIVERS => {
			let receiver = args.address(0)?;
			let asset =
				evm_address::asset_of_address(args.address(1)?).ok_or(ViewError::BadArguments)?;
			let totals = X402::receiver_totals(receiver, asset);
			evm_views::uints([totals.claimed.into(), totals.settled.into()])
		},
		_ => return Err(ViewError::UnknownFunction),
	})
}
