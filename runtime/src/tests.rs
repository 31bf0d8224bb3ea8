//! Checks of the runtime's constants and genesis presets that need no node.

use crate::{genesis_config_presets::*, *};
use polkadot_sdk::{
	frame_support::{genesis_builder_helper::build_state, traits::Get},
	sp_genesis_builder::PresetId,
	sp_io::TestExternalities,
};
use serde_json::Value;

/// Merges a preset's JSON patch into the default genesis config, as the node's chain-spec
/// builder does.
fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// Storage as the preset's genesis would build it.
fn build(preset: &str) -> TestExternalities {
	let patch = get_preset(&PresetId::from(preset)).expect("preset exists");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
	merge(&mut config, serde_json::from_slice(&patch).expect("the preset is JSON"));
	let json = serde_json::to_vec(&config).expect("serializes");
	let mut ext = TestExternalities::default();
	ext.execute_with(|| build_state::<RuntimeGenesisConfig>(json).expect("preset builds"));
	ext
}

#[test]
fn block_time_drives_slot_and_timestamp() {
	assert_eq!(SLOT_DURATION, MILLI_SECS_PER_BLOCK);
	let minimum_period: u64 =
		<Runtime as polkadot_sdk::pallet_timestamp::Config>::MinimumPeriod::get();
	assert_eq!(minimum_period * 2, SLOT_DURATION);
}

#[test]
fn development_preset_has_one_validator_and_the_stablecoin() {
	build("development").execute_with(|| {
		assert_eq!(polkadot_sdk::pallet_aura::Authorities::<Runtime>::get().len(), 1);
		let alice = polkadot_sdk::sp_keyring::Sr25519Keyring::Alice.to_account_id();
		assert_eq!(Assets::balance(stablecoin::ASSET_ID, &alice), STABLECOIN_ENDOWMENT);
		assert_eq!(Balances::free_balance(&alice), ENDOWMENT);
		let metadata = polkadot_sdk::pallet_assets::Metadata::<Runtime>::get(stablecoin::ASSET_ID);
		assert_eq!(metadata.symbol.to_vec(), b"USDC".to_vec());
		assert_eq!(metadata.decimals, 6);
		assert_eq!(polkadot_sdk::pallet_sudo::Key::<Runtime>::get(), Some(alice));
	});
}

#[test]
fn local_testnet_preset_has_three_validators() {
	build("local_testnet").execute_with(|| {
		assert_eq!(polkadot_sdk::pallet_aura::Authorities::<Runtime>::get().len(), 3);
		assert_eq!(Grandpa::grandpa_authorities().len(), 3);
	});
}

#[test]
fn unknown_preset_is_none() {
	assert!(get_preset(&PresetId::from("mainnet")).is_none());
	assert_eq!(preset_names().len(), 2);
}

#[test]
fn sudo_key_can_mint_more_stablecoin() {
	use polkadot_sdk::{frame_support::assert_ok, sp_keyring::Sr25519Keyring};
	build("development").execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let agent = Sr25519Keyring::One.to_account_id();
		let amount = 250 * stablecoin::UNIT;
		let supply = Assets::total_supply(stablecoin::ASSET_ID);
		// The genesis sudo key is the stablecoin's issuer.
		assert_ok!(Assets::mint(
			RuntimeOrigin::signed(alice),
			stablecoin::ASSET_ID.into(),
			Address::Id(agent.clone()),
			amount,
		));
		assert_eq!(Assets::balance(stablecoin::ASSET_ID, &agent), amount);
		assert_eq!(Assets::total_supply(stablecoin::ASSET_ID), supply + amount);
		// Anyone else is refused.
		assert!(Assets::mint(
			RuntimeOrigin::signed(agent.clone()),
			stablecoin::ASSET_ID.into(),
			Address::Id(agent),
			amount,
		)
		.is_err());
	});
}

#[test]
fn block_weight_fits_the_block_time() {
	use polkadot_sdk::frame_support::weights::constants::WEIGHT_REF_TIME_PER_MILLIS;
	let max = configs::RuntimeBlockWeights::get().max_block.ref_time();
	assert_eq!(max, MILLI_SECS_PER_BLOCK / 2 * WEIGHT_REF_TIME_PER_MILLIS);
}

#[test]
fn a_block_full_of_bytes_costs_what_a_block_full_of_work_costs() {
	use polkadot_sdk::{
		frame_support::weights::{Weight, WeightToFee as _},
		frame_system::limits::BlockLength,
		pallet_transaction_payment::Config as Payment,
	};
	let length: BlockLength = <Runtime as frame_system::Config>::BlockLength::get();
	let normal_bytes = *length.max.get(frame_support::dispatch::DispatchClass::Normal);
	let weights = configs::RuntimeBlockWeights::get();
	let normal_weight = weights
		.get(frame_support::dispatch::DispatchClass::Normal)
		.max_total
		.expect("normal extrinsics have a limit");
	let bytes_fee = <Runtime as Payment>::LengthToFee::weight_to_fee(&Weight::from_parts(
		normal_bytes.into(),
		0,
	));
	let work_fee = <Runtime as Payment>::WeightToFee::weight_to_fee(&normal_weight);
	// Within a percent: the per-byte price is rounded down to whole units.
	assert!(bytes_fee * 100 >= work_fee * 99 && bytes_fee <= work_fee, "{bytes_fee} vs {work_fee}");
	// A block of junk costs most of a native token, not a millionth of one.
	assert!(bytes_fee > UNIT / 2, "{bytes_fee}");
}
