//! Spending mandates on a real dev node, paid through by stock x402 packages: an agent whose
//! key holds nothing pays from its owner's account within the mandate's limits, is refused past
//! them with the mandate's reason codes, and is refused once the owner revokes.

use std::path::PathBuf;

use agentchain_primitives::{
	mandates::{accept_digest, grant_digest, DelegateConsent, MandateTerms},
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
	sp_core::{ecdsa, Pair, H160, H256},
	sp_crypto_hashing::keccak_256,
	sp_keyring::Sr25519Keyring,
	sp_runtime::BoundedVec,
};
use serde_json::Value;

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
	alice_grants(
		&rpc,
		&agent,
		MandateTerms {
			asset: stablecoin::ASSET_ID,
			max_per_payment: 2 * PRICE,
			budget_per_period: 3 * PRICE,
			period: 24 * 60 * 60,
			max_payments_per_period: None,
			lifetime_total: None,
			expires: exact::unix_now() + 24 * 60 * 60,
			payees: BoundedVec::new(),
			endpoints: BoundedVec::new(),
		},
	)
	.await;
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
	alice_grants(
		&rpc,
		&agent,
		MandateTerms {
			asset: stablecoin::ASSET_ID,
			max_per_payment: PRICE,
			budget_per_period: 3 * PRICE,
			period: 24 * 60 * 60,
			max_payments_per_period: None,
			lifetime_total: None,
			expires: exact::unix_now() + 24 * 60 * 60,
			payees: BoundedVec::new(),
			endpoints: BoundedVec::new(),
		},
	)
	.await;
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
	let day = 24 * 60 * 60;
	let agent_terms = MandateTerms {
		asset: stablecoin::ASSET_ID,
		max_per_payment: 10 * PRICE,
		budget_per_period: 100 * PRICE,
		period: day,
		max_payments_per_period: None,
		lifetime_total: None,
		expires: exact::unix_now() + day,
		payees: BoundedVec::new(),
		endpoints: BoundedVec::new(),
	};
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
