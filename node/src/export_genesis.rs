//! `export-genesis`: the genesis block's hash, header and state root, without a database.
//!
//! Tools that must agree on a chain before any node runs (a client pinning a genesis hash, a
//! testnet launcher) read these from the chain spec alone.

use agentchain_primitives::Block;
use codec::Encode;
use polkadot_sdk::{
	sc_chain_spec::{construct_genesis_block, resolve_state_version_from_wasm},
	sc_cli::{self, CliConfiguration, SharedParams},
	sc_executor::WasmExecutor,
	sc_service::ChainSpec,
	sp_core::hexdisplay::HexDisplay,
	sp_io,
	sp_runtime::{
		traits::{Block as BlockT, Hash as HashT, Header as HeaderT},
		StateVersion,
	},
};

/// Export the genesis block of a chain spec as JSON.
#[derive(Debug, clap::Parser)]
pub struct ExportGenesisCmd {
	#[allow(missing_docs)]
	#[clap(flatten)]
	pub shared_params: SharedParams,
}

impl CliConfiguration for ExportGenesisCmd {
	fn shared_params(&self) -> &SharedParams {
		&self.shared_params
	}
}

type Hashing = <<Block as BlockT>::Header as HeaderT>::Hashing;

impl ExportGenesisCmd {
	/// Prints `{"hash", "header", "stateRoot", "stateVersion"}` for the chain spec.
	pub fn run(&self, spec: Box<dyn ChainSpec>) -> sc_cli::Result<()> {
		let storage = spec.as_storage_builder().build_storage()?;
		let executor = WasmExecutor::<sp_io::SubstrateHostFunctions>::builder().build();
		let state_version = resolve_state_version_from_wasm::<_, Hashing>(&storage, &executor)?;

		// Child tries enter the state root through their roots, stored in the top trie.
		let mut top = storage.top;
		for child in storage.children_default.into_values() {
			let root = Hashing::trie_root(child.data.into_iter().collect(), state_version);
			top.insert(child.child_info.prefixed_storage_key().into_inner(), root.encode());
		}
		let state_root = Hashing::trie_root(top.into_iter().collect(), state_version);

		let block: Block = construct_genesis_block(state_root, state_version);
		let header = block.header();
		let out = serde_json::json!({
			"hash": format!("{:?}", header.hash()),
			"header": format!("0x{}", HexDisplay::from(&header.encode())),
			"stateRoot": format!("{:?}", state_root),
			"stateVersion": match state_version { StateVersion::V0 => 0, StateVersion::V1 => 1 },
		});
		println!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
		Ok(())
	}
}
