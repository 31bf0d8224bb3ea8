//! The on-disk queue: one file per accepted payment that is not final yet, so that a restarted
//! node settles what it had accepted instead of forgetting it.

use crate::{chain::Intent, payment::Payment};
use agentchain_primitives::x402::{IntentSignature, PaymentId};
use codec::{Decode, Encode};
use std::{
	fs, io,
	path::{Path, PathBuf},
};

/// A directory of pending payments, `<payment id>.scale` each.
pub struct Store {
	dir: PathBuf,
}

#[derive(Encode, Decode)]
struct Record {
	intent: Intent,
	signature: IntentSignature,
	payer: String,
	network: String,
}

impl Store {
	pub fn open(dir: &Path) -> io::Result<Self> {
		fs::create_dir_all(dir)?;
		Ok(Self { dir: dir.to_owned() })
	}

	fn path(&self, id: &PaymentId) -> PathBuf {
		self.dir.join(format!("{}.scale", hex::encode(id)))
	}

	/// Writes `payment` atomically (a temporary file, then a rename), so a crash leaves either
	/// the whole record or none.
	pub fn save(&self, payment: &Payment) -> io::Result<()> {
		let record = Record {
			intent: payment.intent.clone(),
			signature: payment.signature.clone(),
			payer: payment.payer.clone(),
			network: payment.network.clone(),
		};
		let path = self.path(&payment.id());
		let temporary = path.with_extension("tmp");
		fs::write(&temporary, record.encode())?;
		fs::rename(temporary, path)
	}

	pub fn remove(&self, id: &PaymentId) {
		let _ = fs::remove_file(self.path(id));
	}

	/// Every saved payment; unreadable files are reported and skipped.
	pub fn load(&self) -> Vec<Payment> {
		let Ok(entries) = fs::read_dir(&self.dir) else { return Vec::new() };
		entries
			.filter_map(Result::ok)
			.filter(|entry| entry.path().extension().is_some_and(|ext| ext == "scale"))
			.filter_map(|entry| {
				let bytes = fs::read(entry.path()).ok()?;
				match Record::decode(&mut &bytes[..]) {
					Ok(r) => Some(Payment { intent: r.intent, signature: r.signature, payer: r.payer, network: r.network }),
					Err(_) => {
						log::warn!(target: "x402", "skipping unreadable queue file {}", entry.path().display());
						None
					},
				}
			})
			.collect()
	}
}
