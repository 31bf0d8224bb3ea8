//! Floods cost their sender, not the facilitator, on a real dev node: a payer's queued payments
//! reserve their funds, the queue and each payer's share of it are bounded, a payment about to
//! expire is not paid for, fee-spending RPC methods are unsafe, and one client address cannot
//! take the HTTP server's connections or request rate from the others.

use std::{
	net::{Ipv4Addr, SocketAddr},
	time::{Duration, Instant},
};

use agentchain_primitives::{AccountId, Balance, UNIT};
use agentchain_test_harness::{
	exact::{self, requirements, unix_now, Authorization},
	http,
	payments::{self, post, wait_for_status, TIMEOUT},
	Node, NodeOptions, Rpc,
};
use jsonrpsee::{core::client::ClientT, rpc_params};
use polkadot_sdk::{
	sp_core::{ecdsa, H160, H256},
	sp_keyring::Sr25519Keyring,
};
use serde_json::Value;
use tokio::{
	io::{AsyncReadExt, AsyncWriteExt},
	net::{TcpSocket, TcpStream},
};

const NODE: &str = env!("CARGO_BIN_EXE_agentchain-node");
const PRICE: Balance = 10_000;

fn bob() -> (AccountId, H160) {
	let bob = Sr25519Keyring::Bob.to_account_id();
	let address = exact::address_of(&bob);
	(bob, address)
}

fn request(payer: &ecdsa::Pair, amount: Balance, seed: &[u8]) -> Value {
	let (bob, pay_to) = bob();
	Authorization::new(amount, seed).request(payer, &bob, requirements(amount, pay_to))
}

/// `x402_submit` of `request`: the payment id, or the refusal's reason code.
async fn submit(rpc: &Rpc, request: &Value) -> Result<H256, String> {
	rpc.client()
		.request::<H256, _>("x402_submit", rpc_params![request])
		.await
		.map_err(|error| {
			let text = format!("{error:?}");
			["insufficient_funds", "payer_pending_limit", "facilitator_busy"]
				.into_iter()
				.find(|reason| text.contains(reason))
				.map_or(text.clone(), str::to_owned)
		})
}

fn unfunded_facilitator(suri: &str, keystore: &tempfile::TempDir, args: &[&str]) -> NodeOptions {
	let mut options = payments::unfunded_facilitator(NODE, suri, keystore.path());
	options.extra_args.extend(args.iter().map(|arg| arg.to_string()));
	options
}

#[tokio::test(flavor = "multi_thread")]
async fn a_payer_cannot_queue_more_than_it_holds() {
	// 100 prices' worth, and 300 payments of one price signed at once.
	let (node, rpc, payer) =
		payments::node_with_payer(NodeOptions::dev(NODE), b"flooding payer", 100 * PRICE).await;
	let (bob, _) = bob();
	let before = payments::balance(&rpc, &bob).await;
	let facilitator = payments::account_of_suri(agentchain_primitives::x402::DEV_FACILITATOR_SURI);
	let fees_before = rpc.native_balance(&facilitator).await.unwrap();

	let requests: Vec<Value> =
		(0..300u32).map(|n| request(&payer, PRICE, &n.to_le_bytes())).collect();
	let answers =
		futures::future::join_all(requests.iter().map(|request| submit(&rpc, request))).await;
	let accepted: Vec<H256> = answers.iter().filter_map(|a| a.as_ref().ok().copied()).collect();
	let refused: Vec<&String> = answers.iter().filter_map(|a| a.as_ref().err()).collect();
	assert_eq!(accepted.len(), 100, "only what the payer holds is accepted: {refused:?}");
	assert!(refused.iter().all(|reason| *reason == "insufficient_funds"), "{refused:?}");

	// While they wait, /verify of one more says the funds are spoken for.
	let (status, answer) = post(&node, "/verify", &request(&payer, PRICE, b"one more").to_string());
	assert_eq!(status, 200);
	assert_eq!(answer["invalidReason"], "insufficient_funds", "{answer}");

	for id in &accepted {
		wait_for_status(&rpc, *id, |status| status["status"] == "finalized").await;
	}
	assert_eq!(payments::balance(&rpc, &bob).await, before + 100 * PRICE);
	// The facilitator paid for 100 items, none rejected: at most 0.1 AGC for all of them.
	let fees = fees_before - rpc.native_balance(&facilitator).await.unwrap();
	assert!(fees < UNIT / 10, "fees {fees}");
	node.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_queue_and_each_payers_share_are_bounded() {
	let suri = "//Bounded facilitator";
	let keystore = tempfile::tempdir().unwrap();
	let options = unfunded_facilitator(
		suri,
		&keystore,
		&["--facilitator-max-pending", "7", "--facilitator-max-pending-per-payer", "5"],
	);
	let (node, rpc, first) = payments::node_with_payer(options, b"first payer", 100 * PRICE).await;
	let second = payments::evm_payer(b"second payer");
	payments::fund(&rpc, &second, 100 * PRICE).await;

	for n in 0..5u32 {
		submit(&rpc, &request(&first, PRICE, &n.to_le_bytes()))
			.await
			.expect("within the share");
	}
	// The sixth from the same payer, over HTTP: 429 and the reason.
	let sixth = request(&first, PRICE, b"sixth").to_string();
	let (status, answer) = post(&node, "/settle", &sixth);
	assert_eq!(status, 429, "{answer}");
	assert_eq!(answer["errorReason"], "payer_pending_limit", "{answer}");
	assert_eq!(answer["success"], false);
	// Another payer fills the queue to 7; the eighth payment is refused for everyone.
	for n in 0..2u32 {
		submit(&rpc, &request(&second, PRICE, &n.to_le_bytes()))
			.await
			.expect("within the queue");
	}
	assert_eq!(
		submit(&rpc, &request(&second, PRICE, b"eighth")).await,
		Err("facilitator_busy".into())
	);

	// Once the facilitator can pay, the queue drains and takes payments again.
	payments::fund_facilitator(&rpc, suri).await;
	let deadline = tokio::time::Instant::now() + TIMEOUT;
	let id = loop {
		match submit(&rpc, &request(&second, PRICE, b"eighth")).await {
			Ok(id) => break id,
			Err(reason) => assert_eq!(reason, "facilitator_busy"),
		}
		assert!(tokio::time::Instant::now() < deadline, "the queue did not drain");
		tokio::time::sleep(Duration::from_millis(500)).await;
	};
	wait_for_status(&rpc, id, |status| status["status"] == "finalized").await;
	node.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_payment_about_to_expire_is_not_paid_for() {
	let suri = "//Expiry facilitator";
	let keystore = tempfile::tempdir().unwrap();
	let options = unfunded_facilitator(suri, &keystore, &[]);
	let (node, rpc, payer) =
		payments::node_with_payer(options, b"expiring payer", 10 * PRICE).await;
	let (bob, pay_to) = bob();
	let before = payments::balance(&rpc, &bob).await;

	// Valid for 12 more seconds, and the facilitator cannot pay before it expires.
	let mut authorization = Authorization::new(PRICE, b"expiring");
	authorization.valid_before = unix_now() + 12;
	let id: H256 = rpc
		.client()
		.request(
			"x402_submit",
			rpc_params![authorization.request(&payer, &bob, requirements(PRICE, pay_to))],
		)
		.await
		.unwrap();
	tokio::time::sleep(Duration::from_secs(8)).await;
	payments::fund_facilitator(&rpc, suri).await;

	let failed = wait_for_status(&rpc, id, |status| status["status"] == "failed").await;
	assert_eq!(
		failed["reason"], "invalid_exact_evm_payload_authorization_valid_before",
		"{failed}"
	);
	assert!(failed["transaction"].is_null(), "no extrinsic carried it: {failed}");
	assert_eq!(payments::balance(&rpc, &bob).await, before);
	node.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn fee_spending_rpc_methods_are_unsafe() {
	let mut options = NodeOptions::dev(NODE);
	options.extra_args = vec!["--rpc-methods".into(), "safe".into()];
	let (node, rpc, payer) =
		payments::node_with_payer(options, b"safe rpc payer", 10 * PRICE).await;
	let paid = request(&payer, PRICE, b"over safe rpc");

	for method in ["x402_submit", "x402_settle"] {
		let refused = rpc.client().request::<Value, _>(method, rpc_params![paid.clone()]).await;
		let message = format!("{:?}", refused.expect_err(method));
		assert!(message.contains("unsafe"), "{method}: {message}");
	}
	// Reading stays open, and nothing was queued.
	let verified: Value =
		rpc.client().request("x402_verify", rpc_params![paid.clone()]).await.unwrap();
	assert_eq!(verified["isValid"], true, "{verified}");
	let id = exact::payment_id(&payer, &Authorization::new(PRICE, b"over safe rpc"));
	let unknown = rpc.client().request::<Value, _>("x402_status", rpc_params![id]).await;
	assert!(format!("{:?}", unknown.unwrap_err()).contains("4021"));
	node.stop().unwrap();
}

/// A connection to the facilitator from the loopback address `source`.
async fn connect_from(source: Ipv4Addr, facilitator: SocketAddr) -> std::io::Result<TcpStream> {
	let socket = TcpSocket::new_v4()?;
	socket.bind(SocketAddr::from((source, 0)))?;
	socket.connect(facilitator).await
}

/// The raw answer to `GET /supported` sent from `source`.
async fn supported_from(source: Ipv4Addr, facilitator: SocketAddr) -> String {
	let mut stream = connect_from(source, facilitator).await.unwrap();
	stream
		.write_all(b"GET /supported HTTP/1.1\r\nHost: f\r\nConnection: close\r\n\r\n")
		.await
		.unwrap();
	let mut answer = Vec::new();
	tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer))
		.await
		.expect("answered")
		.unwrap();
	String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn one_client_address_cannot_take_the_server_from_others() {
	let mut options = NodeOptions::dev(NODE);
	options.extra_args = vec!["--facilitator-max-connections-per-ip".into(), "16".into()];
	let node = Node::start(options).await.expect("the node starts");
	let address: SocketAddr = node.facilitator_url().trim_start_matches("http://").parse().unwrap();
	let attacker = Ipv4Addr::new(127, 0, 0, 1);

	// 200 connections from one address, each trickling a body that never ends.
	let mut held = Vec::new();
	let mut turned_away = 0;
	for _ in 0..200 {
		let mut stream = connect_from(attacker, address).await.unwrap();
		let _ = stream
			.write_all(b"POST /verify HTTP/1.1\r\nHost: f\r\nContent-Length: 100000\r\n\r\n{")
			.await;
		held.push(stream);
	}
	for stream in &mut held {
		let mut answer = [0u8; 64];
		let read = tokio::time::timeout(Duration::from_millis(200), stream.read(&mut answer)).await;
		if let Ok(Ok(n)) = read {
			if String::from_utf8_lossy(&answer[..n]).starts_with("HTTP/1.1 429") {
				turned_away += 1;
			}
		}
	}
	assert_eq!(turned_away, 200 - 16, "all beyond the address's share are answered 429");

	// Another client is served at once.
	let started = Instant::now();
	let answer = supported_from(Ipv4Addr::new(127, 0, 0, 2), address).await;
	assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
	assert!(started.elapsed() < Duration::from_secs(1), "took {:?}", started.elapsed());
	// Once the attacker's connections close, its address is served again.
	drop(held);
	tokio::time::sleep(Duration::from_millis(500)).await;
	let (status, _) = http::get_json(&format!("{}/supported", node.facilitator_url())).unwrap();
	assert_eq!(status, 200);
	node.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn one_client_address_over_its_request_rate_is_refused_and_others_are_served() {
	let mut options = NodeOptions::dev(NODE);
	options.extra_args = vec!["--facilitator-rate-limit-per-ip".into(), "20".into()];
	let node = Node::start(options).await.expect("the node starts");
	let verify = format!("{}/verify", node.facilitator_url());

	// 100 requests at once from 127.0.0.1: a burst of 20 and then 20 a second are let through.
	let (mut limited, mut answered) = (0, 0);
	for _ in 0..100 {
		let (status, body) = http::post(&verify, "{}").unwrap();
		if status == 429 {
			let answer: Value = serde_json::from_str(&body).unwrap();
			assert_eq!(answer["invalidReason"], "rate_limited", "{answer}");
			assert_eq!(answer["isValid"], false, "{answer}");
			limited += 1;
		} else {
			assert_eq!(status, 400, "{body}");
			answered += 1;
		}
	}
	assert!(limited >= 50 && answered >= 20, "{limited} limited, {answered} answered");

	// Another address is served meanwhile.
	let address: SocketAddr = node.facilitator_url().trim_start_matches("http://").parse().unwrap();
	let answer = supported_from(Ipv4Addr::new(127, 0, 0, 2), address).await;
	assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");

	// A second later the first address has its rate back.
	tokio::time::sleep(Duration::from_millis(1_500)).await;
	let (status, _) = http::post(&verify, "{}").unwrap();
	assert_eq!(status, 400);
	node.stop().unwrap();
}
