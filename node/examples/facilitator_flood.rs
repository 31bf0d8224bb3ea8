//! A flood against the node's built-in facilitator, on loopback, against a fresh dev node, with
//! an honest client paying throughout; each figure beside the same figure unloaded, same node,
//! same run:
//!
//! - the flood: `intents` payments of the stablecoin's minimum balance each from one payer who
//!   holds 100 of them, sent to `POST /settle` over 48 keep-alive connections from 127.0.0.1,
//!   plus 200 sockets from the same address that trickle a body that never ends, plus a loop
//!   of `x402_statement` calls over JSON-RPC;
//! - the honest client (127.0.0.2) pays one payment at a time over `POST /settle`;
//! - printed: what the flood got accepted and why the rest was refused, the facilitator's fee
//!   spend, the peaks of its queue and of the node's memory, the honest payments' latency
//!   (p50, p99), and block intervals (p50, p99) with the proposals Aura discarded.
//!
//! Run by `scripts/bench-flood.sh` (which builds first):
//! `facilitator_flood <path to agentchain-node> [intents] [honest payments]`.

use std::{
	collections::BTreeMap,
	net::{Ipv4Addr, SocketAddr},
	sync::{
		atomic::{AtomicBool, AtomicU64, Ordering},
		Arc,
	},
	time::{Duration, Instant},
};

use agentchain_primitives::{stablecoin::MIN_BALANCE, x402::DEV_FACILITATOR_SURI, Balance, UNIT};
use agentchain_test_harness::{
	exact::{self, unix_now, Authorization},
	extrinsic, http,
	payments::{evm_payer, from_alice, fund},
	Node, Rpc,
};
use jsonrpsee::{
	core::client::{ClientT, Subscription, SubscriptionClientT},
	rpc_params,
};
use polkadot_sdk::{
	sp_core::{ecdsa, sr25519, Pair},
	sp_keyring::Sr25519Keyring,
};
use serde_json::Value;
use tokio::{
	io::{AsyncReadExt, AsyncWriteExt},
	net::{TcpSocket, TcpStream},
};

type Error = Box<dyn std::error::Error + Send + Sync>;

/// Keep-alive connections the flood sends over.
const FLOOD_CONNECTIONS: usize = 48;
/// Sockets of the flood that trickle a body.
const SLOW_SOCKETS: usize = 200;

/// A payment of `amount` from `payer` to Bob, valid for an hour, as a facilitator request.
fn payment(payer: &ecdsa::Pair, amount: Balance, nonce: u64) -> String {
	let bob = Sr25519Keyring::Bob.to_account_id();
	let authorization = Authorization {
		valid_before: unix_now() + 3_600,
		..Authorization::new(amount, &nonce.to_le_bytes())
	};
	let mut required = exact::requirements(amount, exact::address_of(&bob));
	required["maxTimeoutSeconds"] = 3_600.into();
	authorization.request(payer, &bob, required).to_string()
}

async fn connect_from(source: Ipv4Addr, to: SocketAddr) -> std::io::Result<TcpStream> {
	let socket = TcpSocket::new_v4()?;
	socket.bind(SocketAddr::from((source, 0)))?;
	socket.connect(to).await
}

/// A keep-alive HTTP/1.1 client from one source address.
struct Client {
	stream: TcpStream,
	buffer: Vec<u8>,
}

impl Client {
	async fn connect(source: Ipv4Addr, to: SocketAddr) -> std::io::Result<Self> {
		Ok(Self { stream: connect_from(source, to).await?, buffer: Vec::new() })
	}

	/// `POST path` with `body`: the status and the JSON answer.
	async fn post(&mut self, path: &str, body: &str) -> Result<(u16, Value), Error> {
		let request = format!(
			"POST {path} HTTP/1.1\r\nHost: f\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
			body.len()
		);
		self.stream.write_all(request.as_bytes()).await?;
		let (head, length) = loop {
			if let Some(end) = self.buffer.windows(4).position(|w| w == b"\r\n\r\n") {
				let head = String::from_utf8_lossy(&self.buffer[..end]).into_owned();
				self.buffer.drain(..end + 4);
				let length = head
					.lines()
					.find_map(|line| {
						let (name, value) = line.split_once(':')?;
						name.eq_ignore_ascii_case("content-length")
							.then(|| value.trim().parse().ok())?
					})
					.unwrap_or(0usize);
				break (head, length);
			}
			self.read().await?;
		};
		while self.buffer.len() < length {
			self.read().await?;
		}
		let body: Vec<u8> = self.buffer.drain(..length).collect();
		let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
		Ok((status, serde_json::from_slice(&body).unwrap_or(Value::Null)))
	}

	async fn read(&mut self) -> Result<(), Error> {
		let mut chunk = [0u8; 8192];
		let n = self.stream.read(&mut chunk).await?;
		if n == 0 {
			return Err("the server closed the connection".into());
		}
		self.buffer.extend_from_slice(&chunk[..n]);
		Ok(())
	}
}

/// What one phase measured.
#[derive(Default)]
struct Phase {
	honest: Vec<Duration>,
	honest_failed: u64,
	intervals: Vec<Duration>,
	discarded: usize,
	fees: Balance,
	rss_peak_kib: u64,
	queue_peak: u64,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
	if sorted.is_empty() {
		return Duration::ZERO;
	}
	sorted[((sorted.len() as f64 * p) as usize).min(sorted.len() - 1)]
}

fn millis(duration: Duration) -> f64 {
	duration.as_secs_f64() * 1e3
}

fn rss_kib(pid: u32) -> u64 {
	std::fs::read_to_string(format!("/proc/{pid}/status"))
		.ok()
		.and_then(|status| {
			let line = status.lines().find(|line| line.starts_with("VmRSS:"))?.to_owned();
			line.split_whitespace().nth(1)?.parse().ok()
		})
		.unwrap_or(0)
}

/// The facilitator's queue depth, from the node's Prometheus endpoint `metrics`.
fn queue_depth(metrics: &str) -> u64 {
	http::get_text(metrics)
		.ok()
		.and_then(|(_, text)| {
			let line = text.lines().find(|l| l.starts_with("agentchain_x402_queue_depth"))?;
			line.split_whitespace().nth(1)?.parse::<f64>().ok()
		})
		.map_or(0, |depth| depth as u64)
}

fn discarded_proposals(node: &Node) -> usize {
	node.logs().matches("Discarding proposal").count()
}

/// The honest client pays `count` payments one at a time, while block intervals, memory and
/// the queue are sampled; the phase's figures.
async fn honest_phase(
	node: &Node,
	rpc: &Rpc,
	honest: &ecdsa::Pair,
	first_nonce: u64,
	count: u64,
) -> Result<Phase, Error> {
	let facilitator: polkadot_sdk::sp_core::crypto::AccountId32 =
		sr25519::Pair::from_string(DEV_FACILITATOR_SURI, None)?.public().into();
	let fees_before = rpc.native_balance(&facilitator).await?;
	let discarded_before = discarded_proposals(node);
	let sampling = Arc::new(AtomicBool::new(true));
	let (rss_peak, queue_peak) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
	let sampler = {
		let (sampling, rss_peak, queue_peak) =
			(sampling.clone(), rss_peak.clone(), queue_peak.clone());
		let pid = node.pid().unwrap_or(0);
		let node_metrics = format!("http://127.0.0.1:{}/metrics", node.prometheus_port());
		tokio::task::spawn_blocking(move || {
			while sampling.load(Ordering::Relaxed) {
				rss_peak.fetch_max(rss_kib(pid), Ordering::Relaxed);
				queue_peak.fetch_max(queue_depth(&node_metrics), Ordering::Relaxed);
				std::thread::sleep(Duration::from_millis(200));
			}
		})
	};
	let mut heads: Subscription<Value> = rpc
		.client()
		.subscribe("chain_subscribeNewHeads", rpc_params![], "chain_unsubscribeNewHeads")
		.await?;
	// Aborted at the phase's end: the arrivals seen until then are what it returns.
	let arrivals = Arc::new(parking_lot::Mutex::new(BTreeMap::<u64, Instant>::new()));
	let heads_task = tokio::spawn({
		let arrivals = arrivals.clone();
		async move {
			while let Some(Ok(head)) = heads.next().await {
				let number = head["number"]
					.as_str()
					.and_then(|n| u64::from_str_radix(n.trim_start_matches("0x"), 16).ok());
				if let Some(number) = number {
					arrivals.lock().entry(number).or_insert_with(Instant::now);
				}
			}
		}
	});
	let address: SocketAddr = node.facilitator_url().trim_start_matches("http://").parse()?;
	let mut client = Client::connect(Ipv4Addr::new(127, 0, 0, 2), address).await?;
	let mut phase = Phase::default();
	for nonce in first_nonce..first_nonce + count {
		let request = payment(honest, MIN_BALANCE, nonce);
		let started = Instant::now();
		let (status, answer) = client.post("/settle", &request).await?;
		if status == 200 && answer["success"] == true {
			phase.honest.push(started.elapsed());
		} else {
			phase.honest_failed += 1;
			eprintln!("honest payment not settled: {status} {answer}");
		}
	}
	sampling.store(false, Ordering::Relaxed);
	sampler.await?;
	heads_task.abort();
	let arrivals: Vec<(u64, Instant)> =
		arrivals.lock().iter().map(|(number, at)| (*number, *at)).collect();
	phase.intervals = arrivals
		.windows(2)
		.filter(|pair| pair[1].0 == pair[0].0 + 1)
		.map(|pair| pair[1].1 - pair[0].1)
		.collect();
	phase.intervals.sort();
	phase.rss_peak_kib = rss_peak.load(Ordering::Relaxed);
	phase.queue_peak = queue_peak.load(Ordering::Relaxed);
	phase.discarded = discarded_proposals(node) - discarded_before;
	phase.fees = fees_before.saturating_sub(rpc.native_balance(&facilitator).await?);
	phase.honest.sort();
	Ok(phase)
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> Result<(), Error> {
	let args: Vec<String> = std::env::args().collect();
	let node_binary = args
		.get(1)
		.ok_or("usage: facilitator_flood <agentchain-node> [intents] [honest]")?;
	let intents: u64 = args.get(2).map(|a| a.parse()).transpose()?.unwrap_or(100_000);
	let honest_count: u64 = args.get(3).map(|a| a.parse()).transpose()?.unwrap_or(30);

	let node = Node::dev(node_binary.as_str()).await?;
	let rpc = node.rpc().await?;
	rpc.wait_for_finalized(1, Duration::from_secs(60)).await?;
	let (honest, attacker) = (evm_payer(b"flood honest payer"), evm_payer(b"flood attacker"));
	fund(&rpc, &honest, 10 * honest_count as Balance * MIN_BALANCE).await;
	fund(&rpc, &attacker, 100 * MIN_BALANCE).await;
	from_alice(&rpc, extrinsic::native_transfer(Sr25519Keyring::Charlie.to_account_id(), UNIT))
		.await;

	eprintln!("signing {intents} flood payments");
	let signing = {
		let attacker = attacker.clone();
		tokio::task::spawn_blocking(move || {
			(0..intents)
				.map(|n| payment(&attacker, MIN_BALANCE, n))
				.collect::<Vec<String>>()
		})
	};
	let flood = Arc::new(signing.await?);

	let baseline = honest_phase(&node, &rpc, &honest, 0, honest_count).await?;

	// The flood, while the honest client pays again.
	let address: SocketAddr = node.facilitator_url().trim_start_matches("http://").parse()?;
	let attacker_ip = Ipv4Addr::new(127, 0, 0, 1);
	let next = Arc::new(AtomicU64::new(0));
	let reasons = Arc::new(parking_lot::Mutex::new(BTreeMap::<String, u64>::new()));
	let mut workers = Vec::new();
	for _ in 0..FLOOD_CONNECTIONS {
		let (flood, next, reasons) = (flood.clone(), next.clone(), reasons.clone());
		workers.push(tokio::spawn(async move {
			let mut client = None;
			loop {
				let index = next.fetch_add(1, Ordering::Relaxed) as usize;
				let Some(request) = flood.get(index) else { return };
				if client.is_none() {
					client = Client::connect(attacker_ip, address).await.ok();
				}
				let Some(connection) = client.as_mut() else { continue };
				let outcome = match connection.post("/settle", request).await {
					Ok((429, answer)) | Ok((200, answer)) if answer.is_object() => {
						match answer["errorReason"].as_str() {
							Some(reason) => reason.to_owned(),
							None => "settled".to_owned(),
						}
					},
					Ok((status, _)) => format!("HTTP {status}"),
					Err(_) => {
						client = None;
						"connection refused or closed".to_owned()
					},
				};
				*reasons.lock().entry(outcome).or_default() += 1;
			}
		}));
	}
	let mut slow = Vec::new();
	for _ in 0..SLOW_SOCKETS {
		if let Ok(mut stream) = connect_from(attacker_ip, address).await {
			let _ = stream
				.write_all(b"POST /verify HTTP/1.1\r\nHost: f\r\nContent-Length: 100000\r\n\r\n{")
				.await;
			slow.push(stream);
		}
	}
	let querying = Arc::new(AtomicBool::new(true));
	let queries = {
		let (querying, connection) = (querying.clone(), node.rpc().await?);
		tokio::spawn(async move {
			let bob = Sr25519Keyring::Bob.to_account_id().to_string();
			let mut calls = 0u64;
			while querying.load(Ordering::Relaxed) {
				let best = connection.best_number().await.unwrap_or(0);
				let statement = connection
					.client()
					.request::<Value, _>(
						"x402_statement",
						rpc_params![
							bob.clone(),
							agentchain_primitives::stablecoin::ASSET_ID,
							0,
							best
						],
					)
					.await;
				calls += u64::from(statement.is_ok());
			}
			calls
		})
	};
	let flood_started = Instant::now();
	let loaded = honest_phase(&node, &rpc, &honest, honest_count, honest_count).await?;
	// The flood runs to its end; the honest phase measured what it met.
	for worker in workers {
		worker.await?;
	}
	let flood_took = flood_started.elapsed();
	querying.store(false, Ordering::Relaxed);
	let statements = queries.await?;
	drop(slow);

	let honest_line = |name: &str, phase: &Phase| {
		println!(
			"{name}: honest /settle p50 {:.0} ms, p99 {:.0} ms ({} settled, {} not); block interval p50 {:.0} ms, p99 {:.0} ms; fees {} ({:.2e} AGC); node RSS peak {} MiB; queue peak {}; proposals discarded {}",
			millis(percentile(&phase.honest, 0.50)),
			millis(percentile(&phase.honest, 0.99)),
			phase.honest.len(),
			phase.honest_failed,
			millis(percentile(&phase.intervals, 0.50)),
			millis(percentile(&phase.intervals, 0.99)),
			phase.fees,
			phase.fees as f64 / UNIT as f64,
			phase.rss_peak_kib / 1024,
			phase.queue_peak,
			phase.discarded,
		)
	};
	honest_line("unloaded", &baseline);
	honest_line("flooded", &loaded);
	println!(
		"flood: {intents} payments of {MIN_BALANCE} from a payer holding {} in {:.1} s; answers: {:?}; {statements} x402_statement calls answered",
		100 * MIN_BALANCE,
		flood_took.as_secs_f64(),
		reasons.lock()
	);
	let ratio = |loaded: Duration, base: Duration| millis(loaded) / millis(base).max(1e-3);
	println!(
		"flooded / unloaded: honest p50 {:.2}x, p99 {:.2}x; block interval p99 {:.2}x (flooded p99 / block time {:.2}x); node RSS peak {:.2}x",
		ratio(percentile(&loaded.honest, 0.5), percentile(&baseline.honest, 0.5)),
		ratio(percentile(&loaded.honest, 0.99), percentile(&baseline.honest, 0.99)),
		ratio(percentile(&loaded.intervals, 0.99), percentile(&baseline.intervals, 0.99)),
		millis(percentile(&loaded.intervals, 0.99)) / 2000.0,
		loaded.rss_peak_kib as f64 / baseline.rss_peak_kib.max(1) as f64,
	);
	node.stop()?;
	Ok(())
}
