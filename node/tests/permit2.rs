//! Permit2 payments through the node's built-in facilitator on a dev node: a stock
//! `@x402/express` route priced with `upto` charges what the request used (never more than the
//! payer permitted, nothing at all when it used nothing), a stock client pays an `exact` route
//! through Permit2, and every bad permit is refused with the stock facilitator's reason code
//! and moves nothing.

use std::path::PathBuf;

use agentchain_primitives::{x402::permit2::UPTO_PROXY_ADDRESS, Balance};
use agentchain_test_harness::{
	exact::{self, unix_now},
	http,
	payments::{self, post},
	permit2::{dev_facilitator_address, request, requirements, SignedPermit},
	Node, NodeOptions, Rpc,
};
use polkadot_sdk::{
	sp_core::{ecdsa, H160, H256},
	sp_crypto_hashing::keccak_256,
	sp_keyring::Sr25519Keyring,
};
use serde_json::Value;

const NODE: &str = env!("CARGO_BIN_EXE_agentchain-node");
/// What an `upto` route permits at most, and an `exact` route's price.
const MAX: Balance = 1_000;

fn bob_address() -> H160 {
	exact::address_of(&Sr25519Keyring::Bob.to_account_id())
}

async fn bob_balance(rpc: &Rpc) -> Balance {
	payments::balance(rpc, &Sr25519Keyring::Bob.to_account_id()).await
}

fn interop_dir() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/x402-interop")
}

/// A dev node and the stock client's EVM key (its secret, and the key), funded.
async fn node_with_stock_payer(seed: &str) -> (Node, Rpc, [u8; 32], ecdsa::Pair) {
	let (node, rpc, payer) =
		payments::node_with_payer(NodeOptions::dev(NODE), seed.as_bytes(), 100 * MAX).await;
	(node, rpc, keccak_256(seed.as_bytes()), payer)
}

/// The stock server and client paying a route of `scheme` priced at `MAX`, with `env`.
fn stock_payment(node: &Node, secret: &[u8; 32], env: &[(&str, &str)]) -> Value {
	payments::run_stock_script_with(
		&interop_dir(),
		"interop.mjs",
		node,
		bob_address(),
		MAX,
		secret,
		env,
	)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stock_upto_route_charges_what_the_request_used_and_never_more() {
	let (node, rpc, secret, payer) = node_with_stock_payer("upto stock payer").await;
	let payer_account = exact::account_of(&payer);
	let (payer_before, bob_before) =
		(payments::balance(&rpc, &payer_account).await, bob_balance(&rpc).await);

	// `/supported` names the facilitator that upto permits bind, and the server passes it on.
	let (status, supported) =
		http::get_json(&format!("{}/supported", node.facilitator_url())).unwrap();
	assert_eq!(status, 200);
	let upto = supported["kinds"].as_array().unwrap().iter().find(|k| k["scheme"] == "upto");
	let facilitator = format!("{:?}", dev_facilitator_address());
	assert_eq!(
		upto.expect("an upto kind")["extra"]["facilitatorAddress"]
			.as_str()
			.map(str::to_lowercase),
		Some(facilitator.clone())
	);

	let used = stock_payment(&node, &secret, &[("SCHEME", "upto"), ("CHARGE", "275")]);
	assert_eq!(used["status"], 200, "{used}");
	assert_eq!(used["accepted"]["amount"], MAX.to_string(), "{used}");
	assert_eq!(
		used["accepted"]["extra"]["facilitatorAddress"].as_str().map(str::to_lowercase),
		Some(facilitator),
		"{used}"
	);
	let settlement = &used["paymentResponse"];
	assert_eq!(
		(settlement["success"].clone(), settlement["amount"].clone()),
		(true.into(), "275".into()),
		"{used}"
	);
	let tx: H256 = serde_json::from_value(settlement["transaction"].clone()).expect("a tx hash");
	assert!(rpc.find_extrinsic(tx, 20).await.unwrap().is_some(), "{tx:?} is not on chain");
	assert_eq!(used["replay"]["error"], "permit2_invalid_nonce", "{used}");
	assert_eq!(used["forged"]["error"], "invalid_permit2_signature", "{used}");

	// A handler that charges more than the payer permitted gets nothing.
	let over = stock_payment(&node, &secret, &[("SCHEME", "upto"), ("CHARGE", "1001")]);
	assert_ne!(over["status"], 200, "{over}");
	// Nothing used, nothing charged, no transaction.
	let nothing = stock_payment(&node, &secret, &[("SCHEME", "upto"), ("CHARGE", "0")]);
	assert_eq!(nothing["status"], 200, "{nothing}");
	let settlement = &nothing["paymentResponse"];
	assert_eq!(
		(
			settlement["success"].clone(),
			settlement["amount"].clone(),
			settlement["transaction"].clone()
		),
		(true.into(), "0".into(), "".into()),
		"{nothing}"
	);

	assert_eq!(payments::balance(&rpc, &payer_account).await, payer_before - 275);
	assert_eq!(bob_balance(&rpc).await, bob_before + 275);
	node.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stock_client_pays_an_exact_route_through_permit2() {
	let (node, rpc, secret, _payer) = node_with_stock_payer("exact permit2 stock payer").await;
	let before = bob_balance(&rpc).await;
	let paid = stock_payment(&node, &secret, &[("ASSET_TRANSFER_METHOD", "permit2")]);
	assert_eq!(paid["status"], 200, "{paid}");
	assert_eq!(paid["accepted"]["extra"]["assetTransferMethod"], "permit2", "{paid}");
	assert_eq!(paid["paymentResponse"]["success"], true, "{paid}");
	assert_eq!(paid["paymentResponse"]["amount"], MAX.to_string(), "{paid}");
	assert_eq!(paid["replay"]["error"], "permit2_invalid_nonce", "{paid}");
	assert_eq!(paid["forged"]["error"], "invalid_permit2_signature", "{paid}");
	assert_eq!(bob_balance(&rpc).await, before + MAX);
	node.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stock_client_reads_its_permit2_allowance_from_the_node_and_needs_no_sponsoring() {
	let (node, rpc, secret, _payer) = node_with_stock_payer("permit2 allowance reader").await;
	let before = bob_balance(&rpc).await;
	// The route offers EIP-2612 gas sponsoring, so the client reads its Permit2 allowance
	// through the chain's RPC URL (the node) before it signs: unlimited, nothing to sponsor.
	let rpc_url = node.http_url();
	let env = [
		("ASSET_TRANSFER_METHOD", "permit2"),
		("GAS_SPONSORING", "eip2612"),
		("RPC_URL", rpc_url.as_str()),
	];
	let paid = stock_payment(&node, &secret, &env);
	assert_eq!(paid["status"], 200, "{paid}");
	assert!(paid["extensions"]["eip2612GasSponsoring"]["info"]["signature"].is_null(), "{paid}");
	assert_eq!(bob_balance(&rpc).await, before + MAX);
	node.stop().unwrap();
}

/// The `invalidReason` (verify) or `errorReason` (settle) of `body` at `path`.
fn reason(node: &Node, path: &str, body: &Value) -> Value {
	let (_, answer) = post(node, path, &body.to_string());
	let field = if path == "/verify" { "invalidReason" } else { "errorReason" };
	assert_ne!(answer["isValid"], true, "{answer}");
	assert_ne!(answer["success"], true, "{answer}");
	answer[field].clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_permits_are_refused_with_the_reference_codes_and_move_nothing() {
	let (node, rpc, _, payer) = node_with_stock_payer("bad permit payer").await;
	let payer_account = exact::account_of(&payer);
	let before = payments::balance(&rpc, &payer_account).await;
	let pay_to = bob_address();
	let exact_required = requirements("exact", MAX, pay_to);
	let upto_required = requirements("upto", MAX, pay_to);
	let facilitator = Some(dev_facilitator_address());
	let exact_permit = SignedPermit::new(MAX, pay_to, b"exact", None);
	let upto_permit = SignedPermit::new(MAX, pay_to, b"upto", facilitator);

	let mut cases: Vec<(&str, &str, Value)> = Vec::new();
	// A permit that pays someone else, signed as such.
	let elsewhere = SignedPermit::new(MAX, H160::repeat_byte(9), b"elsewhere", None);
	cases.push((
		"/verify",
		"invalid_permit2_recipient_mismatch",
		request(elsewhere.payload(&payer), &exact_required, None),
	));
	// A permit for another amount than the price.
	let cheaper = SignedPermit::new(MAX - 1, pay_to, b"cheaper", None);
	cases.push((
		"/verify",
		"permit2_amount_mismatch",
		request(cheaper.payload(&payer), &exact_required, None),
	));
	// An exact permit for the upto proxy, and an upto permit for the exact one.
	let mut wrong_proxy = exact_permit.payload(&payer);
	wrong_proxy["permit2Authorization"]["spender"] = format!("{UPTO_PROXY_ADDRESS:?}").into();
	cases.push(("/verify", "invalid_permit2_spender", request(wrong_proxy, &exact_required, None)));
	cases.push((
		"/verify",
		"invalid_permit2_spender",
		request(exact_permit.payload(&payer), &upto_required, None),
	));
	// The payload's nonce changed after signing: the signature is not over it.
	let mut forged = exact_permit.payload(&payer);
	forged["permit2Authorization"]["nonce"] = "7".into();
	cases.push(("/settle", "invalid_permit2_signature", request(forged, &exact_required, None)));
	// A permit another key signed for this payer.
	let other = payments::evm_payer(b"not the payer");
	cases.push((
		"/settle",
		"invalid_permit2_signature",
		request(
			exact_permit.payload_with(&payer, exact_permit.signature(&other)),
			&exact_required,
			None,
		),
	));
	// Another token, a deadline too close.
	let mut other_token = exact_permit.clone();
	other_token.permit.token = H160::repeat_byte(0xFF);
	cases.push((
		"/verify",
		"permit2_token_mismatch",
		request(other_token.payload(&payer), &exact_required, None),
	));
	let mut expiring = exact_permit.clone();
	expiring.permit.deadline = unix_now() + 3;
	cases.push((
		"/verify",
		"permit2_deadline_expired",
		request(expiring.payload(&payer), &exact_required, None),
	));
	// An upto permit naming another facilitator, and a charge above the permit.
	let elsewhere_facilitator =
		SignedPermit::new(MAX, pay_to, b"other facilitator", Some(H160::repeat_byte(0x22)));
	cases.push((
		"/verify",
		"upto_facilitator_mismatch",
		request(elsewhere_facilitator.payload(&payer), &upto_required, None),
	));
	cases.push((
		"/settle",
		"upto_facilitator_mismatch",
		request(elsewhere_facilitator.payload(&payer), &upto_required, Some(1)),
	));
	cases.push((
		"/settle",
		"invalid_upto_evm_payload_settlement_exceeds_amount",
		request(upto_permit.payload(&payer), &upto_required, Some(MAX + 1)),
	));
	// At verify the requirements' amount is the maximum itself, and what the payer accepted.
	let upto_cheaper = requirements("upto", MAX - 1, pay_to);
	cases.push((
		"/verify",
		"permit2_amount_mismatch",
		request(upto_permit.payload(&payer), &upto_cheaper, None),
	));
	cases.push((
		"/verify",
		"invalid_payment_requirements",
		request(upto_permit.payload(&payer), &upto_required, Some(MAX - 1)),
	));
	// An EIP-3009 payload where upto takes a permit.
	let eip3009 = exact::Authorization::new(MAX, b"eip3009").request(
		&payer,
		&Sr25519Keyring::Bob.to_account_id(),
		exact::requirements(MAX, pay_to),
	);
	let mut as_upto = eip3009.clone();
	as_upto["paymentRequirements"] = upto_required.clone();
	as_upto["paymentPayload"]["accepted"] = upto_required.clone();
	cases.push(("/verify", "invalid_payload", as_upto));
	for (path, expected, body) in &cases {
		assert_eq!(reason(&node, path, body), *expected, "{path} {body}");
	}

	// A good upto permit settles its charge once; the same permit again, with the same or
	// another charge, is refused.
	let good = request(upto_permit.payload(&payer), &upto_required, Some(400));
	let (status, settled) = post(&node, "/settle", &good.to_string());
	assert_eq!(
		(status, settled["success"].clone(), settled["amount"].clone()),
		(200, true.into(), "400".into()),
		"{settled}"
	);
	assert_eq!(reason(&node, "/settle", &good), "permit2_invalid_nonce");
	let again = request(upto_permit.payload(&payer), &upto_required, Some(MAX));
	assert_eq!(reason(&node, "/settle", &again), "permit2_invalid_nonce");
	assert_eq!(payments::balance(&rpc, &payer_account).await, before - 400);
	node.stop().unwrap();
}
