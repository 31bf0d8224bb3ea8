//! Genesis presets: `development` (one validator) and `local_testnet` (alice, bob and charlie).
//!
//! Both fund the well-known dev accounts with the native token and the `USDC` stablecoin, make
//! Alice the sudo key and the stablecoin's issuer, make the stablecoin payable through x402
//! (its EIP-712 domain) and register the dev accounts' 20-byte addresses. Each has its own EVM
//! chain id, so that signatures made for one are refused on the other; a new network copies a
//! spec and sets `x402.evmChainId` to an id of its own (the node refuses to start a chain that
//! is not a development chain with the development id).

use crate::{
	stablecoin, AccountId, AssetsConfig, AuraConfig, Balance, BalancesConfig, GrandpaConfig,
	RuntimeGenesisConfig, SudoConfig, X402Config, UNIT,
};
use alloc::{vec, vec::Vec};
use polkadot_sdk::{
	frame_support::build_struct_json_patch,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_consensus_grandpa::AuthorityId as GrandpaId,
	sp_genesis_builder::{self, PresetId},
	sp_keyring::{Ed25519Keyring, Sr25519Keyring},
};
use serde_json::Value;

/// Native balance of each endowed dev account: one million tokens.
pub const ENDOWMENT: Balance = 1_000_000 * UNIT;

/// Stablecoin balance of each endowed dev account: one million USDC.
pub const STABLECOIN_ENDOWMENT: Balance = 1_000_000 * stablecoin::UNIT;

/// The accounts that hold funds at genesis: the well-known dev accounts and the development
/// x402 facilitator account, which pays the fees of the node's `settle_batch` extrinsics.
pub fn endowed_accounts() -> Vec<AccountId> {
	Sr25519Keyring::well_known()
		.map(|k| k.to_account_id())
		.chain([AccountId::new(agentchain_primitives::x402::DEV_FACILITATOR_ACCOUNT)])
		.collect()
}

/// The Aura (sr25519) and GRANDPA (ed25519) keys of a dev validator: both derived from the
/// validator's well-known seed, `//Alice` and so on.
fn authority_keys(validator: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(validator.public().into(), grandpa.public().into())
}

fn genesis(
	validators: &[(Sr25519Keyring, Ed25519Keyring)],
	endowed: Vec<AccountId>,
	root: AccountId,
	evm_chain_id: u64,
) -> Value {
	let (aura, grandpa): (Vec<AuraId>, Vec<(GrandpaId, u64)>) = validators
		.iter()
		.map(|(aura, grandpa)| {
			let (aura, grandpa) = authority_keys(*aura, *grandpa);
			(aura, (grandpa, 1))
		})
		.unzip();
	let stablecoin_domain = stablecoin::eip712_domain(evm_chain_id);

	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.iter().cloned().map(|a| (a, ENDOWMENT)).collect::<Vec<_>>(),
		},
		aura: AuraConfig { authorities: aura },
		grandpa: GrandpaConfig { authorities: grandpa },
		sudo: SudoConfig { key: Some(root.clone()) },
		assets: AssetsConfig {
			assets: vec![(stablecoin::ASSET_ID, root, true, stablecoin::MIN_BALANCE)],
			metadata: vec![(
				stablecoin::ASSET_ID,
				stablecoin::NAME.as_bytes().to_vec(),
				stablecoin::SYMBOL.as_bytes().to_vec(),
				stablecoin::DECIMALS,
			)],
			accounts: endowed
				.iter()
				.cloned()
				.map(|a| (stablecoin::ASSET_ID, a, STABLECOIN_ENDOWMENT))
				// Channel custody holds the minimum balance of its own, so that paying out of it
				// never closes it while it owes (pallet-x402's channels).
				.chain([(
					stablecoin::ASSET_ID,
					AccountId::new(agentchain_primitives::channels::custody_account()),
					stablecoin::MIN_BALANCE,
				)])
				.collect::<Vec<_>>(),
		},
		x402: X402Config {
			evm_chain_id,
			asset_domains: vec![(
				stablecoin::ASSET_ID,
				stablecoin_domain.name,
				stablecoin_domain.version
			)],
			// The dev accounts can be paid by EVM payers at their derived 20-byte addresses.
			evm_accounts: endowed,
		},
	})
}

/// One validator (Alice) for `--dev`.
pub fn development_config_genesis() -> Value {
	genesis(
		&[(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		endowed_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
		agentchain_primitives::DEV_EVM_CHAIN_ID,
	)
}

/// Three validators (Alice, Bob, Charlie) for `--chain local` and zombienet.
pub fn local_config_genesis() -> Value {
	genesis(
		&[
			(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		],
		endowed_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
		agentchain_primitives::LOCAL_EVM_CHAIN_ID,
	)
}

/// The preset with the given id, serialized as JSON.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work; qed")
			.into_bytes(),
	)
}

/// The ids of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
