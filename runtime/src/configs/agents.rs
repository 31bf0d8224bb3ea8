//! `pallet-agents`: agent identity, payment-backed reputation and validation (ERC-8004).

use crate::{Balances, Runtime, RuntimeHoldReason, Timestamp, MILLI_UNIT, X402};
use polkadot_sdk::frame_support::traits::{ConstU128, ConstU32};

impl pallet_agents::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Payments = X402;
	type Time = Timestamp;
	/// Wallet proofs are signed against this network's x402 chain id (from its chain spec).
	type EvmChainId = pallet_x402::EvmChainIdOf<Runtime>;
	/// A tenth of a token per stored item and a thousandth per byte: a registration with a
	/// 100-byte URI costs about 0.3 tokens, a feedback about 0.2; all of it comes back on
	/// removal.
	type ItemDeposit = ConstU128<{ 100 * MILLI_UNIT }>;
	type ByteDeposit = ConstU128<{ MILLI_UNIT }>;
	/// Registration files live off chain (`ipfs://`, `https://`); a `data:` URI this long still
	/// fits a small JSON file.
	type MaxUriLength = ConstU32<1024>;
	type MaxMetadataEntries = ConstU32<16>;
	type MaxMetadataKeyLength = ConstU32<64>;
	type MaxMetadataValueLength = ConstU32<1024>;
	type MaxOperators = ConstU32<8>;
	type MaxTagLength = ConstU32<64>;
	type WeightInfo = pallet_agents::weights::SubstrateWeight<Runtime>;
}
