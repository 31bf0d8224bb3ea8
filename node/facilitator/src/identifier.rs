//! The x402 `payment-identifier` extension: a client's idempotency key for one logical payment.
//!
//! A settle whose payload carries an id is remembered under (payee, id) with a fingerprint of
//! what it pays: payer, payee, asset, amount, scheme, network and the resource's URL. A later
//! settle with the same id and fingerprint is a retry of the same payment: it is answered with
//! the first payment's outcome and its own payload is not settled, so a client that signs
//! anew on every attempt pays once. The same id with another fingerprint is refused. Ids are
//! kept as long as the engine keeps finished payments, at most [`MAX_IDS`] of them.

use crate::{
	payment::{reason, Payment, Refusal},
	wire::FacilitatorRequest,
};
use agentchain_primitives::{x402::PaymentId, AccountId};
use codec::Encode;
use parking_lot::Mutex;
use polkadot_sdk::sp_crypto_hashing::blake2_256;
use std::{
	collections::HashMap,
	time::{Duration, Instant},
};

/// The extension's key in `extensions`, and in `/supported`.
pub const EXTENSION: &str = "payment-identifier";

/// How long an id is remembered.
pub const RETENTION: Duration = Duration::from_secs(600);

/// How long an id whose payment the engine does not know yet is taken to be in the middle of
/// being accepted.
const ACCEPTING: Duration = Duration::from_secs(60);

/// Most ids remembered; past it the oldest go first.
pub const MAX_IDS: usize = 100_000;

/// A payload's id and what it pays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identifier {
	key: (AccountId, String),
	fingerprint: [u8; 32],
}

/// The id in `request`'s payload, if it has one; refused if it is malformed.
pub fn of(request: &FacilitatorRequest, payment: &Payment) -> Result<Option<Identifier>, Refusal> {
	let extensions = &request.payment_payload.extensions;
	let Some(info) = extensions.as_ref().and_then(|e| e.get(EXTENSION)).and_then(|e| e.get("info"))
	else {
		return Ok(None);
	};
	let invalid = |message: &str| {
		let mut refusal = Refusal::new(reason::INVALID_PAYLOAD, message.to_owned());
		refusal.payer = Some(payment.payer.clone());
		refusal
	};
	let id = match info.get("id") {
		None | Some(serde_json::Value::Null) => {
			return match info.get("required").and_then(|r| r.as_bool()) {
				Some(true) => {
					Err(invalid("the payment-identifier extension is required but has no `id`"))
				},
				_ => Ok(None),
			}
		},
		Some(id) => id
			.as_str()
			.ok_or_else(|| invalid("the payment-identifier `id` is not a string"))?,
	};
	let well_formed = (16..=128).contains(&id.len())
		&& id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
	if !well_formed {
		return Err(invalid("a payment-identifier `id` is 16 to 128 letters, digits, `_` or `-`"));
	}
	let required = &request.payment_requirements;
	let resource = request
		.payment_payload
		.resource
		.as_ref()
		.and_then(|r| r.get("url"))
		.and_then(|u| u.as_str())
		.unwrap_or_default();
	let intent = &payment.intent;
	let fingerprint = blake2_256(
		&(
			&intent.payer,
			&intent.payee,
			intent.asset,
			intent.amount,
			&required.scheme,
			&required.network,
			resource,
		)
			.encode(),
	);
	Ok(Some(Identifier { key: (intent.payee.clone(), id.to_owned()), fingerprint }))
}

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
	/// Nothing yet.
	Unknown,
	/// This payment, with the same fingerprint.
	Named(PaymentId),
	/// Something with another fingerprint.
	Conflict,
}

struct Entry {
	fingerprint: [u8; 32],
	payment: PaymentId,
	since: Instant,
}

/// The ids seen in settles.
#[derive(Default)]
pub struct Identifiers {
	entries: Mutex<HashMap<(AccountId, String), Entry>>,
}

impl Identifiers {
	/// What `identifier` names.
	pub fn lookup(&self, identifier: &Identifier) -> Lookup {
		match self.entries.lock().get(&identifier.key) {
			None => Lookup::Unknown,
			Some(entry) if entry.since.elapsed() >= RETENTION => Lookup::Unknown,
			Some(entry) if entry.fingerprint != identifier.fingerprint => Lookup::Conflict,
			Some(entry) => Lookup::Named(entry.payment),
		}
	}

	/// What `identifier` names; if nothing, it names `payment` from now on (atomically, so
	/// that of two concurrent settles with one id only one settles its payload).
	pub fn reserve(&self, identifier: &Identifier, payment: PaymentId) -> Lookup {
		let mut entries = self.entries.lock();
		if let Some(entry) = entries.get(&identifier.key) {
			if entry.since.elapsed() < RETENTION {
				return if entry.fingerprint != identifier.fingerprint {
					Lookup::Conflict
				} else {
					Lookup::Named(entry.payment)
				};
			}
		}
		if entries.len() >= MAX_IDS {
			entries.retain(|_, entry| entry.since.elapsed() < RETENTION);
			if entries.len() >= MAX_IDS {
				let oldest =
					entries.iter().min_by_key(|(_, entry)| entry.since).map(|(key, _)| key.clone());
				if let Some(oldest) = oldest {
					entries.remove(&oldest);
				}
			}
		}
		let entry = Entry { fingerprint: identifier.fingerprint, payment, since: Instant::now() };
		entries.insert(identifier.key.clone(), entry);
		Lookup::Unknown
	}

	/// Whether `identifier` was reserved moments ago (its payment may still be being accepted).
	pub fn is_recent(&self, identifier: &Identifier) -> bool {
		self.entries
			.lock()
			.get(&identifier.key)
			.is_some_and(|entry| entry.since.elapsed() < ACCEPTING)
	}

	/// Makes `identifier` name `payment` (its earlier payment failed or is forgotten).
	pub fn rebind(&self, identifier: &Identifier, payment: PaymentId) {
		if let Some(entry) = self.entries.lock().get_mut(&identifier.key) {
			entry.payment = payment;
			entry.since = Instant::now();
		}
	}

	/// Forgets `identifier` if it names `payment`, whose settle was refused.
	pub fn release(&self, identifier: &Identifier, payment: PaymentId) {
		let mut entries = self.entries.lock();
		if entries.get(&identifier.key).is_some_and(|entry| entry.payment == payment) {
			entries.remove(&identifier.key);
		}
	}
}
