//! The node's minimal Ethereum JSON-RPC surface, read by a stock viem client with the ABIs
//! `@x402/evm` ships: chain id, block number, and the asset views x402 clients read (balance,
//! Permit2 allowance, EIP-3009 nonce state, EIP-712 name and version, decimals). Anything else
//! is a clear error, never a made-up answer.

use std::path::PathBuf;

use agentchain_primitives::{stablecoin, Balance, DEV_EVM_CHAIN_ID};
use agentchain_test_harness::{
	evm,
	exact::{self, requirements, Authorization},
	payments::{self, post},
	NodeOptions,
};
use polkadot_sdk::{sp_core::U256, sp_keyring::Sr25519Keyring};

const NODE: &str = env!("CARGO_BIN_EXE_agentchain-node");
const FUNDS: Balance = 100_000;
const PRICE: Balance = 2_500;

fn interop_dir() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/x402-interop")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stock_viem_client_reads_the_asset_views_and_nothing_else() {
	let (node, _rpc, payer) =
		payments::node_with_payer(NodeOptions::dev(NODE), b"eth reader", FUNDS).await;
	let bob = Sr25519Keyring::Bob.to_account_id();
	let paid = Authorization::new(PRICE, b"a used nonce");
	let request = paid.request(&payer, &bob, requirements(PRICE, exact::address_of(&bob)));
	let (_, settled) = post(&node, "/settle", &request.to_string());
	assert_eq!(settled["success"], true, "{settled}");

	let holder = format!("{:?}", evm::address_of(&payer));
	let nonce = format!("0x{}", hex::encode(paid.nonce));
	let reads = payments::run_stock_script_with(
		&interop_dir(),
		"eth-reads.mjs",
		&node,
		exact::address_of(&bob),
		PRICE,
		&[0x11; 32],
		&[
			("RPC_URL", &node.http_url()),
			("HOLDER", &holder),
			("AUTHORIZER", &holder),
			("NONCE", &nonce),
		],
	);

	assert_eq!(reads["chainId"]["value"], DEV_EVM_CHAIN_ID, "{reads}");
	assert!(reads["blockNumber"]["value"].as_str().unwrap().parse::<u64>().unwrap() > 0, "{reads}");
	assert_eq!(reads["balance"]["value"], (FUNDS - PRICE).to_string(), "{reads}");
	assert_eq!(reads["permit2Allowance"]["value"], U256::MAX.to_string(), "{reads}");
	assert_eq!(reads["otherAllowance"]["value"], "0", "{reads}");
	assert_eq!(reads["usedNonce"]["value"], true, "{reads}");
	assert_eq!(reads["freshNonce"]["value"], false, "{reads}");
	assert_eq!(reads["name"]["value"], stablecoin::NAME, "{reads}");
	assert_eq!(reads["version"]["value"], stablecoin::EIP712_VERSION, "{reads}");
	assert_eq!(reads["decimals"]["value"], stablecoin::DECIMALS, "{reads}");
	for refused in ["notAnAsset", "notAView"] {
		let details = reads[refused]["details"].as_str().unwrap_or_default();
		assert!(details.contains("agentchain is not an EVM"), "{refused}: {reads}");
	}
	let details = reads["notAMethod"]["details"].as_str().unwrap_or_default();
	assert!(details.contains("Method not found"), "{reads}");
	node.stop().unwrap();
}
