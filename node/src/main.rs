//! The agentchain node.

mod agent_cli;
#[cfg(feature = "benchmark-cli")]
mod benchmark;
mod chain_spec;
mod cli;
mod command;
mod export_genesis;
mod facilitator;
mod rpc;
mod service;

fn main() {
	// Errors are shown as their message, not as a debug dump of the error enum.
	if let Err(error) = command::run() {
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}
