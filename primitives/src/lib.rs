//! Types shared by the agentchain runtime, node and clients.
//!
//! Everything that more than one of those needs to name lives here, so that an account, a balance
//! or an asset id has exactly one definition.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod agents;
pub mod channels;
pub mod evm_signature;
pub mod evm_views;
pub mod mandates;
pub mod x402;

use polkadot_sdk::{
	sp_core::H256,
	sp_runtime::{
		generic,
		traits::{BlakeTwo256, IdentifyAccount, Verify},
		MultiSignature, OpaqueExtrinsic,
	},
};

/// A signature over an extrinsic or a payload: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;

/// The public key behind a [`Signature`].
pub type AccountPublic = <Signature as Verify>::Signer;

/// An account on the chain: a 32-byte id derived from the signer's public key.
pub type AccountId = <AccountPublic as IdentifyAccount>::AccountId;

/// An amount of the native fee token or of an asset, in its smallest unit.
pub type Balance = u128;

/// The id of an asset in `pallet-assets` (for example the stablecoin).
pub type AssetId = u32;

/// A block number.
pub type BlockNumber = u32;

/// The index of an account's next extrinsic.
pub type Nonce = u32;

/// A block hash.
pub type Hash = H256;

/// Unix time in milliseconds, as `pallet-timestamp` stores it.
pub type Moment = u64;

/// The block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// A block as the node sees it: extrinsics are opaque bytes, so the node does not depend on the
/// runtime's call types.
pub type Block = generic::Block<Header, OpaqueExtrinsic>;

/// The EVM-style chain id of development chains (`--dev`): the `chainId` of the EIP-712 domains
/// EVM wallets sign payments against there, and the number in its x402 network `eip155:402402`.
///
/// Every network sets its own id in its chain spec (`x402.evmChainId`), so that a signature made
/// for one network is worthless on every other; the node refuses to start any chain but a
/// development one with this id ([`LOCAL_EVM_CHAIN_ID`] likewise for live chains).
pub const DEV_EVM_CHAIN_ID: u64 = 402_402;

/// The EVM-style chain id of the local testnet preset (`--chain local`, zombienet).
pub const LOCAL_EVM_CHAIN_ID: u64 = 402_403;

/// Decimal places of the native fee token.
pub const NATIVE_DECIMALS: u8 = 12;

/// One whole native token, in its smallest unit.
pub const UNIT: Balance = 10u128.pow(NATIVE_DECIMALS as u32);

/// Facts about the stablecoin created at genesis, shared by the runtime's genesis presets, the
/// node's facilitator and client code.
pub mod stablecoin {
	use super::{AssetId, Balance};

	/// The stablecoin's asset id in `pallet-assets`.
	pub const ASSET_ID: AssetId = 1;
	/// Its name.
	pub const NAME: &str = "USD Coin";
	/// Its ticker symbol.
	pub const SYMBOL: &str = "USDC";
	/// The version of its EIP-712 domain (x402's `extra.version`), as USDC on other chains.
	pub const EIP712_VERSION: &str = "2";
	/// Its decimal places, as USDC on other chains.
	pub const DECIMALS: u8 = 6;
	/// One whole coin, in its smallest unit.
	pub const UNIT: Balance = 10u128.pow(DECIMALS as u32);
	/// The least balance an account must hold to exist in the asset (one hundredth of a cent).
	pub const MIN_BALANCE: Balance = 100;

	/// Its EIP-712 domain on the network with EVM chain id `chain_id`: what EVM wallets sign
	/// payments against (the runtime API `X402Api_asset_domain` answers the same once genesis
	/// has set it).
	pub fn eip712_domain(chain_id: u64) -> crate::x402::eip712::Domain {
		crate::x402::eip712::Domain {
			name: NAME.as_bytes().to_vec(),
			version: EIP712_VERSION.as_bytes().to_vec(),
			chain_id,
			verifying_contract: crate::x402::evm_address::asset_address(ASSET_ID),
		}
	}
}
