//! `agentchain-node x402 …` and `agentchain-node mandates …`: the node binary as an agent's and
//! an operator's tool. It signs native payment intents, pays x402 URLs end to end, and reads a
//! payment's status, a payee's statement and spending mandates from a node over JSON-RPC.
//!
//! Secrets come from a file or a keystore, never from the command line (where `ps` and shell
//! history would show them). Every command prints JSON on stdout; errors go to stderr with a
//! non-zero exit.

mod key;
mod mandate_tx;
mod mandates;
mod node_rpc;
mod pay;
mod payment;
mod sign;

use polkadot_sdk::{sc_cli, sp_core::H256};
use serde_json::Value;

pub use mandates::MandatesCmd;

/// x402 payments from the command line.
#[derive(Debug, clap::Subcommand)]
pub enum X402Cmd {
	/// Sign a native payment intent and print the facilitator request (the body of
	/// `x402_submit`, `/verify` and `/settle`), or submit it with `--submit`.
	Sign(sign::SignCmd),
	/// Pay an x402 URL: GET it, sign the 402's native `exact` requirement, retry with the
	/// payment, and print the resource and the settlement.
	Pay(pay::PayCmd),
	/// Where a payment stands (`x402_status`).
	Status(StatusCmd),
	/// A payee's closed statements and open receipts between two blocks (`x402_statement`).
	Statement(StatementCmd),
}

impl X402Cmd {
	pub fn run(&self) -> sc_cli::Result<()> {
		print(match self {
			Self::Sign(cmd) => cmd.run(),
			Self::Pay(cmd) => cmd.run(),
			Self::Status(cmd) => cmd.run(),
			Self::Statement(cmd) => cmd.run(),
		})
	}
}

impl MandatesCmd {
	pub fn print(&self) -> sc_cli::Result<()> {
		print(self.run())
	}
}

/// A command's JSON on stdout, or its error.
fn print(output: Result<Value, String>) -> sc_cli::Result<()> {
	let output = output.map_err(sc_cli::Error::Input)?;
	println!("{}", serde_json::to_string_pretty(&output).map_err(|e| e.to_string())?);
	Ok(())
}

/// Seconds since 1970 on this machine's clock.
fn unix_now() -> Result<u64, String> {
	std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|elapsed| elapsed.as_secs())
		.map_err(|_| "this machine's clock is before 1970".into())
}

/// `0x`-hex bytes.
fn hex_bytes(text: &str) -> Option<Vec<u8>> {
	hex::decode(text.strip_prefix("0x")?).ok()
}

/// The node to ask.
#[derive(Debug, Clone, clap::Args)]
pub struct NodeParams {
	/// The node's JSON-RPC endpoint (HTTP).
	#[arg(long, value_name = "URL", default_value = "http://127.0.0.1:9944")]
	pub rpc_url: String,
}

#[derive(Debug, clap::Parser)]
pub struct StatusCmd {
	/// The payment id (`0x`-hex), as `x402_submit` and `x402 sign --submit` return it.
	#[arg(value_name = "PAYMENT ID")]
	pub payment_id: H256,

	#[clap(flatten)]
	pub node: NodeParams,
}

impl StatusCmd {
	fn run(&self) -> Result<Value, String> {
		node_rpc::call(&self.node.rpc_url, "x402_status", serde_json::json!([self.payment_id]))
	}
}

#[derive(Debug, clap::Parser)]
pub struct StatementCmd {
	/// The payee: an SS58 or `0x`-hex account.
	#[arg(value_name = "PAYEE")]
	pub payee: String,

	/// The asset.
	#[arg(long, default_value_t = agentchain_primitives::stablecoin::ASSET_ID)]
	pub asset: u32,

	/// The first block.
	#[arg(long, value_name = "BLOCK NUMBER", default_value_t = 0)]
	pub from: u32,

	/// The last block.
	#[arg(long, value_name = "BLOCK NUMBER")]
	pub to: u32,

	#[clap(flatten)]
	pub node: NodeParams,
}

impl StatementCmd {
	fn run(&self) -> Result<Value, String> {
		let params = serde_json::json!([self.payee, self.asset, self.from, self.to]);
		node_rpc::call(&self.node.rpc_url, "x402_statement", params)
	}
}
