//! `batch-settlement` channels through the node's built-in facilitator on a dev node: a stock
//! client and server pay a thousand requests with one deposit and vouchers, claim and sweep
//! them on chain, and a client that lost its state recovers the channel from the chain and gets
//! the rest back; every bad channel input is refused with the stock reason code and moves
//! nothing; no refund takes what a voucher the facilitator accepted covers.

use std::path::PathBuf;

use agentchain_primitives::{channels::custody_account, stablecoin, AccountId, Balance};
use agentchain_test_harness::{
	channels::{claim_payload, requirements, settle_payload, Channel},
	exact, http,
	payments::{self, post},
	permit2::request,
	Node, NodeOptions, Rpc,
};
use polkadot_sdk::{
	sp_core::{ecdsa, H160},
	sp_crypto_hashing::keccak_256,
	sp_keyring::Sr25519Keyring,
};
use serde_json::Value;

const NODE: &str = env!("CARGO_BIN_EXE_agentchain-node");
/// What one request costs.
const PRICE: Balance = 100;
/// The server's token for refunds at the facilitator.
const REFUND_TOKEN: &str = "channel-refund-token-for-tests";

fn bob_address() -> H160 {
	exact::address_of(&Sr25519Keyring::Bob.to_account_id())
}

fn custody() -> AccountId {
	AccountId::new(custody_account())
}

/// A dev node whose facilitator takes refunds for Bob's channels with [`REFUND_TOKEN`], and
/// an EVM payer (its secret, and its key) holding `funds`.
async fn node_with_payer(seed: &str, funds: Balance) -> (Node, Rpc, [u8; 32], ecdsa::Pair) {
	let mut options = NodeOptions::dev(NODE);
	options.extra_args =
		vec!["--facilitator-refund-token".into(), format!("{:?}={REFUND_TOKEN}", bob_address())];
	let (node, rpc, payer) = payments::node_with_payer(options, seed.as_bytes(), funds).await;
	(node, rpc, keccak_256(seed.as_bytes()), payer)
}

fn interop_dir() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/x402-interop")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stock_channel_pays_a_thousand_requests_and_the_payer_gets_the_rest_back() {
	const REQUESTS: Balance = 1_000;
	const DEPOSIT: Balance = 150_000;
	let (node, rpc, secret, payer) = node_with_payer("stock channel payer", 1_000_000).await;
	let payer_account = exact::account_of(&payer);
	let bob = Sr25519Keyring::Bob.to_account_id();
	let (payer_before, bob_before) =
		(payments::balance(&rpc, &payer_account).await, payments::balance(&rpc, &bob).await);

	let (status, supported) =
		http::get_json(&format!("{}/supported", node.facilitator_url())).unwrap();
	assert_eq!(status, 200);
	let kind = supported["kinds"]
		.as_array()
		.unwrap()
		.iter()
		.find(|k| k["scheme"] == "batch-settlement");
	assert!(kind.expect("a batch-settlement kind")["extra"]["receiverAuthorizer"].is_string());

	let rpc_url = node.http_url();
	let (requests, deposit) = (REQUESTS.to_string(), DEPOSIT.to_string());
	let env = [
		("RPC_URL", rpc_url.as_str()),
		("REQUESTS", requests.as_str()),
		("DEPOSIT", deposit.as_str()),
		("REFUND_TOKEN", REFUND_TOKEN),
	];
	let run = payments::run_stock_script_with(
		&interop_dir(),
		"channel.mjs",
		&node,
		bob_address(),
		PRICE,
		&secret,
		&env,
	);
	assert_eq!(run["failures"], Value::Array(vec![]), "{run}");
	assert_eq!(run["paid"], REQUESTS as u64, "{run}");
	// The first request deposited, on chain.
	assert_eq!(run["firstResponse"]["success"], true, "{run}");
	assert!(run["firstResponse"]["transaction"].as_str().is_some_and(|tx| tx.len() == 66), "{run}");
	let spent = REQUESTS * PRICE;
	assert_eq!(run["afterClaims"]["totalClaimed"], spent.to_string(), "{run}");
	assert_eq!(run["afterClaims"]["balance"], DEPOSIT.to_string(), "{run}");
	assert_eq!(run["refund"]["success"], true, "{run}");
	assert_eq!(run["refund"]["amount"], (DEPOSIT - spent).to_string(), "{run}");
	assert_eq!(run["afterRefund"]["balance"], spent.to_string(), "{run}");
	eprintln!("channel requests per second: {}", run["requestsPerSecond"]);

	// The payee ends with exactly the vouchers' total, the payer with the rest, and custody
	// with only its own minimum.
	assert_eq!(payments::balance(&rpc, &bob).await, bob_before + spent);
	assert_eq!(payments::balance(&rpc, &payer_account).await, payer_before - spent);
	assert_eq!(payments::balance(&rpc, &custody()).await, stablecoin::MIN_BALANCE);
	node.stop().unwrap();
}

/// `body` at `path`, refused: its reason code.
fn refusal(node: &Node, path: &str, body: &Value) -> Value {
	let (_, answer) = post(node, path, &body.to_string());
	assert_ne!(answer["isValid"], true, "{answer}");
	assert_ne!(answer["success"], true, "{answer}");
	let field = if path == "/verify" { "invalidReason" } else { "errorReason" };
	answer[field].clone()
}

/// `body` at `path`, which must succeed: the answer.
fn accepted(node: &Node, path: &str, body: &Value) -> Value {
	let (status, answer) = post(node, path, &body.to_string());
	assert_eq!(status, 200, "{answer}");
	let ok = if path == "/verify" { &answer["isValid"] } else { &answer["success"] };
	assert_eq!(ok, true, "{answer}");
	answer
}

fn refund_with(node: &Node, body: &Value, token: &str) -> Value {
	let url = format!("{}/settle", node.facilitator_url());
	let (_, text) = http::post_with_bearer(&url, &body.to_string(), token).unwrap();
	serde_json::from_str(&text).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_channel_inputs_are_refused_with_the_stock_reason_codes_and_move_nothing() {
	let (node, rpc, _, payer) = node_with_payer("bad channel payer", 100_000).await;
	let payer_account = exact::account_of(&payer);
	let channel = Channel::new(&payer, bob_address());
	let required = requirements(PRICE, bob_address());
	let call = |payload: Value| request(payload, &required, None);

	// Before any deposit: a voucher of a channel never funded.
	let voucher = channel.voucher_payload(channel.voucher(PRICE));
	assert_eq!(
		refusal(&node, "/verify", &call(voucher)),
		"invalid_batch_settlement_evm_channel_not_found"
	);

	// A deposit whose authorization is for another amount than it says, then the real one.
	let mut forged = channel.deposit_payload(10_000, 1, PRICE);
	forged["deposit"]["amount"] = "20000".into();
	assert_eq!(
		refusal(&node, "/settle", &call(forged)),
		"invalid_batch_settlement_evm_receive_authorization_signature"
	);
	let deposit = call(channel.deposit_payload(10_000, 1, PRICE));
	let deposited = accepted(&node, "/settle", &deposit);
	assert_eq!(deposited["extra"]["channelState"]["balance"], "10000", "{deposited}");
	// The same deposit again: its authorization's nonce is used.
	assert_eq!(
		refusal(&node, "/settle", &deposit),
		"invalid_batch_settlement_evm_deposit_simulation_failed"
	);
	let after_deposit = payments::balance(&rpc, &payer_account).await;

	let mut cases: Vec<(&str, &str, Value)> = Vec::new();
	// Signed by another key than the payer authorizer.
	let stranger = payments::evm_payer(b"stranger");
	cases.push((
		"/verify",
		"invalid_batch_settlement_evm_voucher_signature",
		call(channel.voucher_payload(channel.voucher_by(&stranger, PRICE))),
	));
	// The signed amount changed after signing.
	let mut raised = channel.voucher(PRICE);
	raised["maxClaimableAmount"] = (2 * PRICE).to_string().into();
	cases.push((
		"/verify",
		"invalid_batch_settlement_evm_voucher_signature",
		call(channel.voucher_payload(raised)),
	));
	// Above the deposit.
	cases.push((
		"/verify",
		"invalid_batch_settlement_evm_cumulative_exceeds_balance",
		call(channel.voucher_payload(channel.voucher(10_001))),
	));
	// Another receiver authorizer than this facilitator, another id than the config's.
	let mut foreign = Channel::new(&payer, bob_address());
	foreign.config.receiver_authorizer = H160::repeat_byte(7);
	cases.push((
		"/verify",
		"invalid_batch_settlement_evm_receiver_authorizer_mismatch",
		call(foreign.voucher_payload(foreign.voucher(PRICE))),
	));
	let mut misnamed = channel.voucher_payload(channel.voucher(PRICE));
	misnamed["voucher"]["channelId"] = format!("0x{}", "ab".repeat(32)).into();
	cases.push(("/verify", "invalid_batch_settlement_evm_channel_id_mismatch", call(misnamed)));
	// A claim above its voucher; a claim of a channel this facilitator does not authorize.
	cases.push((
		"/settle",
		"invalid_batch_settlement_evm_charge_exceeds_signed_cumulative",
		call(claim_payload(vec![channel.claim(PRICE, PRICE + 1)])),
	));
	cases.push((
		"/settle",
		"invalid_batch_settlement_evm_authorizer_address_mismatch",
		call(claim_payload(vec![foreign.claim(PRICE, PRICE)])),
	));
	// Nothing claimed yet: nothing to sweep.
	cases.push((
		"/settle",
		"invalid_batch_settlement_evm_nothing_to_settle",
		call(settle_payload(bob_address())),
	));
	// A refund without the receiver's token.
	cases.push((
		"/settle",
		"invalid_batch_settlement_evm_authorizer_address_mismatch",
		call(channel.refund_payload(0, 10_000, 0, vec![])),
	));
	// A voucher payload is the server's to settle, not the chain's.
	cases.push((
		"/settle",
		"invalid_batch_settlement_evm_payload_type",
		call(channel.voucher_payload(channel.voucher(PRICE))),
	));
	for (path, expected, body) in &cases {
		assert_eq!(refusal(&node, path, body), *expected, "{path} {body}");
	}
	assert_eq!(
		refund_with(
			&node,
			&call(channel.refund_payload(0, 10_000, 0, vec![])),
			"wrong-token-wrong-token"
		)["errorReason"],
		"invalid_batch_settlement_evm_authorizer_address_mismatch"
	);

	// Claim 300, then vouchers that go backwards are refused, and so is the same claim again.
	let claimed = accepted(&node, "/settle", &call(claim_payload(vec![channel.claim(300, 300)])));
	assert_eq!(claimed["amount"], "300", "{claimed}");
	assert_eq!(
		refusal(&node, "/verify", &call(channel.voucher_payload(channel.voucher(300)))),
		"invalid_batch_settlement_evm_cumulative_below_claimed"
	);
	assert_eq!(
		refusal(&node, "/settle", &call(claim_payload(vec![channel.claim(300, 300)]))),
		"invalid_batch_settlement_evm_cumulative_below_claimed"
	);
	let swept = accepted(&node, "/settle", &call(settle_payload(bob_address())));
	assert_eq!(swept["amount"], "300", "{swept}");
	assert_eq!(
		refusal(&node, "/settle", &call(settle_payload(bob_address()))),
		"invalid_batch_settlement_evm_nothing_to_settle"
	);
	// A refund naming a stale refund nonce.
	let stale =
		refund_with(&node, &call(channel.refund_payload(300, 10_000, 5, vec![])), REFUND_TOKEN);
	assert_eq!(stale["errorReason"], "invalid_batch_settlement_evm_refund_payload", "{stale}");
	// Nothing moved but the deposit and the 300 claimed.
	assert_eq!(payments::balance(&rpc, &payer_account).await, after_deposit);
	assert_eq!(payments::balance(&rpc, &custody()).await, stablecoin::MIN_BALANCE + 10_000 - 300);
	node.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refund_never_takes_what_an_accepted_voucher_covers() {
	let (node, rpc, _, payer) = node_with_payer("refunding channel payer", 100_000).await;
	let payer_account = exact::account_of(&payer);
	let channel = Channel::new(&payer, bob_address());
	let required = requirements(PRICE, bob_address());
	let call = |payload: Value| request(payload, &required, None);
	accepted(&node, "/settle", &call(channel.deposit_payload(10_000, 1, PRICE)));
	// The facilitator accepts a voucher for 4,000; the payer then asks for everything back
	// before the receiver claimed it.
	let verified =
		accepted(&node, "/verify", &call(channel.voucher_payload(channel.voucher(4_000))));
	assert_eq!(verified["extra"]["balance"], "10000", "{verified}");
	let before = payments::balance(&rpc, &payer_account).await;
	let refund =
		refund_with(&node, &call(channel.refund_payload(0, 10_000, 0, vec![])), REFUND_TOKEN);
	assert_eq!(refund["success"], true, "{refund}");
	assert_eq!(refund["amount"], "6000", "{refund}");
	assert_eq!(payments::balance(&rpc, &payer_account).await, before + 6_000);
	// The voucher is still claimable in full.
	let claimed =
		accepted(&node, "/settle", &call(claim_payload(vec![channel.claim(4_000, 4_000)])));
	assert_eq!(claimed["amount"], "4000", "{claimed}");
	// And nothing is left to refund.
	let empty =
		refund_with(&node, &call(channel.refund_payload(4_000, 1, 1, vec![])), REFUND_TOKEN);
	assert_eq!(empty["errorReason"], "invalid_batch_settlement_evm_refund_no_balance", "{empty}");
	node.stop().unwrap();
}

/// `channels(id)` read through the node's `eth_call`: (balance, claimed total).
async fn channel_state(rpc: &Rpc, channel: &Channel) -> (Balance, Balance) {
	use jsonrpsee::{core::client::ClientT, rpc_params};
	let mut data = agentchain_primitives::evm_views::CHANNELS.to_vec();
	data.extend_from_slice(channel.id().as_bytes());
	let call = serde_json::json!({
		"to": format!("{:?}", agentchain_primitives::channels::BATCH_SETTLEMENT_ADDRESS),
		"data": format!("0x{}", hex::encode(data)),
	});
	let answer: String =
		rpc.client().request("eth_call", rpc_params![call, "latest"]).await.unwrap();
	let bytes = hex::decode(answer.trim_start_matches("0x")).unwrap();
	let word =
		|i: usize| Balance::from_be_bytes(bytes[i * 32 + 16..(i + 1) * 32].try_into().unwrap());
	(word(0), word(1))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_payer_withdrawing_cannot_take_what_an_accepted_voucher_covers() {
	use agentchain_runtime::RuntimeCall;
	let (node, rpc, _, payer) = node_with_payer("withdrawing channel payer", 100_000).await;
	let payer_account = exact::account_of(&payer);
	let channel = Channel::new(&payer, bob_address());
	let required = requirements(PRICE, bob_address());
	let call = |payload: Value| request(payload, &required, None);
	accepted(&node, "/settle", &call(channel.deposit_payload(10_000, 1, PRICE)));
	accepted(&node, "/verify", &call(channel.voucher_payload(channel.voucher(4_000))));

	// The payer asks to withdraw (its signed request, submitted by Alice): the facilitator
	// claims the voucher it accepted before the delay is over.
	let digest = agentchain_primitives::channels::withdraw_request_digest(
		agentchain_primitives::DEV_EVM_CHAIN_ID,
		channel.id(),
		0,
	);
	let signature = agentchain_test_harness::evm::sign_digest(&payer, &digest);
	let config = channel.config.clone();
	payments::from_alice(
		&rpc,
		RuntimeCall::X402(pallet_x402::Call::initiate_withdraw { config, signature }),
	)
	.await;
	let deadline = tokio::time::Instant::now() + payments::TIMEOUT;
	while channel_state(&rpc, &channel).await.1 < 4_000 {
		assert!(tokio::time::Instant::now() < deadline, "the accepted voucher was not claimed");
		tokio::time::sleep(std::time::Duration::from_millis(500)).await;
	}
	// No new voucher is accepted while the payer is on its way out.
	assert_eq!(
		refusal(&node, "/verify", &call(channel.voucher_payload(channel.voucher(4_100)))),
		"invalid_batch_settlement_evm_channel_busy"
	);
	// Finalizing before the delay moves nothing.
	let before = payments::balance(&rpc, &payer_account).await;
	let config = channel.config.clone();
	payments::from_alice(&rpc, RuntimeCall::X402(pallet_x402::Call::finalize_withdraw { config }))
		.await;
	assert_eq!(payments::balance(&rpc, &payer_account).await, before);
	assert_eq!(channel_state(&rpc, &channel).await, (10_000, 4_000));
	node.stop().unwrap();
}

/// Deposits into many channels settled at once (their extrinsics signed by the one facilitator
/// key, with consecutive nonces) all succeed, and each is on chain as answered: none is dropped
/// for arriving at the pool ahead of a lower nonce.
#[tokio::test(flavor = "multi_thread")]
async fn concurrent_deposits_into_many_channels_all_settle() {
	const CHANNELS: u8 = 64;
	const DEPOSIT: Balance = 1_000;
	let (node, rpc, _, payer) =
		node_with_payer("concurrent depositor", DEPOSIT * CHANNELS as Balance).await;
	let channels: Vec<Channel> = (0..CHANNELS)
		.map(|i| {
			let mut channel = Channel::new(&payer, bob_address());
			channel.config.salt = [i; 32];
			channel
		})
		.collect();
	let required = requirements(PRICE, bob_address());
	let url = format!("{}/settle", node.facilitator_url());
	let bodies: Vec<String> = channels
		.iter()
		.map(|channel| request(channel.deposit_payload(DEPOSIT, 1, PRICE), &required, None))
		.map(|body| body.to_string())
		.collect();
	let answers: Vec<String> = std::thread::scope(|scope| {
		let workers: Vec<_> =
			bodies.iter().map(|body| scope.spawn(|| http::post(&url, body))).collect();
		workers.into_iter().map(|w| w.join().unwrap().unwrap().1).collect()
	});
	let failed: Vec<&String> = answers.iter().filter(|a| !a.contains("\"success\":true")).collect();
	assert!(
		failed.is_empty(),
		"{} of {CHANNELS} deposits failed, first: {}",
		failed.len(),
		failed[0]
	);
	for channel in &channels {
		assert_eq!(channel_state(&rpc, channel).await, (DEPOSIT, 0));
	}
	node.stop().unwrap();
}
