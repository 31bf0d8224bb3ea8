//! `x402 pay`: an x402 client for one URL. GET it; on `402 Payment Required`, sign the native
//! `exact` requirement it offers (if it costs at most `--max-amount`), GET again with the
//! payment in `PAYMENT-SIGNATURE`, and print the resource with the settlement the server
//! returned in `PAYMENT-RESPONSE`.

use super::{
	key::{KeyParams, PayerKey},
	payment,
};
use agentchain_facilitator::wire::{PaymentRequirements, SCHEME_EXACT, X402_VERSION};
use agentchain_primitives::Balance;
use base64::{engine::general_purpose::STANDARD as BASE64, Engine};
use polkadot_sdk::sp_core::H256;
use serde::Deserialize;
use serde_json::{json, Value};
use std::time::Duration;

#[derive(Debug, clap::Parser)]
pub struct PayCmd {
	/// The paid resource's URL.
	#[arg(value_name = "URL")]
	pub url: String,

	#[clap(flatten)]
	pub key: KeyParams,

	/// The most this pays, in the asset's smallest unit; a dearer resource is not paid.
	#[arg(long, value_name = "AMOUNT")]
	pub max_amount: Balance,

	/// Pay on the chain with this genesis hash only; by default on the one the server names,
	/// once it matches the requirement's network.
	#[arg(long, value_name = "HASH")]
	pub genesis_hash: Option<H256>,
}

/// A `402`'s `PAYMENT-REQUIRED` header, decoded.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PaymentRequired {
	x402_version: u32,
	#[serde(default)]
	error: Option<String>,
	#[serde(default)]
	resource: Option<Value>,
	#[serde(default)]
	accepts: Vec<PaymentRequirements>,
}

struct Answer {
	status: u16,
	payment_required: Option<String>,
	payment_response: Option<String>,
	body: String,
}

impl PayCmd {
	pub fn run(&self) -> Result<Value, String> {
		let key = PayerKey::load(&self.key)?;
		let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(60)).build();
		let first = get(&agent, &self.url, None)?;
		if first.status != 402 {
			if !(200..300).contains(&first.status) {
				return Err(format!("GET {}: HTTP {}: {}", self.url, first.status, first.body));
			}
			return Ok(json!({ "status": first.status, "paid": false, "body": first.body }));
		}
		let header = first
			.payment_required
			.ok_or("the 402 has no PAYMENT-REQUIRED header (an x402 v1 server?)")?;
		let required: PaymentRequired = decode_header("PAYMENT-REQUIRED", &header)?;
		if required.x402_version != X402_VERSION {
			return Err(format!(
				"the server speaks x402 version {}, this pays version 2",
				required.x402_version
			));
		}
		let (requirements, genesis) = self.choose(&required)?;
		let payload =
			payment::native_payment(&key, requirements, genesis, None, required.resource.clone())?;
		let header = BASE64.encode(serde_json::to_vec(&payload).map_err(|e| e.to_string())?);
		let paid = get(&agent, &self.url, Some(&header))?;
		if !(200..300).contains(&paid.status) {
			let reason = paid
				.payment_required
				.and_then(|header| {
					decode_header::<PaymentRequired>("PAYMENT-REQUIRED", &header).ok()
				})
				.and_then(|required| required.error)
				.unwrap_or(paid.body);
			return Err(format!(
				"the server did not take the payment (HTTP {}): {reason}",
				paid.status
			));
		}
		let settlement = match paid.payment_response {
			Some(header) => decode_header::<Value>("PAYMENT-RESPONSE", &header)?,
			None => Value::Null,
		};
		Ok(json!({
			"status": paid.status,
			"paid": true,
			"body": paid.body,
			"paymentResponse": settlement,
		}))
	}

	/// The first native `exact` requirement this payer can pay, and its chain's genesis hash.
	fn choose<'a>(
		&self,
		required: &'a PaymentRequired,
	) -> Result<(&'a PaymentRequirements, H256), String> {
		let mut why_not = Vec::new();
		for requirements in &required.accepts {
			if requirements.scheme != SCHEME_EXACT || !requirements.network.starts_with("polkadot:")
			{
				why_not.push(format!(
					"{} on {}: not native `exact`",
					requirements.scheme, requirements.network
				));
				continue;
			}
			let genesis = match payment::genesis_of(requirements, self.genesis_hash) {
				Ok(genesis) => genesis,
				Err(error) => {
					why_not.push(error);
					continue;
				},
			};
			match requirements.amount.parse::<Balance>() {
				Ok(amount) if amount <= self.max_amount => return Ok((requirements, genesis)),
				Ok(amount) => why_not
					.push(format!("it asks {amount}, more than --max-amount {}", self.max_amount)),
				Err(_) => why_not.push(format!("amount {} is not a number", requirements.amount)),
			}
		}
		let error = required
			.error
			.as_deref()
			.map(|e| format!(" (the server says: {e})"))
			.unwrap_or_default();
		Err(format!("nothing this payer can pay{error}: {}", why_not.join("; ")))
	}
}

fn get(agent: &ureq::Agent, url: &str, payment: Option<&str>) -> Result<Answer, String> {
	let mut request = agent.get(url);
	if let Some(payment) = payment {
		request = request.set("PAYMENT-SIGNATURE", payment);
	}
	let response = match request.call() {
		Ok(response) | Err(ureq::Error::Status(_, response)) => response,
		Err(error) => return Err(format!("GET {url}: {error}")),
	};
	Ok(Answer {
		status: response.status(),
		payment_required: response.header("PAYMENT-REQUIRED").map(str::to_owned),
		payment_response: response.header("PAYMENT-RESPONSE").map(str::to_owned),
		body: response.into_string().map_err(|e| format!("GET {url}: the body: {e}"))?,
	})
}

fn decode_header<T: serde::de::DeserializeOwned>(name: &str, value: &str) -> Result<T, String> {
	let bytes = BASE64.decode(value.trim()).map_err(|e| format!("{name} is not base64: {e}"))?;
	serde_json::from_slice(&bytes).map_err(|e| format!("{name} is not x402 JSON: {e}"))
}
