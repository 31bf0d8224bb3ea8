//! Chain specifications built from the runtime's genesis presets.

use agentchain_primitives::{DEV_EVM_CHAIN_ID, LOCAL_EVM_CHAIN_ID, NATIVE_DECIMALS};
use agentchain_runtime::WASM_BINARY;
use polkadot_sdk::{
	sc_service::{self, ChainType, Properties},
	sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET},
};

/// A chain spec with no node-side extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Symbol of the native fee token, as wallets show it.
const TOKEN_SYMBOL: &str = "AGC";

/// Generic Substrate address format; matches the runtime's `SS58Prefix`.
const SS58_FORMAT: u32 = 42;

fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), NATIVE_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_FORMAT.into());
	properties
}

fn runtime_code() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"the runtime's wasm is missing: this node was built with SKIP_WASM_BUILD set; \
		 rebuild it without that variable"
			.to_string()
	})
}

/// A one-validator development chain (Alice), for `--dev`.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(runtime_code()?, None)
		.with_name("agentchain development")
		.with_id("agentchain_dev")
		.with_protocol_id("agentchain-dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// A three-validator local testnet (Alice, Bob, Charlie), for `--chain local` and zombienet.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(runtime_code()?, None)
		.with_name("agentchain local testnet")
		.with_id("agentchain_local")
		.with_protocol_id("agentchain-local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// Refuses an EVM chain id (`x402.evmChainId` in the spec's genesis) that another network uses
/// too: EVM signatures made for that network would be valid on this one. The development id is
/// for development chains only, the local testnet's for development and local ones, and zero
/// means the spec did not set one.
pub fn check_evm_chain_id(chain_type: &ChainType, evm_chain_id: u64) -> Result<(), String> {
	let shared = match (chain_type, evm_chain_id) {
		(_, 0) => Some("no EVM chain id (zero)"),
		(ChainType::Development, _) => None,
		(_, DEV_EVM_CHAIN_ID) => Some("the development chains' EVM chain id"),
		(ChainType::Local, _) => None,
		(_, LOCAL_EVM_CHAIN_ID) => Some("the local testnet's EVM chain id"),
		_ => None,
	};
	match shared {
		Some(what) => Err(format!(
			"this {chain_type:?} chain has {what} ({evm_chain_id}): signatures made for other networks \
			 would be valid on it; set `x402.evmChainId` in its chain spec to an id of its own"
		)),
		None => Ok(()),
	}
}
