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
