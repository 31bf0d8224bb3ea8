//! The settlement engine: verified payments wait in a queue, go to the chain in
//! `settle_batch` extrinsics of up to `MaxBatch` intents (several per block when the queue is
//! long), and are followed until they are final or have definitively failed. Nothing accepted
//! is dropped silently: every accepted payment ends `Finalized` or `Failed` with a reason, and
//! until then it is in the on-disk queue ([`Store`]) so a restart picks it up again. Only the
//! chain's verdict on a payment fails it: a batch the pool refuses is tried again, with growing
//! pauses, for as long as its payments stay valid.

use crate::{
	chain::{Chain, Inclusion, TxEvent},
	metrics::Metrics,
	payment::{intent_refusal, reason, Payment, Refusal},
	store::Store,
};
use agentchain_primitives::x402::{IntentError, PaymentId};
use futures::StreamExt;
use parking_lot::Mutex;
use polkadot_sdk::sp_core::H256;
use std::{
	collections::{HashMap, HashSet, VecDeque},
	sync::Arc,
	time::{Duration, Instant},
};
use tokio::sync::{broadcast, watch, Notify, OwnedSemaphorePermit, Semaphore};

/// How long a finished payment's status stays in memory; after that its status comes from the
/// chain's receipt.
const RETENTION: Duration = Duration::from_secs(600);

/// Most `settle_batch` extrinsics in the pool and not yet in a block: more than a block takes,
/// so that a full queue fills each block.
const MAX_IN_FLIGHT: usize = 16;

/// The pause before payments whose batch the pool refused are tried again; it doubles with
/// each further refusal of the same payment, up to [`MAX_RESUBMIT_PAUSE`]. A refusal is the
/// facilitator's trouble (no key, no funds for fees, a node shutting down), not the payer's:
/// the payment stays accepted until it settles or stops being valid.
const RESUBMIT_PAUSE: Duration = Duration::from_secs(1);
const MAX_RESUBMIT_PAUSE: Duration = Duration::from_secs(32);

/// Where an accepted payment stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
	/// Waiting for a batch.
	Queued,
	/// Waiting for a batch again after the pool refused the last one with `message`.
	Retrying { message: String },
	/// In the pool as part of the `settle_batch` `tx`.
	Submitted { tx: H256 },
	/// Settled in a block.
	InBlock(Inclusion),
	/// Settled in a finalized block.
	Finalized(Inclusion),
	/// Will not settle.
	Failed { reason: &'static str, message: String, tx: Option<H256> },
}

impl Status {
	pub fn is_final(&self) -> bool {
		matches!(self, Status::Finalized(_) | Status::Failed { .. })
	}

	/// The settling extrinsic, once there is one.
	pub fn tx(&self) -> Option<H256> {
		match self {
			Status::Queued | Status::Retrying { .. } => None,
			Status::Submitted { tx } => Some(*tx),
			Status::InBlock(inclusion) | Status::Finalized(inclusion) => Some(inclusion.tx),
			Status::Failed { tx, .. } => *tx,
		}
	}

	pub fn name(&self) -> &'static str {
		match self {
			Status::Queued => "queued",
			Status::Retrying { .. } => "retrying",
			Status::Submitted { .. } => "submitted",
			Status::InBlock(_) => "inBlock",
			Status::Finalized(_) => "finalized",
			Status::Failed { .. } => "failed",
		}
	}
}

/// A payment that reached a block, for subscribers.
#[derive(Debug, Clone)]
pub struct Settled {
	pub payment: Payment,
	pub status: Status,
}

struct Tracked {
	payment: Payment,
	status: watch::Sender<Status>,
	finished: Option<Instant>,
	/// How often the pool has refused a batch with this payment.
	refusals: u32,
}

struct Inner {
	tracked: HashMap<PaymentId, Tracked>,
	queue: VecDeque<PaymentId>,
	/// Under the same lock as `tracked`, so the journal and the statuses agree.
	store: Option<Store>,
}

impl Inner {
	/// Journals `entry`; a failure is logged: the payment still settles, only a restart
	/// would not know of it.
	fn journal(&mut self, entry: impl FnOnce(&mut Store) -> std::io::Result<()>) {
		let Some(store) = &mut self.store else { return };
		if let Err(error) = entry(store) {
			log::warn!(target: "x402", "cannot write the facilitator's queue journal: {error}");
		}
		if store.is_due() {
			let pending = self
				.tracked
				.values()
				.filter(|tracked| !tracked.status.borrow().is_final())
				.map(|tracked| &tracked.payment);
			if let Err(error) = store.compact(pending) {
				log::warn!(target: "x402", "cannot rewrite the facilitator's queue journal: {error}");
			}
		}
	}
}

/// The queue and the batches.
pub struct Engine<C> {
	chain: Arc<C>,
	inner: Mutex<Inner>,
	wake: Notify,
	in_flight: Arc<Semaphore>,
	metrics: Option<Metrics>,
	settled: broadcast::Sender<Settled>,
}

impl<C: Chain> Engine<C> {
	pub fn new(chain: Arc<C>, store: Option<Store>, metrics: Option<Metrics>) -> Arc<Self> {
		Arc::new(Self {
			chain,
			inner: Mutex::new(Inner { tracked: HashMap::new(), queue: VecDeque::new(), store }),
			wake: Notify::new(),
			in_flight: Arc::new(Semaphore::new(MAX_IN_FLIGHT)),
			metrics,
			settled: broadcast::channel(1024).0,
		})
	}

	/// Payments as they reach a block and finality.
	pub fn subscribe(&self) -> broadcast::Receiver<Settled> {
		self.settled.subscribe()
	}

	/// The status of a payment the engine knows.
	pub fn watch(&self, id: &PaymentId) -> Option<watch::Receiver<Status>> {
		self.inner.lock().tracked.get(id).map(|tracked| tracked.status.subscribe())
	}

	/// Queues a verified payment, once: accepting the same payment again returns the first
	/// acceptance's status, unless that failed.
	pub fn accept(&self, payment: Payment) -> watch::Receiver<Status> {
		self.track(payment, true)
	}

	/// Queues a payment read back from the journal after a restart (it is journaled already).
	pub fn restore(&self, payment: Payment) {
		self.track(payment, false);
	}

	/// Marks a payment read back from the journal as done without settling it.
	pub fn discard(&self, id: PaymentId) {
		self.inner.lock().journal(|store| store.done(id));
	}

	fn track(&self, payment: Payment, journal: bool) -> watch::Receiver<Status> {
		let id = payment.id();
		let mut inner = self.inner.lock();
		match inner.tracked.get(&id) {
			// A failed payment that verifies again (the caller checked) is tried again.
			Some(tracked) if !matches!(*tracked.status.borrow(), Status::Failed { .. }) =>
				return tracked.status.subscribe(),
			_ => {},
		}
		if journal {
			inner.journal(|store| store.accepted(&payment));
		}
		let (status, receiver) = watch::channel(Status::Queued);
		inner.tracked.insert(id, Tracked { payment, status, finished: None, refusals: 0 });
		inner.queue.push_back(id);
		self.set_queue_depth(&inner);
		drop(inner);
		self.wake.notify_one();
		receiver
	}

	fn set_queue_depth(&self, inner: &Inner) {
		if let Some(metrics) = &self.metrics {
			metrics.queue_depth.set(inner.queue.len() as u64);
		}
	}

	/// Sets `id`'s status; a final status leaves the on-disk queue and tells subscribers.
	fn set(&self, id: &PaymentId, status: Status) {
		let mut guard = self.inner.lock();
		let inner = &mut *guard;
		let Some(tracked) = inner.tracked.get_mut(id) else { return };
		if tracked.status.borrow().is_final() {
			return;
		}
		if status.is_final() {
			tracked.finished = Some(Instant::now());
		}
		if matches!(status, Status::InBlock(_) | Status::Finalized(_)) {
			let _ = self.settled.send(Settled { payment: tracked.payment.clone(), status: status.clone() });
		}
		if let Some(metrics) = &self.metrics {
			if status.is_final() {
				metrics.settlements.with_label_values(&[status.name()]).inc();
			}
		}
		let done = status.is_final();
		tracked.status.send_replace(status);
		if done {
			inner.journal(|store| store.done(*id));
		}
	}

	/// Puts `id` back in the queue; one the pool refused stays `Retrying` until it is in the
	/// pool, so its status keeps saying why it waits.
	fn requeue(&self, id: PaymentId) {
		let mut inner = self.inner.lock();
		if let Some(tracked) = inner.tracked.get(&id) {
			tracked.status.send_if_modified(|status| {
				let refused = matches!(status, Status::Retrying { .. });
				if !refused {
					*status = Status::Queued;
				}
				!refused
			});
			inner.queue.push_back(id);
		}
		self.set_queue_depth(&inner);
		drop(inner);
		self.wake.notify_one();
	}

	/// Marks `ids` as refused by the pool with `message`; the pause before they are tried again.
	fn refused(&self, ids: &[PaymentId], message: &str) -> Duration {
		let mut inner = self.inner.lock();
		let mut refusals = 0;
		for id in ids {
			if let Some(tracked) = inner.tracked.get_mut(id) {
				tracked.refusals = tracked.refusals.saturating_add(1);
				refusals = refusals.max(tracked.refusals);
				tracked.status.send_replace(Status::Retrying { message: message.into() });
			}
		}
		RESUBMIT_PAUSE.saturating_mul(1 << refusals.saturating_sub(1).min(5)).min(MAX_RESUBMIT_PAUSE)
	}

	/// Queues each of `ids` again if it would still settle, and fails it with the chain's
	/// reason if not. One the chain cannot judge now (its state unreadable, e.g. while the
	/// node stops) is queued too: failing it would drop an accepted payment for our trouble.
	fn requeue_if_valid(&self, ids: impl IntoIterator<Item = PaymentId>, tx: Option<H256>) {
		for id in ids {
			let payment = self.inner.lock().tracked.get(&id).map(|t| t.payment.clone());
			let Some(payment) = payment else { continue };
			match self.chain.verify(&payment.intent, &payment.signature) {
				Ok(Err(error)) => {
					let Refusal { reason, message, .. } = intent_refusal(error);
					self.set(&id, Status::Failed { reason, message, tx });
				},
				Ok(Ok(_)) => self.requeue(id),
				Err(error) => {
					log::warn!(target: "x402", "cannot verify payment {id:?} again, queued anyway: {error}");
					self.requeue(id);
				},
			}
		}
	}

	/// Takes the next batch off the queue.
	fn next_batch(&self) -> Vec<Payment> {
		let max = self.chain.max_batch().max(1) as usize;
		let mut inner = self.inner.lock();
		let mut batch = Vec::with_capacity(max.min(inner.queue.len()));
		while batch.len() < max {
			let Some(id) = inner.queue.pop_front() else { break };
			if let Some(tracked) = inner.tracked.get(&id) {
				if matches!(*tracked.status.borrow(), Status::Queued | Status::Retrying { .. }) {
					batch.push(tracked.payment.clone());
				}
			}
		}
		self.set_queue_depth(&inner);
		batch
	}

	/// Forgets finished payments older than [`RETENTION`].
	fn forget_finished(&self) {
		let mut inner = self.inner.lock();
		inner.tracked.retain(|_, tracked| tracked.finished.is_none_or(|at| at.elapsed() < RETENTION));
	}

	/// Submits batches as long as there are queued payments; never returns.
	pub async fn run(self: Arc<Self>) {
		loop {
			self.forget_finished();
			// A free slot first, then the batch: while every slot is taken, payments gather
			// into the next, larger batch.
			let Ok(slot) = self.in_flight.clone().acquire_owned().await else { return };
			let batch = loop {
				let woken = self.wake.notified();
				let batch = self.next_batch();
				if !batch.is_empty() {
					break batch;
				}
				woken.await;
			};
			let ids: Vec<PaymentId> = batch.iter().map(Payment::id).collect();
			let items = batch.into_iter().map(|p| (p.intent, p.signature)).collect();
			match self.chain.submit_batch(items).await {
				Ok((tx, events)) => {
					log::info!(target: "x402", "submitted settle_batch {tx:?} with {} payments", ids.len());
					if let Some(metrics) = &self.metrics {
						metrics.batch_size.observe(ids.len() as f64);
					}
					for id in &ids {
						self.set(id, Status::Submitted { tx });
					}
					let engine = self.clone();
					tokio::spawn(async move { engine.follow(tx, ids, events, slot).await });
				},
				Err(error) => {
					let pause = self.refused(&ids, &error.0);
					log::warn!(
						target: "x402",
						"cannot submit a settle_batch of {} payments, trying again in {pause:?}: {error}",
						ids.len()
					);
					let engine = self.clone();
					tokio::spawn(async move {
						tokio::time::sleep(pause).await;
						// Dry runs block: off the async workers, as on the request path.
						let _ = tokio::task::spawn_blocking(move || engine.requeue_if_valid(ids, None)).await;
					});
				},
			}
		}
	}

	/// Follows the `settle_batch` `tx` carrying `ids` until each is final.
	/// Its `slot` is free again once it is in a block (or will not be).
	async fn follow(
		&self,
		tx: H256,
		ids: Vec<PaymentId>,
		mut events: futures::stream::BoxStream<'static, TxEvent>,
		slot: OwnedSemaphorePermit,
	) {
		let mut slot = Some(slot);
		let mut open: HashSet<PaymentId> = ids.iter().copied().collect();
		let mut in_block: HashSet<PaymentId> = HashSet::new();
		while let Some(event) = events.next().await {
			match event {
				TxEvent::InBlock { block, number } => {
					slot.take();
					let inclusion = Inclusion { tx, block, number, finalized: false };
					match self.chain.batch_outcomes(block, tx) {
						Ok(outcomes) => {
							log::info!(target: "x402", "settle_batch {tx:?} in block #{number}: {} items", outcomes.len());
							for (id, outcome) in outcomes {
								if !open.contains(&id) {
									continue;
								}
								if outcome.is_ok() {
									in_block.insert(id);
								} else {
									open.remove(&id);
								}
								self.set(&id, settled_or_failed(outcome, inclusion));
							}
						},
						Err(error) => log::warn!(target: "x402", "cannot read the outcome of {tx:?}: {error}"),
					}
				},
				TxEvent::Retracted =>
					for id in in_block.drain() {
						self.set(&id, Status::Submitted { tx });
					},
				TxEvent::Finalized { block, number } => {
					// Read the outcomes again at the final block: an earlier `InBlock` may have
					// been another fork, or its outcomes could not be read.
					let inclusion = Inclusion { tx, block, number, finalized: true };
					let outcomes = match self.chain.batch_outcomes(block, tx) {
						Ok(outcomes) => outcomes,
						Err(error) => {
							// Not a verdict: the payments stay pending in the journal, and a
							// restart checks them against the chain again.
							log::warn!(target: "x402", "cannot read the outcome of finalized {tx:?}: {error}");
							return;
						},
					};
					for (id, outcome) in outcomes {
						if open.remove(&id) {
							self.set(&id, settled_or_failed(outcome, inclusion));
						}
					}
					for id in open.drain() {
						self.set(&id, Status::Failed {
							reason: reason::UNEXPECTED_SETTLE,
							message: "the finalized settle_batch did not report this payment".into(),
							tx: Some(tx),
						});
					}
					return;
				},
				TxEvent::Dropped(why) => {
					slot.take();
					log::warn!(target: "x402", "settle_batch {tx:?} dropped: {why}");
					break;
				},
			}
		}
		// The extrinsic will not be included.
		self.requeue_if_valid(open, Some(tx));
	}
}

/// A batch item's status from its outcome in the block `inclusion` names.
fn settled_or_failed(outcome: Result<(), IntentError>, inclusion: Inclusion) -> Status {
	match outcome {
		Ok(()) if inclusion.finalized => Status::Finalized(inclusion),
		Ok(()) => Status::InBlock(inclusion),
		Err(error) => {
			let Refusal { reason, message, .. } = intent_refusal(error);
			Status::Failed { reason, message, tx: Some(inclusion.tx) }
		},
	}
}
