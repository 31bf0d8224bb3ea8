//! The `batch-settlement` scheme: payment channels on this chain, with the stock `@x402/evm`
//! wire format and reason codes.
//!
//! - `/verify` of a `voucher` is off-chain: the voucher's signature is recovered here and
//!   checked against the channel's state at the best block, read from the runtime once per
//!   channel and block; with that state at hand the check runs where the request arrived, with
//!   no hop to the blocking pool. A `deposit` is dry-run by the runtime as well. Every answer
//!   carries the channel's state in `extra`.
//! - `/settle` of a `deposit`, `claim`, `settle` (the sweep) or `refund` submits the x402
//!   pallet's call signed with the facilitator's key, which is the channels' receiver
//!   authorizer (`extra.receiverAuthorizer` in `/supported`); a `voucher` is settled by the
//!   resource server itself and is refused here, as by the stock facilitator.
//! - A voucher this facilitator accepted stays claimable: the chain lets only the receiver
//!   authorizer refund, and every refund it submits leaves the highest voucher it accepted for
//!   the channel covered. The record is kept in memory (see [`ChannelBook`]).

use crate::{
	chain::{Chain, TxEvent},
	facilitator::Facilitator,
	payment::{parse_address, parse_hex_array, parse_u128, Refusal},
	wire::{self, FacilitatorRequest, SettleResponse, VerifyResponse, SCHEME_BATCH_SETTLEMENT},
};
use agentchain_primitives::{
	channels::{
		voucher_digest, ChannelCall, ChannelConfig, ChannelError, ChannelId, ChannelRefusal,
		ChannelState, DepositAuthorization, Voucher, VoucherClaim, MAX_WITHDRAW_DELAY,
		MIN_WITHDRAW_DELAY,
	},
	evm_signature,
	x402::{evm_address, IntentError},
	Balance,
};
use futures::StreamExt;
use polkadot_sdk::sp_core::{H160, H256};
use serde::Deserialize;
use serde_json::{json, Value};
use std::{collections::HashMap, sync::Arc};

/// The stock `@x402/evm` reason codes this module answers with besides [`ChannelError`]'s.
pub mod reason {
	pub const SCHEME: &str = "invalid_batch_settlement_evm_scheme";
	pub const NETWORK_MISMATCH: &str = "invalid_batch_settlement_evm_network_mismatch";
	pub const PAYLOAD_TYPE: &str = "invalid_batch_settlement_evm_payload_type";
	pub const CHANNEL_ID_MISMATCH: &str = "invalid_batch_settlement_evm_channel_id_mismatch";
	pub const RECEIVER_MISMATCH: &str = "invalid_batch_settlement_evm_receiver_mismatch";
	pub const RECEIVER_AUTHORIZER_MISMATCH: &str =
		"invalid_batch_settlement_evm_receiver_authorizer_mismatch";
	pub const TOKEN_MISMATCH: &str = "invalid_batch_settlement_evm_token_mismatch";
	pub const WITHDRAW_DELAY_MISMATCH: &str =
		"invalid_batch_settlement_evm_withdraw_delay_mismatch";
	pub const WITHDRAW_DELAY_OUT_OF_RANGE: &str =
		"invalid_batch_settlement_evm_withdraw_delay_out_of_range";
	pub const VOUCHER_SIGNATURE: &str = "invalid_batch_settlement_evm_voucher_signature";
	pub const CHANNEL_NOT_FOUND: &str = "invalid_batch_settlement_evm_channel_not_found";
	pub const EXCEEDS_BALANCE: &str = "invalid_batch_settlement_evm_cumulative_exceeds_balance";
	pub const BELOW_CLAIMED: &str = "invalid_batch_settlement_evm_cumulative_below_claimed";
	pub const ERC3009_REQUIRED: &str =
		"invalid_batch_settlement_evm_erc3009_authorization_required";
	pub const RECEIVE_SIGNATURE: &str =
		"invalid_batch_settlement_evm_receive_authorization_signature";
	pub const VALID_BEFORE: &str =
		"invalid_batch_settlement_evm_payload_authorization_valid_before";
	pub const VALID_AFTER: &str = "invalid_batch_settlement_evm_payload_authorization_valid_after";
	pub const INSUFFICIENT_BALANCE: &str = "invalid_batch_settlement_evm_insufficient_balance";
	pub const DEPOSIT_SIMULATION: &str = "invalid_batch_settlement_evm_deposit_simulation_failed";
	pub const DEPOSIT_TRANSACTION: &str = "invalid_batch_settlement_evm_deposit_transaction_failed";
	pub const CLAIM_TRANSACTION: &str = "invalid_batch_settlement_evm_claim_transaction_failed";
	pub const SETTLE_TRANSACTION: &str = "invalid_batch_settlement_evm_settle_transaction_failed";
	pub const REFUND_TRANSACTION: &str = "invalid_batch_settlement_evm_refund_transaction_failed";
	pub const REFUND_NO_BALANCE: &str = "invalid_batch_settlement_evm_refund_no_balance";
	pub const REFUND_AMOUNT: &str = "invalid_batch_settlement_evm_refund_amount_invalid";
	pub const AUTHORIZER_MISMATCH: &str =
		"invalid_batch_settlement_evm_authorizer_address_mismatch";
	pub const AUTHORIZER_NOT_CONFIGURED: &str =
		"invalid_batch_settlement_evm_authorizer_not_configured";
	pub const VERIFICATION_STATE: &str =
		"invalid_batch_settlement_evm_verification_state_unavailable";
	pub const CHANNEL_BUSY: &str = "invalid_batch_settlement_evm_channel_busy";
}

/// Most channels [`ChannelBook`] remembers a voucher for; vouchers of further channels are
/// refused (`channel_busy`) rather than accepted without the record that protects them.
pub const MAX_BOOKED_CHANNELS: usize = 100_000;

/// The highest voucher this facilitator accepted for each channel, so that no refund it
/// submits takes what that voucher covers. In memory: after a restart the stock resource
/// server's own claims, which it sends with every refund, are what covers its vouchers.
#[derive(Default)]
pub struct ChannelBook {
	accepted: parking_lot::Mutex<HashMap<ChannelId, (ChannelConfig, Voucher)>>,
}

impl ChannelBook {
	/// Remembers `voucher` if it is the channel's highest yet; false if the book is full.
	fn accept(&self, id: ChannelId, config: &ChannelConfig, voucher: &Voucher) -> bool {
		let mut accepted = self.accepted.lock();
		let full = accepted.len() >= MAX_BOOKED_CHANNELS;
		match accepted.get_mut(&id) {
			Some((_, highest)) => {
				if voucher.max_claimable > highest.max_claimable {
					*highest = voucher.clone();
				}
				true
			},
			None if full => false,
			None => {
				accepted.insert(id, (config.clone(), voucher.clone()));
				true
			},
		}
	}

	/// The channels among `ids` that have a voucher here, with it.
	fn booked(
		&self,
		ids: impl IntoIterator<Item = ChannelId>,
	) -> Vec<(ChannelId, ChannelConfig, Voucher)> {
		let accepted = self.accepted.lock();
		ids.into_iter()
			.filter_map(|id| {
				accepted.get(&id).map(|(config, voucher)| (id, config.clone(), voucher.clone()))
			})
			.collect()
	}

	/// The highest voucher accepted for channel `id`.
	fn highest(&self, id: ChannelId) -> Option<(ChannelConfig, Voucher)> {
		self.accepted.lock().get(&id).cloned()
	}
}

fn refused(reason: &'static str, message: impl Into<String>) -> Refusal {
	Refusal::new(reason, message)
}

fn channel_refusal(error: ChannelError) -> Refusal {
	let message = match error {
		ChannelError::ChannelNotFound => "the channel was never funded",
		ChannelError::WithdrawDelayOutOfRange => "the withdraw delay is out of range",
		ChannelError::UnknownToken => "the token is not an asset channels hold here",
		ChannelError::BadVoucherSignature => "the voucher is not signed by the payer authorizer",
		ChannelError::CumulativeExceedsBalance => "the voucher is above the channel's balance",
		ChannelError::CumulativeBelowClaimed => {
			"the voucher does not go above what the channel has claimed"
		},
		ChannelError::ClaimAboveVoucher => "the claim is above its voucher",
		ChannelError::NotReceiverAuthorizer => {
			"this facilitator is not the channel's receiver authorizer"
		},
		ChannelError::WrongRefundNonce => "the refund names another nonce than the channel's",
		ChannelError::NothingToRefund => "nothing of the channel's balance is left to refund",
		ChannelError::NothingToSettle => "the receiver has nothing claimed to pay out",
		ChannelError::NothingToClaim => "no claims",
		ChannelError::BadWithdrawSignature => "the withdraw request is not the payer's",
		ChannelError::WithdrawPending => "the payer has already asked to withdraw",
		ChannelError::WithdrawNotDue => "no withdrawal is due",
	};
	refused(error.reason(), message)
}

/// A deposit's refusal by the runtime, with the stock codes.
fn deposit_refusal(refusal: ChannelRefusal) -> Refusal {
	match refusal {
		ChannelRefusal::Channel(error) => channel_refusal(error),
		ChannelRefusal::Intent(IntentError::BadSignature) => {
			refused(reason::RECEIVE_SIGNATURE, "the deposit authorization is not the payer's")
		},
		ChannelRefusal::Intent(IntentError::Expired) => {
			refused(reason::VALID_BEFORE, "the deposit authorization has expired")
		},
		ChannelRefusal::Intent(IntentError::NotYetValid) => {
			refused(reason::VALID_AFTER, "the deposit authorization is not valid yet")
		},
		ChannelRefusal::Intent(IntentError::InsufficientFunds) => {
			refused(reason::INSUFFICIENT_BALANCE, "the payer's balance does not cover the deposit")
		},
		ChannelRefusal::Intent(error) => {
			refused(reason::DEPOSIT_SIMULATION, format!("the deposit does not settle: {error:?}"))
		},
		ChannelRefusal::TooManyClaims => refused(reason::PAYLOAD_TYPE, "too many claims"),
	}
}

fn other_refusal(refusal: ChannelRefusal, failed: &'static str) -> Refusal {
	match refusal {
		ChannelRefusal::Channel(error) => channel_refusal(error),
		ChannelRefusal::Intent(error) => refused(failed, format!("{error:?}")),
		ChannelRefusal::TooManyClaims => {
			refused(reason::PAYLOAD_TYPE, "more claims than one call takes")
		},
	}
}

fn bad_payload(message: impl Into<String>) -> Refusal {
	refused(reason::PAYLOAD_TYPE, message)
}

fn address(text: &str, field: &str) -> Result<H160, Refusal> {
	parse_address(text).ok_or_else(|| bad_payload(format!("`{field}` is not a 20-byte address")))
}

fn amount(text: &str, field: &str) -> Result<Balance, Refusal> {
	parse_u128(text).ok_or_else(|| bad_payload(format!("`{field}` is not a number")))
}

fn signature(text: &str) -> Result<[u8; 65], Refusal> {
	parse_hex_array::<65>(text).ok_or_else(|| bad_payload("a signature is not 65 bytes of hex"))
}

fn config_of(config: &wire::ChannelConfig) -> Result<ChannelConfig, Refusal> {
	let withdraw_delay = u32::try_from(config.withdraw_delay).map_err(|_| {
		refused(reason::WITHDRAW_DELAY_OUT_OF_RANGE, "the withdraw delay is too long")
	})?;
	Ok(ChannelConfig {
		payer: address(&config.payer, "payer")?,
		payer_authorizer: address(&config.payer_authorizer, "payerAuthorizer")?,
		receiver: address(&config.receiver, "receiver")?,
		receiver_authorizer: address(&config.receiver_authorizer, "receiverAuthorizer")?,
		token: address(&config.token, "token")?,
		withdraw_delay,
		salt: parse_hex_array::<32>(&config.salt)
			.ok_or_else(|| bad_payload("`salt` is not 32 bytes of hex"))?,
	})
}

fn voucher_of(voucher: &wire::ChannelVoucher) -> Result<Voucher, Refusal> {
	Ok(Voucher {
		max_claimable: amount(&voucher.max_claimable_amount, "maxClaimableAmount")?,
		signature: signature(&voucher.signature)?,
	})
}

fn claims_of(claims: &[wire::ChannelClaim]) -> Result<Vec<VoucherClaim>, Refusal> {
	claims
		.iter()
		.map(|claim| {
			Ok(VoucherClaim {
				config: config_of(&claim.voucher.channel)?,
				voucher: Voucher {
					max_claimable: amount(
						&claim.voucher.max_claimable_amount,
						"maxClaimableAmount",
					)?,
					signature: signature(&claim.signature)?,
				},
				total_claimed: amount(&claim.total_claimed, "totalClaimed")?,
			})
		})
		.collect()
}

/// The channel state as stock servers read it from `extra`.
fn state_extra(id: ChannelId, state: &ChannelState) -> Value {
	json!({
		"channelId": format!("{id:?}"),
		"balance": state.balance.to_string(),
		"totalClaimed": state.total_claimed.to_string(),
		"withdrawRequestedAt": state.withdraw_requested_at,
		"refundNonce": state.refund_nonce.to_string(),
	})
}

/// Where [`Facilitator::verify_channel`] may read a channel's state from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum StateReads {
	/// Only what the node has at hand: no runtime call, so the check may run on an async
	/// thread.
	AtHand,
	/// The runtime, as needed (blocking).
	Runtime,
}

/// Why a payload was not verified.
enum Unverified {
	Refused(Refusal),
	/// Its check needs a runtime call that [`StateReads::AtHand`] does not make.
	NotAtHand,
}

impl From<Refusal> for Unverified {
	fn from(refusal: Refusal) -> Self {
		Self::Refused(refusal)
	}
}

/// What a verified payload pays through: the channel and its state before the payload.
struct Verified {
	id: ChannelId,
	config: ChannelConfig,
	payer: String,
	state: ChannelState,
}

impl<C: Chain> Facilitator<C> {
	/// This facilitator's receiver-authorizer address: its signing account's.
	pub fn receiver_authorizer(&self) -> Option<H160> {
		self.chain().signer().map(|signer| evm_address::address_of(signer.as_ref()))
	}

	/// `/verify` of a `batch-settlement` payload, reading the chain as `reads` allows; `None`
	/// if that is not enough to answer (only with [`StateReads::AtHand`]).
	///
	/// A voucher of a channel read at the best block already costs no runtime call: it is
	/// answered where the request arrived, without the hop to the blocking pool, which at
	/// thousands of vouchers per second costs more than the check.
	pub(crate) fn verify_channel(
		&self,
		request: &FacilitatorRequest,
		reads: StateReads,
	) -> Option<VerifyResponse> {
		let payload = match self.channel_payload(request) {
			Ok(payload) => payload,
			Err(refusal) => {
				return Some(VerifyResponse::refused(refusal.reason, refusal.message, None))
			},
		};
		match self.verify_payload_reading(request, &payload, reads) {
			Ok(verified) => {
				let mut response = VerifyResponse::valid(verified.payer.clone());
				response.extra = Some(state_extra(verified.id, &verified.state));
				Some(response)
			},
			Err(Unverified::Refused(refusal)) => {
				Some(VerifyResponse::refused(refusal.reason, refusal.message, refusal.payer))
			},
			Err(Unverified::NotAtHand) => None,
		}
	}

	/// The envelope's checks, then the payload.
	fn channel_payload(
		&self,
		request: &FacilitatorRequest,
	) -> Result<wire::ChannelPayload, Refusal> {
		let required = &request.payment_requirements;
		let accepted = &request.payment_payload.accepted;
		if required.scheme != SCHEME_BATCH_SETTLEMENT || accepted.scheme != SCHEME_BATCH_SETTLEMENT
		{
			return Err(refused(reason::SCHEME, "the payment is not for `batch-settlement`"));
		}
		if required.network != self.networks().evm || accepted.network != required.network {
			return Err(refused(
				reason::NETWORK_MISMATCH,
				format!("`batch-settlement` is paid on `{}` only", self.networks().evm),
			));
		}
		wire::ChannelPayload::deserialize(&request.payment_payload.payload)
			.map_err(|e| bad_payload(format!("not a batch-settlement payload: {e}")))
	}

	/// The checks of the stock facilitator's `validateChannelConfig`, with this facilitator
	/// as the one receiver authorizer.
	fn check_config(
		&self,
		request: &FacilitatorRequest,
		config: &ChannelConfig,
		claimed_id: &str,
	) -> Result<ChannelId, Refusal> {
		let required = &request.payment_requirements;
		let id = config.id(self.chain().evm_chain_id());
		if parse_hex_array::<32>(claimed_id).map(H256) != Some(id) {
			return Err(refused(
				reason::CHANNEL_ID_MISMATCH,
				"the channel id is not the config's hash",
			));
		}
		if parse_address(&required.pay_to) != Some(config.receiver) {
			return Err(refused(
				reason::RECEIVER_MISMATCH,
				"the channel pays another receiver than `payTo`",
			));
		}
		let ours = self.receiver_authorizer().ok_or_else(|| {
			refused(reason::AUTHORIZER_NOT_CONFIGURED, "this node has no facilitator key")
		})?;
		let advertised = required.extra.get("receiverAuthorizer").and_then(Value::as_str);
		if config.receiver_authorizer != ours || advertised.and_then(parse_address) != Some(ours) {
			return Err(refused(
				reason::RECEIVER_AUTHORIZER_MISMATCH,
				format!("the receiver authorizer must be this facilitator's address, {ours:?}"),
			));
		}
		if parse_address(&required.asset) != Some(config.token) {
			return Err(refused(reason::TOKEN_MISMATCH, "the channel's token is not the asset"));
		}
		if let Some(delay) = required.extra.get("withdrawDelay") {
			let delay = delay.as_u64().or_else(|| delay.as_str().and_then(|s| s.parse().ok()));
			if delay != Some(config.withdraw_delay.into()) {
				return Err(refused(
					reason::WITHDRAW_DELAY_MISMATCH,
					"the withdraw delay is not the server's",
				));
			}
		}
		if !(MIN_WITHDRAW_DELAY..=MAX_WITHDRAW_DELAY).contains(&config.withdraw_delay) {
			return Err(refused(
				reason::WITHDRAW_DELAY_OUT_OF_RANGE,
				"the withdraw delay is out of range",
			));
		}
		Ok(id)
	}

	/// A refund must come from the channel's receiver: this facilitator signs it as the
	/// receiver authorizer, and only the receiver knows which vouchers it has not claimed yet.
	fn check_refund_token(&self, receiver: H160, bearer: Option<&str>) -> Result<(), Refusal> {
		let Some(token) = self.config().refund_tokens.get(&receiver) else {
			return Err(refused(
				reason::AUTHORIZER_NOT_CONFIGURED,
				format!("refunds of channels paying {receiver:?} need that receiver's refund token, and this node has none (`--facilitator-refund-token`)"),
			));
		};
		let given = bearer.unwrap_or_default().as_bytes();
		// Compared in time independent of where they differ.
		let same = given.len() == token.len()
			&& given.iter().zip(token.as_bytes()).fold(0u8, |diff, (a, b)| diff | (a ^ b)) == 0;
		if !same {
			return Err(refused(
				reason::AUTHORIZER_MISMATCH,
				"a refund needs the receiver's token (`Authorization: Bearer <token>`)",
			));
		}
		Ok(())
	}

	fn check_voucher(
		&self,
		id: ChannelId,
		config: &ChannelConfig,
		voucher: &Voucher,
	) -> Result<(), Refusal> {
		let digest = voucher_digest(self.chain().evm_chain_id(), id, voucher.max_claimable);
		if !evm_signature::is_signed_by(&voucher.signature, &digest, config.payer_authorizer) {
			return Err(refused(
				reason::VOUCHER_SIGNATURE,
				"the voucher is not signed by the payer authorizer",
			));
		}
		Ok(())
	}

	fn read_state(
		&self,
		id: ChannelId,
		reads: StateReads,
	) -> Result<Option<ChannelState>, Unverified> {
		match reads {
			StateReads::AtHand => self.chain().channel_at_hand(id).ok_or(Unverified::NotAtHand),
			StateReads::Runtime => Ok(self
				.chain()
				.channel(id)
				.map_err(|e| refused(reason::VERIFICATION_STATE, e.0))?),
		}
	}

	/// [`Self::verify_payload_reading`] with the runtime's reads.
	fn verify_channel_payload(
		&self,
		request: &FacilitatorRequest,
		payload: &wire::ChannelPayload,
	) -> Result<Verified, Refusal> {
		match self.verify_payload_reading(request, payload, StateReads::Runtime) {
			Ok(verified) => Ok(verified),
			Err(Unverified::Refused(refusal)) => Err(refusal),
			Err(Unverified::NotAtHand) => {
				Err(refused(reason::VERIFICATION_STATE, "the channel's state was not read"))
			},
		}
	}

	fn verify_payload_reading(
		&self,
		request: &FacilitatorRequest,
		payload: &wire::ChannelPayload,
		reads: StateReads,
	) -> Result<Verified, Unverified> {
		let (config, voucher, deposit, refund) = match payload {
			wire::ChannelPayload::Deposit { channel_config, voucher, deposit } => {
				(channel_config, voucher, Some(deposit), false)
			},
			wire::ChannelPayload::Voucher { channel_config, voucher } => {
				(channel_config, voucher, None, false)
			},
			wire::ChannelPayload::Refund { channel_config, voucher, .. } => {
				(channel_config, voucher, None, true)
			},
			_ => {
				return Err(
					bad_payload("only deposit, voucher and refund payloads are verified").into()
				)
			},
		};
		// A deposit's dry run is a runtime call anyway.
		if deposit.is_some() && reads == StateReads::AtHand {
			return Err(Unverified::NotAtHand);
		}
		let payer = config.payer.clone();
		let with_payer = |refusal: Refusal| refusal.by(&payer);
		let parsed = config_of(config).map_err(with_payer)?;
		let id = self.check_config(request, &parsed, &voucher.channel_id).map_err(with_payer)?;
		let signed = voucher_of(voucher).map_err(with_payer)?;
		self.check_voucher(id, &parsed, &signed).map_err(with_payer)?;
		let state = match self.read_state(id, reads) {
			Err(Unverified::Refused(refusal)) => return Err(with_payer(refusal).into()),
			read => read?,
		};
		// A payer on its way out pays with no new voucher: it could not be claimed in time.
		if !refund && state.is_some_and(|state| state.withdraw_requested_at != 0) {
			return Err(with_payer(refused(
				reason::CHANNEL_BUSY,
				"the payer is withdrawing from the channel",
			))
			.into());
		}
		let (state, available) = match deposit {
			Some(deposit) => {
				let call = deposit_call(&parsed, deposit).map_err(with_payer)?;
				let after = self
					.chain()
					.dry_run_channel(&call)
					.map_err(|e| with_payer(refused(reason::VERIFICATION_STATE, e.0)))?
					.map_err(|refusal| with_payer(deposit_refusal(refusal)))?;
				let before = state.unwrap_or_default();
				(before, after.state.unwrap_or(before))
			},
			None => match state {
				Some(state) if state.balance > 0 => (state, state),
				_ => return Err(with_payer(channel_refusal(ChannelError::ChannelNotFound)).into()),
			},
		};
		if signed.max_claimable > available.balance {
			return Err(with_payer(channel_refusal(ChannelError::CumulativeExceedsBalance)).into());
		}
		let below = if refund {
			signed.max_claimable < available.total_claimed
		} else {
			signed.max_claimable <= available.total_claimed
		};
		if below {
			return Err(with_payer(channel_refusal(ChannelError::CumulativeBelowClaimed)).into());
		}
		// A voucher that pays for a request is remembered, so no refund takes what it covers.
		if !refund && !self.channels().accept(id, &parsed, &signed) {
			return Err(with_payer(refused(
				reason::CHANNEL_BUSY,
				"this facilitator follows as many channels as it can",
			))
			.into());
		}
		Ok(Verified { id, config: parsed, payer, state })
	}

	/// `/settle` of a `batch-settlement` payload.
	pub(crate) async fn settle_channel(
		self: &Arc<Self>,
		request: FacilitatorRequest,
		bearer: Option<String>,
	) -> SettleResponse {
		let network = request.payment_requirements.network.clone();
		let this = self.clone();
		let prepared =
			tokio::task::spawn_blocking(move || this.prepare_settle(&request, bearer.as_deref()))
				.await
				.unwrap_or_else(|_| Err(refused(reason::VERIFICATION_STATE, "the dry run failed")));
		let (call, confirm) = match prepared {
			Ok(prepared) => prepared,
			Err(refusal) => {
				return SettleResponse::failed(
					&network,
					refusal.reason,
					refusal.message,
					refusal.payer,
					None,
				)
			},
		};
		self.submit_channel_call(&network, call, confirm).await
	}

	/// The call a settle submits and how its success is read from the chain afterwards.
	fn prepare_settle(
		&self,
		request: &FacilitatorRequest,
		bearer: Option<&str>,
	) -> Result<(ChannelCall, Confirm), Refusal> {
		let payload = self.channel_payload(request)?;
		let authorizer = self.receiver_authorizer().ok_or_else(|| {
			refused(reason::AUTHORIZER_NOT_CONFIGURED, "this node has no facilitator key")
		})?;
		let (call, confirm) = match &payload {
			wire::ChannelPayload::Deposit { deposit, .. } => {
				let verified = self.verify_channel_payload(request, &payload)?;
				let call =
					deposit_call(&verified.config, deposit).map_err(|r| r.by(&verified.payer))?;
				let confirm = Confirm::Deposit {
					id: verified.id,
					balance: verified.state.balance,
					amount: amount(&deposit.amount, "amount")?,
					payer: verified.payer,
				};
				(call, confirm)
			},
			wire::ChannelPayload::Voucher { .. } => {
				return Err(bad_payload(
					"a voucher is settled by the resource server, not submitted",
				))
			},
			wire::ChannelPayload::Claim { claims } => {
				let claims = claims_of(claims)?;
				if claims.iter().any(|claim| claim.config.receiver_authorizer != authorizer) {
					return Err(refused(
						reason::AUTHORIZER_MISMATCH,
						"a claimed channel has another receiver authorizer",
					));
				}
				let chain_id = self.chain().evm_chain_id();
				let targets =
					claims.iter().map(|c| (c.config.id(chain_id), c.total_claimed)).collect();
				(ChannelCall::Claim { claims }, Confirm::Claim { targets, credited: 0 })
			},
			wire::ChannelPayload::Settle { receiver, token } => {
				let receiver = address(receiver, "receiver")?;
				let asset = address(token, "token")?;
				let asset = evm_address::asset_of_address(asset)
					.ok_or_else(|| channel_refusal(ChannelError::UnknownToken))?;
				let (claimed, _) = self
					.chain()
					.receiver_totals(receiver, asset)
					.map_err(|e| refused(reason::VERIFICATION_STATE, e.0))?;
				(
					ChannelCall::Settle { receiver, asset },
					Confirm::Settle { receiver, asset, claimed, paid: 0 },
				)
			},
			wire::ChannelPayload::Refund { amount: requested, refund_nonce, claims, .. } => {
				let verified = self.verify_channel_payload(request, &payload)?;
				let with_payer = |refusal: Refusal| refusal.by(&verified.payer);
				self.check_refund_token(verified.config.receiver, bearer).map_err(with_payer)?;
				let mut claims = claims_of(claims).map_err(with_payer)?;
				if claims.iter().any(|claim| claim.config.receiver_authorizer != authorizer) {
					return Err(with_payer(refused(
						reason::AUTHORIZER_MISMATCH,
						"a claimed channel has another receiver authorizer",
					)));
				}
				let requested = match requested {
					Some(text) => match parse_u128(text) {
						Some(amount) if amount > 0 => amount,
						_ => {
							return Err(with_payer(refused(
								reason::REFUND_AMOUNT,
								"the refund amount is not a positive number",
							)))
						},
					},
					None => Balance::MAX,
				};
				let refund_nonce = match refund_nonce {
					Some(text) => text
						.parse()
						.map_err(|_| with_payer(bad_payload("`refundNonce` is not a number")))?,
					None => verified.state.refund_nonce,
				};
				// What the claims and the highest voucher accepted here leave unclaimed is all a
				// refund may take.
				let claimed_after = claims
					.iter()
					.filter(|claim| claim.config == verified.config)
					.map(|claim| claim.total_claimed)
					.fold(verified.state.total_claimed, Balance::max);
				let covered = self
					.channels()
					.highest(verified.id)
					.map_or(0, |(_, voucher)| voucher.max_claimable)
					.max(claimed_after);
				let refundable = verified.state.balance.saturating_sub(covered);
				if refundable == 0 {
					return Err(with_payer(channel_refusal(ChannelError::NothingToRefund)));
				}
				claims.retain(|claim| {
					claim.config != verified.config
						|| claim.total_claimed > verified.state.total_claimed
				});
				let call = ChannelCall::Refund {
					config: verified.config.clone(),
					amount: requested.min(refundable),
					refund_nonce,
					claims,
				};
				(
					call,
					Confirm::Refund {
						id: verified.id,
						nonce: refund_nonce,
						balance: verified.state.balance,
						payer: verified.payer,
					},
				)
			},
		};
		let failed = confirm.failure_reason();
		let outcome = self
			.chain()
			.dry_run_channel(&call)
			.map_err(|e| refused(reason::VERIFICATION_STATE, e.0))?
			.map_err(|refusal| match &call {
				ChannelCall::Deposit { .. } => deposit_refusal(refusal),
				_ => other_refusal(refusal, failed),
			})?;
		let confirm = match confirm {
			Confirm::Claim { targets, .. } => Confirm::Claim { targets, credited: outcome.amount },
			Confirm::Settle { receiver, asset, claimed, .. } => {
				Confirm::Settle { receiver, asset, claimed, paid: outcome.amount }
			},
			other => other,
		};
		Ok((call, confirm))
	}

	/// Submits `call`, waits for it to be in a block, and answers what the chain then shows.
	async fn submit_channel_call(
		self: &Arc<Self>,
		network: &str,
		call: ChannelCall,
		confirm: Confirm,
	) -> SettleResponse {
		let failed = confirm.failure_reason();
		let payer = confirm.payer();
		let (tx, mut events) = match self.chain().submit_channel(call).await {
			Ok(submitted) => submitted,
			Err(error) => return SettleResponse::failed(network, failed, error.0, payer, None),
		};
		let timeout = self.config().inclusion_timeout;
		let included = tokio::time::timeout(timeout, async {
			while let Some(event) = events.next().await {
				match event {
					TxEvent::InBlock { .. } | TxEvent::Finalized { .. } => return Ok(()),
					TxEvent::Dropped(why) => return Err(why),
					TxEvent::Retracted | TxEvent::FinalityTimeout => {},
				}
			}
			Err("the pool stopped reporting on it".to_owned())
		})
		.await;
		match included {
			Ok(Ok(())) => {},
			Ok(Err(why)) => {
				return SettleResponse::failed(
					network,
					failed,
					format!("not included: {why}"),
					payer,
					Some(tx),
				)
			},
			Err(_) => {
				return SettleResponse::failed(
					network,
					crate::payment::reason::SETTLEMENT_PENDING,
					"not in a block yet".into(),
					payer,
					Some(tx),
				)
			},
		}
		let this = self.clone();
		let outcome = tokio::task::spawn_blocking(move || confirm.read(&**this.chain())).await;
		match outcome {
			Ok(Ok((amount, extra))) => SettleResponse {
				success: true,
				error_reason: None,
				error_message: None,
				payer,
				transaction: format!("{tx:?}"),
				network: network.into(),
				amount: Some(amount.to_string()),
				status: Some("inBlock".into()),
				extra,
			},
			Ok(Err(message)) => SettleResponse::failed(network, failed, message, payer, Some(tx)),
			Err(_) => SettleResponse::failed(
				network,
				failed,
				"reading the outcome failed".into(),
				payer,
				Some(tx),
			),
		}
	}
}

/// How often the channel guard looks for withdraw requests.
const GUARD_INTERVAL: std::time::Duration = std::time::Duration::from_secs(2);

impl<C: Chain> Facilitator<C> {
	/// Runs until the node stops: whenever a payer asks to withdraw from a channel that has a
	/// voucher accepted here, claims that voucher (as far as the balance goes) before the
	/// withdraw delay is over, trying again on every round until the chain shows it claimed
	/// or the withdrawal ended.
	pub async fn guard_channels(self: Arc<Self>) {
		let mut last = None;
		let mut watched: std::collections::BTreeSet<ChannelId> = Default::default();
		loop {
			tokio::time::sleep(GUARD_INTERVAL).await;
			let (this, after) = (self.clone(), last);
			let scan = tokio::task::spawn_blocking(move || {
				let found = this.withdrawals_to_guard(after, &mut watched);
				(watched, found)
			})
			.await;
			let Ok((kept, found)) = scan else {
				watched = Default::default();
				continue;
			};
			watched = kept;
			let Ok((best, claims)) = found else {
				log::debug!(target: "x402", "channel guard: the chain could not be read");
				continue;
			};
			last = Some(best);
			if claims.is_empty() {
				continue;
			}
			let count = claims.len();
			let chain_id = self.chain().evm_chain_id();
			let targets = claims.iter().map(|c| (c.config.id(chain_id), c.total_claimed)).collect();
			let network = self.networks().evm.clone();
			let answer = self
				.submit_channel_call(
					&network,
					ChannelCall::Claim { claims },
					Confirm::Claim { targets, credited: 0 },
				)
				.await;
			match answer.success {
				true => {
					log::info!(target: "x402", "claimed {count} voucher(s) of channels whose payers are withdrawing")
				},
				false => {
					log::warn!(target: "x402", "claiming before withdrawals failed: {:?} {:?}", answer.error_reason, answer.error_message)
				},
			}
		}
	}

	/// The claims the guard submits: for every watched channel (those asked to withdraw in the
	/// blocks after `after`, and those still owed from before) whose withdrawal is pending and
	/// whose voucher here is above its claimed total.
	fn withdrawals_to_guard(
		&self,
		after: Option<agentchain_primitives::BlockNumber>,
		watched: &mut std::collections::BTreeSet<ChannelId>,
	) -> Result<(agentchain_primitives::BlockNumber, Vec<VoucherClaim>), crate::ChainError> {
		let (best, requested) = match after {
			Some(after) => self.chain().withdraw_requests_since(after)?,
			None => (self.chain().withdraw_requests_since(u32::MAX)?.0, Vec::new()),
		};
		watched.extend(requested);
		let mut claims = Vec::new();
		for (id, config, voucher) in self.channels().booked(watched.iter().copied()) {
			let state = self.chain().channel(id)?.unwrap_or_default();
			let total = voucher.max_claimable.min(state.balance);
			if state.withdraw_requested_at == 0 || total <= state.total_claimed {
				watched.remove(&id);
				continue;
			}
			claims.push(VoucherClaim { config, voucher, total_claimed: total });
		}
		watched.retain(|id| self.channels().highest(*id).is_some());
		claims.truncate(256);
		Ok((best, claims))
	}
}

/// The deposit call of a `deposit` payload.
fn deposit_call(
	config: &ChannelConfig,
	deposit: &wire::ChannelDeposit,
) -> Result<ChannelCall, Refusal> {
	let Some(authorization) = &deposit.authorization.erc3009_authorization else {
		return Err(refused(
			reason::ERC3009_REQUIRED,
			"deposits here are ERC-3009 authorizations (every asset of this chain has it)",
		));
	};
	let window = |text: &str, field| {
		parse_u128(text)
			.and_then(|n| u64::try_from(n).ok())
			.ok_or_else(|| bad_payload(format!("`{field}` is not a number")))
	};
	Ok(ChannelCall::Deposit {
		config: config.clone(),
		amount: amount(&deposit.amount, "amount")?,
		authorization: DepositAuthorization {
			valid_after: window(&authorization.valid_after, "validAfter")?,
			valid_before: window(&authorization.valid_before, "validBefore")?,
			salt: parse_hex_array::<32>(&authorization.salt)
				.or_else(|| parse_u128(&authorization.salt).map(u256_word))
				.ok_or_else(|| bad_payload("`salt` is not a 32-byte number"))?,
			signature: signature(&authorization.signature)?,
		},
	})
}

/// A decimal salt as the 32-byte big-endian word it stands for.
fn u256_word(value: u128) -> [u8; 32] {
	let mut word = [0u8; 32];
	word[16..].copy_from_slice(&value.to_be_bytes());
	word
}

/// How a submitted channel call's success shows on chain once it is in a block: state that
/// only that call (or one like it) could have produced.
enum Confirm {
	/// The channel's balance went up by the deposit.
	Deposit { id: ChannelId, balance: Balance, amount: Balance, payer: String },
	/// Each channel's claimed total reached the claim's; the dry run credited `credited`.
	Claim { targets: Vec<(ChannelId, Balance)>, credited: Balance },
	/// The receiver was paid everything claimed before the sweep; the dry run paid `paid`.
	Settle {
		receiver: H160,
		asset: agentchain_primitives::AssetId,
		claimed: Balance,
		paid: Balance,
	},
	/// The channel counted the refund.
	Refund { id: ChannelId, nonce: u64, balance: Balance, payer: String },
}

impl Confirm {
	fn failure_reason(&self) -> &'static str {
		match self {
			Self::Deposit { .. } => reason::DEPOSIT_TRANSACTION,
			Self::Claim { .. } => reason::CLAIM_TRANSACTION,
			Self::Settle { .. } => reason::SETTLE_TRANSACTION,
			Self::Refund { .. } => reason::REFUND_TRANSACTION,
		}
	}

	fn payer(&self) -> Option<String> {
		match self {
			Self::Deposit { payer, .. } | Self::Refund { payer, .. } => Some(payer.clone()),
			_ => None,
		}
	}

	/// The amount moved and the `extra` of the answer, or why the chain does not show it.
	fn read<C: Chain>(&self, chain: &C) -> Result<(Balance, Option<Value>), String> {
		let state = |id| chain.channel(id).map_err(|e| e.0);
		match self {
			Self::Deposit { id, balance, amount, .. } => {
				let after = state(*id)?.unwrap_or_default();
				if after.balance < balance.saturating_add(*amount) {
					return Err("the deposit is not in the channel's balance".into());
				}
				Ok((*amount, Some(json!({ "channelState": state_extra(*id, &after) }))))
			},
			Self::Claim { targets, credited } => {
				for (id, total) in targets {
					if state(*id)?.unwrap_or_default().total_claimed < *total {
						return Err(format!("channel {id:?} did not reach its claimed total"));
					}
				}
				Ok((*credited, None))
			},
			Self::Settle { receiver, asset, claimed, paid } => {
				let (_, settled) = chain.receiver_totals(*receiver, *asset).map_err(|e| e.0)?;
				if settled < *claimed {
					return Err("the receiver was not paid what was claimed".into());
				}
				Ok((*paid, None))
			},
			Self::Refund { id, nonce, balance, .. } => {
				let after = state(*id)?.unwrap_or_default();
				if after.refund_nonce <= *nonce {
					return Err("the channel did not count the refund".into());
				}
				let refunded = balance.saturating_sub(after.balance);
				Ok((refunded, Some(json!({ "channelState": state_extra(*id, &after) }))))
			},
		}
	}
}
