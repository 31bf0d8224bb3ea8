//! `mandates accept | grant | revoke`: a native key's own mandate extrinsics. The runtime at the
//! node's best block builds the call and the bytes to sign (`MandatesApi_signing_payload`), so the
//! CLI signs for the runtime that will check it, and dry-runs it first (`MandatesApi_dry_run_call`)
//! so that a refused call costs no fee and gets the pallet's reason.

use super::{
	hex_bytes,
	key::{KeyParams, PayerKey},
	node_rpc,
	sign::genesis_hash,
	unix_now, NodeParams,
};
use agentchain_facilitator::payment::{parse_account, parse_address};
use agentchain_primitives::{
	mandates::{
		native_accept_payload, DelegateConsent, Endpoint, MandateCall, MandateId, MandateTerms,
		PayeeRule, MAX_SIGNED_AHEAD,
	},
	stablecoin,
	x402::{IntentSignature, UnixSeconds},
	AccountId, Balance, Nonce,
};
use codec::{Decode, Encode};
use polkadot_sdk::{
	sp_core::{crypto::Ss58Codec, H256},
	sp_runtime::OpaqueExtrinsic,
};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// How long a granted or revoked mandate may take to show in the best block.
const INCLUSION_TIMEOUT: Duration = Duration::from_secs(60);

/// `mandates accept`: the delegate key's consent to a grant, for the granter to send.
#[derive(Debug, clap::Parser)]
pub struct AcceptCmd {
	/// The delegate's key.
	#[clap(flatten)]
	pub key: KeyParams,

	/// Who grants the mandate (its root, or the delegate granting a session): SS58 or `0x`-hex.
	#[arg(long, value_name = "ACCOUNT")]
	pub granter: String,

	/// Seconds from now until the consent lapses (at most an hour).
	#[arg(long, value_name = "SECONDS", default_value_t = 600)]
	pub valid_for: u64,

	/// The chain's genesis hash; without it, asked of the node at `--rpc-url`.
	#[arg(long, value_name = "HASH")]
	pub genesis_hash: Option<H256>,

	#[clap(flatten)]
	pub node: NodeParams,
}

impl AcceptCmd {
	pub fn run(&self) -> Result<Value, String> {
		let key = PayerKey::load(&self.key)?;
		let granter = account(&self.granter, "--granter")?;
		if self.valid_for == 0 || self.valid_for > MAX_SIGNED_AHEAD {
			return Err(format!("--valid-for must be 1 to {MAX_SIGNED_AHEAD} seconds"));
		}
		let genesis = match self.genesis_hash {
			Some(genesis) => genesis,
			None => genesis_hash(&self.node.rpc_url)?,
		};
		let deadline = unix_now()? + self.valid_for;
		let delegate = key.account();
		let payload = native_accept_payload(genesis, &granter, &delegate, deadline);
		let signature = IntentSignature::Native(key.sign(&payload)?);
		let consent = DelegateConsent { deadline, signature };
		Ok(json!({
			"delegate": delegate.to_ss58check(),
			"granter": granter.to_ss58check(),
			"deadline": deadline,
			"consent": format!("0x{}", hex::encode(consent.encode())),
		}))
	}
}

/// The terms of a grant.
#[derive(Debug, Clone, clap::Args)]
pub struct TermsParams {
	/// The one asset the delegate may spend.
	#[arg(long, default_value_t = stablecoin::ASSET_ID)]
	pub asset: u32,

	/// Most one payment may be, in the asset's smallest unit.
	#[arg(long, value_name = "AMOUNT")]
	pub max_per_payment: Balance,

	/// Most one period's payments may add up to.
	#[arg(long, value_name = "AMOUNT")]
	pub budget_per_period: Balance,

	/// A period's length in seconds.
	#[arg(long, value_name = "SECONDS", default_value_t = 86_400)]
	pub period: UnixSeconds,

	/// Most payments in one period.
	#[arg(long, value_name = "COUNT")]
	pub max_payments_per_period: Option<u32>,

	/// Most all payments may add up to over the mandate's life.
	#[arg(long, value_name = "AMOUNT")]
	pub lifetime_total: Option<Balance>,

	/// Seconds from now until the mandate expires.
	#[arg(long, value_name = "SECONDS", default_value_t = 30 * 86_400)]
	pub expires_in: u64,

	/// A payee the delegate may pay (repeat for more; none means anyone): an account (SS58 or
	/// 32-byte `0x`-hex), a 20-byte `0x` address (an x402 `payTo`), or `agent:<id>`.
	#[arg(long = "payee", value_name = "PAYEE")]
	pub payees: Vec<String>,

	/// An x402 resource the delegate may pay for (repeat for more; none means anything):
	/// `[METHOD ]host/path-prefix`, as `GET api.example.com/v1`.
	#[arg(long = "endpoint", value_name = "ENDPOINT")]
	pub endpoints: Vec<String>,
}

impl TermsParams {
	fn terms(&self) -> Result<MandateTerms, String> {
		let payees: Vec<PayeeRule> =
			self.payees.iter().map(|p| payee(p)).collect::<Result<_, _>>()?;
		let endpoints: Vec<Endpoint> =
			self.endpoints.iter().map(|e| endpoint(e)).collect::<Result<_, _>>()?;
		Ok(MandateTerms {
			asset: self.asset,
			max_per_payment: self.max_per_payment,
			budget_per_period: self.budget_per_period,
			period: self.period,
			max_payments_per_period: self.max_payments_per_period,
			lifetime_total: self.lifetime_total,
			expires: unix_now()?.saturating_add(self.expires_in),
			payees: payees.try_into().map_err(|_| "too many --payee rules")?,
			endpoints: endpoints.try_into().map_err(|_| "too many --endpoint rules")?,
		})
	}
}

/// `mandates grant`: grant a delegate key a mandate over the signer's funds (or, when the
/// signer is a delegate, a session under its mandate).
#[derive(Debug, clap::Parser)]
pub struct GrantCmd {
	/// The granter's key: it signs and pays the fee and the deposit.
	#[clap(flatten)]
	pub key: KeyParams,

	/// The delegate key's account: SS58 or `0x`-hex.
	#[arg(long, value_name = "ACCOUNT")]
	pub delegate: String,

	/// The delegate's consent, as `mandates accept` printed it (`0x`-hex).
	#[arg(long, value_name = "HEX")]
	pub consent: String,

	#[clap(flatten)]
	pub terms: TermsParams,

	#[clap(flatten)]
	pub node: NodeParams,
}

impl GrantCmd {
	pub fn run(&self) -> Result<Value, String> {
		let key = PayerKey::load(&self.key)?;
		let delegate = account(&self.delegate, "--delegate")?;
		let consent = hex_bytes(&self.consent)
			.and_then(|bytes| DelegateConsent::decode(&mut &bytes[..]).ok())
			.ok_or("--consent is not a consent as `mandates accept` prints it")?;
		let terms = self.terms.terms()?;
		let call = MandateCall::Grant { delegate: delegate.clone(), terms, consent };
		let url = &self.node.rpc_url;
		let extrinsic = send(url, &key, call)?;
		let mandate = wait_for(url, || {
			let authority =
				node_rpc::call(url, "mandates_authorityOf", json!([delegate.to_ss58check()]))?;
			Ok(authority.get(0).cloned())
		})?;
		Ok(json!({ "extrinsic": extrinsic, "mandate": mandate }))
	}
}

/// `mandates revoke`: end a mandate and its sessions.
#[derive(Debug, clap::Parser)]
pub struct RevokeCmd {
	/// The mandate's root, or the delegate that granted the session.
	#[clap(flatten)]
	pub key: KeyParams,

	/// The mandate id.
	pub id: MandateId,

	#[clap(flatten)]
	pub node: NodeParams,
}

impl RevokeCmd {
	pub fn run(&self) -> Result<Value, String> {
		let key = PayerKey::load(&self.key)?;
		let url = &self.node.rpc_url;
		let extrinsic = send(url, &key, MandateCall::Revoke { mandate: self.id })?;
		wait_for(url, || {
			let mandate = node_rpc::call(url, "mandates_get", json!([self.id]))?;
			Ok(mandate.is_null().then_some(()))
		})?;
		Ok(json!({ "extrinsic": extrinsic, "revoked": self.id }))
	}
}

/// Dry-runs `call` as `key`'s, then signs and submits it: the extrinsic's hash.
fn send(url: &str, key: &PayerKey, call: MandateCall) -> Result<Value, String> {
	let sender = key.account();
	let dry_run: Result<(), String> =
		runtime_call(url, "MandatesApi_dry_run_call", (&call, &sender).encode())?;
	dry_run.map_err(|reason| format!("the chain refuses it: {reason}"))?;
	let nonce: Nonce = serde_json::from_value(node_rpc::call(
		url,
		"system_accountNextIndex",
		json!([sender.to_ss58check()]),
	)?)
	.map_err(|e| format!("system_accountNextIndex: {e}"))?;
	let payload: Option<Vec<u8>> =
		runtime_call(url, "MandatesApi_signing_payload", (&call, nonce).encode())?;
	let payload = payload.ok_or("the node's runtime builds no extrinsic for it")?;
	let signature = key.sign(&payload)?;
	let extrinsic: OpaqueExtrinsic = runtime_call(
		url,
		"MandatesApi_signed_extrinsic",
		(&call, nonce, &sender, &signature).encode(),
	)?;
	let bytes = format!("0x{}", hex::encode(extrinsic.encode()));
	node_rpc::call(url, "author_submitExtrinsic", json!([bytes]))
}

/// A runtime API call at the node's best block, decoded.
fn runtime_call<T: Decode>(url: &str, method: &str, args: Vec<u8>) -> Result<T, String> {
	let args = format!("0x{}", hex::encode(args));
	let answer = node_rpc::call(url, "state_call", json!([method, args]))?;
	answer
		.as_str()
		.and_then(hex_bytes)
		.and_then(|bytes| T::decode(&mut &bytes[..]).ok())
		.ok_or_else(|| format!("{method} answered {answer}, which this CLI cannot read"))
}

/// Polls `seen` until it gives a value, for at most [`INCLUSION_TIMEOUT`].
fn wait_for<T>(
	url: &str,
	mut seen: impl FnMut() -> Result<Option<T>, String>,
) -> Result<T, String> {
	let deadline = Instant::now() + INCLUSION_TIMEOUT;
	loop {
		if let Some(value) = seen()? {
			return Ok(value);
		}
		if Instant::now() > deadline {
			return Err(format!(
				"submitted, but its effect is not in {url}'s best block after {} s: the \
				 extrinsic may have failed in its block (its events say why)",
				INCLUSION_TIMEOUT.as_secs()
			));
		}
		std::thread::sleep(Duration::from_millis(500));
	}
}

fn account(text: &str, flag: &str) -> Result<AccountId, String> {
	parse_account(text).ok_or_else(|| format!("{flag} {text} is not an SS58 or 0x-hex account"))
}

fn payee(text: &str) -> Result<PayeeRule, String> {
	if let Some(id) = text.strip_prefix("agent:") {
		return id
			.parse()
			.map(PayeeRule::Agent)
			.map_err(|_| format!("--payee {text}: an agent id is a number"));
	}
	if let Some(address) = parse_address(text) {
		return Ok(PayeeRule::Address(address));
	}
	parse_account(text)
		.map(PayeeRule::Account)
		.ok_or_else(|| format!("--payee {text} is not an account, a 20-byte address or agent:<id>"))
}

fn endpoint(text: &str) -> Result<Endpoint, String> {
	let (method, rest) = match text.split_once(' ') {
		Some((method, rest)) => (method.to_ascii_uppercase(), rest.trim()),
		None => (String::new(), text),
	};
	let (host, path) = match rest.find('/') {
		Some(at) => (&rest[..at], &rest[at..]),
		None => (rest, "/"),
	};
	if host.is_empty() || host.contains(':') {
		return Err(format!("--endpoint {text}: give `[METHOD ]host/path`, the host without port"));
	}
	let too_long = |what| format!("--endpoint {text}: the {what} is too long");
	Ok(Endpoint {
		method: method.into_bytes().try_into().map_err(|_| too_long("method"))?,
		host: host
			.to_ascii_lowercase()
			.into_bytes()
			.try_into()
			.map_err(|_| too_long("host"))?,
		path_prefix: path.as_bytes().to_vec().try_into().map_err(|_| too_long("path"))?,
	})
}
