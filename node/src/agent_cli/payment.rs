//! A native `exact` payment for a requirement: the one intent type of `agentchain_primitives`,
//! signed over its native signing payload, in the wire format the facilitator reads.

use super::key::PayerKey;
use agentchain_facilitator::{
	payment::{native_network, native_payload, parse_account, parse_address},
	wire::{PaymentPayload, PaymentRequirements, SCHEME_EXACT, X402_VERSION},
};
use agentchain_primitives::x402::{
	evm_address, native_signing_payload, PaymentIntent, PaymentReference, Purpose,
};
use polkadot_sdk::sp_core::H256;
use serde_json::Value;

/// The genesis hash a native requirement names in `extra.genesisHash` (which our facilitator's
/// `/supported` gives servers): it must be the requirement's network's, and `pinned` if given.
pub fn genesis_of(
	requirements: &PaymentRequirements,
	pinned: Option<H256>,
) -> Result<H256, String> {
	let offered = requirements.extra.get("genesisHash").and_then(Value::as_str);
	let offered = offered
		.map(|text| {
			text.parse::<H256>()
				.map_err(|_| format!("extra.genesisHash {text} is not 32 bytes of 0x-hex"))
		})
		.transpose()?;
	let genesis =
		match (pinned, offered) {
			(Some(pinned), Some(offered)) if pinned != offered => {
				return Err(format!(
					"the server names genesis {offered:?}, and this payer pays on {pinned:?} only"
				))
			},
			(Some(genesis), _) | (None, Some(genesis)) => genesis,
			(None, None) => return Err(
				"the requirement names no genesis hash (extra.genesisHash): give --genesis-hash"
					.into(),
			),
		};
	if native_network(genesis) != requirements.network {
		return Err(format!(
			"genesis {genesis:?} is not network {}'s (it is {})",
			requirements.network,
			native_network(genesis)
		));
	}
	Ok(genesis)
}

/// `key`'s signed payment of `requirements` on the chain `genesis`, valid from now for the
/// requirement's `maxTimeoutSeconds`.
pub fn native_payment(
	key: &PayerKey,
	requirements: &PaymentRequirements,
	genesis: H256,
	reference: Option<PaymentReference>,
	resource: Option<Value>,
) -> Result<PaymentPayload, String> {
	if requirements.scheme != SCHEME_EXACT {
		return Err(format!("the scheme is `{}`; this signs `exact`", requirements.scheme));
	}
	if requirements.network != native_network(genesis) {
		return Err(format!("network {} is not this chain's", requirements.network));
	}
	let asset = parse_address(&requirements.asset)
		.and_then(evm_address::asset_of_address)
		.ok_or_else(|| {
			format!("asset {} is not an asset address of this chain", requirements.asset)
		})?;
	let payee = parse_account(&requirements.pay_to)
		.ok_or_else(|| format!("payTo {} is not an SS58 or 0x-hex account", requirements.pay_to))?;
	let amount: u128 = requirements
		.amount
		.parse()
		.map_err(|_| format!("amount {} is not a number", requirements.amount))?;
	if amount == 0 {
		return Err("the amount is zero".into());
	}
	if requirements.max_timeout_seconds == 0 {
		return Err("maxTimeoutSeconds is zero: the intent would never be valid".into());
	}
	let now = super::unix_now()?;
	let intent = PaymentIntent {
		payer: key.account(),
		payee,
		asset,
		amount,
		// As stock x402 clients (2.27): open from the start, closing after the server's timeout.
		valid_after: 0,
		valid_before: now.saturating_add(requirements.max_timeout_seconds),
		nonce: rand::random(),
		reference,
	};
	let signature = key.sign(&native_signing_payload(Purpose::Transfer, genesis, &intent))?;
	let payload = native_payload(&intent, &signature);
	Ok(PaymentPayload {
		x402_version: X402_VERSION,
		resource,
		accepted: requirements.clone(),
		payload: serde_json::to_value(payload).map_err(|e| e.to_string())?,
		extensions: None,
	})
}
