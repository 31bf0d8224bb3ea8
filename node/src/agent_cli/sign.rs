//! `x402 sign`: a signed native payment intent as a facilitator request.

use super::{
	key::{KeyParams, PayerKey},
	node_rpc, payment, NodeParams,
};
use agentchain_facilitator::{
	payment::native_network,
	wire::{FacilitatorRequest, PaymentRequirements, SCHEME_EXACT, X402_VERSION},
};
use agentchain_primitives::{stablecoin, x402::evm_address, Balance};
use polkadot_sdk::sp_core::H256;
use serde_json::{json, Value};

#[derive(Debug, clap::Parser)]
pub struct SignCmd {
	#[clap(flatten)]
	pub key: KeyParams,

	/// Who is paid: an SS58 or `0x`-hex account.
	#[arg(long, value_name = "ACCOUNT")]
	pub pay_to: String,

	/// How much, in the asset's smallest unit (the stablecoin has 6 decimals: 10000 is a cent).
	#[arg(long)]
	pub amount: Balance,

	/// The asset.
	#[arg(long, default_value_t = stablecoin::ASSET_ID)]
	pub asset: u32,

	/// Seconds from now until the intent expires.
	#[arg(long, value_name = "SECONDS", default_value_t = 120)]
	pub valid_for: u64,

	/// The payee's 32-byte reference (`0x`-hex), for its reconciliation.
	#[arg(long, value_name = "HEX", value_parser = parse_reference)]
	pub reference: Option<[u8; 32]>,

	/// The chain's genesis hash; without it, asked of the node at `--rpc-url`.
	#[arg(long, value_name = "HASH")]
	pub genesis_hash: Option<H256>,

	/// Submit it to the node's facilitator (`x402_submit`) and print the payment id.
	#[arg(long)]
	pub submit: bool,

	#[clap(flatten)]
	pub node: NodeParams,
}

impl SignCmd {
	pub fn run(&self) -> Result<Value, String> {
		let key = PayerKey::load(&self.key)?;
		let genesis = match self.genesis_hash {
			Some(genesis) => genesis,
			None => genesis_hash(&self.node.rpc_url)?,
		};
		let requirements = PaymentRequirements {
			scheme: SCHEME_EXACT.into(),
			network: native_network(genesis),
			amount: self.amount.to_string(),
			asset: format!("{:?}", evm_address::asset_address(self.asset)),
			pay_to: self.pay_to.clone(),
			max_timeout_seconds: self.valid_for,
			extra: json!({ "genesisHash": format!("{genesis:?}") }),
		};
		let payment_payload =
			payment::native_payment(&key, &requirements, genesis, self.reference, None)?;
		let request = FacilitatorRequest {
			x402_version: X402_VERSION,
			payment_payload,
			payment_requirements: requirements,
		};
		let request = serde_json::to_value(request).map_err(|e| e.to_string())?;
		if !self.submit {
			return Ok(request);
		}
		let id = node_rpc::call(&self.node.rpc_url, "x402_submit", json!([request]))?;
		Ok(json!({ "paymentId": id }))
	}
}

/// The genesis hash of the node at `url`.
pub fn genesis_hash(url: &str) -> Result<H256, String> {
	let hash = node_rpc::call(url, "chain_getBlockHash", json!([0]))?;
	serde_json::from_value(hash.clone())
		.map_err(|_| format!("chain_getBlockHash(0) answered {hash}"))
}

fn parse_reference(text: &str) -> Result<[u8; 32], String> {
	super::hex_bytes(text)
		.and_then(|bytes| bytes.try_into().ok())
		.ok_or_else(|| "a reference is 32 bytes of 0x-hex".into())
}
