//! The node's JSON-RPC: Substrate's standard methods plus the chain's own modules.
//!
//! `sc_service::spawn_tasks` serves the standard `chain_*`, `state_*`, `author_*` and `system_*`
//! methods; [`create_full`] adds the runtime-API-backed ones (among them the agent registries'
//! `agents_*`, the spending mandates' `mandates_*` and the minimal Ethereum surface `eth_*`
//! that stock x402 clients read through) and, when the node serves the x402 facilitator, its
//! `x402_*` methods (built by the service, which owns the facilitator).

mod agents;
mod eth;
mod mandates;

use std::sync::Arc;

use agentchain_primitives::{AccountId, Balance, Block, Nonce};
use agents::{AgentsRpc, AgentsRpcApiServer};
use eth::{EthRpc, EthRpcApiServer};
use jsonrpsee::{Methods, RpcModule};
use mandates::{MandatesRpc, MandatesRpcApiServer};
use polkadot_sdk::{
	pallet_transaction_payment_rpc::{self, TransactionPayment, TransactionPaymentApiServer},
	sc_transaction_pool_api::TransactionPool,
	sp_api::ProvideRuntimeApi,
	sp_block_builder::BlockBuilder,
	sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata},
	substrate_frame_rpc_system::{self, System, SystemApiServer},
};

/// What the RPC modules need from the node.
pub struct FullDeps<C, P> {
	/// The client, for runtime API calls and chain data.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
	/// The x402 facilitator's `x402_*` methods, when the node serves it.
	pub x402: Option<Methods>,
}

/// The RPC modules of a full node, to merge into the standard ones.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: BlockBuilder<Block>,
	C::Api: agentchain_primitives::agents::api::AgentsApi<Block>,
	C::Api: agentchain_primitives::mandates::MandatesApi<Block>,
	C::Api: agentchain_primitives::x402::api::X402Api<Block>,
	C::Api: agentchain_primitives::evm_views::EvmViewsApi<Block>,
	P: TransactionPool + 'static,
{
	let FullDeps { client, pool, x402 } = deps;
	let mut module = RpcModule::new(());

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(AgentsRpc::new(client.clone()).into_rpc())?;
	module.merge(MandatesRpc::new(client.clone()).into_rpc())?;
	module.merge(EthRpc::new(client).into_rpc())?;
	if let Some(x402) = x402 {
		module.merge(x402)?;
	}

	Ok(module)
}
