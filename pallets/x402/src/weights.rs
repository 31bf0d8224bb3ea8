
//! Weights of `pallet_x402`, measured with frame-benchmarking v2 (benchmark CLI 64.0.0).
//!
//! Written by `scripts/bench-weights.sh` on 2026-12-01; do not edit by hand.
//! Steps: `20`, repeat: `5`, wasm execution: `Compiled`.
//! Re-measured on 2026-12-02 with `--extrinsic deposit,claim,settle_channels,refund,initiate_withdraw,finalize_withdraw`: Steps: `20`, repeat: `5`, wasm execution: `Compiled`.
//! Host: `vm`, CPU: `AMD EPYC`.
//!
//! Command:
//! ```text
//! /root/.cache/agentchain/target/bench-weights/agentchain-node
//! benchmark
//! pallet
//! --runtime
//! /root/.cache/agentchain/target/bench-weights/runtime.wasm
//! --genesis-builder
//! runtime
//! --genesis-builder-preset
//! development
//! --pallet
//! pallet_x402
//! --extrinsic
//! *
//! --steps
//! 20
//! --repeat
//! 5
//! --wasm-execution
//! compiled
//! --heap-pages
//! 4096
//! --template
//! scripts/weights/pallet.hbs
//! --output
//! pallets/x402/src/weights.rs
//! ```

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use polkadot_sdk::frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// Weight functions of `pallet_x402`.
pub trait WeightInfo {
	fn transfer_with_authorization() -> Weight;
	fn receive_with_authorization() -> Weight;
	fn cancel_authorization() -> Weight;
	fn settle_batch(n: u32, p: u32, ) -> Weight;
	fn settle_batch_rejected(n: u32, ) -> Weight;
	fn close_statement(n: u32, ) -> Weight;
	fn set_asset_domain() -> Weight;
	fn register_evm_address() -> Weight;
	fn unregister_evm_address() -> Weight;
	fn prune_expired(p: u32, e: u32, ) -> Weight;
	fn deposit() -> Weight;
	fn claim(n: u32, ) -> Weight;
	fn settle_channels() -> Weight;
	fn refund(n: u32, ) -> Weight;
	fn initiate_withdraw() -> Weight;
	fn finalize_withdraw() -> Weight;
}

/// Weights for a runtime, priced with its own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:1 w:1)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmAccounts` (r:1 w:0)
	/// Proof: `X402::EvmAccounts` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `X402::Ledgers` (r:1 w:1)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:1 w:0)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `X402::ExpiryBounds` (r:1 w:1)
	/// Proof: `X402::ExpiryBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `X402::ExpiryQueue` (r:0 w:1)
	/// Proof: `X402::ExpiryQueue` (`max_values`: None, `max_size`: Some(19488), added: 21963, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:0 w:1)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	fn transfer_with_authorization() -> Weight {
		// Proof size, measured: `1211`
		// Proof size, estimated: `6208`
		// Minimum execution time: 135_753_000 picoseconds.
		Weight::from_parts(146_678_000, 6208)
			.saturating_add(T::DbWeight::get().reads(14_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:1 w:1)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmAccounts` (r:1 w:0)
	/// Proof: `X402::EvmAccounts` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `X402::Ledgers` (r:1 w:1)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:1 w:0)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `X402::ExpiryBounds` (r:1 w:1)
	/// Proof: `X402::ExpiryBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `X402::ExpiryQueue` (r:0 w:1)
	/// Proof: `X402::ExpiryQueue` (`max_values`: None, `max_size`: Some(19488), added: 21963, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:0 w:1)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	fn receive_with_authorization() -> Weight {
		// Proof size, measured: `1211`
		// Proof size, estimated: `6208`
		// Minimum execution time: 137_135_000 picoseconds.
		Weight::from_parts(149_493_000, 6208)
			.saturating_add(T::DbWeight::get().reads(14_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `X402::Authorizations` (r:1 w:1)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn cancel_authorization() -> Weight {
		// Proof size, measured: `159`
		// Proof size, estimated: `3639`
		// Minimum execution time: 83_184_000 picoseconds.
		Weight::from_parts(91_546_000, 3639)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:255 w:255)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmAccounts` (r:127 w:0)
	/// Proof: `X402::EvmAccounts` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:382 w:382)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:382 w:382)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `X402::Ledgers` (r:127 w:127)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:127 w:0)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `X402::ExpiryBounds` (r:1 w:1)
	/// Proof: `X402::ExpiryBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `X402::ExpiryQueue` (r:0 w:1)
	/// Proof: `X402::ExpiryQueue` (`max_values`: None, `max_size`: Some(19488), added: 21963, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:0 w:127)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 128]`.
	/// The range of component `p` is `[1, 128]`.
	fn settle_batch(n: u32, p: u32, ) -> Weight {
		// Proof size, measured: `990 + n * (155 ±0) + p * (157 ±0)`
		// Proof size, estimated: `3675 + n * (2649 ±0) + p * (5218 ±0)`
		// Minimum execution time: 9_744_483_000 picoseconds.
		Weight::from_parts(422_454_875, 3675)
			// Standard error: 953_980
			.saturating_add(Weight::from_parts(73_006_555, 0).saturating_mul(n.into()))
			// Standard error: 962_797
			.saturating_add(Weight::from_parts(112_081_518, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().reads((8_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((7_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2649).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 5218).saturating_mul(p.into()))
	}
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:256 w:0)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmAccounts` (r:256 w:0)
	/// Proof: `X402::EvmAccounts` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:0)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:256 w:0)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 256]`.
	fn settle_batch_rejected(n: u32, ) -> Weight {
		// Proof size, measured: `1226`
		// Proof size, estimated: `3675 + n * (2649 ±0)`
		// Minimum execution time: 73_199_000 picoseconds.
		Weight::from_parts(73_170_376, 3675)
			// Standard error: 144_578
			.saturating_add(Weight::from_parts(48_489_260, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2649).saturating_mul(n.into()))
	}
	/// Storage: `X402::Ledgers` (r:1 w:1)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:512 w:512)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	/// Storage: `X402::Statements` (r:0 w:1)
	/// Proof: `X402::Statements` (`max_values`: None, `max_size`: Some(148), added: 2623, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 512]`.
	fn close_statement(n: u32, ) -> Weight {
		// Proof size, measured: `364 + n * (8273 ±0)`
		// Proof size, estimated: `3601 + n * (10809 ±0)`
		// Minimum execution time: 28_072_000 picoseconds.
		Weight::from_parts(28_633_000, 3601)
			// Standard error: 29_779
			.saturating_add(Weight::from_parts(11_751_977, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 10809).saturating_mul(n.into()))
	}
	/// Storage: `Assets::Asset` (r:1 w:0)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:0 w:1)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	fn set_asset_domain() -> Weight {
		// Proof size, measured: `153`
		// Proof size, estimated: `3675`
		// Minimum execution time: 9_845_000 picoseconds.
		Weight::from_parts(10_976_000, 3675)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `X402::EvmAccounts` (r:1 w:1)
	/// Proof: `X402::EvmAccounts` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn register_evm_address() -> Weight {
		// Proof size, measured: `412`
		// Proof size, estimated: `3604`
		// Minimum execution time: 45_779_000 picoseconds.
		Weight::from_parts(49_253_000, 3604)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `X402::EvmAccounts` (r:1 w:1)
	/// Proof: `X402::EvmAccounts` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn unregister_evm_address() -> Weight {
		// Proof size, measured: `505`
		// Proof size, estimated: `3604`
		// Minimum execution time: 41_352_000 picoseconds.
		Weight::from_parts(45_127_000, 3604)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `X402::ExpiryBounds` (r:1 w:1)
	/// Proof: `X402::ExpiryBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::ExpiryQueue` (r:2 w:1)
	/// Proof: `X402::ExpiryQueue` (`max_values`: None, `max_size`: Some(19488), added: 21963, mode: `MaxEncodedLen`)
	/// Storage: `X402::Ledgers` (r:256 w:256)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:0 w:256)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:0 w:256)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// The range of component `p` is `[0, 256]`.
	/// The range of component `e` is `[0, 256]`.
	fn prune_expired(p: u32, e: u32, ) -> Weight {
		// Proof size, measured: `425 + e * (149 ±0) + p * (32 ±0)`
		// Proof size, estimated: `44916 + e * (2611 ±0)`
		// Minimum execution time: 251_375_000 picoseconds.
		Weight::from_parts(256_142_000, 44916)
			// Standard error: 30_680
			.saturating_add(Weight::from_parts(419_589, 0).saturating_mul(p.into()))
			// Standard error: 30_680
			.saturating_add(Weight::from_parts(9_569_601, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 2611).saturating_mul(e.into()))
	}
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:1 w:1)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(224), added: 2699, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmAccounts` (r:1 w:0)
	/// Proof: `X402::EvmAccounts` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::MandateOf` (r:1 w:0)
	/// Proof: `Mandates::MandateOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `X402::Ledgers` (r:1 w:1)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:1 w:0)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `X402::ExpiryBounds` (r:1 w:1)
	/// Proof: `X402::ExpiryBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `X402::Channels` (r:1 w:1)
	/// Proof: `X402::Channels` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `X402::ExpiryQueue` (r:0 w:1)
	/// Proof: `X402::ExpiryQueue` (`max_values`: None, `max_size`: Some(19488), added: 21963, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:0 w:1)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	fn deposit() -> Weight {
		// Proof size, measured: `1352`
		// Proof size, estimated: `6208`
		// Minimum execution time: 221_940_000 picoseconds.
		Weight::from_parts(237_764_000, 6208)
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::Channels` (r:256 w:256)
	/// Proof: `X402::Channels` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `X402::Receivers` (r:256 w:256)
	/// Proof: `X402::Receivers` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 256]`.
	fn claim(n: u32, ) -> Weight {
		// Proof size, measured: `159 + n * (69 ±0)`
		// Proof size, estimated: `1493 + n * (2563 ±0)`
		// Minimum execution time: 83_975_000 picoseconds.
		Weight::from_parts(87_010_000, 1493)
			// Standard error: 325_277
			.saturating_add(Weight::from_parts(67_412_254, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2563).saturating_mul(n.into()))
	}
	/// Storage: `X402::Receivers` (r:1 w:1)
	/// Proof: `X402::Receivers` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmAccounts` (r:1 w:0)
	/// Proof: `X402::EvmAccounts` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn settle_channels() -> Weight {
		// Proof size, measured: `1071`
		// Proof size, estimated: `6208`
		// Minimum execution time: 63_295_000 picoseconds.
		Weight::from_parts(67_591_000, 6208)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::Channels` (r:257 w:257)
	/// Proof: `X402::Channels` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `X402::Receivers` (r:256 w:256)
	/// Proof: `X402::Receivers` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 256]`.
	fn refund(n: u32, ) -> Weight {
		// Proof size, measured: `788 + n * (69 ±0)`
		// Proof size, estimated: `6208 + n * (2563 ±0)`
		// Minimum execution time: 81_391_000 picoseconds.
		Weight::from_parts(81_411_000, 6208)
			// Standard error: 722_239
			.saturating_add(Weight::from_parts(71_596_727, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2563).saturating_mul(n.into()))
	}
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::Channels` (r:1 w:1)
	/// Proof: `X402::Channels` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn initiate_withdraw() -> Weight {
		// Proof size, measured: `243`
		// Proof size, estimated: `3545`
		// Minimum execution time: 73_329_000 picoseconds.
		Weight::from_parts(87_610_000, 3545)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::Channels` (r:1 w:1)
	/// Proof: `X402::Channels` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn finalize_withdraw() -> Weight {
		// Proof size, measured: `815`
		// Proof size, estimated: `6208`
		// Minimum execution time: 81_031_000 picoseconds.
		Weight::from_parts(100_199_000, 6208)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
}

/// The same weights priced for ParityDB, for test runtimes.
impl WeightInfo for () {
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:1 w:1)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmAccounts` (r:1 w:0)
	/// Proof: `X402::EvmAccounts` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `X402::Ledgers` (r:1 w:1)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:1 w:0)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `X402::ExpiryBounds` (r:1 w:1)
	/// Proof: `X402::ExpiryBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `X402::ExpiryQueue` (r:0 w:1)
	/// Proof: `X402::ExpiryQueue` (`max_values`: None, `max_size`: Some(19488), added: 21963, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:0 w:1)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	fn transfer_with_authorization() -> Weight {
		// Proof size, measured: `1211`
		// Proof size, estimated: `6208`
		// Minimum execution time: 135_753_000 picoseconds.
		Weight::from_parts(146_678_000, 6208)
			.saturating_add(ParityDbWeight::get().reads(14_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:1 w:1)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmAccounts` (r:1 w:0)
	/// Proof: `X402::EvmAccounts` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `X402::Ledgers` (r:1 w:1)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:1 w:0)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `X402::ExpiryBounds` (r:1 w:1)
	/// Proof: `X402::ExpiryBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `X402::ExpiryQueue` (r:0 w:1)
	/// Proof: `X402::ExpiryQueue` (`max_values`: None, `max_size`: Some(19488), added: 21963, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:0 w:1)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	fn receive_with_authorization() -> Weight {
		// Proof size, measured: `1211`
		// Proof size, estimated: `6208`
		// Minimum execution time: 137_135_000 picoseconds.
		Weight::from_parts(149_493_000, 6208)
			.saturating_add(ParityDbWeight::get().reads(14_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	/// Storage: `X402::Authorizations` (r:1 w:1)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn cancel_authorization() -> Weight {
		// Proof size, measured: `159`
		// Proof size, estimated: `3639`
		// Minimum execution time: 83_184_000 picoseconds.
		Weight::from_parts(91_546_000, 3639)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:255 w:255)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmAccounts` (r:127 w:0)
	/// Proof: `X402::EvmAccounts` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:382 w:382)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:382 w:382)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `X402::Ledgers` (r:127 w:127)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:127 w:0)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `X402::ExpiryBounds` (r:1 w:1)
	/// Proof: `X402::ExpiryBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `X402::ExpiryQueue` (r:0 w:1)
	/// Proof: `X402::ExpiryQueue` (`max_values`: None, `max_size`: Some(19488), added: 21963, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:0 w:127)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 128]`.
	/// The range of component `p` is `[1, 128]`.
	fn settle_batch(n: u32, p: u32, ) -> Weight {
		// Proof size, measured: `990 + n * (155 ±0) + p * (157 ±0)`
		// Proof size, estimated: `3675 + n * (2649 ±0) + p * (5218 ±0)`
		// Minimum execution time: 9_744_483_000 picoseconds.
		Weight::from_parts(422_454_875, 3675)
			// Standard error: 953_980
			.saturating_add(Weight::from_parts(73_006_555, 0).saturating_mul(n.into()))
			// Standard error: 962_797
			.saturating_add(Weight::from_parts(112_081_518, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().reads((8_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((7_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2649).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 5218).saturating_mul(p.into()))
	}
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:256 w:0)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmAccounts` (r:256 w:0)
	/// Proof: `X402::EvmAccounts` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:0)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:256 w:0)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 256]`.
	fn settle_batch_rejected(n: u32, ) -> Weight {
		// Proof size, measured: `1226`
		// Proof size, estimated: `3675 + n * (2649 ±0)`
		// Minimum execution time: 73_199_000 picoseconds.
		Weight::from_parts(73_170_376, 3675)
			// Standard error: 144_578
			.saturating_add(Weight::from_parts(48_489_260, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2649).saturating_mul(n.into()))
	}
	/// Storage: `X402::Ledgers` (r:1 w:1)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:512 w:512)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	/// Storage: `X402::Statements` (r:0 w:1)
	/// Proof: `X402::Statements` (`max_values`: None, `max_size`: Some(148), added: 2623, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 512]`.
	fn close_statement(n: u32, ) -> Weight {
		// Proof size, measured: `364 + n * (8273 ±0)`
		// Proof size, estimated: `3601 + n * (10809 ±0)`
		// Minimum execution time: 28_072_000 picoseconds.
		Weight::from_parts(28_633_000, 3601)
			// Standard error: 29_779
			.saturating_add(Weight::from_parts(11_751_977, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 10809).saturating_mul(n.into()))
	}
	/// Storage: `Assets::Asset` (r:1 w:0)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `X402::AssetDomains` (r:0 w:1)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	fn set_asset_domain() -> Weight {
		// Proof size, measured: `153`
		// Proof size, estimated: `3675`
		// Minimum execution time: 9_845_000 picoseconds.
		Weight::from_parts(10_976_000, 3675)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	/// Storage: `X402::EvmAccounts` (r:1 w:1)
	/// Proof: `X402::EvmAccounts` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn register_evm_address() -> Weight {
		// Proof size, measured: `412`
		// Proof size, estimated: `3604`
		// Minimum execution time: 45_779_000 picoseconds.
		Weight::from_parts(49_253_000, 3604)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	/// Storage: `X402::EvmAccounts` (r:1 w:1)
	/// Proof: `X402::EvmAccounts` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn unregister_evm_address() -> Weight {
		// Proof size, measured: `505`
		// Proof size, estimated: `3604`
		// Minimum execution time: 41_352_000 picoseconds.
		Weight::from_parts(45_127_000, 3604)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	/// Storage: `X402::ExpiryBounds` (r:1 w:1)
	/// Proof: `X402::ExpiryBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::ExpiryQueue` (r:2 w:1)
	/// Proof: `X402::ExpiryQueue` (`max_values`: None, `max_size`: Some(19488), added: 21963, mode: `MaxEncodedLen`)
	/// Storage: `X402::Ledgers` (r:256 w:256)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:0 w:256)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:0 w:256)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(174), added: 2649, mode: `MaxEncodedLen`)
	/// The range of component `p` is `[0, 256]`.
	/// The range of component `e` is `[0, 256]`.
	fn prune_expired(p: u32, e: u32, ) -> Weight {
		// Proof size, measured: `425 + e * (149 ±0) + p * (32 ±0)`
		// Proof size, estimated: `44916 + e * (2611 ±0)`
		// Minimum execution time: 251_375_000 picoseconds.
		Weight::from_parts(256_142_000, 44916)
			// Standard error: 30_680
			.saturating_add(Weight::from_parts(419_589, 0).saturating_mul(p.into()))
			// Standard error: 30_680
			.saturating_add(Weight::from_parts(9_569_601, 0).saturating_mul(e.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(e.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 2611).saturating_mul(e.into()))
	}
	/// Storage: `X402::AssetDomains` (r:1 w:0)
	/// Proof: `X402::AssetDomains` (`max_values`: None, `max_size`: Some(152), added: 2627, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `X402::Authorizations` (r:1 w:1)
	/// Proof: `X402::Authorizations` (`max_values`: None, `max_size`: Some(224), added: 2699, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmAccounts` (r:1 w:0)
	/// Proof: `X402::EvmAccounts` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Mandates::MandateOf` (r:1 w:0)
	/// Proof: `Mandates::MandateOf` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `X402::Ledgers` (r:1 w:1)
	/// Proof: `X402::Ledgers` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Agents::AgentByWallet` (r:1 w:0)
	/// Proof: `Agents::AgentByWallet` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `X402::ExpiryBounds` (r:1 w:1)
	/// Proof: `X402::ExpiryBounds` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `X402::Channels` (r:1 w:1)
	/// Proof: `X402::Channels` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `X402::ExpiryQueue` (r:0 w:1)
	/// Proof: `X402::ExpiryQueue` (`max_values`: None, `max_size`: Some(19488), added: 21963, mode: `MaxEncodedLen`)
	/// Storage: `X402::LedgerEntries` (r:0 w:1)
	/// Proof: `X402::LedgerEntries` (`max_values`: None, `max_size`: Some(8334), added: 10809, mode: `MaxEncodedLen`)
	fn deposit() -> Weight {
		// Proof size, measured: `1352`
		// Proof size, estimated: `6208`
		// Minimum execution time: 221_940_000 picoseconds.
		Weight::from_parts(237_764_000, 6208)
			.saturating_add(ParityDbWeight::get().reads(15_u64))
			.saturating_add(ParityDbWeight::get().writes(10_u64))
	}
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::Channels` (r:256 w:256)
	/// Proof: `X402::Channels` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `X402::Receivers` (r:256 w:256)
	/// Proof: `X402::Receivers` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 256]`.
	fn claim(n: u32, ) -> Weight {
		// Proof size, measured: `159 + n * (69 ±0)`
		// Proof size, estimated: `1493 + n * (2563 ±0)`
		// Minimum execution time: 83_975_000 picoseconds.
		Weight::from_parts(87_010_000, 1493)
			// Standard error: 325_277
			.saturating_add(Weight::from_parts(67_412_254, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2563).saturating_mul(n.into()))
	}
	/// Storage: `X402::Receivers` (r:1 w:1)
	/// Proof: `X402::Receivers` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `X402::EvmAccounts` (r:1 w:0)
	/// Proof: `X402::EvmAccounts` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn settle_channels() -> Weight {
		// Proof size, measured: `1071`
		// Proof size, estimated: `6208`
		// Minimum execution time: 63_295_000 picoseconds.
		Weight::from_parts(67_591_000, 6208)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::Channels` (r:257 w:257)
	/// Proof: `X402::Channels` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `X402::Receivers` (r:256 w:256)
	/// Proof: `X402::Receivers` (`max_values`: None, `max_size`: Some(88), added: 2563, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 256]`.
	fn refund(n: u32, ) -> Weight {
		// Proof size, measured: `788 + n * (69 ±0)`
		// Proof size, estimated: `6208 + n * (2563 ±0)`
		// Minimum execution time: 81_391_000 picoseconds.
		Weight::from_parts(81_411_000, 6208)
			// Standard error: 722_239
			.saturating_add(Weight::from_parts(71_596_727, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2563).saturating_mul(n.into()))
	}
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::Channels` (r:1 w:1)
	/// Proof: `X402::Channels` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn initiate_withdraw() -> Weight {
		// Proof size, measured: `243`
		// Proof size, estimated: `3545`
		// Minimum execution time: 73_329_000 picoseconds.
		Weight::from_parts(87_610_000, 3545)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	/// Storage: `X402::EvmChainId` (r:1 w:0)
	/// Proof: `X402::EvmChainId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `X402::Channels` (r:1 w:1)
	/// Proof: `X402::Channels` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Asset` (r:1 w:1)
	/// Proof: `Assets::Asset` (`max_values`: None, `max_size`: Some(210), added: 2685, mode: `MaxEncodedLen`)
	/// Storage: `Assets::Account` (r:2 w:2)
	/// Proof: `Assets::Account` (`max_values`: None, `max_size`: Some(134), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn finalize_withdraw() -> Weight {
		// Proof size, measured: `815`
		// Proof size, estimated: `6208`
		// Minimum execution time: 81_031_000 picoseconds.
		Weight::from_parts(100_199_000, 6208)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
}
