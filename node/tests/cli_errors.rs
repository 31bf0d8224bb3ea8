//! Bad command-line input ends the node with a clear error and a non-zero exit, never a panic.

use std::{net::TcpListener, process::Command};

const NODE: &str = env!("CARGO_BIN_EXE_agentchain-node");

/// Runs the node with `args` and returns (succeeded, stderr + stdout).
fn run(args: &[&str]) -> (bool, String) {
	let output = Command::new(NODE).args(args).output().expect("the node binary runs");
	let text = format!(
		"{}{}",
		String::from_utf8_lossy(&output.stderr),
		String::from_utf8_lossy(&output.stdout)
	);
	assert!(!text.contains("panicked"), "the node panicked on {args:?}:\n{text}");
	(output.status.success(), text)
}

#[test]
fn unknown_chain_is_refused() {
	let (ok, text) = run(&["--chain", "no-such-chain", "--tmp"]);
	assert!(!ok);
	assert!(text.contains("unknown chain `no-such-chain`"), "{text}");
}

#[test]
fn malformed_chain_spec_file_is_refused() {
	let dir = tempfile::tempdir().unwrap();
	let spec = dir.path().join("spec.json");
	std::fs::write(&spec, "{ not json").unwrap();
	let (ok, text) = run(&["--chain", spec.to_str().unwrap(), "--tmp"]);
	assert!(!ok);
	assert!(text.to_lowercase().contains("error"), "{text}");
}

#[test]
fn occupied_rpc_port_is_refused() {
	let taken = TcpListener::bind("127.0.0.1:0").unwrap();
	let port = taken.local_addr().unwrap().port().to_string();
	let p2p = agentchain_test_harness::free_port().to_string();
	let prometheus = agentchain_test_harness::free_port().to_string();
	let (ok, text) = run(&[
		"--dev",
		"--tmp",
		"--rpc-port",
		&port,
		"--port",
		&p2p,
		"--prometheus-port",
		&prometheus,
	]);
	assert!(!ok, "the node must not start on an occupied RPC port:\n{text}");
	assert!(text.contains("in use"), "{text}");
}

#[test]
fn non_numeric_port_is_refused() {
	let (ok, text) = run(&["--dev", "--rpc-port", "ninety"]);
	assert!(!ok);
	assert!(text.contains("--rpc-port"), "{text}");
}

/// `key insert` of `suri` under `key_type` into a fresh keystore.
fn key_insert(key_type: &str, suri: &str) -> (bool, String) {
	let dir = tempfile::tempdir().unwrap();
	let base_path = dir.path().to_str().unwrap();
	run(&[
		"key",
		"insert",
		"--chain",
		"dev",
		"--base-path",
		base_path,
		"--key-type",
		key_type,
		"--scheme",
		"sr25519",
		"--suri",
		suri,
	])
}

#[test]
fn bad_secret_uri_is_refused_by_key_insert() {
	let (ok, text) = key_insert("aura", "this is not a valid secret phrase");
	assert!(!ok);
	assert!(text.to_lowercase().contains("invalid"), "{text}");
}

#[test]
fn bad_key_type_is_refused_by_key_insert() {
	let (ok, text) = key_insert("toolong", "//Alice");
	assert!(!ok);
	assert!(text.to_lowercase().contains("key type"), "{text}");
}

#[test]
fn key_insert_accepts_a_dev_key() {
	let (ok, text) = key_insert("aura", "//Alice");
	assert!(ok, "{text}");
}

#[test]
fn build_spec_and_export_chain_spec_print_json() {
	for args in
		[&["build-spec", "--chain", "local"][..], &["export-chain-spec", "--chain", "local"]]
	{
		let output = Command::new(NODE).args(args).output().unwrap();
		assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
		let spec: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
		assert_eq!(spec["id"], "agentchain_local");
	}
}

/// A secret URI file in a fresh directory.
fn suri_file(suri: &str) -> (tempfile::TempDir, String) {
	let dir = tempfile::tempdir().unwrap();
	let path = dir.path().join("payer.suri");
	std::fs::write(&path, suri).unwrap();
	let path = path.to_str().unwrap().to_owned();
	(dir, path)
}

const GENESIS: &str = "0x1111111111111111111111111111111111111111111111111111111111111111";

#[test]
fn x402_sign_prints_a_request_the_chain_would_verify() {
	use agentchain_primitives::x402::{native_signing_payload, PaymentIntent, Purpose};
	use codec::Decode;
	use polkadot_sdk::{
		sp_core::{crypto::Ss58Codec, H256},
		sp_keyring::Sr25519Keyring,
		sp_runtime::{traits::Verify, MultiSignature},
	};
	let (_dir, path) = suri_file("//Dave\n");
	let bob = Sr25519Keyring::Bob.to_account_id().to_ss58check();
	let args = ["x402", "sign", "--suri-file", &path, "--genesis-hash", GENESIS];
	let (ok, text) = run(&[&args[..], &["--pay-to", &bob, "--amount", "10000"]].concat());
	assert!(ok, "{text}");
	let request: serde_json::Value = serde_json::from_str(&text).expect(&text);
	let required = &request["paymentRequirements"];
	assert_eq!(required["network"], format!("polkadot:{}", &GENESIS[2..34]), "{text}");
	assert_eq!(required["extra"]["genesisHash"], GENESIS, "{text}");
	assert_eq!(request["paymentPayload"]["accepted"], *required, "{text}");
	let wire = &request["paymentPayload"]["payload"]["intent"];
	let dave = Sr25519Keyring::Dave.to_account_id();
	assert_eq!(wire["payer"], dave.to_ss58check(), "{text}");
	// The signature is Dave's over the one native signing payload of `agentchain_primitives`.
	let number = |field: &str| wire[field].as_str().unwrap().parse::<u64>().unwrap();
	let intent = PaymentIntent {
		payer: dave.clone(),
		payee: Sr25519Keyring::Bob.to_account_id(),
		asset: agentchain_primitives::stablecoin::ASSET_ID,
		amount: 10_000u128,
		valid_after: number("validAfter"),
		valid_before: number("validBefore"),
		nonce: hex::decode(&wire["nonce"].as_str().unwrap()[2..]).unwrap().try_into().unwrap(),
		reference: None,
	};
	let signature = request["paymentPayload"]["payload"]["signature"].as_str().unwrap();
	let signature =
		MultiSignature::decode(&mut &hex::decode(&signature[2..]).unwrap()[..]).unwrap();
	let genesis: H256 = GENESIS.parse().unwrap();
	let payload = native_signing_payload(Purpose::Transfer, genesis, &intent);
	assert!(signature.verify(&payload[..], &dave), "{text}");
}

#[test]
fn x402_commands_refuse_bad_input_clearly() {
	let (_dir, good) = suri_file("//Dave");
	let (_bad_dir, bad) = suri_file("not a key at all");
	let (_empty_dir, empty) = suri_file("  \n");
	let sign = |key: &[&str], rest: &[&str]| {
		let head = ["x402", "sign", "--genesis-hash", GENESIS];
		run(&[&head[..], key, rest].concat())
	};
	let to_bob = ["--pay-to", "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", "--amount", "1"];
	let cases: Vec<(&str, (bool, String))> = vec![
		("--suri-file", sign(&[], &to_bob)),
		("No such file", sign(&["--suri-file", "/no/such/file"], &to_bob)),
		("is not a valid key", sign(&["--suri-file", &bad], &to_bob)),
		("is empty", sign(&["--suri-file", &empty], &to_bob)),
		(
			"is not an SS58 or 0x-hex account",
			sign(&["--suri-file", &good], &["--pay-to", "nobody", "--amount", "1"]),
		),
		(
			"the amount is zero",
			sign(&["--suri-file", &good], &[&to_bob[..2], &["--amount", "0"]].concat()),
		),
		(
			"a reference is 32 bytes",
			sign(&["--suri-file", &good], &[&to_bob[..], &["--reference", "0x12"]].concat()),
		),
		(
			"holds no `agnt` sr25519 key",
			sign(&["--keystore-path", _dir.path().to_str().unwrap()], &to_bob),
		),
		(
			"Connection refused",
			run(&["x402", "pay", "http://127.0.0.1:9/", "--suri-file", &good, "--max-amount", "1"]),
		),
		("invalid", run(&["x402", "status", "not-a-payment-id"])),
	];
	for (expected, (ok, text)) in cases {
		assert!(!ok, "{expected}: succeeded: {text}");
		assert!(text.contains(expected), "expected `{expected}` in:\n{text}");
		assert!(!text.contains("not a key at all"), "an error repeated the secret:\n{text}");
	}
}
