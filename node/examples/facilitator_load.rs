//! Load on the node's built-in facilitator, on loopback, against a fresh dev node:
//!
//! 1. baseline: single signed `assets.transfer_keep_alive` extrinsics per second;
//! 2. `/verify` latency with 200 concurrent HTTP clients (p50, p99);
//! 3. settled payments per second through the facilitator's batching (`x402_submit`).
//!
//! Run by `scripts/bench-facilitator.sh` (which builds first):
//! `facilitator_load <path to agentchain-node> [transfers] [payments] [verify seconds]`.

use std::{
	sync::{
		atomic::{AtomicBool, Ordering},
		Arc,
	},
	time::{Duration, Instant},
};

use agentchain_primitives::{AccountId, Balance};
use agentchain_test_harness::{
	exact::{self, unix_now, Authorization},
	extrinsic, Node, Rpc,
};
use jsonrpsee::{core::client::ClientT, rpc_params};
use polkadot_sdk::{
	sp_core::{ecdsa, sr25519, Bytes, Pair, H256},
	sp_crypto_hashing::keccak_256,
	sp_keyring::Sr25519Keyring,
};
use serde_json::Value;

type Error = Box<dyn std::error::Error + Send + Sync>;
const PRICE: Balance = 1_000;
const CLIENTS: usize = 200;
const PAYERS: u32 = 200;

fn payer(index: u32) -> ecdsa::Pair {
	ecdsa::Pair::from_seed(&keccak_256(format!("load payer {index}").as_bytes()))
}

/// A signed EIP-3009 payment of `PRICE` from `payer` to Bob, valid for an hour, as a
/// facilitator request.
fn payment(payer: &ecdsa::Pair, nonce: u64) -> Value {
	let bob = Sr25519Keyring::Bob.to_account_id();
	let authorization =
		Authorization { valid_before: unix_now() + 3_600, ..Authorization::new(PRICE, &nonce.to_le_bytes()) };
	authorization.request(payer, &bob, exact::requirements(PRICE, exact::address_of(&bob)))
}

/// Submits `calls` signed by `signer` with consecutive nonces, without waiting, and returns
/// the seconds until the chain has included them all.
async fn submit_all(rpc: &Rpc, signer: &sr25519::Pair, calls: Vec<agentchain_runtime::RuntimeCall>) -> Result<f64, Error> {
	let genesis = rpc.genesis_hash().await?;
	let account: AccountId = signer.public().into();
	let first = rpc.account_nonce(&account).await?;
	let count = calls.len() as u32;
	let extrinsics: Vec<_> = calls
		.into_iter()
		.enumerate()
		.map(|(i, call)| extrinsic::signed(call, signer, first + i as u32, genesis))
		.collect();
	let started = Instant::now();
	for xt in &extrinsics {
		let _: H256 = rpc.client().request("author_submitExtrinsic", rpc_params![Bytes(codec::Encode::encode(xt))]).await?;
	}
	while rpc.account_nonce(&account).await? < first + count {
		tokio::time::sleep(Duration::from_millis(100)).await;
	}
	Ok(started.elapsed().as_secs_f64())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
	sorted[((sorted.len() as f64 * p) as usize).min(sorted.len() - 1)]
}

#[tokio::main]
async fn main() -> Result<(), Error> {
	let args: Vec<String> = std::env::args().collect();
	let node_binary = args.get(1).ok_or("usage: facilitator_load <agentchain-node> [transfers] [payments] [verify seconds]")?;
	let transfers: u32 = args.get(2).map(|a| a.parse()).transpose()?.unwrap_or(3_000);
	let payments: u64 = args.get(3).map(|a| a.parse()).transpose()?.unwrap_or(5_000);
	let verify_seconds: u64 = args.get(4).map(|a| a.parse()).transpose()?.unwrap_or(10);

	let node = Node::dev(node_binary.as_str()).await?;
	let rpc = node.rpc().await?;
	rpc.wait_for_finalized(1, Duration::from_secs(60)).await?;
	let alice = Sr25519Keyring::Alice.pair();

	// Fund the payers (and warm up) with one batch of transfers from Alice.
	let funding = (0..PAYERS)
		.map(|i| {
			extrinsic::stablecoin_transfer(exact::account_of(&payer(i)), PRICE * (payments as Balance / PAYERS as Balance + 10))
		})
		.collect();
	submit_all(&rpc, &alice, funding).await?;

	// 1. Baseline: single signed stablecoin transfers, from Alice to Charlie.
	let charlie = Sr25519Keyring::Charlie.to_account_id();
	let calls = (0..transfers).map(|_| extrinsic::stablecoin_transfer(charlie.clone(), 1)).collect();
	let seconds = submit_all(&rpc, &alice, calls).await?;
	let transfer_rate = transfers as f64 / seconds;
	println!("single signed transfers: {transfers} in {seconds:.1} s = {transfer_rate:.0}/s");

	// 2. `/verify` latency at 200 concurrent clients (keep-alive HTTP/1.1 each).
	let request = Arc::new(payment(&payer(0), u64::MAX).to_string());
	let url = Arc::new(format!("{}/verify", node.facilitator_url()));
	let stop = Arc::new(AtomicBool::new(false));
	let workers: Vec<_> = (0..CLIENTS)
		.map(|_| {
			let (request, url, stop) = (request.clone(), url.clone(), stop.clone());
			std::thread::spawn(move || {
				let agent = ureq::AgentBuilder::new().build();
				let mut latencies = Vec::new();
				while !stop.load(Ordering::Relaxed) {
					let started = Instant::now();
					let response = agent.post(&url).set("Content-Type", "application/json").send_string(&request);
					let valid = response.ok().and_then(|r| r.into_string().ok()).is_some_and(|body| body.contains("\"isValid\":true"));
					assert!(valid, "verify failed under load");
					latencies.push(started.elapsed());
				}
				latencies
			})
		})
		.collect();
	tokio::time::sleep(Duration::from_secs(verify_seconds)).await;
	stop.store(true, Ordering::Relaxed);
	let mut latencies: Vec<Duration> = workers.into_iter().flat_map(|w| w.join().unwrap()).collect();
	latencies.sort();
	println!(
		"/verify at {CLIENTS} clients: {} requests in {verify_seconds} s = {:.0}/s, p50 {:.2} ms, p99 {:.2} ms",
		latencies.len(),
		latencies.len() as f64 / verify_seconds as f64,
		percentile(&latencies, 0.50).as_secs_f64() * 1e3,
		percentile(&latencies, 0.99).as_secs_f64() * 1e3,
	);

	// 3. Settled payments per second through batching: all submitted at once over JSON-RPC.
	let requests: Vec<Value> = (0..payments).map(|n| payment(&payer((n % PAYERS as u64) as u32), n)).collect();
	let bob = Sr25519Keyring::Bob.to_account_id();
	let before = rpc.stablecoin_balance(&bob, None).await?;
	let started = Instant::now();
	for chunk in requests.chunks(64) {
		let submissions = chunk.iter().map(|request| rpc.client().request::<H256, _>("x402_submit", rpc_params![request.clone()]));
		for submitted in futures::future::join_all(submissions).await {
			submitted?;
		}
	}
	let submitted = started.elapsed().as_secs_f64();
	let target = before + PRICE * payments as Balance;
	while rpc.stablecoin_balance(&bob, None).await? < target {
		if started.elapsed() > Duration::from_secs(600) {
			return Err("payments did not settle within 10 minutes".into());
		}
		tokio::time::sleep(Duration::from_millis(100)).await;
	}
	let seconds = started.elapsed().as_secs_f64();
	let settle_rate = payments as f64 / seconds;
	println!("batched x402 settlement: {payments} payments accepted in {submitted:.1} s, all in blocks after {seconds:.1} s = {settle_rate:.0}/s");
	println!("batching / single transfers: {:.1}x", settle_rate / transfer_rate);
	node.stop()?;
	Ok(())
}
