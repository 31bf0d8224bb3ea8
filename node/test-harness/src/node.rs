//! Starting and stopping a node process.

use std::{
	fs::File,
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, ExitStatus, Stdio},
	time::{Duration, Instant},
};

use crate::{Result, Rpc};

/// A port on 127.0.0.1 that was free a moment ago.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0")
		.and_then(|l| l.local_addr())
		.map(|a| a.port())
		.expect("the OS hands out an ephemeral loopback port")
}

/// How to start a node.
#[derive(Clone, Debug)]
pub struct NodeOptions {
	/// The `agentchain-node` binary (in a test: `env!("CARGO_BIN_EXE_agentchain-node")`).
	pub binary: PathBuf,
	/// The chain: `dev`, `local` or a chain spec path.
	pub chain: String,
	/// Arguments added after the harness's own.
	pub extra_args: Vec<String>,
	/// How long the node may take until its RPC answers.
	pub startup_timeout: Duration,
}

impl NodeOptions {
	/// A one-validator dev chain (`--dev`).
	pub fn dev(binary: impl Into<PathBuf>) -> Self {
		Self {
			binary: binary.into(),
			chain: "dev".into(),
			extra_args: Vec::new(),
			startup_timeout: Duration::from_secs(120),
		}
	}
}

/// A running node process. Dropping it kills the process; [`Node::stop`] stops it gracefully.
pub struct Node {
	child: Option<Child>,
	rpc_port: u16,
	prometheus_port: u16,
	facilitator_port: u16,
	log_path: PathBuf,
	options: NodeOptions,
	// Holds the base path and the log file until the node is gone (taken by a restart).
	dir: Option<tempfile::TempDir>,
}

impl Node {
	/// Starts a dev node and waits until its RPC answers.
	pub async fn dev(binary: impl Into<PathBuf>) -> Result<Node> {
		Self::start(NodeOptions::dev(binary)).await
	}

	/// Starts a node with free RPC, P2P, Prometheus and facilitator ports and waits until its
	/// RPC answers. (The facilitator serves on `--dev`, or with `--facilitator` in the extra
	/// arguments.)
	pub async fn start(options: NodeOptions) -> Result<Node> {
		let dir = tempfile::Builder::new().prefix("agentchain-node-").tempdir()?;
		Self::launch(options, dir).await
	}

	/// [`Self::launch_once`], again on fresh ports when another process took one of the ports
	/// between [`free_port`] and the node binding it (tests start nodes in parallel).
	async fn launch(options: NodeOptions, dir: tempfile::TempDir) -> Result<Node> {
		let mut attempts = 0;
		loop {
			attempts += 1;
			match Self::launch_once(options.clone(), &dir).await {
				Err(error)
					if attempts < 3 && error.to_string().contains("Address already in use") =>
				{
					continue
				},
				Err(error) => return Err(error),
				Ok(mut node) => {
					node.dir = Some(dir);
					return Ok(node);
				},
			}
		}
	}

	/// Stops the node gracefully and starts it again on the same base path (its database,
	/// keystore and the facilitator's queue), on fresh ports.
	pub async fn restart(mut self) -> Result<Node> {
		self.halt()?;
		let dir = self.dir.take().ok_or("the node has no base path")?;
		Self::launch(self.options.clone(), dir).await
	}

	async fn launch_once(options: NodeOptions, dir: &tempfile::TempDir) -> Result<Node> {
		let log_path = dir.path().join("node.log");
		let log = File::options().create(true).append(true).open(&log_path)?;
		// Where this launch's lines begin: a restart appends to the same log.
		let log_start = log.metadata()?.len() as usize;
		let (rpc_port, p2p_port, prometheus_port) = (free_port(), free_port(), free_port());
		let facilitator_port = free_port();

		let mut command = Command::new(&options.binary);
		if options.chain == "dev" {
			command.arg("--dev");
		} else {
			command.args(["--chain", &options.chain]);
		}
		command
			.arg("--base-path")
			.arg(dir.path().join("base"))
			.args(["--rpc-port", &rpc_port.to_string()])
			.args(["--port", &p2p_port.to_string()])
			.args(["--prometheus-port", &prometheus_port.to_string()])
			.args(["--facilitator-port", &facilitator_port.to_string()])
			.args(["--no-mdns", "--no-telemetry"])
			.args(&options.extra_args)
			.stdin(Stdio::null())
			.stdout(log.try_clone()?)
			.stderr(log);
		let child = command
			.spawn()
			.map_err(|e| format!("cannot start {}: {e}", options.binary.display()))?;

		let startup_timeout = options.startup_timeout;
		let mut node = Node {
			child: Some(child),
			rpc_port,
			prometheus_port,
			facilitator_port,
			log_path,
			options,
			dir: None,
		};
		node.wait_until_serving(startup_timeout, log_start).await?;
		Ok(node)
	}

	/// Waits until this node (the one whose log lines start at `log_start`) serves RPC. It must
	/// say that it bound its RPC port: another node on this machine may have taken the port
	/// between `free_port` and the bind, and would answer the health check in its place.
	async fn wait_until_serving(&mut self, timeout: Duration, log_start: usize) -> Result<()> {
		let deadline = Instant::now() + timeout;
		let bound = format!("Running JSON-RPC server: addr=127.0.0.1:{},", self.rpc_port);
		loop {
			let ours = self.logs().get(log_start..).is_some_and(|lines| lines.contains(&bound));
			if let Some(status) = self.child.as_mut().and_then(|c| c.try_wait().ok().flatten()) {
				return Err(
					format!("node exited during startup ({status}):\n{}", self.logs()).into()
				);
			}
			if let Ok(rpc) = Rpc::connect(&self.ws_url()).await {
				if ours && rpc.health().await.is_ok() {
					return Ok(());
				}
			}
			if Instant::now() > deadline {
				return Err(
					format!("node RPC did not answer in {timeout:?}:\n{}", self.logs()).into()
				);
			}
			tokio::time::sleep(Duration::from_millis(250)).await;
		}
	}

	/// The WebSocket JSON-RPC endpoint.
	pub fn ws_url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// The HTTP JSON-RPC endpoint (same port as WebSocket).
	pub fn http_url(&self) -> String {
		format!("http://127.0.0.1:{}", self.rpc_port)
	}

	/// The RPC port.
	pub fn rpc_port(&self) -> u16 {
		self.rpc_port
	}

	/// The x402 facilitator's HTTP base URL.
	pub fn facilitator_url(&self) -> String {
		format!("http://127.0.0.1:{}", self.facilitator_port)
	}

	/// The Prometheus endpoint's port.
	pub fn prometheus_port(&self) -> u16 {
		self.prometheus_port
	}

	/// A fresh JSON-RPC client connected to this node.
	pub async fn rpc(&self) -> Result<Rpc> {
		Rpc::connect(&self.ws_url()).await
	}

	/// Everything the node has logged so far.
	pub fn logs(&self) -> String {
		std::fs::read_to_string(&self.log_path).unwrap_or_default()
	}

	/// The node's process id, while it runs.
	pub fn pid(&self) -> Option<u32> {
		self.child.as_ref().map(|child| child.id())
	}

	/// Where the node's log is written.
	pub fn log_path(&self) -> &Path {
		&self.log_path
	}

	/// Stops the node with SIGINT, as Ctrl-C would, and waits for it to exit. Fails when it does
	/// not exit within 30 s, exits unsuccessfully, or logged a panic.
	pub fn stop(mut self) -> Result<ExitStatus> {
		self.halt()
	}

	/// Kills the node with SIGKILL, as a crash or `kill -9` would (nothing is flushed or
	/// closed), and starts it again on the same base path, on fresh ports.
	pub async fn crash_and_restart(mut self) -> Result<Node> {
		let mut child = self.child.take().ok_or("node already stopped")?;
		child.kill()?;
		child.wait()?;
		let dir = self.dir.take().ok_or("the node has no base path")?;
		Self::launch(self.options.clone(), dir).await
	}

	fn halt(&mut self) -> Result<ExitStatus> {
		let mut child = self.child.take().ok_or("node already stopped")?;
		// SAFETY: `kill` only sends a signal to the process id we spawned and still own.
		unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
		let deadline = Instant::now() + Duration::from_secs(30);
		let status = loop {
			if let Some(status) = child.try_wait()? {
				break status;
			}
			if Instant::now() > deadline {
				let _ = child.kill();
				let _ = child.wait();
				return Err(format!("node did not stop within 30 s:\n{}", self.logs()).into());
			}
			std::thread::sleep(Duration::from_millis(100));
		};
		let logs = self.logs();
		if logs.contains("panicked at") {
			return Err(format!("node panicked:\n{logs}").into());
		}
		if !status.success() {
			return Err(format!("node exited with {status}:\n{logs}").into());
		}
		Ok(status)
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}
}
