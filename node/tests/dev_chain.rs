//! The dev chain, end to end through a real node process: blocks are produced and finalized,
//! a stablecoin transfer submitted over JSON-RPC is finalized, and the node stops cleanly.

use std::time::Duration;

use agentchain_primitives::{stablecoin, AccountId};
use agentchain_test_harness::{extrinsic, Node};
use polkadot_sdk::{
	sp_core::{sr25519, Pair},
	sp_keyring::Sr25519Keyring,
};

const NODE: &str = env!("CARGO_BIN_EXE_agentchain-node");

#[tokio::test(flavor = "multi_thread")]
async fn stablecoin_transfer_is_finalized() {
	let node = Node::dev(NODE).await.expect("dev node starts");
	let rpc = node.rpc().await.expect("rpc connects");
	rpc.wait_for_finalized(1, Duration::from_secs(60))
		.await
		.expect("blocks finalize");

	let alice = Sr25519Keyring::Alice.pair();
	// A brand-new account: the stablecoin is sufficient, so it can hold USDC without any native
	// balance, as a paying agent would.
	let agent = sr25519::Pair::from_string("//agent-under-test", None).unwrap();
	let agent_id: AccountId = agent.public().into();
	let amount = 12 * stablecoin::UNIT + 345_678;

	let genesis = rpc.genesis_hash().await.unwrap();
	let alice_id: AccountId = alice.public().into();
	let alice_before = rpc.stablecoin_balance(&alice_id, None).await.unwrap();
	assert_eq!(rpc.stablecoin_balance(&agent_id, None).await.unwrap(), 0);

	let nonce = rpc.account_nonce(&alice_id).await.unwrap();
	let xt = extrinsic::signed(
		extrinsic::stablecoin_transfer(agent_id.clone(), amount),
		&alice,
		nonce,
		genesis,
	);
	let outcome = rpc.submit_and_watch(&xt, Duration::from_secs(60)).await.expect("finalized");

	let at = Some(outcome.finalized);
	assert_eq!(rpc.stablecoin_balance(&agent_id, at).await.unwrap(), amount);
	assert_eq!(rpc.stablecoin_balance(&alice_id, at).await.unwrap(), alice_before - amount);

	// The same signed extrinsic again is a replay: the pool refuses its stale nonce.
	let replay = rpc.submit_and_watch(&xt, Duration::from_secs(10)).await;
	assert!(replay.is_err(), "a replayed extrinsic must be refused");

	node.stop().expect("node stops cleanly");
}

#[tokio::test(flavor = "multi_thread")]
async fn export_genesis_matches_the_running_chain() {
	let output = std::process::Command::new(NODE)
		.args(["export-genesis", "--chain", "dev"])
		.output()
		.expect("runs");
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let exported: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");

	let node = Node::dev(NODE).await.expect("dev node starts");
	let genesis = node.rpc().await.unwrap().genesis_hash().await.unwrap();
	assert_eq!(exported["hash"].as_str().unwrap(), format!("{genesis:?}"));
	node.stop().expect("node stops cleanly");
}
