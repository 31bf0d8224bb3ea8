//! Load on the node's built-in facilitator, on loopback, against a fresh dev node:
//!
//! 1. baseline: single signed `assets.transfer_keep_alive` extrinsics per second, from the
//!    first submission until all are in blocks;
//! 2. `/verify` latency (p50, p99): one client alone, 200 concurrent HTTP clients at one
//!    request per 200 ms each, and 200 clients without pause (which measures throughput: their
//!    latency is 200 / the requests answered per second);
//! 3. settled payments per second through the facilitator's batching (`x402_submit`), measured
//!    like the baseline;
//! 4. `batch-settlement` channels: after one deposit per channel, a paid request is a voucher
//!    the facilitator verifies off-chain; vouchers' latency at 200 clients paced as in 2, and
//!    vouchers verified per second at 200 clients without pause, each paying through its own
//!    channel with ever higher vouchers, against 3 (exact payments settled on chain);
//! 5. what a voucher costs on chain in a full claim batch (256 channels) against a signed
//!    transfer (`transfer_with_authorization`): the weight each is charged, and the runtime's
//!    execution time of each (its dry run through `state_call`, less an empty call's).
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

use agentchain_primitives::{
	channels::{ChannelCall, Voucher, VoucherClaim},
	x402::{IntentSignature, PaymentIntent},
	AccountId, Balance,
};
use agentchain_test_harness::{
	channels::{requirements as channel_requirements, Channel},
	exact::{self, unix_now, Authorization},
	extrinsic,
	permit2::request as facilitator_request,
	Node, Rpc,
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
/// JSON-RPC connections that submit payments.
const CONNECTIONS: usize = 4;

fn payer(index: u32) -> ecdsa::Pair {
	ecdsa::Pair::from_seed(&keccak_256(format!("load payer {index}").as_bytes()))
}

/// A signed EIP-3009 payment of `PRICE` from `payer` to Bob, valid for an hour (the server's
/// `maxTimeoutSeconds` says so: a long queue may hold it that long), as a facilitator request.
fn payment(payer: &ecdsa::Pair, nonce: u64) -> Value {
	let bob = Sr25519Keyring::Bob.to_account_id();
	let authorization = Authorization {
		valid_before: unix_now() + 3_600,
		..Authorization::new(PRICE, &nonce.to_le_bytes())
	};
	let mut required = exact::requirements(PRICE, exact::address_of(&bob));
	required["maxTimeoutSeconds"] = 3_600.into();
	authorization.request(payer, &bob, required)
}

/// Submits `calls` signed by `signer` with consecutive nonces, without waiting for them.
async fn submit_all(
	rpc: &Rpc,
	signer: &sr25519::Pair,
	calls: Vec<agentchain_runtime::RuntimeCall>,
) -> Result<(), Error> {
	let genesis = rpc.genesis_hash().await?;
	let first = rpc.account_nonce(&signer.public().into()).await?;
	let extrinsics: Vec<_> = calls
		.into_iter()
		.zip(first..)
		.map(|(call, nonce)| extrinsic::signed(call, signer, nonce, genesis))
		.collect();
	for xt in &extrinsics {
		let _: H256 = rpc
			.client()
			.request("author_submitExtrinsic", rpc_params![Bytes(codec::Encode::encode(xt))])
			.await?;
	}
	Ok(())
}

/// How long a phase may see nothing new arrive before it ends: the pool dropped the rest
/// (a block every 2 s, so this is 15 empty blocks).
const STALL: Duration = Duration::from_secs(30);

/// Follows `account`'s stablecoin balance at the best block from `start`, the balance when
/// `started`, until it holds `target` or has not grown for [`STALL`]: how much arrived, and how
/// long after `started` the last of it did.
async fn follow_balance(
	rpc: &Rpc,
	account: &AccountId,
	start: Balance,
	target: Balance,
	started: Instant,
) -> Result<(Balance, Duration), Error> {
	let (mut seen, mut last_arrival) = (start, started.elapsed());
	loop {
		let balance = rpc.stablecoin_balance(account, None).await?;
		if balance != seen {
			(seen, last_arrival) = (balance, started.elapsed());
		}
		if balance >= target || started.elapsed() - last_arrival > STALL {
			return Ok((balance.saturating_sub(start), last_arrival));
		}
		tokio::time::sleep(Duration::from_millis(50)).await;
	}
}

/// `included` of `submitted` in blocks after `elapsed`: the rate per second, printed with `what`
/// and with what the pool dropped.
fn report_rate(what: &str, included: u64, submitted: u64, elapsed: Duration) -> f64 {
	let rate = included as f64 / elapsed.as_secs_f64();
	let dropped = match submitted - included.min(submitted) {
		0 => String::new(),
		dropped => format!(" ({dropped} of {submitted} never reached a block within {STALL:?} of the last that did)"),
	};
	println!(
		"{what}: {included} in blocks after {:.1} s = {rate:.0}/s{dropped}",
		elapsed.as_secs_f64()
	);
	rate
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
	sorted[((sorted.len() as f64 * p) as usize).min(sorted.len() - 1)]
}

fn millis(duration: Duration) -> f64 {
	duration.as_secs_f64() * 1e3
}

/// `/verify` from `clients` keep-alive HTTP/1.1 clients for `seconds`, each sending its next
/// request as soon as it has an answer or, with `pace`, at most one per `pace`: every latency
/// of a valid answer, sorted, and the other answers. Client `c` sends the requests of
/// `requests[c % requests.len()]` in turn, and its last one again once they are used up.
fn verify_load(
	url: &str,
	requests: &Arc<Vec<Vec<String>>>,
	clients: usize,
	seconds: u64,
	pace: Option<Duration>,
) -> Result<(Vec<Duration>, Vec<String>), Error> {
	let stop = Arc::new(AtomicBool::new(false));
	let workers: Vec<_> = (0..clients)
		.map(|client| {
			let (requests, url, stop) = (requests.clone(), url.to_owned(), stop.clone());
			// Paced clients start spread over one interval, not all at once.
			let mut next =
				pace.map(|pace| Instant::now() + pace.mul_f64(client as f64 / clients as f64));
			std::thread::spawn(move || {
				let agent = ureq::AgentBuilder::new().build();
				let own = &requests[client % requests.len()];
				let (mut latencies, mut failures) = (Vec::new(), Vec::new());
				while !stop.load(Ordering::Relaxed) {
					let request = &own[(latencies.len() + failures.len()).min(own.len() - 1)];
					if let (Some(at), Some(pace)) = (next.as_mut(), pace) {
						std::thread::sleep(at.saturating_duration_since(Instant::now()));
						*at += pace;
					}
					let started = Instant::now();
					let answer = agent
						.post(&url)
						.set("Content-Type", "application/json")
						.send_string(request)
						.map_err(|e| e.to_string())
						.and_then(|r| r.into_string().map_err(|e| e.to_string()));
					match answer {
						Ok(body) if body.contains("\"isValid\":true") => {
							latencies.push(started.elapsed())
						},
						Ok(body) => failures.push(body),
						Err(error) => failures.push(error),
					}
				}
				(latencies, failures)
			})
		})
		.collect();
	std::thread::sleep(Duration::from_secs(seconds));
	stop.store(true, Ordering::Relaxed);
	let (mut latencies, mut failures) = (Vec::new(), Vec::new());
	for worker in workers {
		let (done, failed) = worker.join().map_err(|_| "a load thread panicked")?;
		latencies.extend(done);
		failures.extend(failed);
	}
	if latencies.is_empty() {
		return Err(format!("no /verify request succeeded: {failures:?}").into());
	}
	latencies.sort();
	Ok((latencies, failures))
}

fn report_verify(
	clients: usize,
	seconds: u64,
	pace: Option<Duration>,
	(latencies, failures): &(Vec<Duration>, Vec<String>),
) {
	let pace = pace.map_or("without pause".to_owned(), |pace| {
		format!("one request per {} ms each", pace.as_millis())
	});
	println!(
		"/verify, {clients} client(s), {pace}: {} valid answers in {seconds} s = {:.0}/s, p50 {:.2} ms, p99 {:.2} ms",
		latencies.len(),
		latencies.len() as f64 / seconds as f64,
		millis(percentile(latencies, 0.50)),
		millis(percentile(latencies, 0.99)),
	);
	if let Some(first) = failures.first() {
		println!("  {} other answers, the first: {first}", failures.len());
	}
}

#[tokio::main]
async fn main() -> Result<(), Error> {
	let args: Vec<String> = std::env::args().collect();
	let node_binary = args.get(1).ok_or(
		"usage: facilitator_load <agentchain-node> [transfers] [payments] [verify seconds]",
	)?;
	let transfers: u32 = args.get(2).map(|a| a.parse()).transpose()?.unwrap_or(5_000);
	let payments: u64 = args.get(3).map(|a| a.parse()).transpose()?.unwrap_or(5_000);
	let verify_seconds: u64 = args.get(4).map(|a| a.parse()).transpose()?.unwrap_or(10);

	// The load tool stands in for many clients from one address: no per-address rate limit,
	// and room for its 200 connections.
	let mut options = agentchain_test_harness::NodeOptions::dev(node_binary.as_str());
	options.extra_args =
		["--facilitator-rate-limit-per-ip", "0", "--facilitator-max-connections-per-ip", "256"]
			.map(String::from)
			.to_vec();
	let node = Node::start(options).await?;
	let rpc = node.rpc().await?;
	rpc.wait_for_finalized(1, Duration::from_secs(60)).await?;
	let alice = Sr25519Keyring::Alice.pair();

	// Fund the payers, in one go from Alice.
	let funds = PRICE * (payments as Balance / PAYERS as Balance + 10);
	let payer_accounts: Vec<AccountId> =
		(0..PAYERS).map(|i| exact::account_of(&payer(i))).collect();
	let funding = payer_accounts
		.iter()
		.map(|account| extrinsic::stablecoin_transfer(account.clone(), funds))
		.collect();
	let started = Instant::now();
	submit_all(&rpc, &alice, funding).await?;
	for account in &payer_accounts {
		if follow_balance(&rpc, account, 0, funds, started).await?.0 < funds {
			return Err(format!("the funding of payer {account} did not reach a block").into());
		}
	}

	// 1. Baseline: single signed stablecoin transfers, from Alice to Charlie.
	let charlie = Sr25519Keyring::Charlie.to_account_id();
	let start = rpc.stablecoin_balance(&charlie, None).await?;
	let calls = (0..transfers)
		.map(|_| extrinsic::stablecoin_transfer(charlie.clone(), 1))
		.collect();
	let started = Instant::now();
	submit_all(&rpc, &alice, calls).await?;
	let (arrived, elapsed) =
		follow_balance(&rpc, &charlie, start, start + transfers as Balance, started).await?;
	let transfer_rate =
		report_rate("single signed transfers", arrived as u64, transfers.into(), elapsed);

	// 2. `/verify` latency: one client alone; 200 clients each sending one request every
	// 200 ms (1,000 requests per second in all); 200 clients sending without pause.
	let request = Arc::new(vec![vec![payment(&payer(0), u64::MAX).to_string()]]);
	let url = format!("{}/verify", node.facilitator_url());
	for (clients, seconds, pace) in
		[(1, 3, None), (CLIENTS, verify_seconds, Some(PACE)), (CLIENTS, verify_seconds, None)]
	{
		let (url, request) = (url.clone(), request.clone());
		let outcome = tokio::task::spawn_blocking(move || {
			verify_load(&url, &request, clients, seconds, pace)
		})
		.await??;
		report_verify(clients, seconds, pace, &outcome);
	}

	// 3. Settled payments per second through batching: all submitted over JSON-RPC from
	// `CONNECTIONS` connections, 64 in flight on each, counted until the last is in a block.
	let requests: Vec<Value> =
		(0..payments).map(|n| payment(&payer((n % PAYERS as u64) as u32), n)).collect();
	let bob = Sr25519Keyring::Bob.to_account_id();
	let start = rpc.stablecoin_balance(&bob, None).await?;
	let mut connections = Vec::new();
	for _ in 0..CONNECTIONS {
		connections.push(node.rpc().await?);
	}
	let share = requests.len().div_ceil(CONNECTIONS);
	eprintln!("submitting {payments} payments");
	let started = Instant::now();
	let submitters = connections.iter().zip(requests.chunks(share.max(1))).map(
		|(connection, share)| async move {
			for chunk in share.chunks(64) {
				let submissions = chunk.iter().map(|request| {
					connection.client().request::<H256, _>("x402_submit", rpc_params![request])
				});
				for submitted in futures::future::join_all(submissions).await {
					submitted?;
				}
			}
			Ok::<_, Error>(())
		},
	);
	for submitted in futures::future::join_all(submitters).await {
		submitted?;
	}
	println!(
		"batched x402 settlement: {payments} payments accepted in {:.1} s",
		started.elapsed().as_secs_f64()
	);
	let target = start + PRICE * payments as Balance;
	let (arrived, elapsed) = follow_balance(&rpc, &bob, start, target, started).await?;
	let settle_rate =
		report_rate("batched x402 settlement", (arrived / PRICE) as u64, payments, elapsed);
	println!("batching / single transfers: {:.2}x", settle_rate / transfer_rate);

	// 4. Channels: `CLAIMED` channels of one payer, each funded by a deposit through the
	// facilitator, then vouchers of the first verified at 200 clients.
	let channel_payer = payer(PAYERS);
	let deposit: Balance = 10_000;
	submit_all(
		&rpc,
		&alice,
		vec![extrinsic::stablecoin_transfer(
			exact::account_of(&channel_payer),
			deposit * (CLAIMED as Balance + 1),
		)],
	)
	.await?;
	rpc.wait_for_finalized(rpc.best_number().await? + 2, Duration::from_secs(60))
		.await?;
	let channels: Vec<Channel> = (0..CLAIMED)
		.map(|i| {
			let mut channel = Channel::new(&channel_payer, exact::address_of(&bob));
			channel.config.salt = [i as u8; 32];
			channel
		})
		.collect();
	let required = channel_requirements(PRICE, exact::address_of(&bob));
	let settle_url = format!("{}/settle", node.facilitator_url());
	let deposits: Vec<String> = channels
		.iter()
		.map(|channel| {
			facilitator_request(channel.deposit_payload(deposit, 1, PRICE), &required, None)
				.to_string()
		})
		.collect();
	let started = Instant::now();
	let answers = std::thread::scope(|scope| {
		let workers: Vec<_> = deposits
			.iter()
			.map(|body| scope.spawn(|| agentchain_test_harness::http::post(&settle_url, body)))
			.collect();
		workers
			.into_iter()
			.map(|w| w.join().map_err(|_| "a deposit thread panicked"))
			.collect::<Vec<_>>()
	});
	for answer in answers {
		let (_, body) = answer??;
		if !body.contains("\"success\":true") {
			return Err(format!("a deposit failed: {body}").into());
		}
	}
	println!("channels: {CLAIMED} deposits settled in {:.1} s", started.elapsed().as_secs_f64());
	// Each client pays through its own channel, each request with the next cumulative voucher
	// (one unit more than the last), signed before the clock starts: signing is the payer's
	// work, on the payer's machine.
	let required = &required;
	let signed = std::thread::scope(|scope| {
		let signers: Vec<_> = channels[..CLIENTS]
			.chunks(CLIENTS.div_ceil(2))
			.map(|share| {
				scope.spawn(move || {
					share
						.iter()
						.map(|channel| {
							(0..VOUCHERS_PER_CLIENT)
								.map(|k| {
									let voucher = channel.voucher(PRICE + k as Balance);
									facilitator_request(
										channel.voucher_payload(voucher),
										required,
										None,
									)
									.to_string()
								})
								.collect::<Vec<_>>()
						})
						.collect::<Vec<_>>()
				})
			})
			.collect();
		signers
			.into_iter()
			.map(|s| s.join().map_err(|_| "a voucher signing thread panicked"))
			.collect::<Result<Vec<_>, _>>()
	})?;
	let vouchers = Arc::new(signed.into_iter().flatten().collect::<Vec<_>>());
	// Paced first, for the latency of 200 clients below saturation; then without pause, for
	// the rate. A voucher may repeat an accepted one (the check is against the claimed total).
	let mut voucher_rate = 0.0;
	for pace in [Some(PACE), None] {
		let (url, vouchers) = (url.clone(), vouchers.clone());
		let outcome = tokio::task::spawn_blocking(move || {
			verify_load(&url, &vouchers, CLIENTS, verify_seconds, pace)
		})
		.await??;
		print!("channel vouchers: ");
		report_verify(CLIENTS, verify_seconds, pace, &outcome);
		voucher_rate = outcome.0.len() as f64 / verify_seconds as f64;
	}
	println!(
		"channel paid requests / exact payments settled on chain: {:.1}x",
		voucher_rate / settle_rate
	);

	// 5. A voucher in a full claim batch against a signed transfer.
	let claims = channels
		.iter()
		.map(|channel| VoucherClaim {
			config: channel.config.clone(),
			voucher: Voucher { max_claimable: PRICE, signature: voucher_signature(channel, PRICE) },
			total_claimed: PRICE,
		})
		.collect();
	let facilitator = AccountId::new(agentchain_primitives::x402::DEV_FACILITATOR_ACCOUNT);
	let claim_call = codec::Encode::encode(&(ChannelCall::Claim { claims }, facilitator));
	let transfer = payment_intent(&payer(1), u64::MAX - 1);
	let transfer_call = codec::Encode::encode(&vec![transfer]);
	let empty = runtime_call_time(&rpc, "X402Api_max_batch", &[]).await?;
	let claim_time = runtime_call_time(&rpc, "ChannelsApi_dry_run", &claim_call).await? - empty;
	let transfer_time =
		runtime_call_time(&rpc, "X402Api_simulate_batch", &transfer_call).await? - empty;
	let per_voucher = claim_time / CLAIMED as u32;
	println!(
		"claim execution: {CLAIMED} vouchers in {:.2} ms = {:.1} us per voucher; one signed transfer {:.1} us: {:.2}x",
		millis(claim_time), per_voucher.as_secs_f64() * 1e6, transfer_time.as_secs_f64() * 1e6,
		per_voucher.as_secs_f64() / transfer_time.as_secs_f64(),
	);
	type X402 = pallet_x402::Pallet<agentchain_runtime::Runtime>;
	type Weights = <agentchain_runtime::Runtime as pallet_x402::Config>::WeightInfo;
	let claim_weight =
		<Weights as pallet_x402::WeightInfo>::claim(CLAIMED as u32).ref_time() / CLAIMED as u64;
	let transfer_weight = <Weights as pallet_x402::WeightInfo>::transfer_with_authorization()
		.saturating_add(X402::single_settlement_extra())
		.ref_time();
	println!(
		"claim weight charged: {claim_weight} ref_time per voucher; a signed transfer {transfer_weight}: {:.2}x",
		claim_weight as f64 / transfer_weight as f64
	);
	node.stop()?;
	Ok(())
}

/// The paced clients' interval between requests (200 clients: 1,000 requests per second).
const PACE: Duration = Duration::from_millis(200);

/// Channels in the full claim batch of phase 5 (the runtime's batch limit).
const CLAIMED: usize = 256;

/// Distinct vouchers each client of phase 4 has signed for its channel (more than it sends in
/// the measured seconds at the rates seen; the cumulative `PRICE + k` stays within a deposit).
const VOUCHERS_PER_CLIENT: usize = 400;

/// The payer's signature of a voucher for `max` of `channel`.
fn voucher_signature(channel: &Channel, max: Balance) -> [u8; 65] {
	let digest = agentchain_primitives::channels::voucher_digest(
		agentchain_primitives::DEV_EVM_CHAIN_ID,
		channel.id(),
		max,
	);
	agentchain_test_harness::evm::sign_digest(&channel.payer, &digest)
}

/// A signed EIP-3009 intent of `PRICE` from `payer` to Bob, as the runtime takes it.
fn payment_intent(
	payer: &ecdsa::Pair,
	nonce: u64,
) -> (PaymentIntent<AccountId, agentchain_primitives::AssetId, Balance>, IntentSignature) {
	let bob = Sr25519Keyring::Bob.to_account_id();
	let authorization = Authorization::new(PRICE, &nonce.to_le_bytes());
	let intent = authorization.intent(payer, &bob);
	let signature = authorization.signature(payer, &bob, agentchain_primitives::DEV_EVM_CHAIN_ID);
	(intent, IntentSignature::Evm(signature))
}

/// The fastest of 20 runs of the runtime API `method` with SCALE-encoded `args` through
/// `state_call`, RPC included.
async fn runtime_call_time(rpc: &Rpc, method: &str, args: &[u8]) -> Result<Duration, Error> {
	let mut fastest = Duration::MAX;
	for _ in 0..20 {
		let started = Instant::now();
		let _: Bytes = rpc
			.client()
			.request("state_call", rpc_params![method, Bytes(args.to_vec())])
			.await?;
		fastest = fastest.min(started.elapsed());
	}
	Ok(fastest)
}
