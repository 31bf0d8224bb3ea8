//! Command-line arguments.

use polkadot_sdk::sc_cli;

/// Subcommands besides running the node.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys into the keystore.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (prefer `export-chain-spec` for new scripts).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export a chain specification without starting a node.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Export the genesis block's hash, header and state root.
	ExportGenesis(crate::export_genesis::ExportGenesisCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Database metadata.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// x402 payments from the command line: sign an intent, pay a URL, follow a payment, read
	/// a payee's statement.
	#[command(subcommand)]
	X402(crate::agent_cli::X402Cmd),

	/// Read spending mandates: one mandate, a root's, a key's chain of authority.
	#[command(subcommand)]
	Mandates(crate::agent_cli::MandatesCmd),

	/// Benchmark the runtime (only in a node built with `--features benchmark-cli`).
	#[cfg(feature = "benchmark-cli")]
	#[command(subcommand)]
	Benchmark(crate::benchmark::BenchmarkCmd),
}

/// The node's command line.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: sc_cli::RunCmd,

	#[clap(flatten)]
	pub facilitator: FacilitatorParams,
}

/// The built-in x402 facilitator: HTTP `/verify`, `/settle`, `/supported` and the `x402_*`
/// JSON-RPC methods.
#[derive(Debug, Clone, clap::Args)]
pub struct FacilitatorParams {
	/// Serve the x402 facilitator. On by default on development chains (`--dev`).
	#[arg(long)]
	pub facilitator: bool,

	/// Do not serve the x402 facilitator, not even on a development chain.
	#[arg(long, conflicts_with = "facilitator")]
	pub no_facilitator: bool,

	/// The facilitator's HTTP port.
	#[arg(long, value_name = "PORT", default_value_t = 8402)]
	pub facilitator_port: u16,

	/// Serve the facilitator on all interfaces, not only on localhost.
	#[arg(long)]
	pub facilitator_external: bool,

	/// The `x402` keystore key (SS58 or 0x-hex sr25519 public key) that signs and pays for
	/// settlements; required when the keystore holds more than one.
	#[arg(long, value_name = "PUBLIC KEY", value_parser = parse_public_key)]
	pub facilitator_key: Option<polkadot_sdk::sp_core::sr25519::Public>,

	/// Put the well-known development facilitator key (`//Facilitator`, funded at genesis on the
	/// dev and local chains) in the keystore, as `--dev` does: for local testnets such as
	/// zombienet's. Ignored on a live chain.
	#[arg(long)]
	pub facilitator_dev_key: bool,

	/// Most accepted payments waiting to settle, from all payers; more are refused
	/// (`facilitator_busy`, HTTP 429) until some have settled.
	#[arg(long, value_name = "COUNT", default_value_t = 100_000)]
	pub facilitator_max_pending: usize,

	/// Most accepted payments of one payer waiting to settle (`payer_pending_limit`, HTTP 429
	/// beyond).
	#[arg(long, value_name = "COUNT", default_value_t = 1_000)]
	pub facilitator_max_pending_per_payer: usize,

	/// Most HTTP connections one client address may hold open at once; more are answered
	/// with HTTP 429 and closed.
	#[arg(long, value_name = "COUNT", default_value_t = 64)]
	pub facilitator_max_connections_per_ip: usize,

	/// Most HTTP requests per second one client address may make (a burst of as many); more
	/// are answered with HTTP 429 and `rate_limited`. `0` turns the limit off. JSON-RPC has
	/// Substrate's own `--rpc-rate-limit` (calls per minute per connection).
	#[arg(long, value_name = "PER SECOND", default_value_t = 1_000)]
	pub facilitator_rate_limit_per_ip: u32,

	/// Entries the facilitator's queue journal takes before it is rewritten with only the
	/// pending payments (bounds its size).
	#[arg(long, value_name = "COUNT", default_value_t = 100_000)]
	pub facilitator_journal_compact_after: usize,

	/// A resource server's token for refunding its `batch-settlement` channels, as
	/// `<receiver address>=<token>` (repeatable). This facilitator is the receiver authorizer of
	/// the channels it serves, so it refunds a channel only when the channel's receiver asks,
	/// with `Authorization: Bearer <token>` on `/settle`: otherwise a payer could refund what
	/// it spent before the receiver claimed it. Without one, refunds are refused.
	#[arg(long, value_name = "ADDRESS=TOKEN", value_parser = parse_refund_token)]
	pub facilitator_refund_token: Vec<(polkadot_sdk::sp_core::H160, String)>,
}

fn parse_refund_token(text: &str) -> Result<(polkadot_sdk::sp_core::H160, String), String> {
	let (address, token) =
		text.split_once('=').ok_or("expected <receiver address>=<token>".to_owned())?;
	let address = agentchain_facilitator::payment::parse_address(address)
		.ok_or("the receiver is not a 0x-hex 20-byte address".to_owned())?;
	if token.len() < 16 {
		return Err("the token must be at least 16 characters".into());
	}
	Ok((address, token.to_owned()))
}

/// Where and how the node serves the facilitator.
#[derive(Debug, Clone)]
pub struct FacilitatorOptions {
	/// The HTTP API's address.
	pub listen: std::net::SocketAddr,
	/// The on-disk queue of accepted payments.
	pub queue_dir: std::path::PathBuf,
	/// The `x402` keystore key that signs and pays for settlements; needed when the keystore
	/// holds more than one.
	pub key: Option<polkadot_sdk::sp_core::sr25519::Public>,
	/// Put the well-known development key in the keystore first (`--dev` only).
	pub insert_dev_key: bool,
	/// What the facilitator holds at most.
	pub limits: agentchain_facilitator::engine::Limits,
	/// What one client address may take of the HTTP API.
	pub per_client: agentchain_facilitator::http::ClientLimits,
	/// Entries the queue journal takes between two rewrites.
	pub journal_compact_after: usize,
	/// Each receiver's token for refunding its channels.
	pub refund_tokens: std::collections::HashMap<polkadot_sdk::sp_core::H160, String>,
}

fn parse_public_key(text: &str) -> Result<polkadot_sdk::sp_core::sr25519::Public, String> {
	use polkadot_sdk::sp_core::crypto::Ss58Codec;
	if let Some(hex_key) = text.strip_prefix("0x") {
		let bytes: [u8; 32] = hex::decode(hex_key)
			.ok()
			.and_then(|b| b.try_into().ok())
			.ok_or("not 32 bytes of hex")?;
		return Ok(bytes.into());
	}
	polkadot_sdk::sp_core::sr25519::Public::from_ss58check(text)
		.map_err(|e| format!("not an SS58 public key: {e:?}"))
}
