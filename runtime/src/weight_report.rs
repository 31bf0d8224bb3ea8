//! What a payment costs in block weight: one intent inside `x402.settle_batch` against one
//! signed `assets.transfer_keep_alive`, both with the weights benchmarked on our machine and
//! with everything a signed extrinsic adds (base extrinsic weight, transaction extensions).
//!
//! Deterministic arithmetic over the runtime's weights, not a timing:
//! `cargo test --release --workspace --all-targets -- weight_report --nocapture` prints it.

use crate::{configs::RuntimeBlockWeights, *};
use agentchain_primitives::x402::{IntentSignature, PaymentIntent};
use pallet_x402::SpendingMandates;
use polkadot_sdk::{
	frame_support::{
		dispatch::{DispatchClass, GetDispatchInfo},
		traits::Get,
		weights::Weight,
	},
	sp_runtime::{traits::TransactionExtension, AccountId32},
};

/// The weight a block spends on `call` sent as a signed extrinsic.
fn signed_extrinsic_weight(call: &RuntimeCall) -> Weight {
	let base = RuntimeBlockWeights::get().get(DispatchClass::Normal).base_extrinsic;
	let extensions = immortal_tx_extension(0).weight(call);
	call.get_dispatch_info().call_weight + extensions + base
}

/// A `settle_batch` of `intents` items from distinct payers to `payees` payees.
fn settle_batch(intents: u32, payees: u32) -> RuntimeCall {
	let items: Vec<_> = (0..intents)
		.map(|i| {
			let intent = PaymentIntent {
				payer: AccountId32::new([i as u8; 32]),
				payee: AccountId32::new([(i % payees) as u8 + 1; 32]),
				asset: stablecoin::ASSET_ID,
				amount: 1,
				valid_after: 0,
				valid_before: 1,
				nonce: [0; 32],
				reference: None,
			};
			(intent, IntentSignature::Evm([0; 65]))
		})
		.collect();
	RuntimeCall::X402(pallet_x402::Call::settle_batch { items: items.try_into().unwrap() })
}

fn transfer_keep_alive() -> RuntimeCall {
	RuntimeCall::Assets(polkadot_sdk::pallet_assets::Call::transfer_keep_alive {
		id: stablecoin::ASSET_ID.into(),
		target: Address::Id(AccountId32::new([1; 32])),
		amount: 1,
	})
}

fn micros(weight: Weight) -> f64 {
	weight.ref_time() as f64 / 1e6
}

#[test]
fn weight_report_settling_an_intent_costs_at_most_half_a_signed_transfer() {
	let transfer = signed_extrinsic_weight(&transfer_keep_alive());
	println!(
		"signed assets.transfer_keep_alive: {:.1} µs, proof {} B (baseline)",
		micros(transfer),
		transfer.proof_size()
	);
	let max_batch = <Runtime as pallet_x402::Config>::MaxBatch::get();
	// A batch is charged up front as if every intent went through a session mandate (two
	// mandates checked and charged), and refunded after to what its intents did.
	let mandates = |mandated: bool, intents: u32| {
		<Runtime as pallet_x402::Config>::Mandates::item_weight(mandated)
			.saturating_mul(intents.into())
	};
	let mut one_payee_at_max = 0.0;
	for (intents, payees) in
		[(1, 1), (16, 1), (64, 1), (max_batch, 1), (16, 16), (max_batch, max_batch)]
	{
		let charged = signed_extrinsic_weight(&settle_batch(intents, payees));
		let plain = charged
			.saturating_sub(mandates(true, intents))
			.saturating_add(mandates(false, intents));
		let per_intent = |weight: Weight| micros(weight) / intents as f64;
		let share = |weight: Weight| per_intent(weight) / micros(transfer) * 100.0;
		println!(
			"settle_batch, {intents:>3} intents to {payees:>3} payee(s): per intent {:.1} µs \
			 ({:.0}%) plain, {:.1} µs ({:.0}%) through a session mandate (charged up front); \
			 proof {} B per intent",
			per_intent(plain),
			share(plain),
			per_intent(charged),
			share(charged),
			charged.proof_size() / intents as u64,
		);
		if (intents, payees) == (max_batch, 1) {
			one_payee_at_max = per_intent(charged) / micros(transfer);
			println!(
				"mandated against plain, {max_batch} intents to 1 payee: {:.2}x",
				per_intent(charged) / per_intent(plain)
			);
		}
	}
	// x402's shape: many paying agents, one service.
	assert!(
		one_payee_at_max <= 0.5,
		"per-intent weight is {:.0}% of a transfer",
		one_payee_at_max * 100.0
	);
}
