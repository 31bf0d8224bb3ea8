//! x402 settlement on a real dev node: native and EVM (EIP-712) intents settle through
//! `transfer_with_authorization`, `receive_with_authorization` and `settle_batch`; a canceled
//! nonce and a replay are refused; the runtime API answers.

use std::time::Duration;

use agentchain_primitives::{
	stablecoin,
	x402::{
		evm_address, native_cancel_payload, AuthorizationState, IntentError, IntentSignature,
		Purpose,
	},
	AccountId, Balance,
};
use agentchain_runtime::RuntimeCall;
use agentchain_test_harness::{
	evm, extrinsic,
	native::{self, intent, Intent},
	Node, Rpc,
};
use polkadot_sdk::{
	sp_core::{ecdsa, sr25519, Pair},
	sp_keyring::Sr25519Keyring,
	sp_runtime::MultiSignature,
};

const NODE: &str = env!("CARGO_BIN_EXE_agentchain-node");
const TIMEOUT: Duration = Duration::from_secs(60);

async fn sign_evm(
	rpc: &Rpc,
	signer: &ecdsa::Pair,
	intent: &Intent,
	purpose: Purpose,
) -> IntentSignature {
	let domain = rpc
		.x402_asset_domain(intent.asset)
		.await
		.unwrap()
		.expect("the stablecoin is payable");
	let digest = domain.intent_digest(purpose, intent).expect("an EVM payer");
	IntentSignature::Evm(evm::sign_digest(signer, &digest))
}

/// An intent from an EVM payer: its signature cannot cover a reference, so it has none.
fn evm_intent(payer: &AccountId, payee: &AccountId, amount: Balance, seed: u8) -> Intent {
	Intent { reference: None, ..intent(payer, payee, amount, seed) }
}

fn x402(call: pallet_x402::Call<agentchain_runtime::Runtime>) -> RuntimeCall {
	RuntimeCall::X402(call)
}

/// Submits `call` signed by `signer` and waits until it is finalized.
async fn submit(rpc: &Rpc, signer: &sr25519::Pair, call: RuntimeCall) {
	rpc.submit(signer, call, TIMEOUT).await.expect("finalized");
}

#[tokio::test(flavor = "multi_thread")]
async fn intents_of_both_kinds_settle_through_every_call() {
	let node = Node::dev(NODE).await.expect("dev node starts");
	let rpc = node.rpc().await.unwrap();
	rpc.wait_for_finalized(1, TIMEOUT).await.unwrap();
	let genesis = rpc.genesis_hash().await.unwrap();

	let facilitator = Sr25519Keyring::Alice.pair();
	let dave = Sr25519Keyring::Dave.pair();
	let dave_id: AccountId = dave.public().into();
	let charlie = Sr25519Keyring::Charlie.pair();
	let charlie_id: AccountId = charlie.public().into();
	let bob_id: AccountId = Sr25519Keyring::Bob.to_account_id();
	let shop: AccountId = sr25519::Pair::from_string("//x402-shop", None).unwrap().public().into();

	// An EVM agent: its funds live at `address ‖ 0xEE × 12`; it holds no native token.
	let agent = ecdsa::Pair::from_string("//x402-agent", None).unwrap();
	let agent_id = AccountId::new(evm_address::embedded_account(evm::address_of(&agent)));
	submit(
		&rpc,
		&facilitator,
		extrinsic::stablecoin_transfer(agent_id.clone(), 50 * stablecoin::UNIT),
	)
	.await;

	// transfer_with_authorization, native signature.
	let native = intent(&dave_id, &shop, 1_500_000, 1);
	let signature = native::sign(&dave, genesis, &native, Purpose::Transfer);
	assert_eq!(
		rpc.x402_verify(&native, &signature, Purpose::Transfer).await.unwrap(),
		Ok(native.payment_id())
	);
	submit(
		&rpc,
		&facilitator,
		x402(pallet_x402::Call::transfer_with_authorization {
			intent: Box::new(native.clone()),
			signature: signature.clone(),
		}),
	)
	.await;
	assert_eq!(rpc.stablecoin_balance(&shop, None).await.unwrap(), 1_500_000);
	let receipt = rpc.x402_receipt(native.payment_id()).await.unwrap().expect("receipt");
	assert_eq!((receipt.payer, receipt.amount), (dave_id.clone(), 1_500_000));

	// The same intent again is refused: verify says why, and settlement moves nothing.
	assert_eq!(
		rpc.x402_verify(&native, &signature, Purpose::Transfer).await.unwrap(),
		Err(IntentError::NonceUsed)
	);

	// transfer_with_authorization, EVM signature, paying Bob's registered 20-byte address.
	let evm = evm_intent(&agent_id, &bob_id, 2_000_000, 2);
	let bob_before = rpc.stablecoin_balance(&bob_id, None).await.unwrap();
	let signature = sign_evm(&rpc, &agent, &evm, Purpose::Transfer).await;
	submit(
		&rpc,
		&facilitator,
		x402(pallet_x402::Call::transfer_with_authorization {
			intent: Box::new(evm.clone()),
			signature,
		}),
	)
	.await;
	assert_eq!(rpc.stablecoin_balance(&bob_id, None).await.unwrap(), bob_before + 2_000_000);
	assert_eq!(
		rpc.x402_account_of_address(evm_address::address_of(bob_id.as_ref()))
			.await
			.unwrap(),
		bob_id
	);

	// receive_with_authorization: the payee (Charlie) submits, for both kinds.
	let charlie_before = rpc.stablecoin_balance(&charlie_id, None).await.unwrap();
	let native = intent(&dave_id, &charlie_id, 300_000, 3);
	let evm = evm_intent(&agent_id, &charlie_id, 400_000, 4);
	let native_sig = native::sign(&dave, genesis, &native, Purpose::Receive);
	let evm_sig = sign_evm(&rpc, &agent, &evm, Purpose::Receive).await;
	for (intent, signature) in [(native, native_sig), (evm, evm_sig)] {
		submit(
			&rpc,
			&charlie,
			x402(pallet_x402::Call::receive_with_authorization {
				intent: Box::new(intent),
				signature,
			}),
		)
		.await;
	}
	assert_eq!(rpc.stablecoin_balance(&charlie_id, None).await.unwrap(), charlie_before + 700_000);

	// settle_batch: both kinds in one extrinsic, plus a bad item that is rejected alone.
	let shop_before = rpc.stablecoin_balance(&shop, None).await.unwrap();
	let bob_before = rpc.stablecoin_balance(&bob_id, None).await.unwrap();
	let native = intent(&dave_id, &shop, 10_000, 5);
	// An EVM signature pays a 20-byte address: Bob's, registered at genesis.
	let evm = evm_intent(&agent_id, &bob_id, 20_000, 6);
	let forged = intent(&dave_id, &shop, 999_999, 7);
	let items = vec![
		(native.clone(), native::sign(&dave, genesis, &native, Purpose::Transfer)),
		(forged.clone(), native::sign(&charlie, genesis, &forged, Purpose::Transfer)),
		(evm.clone(), sign_evm(&rpc, &agent, &evm, Purpose::Transfer).await),
	];
	submit(
		&rpc,
		&facilitator,
		x402(pallet_x402::Call::settle_batch { items: items.try_into().unwrap() }),
	)
	.await;
	assert_eq!(rpc.stablecoin_balance(&shop, None).await.unwrap(), shop_before + 10_000);
	assert_eq!(rpc.stablecoin_balance(&bob_id, None).await.unwrap(), bob_before + 20_000);
	assert!(rpc.x402_receipt(forged.payment_id()).await.unwrap().is_none());

	// cancel_authorization: a canceled nonce can no longer settle.
	let canceled = intent(&dave_id, &shop, 5_000, 8);
	let cancel_sig = IntentSignature::Native(MultiSignature::Sr25519(
		dave.sign(&native_cancel_payload(genesis, &dave_id, &canceled.nonce)),
	));
	submit(
		&rpc,
		&facilitator,
		x402(pallet_x402::Call::cancel_authorization {
			payer: dave_id.clone(),
			nonce: canceled.nonce,
			asset: stablecoin::ASSET_ID,
			signature: cancel_sig,
		}),
	)
	.await;
	assert_eq!(
		rpc.x402_authorization_state(&dave_id, canceled.nonce).await.unwrap(),
		Some(AuthorizationState::Canceled)
	);
	let signature = native::sign(&dave, genesis, &canceled, Purpose::Transfer);
	assert_eq!(
		rpc.x402_verify(&canceled, &signature, Purpose::Transfer).await.unwrap(),
		Err(IntentError::NonceCanceled)
	);

	// The payee's statement lists its open receipts.
	let best = rpc.best_number().await.unwrap();
	let report = rpc.x402_statement(&shop, stablecoin::ASSET_ID, 0, best).await.unwrap();
	assert_eq!(report.open_count, 2);
	assert_eq!(report.open_total, 1_510_000);

	node.stop().expect("node stops cleanly");
}
