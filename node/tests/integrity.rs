//! Payment-path integrity against a real node: every success the facilitator reports is money
//! the payee has, exactly once. Forged copies of a payment, two signed intents with one nonce,
//! one payment header sent ten times to a stock x402 server, a payment someone else settled
//! first, a facilitator that runs out of fees, and signatures for another network.

use std::{path::PathBuf, process::Command, time::Duration};

use agentchain_primitives::{
	x402::IntentSignature, AccountId, Balance, DEV_EVM_CHAIN_ID, LOCAL_EVM_CHAIN_ID, UNIT,
};
use agentchain_test_harness::{
	exact::{self, requirements, requirements_on, Authorization},
	extrinsic, http, native,
	payments::{self, balance, from_alice, post, wait_for_status, TIMEOUT},
	Node, NodeOptions,
};
use jsonrpsee::{core::client::ClientT, rpc_params};
use polkadot_sdk::{
	sp_core::{sr25519, Pair, H160, H256},
	sp_keyring::Sr25519Keyring,
};
use serde_json::{json, Value};

const NODE: &str = env!("CARGO_BIN_EXE_agentchain-node");
const PRICE: Balance = 10_000;

fn bob() -> AccountId {
	Sr25519Keyring::Bob.to_account_id()
}

fn charlie() -> AccountId {
	Sr25519Keyring::Charlie.to_account_id()
}

/// The 20-byte address a payment to `who` is made out to (the dev accounts registered theirs at
/// genesis).
fn address(who: &AccountId) -> H160 {
	exact::address_of(who)
}

/// `request` with its EIP-712 signature replaced by 65 zero bytes.
fn unsigned(mut request: Value) -> Value {
	request["paymentPayload"]["payload"]["signature"] = json!(format!("0x{}", "00".repeat(65)));
	request
}

#[tokio::test(flavor = "multi_thread")]
async fn forged_copies_of_a_payment_are_refused_before_and_after_it_settles() {
	let (node, rpc, payer) =
		payments::node_with_payer(NodeOptions::dev(NODE), b"forged copies", 100 * PRICE).await;
	let genuine = Authorization::new(PRICE, b"genuine");
	let request = genuine.request(&payer, &bob(), requirements(PRICE, address(&bob())));
	let id = exact::payment_id(&payer, &genuine);
	// The same payer and nonce, paying Charlie a billion, with no signature: what anyone who saw
	// the genuine payment in the pool could send.
	let forged = unsigned(Authorization { value: 1_000_000_000, ..genuine.clone() }.request(
		&payer,
		&charlie(),
		requirements(1_000_000_000, address(&charlie())),
	));
	let (bob_before, charlie_before) =
		(balance(&rpc, &bob()).await, balance(&rpc, &charlie()).await);

	let submitted: H256 =
		rpc.client().request("x402_submit", rpc_params![request.clone()]).await.unwrap();
	assert_eq!(submitted, id);
	let refuse_forged = |phase: &'static str| {
		let (node, rpc, forged) = (&node, &rpc, forged.clone());
		async move {
			let (_, verified) = post(node, "/verify", &forged.to_string());
			assert_eq!(verified["isValid"], false, "{phase}: {verified}");
			assert_eq!(
				verified["invalidReason"], "invalid_exact_evm_payload_signature",
				"{phase}: {verified}"
			);
			let (_, settled) = post(node, "/settle", &forged.to_string());
			assert_eq!(settled["success"], false, "{phase}: {settled}");
			assert_eq!(
				settled["errorReason"], "invalid_exact_evm_payload_signature",
				"{phase}: {settled}"
			);
			let over_rpc: Value =
				rpc.client().request("x402_settle", rpc_params![forged.clone()]).await.unwrap();
			assert_eq!(over_rpc["success"], false, "{phase}: {over_rpc}");
			let submitted =
				rpc.client().request::<H256, _>("x402_submit", rpc_params![forged]).await;
			let message = format!("{:?}", submitted.unwrap_err());
			assert!(
				message.contains("4020") && message.contains("invalid_exact_evm_payload_signature"),
				"{phase}: {message}"
			);
			// The payment id's status is the genuine payment's, and says what it pays.
			let status: Value = rpc.client().request("x402_status", rpc_params![id]).await.unwrap();
			assert_eq!(
				(status["payee"].clone(), status["amount"].clone()),
				(json!(bob().to_string()), json!(PRICE.to_string())),
				"{phase}: {status}"
			);
		}
	};
	refuse_forged("while it is tracked").await;
	wait_for_status(&rpc, id, |status| status["status"] == "finalized").await;
	refuse_forged("once it is final").await;

	// The genuine payload answers success to one settle, and is refused after that.
	let (_, first) = post(&node, "/settle", &request.to_string());
	assert_eq!(first["success"], true, "{first}");
	let (_, again) = post(&node, "/settle", &request.to_string());
	assert_eq!(
		(again["success"].clone(), again["errorReason"].clone()),
		(json!(false), json!("invalid_exact_evm_nonce_already_used")),
		"{again}"
	);
	assert_eq!(balance(&rpc, &bob()).await, bob_before + PRICE);
	assert_eq!(balance(&rpc, &charlie()).await, charlie_before);
	node.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn two_signed_intents_with_one_nonce_settle_once() {
	let (node, rpc, payer) =
		payments::node_with_payer(NodeOptions::dev(NODE), b"one nonce", 100 * PRICE).await;
	let (bob_before, charlie_before) =
		(balance(&rpc, &bob()).await, balance(&rpc, &charlie()).await);
	let payer_before = balance(&rpc, &exact::account_of(&payer)).await;
	// Both signed by the payer, with the same nonce: EIP-3009 lets at most one of them pay.
	let to_bob = Authorization::new(PRICE, b"shared nonce").request(
		&payer,
		&bob(),
		requirements(PRICE, address(&bob())),
	);
	let to_charlie = Authorization::new(2 * PRICE, b"shared nonce").request(
		&payer,
		&charlie(),
		requirements(2 * PRICE, address(&charlie())),
	);
	for request in [&to_bob, &to_charlie] {
		let (_, verified) = post(&node, "/verify", &request.to_string());
		assert_eq!(verified["isValid"], true, "{verified}");
	}
	// Settled at once, each over HTTP and over RPC.
	let url = format!("{}/settle", node.facilitator_url());
	let over_http = |request: &Value| {
		let (url, body) = (url.clone(), request.to_string());
		tokio::task::spawn_blocking(move || {
			serde_json::from_str::<Value>(&http::post(&url, &body).unwrap().1).unwrap()
		})
	};
	let (bob_http, charlie_http) = (over_http(&to_bob), over_http(&to_charlie));
	let client = node.rpc().await.unwrap();
	let (bob_rpc, charlie_rpc) = tokio::join!(
		rpc.client().request::<Value, _>("x402_settle", rpc_params![to_bob.clone()]),
		client
			.client()
			.request::<Value, _>("x402_settle", rpc_params![to_charlie.clone()]),
	);
	let answers = [
		bob_http.await.unwrap(),
		charlie_http.await.unwrap(),
		bob_rpc.unwrap(),
		charlie_rpc.unwrap(),
	];
	let winners: Vec<usize> = (0..4).filter(|n| answers[*n]["success"] == true).collect();
	assert_eq!(winners.len(), 1, "{answers:?}");
	// Whoever won is paid exactly its amount; the other payee nothing.
	let id = exact::payment_id(&payer, &Authorization::new(PRICE, b"shared nonce"));
	wait_for_status(&rpc, id, |status| status["status"] == "finalized").await;
	let (bob_paid, charlie_paid) = (
		balance(&rpc, &bob()).await - bob_before,
		balance(&rpc, &charlie()).await - charlie_before,
	);
	let paid = if winners[0] % 2 == 0 { PRICE } else { 2 * PRICE };
	assert_eq!(
		(bob_paid, charlie_paid),
		if paid == PRICE { (PRICE, 0) } else { (0, 2 * PRICE) },
		"{answers:?}"
	);
	assert_eq!(balance(&rpc, &exact::account_of(&payer)).await, payer_before - paid);
	node.stop().unwrap();
}

fn interop_dir() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/x402-interop")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stock_server_serves_one_resource_per_payment() {
	let seed = b"agentchain replaying client";
	let (node, rpc, _) = payments::node_with_payer(NodeOptions::dev(NODE), seed, 100 * PRICE).await;
	let before = balance(&rpc, &bob()).await;
	let secret = polkadot_sdk::sp_crypto_hashing::keccak_256(seed);
	let result = payments::run_stock_script(
		&interop_dir(),
		"replay.mjs",
		&node,
		address(&bob()),
		PRICE,
		&secret,
	);

	// Ten requests with one payment header: one served.
	let replays = result["replays"].as_array().unwrap();
	let served = replays.iter().filter(|r| r["status"] == 200).count();
	assert_eq!(served, 1, "{result}");
	assert!(replays.iter().all(|r| r["status"] == 200 || r["status"] == 402), "{result}");
	// (The stock middleware runs the handler of every request that verified before one of them
	// settled, and sends the 402 instead of its output.)
	// A retry with the same payment-identifier id, signed anew: served, paid once.
	assert_eq!(result["first"]["status"], 200, "{result}");
	assert_eq!(result["retry"]["status"], 200, "{result}");
	assert_eq!(
		result["retry"]["settlement"]["transaction"], result["first"]["settlement"]["transaction"],
		"{result}"
	);
	let nonces = result["nonces"].as_array().unwrap();
	assert!(nonces.len() >= 2 && nonces[0] != nonces[1], "the retry was not signed anew: {result}");
	// The same id for a dearer resource: refused, nothing paid.
	assert_eq!(result["conflict"]["status"], 402, "{result}");
	assert_eq!(result["handled"]["dearer"], 0, "{result}");
	// An unsigned payload under the same id: refused for its signature.
	assert_eq!(result["forgedRetry"]["status"], 402, "{result}");
	assert_eq!(result["forgedRetry"]["error"], "invalid_exact_evm_payload_signature", "{result}");
	assert_eq!(result["handled"]["idempotent"], 2, "{result}");

	rpc.wait_for_best(rpc.best_number().await.unwrap() + 2, TIMEOUT).await.unwrap();
	assert_eq!(balance(&rpc, &bob()).await, before + 2 * PRICE, "{result}");
	node.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_payment_someone_else_settled_first_is_reported_settled() {
	let suri = "//Facilitator that lost a race";
	let (node, rpc, payer, _keystore) =
		payments::node_with_unfunded_facilitator(NODE, suri, b"front-run payer", 100 * PRICE).await;
	let authorization = Authorization::new(PRICE, b"front-run");
	let request = authorization.request(&payer, &bob(), requirements(PRICE, address(&bob())));
	let before = balance(&rpc, &bob()).await;
	let id: H256 = rpc.client().request("x402_submit", rpc_params![request]).await.unwrap();
	wait_for_status(&rpc, id, |status| status["status"] == "retrying").await;

	// Alice copies the payment into her own settle_batch and lands it first.
	let item = (
		authorization.intent(&payer, &bob()),
		IntentSignature::Evm(authorization.signature(&payer, &bob(), DEV_EVM_CHAIN_ID)),
	);
	let items = vec![item].try_into().unwrap();
	from_alice(
		&rpc,
		agentchain_runtime::RuntimeCall::X402(pallet_x402::Call::settle_batch { items }),
	)
	.await;

	// The facilitator's own attempt finds the nonce used by exactly this payment: settled.
	let status = wait_for_status(&rpc, id, |status| status["status"] == "finalized").await;
	assert!(status["blockNumber"].is_number(), "{status}");
	assert_eq!(balance(&rpc, &bob()).await, before + PRICE);
	node.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_facilitator_that_ran_out_of_fees_settles_every_payment_once_funded() {
	let suri = "//Facilitator short of fees";
	let (node, rpc, payer, _keystore) =
		payments::node_with_unfunded_facilitator(NODE, suri, b"fee payer", 100 * PRICE).await;
	let key = sr25519::Pair::from_string(suri, None).unwrap();
	let facilitator: AccountId = key.public().into();
	// What one single-payment batch costs the facilitator.
	let sample = Authorization::new(PRICE, b"fee sample");
	let items = vec![(
		sample.intent(&payer, &bob()),
		IntentSignature::Evm(sample.signature(&payer, &bob(), DEV_EVM_CHAIN_ID)),
	)];
	let call = agentchain_runtime::RuntimeCall::X402(pallet_x402::Call::settle_batch {
		items: items.try_into().unwrap(),
	});
	let genesis = rpc.genesis_hash().await.unwrap();
	let sample = extrinsic::signed(call, &key, 0, genesis);
	let info: Value = rpc
		.client()
		.request(
			"payment_queryInfo",
			rpc_params![polkadot_sdk::sp_core::Bytes(codec::Encode::encode(&sample))],
		)
		.await
		.unwrap();
	let fee: Balance = info["partialFee"].as_str().unwrap().parse().unwrap();
	// Enough for about two batches.
	from_alice(
		&rpc,
		extrinsic::native_transfer(
			facilitator.clone(),
			agentchain_runtime::EXISTENTIAL_DEPOSIT + 5 * fee / 2,
		),
	)
	.await;
	let before = balance(&rpc, &bob()).await;

	// Twenty payments, one after another: each goes out in a batch of its own.
	let mut ids = Vec::new();
	for n in 0..20u32 {
		let request = Authorization::new(PRICE, &n.to_le_bytes()).request(
			&payer,
			&bob(),
			requirements(PRICE, address(&bob())),
		);
		ids.push(
			rpc.client()
				.request::<H256, _>("x402_submit", rpc_params![request])
				.await
				.unwrap(),
		);
		tokio::time::sleep(Duration::from_millis(150)).await;
	}
	// The money runs out: some settle, the others wait.
	let deadline = tokio::time::Instant::now() + TIMEOUT;
	loop {
		let mut statuses = Vec::new();
		for id in &ids {
			let status: Value = rpc.client().request("x402_status", rpc_params![id]).await.unwrap();
			statuses.push(status["status"].as_str().unwrap_or_default().to_owned());
		}
		assert!(!statuses.iter().any(|s| s == "failed"), "{statuses:?}");
		if statuses.iter().any(|s| s == "finalized") && statuses.iter().any(|s| s == "retrying") {
			break;
		}
		assert!(tokio::time::Instant::now() < deadline, "{statuses:?}");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	assert!(balance(&rpc, &bob()).await < before + 20 * PRICE);
	// Funded, without a restart, every accepted payment reaches finality once.
	from_alice(&rpc, extrinsic::native_transfer(facilitator, 10 * UNIT)).await;
	for id in ids {
		let deadline = tokio::time::Instant::now() + 2 * TIMEOUT;
		loop {
			let status: Value = rpc.client().request("x402_status", rpc_params![id]).await.unwrap();
			if status["status"] == "finalized" {
				break;
			}
			assert_ne!(status["status"], "failed", "{status}");
			assert!(tokio::time::Instant::now() < deadline, "still {status}\n{}", node.logs());
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}
	assert_eq!(balance(&rpc, &bob()).await, before + 20 * PRICE);
	node.stop().unwrap();
}

/// A chain spec of `chain` with `edit` applied to its JSON, written into `dir`.
fn edited_spec(dir: &tempfile::TempDir, chain: &str, edit: impl FnOnce(&mut Value)) -> String {
	let output = Command::new(NODE).args(["build-spec", "--chain", chain]).output().unwrap();
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let mut spec: Value = serde_json::from_slice(&output.stdout).unwrap();
	edit(&mut spec);
	let path = dir.path().join(format!("{chain}-edited.json"));
	std::fs::write(&path, spec.to_string()).unwrap();
	path.display().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_payment_signed_for_one_network_is_refused_on_another() {
	let (dev, dev_rpc, payer) =
		payments::node_with_payer(NodeOptions::dev(NODE), b"two networks", 100 * PRICE).await;
	let mut local = NodeOptions::dev(NODE);
	local.chain = "local".into();
	// Alice authors the local chain's blocks (one slot in three, without peers only when forced),
	// so its dry runs have a block time; an authority needs a fixed network key.
	local.extra_args =
		["--facilitator", "--alice", "--force-authoring", "--node-key", &"01".repeat(32)]
			.map(String::from)
			.to_vec();
	let local = Node::start(local).await.expect("a local node starts");
	let local_rpc = local.rpc().await.unwrap();
	local_rpc.wait_for_best(1, TIMEOUT).await.unwrap();

	// Each network names its own chain id.
	let dev_id = dev_rpc.state_call::<u64>("X402Api_evm_chain_id", (), None).await.unwrap();
	let local_id = local_rpc.state_call::<u64>("X402Api_evm_chain_id", (), None).await.unwrap();
	assert_eq!((dev_id, local_id), (DEV_EVM_CHAIN_ID, LOCAL_EVM_CHAIN_ID));
	let (_, supported) = http::get_json(&format!("{}/supported", local.facilitator_url())).unwrap();
	let networks: Vec<&Value> =
		supported["kinds"].as_array().unwrap().iter().map(|k| &k["network"]).collect();
	assert!(networks.contains(&&json!(exact::network_of(LOCAL_EVM_CHAIN_ID))), "{supported}");
	assert!(!networks.contains(&&json!(exact::network())), "{supported}");

	// Signed on the development network (where it verifies), presented to the local one: under
	// its own network name it is for another network, under the local name its signature fails.
	let authorization = Authorization::new(PRICE, b"cross network");
	let for_dev = authorization.request(&payer, &bob(), requirements(PRICE, address(&bob())));
	let (_, verified) = post(&dev, "/verify", &for_dev.to_string());
	assert_eq!(verified["isValid"], true, "{verified}");
	let (_, verified) = post(&local, "/verify", &for_dev.to_string());
	assert_eq!(verified["invalidReason"], "invalid_network", "{verified}");
	let mut relabelled = for_dev.clone();
	let local_requirements = requirements_on(LOCAL_EVM_CHAIN_ID, PRICE, address(&bob()));
	relabelled["paymentRequirements"] = local_requirements.clone();
	relabelled["paymentPayload"]["accepted"] = local_requirements;
	let (_, verified) = post(&local, "/verify", &relabelled.to_string());
	assert_eq!(verified["invalidReason"], "invalid_exact_evm_payload_signature", "{verified}");
	local.stop().unwrap();
	dev.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_live_chain_with_another_networks_chain_id_does_not_start() {
	let dir = tempfile::tempdir().unwrap();
	for (chain, id) in [("dev", DEV_EVM_CHAIN_ID), ("local", LOCAL_EVM_CHAIN_ID)] {
		let spec = edited_spec(&dir, chain, |spec| spec["chainType"] = json!("Live"));
		let mut options = NodeOptions::dev(NODE);
		options.chain = spec;
		options.startup_timeout = Duration::from_secs(30);
		let error =
			Node::start(options).await.err().expect("the node refuses to start").to_string();
		assert!(error.contains("evmChainId") && error.contains(&id.to_string()), "{error}");
	}
	// With an id of its own it starts.
	let spec = edited_spec(&dir, "local", |spec| {
		spec["chainType"] = json!("Live");
		spec["genesis"]["runtimeGenesis"]["patch"]["x402"]["evmChainId"] = json!(777_001);
	});
	let mut options = NodeOptions::dev(NODE);
	options.chain = spec;
	let node = Node::start(options).await.expect("a live chain with its own id starts");
	let rpc = node.rpc().await.unwrap();
	assert_eq!(rpc.state_call::<u64>("X402Api_evm_chain_id", (), None).await.unwrap(), 777_001);
	node.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn only_dev_gets_the_well_known_key_and_several_keys_need_a_choice() {
	// `--chain dev` is a Development chain spec, but without `--dev` no public key is inserted.
	let mut options = NodeOptions::dev(NODE);
	let dir = tempfile::tempdir().unwrap();
	options.chain = edited_spec(&dir, "dev", |_| {});
	options.extra_args = vec!["--facilitator".into()];
	let node = Node::start(options).await.expect("the node starts");
	let (_, supported) = http::get_json(&format!("{}/supported", node.facilitator_url())).unwrap();
	assert_eq!(supported["signers"], json!({}), "{supported}");
	node.stop().unwrap();

	// Two x402 keys and none named: the node will not pick one.
	let keystore = tempfile::tempdir().unwrap();
	for suri in ["//First x402 key", "//Second x402 key"] {
		payments::insert_facilitator_key(NODE, keystore.path(), suri);
	}
	let with_keys = |extra: &[String]| {
		let mut options = NodeOptions::dev(NODE);
		options.extra_args = vec!["--keystore-path".into(), keystore.path().display().to_string()];
		options.extra_args.extend_from_slice(extra);
		options.startup_timeout = Duration::from_secs(30);
		options
	};
	let error = Node::start(with_keys(&[])).await.err().expect("refused").to_string();
	assert!(error.contains("--facilitator-key"), "{error}");
	let second = sr25519::Pair::from_string("//Second x402 key", None).unwrap().public();
	let named = format!("0x{}", hex::encode(second.0));
	let node = Node::start(with_keys(&["--facilitator-key".into(), named]))
		.await
		.expect("starts with a named key");
	let (_, supported) = http::get_json(&format!("{}/supported", node.facilitator_url())).unwrap();
	let signer = AccountId::from(second).to_string();
	assert_eq!(supported["signers"]["polkadot:*"], json!([signer]), "{supported}");
	node.stop().unwrap();
}

/// A natively signed facilitator request: Alice pays Bob `PRICE` (intent `seed`), to `pay_to`
/// on the chain with `genesis`.
fn native_request(genesis: H256, seed: u8, pay_to: &AccountId) -> Value {
	let alice = Sr25519Keyring::Alice;
	let intent = native::intent(&alice.to_account_id(), &bob(), PRICE, seed);
	native::request(&alice.pair(), genesis, &intent, pay_to)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_native_payment_to_someone_else_gets_the_native_reason_code() {
	let node = Node::dev(NODE).await.expect("dev node starts");
	let rpc = node.rpc().await.unwrap();
	rpc.wait_for_finalized(1, TIMEOUT).await.unwrap();
	let genesis = rpc.genesis_hash().await.unwrap();
	let (_, verified) = post(&node, "/verify", &native_request(genesis, 1, &bob()).to_string());
	assert_eq!(verified["isValid"], true, "{verified}");
	let (_, verified) = post(&node, "/verify", &native_request(genesis, 1, &charlie()).to_string());
	assert_eq!(
		verified["invalidReason"], "invalid_exact_polkadot_payload_recipient_mismatch",
		"{verified}"
	);
	node.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_settled_payment_stays_settled_when_the_pool_stops_watching_before_finality() {
	// Without GRANDPA nothing is final; after 128 blocks the pool stops watching the batch.
	let mut options = NodeOptions::dev(NODE);
	options.extra_args = vec!["--no-grandpa".into()];
	let node = Node::start(options).await.expect("dev node starts");
	let rpc = node.rpc().await.unwrap();
	rpc.wait_for_best(1, TIMEOUT).await.unwrap();
	let genesis = rpc.genesis_hash().await.unwrap();
	let before = balance(&rpc, &bob()).await;
	let request = native_request(genesis, 2, &bob());
	let id: H256 = rpc.client().request("x402_submit", rpc_params![request]).await.unwrap();
	wait_for_status(&rpc, id, |status| status["status"] == "inBlock").await;

	let deadline = tokio::time::Instant::now() + Duration::from_secs(420);
	while !node.logs().contains("stopped watching it before finality") {
		assert!(tokio::time::Instant::now() < deadline, "no finality timeout:\n{}", node.logs());
		tokio::time::sleep(Duration::from_secs(2)).await;
	}
	// Its receipt says it settled: it stays in its block, never failed.
	tokio::time::sleep(Duration::from_secs(5)).await;
	let status: Value = rpc.client().request("x402_status", rpc_params![id]).await.unwrap();
	assert_eq!(status["status"], "inBlock", "{status}");
	assert_eq!(balance(&rpc, &bob()).await, before + PRICE);
	node.stop().unwrap();
}
