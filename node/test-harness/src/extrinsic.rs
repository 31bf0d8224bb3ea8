//! Signed extrinsics built with the runtime's own types, as a wallet would build them.

use agentchain_primitives::{stablecoin, AccountId, Balance, Hash, Nonce};
use agentchain_runtime::{Address, RuntimeCall, SignedPayload, UncheckedExtrinsic, VERSION};
use codec::Encode;
use polkadot_sdk::{
	frame_system, pallet_assets, pallet_balances, pallet_sudo,
	sp_core::{sr25519, Pair},
	sp_runtime::MultiSignature,
};

/// `call` signed by `signer` with `nonce`, for the chain with `genesis_hash`.
///
/// The implicit data (spec and transaction version, genesis hash for both the genesis and the
/// era check) comes from the runtime this harness was built with, which is the node's.
pub fn signed(
	call: RuntimeCall,
	signer: &sr25519::Pair,
	nonce: Nonce,
	genesis_hash: Hash,
) -> UncheckedExtrinsic {
	let extensions = agentchain_runtime::immortal_tx_extension(nonce);
	let implicit = (
		(),
		VERSION.spec_version,
		VERSION.transaction_version,
		genesis_hash,
		genesis_hash,
		(),
		(),
		(),
		(),
	);
	let payload = SignedPayload::from_raw(call, extensions, implicit);
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	let (call, extensions, _) = payload.deconstruct();
	let account: AccountId = signer.public().into();
	UncheckedExtrinsic::new_signed(
		call,
		Address::Id(account),
		MultiSignature::Sr25519(signature),
		extensions,
	)
}

/// A stablecoin `transfer_keep_alive` of `amount` to `dest`.
pub fn stablecoin_transfer(dest: AccountId, amount: Balance) -> RuntimeCall {
	RuntimeCall::Assets(pallet_assets::Call::transfer_keep_alive {
		id: stablecoin::ASSET_ID.into(),
		target: Address::Id(dest),
		amount,
	})
}

/// A native `transfer_keep_alive` of `amount` to `dest`.
pub fn native_transfer(dest: AccountId, amount: Balance) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: Address::Id(dest),
		value: amount,
	})
}

/// Sudo's forkless runtime upgrade to `code` (a wasm runtime of the same spec name and a higher
/// spec version), dispatched at no weight as a dev chain's root may.
pub fn set_code(code: &[u8]) -> RuntimeCall {
	let set_code = RuntimeCall::System(frame_system::Call::set_code { code: code.to_vec() });
	RuntimeCall::Sudo(pallet_sudo::Call::sudo_unchecked_weight {
		call: Box::new(set_code),
		weight: Default::default(),
	})
}
