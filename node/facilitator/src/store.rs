//! The on-disk queue: a journal of accepted payments and of those that became final, so that a
//! restarted node settles what it had accepted instead of forgetting it.
//!
//! - **Durable before accepted.** One writer thread appends entries; an accepted payment's
//!   entry is on disk (`fdatasync`) before its callback runs, and the engine queues the payment
//!   and answers "accepted" only then. Entries that arrive while the disk syncs are written and
//!   synced together (group commit), so the cost is one sync per burst, not per payment.
//! - **Nothing lost at compaction.** The writer keeps the pending payments itself (applying
//!   each entry as it writes it) and rewrites the journal from that set once it has grown by
//!   `compact_after` entries: the entry that triggers a rewrite is always in it. A rewrite that
//!   fails is tried again only after as many entries again.
//! - **Corruption is quarantined, not spread.** Each frame carries its length and a checksum. A
//!   frame that does not check out is reported, the journal is copied aside as it was
//!   (`journal.corrupt-<unix time>`), and reading resumes at the next frame that checks out, so
//!   the payments after a torn or damaged frame are recovered. A failed append is cut off the
//!   file again, so it cannot tear the frames after it.
//! - **Bounded.** The journal holds at most the pending payments plus `compact_after` entries;
//!   the engine bounds the pending payments.

use crate::{chain::Intent, payment::Payment};
use agentchain_primitives::x402::{IntentSignature, PaymentId};
use codec::{Decode, Encode};
use polkadot_sdk::sp_crypto_hashing::blake2_64;
use std::{
	collections::HashMap,
	fs::{self, File, OpenOptions},
	io::{self, Write},
	path::{Path, PathBuf},
	sync::mpsc,
	time::{SystemTime, UNIX_EPOCH},
};

/// Entries written between two rewrites of the journal, by default.
pub const COMPACT_AFTER: usize = 100_000;

/// Most entries the writer takes into one write and sync.
const GROUP: usize = 4_096;

const JOURNAL: &str = "journal.scale";

/// A frame's header: the record's length (`u32`, little endian) and the first 8 bytes of its
/// BLAKE2b hash.
const HEADER: usize = 4 + 8;

/// Largest record a frame may claim: a payment is a few hundred bytes.
const MAX_RECORD: usize = 16 * 1024;

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

/// What the writer reports once an accepted payment's entry is on disk, or why it is not.
pub type Written = Box<dyn FnOnce(Result<(), String>) + Send>;

enum Command {
	Append(Entry, Option<Written>),
	/// Answers once everything sent before it is written.
	Flush(mpsc::Sender<()>),
}

/// The journal of pending payments in a directory, written by its own thread.
pub struct Store {
	/// `None` once dropped: the writer then finishes and ends.
	commands: Option<mpsc::Sender<Command>>,
	writer: Option<std::thread::JoinHandle<()>>,
	/// What was pending when the store was opened, until [`Store::take_pending`].
	pending: Vec<Payment>,
}

impl Store {
	/// Opens (or creates) the journal in `dir`, reads the payments that were pending and
	/// rewrites the journal with only those.
	pub fn open(dir: &Path) -> io::Result<Self> {
		Self::open_with(dir, COMPACT_AFTER)
	}

	/// [`Store::open`], rewriting the journal every `compact_after` entries.
	pub fn open_with(dir: &Path, compact_after: usize) -> io::Result<Self> {
		fs::create_dir_all(dir)?;
		let path = dir.join(JOURNAL);
		let pending = match fs::read(&path) {
			Ok(bytes) => {
				let replayed = replay(&bytes);
				if let Some(damage) = &replayed.damage {
					let aside = quarantine(&path)?;
					log::error!(
						target: "x402",
						"{}: {damage}; the journal as it was is kept in {}; {} payments recovered",
						path.display(),
						aside.display(),
						replayed.pending.len()
					);
				}
				replayed.pending
			},
			Err(error) if error.kind() == io::ErrorKind::NotFound => Vec::new(),
			Err(error) => return Err(error),
		};
		let journal = rewrite(dir, &pending)?;
		let mut writer = Writer {
			dir: dir.to_owned(),
			length: journal.metadata()?.len(),
			journal,
			pending: HashMap::new(),
			order: 0,
			appended: 0,
			compact_after: compact_after.max(1),
		};
		for payment in &pending {
			writer.apply(Entry::accepted(payment));
		}
		let (commands, receiver) = mpsc::channel();
		let writer = std::thread::Builder::new()
			.name("x402-journal".into())
			.spawn(move || writer.run(receiver))?;
		Ok(Self { commands: Some(commands), writer: Some(writer), pending })
	}

	/// The payments that were pending when the store was opened (once).
	pub fn take_pending(&mut self) -> Vec<Payment> {
		std::mem::take(&mut self.pending)
	}

	/// Records that `payment` was accepted; `written` runs once the entry is on disk (or
	/// with why it could not be written).
	pub fn accepted(&self, payment: &Payment, written: Written) {
		self.send(Command::Append(Entry::accepted(payment), Some(written)));
	}

	/// Records that the payment `id` is final. Not waited for: should it be lost, a restart
	/// finds the payment settled or refused by the chain.
	pub fn done(&self, id: PaymentId) {
		self.send(Command::Append(Entry::Done(id), None));
	}

	/// Waits until every entry sent so far is written.
	pub fn flush(&self) {
		let (sender, receiver) = mpsc::channel();
		self.send(Command::Flush(sender));
		let _ = receiver.recv();
	}

	fn send(&self, command: Command) {
		let Some(commands) = &self.commands else { return };
		if let Err(mpsc::SendError(command)) = commands.send(command) {
			// The writer is gone (it only stops when the store is dropped).
			if let Command::Append(_, Some(written)) = command {
				written(Err("the queue journal's writer stopped".into()));
			}
		}
	}
}

impl Drop for Store {
	/// Waits for the writer to write what it was sent, so the journal has one writer at a time.
	fn drop(&mut self) {
		self.commands = None;
		if let Some(writer) = self.writer.take() {
			// Dropped by the writer itself (through an engine its callback held last): it
			// ends on its own once this returns.
			if writer.thread().id() != std::thread::current().id() {
				let _ = writer.join();
			}
		}
	}
}

struct Writer {
	dir: PathBuf,
	journal: File,
	/// The journal's length after the last complete write.
	length: u64,
	pending: HashMap<PaymentId, (u64, Payment)>,
	order: u64,
	/// Entries appended since the journal was last rewritten.
	appended: usize,
	compact_after: usize,
}

impl Writer {
	fn run(mut self, commands: mpsc::Receiver<Command>) {
		while let Ok(first) = commands.recv() {
			let mut group = vec![first];
			while group.len() < GROUP {
				match commands.try_recv() {
					Ok(command) => group.push(command),
					Err(_) => break,
				}
			}
			self.write(group);
		}
	}

	fn write(&mut self, group: Vec<Command>) {
		let mut bytes = Vec::new();
		let mut entries = Vec::new();
		let mut waiting = Vec::new();
		let mut flushes = Vec::new();
		for command in group {
			match command {
				Command::Append(entry, written) => {
					bytes.extend_from_slice(&frame(&entry));
					entries.push(entry);
					waiting.extend(written);
				},
				Command::Flush(done) => flushes.push(done),
			}
		}
		let outcome = self.append(&bytes, !waiting.is_empty());
		if outcome.is_ok() {
			for entry in entries {
				self.apply(entry);
			}
		} else if let Err(error) = &outcome {
			log::error!(target: "x402", "cannot write the facilitator's queue journal: {error}");
		}
		let outcome = outcome.map_err(|error| error.to_string());
		for written in waiting {
			written(outcome.clone());
		}
		if self.appended >= self.compact_after {
			self.compact();
		}
		for done in flushes {
			let _ = done.send(());
		}
	}

	/// Appends `bytes` (synced if `sync`); on failure cuts the file back to its last complete
	/// write, so that no torn frame sits before later ones.
	fn append(&mut self, bytes: &[u8], sync: bool) -> io::Result<()> {
		if bytes.is_empty() {
			return Ok(());
		}
		let written = self.journal.write_all(bytes).and_then(|()| {
			if sync {
				self.journal.sync_data()
			} else {
				Ok(())
			}
		});
		match written {
			Ok(()) => {
				self.length += bytes.len() as u64;
				Ok(())
			},
			Err(error) => {
				if let Err(cut) = self.journal.set_len(self.length) {
					log::error!(target: "x402", "cannot cut a failed write off the queue journal: {cut}");
				}
				Err(error)
			},
		}
	}

	fn apply(&mut self, entry: Entry) {
		self.appended += 1;
		match entry {
			Entry::Accepted { intent, signature, payer, network } => {
				let payment = Payment { intent, signature, payer, network };
				self.order += 1;
				self.pending.insert(payment.id(), (self.order, payment));
			},
			Entry::Done(id) => {
				self.pending.remove(&id);
			},
		}
	}

	fn compact(&mut self) {
		let mut pending: Vec<_> = self.pending.values().collect();
		pending.sort_by_key(|(order, _)| *order);
		let pending: Vec<Payment> = pending.into_iter().map(|(_, p)| p.clone()).collect();
		match rewrite(&self.dir, &pending).and_then(|file| Ok((file.metadata()?.len(), file))) {
			Ok((length, journal)) => {
				self.journal = journal;
				self.length = length;
			},
			Err(error) => {
				log::error!(target: "x402", "cannot rewrite the facilitator's queue journal: {error}")
			},
		}
		// Also after a failure: the next try is as many entries away, not at every append.
		self.appended = 0;
	}
}

/// An entry as the journal holds it: [`HEADER`], then its SCALE encoding.
fn frame(entry: &Entry) -> Vec<u8> {
	let record = entry.encode();
	let mut framed = Vec::with_capacity(HEADER + record.len());
	framed.extend_from_slice(&(record.len() as u32).to_le_bytes());
	framed.extend_from_slice(&blake2_64(&record));
	framed.extend_from_slice(&record);
	framed
}

/// The entry framed at the start of `bytes` and the frame's length, if it checks out.
fn unframe(bytes: &[u8]) -> Option<(Entry, usize)> {
	let length = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
	if length > MAX_RECORD {
		return None;
	}
	let record = bytes.get(HEADER..HEADER + length)?;
	if blake2_64(record) != bytes[4..HEADER] {
		return None;
	}
	let entry = Entry::decode(&mut &record[..]).ok()?;
	Some((entry, HEADER + length))
}

struct Replayed {
	/// The payments accepted and not done, in the order they were accepted.
	pending: Vec<Payment>,
	/// What did not check out, if anything.
	damage: Option<String>,
}

fn replay(bytes: &[u8]) -> Replayed {
	let mut pending: HashMap<PaymentId, (usize, Payment)> = HashMap::new();
	let mut order = 0;
	let (mut at, mut skipped, mut gaps) = (0, 0, 0);
	while at < bytes.len() {
		let Some((entry, length)) = unframe(&bytes[at..]) else {
			// Resume at the next frame that checks out; a torn end has none.
			let resume = (at + 1..bytes.len()).find(|&i| unframe(&bytes[i..]).is_some());
			let next = resume.unwrap_or(bytes.len());
			skipped += next - at;
			gaps += 1;
			at = next;
			continue;
		};
		at += length;
		match entry {
			Entry::Accepted { intent, signature, payer, network } => {
				let payment = Payment { intent, signature, payer, network };
				order += 1;
				pending.insert(payment.id(), (order, payment));
			},
			Entry::Done(id) => {
				pending.remove(&id);
			},
		}
	}
	let mut pending: Vec<_> = pending.into_values().collect();
	pending.sort_by_key(|(order, _)| *order);
	Replayed {
		pending: pending.into_iter().map(|(_, payment)| payment).collect(),
		damage: (gaps > 0).then(|| {
			format!("{skipped} bytes in {gaps} places did not check out and were skipped")
		}),
	}
}

/// Copies the journal at `path` aside, as it is, and returns where.
fn quarantine(path: &Path) -> io::Result<PathBuf> {
	let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
	let mut aside = path.with_extension(format!("corrupt-{now}"));
	let mut n = 1;
	while aside.exists() {
		aside = path.with_extension(format!("corrupt-{now}-{n}"));
		n += 1;
	}
	fs::copy(path, &aside)?;
	Ok(aside)
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
	// The rename itself is durable once the directory is.
	File::open(dir)?.sync_all()?;
	OpenOptions::new().append(true).open(&path)
}

#[cfg(test)]
mod tests;
