//! Spending mandates on a real dev node, paid through by stock x402 packages: an agent whose
//! key holds nothing pays from its owner's account within the mandate's limits, is refused past
//! them with the mandate's reason codes, and is refused once the owner revokes. An EVM root
//! grants and revokes by signed messages that anyone submits, and the facilitator holds its
//! agent to the mandate's endpoint list. A native root grants and revokes with the node binary.

use std::path::PathBuf;

use agentchain_primitives::{
	mandates::{
		accept_digest, grant_digest, revoke_digest, DelegateConsent, Endpoint, MandateTerms,
	},
	stablecoin,
	x402::IntentSignature,
	AccountId, Balance, DEV_EVM_CHAIN_ID,
};
use agentchain_test_harness::{
	evm,
	exact::{self, requirements, Authorization},
	payments::{self, TIMEOUT},
	Node, Rpc,
};
use jsonrpsee::{core::client::ClientT, rpc_params};
use polkadot_sdk::{
	sp_core::{crypto::Ss58Codec, ecdsa, Pair, H160, H256},
	sp_crypto_hashing::keccak_256,
	sp_keyring::Sr25519Keyring,
	sp_runtime::BoundedVec,
};
use serde_json::{json, Value};

const NODE: &str = env!("CARGO_BIN_EXE_agentchain-node");
const PRICE: Balance = 10_000;

fn interop_dir() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/x402-interop")
}

fn bob_address() -> H160 {
	exact::address_of(&Sr25519Keyring::Bob.to_account_id())
}

/// The stock server and client paying `price` to Bob with the EVM key `secret`.
fn stock_payment(node: &Node, secret: &[u8; 32], price: Balance) -> Value {
	payments::run_stock_script(&interop_dir(), "interop.mjs", node, bob_address(), price, secret)
}

/// Terms in the stablecoin with a daily budget, expiring in a day.
fn daily(max_per_payment: Balance, budget_per_period: Balance) -> MandateTerms {
	let day = 24 * 60 * 60;
	MandateTerms {
		asset: stablecoin::ASSET_ID,
		max_per_payment,
		budget_per_period,
		period: day,
		max_payments_per_period: None,
		lifetime_total: None,
		expires: exact::unix_now() + day,
		payees: BoundedVec::new(),
		endpoints: BoundedVec::new(),
	}
}

/// Alice grants the EVM key `agent` `terms`, with the key's EIP-712 consent.
async fn alice_grants(rpc: &Rpc, agent: &ecdsa::Pair, terms: MandateTerms) {
	let alice: AccountId = Sr25519Keyring::Alice.to_account_id();
	let delegate = exact::account_of(agent);
	let deadline = exact::unix_now() + 600;
	let digest = accept_digest(DEV_EVM_CHAIN_ID, &alice, &delegate, deadline);
	let consent = DelegateConsent {
		deadline,
		signature: IntentSignature::Evm(evm::sign_digest(agent, &digest)),
	};
	payments::from_alice(
		rpc,
		agentchain_runtime::RuntimeCall::Mandates(pallet_mandates::Call::grant {
			delegate,
			terms: Box::new(terms),
			consent,
		}),
	)
	.await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stock_client_with_a_key_that_holds_nothing_pays_from_its_owners_account() {
	let node = Node::dev(NODE).await.expect("dev node starts");
	let rpc = node.rpc().await.unwrap();
	rpc.wait_for_finalized(1, TIMEOUT).await.unwrap();
	let secret = keccak_256(b"agentchain mandate agent");
	let agent = ecdsa::Pair::from_seed(&secret);
	let agent_account = exact::account_of(&agent);
	let (alice, bob) = (Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Bob.to_account_id());
	alice_grants(&rpc, &agent, daily(2 * PRICE, 3 * PRICE)).await;
	let (alice_before, bob_before) =
		(payments::balance(&rpc, &alice).await, payments::balance(&rpc, &bob).await);

	// The agent's key holds nothing; its payment debits Alice.
	let paid = stock_payment(&node, &secret, PRICE);
	assert_eq!(paid["status"], 200, "{paid}");
	assert_eq!(paid["paymentResponse"]["success"], true, "{paid}");
	assert_eq!(payments::balance(&rpc, &agent_account).await, 0);
	assert_eq!(payments::balance(&rpc, &bob).await, bob_before + PRICE);
	assert_eq!(payments::balance(&rpc, &alice).await, alice_before - PRICE);

	// Over the cap per payment: refused with the mandate's reason, nothing moves.
	let over_cap = stock_payment(&node, &secret, 2 * PRICE + 1);
	assert_eq!(over_cap["status"], 402, "{over_cap}");
	assert_eq!(over_cap["paidError"], "mandate_over_payment_cap", "{over_cap}");

	// Up to the period's budget, then over it.
	let second = stock_payment(&node, &secret, 2 * PRICE);
	assert_eq!(second["status"], 200, "{second}");
	let over_budget = stock_payment(&node, &secret, 1);
	assert_eq!(over_budget["status"], 402, "{over_budget}");
	assert_eq!(over_budget["paidError"], "mandate_over_period_budget", "{over_budget}");
	assert_eq!(payments::balance(&rpc, &alice).await, alice_before - 3 * PRICE);
	assert_eq!(payments::balance(&rpc, &bob).await, bob_before + 3 * PRICE);

	// Revoked by Alice: the key's next payment is refused as revoked, not tried against its
	// own (empty) funds.
	payments::from_alice(
		&rpc,
		agentchain_runtime::RuntimeCall::Mandates(pallet_mandates::Call::revoke { mandate: 0 }),
	)
	.await;
	let revoked = stock_payment(&node, &secret, 1);
	assert_eq!(revoked["status"], 402, "{revoked}");
	assert_eq!(revoked["paidError"], "mandate_revoked", "{revoked}");
	assert_eq!(payments::balance(&rpc, &alice).await, alice_before - 3 * PRICE);
	node.stop().unwrap();
}

/// `x402_submit` of `request`: the payment id, or the refusal's reason code.
async fn submit(rpc: &Rpc, request: &Value) -> Result<H256, String> {
	rpc.client()
		.request::<H256, _>("x402_submit", rpc_params![request])
		.await
		.map_err(|error| {
			let text = format!("{error:?}");
			["mandate_over_period_budget", "insufficient_funds"]
				.into_iter()
				.find(|reason| text.contains(reason))
				.map_or(text.clone(), str::to_owned)
		})
}

#[tokio::test(flavor = "multi_thread")]
async fn a_burst_through_a_mandate_is_held_to_its_budget_before_the_chain_sees_it() {
	let node = Node::dev(NODE).await.expect("dev node starts");
	let rpc = node.rpc().await.unwrap();
	rpc.wait_for_finalized(1, TIMEOUT).await.unwrap();
	let agent = payments::evm_payer(b"bursting agent");
	alice_grants(&rpc, &agent, daily(PRICE, 3 * PRICE)).await;
	let bob = Sr25519Keyring::Bob.to_account_id();
	let before = payments::balance(&rpc, &bob).await;

	// 20 payments of the budget's third, all at once: the facilitator counts the queued ones
	// against the mandate, so exactly three are accepted.
	let requests: Vec<Value> = (0..20u32)
		.map(|n| {
			Authorization::new(PRICE, &n.to_le_bytes()).request(
				&agent,
				&bob,
				requirements(PRICE, bob_address()),
			)
		})
		.collect();
	let answers =
		futures::future::join_all(requests.iter().map(|request| submit(&rpc, request))).await;
	let accepted: Vec<H256> = answers.iter().filter_map(|a| a.as_ref().ok().copied()).collect();
	let refused: Vec<&String> = answers.iter().filter_map(|a| a.as_ref().err()).collect();
	assert_eq!(accepted.len(), 3, "{refused:?}");
	assert!(refused.iter().all(|reason| *reason == "mandate_over_period_budget"), "{refused:?}");
	for id in &accepted {
		payments::wait_for_status(&rpc, *id, |status| status["status"] == "finalized").await;
	}
	assert_eq!(payments::balance(&rpc, &bob).await, before + 3 * PRICE);
	node.stop().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_session_key_pays_within_its_narrower_limits_until_it_expires() {
	let node = Node::dev(NODE).await.expect("dev node starts");
	let rpc = node.rpc().await.unwrap();
	rpc.wait_for_finalized(1, TIMEOUT).await.unwrap();
	let agent = payments::evm_payer(b"session-granting agent");
	let session_secret = keccak_256(b"agentchain session key");
	let session = ecdsa::Pair::from_seed(&session_secret);
	let agent_terms = daily(10 * PRICE, 100 * PRICE);
	alice_grants(&rpc, &agent, agent_terms.clone()).await;

	// The agent's EVM key cannot sign an extrinsic: it signs a grant message for a session
	// that expires in 40 s, the session key consents, and anyone (Alice here) submits both.
	let agent_account = exact::account_of(&agent);
	let session_account = exact::account_of(&session);
	let session_terms =
		MandateTerms { max_per_payment: PRICE, expires: exact::unix_now() + 40, ..agent_terms };
	let deadline = exact::unix_now() + 600;
	let grant = grant_digest(DEV_EVM_CHAIN_ID, &session_account, &session_terms, 0, deadline);
	let consent_digest =
		accept_digest(DEV_EVM_CHAIN_ID, &agent_account, &session_account, deadline);
	payments::from_alice(
		&rpc,
		agentchain_runtime::RuntimeCall::Mandates(pallet_mandates::Call::grant_signed {
			granter: agent_account,
			delegate: session_account,
			terms: Box::new(session_terms),
			deadline,
			signature: evm::sign_digest(&agent, &grant),
			consent: DelegateConsent {
				deadline,
				signature: IntentSignature::Evm(evm::sign_digest(&session, &consent_digest)),
			},
		}),
	)
	.await;

	let within = stock_payment(&node, &session_secret, PRICE);
	assert_eq!(within["status"], 200, "{within}");
	// Within the agent's cap, over the session's.
	let over = stock_payment(&node, &session_secret, PRICE + 1);
	assert_eq!(over["paidError"], "mandate_over_payment_cap", "{over}");
	// Past the session's expiry (by the chain's clock), refused as expired.
	let expires = exact::unix_now() + 40;
	while exact::unix_now() <= expires + 4 {
		tokio::time::sleep(std::time::Duration::from_secs(2)).await;
	}
	let expired = stock_payment(&node, &session_secret, PRICE);
	assert_eq!(expired["status"], 402, "{expired}");
	assert_eq!(expired["paidError"], "mandate_expired", "{expired}");
	node.stop().unwrap();
}

/// `message` of type `primary_type` signed by the EVM key `secret` with a stock viem account
/// (`signTypedData`, as a wallet signs), once viem's digest of it is found to be ours.
fn viem_signs(secret: &[u8; 32], primary_type: &str, message: Value, digest: [u8; 32]) -> [u8; 65] {
	let request = serde_json::json!({
		"key": format!("0x{}", hex::encode(secret)),
		"chainId": DEV_EVM_CHAIN_ID,
		"primaryType": primary_type,
		"message": message,
	});
	let output = std::process::Command::new("node")
		.arg("mandate-message.mjs")
		.arg(request.to_string())
		.current_dir(interop_dir())
		.output()
		.expect("node.js runs");
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let signed: Value = serde_json::from_slice(&output.stdout).expect("one JSON line");
	assert_eq!(
		signed["digest"],
		format!("0x{}", hex::encode(digest)),
		"viem's {primary_type} digest"
	);
	let signature = hex::decode(signed["signature"].as_str().unwrap().trim_start_matches("0x"));
	signature.unwrap().try_into().expect("65 bytes")
}

fn hex32(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// `method` of the mandates RPC with `params`.
async fn mandates_rpc(
	rpc: &Rpc,
	method: &str,
	params: jsonrpsee::core::params::ArrayParams,
) -> Value {
	rpc.client().request::<Value, _>(method, params).await.expect(method)
}

/// The node binary's `mandates` subcommand against `node`: its JSON, or its error.
fn mandates_cli(node: &Node, args: &[&str]) -> Result<Value, String> {
	cli(node, "mandates", args)
}

/// The node binary's `command` subcommand against `node`: its JSON, or its error.
fn cli(node: &Node, command: &str, args: &[&str]) -> Result<Value, String> {
	let output = std::process::Command::new(NODE)
		.arg(command)
		.args(args)
		.args(["--rpc-url", &node.http_url()])
		.output()
		.unwrap();
	if !output.status.success() {
		return Err(String::from_utf8_lossy(&output.stderr).into_owned());
	}
	Ok(serde_json::from_slice(&output.stdout).expect("JSON"))
}

#[tokio::test(flavor = "multi_thread")]
async fn an_evm_root_grants_and_revokes_by_signed_messages_and_its_endpoint_list_holds() {
	let node = Node::dev(NODE).await.expect("dev node starts");
	let rpc = node.rpc().await.unwrap();
	rpc.wait_for_finalized(1, TIMEOUT).await.unwrap();
	// The root is an EVM key with funds and nothing to pay fees with; the agent's holds nothing.
	let root_secret = keccak_256(b"evm root");
	let root = ecdsa::Pair::from_seed(&root_secret);
	payments::fund(&rpc, &root, 100 * PRICE).await;
	let agent_secret = keccak_256(b"agent of an evm root");
	let agent = ecdsa::Pair::from_seed(&agent_secret);
	let (root_account, agent_account) = (exact::account_of(&root), exact::account_of(&agent));
	let report: Endpoint = Endpoint {
		method: BoundedVec::new(),
		host: b"127.0.0.1".to_vec().try_into().unwrap(),
		path_prefix: b"/report".to_vec().try_into().unwrap(),
	};
	let terms =
		MandateTerms { endpoints: vec![report].try_into().unwrap(), ..daily(PRICE, 10 * PRICE) };

	// The root's wallet signs the grant (its first: nonce 0), the agent's its consent, both with
	// viem's `signTypedData`; Alice submits them.
	let deadline = exact::unix_now() + 600;
	let grant = viem_signs(
		&root_secret,
		"MandateGrant",
		serde_json::json!({
			"delegate": hex32(agent_account.as_ref()),
			"terms": hex32(&codec::Encode::encode(&terms)),
			"nonce": "0",
			"deadline": deadline.to_string(),
		}),
		grant_digest(DEV_EVM_CHAIN_ID, &agent_account, &terms, 0, deadline),
	);
	let consent = viem_signs(
		&agent_secret,
		"MandateAccept",
		serde_json::json!({
			"granter": hex32(root_account.as_ref()),
			"delegate": hex32(agent_account.as_ref()),
			"deadline": deadline.to_string(),
		}),
		accept_digest(DEV_EVM_CHAIN_ID, &root_account, &agent_account, deadline),
	);
	payments::from_alice(
		&rpc,
		agentchain_runtime::RuntimeCall::Mandates(pallet_mandates::Call::grant_signed {
			granter: root_account.clone(),
			delegate: agent_account.clone(),
			terms: Box::new(terms),
			deadline,
			signature: grant,
			consent: DelegateConsent { deadline, signature: IntentSignature::Evm(consent) },
		}),
	)
	.await;
	let authority =
		mandates_rpc(&rpc, "mandates_authorityOf", rpc_params![agent_account.to_ss58check()]).await;
	assert_eq!(authority.as_array().map(Vec::len), Some(1), "{authority}");
	assert_eq!(authority[0]["root"], root_account.to_ss58check(), "{authority}");
	let mandate = authority[0]["id"].as_u64().expect("a mandate id");

	// On the list: paid from the root's funds; the receipt names root and mandate.
	let bob = Sr25519Keyring::Bob.to_account_id();
	let paid = stock_payment(&node, &agent_secret, PRICE);
	assert_eq!(paid["status"], 200, "{paid}");
	assert_eq!(payments::balance(&rpc, &root_account).await, 99 * PRICE);
	let best = rpc.best_number().await.unwrap();
	let statement = rpc.x402_statement(&bob, stablecoin::ASSET_ID, 0, best).await.unwrap();
	let (_, receipt) = statement.open.last().expect("the payment's receipt");
	assert_eq!(receipt.payer, agent_account);
	let spend = receipt.mandate.as_ref().expect("a mandated receipt");
	assert_eq!((&spend.root, &spend.mandates[..]), (&root_account, &[mandate][..]));
	let status = mandates_rpc(&rpc, "mandates_get", rpc_params![mandate]).await;
	assert_eq!(status["spentInPeriod"], PRICE.to_string(), "{status}");
	assert_eq!(status["available"], (9 * PRICE).to_string(), "{status}");
	// The node binary's `mandates` subcommand reads the same.
	let agent_ss58 = agent_account.to_ss58check();
	assert_eq!(mandates_cli(&node, &["show", &mandate.to_string()]), Ok(status.clone()));
	assert_eq!(mandates_cli(&node, &["authority-of", &agent_ss58]), Ok(json!([status])));
	let root_ss58 = root_account.to_ss58check();
	assert_eq!(mandates_cli(&node, &["of-root", &root_ss58]), Ok(json!([status])));

	// Off the list: the facilitator refuses it, and nothing moves.
	let elsewhere = payments::run_stock_script_with(
		&interop_dir(),
		"interop.mjs",
		&node,
		bob_address(),
		PRICE,
		&agent_secret,
		&[("ROUTE", "/archive")],
	);
	assert_eq!(elsewhere["status"], 402, "{elsewhere}");
	assert_eq!(elsewhere["paidError"], "mandate_endpoint_not_allowed", "{elsewhere}");
	assert_eq!(payments::balance(&rpc, &root_account).await, 99 * PRICE);
	// A payment the facilitator has already accepted for a resource on the list is still
	// refused for one off it: the lists apply to every request, known payment or not.
	let bob_id = Sr25519Keyring::Bob.to_account_id();
	let mut queued = Authorization::new(PRICE, b"queued for the report").request(
		&agent,
		&bob_id,
		requirements(PRICE, bob_address()),
	);
	queued["paymentPayload"]["resource"] = serde_json::json!({ "url": "http://127.0.0.1/report" });
	let id = submit(&rpc, &queued).await.expect("on the list");
	queued["paymentPayload"]["resource"] = serde_json::json!({ "url": "http://127.0.0.1/archive" });
	let (_, verified) = payments::post(&node, "/verify", &queued.to_string());
	assert_eq!(verified["invalidReason"], "mandate_endpoint_not_allowed", "{verified}");
	let (_, settled) = payments::post(&node, "/settle", &queued.to_string());
	assert_eq!(settled["errorReason"], "mandate_endpoint_not_allowed", "{settled}");
	payments::wait_for_status(&rpc, id, |status| status["status"] == "finalized").await;
	assert_eq!(payments::balance(&rpc, &root_account).await, 98 * PRICE);

	// A revocation signed by someone else is refused; the root's own, submitted by Alice, holds.
	let deadline = exact::unix_now() + 600;
	// `revoke_signed` of the mandate, for the root, signed with the key `secret`.
	let revoke_signed_with = |secret: &[u8; 32]| {
		let signature = viem_signs(
			secret,
			"MandateRevoke",
			serde_json::json!({ "mandate": mandate.to_string(), "deadline": deadline.to_string() }),
			revoke_digest(DEV_EVM_CHAIN_ID, mandate, deadline),
		);
		agentchain_runtime::RuntimeCall::Mandates(pallet_mandates::Call::revoke_signed {
			signer: root_account.clone(),
			mandate,
			deadline,
			signature,
		})
	};
	payments::from_alice(&rpc, revoke_signed_with(&agent_secret)).await;
	assert!(!mandates_rpc(&rpc, "mandates_get", rpc_params![mandate]).await.is_null());
	assert_eq!(stock_payment(&node, &agent_secret, PRICE)["status"], 200);
	payments::from_alice(&rpc, revoke_signed_with(&root_secret)).await;
	let revoked = stock_payment(&node, &agent_secret, PRICE);
	assert_eq!(revoked["status"], 402, "{revoked}");
	assert_eq!(revoked["paidError"], "mandate_revoked", "{revoked}");
	assert_eq!(payments::balance(&rpc, &root_account).await, 97 * PRICE);
	let gone = mandates_rpc(&rpc, "mandates_get", rpc_params![mandate]).await;
	assert!(gone.is_null(), "{gone}");
	let shown = mandates_cli(&node, &["show", &mandate.to_string()]);
	assert!(shown.as_ref().is_err_and(|e| e.contains("revoked or expired")), "{shown:?}");
	node.stop().unwrap();
}

/// A native root grants a mandate with the node binary (the delegate's consent from `mandates
/// accept`), the delegate pays within it, and the root revokes it. A consent given to another
/// granter, a revocation by someone else and bad arguments are refused before anything is
/// submitted, so they cost nothing; payments past the mandate are refused with its reasons.
#[tokio::test(flavor = "multi_thread")]
async fn a_native_root_grants_and_revokes_with_the_cli_and_refusals_cost_nothing() {
	let node = Node::dev(NODE).await.expect("dev node starts");
	let rpc = node.rpc().await.unwrap();
	rpc.wait_for_finalized(1, TIMEOUT).await.unwrap();
	let secrets = tempfile::tempdir().unwrap();
	let key_file = |name: &str, suri: &str| {
		let path = secrets.path().join(name);
		std::fs::write(&path, suri).unwrap();
		path.to_str().unwrap().to_owned()
	};
	let (alice_key, bob_key) = (key_file("alice.suri", "//Alice"), key_file("bob.suri", "//Bob"));
	let ferdie_key = key_file("ferdie.suri", "//Ferdie");
	let [alice, bob, ferdie] = [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Ferdie]
		.map(|key| key.to_account_id());
	let [alice_ss58, bob_ss58, ferdie_ss58] = [&alice, &bob, &ferdie].map(|a| a.to_ss58check());
	let bob_nonce = rpc.account_nonce(&bob).await.unwrap();

	let accepted =
		mandates_cli(&node, &["accept", "--suri-file", &ferdie_key, "--granter", &alice_ss58])
			.unwrap();
	assert_eq!(accepted["delegate"], ferdie_ss58, "{accepted}");
	let consent = accepted["consent"].as_str().unwrap();
	let grant = |key: &str, consent: &str, payee: &str| {
		let args = ["grant", "--suri-file", key, "--delegate", &ferdie_ss58, "--consent", consent];
		let terms = ["--max-per-payment", "10000", "--budget-per-period", "15000"];
		mandates_cli(&node, &[&args[..], &terms, &["--payee", payee]].concat())
	};
	// Bob sends Ferdie's consent to Alice as if it were to him; then garbage arguments.
	let refused = grant(&bob_key, consent, &bob_ss58).unwrap_err();
	assert!(refused.contains("the chain refuses it: BadDelegateConsent"), "{refused}");
	let refused = grant(&alice_key, "0x1234", &bob_ss58).unwrap_err();
	assert!(refused.contains("--consent is not a consent"), "{refused}");
	let refused = grant(&alice_key, consent, "someone").unwrap_err();
	assert!(refused.contains("--payee someone is not an account"), "{refused}");

	let granted = grant(&alice_key, consent, &bob_ss58).unwrap();
	let mandate = &granted["mandate"];
	assert_eq!(mandate["root"], alice_ss58, "{granted}");
	assert_eq!(mandate["delegate"], ferdie_ss58, "{granted}");
	assert_eq!(mandate["maxPerPayment"], "10000", "{granted}");
	assert_eq!(mandate["payees"], json!([{ "account": bob_ss58 }]), "{granted}");
	let id = mandate["id"].as_u64().unwrap().to_string();
	assert_eq!(mandates_cli(&node, &["show", &id]).unwrap()["delegate"], ferdie_ss58);

	// Ferdie pays Bob from Alice's funds, within the mandate and not past it.
	let pay = |amount: &str| {
		let args = ["sign", "--suri-file", &ferdie_key, "--pay-to", &bob_ss58, "--amount", amount];
		cli(&node, "x402", &[&args[..], &["--submit"]].concat())
	};
	let alice_before = rpc.stablecoin_balance(&alice, None).await.unwrap();
	let ferdie_before = rpc.stablecoin_balance(&ferdie, None).await.unwrap();
	let paid = pay("7000").unwrap();
	let payment: H256 = serde_json::from_value(paid["paymentId"].clone()).expect("an id");
	payments::wait_for_status(&rpc, payment, |status| status["status"] == "finalized").await;
	assert_eq!(rpc.stablecoin_balance(&alice, None).await.unwrap(), alice_before - 7_000);
	assert_eq!(rpc.stablecoin_balance(&ferdie, None).await.unwrap(), ferdie_before);
	let over_cap = pay("10001").unwrap_err();
	assert!(over_cap.contains("mandate_over_payment_cap"), "{over_cap}");
	let over_budget = pay("9000").unwrap_err();
	assert!(over_budget.contains("mandate_over_period_budget"), "{over_budget}");

	// Only Alice can revoke it; from then on Ferdie's payments are refused.
	let refused = mandates_cli(&node, &["revoke", &id, "--suri-file", &bob_key]).unwrap_err();
	assert!(refused.contains("the chain refuses it: NotAllowedToRevoke"), "{refused}");
	assert_eq!(rpc.account_nonce(&bob).await.unwrap(), bob_nonce, "a refusal sent nothing");
	let revoked = mandates_cli(&node, &["revoke", &id, "--suri-file", &alice_key]).unwrap();
	assert_eq!(revoked["revoked"].to_string(), id, "{revoked}");
	let gone = mandates_cli(&node, &["show", &id]).unwrap_err();
	assert!(gone.contains("there is no mandate"), "{gone}");
	let after = pay("100").unwrap_err();
	assert!(after.contains("mandate_revoked"), "{after}");
	assert_eq!(rpc.stablecoin_balance(&alice, None).await.unwrap(), alice_before - 7_000);
	node.stop().unwrap();
}
