use super::*;
use agentchain_primitives::{stablecoin, x402::Purpose};
use polkadot_sdk::sp_core::{sr25519, Pair};

/// What a client writes with [`native_payload`] the facilitator reads back unchanged, with or
/// without a reference.
#[test]
fn a_native_payload_reads_back_as_the_intent_it_was_written_from() {
	let payer = sr25519::Pair::from_string("//Dave", None).unwrap();
	let payee = AccountId::new([7; 32]);
	let genesis = H256::repeat_byte(1);
	let required = PaymentRequirements {
		scheme: SCHEME_EXACT.into(),
		network: native_network(genesis),
		amount: "10000".into(),
		asset: format!("{:?}", evm_address::asset_address(stablecoin::ASSET_ID)),
		pay_to: payee.to_ss58check(),
		max_timeout_seconds: 60,
		extra: serde_json::json!({}),
	};
	for reference in [None, Some([9; 32])] {
		let intent = Intent {
			payer: payer.public().into(),
			payee: payee.clone(),
			asset: stablecoin::ASSET_ID,
			amount: 10_000,
			valid_after: 0,
			valid_before: 1_800_000_000,
			nonce: [3; 32],
			reference,
		};
		let payload = agentchain_primitives::x402::native_signing_payload(
			Purpose::Transfer,
			genesis,
			&intent,
		);
		let signature: MultiSignature = payer.sign(&payload).into();
		let wire = serde_json::to_value(native_payload(&intent, &signature)).unwrap();
		let read = parse_native(&required, &wire, stablecoin::ASSET_ID).unwrap();
		assert_eq!(read.intent, intent);
		assert_eq!(read.signature, IntentSignature::Native(signature));
	}
}
