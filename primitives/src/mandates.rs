//! Spending mandates: a root account lets a delegate key spend its funds within limits the
//! chain enforces on every payment (user → agent → session, as Kite's three-layer identity).
//!
//! A delegate's intent is an ordinary x402 intent whose payer is the delegate key (exactly what
//! a stock client signs with that key); settlement debits the mandate's root instead, once every
//! mandate from the delegate's up to the root's allows the payment. A delegate may grant one
//! session mandate per further key, never wider than its own and counted against it.

use crate::{
	agents::AgentId,
	x402::{eip712, evm_address, IntentSignature},
	AccountId, AssetId, Balance, Nonce, Signature,
};
use alloc::{string::String, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	sp_core::{ConstU32, H160, U256},
	sp_crypto_hashing::keccak_256,
	sp_runtime::BoundedVec,
};
use scale_info::TypeInfo;

pub use crate::x402::UnixSeconds;

/// A mandate's number, in grant order.
pub type MandateId = u64;

/// Most payee rules one mandate lists.
pub const MAX_PAYEES: u32 = 16;

/// Most endpoints one mandate lists.
pub const MAX_ENDPOINTS: u32 = 8;

/// Longest chain from a delegate key to its root: an agent's mandate and a session under it.
pub const MAX_DEPTH: u32 = 2;

/// Longest HTTP method name in an endpoint rule.
pub const MAX_METHOD_LEN: u32 = 16;

/// Longest host name in an endpoint rule (DNS's limit).
pub const MAX_HOST_LEN: u32 = 253;

/// Longest path prefix in an endpoint rule.
pub const MAX_PATH_PREFIX_LEN: u32 = 256;

/// Whom a mandate lets its delegate pay.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub enum PayeeRule {
	/// This account.
	Account(AccountId),
	/// Whatever account this 20-byte address pays (an x402 `payTo`).
	Address(H160),
	/// The wallet of this agent in `pallet-agents`, whichever account that is at payment time.
	Agent(AgentId),
}

/// An x402 resource a mandate lets its delegate pay for. Only a facilitator sees the resource
/// behind a payment, so only facilitators enforce these (ours does, from chain state); the
/// chain enforces the payee rules.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Endpoint {
	/// The HTTP method in capitals, or empty for any. x402 payments name only the resource's
	/// URL, so a rule with a method matches only payments whose method is known.
	pub method: BoundedVec<u8, ConstU32<MAX_METHOD_LEN>>,
	/// The host, lower case, without port.
	pub host: BoundedVec<u8, ConstU32<MAX_HOST_LEN>>,
	/// The path prefix, by whole segments: `/api` admits `/api` and `/api/v1`, not `/apiary`
	/// (`/` for any path).
	pub path_prefix: BoundedVec<u8, ConstU32<MAX_PATH_PREFIX_LEN>>,
}

impl Endpoint {
	/// Whether this rule admits a payment for `path` on `host` with `method` (`None` when the
	/// method is not known: then only a rule for any method admits it).
	pub fn admits(&self, method: Option<&[u8]>, host: &[u8], path: &[u8]) -> bool {
		let method_ok = self.method.is_empty() || method == Some(&self.method[..]);
		method_ok && self.host[..].eq_ignore_ascii_case(host) && under(&self.path_prefix, path)
	}

	/// Whether everything `other` admits, this admits too.
	pub fn covers(&self, other: &Endpoint) -> bool {
		(self.method.is_empty() || self.method == other.method)
			&& self.host[..].eq_ignore_ascii_case(&other.host)
			&& under(&self.path_prefix, &other.path_prefix)
	}
}

/// Whether `path` is `prefix` or lies below it, by whole segments.
fn under(prefix: &[u8], path: &[u8]) -> bool {
	path.starts_with(prefix)
		&& (path.len() == prefix.len() || prefix.ends_with(b"/") || path[prefix.len()] == b'/')
}

/// The limits a mandate sets. Every one holds for every payment, and a session's are never
/// wider than its parent's.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct MandateTerms {
	/// The one asset the delegate may spend.
	pub asset: AssetId,
	/// Most one payment may be.
	pub max_per_payment: Balance,
	/// Most the payments of one period may add up to.
	pub budget_per_period: Balance,
	/// A period's length in seconds; periods run back to back from the grant.
	pub period: UnixSeconds,
	/// Most payments in one period, if limited.
	pub max_payments_per_period: Option<u32>,
	/// Most all payments may add up to over the mandate's life, if limited.
	pub lifetime_total: Option<Balance>,
	/// The mandate allows nothing from this time on (unix seconds).
	pub expires: UnixSeconds,
	/// Whom the delegate may pay; empty for anyone.
	pub payees: BoundedVec<PayeeRule, ConstU32<MAX_PAYEES>>,
	/// What the delegate may pay for; empty for anything.
	pub endpoints: BoundedVec<Endpoint, ConstU32<MAX_ENDPOINTS>>,
}

impl MandateTerms {
	/// Whether the delegate may pay `payee`; `agent` tells which agent's wallet it is, if any
	/// (asked only when an agent rule could decide).
	pub fn allows_payee(&self, payee: &AccountId, agent: impl FnOnce() -> Option<AgentId>) -> bool {
		if self.payees.is_empty() {
			return true;
		}
		let address = evm_address::address_of(payee.as_ref());
		let direct = self.payees.iter().any(|rule| match rule {
			PayeeRule::Account(account) => account == payee,
			PayeeRule::Address(allowed) => *allowed == address,
			PayeeRule::Agent(_) => false,
		});
		direct
			|| (self.payees.iter().any(|rule| matches!(rule, PayeeRule::Agent(_)))
				&& agent().is_some_and(|id| self.payees.contains(&PayeeRule::Agent(id))))
	}

	/// Whether these terms are no wider than `parent`'s: a session's must not be.
	pub fn within(&self, parent: &MandateTerms) -> bool {
		let limit_within = |own: Option<Balance>, theirs: Option<Balance>| match theirs {
			None => true,
			Some(theirs) => own.is_some_and(|own| own <= theirs),
		};
		let count_within = |own: Option<u32>, theirs: Option<u32>| match theirs {
			None => true,
			Some(theirs) => own.is_some_and(|own| own <= theirs),
		};
		let payees_within = parent.payees.is_empty()
			|| (!self.payees.is_empty() && self.payees.iter().all(|p| parent.payees.contains(p)));
		let endpoints_within = parent.endpoints.is_empty()
			|| (!self.endpoints.is_empty()
				&& self.endpoints.iter().all(|e| parent.endpoints.iter().any(|p| p.covers(e))));
		self.asset == parent.asset
			&& self.max_per_payment <= parent.max_per_payment
			&& self.budget_per_period <= parent.budget_per_period
			&& count_within(self.max_payments_per_period, parent.max_payments_per_period)
			&& limit_within(self.lifetime_total, parent.lifetime_total)
			&& self.expires <= parent.expires
			&& payees_within
			&& endpoints_within
	}
}

/// A granted mandate.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct Mandate {
	/// Whose funds the delegate spends.
	pub root: AccountId,
	/// The mandate this one is a session of, if any.
	pub parent: Option<MandateId>,
	/// The key that spends: its intents debit `root`.
	pub delegate: AccountId,
	/// The limits.
	pub terms: MandateTerms,
	/// Who holds the deposit that pays for it; returned to them when it goes.
	pub depositor: AccountId,
	/// The deposit.
	pub deposit: Balance,
}

/// What a mandate's delegate has spent, with the period it counts in (so that counting a
/// payment reads nothing else).
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub struct MandateUsage {
	/// The mandate's period length in seconds.
	pub period: UnixSeconds,
	/// The start of the period the figures below are of; periods run back to back from the
	/// grant.
	pub period_start: UnixSeconds,
	/// Spent in that period.
	pub spent_in_period: Balance,
	/// Payments in that period.
	pub payments_in_period: u32,
	/// Spent over the mandate's life.
	pub spent_in_total: Balance,
}

impl MandateUsage {
	/// A new mandate's usage: nothing spent, the first period starting at `granted`.
	pub fn new(period: UnixSeconds, granted: UnixSeconds) -> Self {
		Self { period, period_start: granted, ..Default::default() }
	}

	/// The usage as of `now`: in a later period, that period's figures start from zero.
	pub fn at(self, now: UnixSeconds) -> Self {
		let period = self.period.max(1);
		if now < self.period_start.saturating_add(period) {
			return self;
		}
		let elapsed = now - self.period_start;
		Self {
			period_start: self.period_start.saturating_add(elapsed - elapsed % period),
			spent_in_period: 0,
			payments_in_period: 0,
			..self
		}
	}

	/// Counts a payment of `amount`.
	pub fn add(&mut self, amount: Balance) {
		self.spent_in_period = self.spent_in_period.saturating_add(amount);
		self.payments_in_period = self.payments_in_period.saturating_add(1);
		self.spent_in_total = self.spent_in_total.saturating_add(amount);
	}

	/// Whether `terms` allow one more payment of `amount` on top of this usage; why not.
	pub fn allows(&self, terms: &MandateTerms, amount: Balance) -> Result<(), MandateRefusal> {
		if amount > terms.max_per_payment {
			return Err(MandateRefusal::OverPaymentCap);
		}
		if self.spent_in_period.saturating_add(amount) > terms.budget_per_period {
			return Err(MandateRefusal::OverPeriodBudget);
		}
		if terms.max_payments_per_period.is_some_and(|max| self.payments_in_period >= max) {
			return Err(MandateRefusal::OverPaymentCount);
		}
		if terms
			.lifetime_total
			.is_some_and(|max| self.spent_in_total.saturating_add(amount) > max)
		{
			return Err(MandateRefusal::OverLifetimeTotal);
		}
		Ok(())
	}

	/// What is left of the period's budget (and of the lifetime total, if lower).
	pub fn available(&self, terms: &MandateTerms) -> Balance {
		let in_period = terms.budget_per_period.saturating_sub(self.spent_in_period);
		match terms.lifetime_total {
			Some(total) => in_period.min(total.saturating_sub(self.spent_in_total)),
			None => in_period,
		}
	}
}

/// Why a mandate refuses a payment; the chain's and the facilitator's reason codes.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
)]
pub enum MandateRefusal {
	/// A mandate in the chain has expired.
	Expired,
	/// A mandate in the chain was revoked (or has gone).
	Revoked,
	/// The payment is in another asset than the mandate's.
	WrongAsset,
	/// The payment is over a mandate's `max_per_payment`.
	OverPaymentCap,
	/// The payment would take a period's spending over its budget.
	OverPeriodBudget,
	/// The period already has `max_payments_per_period` payments.
	OverPaymentCount,
	/// The payment would take the lifetime spending over `lifetime_total`.
	OverLifetimeTotal,
	/// The payee is not on a mandate's list.
	PayeeNotAllowed,
}

/// A mandate with what its delegate has spent, as the RPC reports it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct MandateStatus {
	/// Its number.
	pub id: MandateId,
	/// The mandate.
	pub mandate: Mandate,
	/// Spent so far, as of the block asked about.
	pub usage: MandateUsage,
	/// What the delegate can still spend now: the least of what every mandate from this one
	/// up to the root leaves in its period (and lifetime), not counting the root's balance.
	pub available: Balance,
}

/// Longest time, in seconds, from now to a signed grant's or revocation's deadline.
pub const MAX_SIGNED_AHEAD: UnixSeconds = 60 * 60;

/// `keccak256("MandateGrant(bytes32 delegate,bytes terms,uint256 nonce,uint256 deadline)")`:
/// an EVM root's grant; `terms` is the SCALE encoding of [`MandateTerms`] and `nonce` the
/// root's count of signed grants so far, so a grant message settles once.
pub const GRANT_TYPEHASH: [u8; 32] = polkadot_sdk::sp_crypto_hashing_proc_macro::keccak_256!(
	b"MandateGrant(bytes32 delegate,bytes terms,uint256 nonce,uint256 deadline)"
);

/// `keccak256("MandateAccept(bytes32 granter,bytes32 delegate,uint256 deadline)")`: a
/// delegate key's consent to spend through `granter`'s mandate. Without it anyone could bind
/// someone else's key to a mandate of theirs, and so limit or block that key's own payments.
pub const ACCEPT_TYPEHASH: [u8; 32] = polkadot_sdk::sp_crypto_hashing_proc_macro::keccak_256!(
	b"MandateAccept(bytes32 granter,bytes32 delegate,uint256 deadline)"
);

/// Domain tag of a native delegate's consent: separates it from any other signed bytes here.
pub const ACCEPT_TAG: &[u8; 27] = b"agentchain/mandate-accept/1";

/// A delegate key's consent to a grant, until `deadline` (at most [`MAX_SIGNED_AHEAD`] ahead).
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct DelegateConsent {
	/// The consent is void from this time on.
	pub deadline: UnixSeconds,
	/// The delegate's signature: native over [`native_accept_payload`], EVM over
	/// [`accept_digest`].
	pub signature: IntentSignature,
}

/// The bytes a native delegate key signs to consent to `granter`'s mandate until `deadline`, on
/// the chain whose genesis block is `genesis_hash`.
pub fn native_accept_payload<Hash: Encode>(
	genesis_hash: Hash,
	granter: &AccountId,
	delegate: &AccountId,
	deadline: UnixSeconds,
) -> Vec<u8> {
	(ACCEPT_TAG, genesis_hash, granter, delegate, deadline).encode()
}

/// The digest an EVM delegate key signs to consent to `granter`'s mandate until `deadline`.
pub fn accept_digest(
	chain_id: u64,
	granter: &AccountId,
	delegate: &AccountId,
	deadline: UnixSeconds,
) -> [u8; 32] {
	let mut encoded = Vec::with_capacity(4 * 32);
	encoded.extend_from_slice(&ACCEPT_TYPEHASH);
	encoded.extend_from_slice(granter.as_ref());
	encoded.extend_from_slice(delegate.as_ref());
	encoded.extend_from_slice(&U256::from(deadline).to_big_endian());
	eip712::typed_data_digest(&domain(chain_id).separator(), &keccak_256(&encoded))
}

/// `keccak256("MandateRevoke(uint256 mandate,uint256 deadline)")`: an EVM root's revocation
/// (mandate numbers are never reused, so it needs no nonce).
pub const REVOKE_TYPEHASH: [u8; 32] = polkadot_sdk::sp_crypto_hashing_proc_macro::keccak_256!(
	b"MandateRevoke(uint256 mandate,uint256 deadline)"
);

/// The EIP-712 domain name of mandate messages.
pub const DOMAIN_NAME: &[u8] = b"agentchain mandates";
/// The EIP-712 domain version of mandate messages.
pub const DOMAIN_VERSION: &[u8] = b"1";
/// The 20-byte address that stands for the mandate registry in its EIP-712 domain: `0xad`
/// followed by zeros and `0x01`.
pub const REGISTRY_ADDRESS: H160 =
	H160([0xad, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01]);

/// The domain of mandate messages on the chain with EVM chain id `chain_id`.
pub fn domain(chain_id: u64) -> eip712::Domain {
	eip712::Domain {
		name: DOMAIN_NAME.to_vec(),
		version: DOMAIN_VERSION.to_vec(),
		chain_id,
		verifying_contract: REGISTRY_ADDRESS,
	}
}

/// The digest an EVM root signs to grant `delegate` a mandate with `terms`.
pub fn grant_digest(
	chain_id: u64,
	delegate: &AccountId,
	terms: &MandateTerms,
	nonce: u64,
	deadline: UnixSeconds,
) -> [u8; 32] {
	let mut encoded = Vec::with_capacity(5 * 32);
	encoded.extend_from_slice(&GRANT_TYPEHASH);
	encoded.extend_from_slice(delegate.as_ref());
	encoded.extend_from_slice(&keccak_256(&terms.encode()));
	encoded.extend_from_slice(&U256::from(nonce).to_big_endian());
	encoded.extend_from_slice(&U256::from(deadline).to_big_endian());
	eip712::typed_data_digest(&domain(chain_id).separator(), &keccak_256(&encoded))
}

/// The digest an EVM root signs to revoke `mandate`.
pub fn revoke_digest(chain_id: u64, mandate: MandateId, deadline: UnixSeconds) -> [u8; 32] {
	let mut encoded = Vec::with_capacity(3 * 32);
	encoded.extend_from_slice(&REVOKE_TYPEHASH);
	encoded.extend_from_slice(&U256::from(mandate).to_big_endian());
	encoded.extend_from_slice(&U256::from(deadline).to_big_endian());
	eip712::typed_data_digest(&domain(chain_id).separator(), &keccak_256(&encoded))
}

/// Whose funds a delegate key's payment spends, and the mandates it went through (the
/// delegate's first, the root's own grant last).
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug,
)]
pub struct MandatedSpend {
	/// Whose funds.
	pub root: AccountId,
	/// The mandates, from the delegate's up.
	pub mandates: BoundedVec<MandateId, ConstU32<MAX_DEPTH>>,
}

/// The agent whose payment wallet an account is: how a mandate's [`PayeeRule::Agent`] is
/// checked (pallet-agents knows).
pub trait AgentOfWallet {
	/// The agent `wallet` is the payment wallet of, if any.
	fn agent_of(wallet: &AccountId) -> Option<AgentId>;
}

impl AgentOfWallet for () {
	fn agent_of(_: &AccountId) -> Option<AgentId> {
		None
	}
}

/// Most mandates one [`MandatesApi::mandates_of`] answer lists.
pub const MAX_LISTED: u32 = 100;

/// A mandate call a native key sends itself, built by the runtime that will check it
/// ([`MandatesApi::signing_payload`]), so a client needs none of the runtime's compiled types.
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
pub enum MandateCall {
	/// `mandates.grant(delegate, terms, consent)`.
	Grant { delegate: AccountId, terms: MandateTerms, consent: DelegateConsent },
	/// `mandates.revoke(mandate)`.
	Revoke { mandate: MandateId },
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Mandate queries, answered with the rules settlement applies, and the extrinsics of the
	/// calls a key sends itself.
	pub trait MandatesApi {
		/// One mandate with its usage as of this block; `None` once revoked or expired and
		/// removed.
		fn mandate(id: MandateId) -> Option<MandateStatus>;

		/// The mandates over `root`'s funds (its own grants and their sessions), at most
		/// `limit` (and [`MAX_LISTED`]); the next page starts after the last one listed
		/// (`after`), in the chain's storage order.
		fn mandates_of(root: AccountId, after: Option<MandateId>, limit: u32) -> Vec<MandateStatus>;

		/// The chain of authority of a delegate key: its mandate, then each one above it up to
		/// the root's grant; empty if the key holds none.
		fn authority_of(delegate: AccountId) -> Vec<MandateStatus>;

		/// What `call` sent by `caller` would do now, with nothing kept: `Err` with the
		/// refusal's name (the pallet error, as `BadDelegateConsent`). Fees are not charged.
		fn dry_run_call(call: MandateCall, caller: AccountId) -> Result<(), String>;

		/// The bytes `call`'s sender signs to send it as its immortal extrinsic `nonce` with no
		/// tip; `None` if the runtime cannot build one.
		fn signing_payload(call: MandateCall, nonce: Nonce) -> Option<Vec<u8>>;

		/// The extrinsic `signer` sends with `signature` over [`signing_payload`].
		fn signed_extrinsic(
			call: MandateCall,
			nonce: Nonce,
			signer: AccountId,
			signature: Signature,
		) -> <Block as polkadot_sdk::sp_runtime::traits::Block>::Extrinsic;
	}
}

#[cfg(test)]
mod tests;
