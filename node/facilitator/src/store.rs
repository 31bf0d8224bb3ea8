//! The on-disk queue: a journal of accepted payments and of those that became final, so that a
//! restarted node settles what it had accepted instead of forgetting it.
//!
//! One append per event keeps the cost of persistence to a `write` per payment (a file per
//! payment cost more than the payment's verification: directory updates in the kernel). The
//! journal is rewritten with only the pending payments when the node starts and whenever it
//! has grown by [`COMPACT_AFTER`] entries, so its size is bounded by the payments in flight.

use crate::{chain::Intent, payment::Payment};
use agentchain_primitives::x402::{IntentSignature, PaymentId};
use codec::{Decode, Encode};
use std::{
	collections::HashMap,
	fs::{self, File, OpenOptions},
	io::{self, Write},
	path::{Path, PathBuf},
};

/// Entries written between two rewrites of the journal.
pub const COMPACT_AFTER: usize = 100_000;

const JOURNAL: &str = "journal.scale";

#[derive(Encode, Decode)]
enum Entry {
	/// A payment was accepted.
	Accepted { intent: Intent, signature: IntentSignature, payer: String, network: String },
	/// A payment is final (settled or failed): it needs nothing more.
	Done(PaymentId),
}

impl Entry {
	fn accepted(payment: &Payment) -> Self {
		Entry::Accepted {
			intent: payment.intent.clone(),
			signature: payment.signature.clone(),
			payer: payment.payer.clone(),
			network: payment.network.clone(),
		}
	}
}

/// The journal of pending payments in a directory.
pub struct Store {
	dir: PathBuf,
	journal: File,
	/// Entries appended since the journal was last rewritten.
	appended: usize,
	/// What was pending when the store was opened, until [`Store::take_pending`].
	pending: Vec<Payment>,
}

impl Store {
	/// Opens (or creates) the journal in `dir`, reads the payments that were pending and
	/// rewrites the journal with only those.
	pub fn open(dir: &Path) -> io::Result<Self> {
		fs::create_dir_all(dir)?;
		let path = dir.join(JOURNAL);
		let pending = match fs::read(&path) {
			Ok(bytes) => replay(&bytes, &path),
			Err(error) if error.kind() == io::ErrorKind::NotFound => Vec::new(),
			Err(error) => return Err(error),
		};
		let journal = rewrite(dir, &pending)?;
		Ok(Self { dir: dir.to_owned(), journal, appended: 0, pending })
	}

	/// The payments that were pending when the store was opened (once).
	pub fn take_pending(&mut self) -> Vec<Payment> {
		std::mem::take(&mut self.pending)
	}

	/// Records that `payment` was accepted.
	pub fn accepted(&mut self, payment: &Payment) -> io::Result<()> {
		self.append(Entry::accepted(payment))
	}

	/// Records that the payment `id` is final.
	pub fn done(&mut self, id: PaymentId) -> io::Result<()> {
		self.append(Entry::Done(id))
	}

	/// Whether the journal should be rewritten with [`Store::compact`].
	pub fn is_due(&self) -> bool {
		self.appended >= COMPACT_AFTER
	}

	/// Rewrites the journal with only `pending`.
	pub fn compact<'a>(
		&mut self,
		pending: impl IntoIterator<Item = &'a Payment>,
	) -> io::Result<()> {
		let pending: Vec<Payment> = pending.into_iter().cloned().collect();
		self.journal = rewrite(&self.dir, &pending)?;
		self.appended = 0;
		Ok(())
	}

	fn append(&mut self, entry: Entry) -> io::Result<()> {
		// One `write` per entry: a crash leaves at most the last entry torn, which `replay`
		// drops.
		self.journal.write_all(&frame(&entry))?;
		self.appended += 1;
		Ok(())
	}
}

/// An entry as the journal holds it: its length (`u32`, little endian), then its SCALE encoding.
fn frame(entry: &Entry) -> Vec<u8> {
	let record = entry.encode();
	let mut framed = Vec::with_capacity(4 + record.len());
	framed.extend_from_slice(&(record.len() as u32).to_le_bytes());
	framed.extend_from_slice(&record);
	framed
}

/// The payments accepted and not done in a journal, in the order they were accepted.
fn replay(mut bytes: &[u8], path: &Path) -> Vec<Payment> {
	let mut pending: HashMap<PaymentId, (usize, Payment)> = HashMap::new();
	let mut order = 0;
	while !bytes.is_empty() {
		let entry = bytes
			.split_first_chunk::<4>()
			.map(|(length, rest)| (u32::from_le_bytes(*length) as usize, rest))
			.filter(|(length, rest)| *length <= rest.len())
			.and_then(|(length, rest)| {
				let entry = Entry::decode(&mut &rest[..length]).ok()?;
				bytes = &rest[length..];
				Some(entry)
			});
		match entry {
			Some(Entry::Accepted { intent, signature, payer, network }) => {
				let payment = Payment { intent, signature, payer, network };
				order += 1;
				pending.insert(payment.id(), (order, payment));
			},
			Some(Entry::Done(id)) => {
				pending.remove(&id);
			},
			None => {
				log::warn!(
					target: "x402",
					"{}: {} unreadable bytes at the end of the queue journal are ignored",
					path.display(),
					bytes.len()
				);
				break;
			},
		}
	}
	let mut pending: Vec<_> = pending.into_values().collect();
	pending.sort_by_key(|(order, _)| *order);
	pending.into_iter().map(|(_, payment)| payment).collect()
}

/// Writes a journal holding `pending` in place of the old one (a temporary file, then a rename,
/// so a crash leaves one or the other) and opens it for appending.
fn rewrite(dir: &Path, pending: &[Payment]) -> io::Result<File> {
	let path = dir.join(JOURNAL);
	let temporary = path.with_extension("tmp");
	let journal: Vec<u8> =
		pending.iter().flat_map(|payment| frame(&Entry::accepted(payment))).collect();
	let mut file = File::create(&temporary)?;
	file.write_all(&journal)?;
	file.sync_all()?;
	fs::rename(&temporary, &path)?;
	OpenOptions::new().append(true).open(&path)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn payment(nonce: u8) -> Payment {
		Payment {
			intent: Intent {
				payer: [1; 32].into(),
				payee: [2; 32].into(),
				asset: 1,
				amount: 10,
				valid_after: 0,
				valid_before: 100,
				nonce: [nonce; 32],
				reference: None,
			},
			signature: IntentSignature::Evm([nonce; 65]),
			payer: "0x01".into(),
			network: "eip155:402402".into(),
		}
	}

	#[test]
	fn a_reopened_journal_holds_what_is_pending_in_order() {
		let dir = tempfile::tempdir().unwrap();
		let mut store = Store::open(dir.path()).unwrap();
		assert!(store.take_pending().is_empty());
		for nonce in 1..=3 {
			store.accepted(&payment(nonce)).unwrap();
		}
		store.done(payment(2).id()).unwrap();
		drop(store);

		let mut store = Store::open(dir.path()).unwrap();
		assert_eq!(store.take_pending(), vec![payment(1), payment(3)]);
		assert!(store.take_pending().is_empty(), "handed out once");
		// Opening rewrote the journal with only those two.
		let size = fs::metadata(dir.path().join(JOURNAL)).unwrap().len() as usize;
		assert_eq!(size, frame(&Entry::accepted(&payment(1))).len() * 2);
	}

	#[test]
	fn a_torn_last_entry_is_dropped_and_the_rest_kept() {
		let dir = tempfile::tempdir().unwrap();
		let mut store = Store::open(dir.path()).unwrap();
		store.accepted(&payment(1)).unwrap();
		store.accepted(&payment(2)).unwrap();
		drop(store);
		let path = dir.path().join(JOURNAL);
		let mut bytes = fs::read(&path).unwrap();
		bytes.truncate(bytes.len() - 5);
		fs::write(&path, bytes).unwrap();

		assert_eq!(Store::open(dir.path()).unwrap().take_pending(), vec![payment(1)]);
	}

	#[test]
	fn compaction_keeps_only_the_given_payments() {
		let dir = tempfile::tempdir().unwrap();
		let mut store = Store::open(dir.path()).unwrap();
		for nonce in 1..=4 {
			store.accepted(&payment(nonce)).unwrap();
		}
		store.compact([&payment(4)]).unwrap();
		assert!(!store.is_due());
		store.accepted(&payment(5)).unwrap();
		drop(store);

		assert_eq!(Store::open(dir.path()).unwrap().take_pending(), vec![payment(4), payment(5)]);
	}
}
