//! Parses the command line and runs the node or a subcommand.

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	service,
};
use agentchain_primitives::Block;
use polkadot_sdk::{
	sc_cli::{self, SubstrateCli},
	sc_consensus_grandpa, sc_network,
	sc_service::{self, Configuration, PartialComponents},
	sp_runtime::traits::Block as BlockT,
};

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"agentchain node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://example.invalid/agentchain/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development_chain_spec()?),
			"" | "local" => Box::new(chain_spec::local_chain_spec()?),
			path => {
				let file = std::path::PathBuf::from(path);
				if !file.is_file() {
					return Err(format!(
						"unknown chain `{path}`: use `dev`, `local` or the path of a chain spec JSON file"
					));
				}
				Box::new(chain_spec::ChainSpec::from_json_file(file)?)
			},
		})
	}
}

/// Parses the command line and runs what it asks for.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::X402(cmd)) => cmd.run(),
		Some(Subcommand::Mandates(cmd)) => cmd.print(),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		},
		Some(Subcommand::ExportGenesis(cmd)) => {
			let shared = &cmd.shared_params;
			let chain_spec = cli.load_spec(&shared.chain_id(shared.is_dev()))?;
			cmd.run(chain_spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		},
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		#[cfg(feature = "benchmark-cli")]
		Some(Subcommand::Benchmark(cmd)) => crate::benchmark::run(cmd),
		None => {
			let runner = cli.create_runner(&cli.run)?;
			let params = cli.facilitator.clone();
			let dev_flag = cli.run.shared_params.dev;
			runner.run_node_until_exit(|mut config| async move {
				pin_rpc_ports(&mut config)?;
				let facilitator = facilitator_options(&params, &config, dev_flag);
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<Block, <Block as BlockT>::Hash>,
					>(config, facilitator)
					.map_err(sc_cli::Error::Service),
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(config, facilitator)
							.map_err(sc_cli::Error::Service)
					},
				}
			})
		},
	}
}

/// Whether and where to serve the x402 facilitator: asked for, or a development chain that did
/// not opt out. Only `--dev` (or `--facilitator-dev-key`, on a chain that is not live) puts the
/// well-known development key in the keystore: a chain spec that merely says `Development` gets
/// no publicly known fee-paying key.
fn facilitator_options(
	params: &crate::cli::FacilitatorParams,
	config: &Configuration,
	dev_flag: bool,
) -> Option<crate::cli::FacilitatorOptions> {
	let development = config.chain_spec.chain_type() == sc_service::ChainType::Development;
	if !(params.facilitator || (development && !params.no_facilitator)) {
		return None;
	}
	let live = config.chain_spec.chain_type() == sc_service::ChainType::Live;
	if params.facilitator_dev_key && live {
		log::warn!(target: "x402", "--facilitator-dev-key is ignored on a live chain");
	}
	let host = if params.facilitator_external { [0, 0, 0, 0] } else { [127, 0, 0, 1] };
	Some(crate::cli::FacilitatorOptions {
		listen: std::net::SocketAddr::from((host, params.facilitator_port)),
		queue_dir: config.data_path.join("x402-queue"),
		key: params.facilitator_key,
		insert_dev_key: dev_flag || (params.facilitator_dev_key && !live),
		limits: agentchain_facilitator::engine::Limits {
			max_pending: params.facilitator_max_pending,
			max_pending_per_payer: params.facilitator_max_pending_per_payer,
		},
		per_client: agentchain_facilitator::http::ClientLimits {
			connections: params.facilitator_max_connections_per_ip,
			requests_per_second: params.facilitator_rate_limit_per_ip,
		},
		journal_compact_after: params.facilitator_journal_compact_after,
		refund_tokens: params.facilitator_refund_token.iter().cloned().collect(),
	})
}

/// Makes the JSON-RPC server listen on the port it was given or fail with a clear error.
///
/// Substrate's default is to move to a random port when the given one is taken, which leaves
/// every client (and the README's `ws://127.0.0.1:9944`) pointing at the wrong node. The check
/// binds each required address once up front so the error names the port and the flag.
fn pin_rpc_ports(config: &mut Configuration) -> sc_cli::Result<()> {
	for endpoint in config.rpc.addr.iter_mut().flatten() {
		endpoint.retry_random_port = false;
		if endpoint.is_optional {
			continue;
		}
		std::net::TcpListener::bind(endpoint.listen_addr).map_err(|e| {
			format!(
				"cannot serve JSON-RPC on {}: {e}; stop whatever holds that port or choose \
				 another with --rpc-port",
				endpoint.listen_addr
			)
		})?;
	}
	Ok(())
}
