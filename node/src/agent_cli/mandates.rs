//! `mandates …`: what a spending mandate allows and what it has spent, read from a node.

use super::{node_rpc, NodeParams};
use serde_json::{json, Value};

/// Read spending mandates (`pallet-mandates`) from a node.
#[derive(Debug, clap::Subcommand)]
pub enum MandatesCmd {
	/// One mandate: its terms, what it spent in its period and in all, and what the key can
	/// still spend (`mandates_get`).
	Show {
		/// The mandate id.
		id: u64,
		#[clap(flatten)]
		node: NodeParams,
	},
	/// The mandates and sessions a root granted (`mandates_ofRoot`).
	OfRoot {
		/// The root: an SS58 or `0x`-hex account.
		root: String,
		#[clap(flatten)]
		node: NodeParams,
	},
	/// A key's chain of authority, from its own mandate up to the root's (`mandates_authorityOf`).
	AuthorityOf {
		/// The key's account: SS58 or `0x`-hex.
		key: String,
		#[clap(flatten)]
		node: NodeParams,
	},
}

impl MandatesCmd {
	pub fn run(&self) -> Result<Value, String> {
		match self {
			Self::Show { id, node } => {
				let mandate = node_rpc::call(&node.rpc_url, "mandates_get", json!([id]))?;
				if mandate.is_null() {
					return Err(format!(
						"there is no mandate {id} (never granted, revoked or expired)"
					));
				}
				Ok(mandate)
			},
			Self::OfRoot { root, node } => {
				node_rpc::call(&node.rpc_url, "mandates_ofRoot", json!([root]))
			},
			Self::AuthorityOf { key, node } => {
				node_rpc::call(&node.rpc_url, "mandates_authorityOf", json!([key]))
			},
		}
	}
}
