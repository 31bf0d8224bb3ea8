//! The agentchain node.

mod chain_spec;
mod cli;
mod command;
mod export_genesis;
mod rpc;
mod service;

fn main() -> polkadot_sdk::sc_cli::Result<()> {
	command::run()
}
