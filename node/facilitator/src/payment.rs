//! A payment payload and the requirements it claims to meet, turned into the chain's intent —
//! or refused with the x402 reason code that says why.
//!
//! The facilitator checks what only it can see (versions, scheme, network, that the payload
//! accepted exactly the requirements and pays exactly what was required to whom it was
//! required, the `validBefore ≥ now + 6 s` margin and the server's `maxTimeoutSeconds`);
//! everything else is the runtime's dry run, so a payment that verifies cannot fail settlement
//! for a rule the facilitator did not check.

use crate::{
	chain::{Chain, Intent},
	permit2,
	wire::{
		EvmExactPayload, FacilitatorRequest, NativeExactPayload, NativeIntent, PaymentRequirements,
		SCHEME_EXACT, SCHEME_UPTO, X402_VERSION,
	},
};
use agentchain_primitives::{
	mandates::MandateRefusal,
	x402::{evm_address, IntentError, IntentSignature, PaymentId},
	AccountId,
};
use codec::{Decode, Encode};
use polkadot_sdk::{
	sp_core::{crypto::Ss58Codec, H160, H256},
	sp_runtime::MultiSignature,
};

/// The protocol's reason codes (x402 v2 specification §9, and the reference EVM facilitator's
/// codes where the specification has none).
pub mod reason {
	pub const INVALID_X402_VERSION: &str = "invalid_x402_version";
	pub const UNSUPPORTED_SCHEME: &str = "unsupported_scheme";
	pub const INVALID_NETWORK: &str = "invalid_network";
	pub const INVALID_PAYLOAD: &str = "invalid_payload";
	pub const INVALID_PAYMENT_REQUIREMENTS: &str = "invalid_payment_requirements";
	pub const MISSING_EIP712_DOMAIN: &str = "invalid_exact_evm_missing_eip712_domain";
	pub const TOKEN_NAME_MISMATCH: &str = "invalid_exact_evm_token_name_mismatch";
	pub const TOKEN_VERSION_MISMATCH: &str = "invalid_exact_evm_token_version_mismatch";
	pub const RECIPIENT_MISMATCH: &str = "invalid_exact_evm_payload_recipient_mismatch";
	/// A natively signed intent pays someone other than `payTo`.
	pub const NATIVE_RECIPIENT_MISMATCH: &str = "invalid_exact_polkadot_payload_recipient_mismatch";
	pub const VALUE_MISMATCH: &str = "invalid_exact_evm_payload_authorization_value_mismatch";
	pub const VALUE: &str = "invalid_exact_evm_payload_authorization_value";
	pub const VALID_AFTER: &str = "invalid_exact_evm_payload_authorization_valid_after";
	pub const VALID_BEFORE: &str = "invalid_exact_evm_payload_authorization_valid_before";
	pub const SIGNATURE: &str = "invalid_exact_evm_payload_signature";
	pub const NONCE_USED: &str = "invalid_exact_evm_nonce_already_used";
	pub const INSUFFICIENT_FUNDS: &str = "insufficient_funds";
	pub const TRANSACTION_STATE: &str = "invalid_transaction_state";
	pub const UNEXPECTED_VERIFY: &str = "unexpected_verify_error";
	pub const UNEXPECTED_SETTLE: &str = "unexpected_settle_error";
	/// Accepted and submitted, but not yet in a block when the wait ended. Not a refusal: the
	/// payment settles, and settling the same payload again answers its outcome.
	pub const SETTLEMENT_PENDING: &str = "settlement_pending";
	/// The payload is already being settled, or was settled, for another request: one payload
	/// pays for one resource (the reference's code for the losers of a duplicate settle).
	pub const DUPLICATE_SETTLEMENT: &str = "duplicate_settlement";
	/// A `payment-identifier` id already names a different payment (HTTP 409).
	pub const PAYMENT_IDENTIFIER_CONFLICT: &str = "payment_identifier_conflict";
	/// The facilitator holds as many pending payments as it takes (HTTP 429).
	pub const FACILITATOR_BUSY: &str = "facilitator_busy";
	/// The payer has as many payments pending here as one payer may (HTTP 429).
	pub const PAYER_PENDING_LIMIT: &str = "payer_pending_limit";
	/// The client sent more requests than its rate allows (HTTP 429).
	pub const RATE_LIMITED: &str = "rate_limited";
	/// A spending mandate the payer key pays through has expired.
	pub const MANDATE_EXPIRED: &str = "mandate_expired";
	/// A spending mandate the payer key pays through was revoked.
	pub const MANDATE_REVOKED: &str = "mandate_revoked";
	/// The payment's asset is not its mandate's.
	pub const MANDATE_WRONG_ASSET: &str = "mandate_wrong_asset";
	/// Over a mandate's cap per payment (Kite: `session_rule_exceeded`).
	pub const MANDATE_OVER_PAYMENT_CAP: &str = "mandate_over_payment_cap";
	/// Over a mandate's budget for the period (Kite: `session_total_exceeded`).
	pub const MANDATE_OVER_PERIOD_BUDGET: &str = "mandate_over_period_budget";
	/// The mandate's period has all the payments it allows.
	pub const MANDATE_OVER_PAYMENT_COUNT: &str = "mandate_over_payment_count";
	/// Over a mandate's lifetime total.
	pub const MANDATE_OVER_LIFETIME_TOTAL: &str = "mandate_over_lifetime_total";
	/// The payee is not on a mandate's list.
	pub const MANDATE_PAYEE_NOT_ALLOWED: &str = "mandate_payee_not_allowed";
	/// The resource is not on a mandate's endpoint list (Kite: `session_endpoint_forbidden`).
	pub const MANDATE_ENDPOINT_NOT_ALLOWED: &str = "mandate_endpoint_not_allowed";
	/// A permit's spender is not the scheme's x402 Permit2 proxy.
	pub const PERMIT2_SPENDER: &str = "invalid_permit2_spender";
	/// A permit's `witness.to` is not `payTo`.
	pub const PERMIT2_RECIPIENT_MISMATCH: &str = "invalid_permit2_recipient_mismatch";
	/// A permit's deadline is past, or within 6 seconds.
	pub const PERMIT2_DEADLINE_EXPIRED: &str = "permit2_deadline_expired";
	/// A permit's `witness.validAfter` is not yet past.
	pub const PERMIT2_NOT_YET_VALID: &str = "permit2_not_yet_valid";
	/// A permit's permitted amount is not the required amount.
	pub const PERMIT2_AMOUNT_MISMATCH: &str = "permit2_amount_mismatch";
	/// A permit is for another token than the required asset.
	pub const PERMIT2_TOKEN_MISMATCH: &str = "permit2_token_mismatch";
	/// A permit's signature is not its `from`'s over exactly this permit.
	pub const PERMIT2_SIGNATURE: &str = "invalid_permit2_signature";
	/// A permit's nonce was used (or canceled).
	pub const PERMIT2_NONCE: &str = "permit2_invalid_nonce";
	/// The payer's balance does not cover a permit.
	pub const PERMIT2_INSUFFICIENT_BALANCE: &str = "permit2_insufficient_balance";
	/// An `upto` permit names another facilitator than this one.
	pub const UPTO_FACILITATOR_MISMATCH: &str = "upto_facilitator_mismatch";
	/// An `upto` settle asks for more than the permit allows.
	pub const UPTO_SETTLEMENT_EXCEEDS_AMOUNT: &str =
		"invalid_upto_evm_payload_settlement_exceeds_amount";

	/// Whether a refusal with `reason` says "not now" rather than "not this payment": answered
	/// with HTTP 429, so that clients back off.
	pub fn is_busy(reason: &str) -> bool {
		[FACILITATOR_BUSY, PAYER_PENDING_LIMIT, RATE_LIMITED].contains(&reason)
	}
}

/// Seconds a payment must still be valid for when it is verified: a block's time.
pub const VALID_BEFORE_MARGIN: u64 = 6;

/// Seconds by which a client's clock may run ahead of ours when it sets `validBefore` to now
/// plus the server's `maxTimeoutSeconds`.
pub const CLOCK_SKEW: u64 = 30;

/// Why a payment is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
	/// The x402 reason code.
	pub reason: &'static str,
	/// What exactly was wrong, for people.
	pub message: String,
	/// The payer, when the payload named one.
	pub payer: Option<String>,
}

impl Refusal {
	pub fn new(reason: &'static str, message: impl Into<String>) -> Self {
		Self { reason, message: message.into(), payer: None }
	}

	pub(crate) fn by(mut self, payer: &str) -> Self {
		self.payer = Some(payer.to_owned());
		self
	}
}

/// The reason code and message for an intent the runtime refused.
fn intent_refusal(error: IntentError) -> Refusal {
	use IntentError::*;
	let (code, message) = match error {
		NotYetValid => (reason::VALID_AFTER, "the authorization is not valid yet"),
		Expired => (reason::VALID_BEFORE, "the authorization has expired"),
		ValidityTooLong => (reason::VALID_BEFORE, "validBefore is more than a day ahead"),
		NonceUsed => (reason::NONCE_USED, "the nonce was already used"),
		NonceCanceled => (reason::NONCE_USED, "the payer canceled this nonce"),
		UnknownAsset => (reason::INVALID_PAYMENT_REQUIREMENTS, "the asset is not payable"),
		ZeroAmount => (reason::VALUE, "the amount is zero"),
		SelfPayment => (reason::RECIPIENT_MISMATCH, "payer and payee are the same account"),
		BadSignature => (reason::SIGNATURE, "the signature does not verify"),
		NotAnEvmPayer => (reason::SIGNATURE, "an EVM signature for a payer that is not an EVM account"),
		InsufficientFunds => (reason::INSUFFICIENT_FUNDS, "the payer's balance does not cover the amount"),
		CannotReceive => (reason::TRANSACTION_STATE, "the payee cannot receive the amount"),
		NotThePayee => (reason::INVALID_PAYLOAD, "only the payee may submit this"),
		UnsignedReference => (reason::INVALID_PAYLOAD, "an EVM-signed intent cannot carry a reference"),
		DustRemainder => (
			reason::INSUFFICIENT_FUNDS,
			"the payment would leave the payer less than the asset's minimum balance: pay all of it or leave the minimum",
		),
		Mandate(refusal) => mandate_refusal(refusal),
		OverPermitted => (
			reason::UPTO_SETTLEMENT_EXCEEDS_AMOUNT,
			"the amount is over what the payer's upto permit allows",
		),
		WrongFacilitator => {
			(reason::UPTO_FACILITATOR_MISMATCH, "the upto permit names another facilitator")
		},
	};
	Refusal::new(code, message)
}

/// The refusal for an intent authorized by `signature` that the runtime refused: a Permit2
/// payment answers with the Permit2 codes where the protocol has them.
pub fn refusal_of(signature: &IntentSignature, error: IntentError) -> Refusal {
	let mut refusal = intent_refusal(error);
	if let IntentSignature::Permit2 { .. } = signature {
		refusal.reason = match error {
			IntentError::BadSignature | IntentError::NotAnEvmPayer => reason::PERMIT2_SIGNATURE,
			IntentError::NonceUsed | IntentError::NonceCanceled => reason::PERMIT2_NONCE,
			IntentError::InsufficientFunds | IntentError::DustRemainder => {
				reason::PERMIT2_INSUFFICIENT_BALANCE
			},
			IntentError::NotYetValid => reason::PERMIT2_NOT_YET_VALID,
			IntentError::Expired | IntentError::ValidityTooLong => reason::PERMIT2_DEADLINE_EXPIRED,
			_ => refusal.reason,
		};
	}
	refusal
}

/// The reason code and message for a payment a spending mandate refused.
fn mandate_refusal(refusal: MandateRefusal) -> (&'static str, &'static str) {
	use MandateRefusal::*;
	match refusal {
		Expired => (reason::MANDATE_EXPIRED, "the payer key's spending mandate has expired"),
		Revoked => (reason::MANDATE_REVOKED, "the payer key's spending mandate was revoked"),
		WrongAsset => (reason::MANDATE_WRONG_ASSET, "the mandate is for another asset"),
		OverPaymentCap => {
			(reason::MANDATE_OVER_PAYMENT_CAP, "the amount is over the mandate's cap per payment")
		},
		OverPeriodBudget => (
			reason::MANDATE_OVER_PERIOD_BUDGET,
			"the payment would take the mandate over its budget for the period",
		),
		OverPaymentCount => (
			reason::MANDATE_OVER_PAYMENT_COUNT,
			"the mandate's period has all the payments it allows",
		),
		OverLifetimeTotal => (
			reason::MANDATE_OVER_LIFETIME_TOTAL,
			"the payment would take the mandate over its lifetime total",
		),
		PayeeNotAllowed => {
			(reason::MANDATE_PAYEE_NOT_ALLOWED, "the mandate does not allow paying this payee")
		},
	}
}

/// The networks this chain answers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Networks {
	/// `eip155:<EVM chain id>`: EIP-712 signed payments.
	pub evm: String,
	/// `polkadot:<first 16 bytes of the genesis hash, hex>` (CAIP-2's form for Substrate chains):
	/// natively signed payments.
	pub native: String,
}

impl Networks {
	/// The networks of the chain with this genesis hash and EVM chain id.
	pub fn new(genesis_hash: H256, evm_chain_id: u64) -> Self {
		Self { evm: format!("eip155:{evm_chain_id}"), native: native_network(genesis_hash) }
	}
}

/// The native network of the chain with this genesis hash: `polkadot:<first 16 bytes, hex>`.
pub fn native_network(genesis_hash: H256) -> String {
	format!("polkadot:{}", hex::encode(&genesis_hash[..16]))
}

/// A payment that passed the facilitator's own checks, as the chain takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
	pub intent: Intent,
	pub signature: IntentSignature,
	/// The payer as the payload names it (an address or an SS58 account).
	pub payer: String,
	pub network: String,
}

impl Payment {
	pub fn id(&self) -> PaymentId {
		self.intent.payment_id()
	}

	/// The refusal for this payment that the runtime refused with `error`.
	pub fn refusal(&self, error: IntentError) -> Refusal {
		refusal_of(&self.signature, error).by(&self.payer)
	}

	/// The most an `upto` payment permits; `None` for any other.
	pub fn upto_max(&self) -> Option<agentchain_primitives::Balance> {
		match &self.signature {
			IntentSignature::Permit2 {
				spender: agentchain_primitives::x402::permit2::Permit2Spender::Upto { max, .. },
				..
			} => Some(*max),
			_ => None,
		}
	}
}

/// Which request a payment arrives in: `/settle` of an `upto` payment may charge less than the
/// permit that `/verify` checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
	Verify,
	Settle,
}

/// The facilitator's own checks, without the chain's dry run, and without the endpoint lists of
/// the payer key's mandates: whether it has any is the chain's answer, asked once with the dry
/// run ([`crate::endpoints`]).
pub fn parse<C: Chain>(
	chain: &C,
	networks: &Networks,
	request: &FacilitatorRequest,
	phase: Phase,
) -> Result<Payment, Refusal> {
	let payload = &request.payment_payload;
	let required = &request.payment_requirements;
	if request.x402_version != X402_VERSION || payload.x402_version != X402_VERSION {
		return Err(Refusal::new(reason::INVALID_X402_VERSION, "only x402Version 2 is supported"));
	}
	let upto = required.scheme == SCHEME_UPTO;
	if !(required.scheme == SCHEME_EXACT || upto) || payload.accepted.scheme != required.scheme {
		return Err(Refusal::new(
			reason::UNSUPPORTED_SCHEME,
			"the schemes are `exact` and `upto`, and the payment must be for the required one",
		));
	}
	if upto && required.network != networks.evm {
		return Err(Refusal::new(
			reason::INVALID_NETWORK,
			format!("`upto` is paid on `{}` only", networks.evm),
		));
	}
	if payload.accepted.network != required.network {
		return Err(Refusal::new(reason::INVALID_NETWORK, "the payment is for another network"));
	}
	if !same_hex(&payload.accepted.asset, &required.asset) {
		return Err(Refusal::new(
			reason::INVALID_PAYMENT_REQUIREMENTS,
			"the payment is for another asset",
		));
	}
	// An upto settle names the amount used, which may be less than the permitted one.
	let charges_less = upto && phase == Phase::Settle;
	if !accepted_matches(&payload.accepted, required, charges_less) {
		return Err(Refusal::new(
			reason::INVALID_PAYMENT_REQUIREMENTS,
			"the payment accepted other requirements than these (`accepted` must equal `paymentRequirements`)",
		));
	}
	let asset = parse_address(&required.asset)
		.and_then(evm_address::asset_of_address)
		.ok_or_else(|| {
			Refusal::new(
				reason::INVALID_PAYMENT_REQUIREMENTS,
				"`asset` is not an asset address of this chain",
			)
		})?;
	let domain = chain
		.asset_domain(asset)
		.map_err(|e| Refusal::new(reason::UNEXPECTED_VERIFY, e.0))?
		.ok_or_else(|| {
			Refusal::new(reason::INVALID_PAYMENT_REQUIREMENTS, "the asset is not payable")
		})?;
	let amount = parse_u128(&required.amount).ok_or_else(|| {
		Refusal::new(reason::INVALID_PAYMENT_REQUIREMENTS, "`amount` is not a number")
	})?;
	let now = chain.now().map_err(|e| Refusal::new(reason::UNEXPECTED_VERIFY, e.0))?;

	let payment = if required.network == networks.evm {
		if permit2::is_permit2(&payload.payload) {
			let facilitator = chain.signer().map(|signer| evm_address::address_of(signer.as_ref()));
			let phase = if charges_less { Phase::Settle } else { Phase::Verify };
			permit2::parse(chain, required, &payload.payload, asset, now, facilitator, phase)?
		} else if upto {
			return Err(Refusal::new(
				reason::INVALID_PAYLOAD,
				"an `upto` payment is a Permit2 permit (`permit2Authorization`)",
			));
		} else {
			check_domain(required, &domain.name, &domain.version)?;
			parse_evm(chain, required, &payload.payload, asset)?
		}
	} else if required.network == networks.native {
		parse_native(required, &payload.payload, asset)?
	} else {
		return Err(Refusal::new(
			reason::INVALID_NETWORK,
			format!("unknown network `{}`", required.network),
		));
	};
	let intent = &payment.intent;
	if intent.amount != amount {
		return Err(Refusal::new(
			reason::VALUE_MISMATCH,
			"the authorized value is not the required amount",
		)
		.by(&payment.payer));
	}
	if intent.valid_before < now.saturating_add(VALID_BEFORE_MARGIN) {
		return Err(Refusal::new(
			reason::VALID_BEFORE,
			"the authorization expires within 6 seconds",
		)
		.by(&payment.payer));
	}
	if intent.valid_after >= now {
		return Err(Refusal::new(reason::VALID_AFTER, "the authorization is not valid yet")
			.by(&payment.payer));
	}
	let longest = now.saturating_add(required.max_timeout_seconds).saturating_add(CLOCK_SKEW);
	if intent.valid_before > longest {
		return Err(Refusal::new(
			reason::VALID_BEFORE,
			format!(
				"validBefore is more than the server's maxTimeoutSeconds ({}) ahead",
				required.max_timeout_seconds
			),
		)
		.by(&payment.payer));
	}
	Ok(payment)
}

/// Whether the requirements a payload says it accepted are the server's: the same fields,
/// addresses compared without regard to letter case (stock clients copy them verbatim), and
/// the same amount unless `charges_less`.
fn accepted_matches(
	accepted: &PaymentRequirements,
	required: &PaymentRequirements,
	charges_less: bool,
) -> bool {
	accepted.scheme == required.scheme
		&& accepted.network == required.network
		&& (charges_less || accepted.amount == required.amount)
		&& same_hex(&accepted.asset, &required.asset)
		&& (accepted.pay_to == required.pay_to || same_hex(&accepted.pay_to, &required.pay_to))
		&& accepted.max_timeout_seconds == required.max_timeout_seconds
		&& accepted.extra == required.extra
}

fn check_domain(
	required: &PaymentRequirements,
	name: &[u8],
	version: &[u8],
) -> Result<(), Refusal> {
	let field = |key: &str| required.extra.get(key).and_then(|v| v.as_str()).map(str::as_bytes);
	let (Some(given_name), Some(given_version)) = (field("name"), field("version")) else {
		return Err(Refusal::new(
			reason::MISSING_EIP712_DOMAIN,
			"`extra.name` and `extra.version` are required",
		));
	};
	if given_name != name {
		return Err(Refusal::new(
			reason::TOKEN_NAME_MISMATCH,
			format!("the token's EIP-712 name is `{}`", String::from_utf8_lossy(name)),
		));
	}
	if given_version != version {
		return Err(Refusal::new(
			reason::TOKEN_VERSION_MISMATCH,
			format!("the token's EIP-712 version is `{}`", String::from_utf8_lossy(version)),
		));
	}
	Ok(())
}

fn parse_evm<C: Chain>(
	chain: &C,
	required: &PaymentRequirements,
	payload: &serde_json::Value,
	asset: u32,
) -> Result<Payment, Refusal> {
	let invalid = |what: &str| Refusal::new(reason::INVALID_PAYLOAD, what.to_owned());
	let payload: EvmExactPayload = serde_json::from_value(payload.clone())
		.map_err(|e| invalid(&format!("not an EIP-3009 payload: {e}")))?;
	let auth = &payload.authorization;
	let from = parse_address(&auth.from)
		.ok_or_else(|| invalid("`authorization.from` is not an address"))?;
	let payer = auth.from.clone();
	let to =
		parse_address(&auth.to).ok_or_else(|| invalid("`authorization.to` is not an address"))?;
	let pay_to = parse_address(&required.pay_to).ok_or_else(|| {
		Refusal::new(reason::INVALID_PAYMENT_REQUIREMENTS, "`payTo` is not an address")
	})?;
	if to != pay_to {
		return Err(Refusal::new(
			reason::RECIPIENT_MISMATCH,
			"the authorization pays someone else",
		)
		.by(&payer));
	}
	let signature: [u8; 65] = parse_hex_array(&payload.signature)
		.ok_or_else(|| invalid("`signature` is not 65 bytes of hex").by(&payer))?;
	let payee = chain
		.account_of_address(to)
		.map_err(|e| Refusal::new(reason::UNEXPECTED_VERIFY, e.0))?;
	let intent = Intent {
		payer: AccountId::new(evm_address::embedded_account(from)),
		payee,
		asset,
		amount: parse_u128(&auth.value)
			.ok_or_else(|| invalid("`value` is not a number").by(&payer))?,
		valid_after: parse_u64(&auth.valid_after)
			.ok_or_else(|| invalid("`validAfter` is not a number").by(&payer))?,
		valid_before: parse_u64(&auth.valid_before)
			.ok_or_else(|| invalid("`validBefore` is not a number").by(&payer))?,
		nonce: parse_hex_array(&auth.nonce)
			.ok_or_else(|| invalid("`nonce` is not 32 bytes of hex").by(&payer))?,
		reference: None,
	};
	Ok(Payment {
		intent,
		signature: IntentSignature::Evm(signature),
		payer,
		network: required.network.clone(),
	})
}

/// The wire form of a natively signed intent, exactly as [`parse_native`] reads it back.
pub fn native_payload(intent: &Intent, signature: &MultiSignature) -> NativeExactPayload {
	let hex = |bytes: &[u8]| format!("0x{}", hex::encode(bytes));
	NativeExactPayload {
		signature: hex(&signature.encode()),
		intent: NativeIntent {
			payer: intent.payer.to_ss58check(),
			payee: intent.payee.to_ss58check(),
			amount: intent.amount.to_string(),
			valid_after: intent.valid_after.to_string(),
			valid_before: intent.valid_before.to_string(),
			nonce: hex(&intent.nonce),
			reference: intent.reference.as_ref().map(|bytes| hex(bytes)),
		},
	}
}

fn parse_native(
	required: &PaymentRequirements,
	payload: &serde_json::Value,
	asset: u32,
) -> Result<Payment, Refusal> {
	let invalid = |what: &str| Refusal::new(reason::INVALID_PAYLOAD, what.to_owned());
	let payload: NativeExactPayload = serde_json::from_value(payload.clone())
		.map_err(|e| invalid(&format!("not a native intent payload: {e}")))?;
	let wire = &payload.intent;
	let payer_account =
		parse_account(&wire.payer).ok_or_else(|| invalid("`intent.payer` is not an account"))?;
	let payer = payer_account.to_ss58check();
	let payee = parse_account(&wire.payee)
		.ok_or_else(|| invalid("`intent.payee` is not an account").by(&payer))?;
	let pay_to = parse_account(&required.pay_to).ok_or_else(|| {
		Refusal::new(reason::INVALID_PAYMENT_REQUIREMENTS, "`payTo` is not an account")
	})?;
	if payee != pay_to {
		return Err(Refusal::new(
			reason::NATIVE_RECIPIENT_MISMATCH,
			"the intent pays someone else",
		)
		.by(&payer));
	}
	let signature_bytes = parse_hex(&payload.signature)
		.ok_or_else(|| invalid("`signature` is not hex").by(&payer))?;
	let signature = MultiSignature::decode(&mut &signature_bytes[..])
		.map_err(|_| invalid("`signature` is not a SCALE MultiSignature").by(&payer))?;
	let reference = match &wire.reference {
		Some(reference) => Some(
			parse_hex_array(reference)
				.ok_or_else(|| invalid("`reference` is not 32 bytes of hex").by(&payer))?,
		),
		None => None,
	};
	let intent = Intent {
		payer: payer_account,
		payee,
		asset,
		amount: parse_u128(&wire.amount)
			.ok_or_else(|| invalid("`amount` is not a number").by(&payer))?,
		valid_after: parse_u64(&wire.valid_after)
			.ok_or_else(|| invalid("`validAfter` is not a number").by(&payer))?,
		valid_before: parse_u64(&wire.valid_before)
			.ok_or_else(|| invalid("`validBefore` is not a number").by(&payer))?,
		nonce: parse_hex_array(&wire.nonce)
			.ok_or_else(|| invalid("`nonce` is not 32 bytes of hex").by(&payer))?,
		reference,
	};
	Ok(Payment {
		intent,
		signature: IntentSignature::Native(signature),
		payer,
		network: required.network.clone(),
	})
}

pub(crate) fn parse_hex(text: &str) -> Option<Vec<u8>> {
	hex::decode(text.strip_prefix("0x")?).ok()
}

pub(crate) fn parse_hex_array<const N: usize>(text: &str) -> Option<[u8; N]> {
	parse_hex(text)?.try_into().ok()
}

/// A 20-byte `0x`-hex address, any letter case.
pub fn parse_address(text: &str) -> Option<H160> {
	parse_hex_array::<20>(text).map(H160)
}

/// An account as SS58 or 32-byte `0x`-hex.
pub fn parse_account(text: &str) -> Option<AccountId> {
	match parse_hex_array::<32>(text) {
		Some(bytes) => Some(AccountId::new(bytes)),
		None => AccountId::from_ss58check(text).ok(),
	}
}

fn same_hex(a: &str, b: &str) -> bool {
	a.eq_ignore_ascii_case(b)
}

/// A decimal number with digits only (as EIP-3009's JSON has them).
pub(crate) fn parse_u128(text: &str) -> Option<u128> {
	(!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
		.then(|| text.parse().ok())
		.flatten()
}

pub(crate) fn parse_u64(text: &str) -> Option<u64> {
	parse_u128(text).and_then(|n| u64::try_from(n).ok())
}

#[cfg(test)]
mod tests;
