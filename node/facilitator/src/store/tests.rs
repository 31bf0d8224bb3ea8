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

/// Records `payment` as accepted and waits until it is on disk.
fn accept(store: &Store, payment: &Payment) {
	let (sender, receiver) = mpsc::channel();
	store.accepted(payment, Box::new(move |written| sender.send(written).unwrap()));
	receiver.recv().unwrap().expect("written");
}

fn reopened(dir: &Path) -> Vec<Payment> {
	Store::open(dir).unwrap().take_pending()
}

fn journal(dir: &Path) -> PathBuf {
	dir.join(JOURNAL)
}

fn quarantined(dir: &Path) -> usize {
	fs::read_dir(dir)
		.unwrap()
		.filter(|entry| entry.as_ref().unwrap().file_name().to_string_lossy().contains("corrupt"))
		.count()
}

#[test]
fn a_reopened_journal_holds_what_is_pending_in_order() {
	let dir = tempfile::tempdir().unwrap();
	let mut store = Store::open(dir.path()).unwrap();
	assert!(store.take_pending().is_empty());
	for nonce in 1..=3 {
		accept(&store, &payment(nonce));
	}
	store.done(payment(2).id());
	store.flush();
	drop(store);

	let mut store = Store::open(dir.path()).unwrap();
	assert_eq!(store.take_pending(), vec![payment(1), payment(3)]);
	assert!(store.take_pending().is_empty(), "handed out once");
	// Opening rewrote the journal with only those two.
	let size = fs::metadata(journal(dir.path())).unwrap().len() as usize;
	assert_eq!(size, frame(&Entry::accepted(&payment(1))).len() * 2);
	assert_eq!(quarantined(dir.path()), 0);
}

#[test]
fn an_accepted_payment_is_on_disk_when_its_callback_runs() {
	let dir = tempfile::tempdir().unwrap();
	let store = Store::open(dir.path()).unwrap();
	accept(&store, &payment(1));
	// Read while the store is still open: nothing waits in a buffer.
	let bytes = fs::read(journal(dir.path())).unwrap();
	assert_eq!(replay(&bytes).pending, vec![payment(1)]);
}

#[test]
fn the_payment_that_triggers_a_compaction_survives_it() {
	let dir = tempfile::tempdir().unwrap();
	let store = Store::open_with(dir.path(), 3).unwrap();
	accept(&store, &payment(1));
	store.done(payment(1).id());
	store.flush();
	// The third entry since the journal was written: its append triggers the rewrite.
	accept(&store, &payment(2));
	store.flush();
	let size = fs::metadata(journal(dir.path())).unwrap().len() as usize;
	assert_eq!(size, frame(&Entry::accepted(&payment(2))).len(), "rewritten with it alone");
	accept(&store, &payment(3));
	drop(store);

	assert_eq!(reopened(dir.path()), vec![payment(2), payment(3)]);
}

#[test]
fn a_torn_last_entry_is_dropped_and_the_rest_kept() {
	let dir = tempfile::tempdir().unwrap();
	let store = Store::open(dir.path()).unwrap();
	accept(&store, &payment(1));
	accept(&store, &payment(2));
	drop(store);
	let path = journal(dir.path());
	let mut bytes = fs::read(&path).unwrap();
	bytes.truncate(bytes.len() - 5);
	fs::write(&path, bytes).unwrap();

	assert_eq!(reopened(dir.path()), vec![payment(1)]);
	assert_eq!(quarantined(dir.path()), 1, "the torn journal is kept aside");
}

#[test]
fn a_partial_write_in_the_middle_loses_only_itself() {
	let dir = tempfile::tempdir().unwrap();
	fs::create_dir_all(dir.path()).unwrap();
	let torn = frame(&Entry::accepted(&payment(2)));
	let mut bytes = frame(&Entry::accepted(&payment(1)));
	bytes.extend_from_slice(&torn[..torn.len() / 2]);
	bytes.extend_from_slice(&frame(&Entry::accepted(&payment(3))));
	bytes.extend_from_slice(&frame(&Entry::Done(payment(1).id())));
	bytes.extend_from_slice(&frame(&Entry::accepted(&payment(4))));
	fs::write(journal(dir.path()), &bytes).unwrap();

	let mut store = Store::open(dir.path()).unwrap();
	assert_eq!(store.take_pending(), vec![payment(3), payment(4)]);
	// Appends after recovery are kept too: the file was rewritten with what was recovered.
	accept(&store, &payment(5));
	drop(store);
	assert_eq!(reopened(dir.path()), vec![payment(3), payment(4), payment(5)]);
	let aside = fs::read_dir(dir.path())
		.unwrap()
		.map(|entry| entry.unwrap().path())
		.find(|path| path.to_string_lossy().contains("corrupt"))
		.expect("quarantined");
	assert_eq!(fs::read(aside).unwrap(), bytes, "kept as it was");
}

/// A small deterministic generator, so that a failure replays.
struct Lcg(u64);

impl Lcg {
	fn next(&mut self, below: usize) -> usize {
		self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
		((self.0 >> 33) as usize) % below.max(1)
	}
}

#[test]
fn corruption_fuzz_recovers_every_intact_frame_and_invents_nothing() {
	let mut rng = Lcg(402);
	let frames: Vec<(u8, Vec<u8>)> = (1..=40u8)
		.map(|nonce| (nonce, frame(&Entry::accepted(&payment(nonce)))))
		.collect();
	for round in 0..300 {
		let mut bytes = Vec::new();
		let mut starts = Vec::new();
		for (_, framed) in &frames {
			starts.push(bytes.len());
			bytes.extend_from_slice(framed);
		}
		// Damage: flipped bytes, a truncation, or a cut-out range (a lost write).
		let mut damaged = vec![false; frames.len()];
		let frame_at = |offset: usize| starts.iter().rposition(|&start| start <= offset).unwrap();
		match round % 3 {
			0 => {
				for _ in 0..1 + rng.next(4) {
					let at = rng.next(bytes.len());
					bytes[at] ^= 1 << rng.next(8);
					damaged[frame_at(at)] = true;
				}
			},
			1 => {
				let at = rng.next(bytes.len());
				for flag in &mut damaged[frame_at(at)..] {
					*flag = true;
				}
				// The frame cut at `at` is lost unless the cut falls on its start.
				if starts.contains(&at) {
					damaged[frame_at(at)] = true;
				}
				bytes.truncate(at);
			},
			_ => {
				let from = rng.next(bytes.len());
				let to = (from + 1 + rng.next(300)).min(bytes.len());
				for flag in &mut damaged[frame_at(from)..=frame_at(to - 1)] {
					*flag = true;
				}
				bytes.drain(from..to);
			},
		}
		let recovered = replay(&bytes).pending;
		let nonces: Vec<u8> = recovered.iter().map(|p| p.intent.nonce[0]).collect();
		for (index, (nonce, _)) in frames.iter().enumerate() {
			if !damaged[index] {
				assert!(nonces.contains(nonce), "round {round}: intact payment {nonce} lost");
			}
		}
		for payment in &recovered {
			let nonce = payment.intent.nonce[0];
			assert!(*payment == super::tests::payment(nonce), "round {round}: invented {nonce}");
		}
	}
}
