//! Digests against viem's `hashTypedData` of the same messages with `@x402/evm` 2.27's
//! `permit2WitnessTypes` and `uptoPermit2WitnessTypes` (computed once, pasted as figures).

use super::*;

fn permit(valid_after: UnixSeconds) -> Permit {
	let mut nonce = [0u8; 32];
	nonce.iter_mut().enumerate().for_each(|(i, byte)| *byte = i as u8 + 1);
	Permit {
		token: evm_address::asset_address(1),
		permitted: 1_234_567,
		nonce,
		deadline: 1_800_000_000,
		to: H160::repeat_byte(0x11),
		valid_after,
	}
}

#[test]
fn exact_permit_digest_is_viems() {
	assert_eq!(
		digest(402_402, &permit(0), &Permit2Spender::Exact),
		hex!("d5c3f55ed990a43717f99ad68903f80a9f3288ceab246e919daf4c817f9d177b"),
	);
}

#[test]
fn upto_permit_digest_is_viems_and_binds_the_facilitator() {
	let upto = |facilitator| Permit2Spender::Upto { max: 1_234_567, facilitator };
	let signed = digest(402_402, &permit(5), &upto(H160::repeat_byte(0x22)));
	assert_eq!(signed, hex!("19d344e991d25e70c2e265120e6094327ef2247705c08cd2757e5cdd91ed3050"));
	assert_ne!(signed, digest(402_402, &permit(5), &upto(H160::repeat_byte(0x23))));
	assert_ne!(signed, digest(402_403, &permit(5), &upto(H160::repeat_byte(0x22))));
}
