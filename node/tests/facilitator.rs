//! The node's built-in x402 facilitator over real HTTP and JSON-RPC on a dev node: stock x402
//! packages pay through it, bad input gets the protocol's reason codes and leaves the node
//! healthy, a payment settles once and answers success once, statuses and subscriptions follow
//! a payment to finality.

use std::{
	path::PathBuf,
	time::{Duration, Instant},
};

use agentchain_primitives::{stablecoin, Balance};
use agentchain_test_harness::{
	exact::{self, network, requirements, unix_now, Authorization},
	http,
	payments::{self, post, wait_for_status, TIMEOUT},
	Node, NodeOptions, Rpc,
};
use jsonrpsee::{
	core::client::{ClientT, Subscription, SubscriptionClientT},
	rpc_params,
};
use polkadot_sdk::{
	sp_core::{crypto::Ss58Codec, ecdsa, Pair, H160, H256},
	sp_crypto_hashing::keccak_256,
	sp_keyring::Sr25519Keyring,
};
use serde_json::{json, Value};
use tokio::{
	io::{AsyncReadExt, AsyncWriteExt},
	net::TcpStream,
};

const NODE: &str = env!("CARGO_BIN_EXE_agentchain-node");
const PRICE: Balance = 10_000;

/// Bob's 20-byte address (registered at genesis, so payments to it reach Bob).
fn bob_address() -> H160 {
	exact::address_of(&Sr25519Keyring::Bob.to_account_id())
}

/// `count` payments of the price from `payer` to Bob, nonces from 0, as facilitator requests.
fn payments_to_bob(payer: &ecdsa::Pair, count: u32) -> Vec<Value> {
	let bob = Sr25519Keyring::Bob.to_account_id();
	(0..count)
		.map(|n| {
			Authorization::new(PRICE, &n.to_le_bytes()).request(
				payer,
				&bob,
				requirements(PRICE, bob_address()),
			)
		})
		.collect()
}

/// A dev node, and an EVM payer (its key from `seed`) with a hundred times the price.
async fn node_with_payer(seed: &[u8]) -> (Node, Rpc, ecdsa::Pair) {
	payments::node_with_payer(NodeOptions::dev(NODE), seed, 100 * PRICE).await
}

async fn bob_balance(rpc: &Rpc) -> Balance {
	rpc.stablecoin_balance(&Sr25519Keyring::Bob.to_account_id(), None)
		.await
		.unwrap()
}

fn interop_dir() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/x402-interop")
}

#[tokio::test(flavor = "multi_thread")]
async fn stock_x402_server_and_client_pay_through_the_node() {
	let node = Node::dev(NODE).await.expect("dev node starts");
	let rpc = node.rpc().await.unwrap();
	rpc.wait_for_finalized(1, TIMEOUT).await.unwrap();

	// The client's key: a fixed test key whose account gets some stablecoin.
	let secret = keccak_256(b"agentchain x402 interop client");
	let payer = ecdsa::Pair::from_seed(&secret);
	payments::fund(&rpc, &payer, 100 * PRICE).await;
	let before = bob_balance(&rpc).await;

	let result = payments::run_stock_script(
		&interop_dir(),
		"interop.mjs",
		&node,
		bob_address(),
		PRICE,
		&secret,
	);

	assert_eq!(result["unpaidStatus"], 402, "{result}");
	assert_eq!(result["status"], 200, "{result}");
	assert!(result["body"].as_str().unwrap().contains("the weather is fine"), "{result}");
	let settlement = &result["paymentResponse"];
	assert_eq!(settlement["success"], true, "{result}");
	assert_eq!(settlement["network"], network(), "{result}");
	let tx: H256 =
		serde_json::from_value(settlement["transaction"].clone()).expect("a transaction hash");
	assert!(rpc.find_extrinsic(tx, 20).await.unwrap().is_some(), "{tx:?} is not on chain");
	assert_eq!(bob_balance(&rpc).await, before + PRICE);
	// The same payment header again, a forged one and a malformed one are refused, and Bob is
	// paid once.
	for refused in ["replay", "forged", "garbage"] {
		assert_eq!(result[refused]["status"], 402, "{refused}: {result}");
	}
	assert_eq!(result["replay"]["error"], "invalid_exact_evm_nonce_already_used", "{result}");
	assert_eq!(result["forged"]["error"], "invalid_exact_evm_payload_signature", "{result}");
	assert_eq!(bob_balance(&rpc).await, before + PRICE);
	node.stop().unwrap();
}

/// Runs `node/tests/x402-interop/native.mjs`: a stock server and client with our native scheme
/// package (`node/x402-native`) registered, the client paying from the dev key `payer_suri`.
/// `x402 pay` of the node binary pays the same route with the key in `cli_suri_file`.
fn run_native_script(
	node: &Node,
	network: &str,
	pay_to: &str,
	price: &str,
	payer_suri: &str,
	cli_suri_file: &std::path::Path,
	cli_max_amount: Balance,
) -> Value {
	let output = std::process::Command::new("node")
		.arg("native.mjs")
		.current_dir(interop_dir())
		.env("FACILITATOR_URL", node.facilitator_url())
		.env("NETWORK", network)
		.env("PAY_TO", pay_to)
		.env("PRICE", price)
		.env("PAYER_SURI", payer_suri)
		.env("NODE_BINARY", NODE)
		.env("CLI_SURI_FILE", cli_suri_file)
		.env("CLI_MAX_AMOUNT", cli_max_amount.to_string())
		.output()
		.expect("node.js runs");
	let stdout = String::from_utf8_lossy(&output.stdout);
	assert!(output.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&output.stderr));
	serde_json::from_str(stdout.lines().last().unwrap_or_default()).expect(&stdout)
}

#[tokio::test(flavor = "multi_thread")]
async fn stock_x402_packages_pay_from_a_native_key_with_our_scheme_package() {
	let node = Node::dev(NODE).await.expect("dev node starts");
	let rpc = node.rpc().await.unwrap();
	rpc.wait_for_finalized(1, TIMEOUT).await.unwrap();
	let genesis = rpc.genesis_hash().await.unwrap();
	let native = format!("polkadot:{}", hex::encode(&genesis[..16]));
	let (bob, charlie, dave) = (
		Sr25519Keyring::Bob.to_account_id(),
		Sr25519Keyring::Charlie.to_account_id(),
		Sr25519Keyring::Dave.to_account_id(),
	);
	let balances = || async {
		(
			rpc.stablecoin_balance(&bob, None).await.unwrap(),
			rpc.stablecoin_balance(&charlie, None).await.unwrap(),
			rpc.stablecoin_balance(&dave, None).await.unwrap(),
		)
	};
	let (bob_before, charlie_before, dave_before) = balances().await;
	// The CLI's key, in a file as an operator would keep it.
	let secrets = tempfile::tempdir().unwrap();
	let dave_suri = secrets.path().join("dave.suri");
	std::fs::write(&dave_suri, "//Dave\n").unwrap();

	let result = run_native_script(
		&node,
		&native,
		&bob.to_ss58check(),
		"$0.01",
		"//Charlie",
		&dave_suri,
		10_000,
	);

	// The server learnt the genesis hash from `/supported` and passed it on to the client.
	assert_eq!(result["unpaidStatus"], 402, "{result}");
	assert_eq!(result["requirements"]["extra"]["genesisHash"], format!("{genesis:?}"), "{result}");
	assert_eq!(result["requirements"]["amount"], "10000", "{result}");
	assert_eq!(result["status"], 200, "{result}");
	assert!(result["body"].as_str().unwrap().contains("the weather is fine"), "{result}");
	let settlement = &result["paymentResponse"];
	assert_eq!(settlement["success"], true, "{result}");
	assert_eq!(settlement["network"], native.as_str(), "{result}");
	assert_eq!(settlement["payer"], charlie.to_ss58check(), "{result}");
	let tx: H256 =
		serde_json::from_value(settlement["transaction"].clone()).expect("a transaction hash");
	assert!(rpc.find_extrinsic(tx, 20).await.unwrap().is_some(), "{tx:?} is not on chain");
	// A replay, a forged intent and an expired one are refused.
	for refused in ["replay", "forged", "expired"] {
		assert_eq!(result[refused]["status"], 402, "{refused}: {result}");
	}
	assert_eq!(result["replay"]["error"], "invalid_exact_evm_nonce_already_used", "{result}");
	assert_eq!(result["forged"]["error"], "invalid_exact_evm_payload_signature", "{result}");
	assert_eq!(
		result["expired"]["error"], "invalid_exact_evm_payload_authorization_valid_before",
		"{result}"
	);
	// The CLI paid the same route from Dave's key file, and would not pay more than its cap.
	let cli = &result["cliPaid"];
	assert_eq!(cli["ok"], true, "{result}");
	assert_eq!(cli["output"]["status"], 200, "{result}");
	assert!(cli["output"]["body"].as_str().unwrap().contains("the weather is fine"), "{result}");
	assert_eq!(cli["output"]["paymentResponse"]["success"], true, "{result}");
	assert_eq!(cli["output"]["paymentResponse"]["payer"], dave.to_ss58check(), "{result}");
	assert_eq!(result["cliTooDear"]["ok"], false, "{result}");
	assert!(
		result["cliTooDear"]["stderr"]
			.as_str()
			.unwrap()
			.contains("more than --max-amount 1"),
		"{result}"
	);
	// Bob was paid a cent by each, once.
	assert_eq!(
		balances().await,
		(bob_before + 20_000, charlie_before - 10_000, dave_before - 10_000)
	);
	// Client-side errors name what is wrong.
	assert!(result["badKey"].as_str().is_some_and(|e| !e.is_empty()), "{result}");
	assert!(result["wrongNetwork"].as_str().is_some_and(|e| e.contains(&native)), "{result}");
	node.stop().unwrap();
}

/// Runs the node binary's `x402` subcommand: its JSON output, or the test fails with stderr.
fn cli(args: &[&str]) -> Value {
	let output = std::process::Command::new(NODE).arg("x402").args(args).output().unwrap();
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(output.status.success(), "x402 {args:?}: {stderr}");
	serde_json::from_slice(&output.stdout).expect(&stderr)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_cli_signs_submits_and_follows_native_payments_from_a_file_or_a_keystore() {
	let keystore = tempfile::tempdir().unwrap();
	// An agent key under `agnt` in the node's keystore format (the test passes the secret as an
	// argument; an operator lets `key insert` ask for it).
	let inserted = std::process::Command::new(NODE)
		.args(["key", "insert", "--chain", "dev", "--key-type", "agnt", "--scheme", "sr25519"])
		.args(["--suri", "//Eve", "--keystore-path"])
		.arg(keystore.path())
		.status()
		.unwrap();
	assert!(inserted.success());
	let node = Node::dev(NODE).await.expect("dev node starts");
	let rpc = node.rpc().await.unwrap();
	rpc.wait_for_finalized(1, TIMEOUT).await.unwrap();
	let rpc_url = node.http_url();
	let secrets = tempfile::tempdir().unwrap();
	let ferdie_suri = secrets.path().join("ferdie.suri");
	std::fs::write(&ferdie_suri, "//Ferdie").unwrap();
	let bob = Sr25519Keyring::Bob.to_account_id();
	let before = rpc.stablecoin_balance(&bob, None).await.unwrap();

	let keys: [&[&str]; 2] = [
		&["--suri-file", ferdie_suri.to_str().unwrap()],
		&["--keystore-path", keystore.path().to_str().unwrap()],
	];
	let mut ids = Vec::new();
	for key in keys {
		let bob = bob.to_ss58check();
		let args = [&["sign", "--pay-to", &bob, "--amount", "7000", "--submit"], key].concat();
		let submitted = cli(&[&args[..], &["--rpc-url", &rpc_url]].concat());
		let id: H256 = serde_json::from_value(submitted["paymentId"].clone()).expect("an id");
		ids.push(id);
	}
	for id in &ids {
		wait_for_status(&rpc, *id, |status| status["status"] == "finalized").await;
		let status = cli(&["status", &format!("{id:?}"), "--rpc-url", &rpc_url]);
		assert_eq!(status["status"], "finalized", "{status}");
		assert_eq!(status["amount"], "7000", "{status}");
	}
	assert_eq!(rpc.stablecoin_balance(&bob, None).await.unwrap(), before + 14_000);
	let best = rpc.best_number().await.unwrap().to_string();
	let statement = cli(&["statement", &bob.to_ss58check(), "--to", &best, "--rpc-url", &rpc_url]);
	let listed: Vec<&Value> = statement["open"].as_array().unwrap().iter().collect();
	for id in &ids {
		assert!(listed.iter().any(|r| r["paymentId"] == format!("{id:?}")), "{statement}");
	}
	let payers: Vec<&Value> = listed.iter().map(|receipt| &receipt["payer"]).collect();
	assert!(payers.contains(&&json!(Sr25519Keyring::Eve.to_account_id().to_ss58check())));
	assert!(payers.contains(&&json!(Sr25519Keyring::Ferdie.to_account_id().to_ss58check())));
	node.stop().unwrap();
}

fn verify_reason(node: &Node, request: &Value) -> (u16, Value) {
	let (status, answer) = post(node, "/verify", &request.to_string());
	(status, answer["invalidReason"].clone())
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_gets_its_reason_code_and_the_node_stays_healthy() {
	let (node, rpc, payer) = node_with_payer(b"bad input payer").await;
	let (bob, pay_to) = (Sr25519Keyring::Bob.to_account_id(), bob_address());
	let good = Authorization::new(PRICE, b"good");
	let valid = good.request(&payer, &bob, requirements(PRICE, pay_to));

	// The supported kinds list our EVM network literally.
	let (status, supported) =
		http::get_json(&format!("{}/supported", node.facilitator_url())).unwrap();
	assert_eq!(status, 200);
	assert!(supported["kinds"].as_array().unwrap().iter().any(|k| k["network"] == network()));

	// Not a request at all.
	let (status, answer) = post(&node, "/verify", "{ not json");
	assert_eq!(
		(status, answer["isValid"].clone(), answer["invalidReason"].clone()),
		(400, json!(false), json!("invalid_payload"))
	);
	let (status, answer) = post(&node, "/settle", "[]");
	assert_eq!(
		(status, answer["success"].clone(), answer["errorReason"].clone()),
		(400, json!(false), json!("invalid_payload"))
	);
	assert!(answer["transaction"].is_string() && answer["network"].is_string());
	// Oversized by one byte. (The whole body is sent and read, so the server closes without
	// unread data, and its answer is not lost to a reset as a much larger body's can be.)
	let address = node.facilitator_url().trim_start_matches("http://").to_owned();
	let mut oversized = TcpStream::connect(&address).await.unwrap();
	let length = agentchain_facilitator::http::MAX_BODY + 1;
	let head =
		format!("POST /verify HTTP/1.1\r\nHost: facilitator\r\nContent-Length: {length}\r\n\r\n");
	oversized.write_all(head.as_bytes()).await.unwrap();
	oversized.write_all(&vec![b'x'; length]).await.unwrap();
	let (answer, _) = read_until_closed(oversized).await;
	assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");

	let mut cases: Vec<(&str, Value)> = Vec::new();
	let with = |edit: &dyn Fn(&mut Value)| {
		let mut request = valid.clone();
		edit(&mut request);
		request
	};
	cases.push(("invalid_x402_version", with(&|r| r["x402Version"] = json!(1))));
	cases.push((
		"unsupported_scheme",
		with(&|r| {
			r["paymentRequirements"]["scheme"] = json!("deferred");
			r["paymentPayload"]["accepted"]["scheme"] = json!("deferred");
		}),
	));
	cases.push((
		"invalid_network",
		with(&|r| {
			r["paymentRequirements"]["network"] = json!("eip155:8453");
			r["paymentPayload"]["accepted"]["network"] = json!("eip155:8453");
		}),
	));
	cases.push((
		"invalid_payment_requirements",
		with(&|r| {
			r["paymentRequirements"]["asset"] = json!("0x036CbD53842c5426634e7929541eC2318f3dCF7e");
			r["paymentPayload"]["accepted"]["asset"] =
				json!("0x036CbD53842c5426634e7929541eC2318f3dCF7e");
		}),
	));
	// The server's requirements and the client's `accepted` copy of them, edited alike.
	let required = |field: &'static str, value: Value| {
		with(&move |r: &mut Value| {
			r["paymentRequirements"][field] = value.clone();
			r["paymentPayload"]["accepted"][field] = value.clone();
		})
	};
	cases.push((
		"invalid_exact_evm_token_name_mismatch",
		required("extra", json!({ "name": "USDC", "version": "2" })),
	));
	cases.push((
		"invalid_exact_evm_payload_recipient_mismatch",
		required("payTo", json!(format!("{:?}", H160::repeat_byte(7)))),
	));
	cases.push((
		"invalid_exact_evm_payload_authorization_value_mismatch",
		required("amount", json!("9999")),
	));
	// A payload that accepted other requirements than the server's.
	cases.push((
		"invalid_payment_requirements",
		with(&|r| r["paymentPayload"]["accepted"]["maxTimeoutSeconds"] = json!(3600)),
	));
	// Valid for longer than the server's `maxTimeoutSeconds` (120).
	let long =
		Authorization { valid_before: unix_now() + 1_800, ..Authorization::new(PRICE, b"long") };
	cases.push((
		"invalid_exact_evm_payload_authorization_valid_before",
		long.request(&payer, &bob, requirements(PRICE, pay_to)),
	));
	cases.push((
		"invalid_payload",
		with(&|r| r["paymentPayload"]["payload"]["signature"] = json!("0x1234")),
	));
	cases.push((
		"invalid_payload",
		with(&|r| r["paymentPayload"]["payload"]["authorization"]["nonce"] = json!("0xnot-hex")),
	));
	// A signature over other values.
	let forged = {
		let mut request = valid.clone();
		let other =
			Authorization { nonce: keccak_256(b"other"), ..Authorization::new(PRICE, b"good") };
		request["paymentPayload"]["payload"]["signature"] =
			other.request(&payer, &bob, requirements(PRICE, pay_to))["paymentPayload"]["payload"]
				["signature"]
				.clone();
		request
	};
	cases.push(("invalid_exact_evm_payload_signature", forged));
	let expired =
		Authorization { valid_before: unix_now() + 3, ..Authorization::new(PRICE, b"expired") };
	cases.push((
		"invalid_exact_evm_payload_authorization_valid_before",
		expired.request(&payer, &bob, requirements(PRICE, pay_to)),
	));
	let future =
		Authorization { valid_after: unix_now() + 60, ..Authorization::new(PRICE, b"future") };
	cases.push((
		"invalid_exact_evm_payload_authorization_valid_after",
		future.request(&payer, &bob, requirements(PRICE, pay_to)),
	));
	let too_much = Authorization::new(1_000 * PRICE, b"too much");
	cases.push((
		"insufficient_funds",
		too_much.request(&payer, &bob, requirements(1_000 * PRICE, pay_to)),
	));

	for (expected, request) in &cases {
		let (status, reason) = verify_reason(&node, request);
		assert_eq!((status, reason.as_str()), (200, Some(*expected)), "verify: {request}");
		let (status, answer) = post(&node, "/settle", &request.to_string());
		assert_eq!(status, 200);
		assert_eq!(
			(answer["success"].clone(), answer["errorReason"].clone()),
			(json!(false), json!(expected)),
			"settle: {request}"
		);
		assert!(answer["transaction"].is_string() && answer["network"].is_string(), "{answer}");
	}

	// The valid payment still verifies and settles; its replay is refused.
	let (status, answer) = post(&node, "/verify", &valid.to_string());
	assert_eq!((status, answer["isValid"].clone()), (200, json!(true)), "{answer}");
	let (_, settled) = post(&node, "/settle", &valid.to_string());
	assert_eq!(settled["success"], true, "{settled}");
	// One payment pays for one resource: settling it again is refused.
	let (_, again) = post(&node, "/settle", &valid.to_string());
	assert_eq!(
		(again["success"].clone(), again["errorReason"].clone()),
		(json!(false), json!("invalid_exact_evm_nonce_already_used")),
		"{again}"
	);

	// Counted in the metrics (malformed bodies too), and the node is healthy.
	let (_, metrics) =
		http::get_text(&format!("http://127.0.0.1:{}/metrics", node.prometheus_port())).unwrap();
	let count = |call: &str, outcome: &str| {
		let series =
			format!("agentchain_x402_requests_total{{call=\"{call}\",outcome=\"{outcome}\"");
		metrics
			.lines()
			.find_map(|line| line.strip_prefix(&series))
			.and_then(|rest| rest.split(' ').nth(1)?.parse::<u64>().ok())
	};
	assert_eq!(count("verify", "insufficient_funds"), Some(1), "{metrics}");
	assert_eq!(count("verify", "invalid_payload"), Some(4), "{metrics}");
	assert_eq!(count("settle", "invalid_payload"), Some(3), "{metrics}");
	assert_eq!(count("settle", "settled"), Some(1), "{metrics}");
	let best = rpc.best_number().await.unwrap();
	rpc.wait_for_best(best + 2, TIMEOUT).await.expect("blocks keep coming");
	node.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn concurrent_settles_of_one_payment_answer_success_once_and_rpc_follows_it_to_finality() {
	let (node, rpc, payer) = node_with_payer(b"idempotent payer").await;
	let (bob, pay_to) = (Sr25519Keyring::Bob.to_account_id(), bob_address());
	let before = bob_balance(&rpc).await;
	let mut settlements: Subscription<Value> = rpc
		.client()
		.subscribe(
			"x402_subscribeSettlements",
			rpc_params![Sr25519Keyring::Bob.to_account_id().to_string()],
			"x402_unsubscribeSettlements",
		)
		.await
		.unwrap();

	let request =
		Authorization::new(PRICE, b"once").request(&payer, &bob, requirements(PRICE, pay_to));
	// Concurrently over HTTP (twice) and JSON-RPC: one settlement, one success.
	let body = request.to_string();
	let url = format!("{}/settle", node.facilitator_url());
	let (first, second) = (body.clone(), url.clone());
	let http_a = tokio::task::spawn_blocking(move || http::post(&second, &first).unwrap());
	let (first, second) = (body.clone(), url.clone());
	let http_b = tokio::task::spawn_blocking(move || http::post(&second, &first).unwrap());
	let over_rpc: Value = rpc
		.client()
		.request("x402_settle", rpc_params![request.clone(), "finalized"])
		.await
		.unwrap();
	let a: Value = serde_json::from_str(&http_a.await.unwrap().1).unwrap();
	let b: Value = serde_json::from_str(&http_b.await.unwrap().1).unwrap();
	let answers = [&a, &b, &over_rpc];
	let winners: Vec<_> = answers.iter().filter(|answer| answer["success"] == true).collect();
	assert_eq!(winners.len(), 1, "{answers:?}");
	for loser in answers.iter().filter(|answer| answer["success"] != true) {
		let reason = loser["errorReason"].as_str().unwrap_or_default();
		assert!(
			["duplicate_settlement", "invalid_exact_evm_nonce_already_used"].contains(&reason),
			"{loser}"
		);
	}
	let id = exact::payment_id(&payer, &Authorization::new(PRICE, b"once"));
	wait_for_status(&rpc, id, |status| status["status"] == "finalized").await;
	assert_eq!(bob_balance(&rpc).await, before + PRICE);

	// `x402_submit` answers at once with the payment id; `x402_status` follows it.
	let queued =
		Authorization::new(PRICE, b"queued").request(&payer, &bob, requirements(PRICE, pay_to));
	let id: H256 = rpc.client().request("x402_submit", rpc_params![queued.clone()]).await.unwrap();
	let status = wait_for_status(&rpc, id, |status| status["status"] == "finalized").await;
	// The status says what the payment pays.
	assert_eq!(
		(status["payee"].clone(), status["amount"].clone()),
		(json!(bob.to_string()), json!(PRICE.to_string())),
		"{status}"
	);
	// Submitting it again is the same payment; a refused one is an error with a stable code.
	let again: H256 = rpc.client().request("x402_submit", rpc_params![queued]).await.unwrap();
	assert_eq!(again, id);
	let too_much = Authorization::new(1_000 * PRICE, b"too much").request(
		&payer,
		&bob,
		requirements(1_000 * PRICE, pay_to),
	);
	let refused = rpc.client().request::<H256, _>("x402_submit", rpc_params![too_much]).await;
	let message = format!("{:?}", refused.unwrap_err());
	assert!(message.contains("4020") && message.contains("insufficient_funds"), "{message}");
	let unknown = rpc
		.client()
		.request::<Value, _>("x402_status", rpc_params![H256::repeat_byte(9)])
		.await;
	assert!(format!("{:?}", unknown.unwrap_err()).contains("4021"));

	// Bob's subscription saw both payments reach a block.
	let mut seen = Vec::new();
	while seen.len() < 2 {
		let notice = tokio::time::timeout(TIMEOUT, settlements.next())
			.await
			.unwrap()
			.unwrap()
			.unwrap();
		if notice["status"] == "inBlock" {
			seen.push(notice["paymentId"].clone());
		}
	}
	assert!(seen.contains(&json!(id)));

	// The statement over RPC lists the open receipts.
	let best = rpc.best_number().await.unwrap();
	let statement: Value = rpc
		.client()
		.request(
			"x402_statement",
			rpc_params![
				Sr25519Keyring::Bob.to_account_id().to_string(),
				stablecoin::ASSET_ID,
				0,
				best
			],
		)
		.await
		.unwrap();
	assert!(statement["openCount"].as_u64().unwrap() >= 2, "{statement}");
	node.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn accepted_payments_settle_after_a_restart() {
	// The facilitator cannot pay fees before the restart, so every accepted payment is still
	// pending when the node stops, however slow the machine.
	let suri = "//Restart facilitator";
	let (node, rpc, payer, _keystore) =
		payments::node_with_unfunded_facilitator(NODE, suri, b"restart payer", 100 * PRICE).await;
	let before = bob_balance(&rpc).await;

	let requests = payments_to_bob(&payer, 20);
	let submissions = requests
		.iter()
		.map(|request| rpc.client().request::<H256, _>("x402_submit", rpc_params![request]));
	let ids: Vec<H256> = futures::future::try_join_all(submissions).await.unwrap();
	drop(rpc);
	let node = node.restart().await.expect("the node restarts on its base path");
	assert!(
		node.logs().contains("20 payments accepted before the restart"),
		"the journal was not read back:\n{}",
		node.logs()
	);

	// Funded now, the facilitator settles each accepted payment exactly once.
	let rpc = node.rpc().await.unwrap();
	payments::fund_facilitator(&rpc, suri).await;
	for id in &ids {
		wait_for_status(&rpc, *id, |status| status["status"] == "finalized").await;
	}
	rpc.wait_for_best(rpc.best_number().await.unwrap() + 1, TIMEOUT).await.unwrap();
	assert_eq!(bob_balance(&rpc).await, before + 20 * PRICE);
	node.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn every_accepted_payment_settles_once_after_a_kill_9_under_load() {
	// The journal is rewritten every 40 entries, so the crash falls among compactions.
	let mut options = NodeOptions::dev(NODE);
	options.extra_args = vec!["--facilitator-journal-compact-after".into(), "40".into()];
	let (node, rpc, payer) =
		payments::node_with_payer(options, b"crash payer", 1_000 * PRICE).await;
	let before = bob_balance(&rpc).await;

	// 600 payments, 8 at a time, while batches settle; the node is killed after the 300th
	// accepted answer, with submissions still in flight.
	let requests = payments_to_bob(&payer, 600);
	let ids: Vec<H256> = (0..600u32)
		.map(|n| exact::payment_id(&payer, &Authorization::new(PRICE, &n.to_le_bytes())))
		.collect();
	let accepted = std::sync::Arc::new(parking_lot::Mutex::new(Vec::new()));
	let submitting = {
		let accepted = accepted.clone();
		let client = std::sync::Arc::new(rpc);
		let stream = futures::stream::iter(requests.into_iter().map(move |request| {
			let (client, accepted) = (client.clone(), accepted.clone());
			async move {
				let answer =
					client.client().request::<H256, _>("x402_submit", rpc_params![request]).await;
				if let Ok(id) = answer {
					accepted.lock().push(id);
				}
			}
		}));
		tokio::spawn(futures::StreamExt::for_each_concurrent(stream, 8, |f| f))
	};
	let deadline = Instant::now() + TIMEOUT;
	while accepted.lock().len() < 300 {
		assert!(Instant::now() < deadline, "the node did not accept 300 payments");
		tokio::time::sleep(Duration::from_millis(20)).await;
	}
	let node = node.crash_and_restart().await.expect("the node starts again after a kill -9");
	let accepted: Vec<H256> = accepted.lock().clone();
	submitting.abort();

	// Every payment that was answered "accepted" settles; none settles twice (Bob receives
	// exactly one price per settled payment).
	let rpc = node.rpc().await.unwrap();
	for id in &accepted {
		wait_for_status(&rpc, *id, |status| status["status"] == "finalized").await;
	}
	rpc.wait_for_finalized(rpc.best_number().await.unwrap() + 2, TIMEOUT)
		.await
		.unwrap();
	let mut settled = 0;
	for id in &ids {
		let status = rpc.client().request::<Value, _>("x402_status", rpc_params![id]).await;
		if status.is_ok_and(|status| status["status"] == "finalized") {
			settled += 1;
		}
	}
	assert!(settled >= accepted.len(), "{settled} settled of {} accepted", accepted.len());
	assert_eq!(bob_balance(&rpc).await, before + settled as Balance * PRICE);
	node.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn refused_batches_wait_until_the_facilitator_can_pay_its_fees() {
	// The node's facilitator key is one whose account holds nothing, so the pool refuses its
	// batches: the accepted payment must wait, not fail.
	let suri = "//Unfunded facilitator";
	let (node, rpc, payer, _keystore) =
		payments::node_with_unfunded_facilitator(NODE, suri, b"refused payer", 100 * PRICE).await;
	let (bob, pay_to) = (Sr25519Keyring::Bob.to_account_id(), bob_address());
	let before = bob_balance(&rpc).await;

	let request =
		Authorization::new(PRICE, b"refused").request(&payer, &bob, requirements(PRICE, pay_to));
	let id: H256 = rpc.client().request("x402_submit", rpc_params![request.clone()]).await.unwrap();
	let retrying = wait_for_status(&rpc, id, |status| status["status"] == "retrying").await;
	assert!(retrying["message"].as_str().is_some_and(|m| !m.is_empty()), "{retrying}");
	// A client settling it meanwhile hears that it is pending, and why.
	let settled: Value = rpc.client().request("x402_settle", rpc_params![request]).await.unwrap();
	assert_eq!(settled["errorReason"], "settlement_pending", "{settled}");
	assert_eq!(settled["status"], "pending", "{settled}");
	assert!(settled["errorMessage"].as_str().unwrap().contains("the pool refused"), "{settled}");
	assert_eq!(bob_balance(&rpc).await, before);

	// Funded, the facilitator settles it on a later try, once.
	payments::fund_facilitator(&rpc, suri).await;
	let status = wait_for_status(&rpc, id, |status| status["status"] == "finalized").await;
	assert!(status["transaction"].is_string(), "{status}");
	assert_eq!(bob_balance(&rpc).await, before + PRICE);
	assert!(node.logs().contains("cannot submit a settle_batch"), "the refusal was not logged");
	node.stop().unwrap();
}

/// What the facilitator sends on `stream` until it closes it, and when it closed it.
async fn read_until_closed(mut stream: TcpStream) -> (String, Instant) {
	let mut received = Vec::new();
	// A reset is a close too.
	let _ = tokio::time::timeout(Duration::from_secs(90), stream.read_to_end(&mut received))
		.await
		.expect("closed");
	(String::from_utf8_lossy(&received).into_owned(), Instant::now())
}

#[tokio::test(flavor = "multi_thread")]
async fn slow_clients_are_cut_off_and_others_still_served() {
	let node = Node::dev(NODE).await.expect("dev node starts");
	let address = node.facilitator_url().trim_start_matches("http://").to_owned();
	let started = Instant::now();
	// Silent, headers that never end, and a body that never comes.
	let silent = TcpStream::connect(&address).await.unwrap();
	let mut stalled_headers = TcpStream::connect(&address).await.unwrap();
	stalled_headers
		.write_all(b"POST /verify HTTP/1.1\r\nHost: facilitator\r\n")
		.await
		.unwrap();
	let mut stalled_body = TcpStream::connect(&address).await.unwrap();
	stalled_body
		.write_all(b"POST /verify HTTP/1.1\r\nHost: facilitator\r\nContent-Length: 100\r\n\r\n{")
		.await
		.unwrap();

	// Meanwhile other clients are served.
	let (status, supported) =
		http::get_json(&format!("{}/supported", node.facilitator_url())).unwrap();
	assert_eq!(status, 200, "{supported}");

	// The first two lose their connection after the header timeout, with nothing answered.
	for stream in [silent, stalled_headers] {
		let (received, closed) = read_until_closed(stream).await;
		let held = closed - started;
		assert!(
			held >= Duration::from_secs(9) && held < Duration::from_secs(30),
			"closed after {held:?}"
		);
		assert!(!received.contains(" 200 "), "{received}");
	}
	// The stalled body gets 408 after the request timeout.
	let (received, closed) = read_until_closed(stalled_body).await;
	assert!(received.starts_with("HTTP/1.1 408"), "{received}");
	assert!(closed - started >= Duration::from_secs(59), "answered after {:?}", closed - started);
	let (status, _) = http::get_json(&format!("{}/supported", node.facilitator_url())).unwrap();
	assert_eq!(status, 200);
	node.stop().unwrap();
}
