//! A minimal Ethereum JSON-RPC surface on the node's RPC port: `eth_chainId`, `eth_blockNumber`
//! and `eth_call` for the views of the chain's assets that stock x402 clients read through
//! viem's `readContract` (`EvmViewsApi`). It is not an EVM: other calls get a clear error, and
//! other `eth_*` methods do not exist.

use agentchain_primitives::{
	evm_views::{EvmViewsApi, ViewError},
	x402::api::X402Api,
	Block, Hash,
};
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use polkadot_sdk::{sp_api::ProvideRuntimeApi, sp_blockchain::HeaderBackend, sp_core::H160};
use serde::Deserialize;
use std::sync::Arc;

/// JSON-RPC's "invalid params".
pub const INVALID_PARAMS: i32 = -32602;
/// Ethereum's "execution reverted" (the call is not one this chain answers).
pub const NOT_ANSWERED: i32 = 3;
/// The runtime API call failed.
pub const RUNTIME: i32 = -32603;

fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code, message.into(), None::<()>)
}

/// An `eth_call` transaction object; only `to` and `data` (or `input`) matter.
#[derive(Debug, Clone, Deserialize)]
pub struct CallRequest {
	pub to: Option<String>,
	pub data: Option<String>,
	pub input: Option<String>,
}

#[rpc(server, namespace = "eth")]
pub trait EthRpcApi {
	/// The chain's EVM chain id, as `0x` hex.
	#[method(name = "chainId")]
	fn chain_id(&self) -> RpcResult<String>;

	/// The best block's number, as `0x` hex.
	#[method(name = "blockNumber")]
	fn block_number(&self) -> RpcResult<String>;

	/// What a view of one of the chain's assets returns, ABI-encoded, at `block` (`latest`,
	/// `pending`, `safe`, `finalized`, `earliest` or a `0x` block number; `latest` if absent).
	#[method(name = "call")]
	fn call(&self, request: CallRequest, block: Option<String>) -> RpcResult<String>;
}

/// The `eth_*` methods over the client's runtime APIs.
pub struct EthRpc<C> {
	client: Arc<C>,
}

impl<C> EthRpc<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn hex_bytes(text: &str) -> Option<Vec<u8>> {
	hex::decode(text.strip_prefix("0x")?).ok()
}

impl<C> EthRpc<C>
where
	C: HeaderBackend<Block>,
{
	fn block(&self, tag: Option<&str>) -> RpcResult<Hash> {
		let info = self.client.info();
		let number = match tag.unwrap_or("latest") {
			"latest" | "pending" => return Ok(info.best_hash),
			"safe" | "finalized" => return Ok(info.finalized_hash),
			"earliest" => 0,
			other => other
				.strip_prefix("0x")
				.and_then(|digits| u32::from_str_radix(digits, 16).ok())
				.ok_or_else(|| {
					error(INVALID_PARAMS, format!("not a block tag or number: {other}"))
				})?,
		};
		self.client
			.hash(number)
			.ok()
			.flatten()
			.ok_or_else(|| error(INVALID_PARAMS, format!("no block {number} on this chain")))
	}
}

impl<C> EthRpcApiServer for EthRpc<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: X402Api<Block> + EvmViewsApi<Block>,
{
	fn chain_id(&self) -> RpcResult<String> {
		let best = self.client.info().best_hash;
		let id = self
			.client
			.runtime_api()
			.evm_chain_id(best)
			.map_err(|e| error(RUNTIME, format!("runtime API call failed: {e}")))?;
		Ok(format!("{id:#x}"))
	}

	fn block_number(&self) -> RpcResult<String> {
		Ok(format!("{:#x}", self.client.info().best_number))
	}

	fn call(&self, request: CallRequest, block: Option<String>) -> RpcResult<String> {
		let at = self.block(block.as_deref())?;
		let to = request
			.to
			.as_deref()
			.and_then(hex_bytes)
			.filter(|bytes| bytes.len() == 20)
			.map(|bytes| H160::from_slice(&bytes))
			.ok_or_else(|| error(INVALID_PARAMS, "`to` must be a 20-byte 0x address"))?;
		let data = request.data.as_deref().or(request.input.as_deref()).unwrap_or("0x");
		let input =
			hex_bytes(data).ok_or_else(|| error(INVALID_PARAMS, "`data` must be 0x hex"))?;
		let answer = self
			.client
			.runtime_api()
			.call(at, to, input)
			.map_err(|e| error(RUNTIME, format!("runtime API call failed: {e}")))?;
		match answer {
			Ok(output) => Ok(format!("0x{}", hex::encode(output))),
			Err(reason) => Err(error(NOT_ANSWERED, not_answered(reason, to))),
		}
	}
}

/// Why a call is not answered, for people.
fn not_answered(reason: ViewError, to: H160) -> String {
	let what = match reason {
		ViewError::UnknownContract => format!("{to:?} is not one of this chain's asset addresses"),
		ViewError::UnknownFunction => "the function is not one this chain answers".into(),
		ViewError::BadArguments => "the arguments are not the function's, ABI-encoded".into(),
	};
	format!(
		"agentchain is not an EVM: eth_call answers balanceOf, allowance, authorizationState, \
		 name, version and decimals of its asset addresses ({what})"
	)
}
