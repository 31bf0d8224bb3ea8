//! A forkless runtime upgrade on a real dev node: `sudo.set_code` switches the chain to the
//! runtime's upgrade-test build (spec version + 1, one more transaction extension, one more
//! pallet with a call and an event, an x402 batch limit of 64 instead of 256), and the node's
//! facilitator, compiled with the first runtime, keeps settling payments.

use std::collections::HashMap;

use agentchain_primitives::Balance;
use agentchain_test_harness::{
	exact::{self, requirements, Authorization},
	extrinsic,
	payments::{self, wait_for_status},
	NodeOptions, Rpc,
};
use jsonrpsee::{core::client::ClientT, rpc_params};
use polkadot_sdk::{
	sp_core::{ecdsa, H256},
	sp_keyring::Sr25519Keyring,
};
use serde_json::Value;

const NODE: &str = env!("CARGO_BIN_EXE_agentchain-node");
const PRICE: Balance = 10_000;

/// Submits `count` payments from `payer` to Bob (nonces from `first`), 16 at a time, and
/// returns their ids once every one is finalized, with the extrinsic that settled each.
async fn pay_bob(rpc: &Rpc, payer: &ecdsa::Pair, first: u32, count: u32) -> Vec<(H256, String)> {
	let bob = Sr25519Keyring::Bob.to_account_id();
	let pay_to = exact::address_of(&bob);
	let requests = (first..first + count).map(|n| {
		Authorization::new(PRICE, &n.to_le_bytes()).request(
			payer,
			&bob,
			requirements(PRICE, pay_to),
		)
	});
	let ids: Vec<H256> = futures::StreamExt::collect::<Vec<_>>(futures::StreamExt::buffered(
		futures::stream::iter(requests.map(|request| async move {
			rpc.client().request::<H256, _>("x402_submit", rpc_params![request]).await
		})),
		16,
	))
	.await
	.into_iter()
	.map(|id| id.expect("the facilitator accepts the payment"))
	.collect();
	let mut settled = Vec::new();
	for id in ids {
		let status = wait_for_status(rpc, id, |status| status["status"] == "finalized").await;
		settled.push((id, status["transaction"].as_str().unwrap_or_default().to_string()));
	}
	settled
}

async fn runtime_version(rpc: &Rpc) -> Value {
	rpc.client().request("state_getRuntimeVersion", rpc_params![]).await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_facilitator_keeps_settling_across_a_runtime_upgrade() {
	let (node, rpc, payer) =
		payments::node_with_payer(NodeOptions::dev(NODE), b"upgrade payer", 1_000 * PRICE).await;
	let bob = Sr25519Keyring::Bob.to_account_id();
	let before = payments::balance(&rpc, &bob).await;
	assert_eq!(runtime_version(&rpc).await["specVersion"], 100);
	pay_bob(&rpc, &payer, 0, 10).await;

	let code =
		agentchain_runtime::upgrade_test::WASM_BINARY.expect("the upgrade-test runtime is built");
	payments::from_alice(&rpc, extrinsic::set_code(code)).await;
	let version = runtime_version(&rpc).await;
	assert_eq!(version["specVersion"], 101, "{version}");
	assert_eq!(version["transactionVersion"], 2, "{version}");

	// 200 payments at once after the upgrade: more than three batches at the new limit.
	let settled = pay_bob(&rpc, &payer, 10, 200).await;
	let mut batches: HashMap<String, usize> = HashMap::new();
	for (_, transaction) in &settled {
		*batches.entry(transaction.clone()).or_default() += 1;
	}
	assert!(batches.len() >= 4, "200 payments in {} batches", batches.len());
	assert!(batches.values().all(|size| *size <= 64), "a batch over the new limit: {batches:?}");
	assert_eq!(payments::balance(&rpc, &bob).await, before + 210 * PRICE);
	assert!(
		!node.logs().contains("cannot submit a settle_batch"),
		"the pool refused a batch after the upgrade"
	);
	node.stop().unwrap();
}
