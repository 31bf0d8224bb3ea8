//! Agent identity and payment-backed reputation on a real dev node: an agent registers, proves
//! a wallet, is paid through pallet-x402, receives feedback citing those payments, and its
//! execution history and weighted reputation are read over the node's `agents_*` JSON-RPC.

use std::time::Duration;

use agentchain_primitives::{
	agents::{native_wallet_payload, FeedbackValue},
	stablecoin,
	x402::{IntentSignature, Purpose},
	AccountId,
};
use agentchain_runtime::RuntimeCall;
use agentchain_test_harness::{exact::unix_now, native, Node, Rpc};
use jsonrpsee::{core::client::ClientT, rpc_params};
use polkadot_sdk::{
	sp_core::{sr25519, Pair, H256},
	sp_keyring::Sr25519Keyring,
	sp_runtime::MultiSignature,
};
use serde_json::{json, Value};

const NODE: &str = env!("CARGO_BIN_EXE_agentchain-node");
const TIMEOUT: Duration = Duration::from_secs(60);

fn agents(call: pallet_agents::Call<agentchain_runtime::Runtime>) -> RuntimeCall {
	RuntimeCall::Agents(call)
}

async fn submit(rpc: &Rpc, signer: &sr25519::Pair, call: RuntimeCall) {
	rpc.submit(signer, call, TIMEOUT).await.expect("finalized");
}

async fn request(rpc: &Rpc, method: &str, params: jsonrpsee::core::params::ArrayParams) -> Value {
	rpc.client()
		.request(method, params)
		.await
		.unwrap_or_else(|e| panic!("{method}: {e}"))
}

/// `client` rates the agent `value` (no decimals), citing `payment` if given.
fn feedback(agent: u64, value: i128, payment: Option<H256>) -> RuntimeCall {
	agents(pallet_agents::Call::give_feedback {
		agent,
		value: FeedbackValue { value, decimals: 0 },
		tag1: b"starred".to_vec(),
		tag2: vec![],
		endpoint: b"https://weather.example/forecast".to_vec(),
		feedback_uri: vec![],
		feedback_hash: H256::zero(),
		payment,
	})
}

#[tokio::test(flavor = "multi_thread")]
async fn an_agent_is_paid_through_x402_rated_with_payment_backed_feedback_and_read_over_rpc() {
	let node = Node::dev(NODE).await.expect("dev node starts");
	let rpc = node.rpc().await.unwrap();
	rpc.wait_for_finalized(1, TIMEOUT).await.unwrap();
	let genesis = rpc.genesis_hash().await.unwrap();

	let (dave, eve) = (Sr25519Keyring::Dave.pair(), Sr25519Keyring::Eve.pair());
	let (dave_id, eve_id): (AccountId, AccountId) = (dave.public().into(), eve.public().into());
	let (charlie, ferdie, bob) =
		(Sr25519Keyring::Charlie.pair(), Sr25519Keyring::Ferdie.pair(), Sr25519Keyring::Bob.pair());
	let (charlie_id, ferdie_id): (AccountId, AccountId) =
		(charlie.public().into(), ferdie.public().into());

	// Dave registers a weather agent; Eve, its payment wallet, signs that she is.
	submit(
		&rpc,
		&dave,
		agents(pallet_agents::Call::register {
			uri: b"ipfs://weather-agent.json".to_vec(),
			metadata: vec![(b"name".to_vec(), b"weather".to_vec())],
		}),
	)
	.await;
	let agent: u64 = serde_json::from_value(
		request(&rpc, "agents_byWallet", rpc_params![dave_id.to_string()]).await,
	)
	.expect("Dave's agent, with Dave as its first wallet");
	let deadline = unix_now() + 120;
	let payload = native_wallet_payload(genesis, agent, &eve_id, &dave_id, deadline);
	let proof = IntentSignature::Native(MultiSignature::Sr25519(eve.sign(&payload)));
	submit(
		&rpc,
		&dave,
		agents(pallet_agents::Call::set_agent_wallet {
			agent,
			wallet: eve_id.clone(),
			deadline,
			proof,
		}),
	)
	.await;

	// Charlie pays 3 USDC and Ferdie 1 USDC to the wallet, in one x402 batch.
	let charlie_pays = native::intent(&charlie_id, &eve_id, 3 * stablecoin::UNIT, 1);
	let ferdie_pays = native::intent(&ferdie_id, &eve_id, stablecoin::UNIT, 2);
	let items = vec![
		(charlie_pays.clone(), native::sign(&charlie, genesis, &charlie_pays, Purpose::Transfer)),
		(ferdie_pays.clone(), native::sign(&ferdie, genesis, &ferdie_pays, Purpose::Transfer)),
	];
	let batch = pallet_x402::Call::settle_batch { items: items.try_into().unwrap() };
	submit(&rpc, &Sr25519Keyring::Alice.pair(), RuntimeCall::X402(batch)).await;

	let view = request(&rpc, "agents_get", rpc_params![agent]).await;
	assert_eq!(view["owner"], json!(dave_id.to_string()));
	assert_eq!(view["wallet"], json!(eve_id.to_string()));
	assert_eq!(view["uri"], json!("ipfs://weather-agent.json"));
	assert_eq!(view["metadata"], json!([{ "key": "name", "value": "0x77656174686572" }]));
	assert_eq!(
		view["executions"],
		json!([{ "asset": stablecoin::ASSET_ID, "payments": 2, "volume": "4000000" }])
	);

	// Feedback: the big payer is unhappy, the small one happy, Bob (no payment) lukewarm.
	submit(&rpc, &charlie, feedback(agent, 20, Some(charlie_pays.payment_id()))).await;
	submit(&rpc, &ferdie, feedback(agent, 100, Some(ferdie_pays.payment_id()))).await;
	submit(&rpc, &bob, feedback(agent, 10, None)).await;
	// Citing a payment twice, or someone else's payment, or rating one's own agent, is
	// refused on chain: none of these adds feedback.
	submit(&rpc, &charlie, feedback(agent, 100, Some(charlie_pays.payment_id()))).await;
	submit(&rpc, &bob, feedback(agent, 100, Some(ferdie_pays.payment_id()))).await;
	submit(&rpc, &dave, feedback(agent, 100, None)).await;

	let all = request(&rpc, "agents_feedback", rpc_params![agent]).await;
	assert_eq!(all.as_array().map(Vec::len), Some(3), "{all}");
	let charlies =
		request(&rpc, "agents_feedback", rpc_params![agent, vec![charlie_id.to_string()]]).await;
	assert_eq!(charlies[0]["payment"]["amount"], json!("3000000"));

	let reputation = |backing: Value| {
		let rpc = &rpc;
		async move {
			request(rpc, "agents_reputation", rpc_params![agent, json!({ "backing": backing })])
				.await
		}
	};
	// All feedback: (20 + 100 + 10) / 3 = 43.33 -> 43.
	let any = reputation(json!("any")).await;
	assert_eq!((any["count"].clone(), any["average"]["text"].clone()), (json!(3), json!("43")));
	// Payment-backed only: (20 + 100) / 2 = 60.
	let paid = reputation(json!("paid")).await;
	assert_eq!((paid["count"].clone(), paid["average"]["text"].clone()), (json!(2), json!("60")));
	// Weighted by USDC paid: (20 * 3 + 100 * 1) / 4 = 40.
	let weighted = reputation(json!({ "weightedByAmount": stablecoin::ASSET_ID })).await;
	assert_eq!(weighted["count"], json!(2));
	assert_eq!(weighted["average"], json!({ "value": "40", "decimals": 0, "text": "40" }));
	assert_eq!(weighted["paid"], json!("4000000"));

	// Bad parameters are errors with a message; an unknown agent is null.
	let error = rpc
		.client()
		.request::<Value, _>("agents_byWallet", rpc_params!["not-an-account"])
		.await
		.expect_err("a malformed account is refused");
	assert!(error.to_string().contains("not an account"), "{error}");
	let error = rpc
		.client()
		.request::<Value, _>("agents_reputation", rpc_params![agent, json!({ "backing": "all" })])
		.await
		.expect_err("an unknown backing is refused");
	assert!(error.to_string().contains("unknown variant"), "{error}");
	let too_many = vec![charlie_id.to_string(); 101];
	let error = rpc
		.client()
		.request::<Value, _>("agents_feedback", rpc_params![agent, too_many])
		.await
		.expect_err("a query naming more than 100 clients is refused");
	assert!(error.to_string().contains("at most 100 clients"), "{error}");
	assert_eq!(request(&rpc, "agents_get", rpc_params![999_999]).await, Value::Null);

	node.stop().expect("the node stops cleanly");
}
