//! `mandates_*` JSON-RPC: spending mandates (pallet-mandates) through the `MandatesApi` runtime
//! API, at the best block or at `at`.
//!
//! JSON shapes: accounts in SS58, balances as decimal strings, 20-byte addresses as `0x` hex,
//! endpoint fields as text. Errors: [`INVALID_PARAMS`] for a malformed account, [`RUNTIME`] when
//! the runtime API call fails; an unknown mandate is `null`, not an error.

use agentchain_facilitator::payment::parse_account;
use agentchain_primitives::{
	mandates::{
		Endpoint, MandateId, MandateStatus, MandatesApi, PayeeRule, UnixSeconds, MAX_LISTED,
	},
	AccountId, Block, Hash,
};
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use polkadot_sdk::{
	sp_api::{ApiError, ProvideRuntimeApi},
	sp_blockchain::HeaderBackend,
	sp_core::crypto::Ss58Codec,
};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A parameter is malformed (an account).
pub const INVALID_PARAMS: i32 = 4040;
/// The runtime API call failed.
pub const RUNTIME: i32 = 4041;

fn invalid(message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(INVALID_PARAMS, message.into(), None::<()>)
}

fn runtime_error(error: ApiError) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(RUNTIME, format!("runtime API call failed: {error}"), None::<()>)
}

fn account(text: &str) -> RpcResult<AccountId> {
	parse_account(text)
		.ok_or_else(|| invalid(format!("not an account (SS58 or 0x + 32 bytes hex): {text}")))
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

/// Whom a mandate lets its delegate pay: `{"account": ss58}`, `{"address": "0x…"}` or
/// `{"agent": id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PayeeJson {
	Account(String),
	Address(String),
	Agent(u64),
}

impl From<&PayeeRule> for PayeeJson {
	fn from(rule: &PayeeRule) -> Self {
		match rule {
			PayeeRule::Account(account) => Self::Account(account.to_ss58check()),
			PayeeRule::Address(address) => Self::Address(format!("{address:?}")),
			PayeeRule::Agent(agent) => Self::Agent(*agent),
		}
	}
}

/// An x402 resource a mandate lets its delegate pay for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EndpointJson {
	/// Empty for any method.
	pub method: String,
	pub host: String,
	pub path_prefix: String,
}

impl From<&Endpoint> for EndpointJson {
	fn from(endpoint: &Endpoint) -> Self {
		Self {
			method: text(&endpoint.method),
			host: text(&endpoint.host),
			path_prefix: text(&endpoint.path_prefix),
		}
	}
}

/// A mandate, its limits, what its delegate has spent and what it can still spend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MandateJson {
	pub id: MandateId,
	pub root: String,
	/// The mandate this one is a session of.
	pub parent: Option<MandateId>,
	pub delegate: String,
	pub asset: u32,
	pub max_per_payment: String,
	pub budget_per_period: String,
	/// Seconds.
	pub period: UnixSeconds,
	pub max_payments_per_period: Option<u32>,
	pub lifetime_total: Option<String>,
	/// Unix seconds.
	pub expires: UnixSeconds,
	/// Empty for anyone.
	pub payees: Vec<PayeeJson>,
	/// Empty for anything.
	pub endpoints: Vec<EndpointJson>,
	pub depositor: String,
	pub deposit: String,
	/// Unix seconds.
	pub period_start: UnixSeconds,
	pub spent_in_period: String,
	pub payments_in_period: u32,
	pub spent_in_total: String,
	/// What the delegate can still spend now through every mandate up to the root (not
	/// counting the root's balance).
	pub available: String,
}

impl From<MandateStatus> for MandateJson {
	fn from(status: MandateStatus) -> Self {
		let MandateStatus { id, mandate, usage, available } = status;
		let terms = mandate.terms;
		Self {
			id,
			root: mandate.root.to_ss58check(),
			parent: mandate.parent,
			delegate: mandate.delegate.to_ss58check(),
			asset: terms.asset,
			max_per_payment: terms.max_per_payment.to_string(),
			budget_per_period: terms.budget_per_period.to_string(),
			period: terms.period,
			max_payments_per_period: terms.max_payments_per_period,
			lifetime_total: terms.lifetime_total.map(|total| total.to_string()),
			expires: terms.expires,
			payees: terms.payees.iter().map(Into::into).collect(),
			endpoints: terms.endpoints.iter().map(Into::into).collect(),
			depositor: mandate.depositor.to_ss58check(),
			deposit: mandate.deposit.to_string(),
			period_start: usage.period_start,
			spent_in_period: usage.spent_in_period.to_string(),
			payments_in_period: usage.payments_in_period,
			spent_in_total: usage.spent_in_total.to_string(),
			available: available.to_string(),
		}
	}
}

#[rpc(server, namespace = "mandates")]
pub trait MandatesRpcApi {
	/// The mandate with this number and what its delegate has spent, or `null`.
	#[method(name = "get", blocking)]
	fn get(&self, id: MandateId, at: Option<Hash>) -> RpcResult<Option<MandateJson>>;

	/// The mandates over `root`'s funds, at most `limit` (default and most 100); the next page
	/// starts `after` the last one listed.
	#[method(name = "ofRoot", blocking)]
	fn of_root(
		&self,
		root: String,
		after: Option<MandateId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<MandateJson>>;

	/// The chain of authority of a delegate key: its mandate, then each above it up to the
	/// root's grant; empty if the key holds none.
	#[method(name = "authorityOf", blocking)]
	fn authority_of(&self, delegate: String, at: Option<Hash>) -> RpcResult<Vec<MandateJson>>;
}

/// The `mandates_*` methods over a client.
pub struct MandatesRpc<C> {
	client: Arc<C>,
}

impl<C> MandatesRpc<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> MandatesRpc<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
	C::Api: MandatesApi<Block>,
{
	/// Runs `call` against the runtime API at `at` or the best block.
	fn query<R>(
		&self,
		at: Option<Hash>,
		call: impl FnOnce(&C::Api, Hash) -> Result<R, ApiError>,
	) -> RpcResult<R> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		call(&self.client.runtime_api(), at).map_err(runtime_error)
	}
}

impl<C> MandatesRpcApiServer for MandatesRpc<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: MandatesApi<Block>,
{
	fn get(&self, id: MandateId, at: Option<Hash>) -> RpcResult<Option<MandateJson>> {
		Ok(self.query(at, |api, at| api.mandate(at, id))?.map(Into::into))
	}

	fn of_root(
		&self,
		root: String,
		after: Option<MandateId>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<MandateJson>> {
		let root = account(&root)?;
		let limit = limit.unwrap_or(MAX_LISTED).min(MAX_LISTED);
		let mandates = self.query(at, |api, at| api.mandates_of(at, root, after, limit))?;
		Ok(mandates.into_iter().map(Into::into).collect())
	}

	fn authority_of(&self, delegate: String, at: Option<Hash>) -> RpcResult<Vec<MandateJson>> {
		let delegate = account(&delegate)?;
		let chain = self.query(at, |api, at| api.authority_of(at, delegate))?;
		Ok(chain.into_iter().map(Into::into).collect())
	}
}
