//! Permit2 payloads (`exact` with `assetTransferMethod: "permit2"`, and `upto`) turned into the
//! chain's intent, with the checks and reason codes of the stock `@x402/evm` facilitator.
//!
//! The chain checks the permit's signature and everything else settlement checks; what only
//! the facilitator sees is checked here: the proxy, `witness.to` against `payTo`, the token
//! against the asset, the time margins, the permitted amount against the requirements, and for
//! `upto` that the permit names this facilitator.

use crate::{
	chain::{Chain, Intent},
	payment::{
		parse_address, parse_hex_array, parse_u128, parse_u64, reason, Payment, Phase, Refusal,
		VALID_BEFORE_MARGIN,
	},
	wire::{PaymentRequirements, Permit2Payload, SCHEME_UPTO},
};
use agentchain_primitives::{
	x402::{
		evm_address,
		permit2::{Permit2Spender, EXACT_PROXY_ADDRESS, UPTO_PROXY_ADDRESS},
		IntentSignature,
	},
	AccountId,
};
use polkadot_sdk::sp_core::{H160, U256};

/// Whether a payment's `payload` is a Permit2 permit, as the stock packages tell.
pub fn is_permit2(payload: &serde_json::Value) -> bool {
	payload.get("permit2Authorization").is_some()
}

/// The payment a Permit2 `payload` makes for `required`, checked as of `now`. `facilitator`
/// is this facilitator's address (`None` without a signing key: it cannot settle `upto`). At
/// `Phase::Settle` an `upto` payment charges `required.amount`, anything up to the permit's.
pub fn parse<C: Chain>(
	chain: &C,
	required: &PaymentRequirements,
	payload: &serde_json::Value,
	asset: u32,
	now: u64,
	facilitator: Option<H160>,
	phase: Phase,
) -> Result<Payment, Refusal> {
	let invalid = |what: &str| Refusal::new(reason::INVALID_PAYLOAD, what.to_owned());
	let payload: Permit2Payload = serde_json::from_value(payload.clone())
		.map_err(|e| invalid(&format!("not a Permit2 payload: {e}")))?;
	let auth = &payload.permit2_authorization;
	let payer = auth.from.clone();
	let invalid = |what: &str| invalid(what).by(&payer);
	let refuse = |code: &'static str, what: &str| Refusal::new(code, what.to_owned()).by(&payer);
	let from = parse_address(&auth.from)
		.ok_or_else(|| Refusal::new(reason::INVALID_PAYLOAD, "`from` is not an address"))?;
	let upto = required.scheme == SCHEME_UPTO;
	let proxy = if upto { UPTO_PROXY_ADDRESS } else { EXACT_PROXY_ADDRESS };
	if parse_address(&auth.spender) != Some(proxy) {
		return Err(refuse(
			reason::PERMIT2_SPENDER,
			&format!("the spender must be the x402 {} proxy {proxy:?}", required.scheme),
		));
	}
	let to =
		parse_address(&auth.witness.to).ok_or_else(|| invalid("`witness.to` is not an address"))?;
	if parse_address(&required.pay_to) != Some(to) {
		return Err(refuse(reason::PERMIT2_RECIPIENT_MISMATCH, "the permit pays someone else"));
	}
	let named = match (&auth.witness.facilitator, upto) {
		(Some(named), true) => Some(
			parse_address(named)
				.ok_or_else(|| invalid("`witness.facilitator` is not an address"))?,
		),
		(None, true) => return Err(invalid("an upto permit names its facilitator")),
		(Some(_), false) => return Err(invalid("an exact permit's witness has no facilitator")),
		(None, false) => None,
	};
	if let Some(named) = named {
		if Some(named) != facilitator {
			return Err(refuse(
				reason::UPTO_FACILITATOR_MISMATCH,
				&format!(
					"the permit names facilitator {named:?}; this one is {}",
					facilitator.map_or("without a signing key".into(), |f| format!("{f:?}"))
				),
			));
		}
	}
	let deadline =
		parse_u64(&auth.deadline).ok_or_else(|| invalid("`deadline` is not a number"))?;
	if deadline < now.saturating_add(VALID_BEFORE_MARGIN) {
		return Err(refuse(
			reason::PERMIT2_DEADLINE_EXPIRED,
			"the permit expires within 6 seconds",
		));
	}
	let valid_after = parse_u64(&auth.witness.valid_after)
		.ok_or_else(|| invalid("`witness.validAfter` is not a number"))?;
	if valid_after >= now {
		return Err(refuse(reason::PERMIT2_NOT_YET_VALID, "the permit is not valid yet"));
	}
	let permitted = parse_u128(&auth.permitted.amount)
		.ok_or_else(|| invalid("`permitted.amount` is not a number"))?;
	let required_amount = parse_u128(&required.amount).ok_or_else(|| {
		Refusal::new(reason::INVALID_PAYMENT_REQUIREMENTS, "`amount` is not a number")
	})?;
	if upto && phase == Phase::Settle {
		if required_amount > permitted {
			return Err(refuse(
				reason::UPTO_SETTLEMENT_EXCEEDS_AMOUNT,
				&format!("the charge {required_amount} is over the permitted {permitted}"),
			));
		}
	} else if permitted != required_amount {
		return Err(refuse(
			reason::PERMIT2_AMOUNT_MISMATCH,
			"the permitted amount is not the required amount",
		));
	}
	if parse_address(&auth.permitted.token) != Some(evm_address::asset_address(asset)) {
		return Err(refuse(reason::PERMIT2_TOKEN_MISMATCH, "the permit is for another token"));
	}
	let nonce =
		parse_u256(&auth.nonce).ok_or_else(|| invalid("`nonce` is not a 256-bit number"))?;
	let signature: [u8; 65] = parse_hex_array(&payload.signature)
		.ok_or_else(|| invalid("`signature` is not 65 bytes of hex"))?;
	let payee = chain
		.account_of_address(to)
		.map_err(|e| Refusal::new(reason::UNEXPECTED_VERIFY, e.0))?;
	let spender = match named {
		Some(facilitator) => Permit2Spender::Upto { max: permitted, facilitator },
		None => Permit2Spender::Exact,
	};
	let intent = Intent {
		payer: AccountId::new(evm_address::embedded_account(from)),
		payee,
		asset,
		amount: required_amount,
		valid_after,
		valid_before: deadline,
		nonce,
		reference: None,
	};
	Ok(Payment {
		intent,
		signature: IntentSignature::Permit2 { signature, spender },
		payer,
		network: required.network.clone(),
	})
}

/// A decimal number below 2²⁵⁶, as 32 big-endian bytes.
fn parse_u256(text: &str) -> Option<[u8; 32]> {
	if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
		return None;
	}
	U256::from_dec_str(text).ok().map(|n| n.to_big_endian())
}
