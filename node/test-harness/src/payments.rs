//! Steps that payment tests share: funding accounts from Alice, a node with a funded EVM
//! payer, the facilitator's HTTP calls and waiting for a payment's status over JSON-RPC.

use std::time::Duration;

use agentchain_primitives::{AccountId, Balance};
use jsonrpsee::{core::client::ClientT, rpc_params};
use polkadot_sdk::{
	sp_core::{ecdsa, Pair, H256},
	sp_crypto_hashing::keccak_256,
	sp_keyring::Sr25519Keyring,
};
use serde_json::Value;

use crate::{exact, extrinsic, http, Node, NodeOptions, Rpc};

/// How long a test waits for a block, a status or a node.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// `call` signed by Alice, once it is final.
pub async fn from_alice(rpc: &Rpc, call: agentchain_runtime::RuntimeCall) {
	let alice = Sr25519Keyring::Alice.pair();
	let genesis = rpc.genesis_hash().await.unwrap();
	let nonce = rpc.account_nonce(&alice.public().into()).await.unwrap();
	rpc.submit_and_watch(&extrinsic::signed(call, &alice, nonce, genesis), TIMEOUT)
		.await
		.expect("final");
}

/// Gives `payer`'s account `amount` of the stablecoin from Alice.
pub async fn fund(rpc: &Rpc, payer: &ecdsa::Pair, amount: Balance) {
	from_alice(rpc, extrinsic::stablecoin_transfer(exact::account_of(payer), amount)).await;
}

/// The EVM key a test derives from `seed`.
pub fn evm_payer(seed: &[u8]) -> ecdsa::Pair {
	ecdsa::Pair::from_seed(&keccak_256(seed))
}

/// A node started with `options`, past its first finalized block, and an EVM payer (its key
/// from `seed`) holding `amount` of the stablecoin.
pub async fn node_with_payer(
	options: NodeOptions,
	seed: &[u8],
	amount: Balance,
) -> (Node, Rpc, ecdsa::Pair) {
	let node = Node::start(options).await.expect("the node starts");
	let rpc = node.rpc().await.unwrap();
	rpc.wait_for_finalized(1, TIMEOUT).await.unwrap();
	let payer = evm_payer(seed);
	fund(&rpc, &payer, amount).await;
	(node, rpc, payer)
}

/// `who`'s stablecoin balance at the best block.
pub async fn balance(rpc: &Rpc, who: &AccountId) -> Balance {
	rpc.stablecoin_balance(who, None).await.unwrap()
}

/// POSTs `body` to the facilitator's `path`: the status and the JSON answer.
pub fn post(node: &Node, path: &str, body: &str) -> (u16, Value) {
	let (status, text) = http::post(&format!("{}{path}", node.facilitator_url()), body).unwrap();
	(status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

/// `id`'s `x402_status` once `wanted` says it is reached; fails the test after [`TIMEOUT`], or
/// at once if the payment failed and `wanted` did not expect that.
pub async fn wait_for_status(rpc: &Rpc, id: H256, wanted: impl Fn(&Value) -> bool) -> Value {
	let deadline = tokio::time::Instant::now() + TIMEOUT;
	loop {
		let status: Value = rpc.client().request("x402_status", rpc_params![id]).await.unwrap();
		if wanted(&status) {
			return status;
		}
		assert_ne!(status["status"], "failed", "{status}");
		assert!(tokio::time::Instant::now() < deadline, "still {status}");
		tokio::time::sleep(Duration::from_millis(250)).await;
	}
}

/// Runs the stock x402 script `script` (in `dir`, with its npm packages installed) against
/// `node`'s facilitator: a resource server priced at `price` of the stablecoin paid to
/// `pay_to`, and a client paying with the EVM key `secret`. Its last line of output, as JSON.
pub fn run_stock_script(
	dir: &std::path::Path,
	script: &str,
	node: &Node,
	pay_to: polkadot_sdk::sp_core::H160,
	price: Balance,
	secret: &[u8; 32],
) -> Value {
	run_stock_script_with(dir, script, node, pay_to, price, secret, &[])
}

/// [`run_stock_script`] with more environment variables for the script (`extra`).
pub fn run_stock_script_with(
	dir: &std::path::Path,
	script: &str,
	node: &Node,
	pay_to: polkadot_sdk::sp_core::H160,
	price: Balance,
	secret: &[u8; 32],
	extra: &[(&str, &str)],
) -> Value {
	assert!(
		dir.join("node_modules/@x402/express").exists(),
		"run `npm ci` in {} first (scripts/test.sh does)",
		dir.display()
	);
	let output = std::process::Command::new("node")
		.arg(dir.join(script))
		.current_dir(dir)
		.env("FACILITATOR_URL", node.facilitator_url())
		.env("NETWORK", exact::network())
		.env("ASSET", exact::stablecoin_address())
		.env("TOKEN_NAME", agentchain_primitives::stablecoin::NAME)
		.env("TOKEN_VERSION", agentchain_primitives::stablecoin::EIP712_VERSION)
		.env("PAY_TO", format!("{pay_to:?}"))
		.env("PRICE", price.to_string())
		.env("PAYER_KEY", format!("0x{}", hex::encode(secret)))
		.envs(extra.iter().copied())
		.output()
		.expect("node.js runs");
	let stdout = String::from_utf8_lossy(&output.stdout);
	assert!(output.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&output.stderr));
	serde_json::from_str(stdout.lines().last().unwrap_or_default()).expect(&stdout)
}

/// Puts an sr25519 `x402` (facilitator) key from `suri` into the keystore at `keystore`, with
/// the node binary's `key insert`.
pub fn insert_facilitator_key(binary: &str, keystore: &std::path::Path, suri: &str) {
	let inserted = std::process::Command::new(binary)
		.args(["key", "insert", "--chain", "dev", "--keystore-path"])
		.arg(keystore)
		.args(["--key-type", "x402", "--scheme", "sr25519", "--suri", suri])
		.status()
		.expect("the node binary runs");
	assert!(inserted.success(), "key insert: {inserted}");
}

/// The account of the sr25519 key from `suri`.
pub fn account_of_suri(suri: &str) -> AccountId {
	polkadot_sdk::sp_core::sr25519::Pair::from_string(suri, None)
		.expect("a valid secret URI")
		.public()
		.into()
}

/// Dev-node options (for the node binary `binary`) whose facilitator signs with the key from
/// `suri`, put into the keystore `keystore`, and holds nothing: the pool refuses its batches, so
/// what it accepts waits until [`fund_facilitator`].
pub fn unfunded_facilitator(binary: &str, suri: &str, keystore: &std::path::Path) -> NodeOptions {
	insert_facilitator_key(binary, keystore, suri);
	let mut options = NodeOptions::dev(binary);
	options.extra_args = vec!["--keystore-path".into(), keystore.display().to_string()];
	options
}

/// Gives the facilitator key from `suri` 10 AGC for fees, from Alice.
pub async fn fund_facilitator(rpc: &Rpc, suri: &str) {
	from_alice(
		rpc,
		extrinsic::native_transfer(account_of_suri(suri), 10 * agentchain_primitives::UNIT),
	)
	.await;
}

/// A dev node whose facilitator key (from `suri`) holds nothing, as [`unfunded_facilitator`],
/// and an EVM payer (its key from `seed`) holding `amount`; the keystore lives as long as the
/// returned directory.
pub async fn node_with_unfunded_facilitator(
	binary: &str,
	suri: &str,
	seed: &[u8],
	amount: Balance,
) -> (Node, Rpc, ecdsa::Pair, tempfile::TempDir) {
	let keystore = tempfile::tempdir().expect("a temporary directory");
	let options = unfunded_facilitator(binary, suri, keystore.path());
	let (node, rpc, payer) = node_with_payer(options, seed, amount).await;
	(node, rpc, payer, keystore)
}
