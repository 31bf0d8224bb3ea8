//! Property tests over arbitrary input: decoding never panics, and arbitrary intents never panic
//! `verify` or settlement, are always refused (a random signature never verifies) and move
//! nothing. The input comes from a blake2 hash chain, so every run checks the same cases and a
//! failure names the case that broke.

use crate::{mock::*, *};
use codec::{Decode, DecodeLimit, Encode};
use polkadot_sdk::{sp_core::sr25519, sp_crypto_hashing::blake2_256, sp_runtime::MultiSignature};

const CASES: u32 = 512;

/// Deterministic pseudo-random bytes: blake2 of (case, counter).
struct Bytes {
	case: u32,
	counter: u32,
}

impl Bytes {
	fn new(case: u32) -> Self {
		Self { case, counter: 0 }
	}

	fn block(&mut self) -> [u8; 32] {
		self.counter += 1;
		blake2_256(&(self.case, self.counter).encode())
	}

	fn take(&mut self, len: usize) -> Vec<u8> {
		let mut out = Vec::with_capacity(len);
		while out.len() < len {
			out.extend_from_slice(&self.block());
		}
		out.truncate(len);
		out
	}

	fn u64(&mut self) -> u64 {
		u64::from_le_bytes(self.block()[..8].try_into().unwrap())
	}
}

fn arbitrary_intent(bytes: &mut Bytes) -> (Intent, IntentSignature) {
	let flags = bytes.block();
	let near = |bytes: &mut Bytes| T0 - 1_000 + bytes.u64() % 5_000;
	let intent = Intent {
		payer: bytes.block().into(),
		// Sometimes a funded account, so that the funds checks are reached too.
		payee: if flags[0] % 2 == 0 { account_of(&charlie()) } else { bytes.block().into() },
		asset: (flags[1] % 3) as AssetId,
		amount: u128::from_le_bytes(bytes.block()[..16].try_into().unwrap()) >> (flags[2] % 128),
		valid_after: if flags[3] % 2 == 0 { near(bytes) } else { bytes.u64() },
		valid_before: if flags[4] % 2 == 0 { near(bytes) } else { bytes.u64() },
		nonce: bytes.block(),
		reference: (flags[5] % 2 == 0).then(|| bytes.block()),
	};
	let signature = if flags[6] % 2 == 0 {
		IntentSignature::Evm(bytes.take(65).try_into().unwrap())
	} else {
		IntentSignature::Native(MultiSignature::Sr25519(sr25519::Signature::from_raw(
			bytes.take(64).try_into().unwrap(),
		)))
	};
	(intent, signature)
}

#[test]
fn decoding_arbitrary_bytes_never_panics() {
	for case in 0..CASES {
		let mut bytes = Bytes::new(case);
		let len = (bytes.u64() % 400) as usize;
		let input = bytes.take(len);
		let _ = <(Intent, IntentSignature)>::decode(&mut &input[..]);
		let _ = crate::Call::<Test>::decode_with_depth_limit(64, &mut &input[..]);
	}
}

#[test]
fn arbitrary_intents_never_panic_and_refusals_change_nothing() {
	new_test_ext().execute_with(|| {
		for case in 0..CASES {
			let mut bytes = Bytes::new(case);
			let (intent, signature) = arbitrary_intent(&mut bytes);
			let _ = X402::verify(&intent, &signature, Purpose::Transfer);
			let before = (usdc(&intent.payer), usdc(&intent.payee));
			let result = X402::transfer_with_authorization(
				RuntimeOrigin::signed(facilitator()),
				Box::new(intent.clone()),
				signature.clone(),
			);
			assert!(result.is_err(), "case {case}: a random signature settled");
			assert_eq!(before, (usdc(&intent.payer), usdc(&intent.payee)), "case {case}");
			let batch = X402::settle_batch(
				RuntimeOrigin::signed(facilitator()),
				vec![(intent, signature)].try_into().unwrap(),
			);
			assert!(batch.is_ok(), "case {case}: a batch with a refused item still runs");
		}
	});
}
