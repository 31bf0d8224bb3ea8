//! `mandates …`: what a spending mandate allows and what it has spent, read from a node; and a
//! native key's own grants and revocations (`mandate_tx`).

use super::{
	mandate_tx::{AcceptCmd, GrantCmd, RevokeCmd},
	node_rpc, NodeParams,
};
use serde_json::{json, Value};

/// Spending mandates (`pallet-mandates`): read them from a node, grant and revoke them.
#[derive(Debug, clap::Subcommand)]
pub enum MandatesCmd {
	/// Consent, as the delegate key, to a grant: prints the consent the granter sends.
	Accept(AcceptCmd),
	/// Grant a delegate key a mandate over the signer's funds (a session, when the signer is a
	/// delegate): dry-run, signed, submitted; prints the mandate once in the best block.
	Grant(GrantCmd),
	/// Revoke a mandate and its sessions, as its root or the session's granter.
	Revoke(RevokeCmd),
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
			Self::Accept(cmd) => cmd.run(),
			Self::Grant(cmd) => cmd.run(),
			Self::Revoke(cmd) => cmd.run(),
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
