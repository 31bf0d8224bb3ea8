//! `agents_*` JSON-RPC: the agent registries (pallet-agents) through the `AgentsApi` runtime
//! API, at the best block or at `at`.
//!
//! JSON shapes: accounts in SS58, balances and feedback values as decimal strings (they do not
//! fit a JSON number), URIs and tags as UTF-8 text (lossy), metadata values as `0x` hex.
//! Errors: [`INVALID_PARAMS`] for a malformed parameter, [`RUNTIME`] when the runtime API call
//! fails; an unknown agent is `null`, not an error.

use agentchain_facilitator::payment::parse_account;
use agentchain_primitives::{
	agents::{
		api::AgentsApi, AgentId, AgentView, Backing, FeedbackValue, FeedbackView, PaymentBacking,
		ReputationQuery, ReputationSummary, ValidationSummary, ValidationView,
	},
	AccountId, AssetId, Block, Hash,
};
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use polkadot_sdk::{
	sp_api::{ApiError, ProvideRuntimeApi},
	sp_blockchain::HeaderBackend,
	sp_core::{crypto::Ss58Codec, H256},
};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A parameter is malformed (an account, a backing).
pub const INVALID_PARAMS: i32 = 4030;
/// The runtime API call failed.
pub const RUNTIME: i32 = 4031;

/// Most feedback entries `agents_feedback` returns when no limit is given.
const DEFAULT_FEEDBACK_LIMIT: u32 = 100;

/// Most feedback entries one `agents_feedback` call returns.
const MAX_FEEDBACK_LIMIT: u32 = 1_000;

/// Most client accounts one query filters by: each is a runtime lookup.
const MAX_CLIENTS: usize = 100;

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

fn accounts(texts: Option<Vec<String>>) -> RpcResult<Vec<AccountId>> {
	let texts = texts.unwrap_or_default();
	if texts.len() > MAX_CLIENTS {
		return Err(invalid(format!("at most {MAX_CLIENTS} clients per query")));
	}
	texts.iter().map(|text| account(text)).collect()
}

fn text(bytes: Vec<u8>) -> String {
	String::from_utf8_lossy(&bytes).into_owned()
}

fn ss58(account: &AccountId) -> String {
	account.to_ss58check()
}

/// A feedback value: the fixed-point integer, its decimals and the decimal text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValueJson {
	pub value: String,
	pub decimals: u8,
	/// `value / 10^decimals` written out, e.g. `99.77`.
	pub text: String,
}

impl From<FeedbackValue> for ValueJson {
	fn from(v: FeedbackValue) -> Self {
		let digits = v.value.unsigned_abs().to_string();
		let decimals = v.decimals as usize;
		let padded = format!("{digits:0>width$}", width = decimals + 1);
		let (whole, fraction) = padded.split_at(padded.len() - decimals);
		let sign = if v.value < 0 { "-" } else { "" };
		let text = if decimals == 0 {
			format!("{sign}{whole}")
		} else {
			format!("{sign}{whole}.{fraction}")
		};
		ValueJson { value: v.value.to_string(), decimals: v.decimals, text }
	}
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MetadataJson {
	pub key: String,
	/// `0x` hex.
	pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExecutionJson {
	pub asset: AssetId,
	pub payments: u64,
	pub volume: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgentJson {
	pub id: AgentId,
	pub owner: String,
	pub uri: String,
	pub wallet: Option<String>,
	pub operators: Vec<String>,
	pub metadata: Vec<MetadataJson>,
	pub executions: Vec<ExecutionJson>,
	pub deposit: String,
}

impl From<AgentView> for AgentJson {
	fn from(agent: AgentView) -> Self {
		AgentJson {
			id: agent.id,
			owner: ss58(&agent.owner),
			uri: text(agent.uri),
			wallet: agent.wallet.as_ref().map(ss58),
			operators: agent.operators.iter().map(ss58).collect(),
			metadata: agent
				.metadata
				.into_iter()
				.map(|(key, value)| MetadataJson {
					key: text(key),
					value: format!("0x{}", hex::encode(value)),
				})
				.collect(),
			executions: agent
				.executions
				.into_iter()
				.map(|(asset, e)| ExecutionJson {
					asset,
					payments: e.payments,
					volume: e.volume.to_string(),
				})
				.collect(),
			deposit: agent.deposit.to_string(),
		}
	}
}

/// Which feedback a summary counts: `"any"` (default), `"paid"`, or
/// `{"weightedByAmount": <asset id>}`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum BackingJson {
	#[default]
	Any,
	Paid,
	WeightedByAmount(AssetId),
}

impl From<BackingJson> for Backing {
	fn from(backing: BackingJson) -> Self {
		match backing {
			BackingJson::Any => Backing::Any,
			BackingJson::Paid => Backing::Paid,
			BackingJson::WeightedByAmount(asset) => Backing::WeightedByAmount(asset),
		}
	}
}

/// The filters of `agents_reputation`; every field optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReputationQueryJson {
	pub clients: Option<Vec<String>>,
	pub tag1: Option<String>,
	pub tag2: Option<String>,
	#[serde(default)]
	pub backing: BackingJson,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReputationJson {
	pub count: u64,
	pub average: ValueJson,
	/// What the counted payment-backed feedback paid, in the asset's smallest unit.
	pub paid: String,
}

impl From<ReputationSummary> for ReputationJson {
	fn from(s: ReputationSummary) -> Self {
		ReputationJson { count: s.count, average: s.average.into(), paid: s.paid.to_string() }
	}
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentJson {
	pub payment_id: H256,
	pub asset: AssetId,
	pub amount: String,
}

impl From<PaymentBacking> for PaymentJson {
	fn from(p: PaymentBacking) -> Self {
		PaymentJson { payment_id: p.payment_id, asset: p.asset, amount: p.amount.to_string() }
	}
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackJson {
	pub client: String,
	pub index: u64,
	pub value: ValueJson,
	pub tag1: String,
	pub tag2: String,
	pub payment: Option<PaymentJson>,
	pub responses: u32,
}

impl From<FeedbackView> for FeedbackJson {
	fn from(f: FeedbackView) -> Self {
		FeedbackJson {
			client: ss58(&f.client),
			index: f.index,
			value: f.value.into(),
			tag1: text(f.tag1),
			tag2: text(f.tag2),
			payment: f.payment.map(Into::into),
			responses: f.responses,
		}
	}
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidationJson {
	pub request_hash: H256,
	pub validator: String,
	pub agent: AgentId,
	pub response: Option<u8>,
	pub response_hash: H256,
	pub tag: String,
	pub last_update: u32,
}

impl From<ValidationView> for ValidationJson {
	fn from(v: ValidationView) -> Self {
		ValidationJson {
			request_hash: v.request_hash,
			validator: ss58(&v.validator),
			agent: v.agent,
			response: v.response,
			response_hash: v.response_hash,
			tag: text(v.tag),
			last_update: v.last_update,
		}
	}
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidationSummaryJson {
	pub count: u64,
	pub average: u8,
}

impl From<ValidationSummary> for ValidationSummaryJson {
	fn from(s: ValidationSummary) -> Self {
		ValidationSummaryJson { count: s.count, average: s.average }
	}
}

#[rpc(server, namespace = "agents")]
pub trait AgentsRpcApi {
	/// The agent with this id, or `null`.
	#[method(name = "get", blocking)]
	fn get(&self, id: AgentId, at: Option<Hash>) -> RpcResult<Option<AgentJson>>;

	/// The id of the agent whose payment wallet `wallet` is, or `null`.
	#[method(name = "byWallet", blocking)]
	fn by_wallet(&self, wallet: String, at: Option<Hash>) -> RpcResult<Option<AgentId>>;

	/// The agent's reputation: count, (weighted) average and paid total of the feedback the
	/// query selects.
	#[method(name = "reputation", blocking)]
	fn reputation(
		&self,
		id: AgentId,
		query: Option<ReputationQueryJson>,
		at: Option<Hash>,
	) -> RpcResult<ReputationJson>;

	/// The agent's feedback from `clients` (all when omitted, at most 100 named), at most
	/// `limit` entries (default 100, at most 1,000).
	#[method(name = "feedback", blocking)]
	fn feedback(
		&self,
		id: AgentId,
		clients: Option<Vec<String>>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<FeedbackJson>>;

	/// The validation requests about the agent.
	#[method(name = "validations", blocking)]
	fn validations(&self, id: AgentId, at: Option<Hash>) -> RpcResult<Vec<ValidationJson>>;

	/// The validation requests addressed to `validator`.
	#[method(name = "validatorRequests", blocking)]
	fn validator_requests(
		&self,
		validator: String,
		at: Option<Hash>,
	) -> RpcResult<Vec<ValidationJson>>;

	/// The average validation response for the agent, from `validators` (all when omitted),
	/// with `tag` (any when omitted).
	#[method(name = "validationSummary", blocking)]
	fn validation_summary(
		&self,
		id: AgentId,
		validators: Option<Vec<String>>,
		tag: Option<String>,
		at: Option<Hash>,
	) -> RpcResult<ValidationSummaryJson>;
}

/// The `agents_*` methods over a client.
pub struct AgentsRpc<C> {
	client: Arc<C>,
}

impl<C> AgentsRpc<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> AgentsRpc<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
	C::Api: AgentsApi<Block>,
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

impl<C> AgentsRpcApiServer for AgentsRpc<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: AgentsApi<Block>,
{
	fn get(&self, id: AgentId, at: Option<Hash>) -> RpcResult<Option<AgentJson>> {
		Ok(self.query(at, |api, at| api.agent(at, id))?.map(Into::into))
	}

	fn by_wallet(&self, wallet: String, at: Option<Hash>) -> RpcResult<Option<AgentId>> {
		let wallet = account(&wallet)?;
		self.query(at, |api, at| api.agent_by_wallet(at, wallet))
	}

	fn reputation(
		&self,
		id: AgentId,
		query: Option<ReputationQueryJson>,
		at: Option<Hash>,
	) -> RpcResult<ReputationJson> {
		let query = query.unwrap_or_default();
		let query = ReputationQuery {
			clients: accounts(query.clients)?,
			tag1: query.tag1.map(String::into_bytes),
			tag2: query.tag2.map(String::into_bytes),
			backing: query.backing.into(),
		};
		Ok(self.query(at, |api, at| api.reputation(at, id, query))?.into())
	}

	fn feedback(
		&self,
		id: AgentId,
		clients: Option<Vec<String>>,
		limit: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<Vec<FeedbackJson>> {
		let clients = accounts(clients)?;
		let limit = limit.unwrap_or(DEFAULT_FEEDBACK_LIMIT).min(MAX_FEEDBACK_LIMIT);
		let feedback = self.query(at, |api, at| api.feedback(at, id, clients, limit))?;
		Ok(feedback.into_iter().map(Into::into).collect())
	}

	fn validations(&self, id: AgentId, at: Option<Hash>) -> RpcResult<Vec<ValidationJson>> {
		let validations = self.query(at, |api, at| api.validations(at, id))?;
		Ok(validations.into_iter().map(Into::into).collect())
	}

	fn validator_requests(
		&self,
		validator: String,
		at: Option<Hash>,
	) -> RpcResult<Vec<ValidationJson>> {
		let validator = account(&validator)?;
		let requests = self.query(at, |api, at| api.validator_requests(at, validator))?;
		Ok(requests.into_iter().map(Into::into).collect())
	}

	fn validation_summary(
		&self,
		id: AgentId,
		validators: Option<Vec<String>>,
		tag: Option<String>,
		at: Option<Hash>,
	) -> RpcResult<ValidationSummaryJson> {
		let validators = accounts(validators)?;
		let tag = tag.map(String::into_bytes);
		Ok(self
			.query(at, |api, at| api.validation_summary(at, id, validators, tag))?
			.into())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn values_are_written_out_with_their_decimals() {
		let text = |value, decimals| ValueJson::from(FeedbackValue { value, decimals }).text;
		assert_eq!(text(9977, 2), "99.77");
		assert_eq!(text(-5, 1), "-0.5");
		assert_eq!(text(87, 0), "87");
		assert_eq!(text(-1, 18), "-0.000000000000000001");
		assert_eq!(text(i128::MIN, 0), i128::MIN.to_string());
	}
}
