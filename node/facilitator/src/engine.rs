//! The settlement engine: verified payments wait in a queue, go to the chain in
//! `settle_batch` extrinsics of up to `MaxBatch` intents (several per block when the queue is
//! long), dry-run by the runtime before they are signed, and are followed until they are final
//! or have definitively failed. Nothing accepted is dropped silently: every accepted payment
//! ends `Finalized` or `Failed` with a reason, and until then it is in the on-disk queue
//! ([`Store`]) so a restart picks it up again.
//!
//! Only the chain's verdict on a payment fails it, and the verdict is read truthfully: a batch
//! the pool refuses, drops or that fails as a whole is tried again for as long as its payments
//! stay valid; an item the chain refuses because its nonce was used is `Finalized` when the
//! chain's receipt for that nonce is exactly this payment (someone else settled it first); an
//! item refused in a block counts only once that block is final; and a payment whose block is
//! not final when its extrinsic's watch ends is followed by its receipt until it is.
//!
//! One payment is one signed intent: the engine tracks at most one per payment id (payer and
//! nonce), and refuses a different intent with the same id ([`Conflict`]). Of all the settles
//! of one payment, exactly one may answer success ([`Engine::claim`]).

use crate::{
	chain::{Chain, Inclusion, TxEvent},
	metrics::Metrics,
	payment::{intent_refusal, Payment, Refusal},
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

/// How often payments in a block that is not final yet, whose extrinsic is no longer watched,
/// are checked against their receipts.
const RECONCILE_EVERY: Duration = Duration::from_secs(2);

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

	pub fn is_failed(&self) -> bool {
		matches!(self, Status::Failed { .. })
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

/// Whether a settle of a payment may still answer success: one payload pays for one resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
	/// No settle answered success and none waits: the next one may.
	Free,
	/// A settle waits for the payment's outcome.
	Waiting,
	/// A settle answered success.
	Claimed,
}

struct Tracked {
	payment: Payment,
	status: watch::Sender<Status>,
	finished: Option<Instant>,
	/// How often the pool has refused a batch with this payment.
	refusals: u32,
	claim: Claim,
}

impl Tracked {
	fn failed(&self) -> bool {
		matches!(*self.status.borrow(), Status::Failed { .. })
	}

	fn same(&self, payment: &Payment) -> bool {
		self.payment.intent == payment.intent && self.payment.signature == payment.signature
	}
}

/// A different intent with the same payment id (payer and nonce) is tracked already: at most
/// one of them can settle, and it is that one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict;

/// What [`Engine::accept`] did with a payment.
pub enum Acceptance {
	/// Queued it.
	New(watch::Receiver<Status>),
	/// It was accepted before (the very same signed intent).
	Again(watch::Receiver<Status>),
}

/// What the engine knows of a payment id.
#[derive(Debug, Clone)]
pub struct Known {
	pub payment: Payment,
	pub status: Status,
	pub claim: Claim,
}

struct Inner {
	tracked: HashMap<PaymentId, Tracked>,
	queue: VecDeque<PaymentId>,
	/// Payments in a block that was not final when their extrinsic's watch ended: followed by
	/// their receipts ([`Engine::reconcile`]).
	unresolved: HashSet<PaymentId>,
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
			inner: Mutex::new(Inner {
				tracked: HashMap::new(),
				queue: VecDeque::new(),
				unresolved: HashSet::new(),
				store,
			}),
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

	/// The payment the engine tracks under `id`, where it stands and whether a settle may
	/// still answer success for it.
	pub fn known(&self, id: &PaymentId) -> Option<Known> {
		self.inner.lock().tracked.get(id).map(|tracked| Known {
			payment: tracked.payment.clone(),
			status: tracked.status.borrow().clone(),
			claim: tracked.claim,
		})
	}

	/// Queues a verified payment, once: accepting the same signed intent again returns the
	/// first acceptance's status (unless that failed: then it is tried again), and a different
	/// intent with the same payment id is a [`Conflict`].
	pub fn accept(&self, payment: Payment) -> Result<Acceptance, Conflict> {
		self.track(payment, true)
	}

	/// Queues a payment read back from the journal after a restart (it is journaled already).
	pub fn restore(&self, payment: Payment) {
		let _ = self.track(payment, false);
	}

	/// Marks a payment read back from the journal as done without settling it.
	pub fn discard(&self, id: PaymentId) {
		self.inner.lock().journal(|store| store.done(id));
	}

	/// Starts a settle's wait for `id`: its status, unless another settle waits for it or has
	/// answered success for it already.
	pub fn claim(&self, id: &PaymentId) -> Option<watch::Receiver<Status>> {
		let mut inner = self.inner.lock();
		let tracked = inner.tracked.get_mut(id)?;
		if tracked.claim != Claim::Free {
			return None;
		}
		tracked.claim = Claim::Waiting;
		Some(tracked.status.subscribe())
	}

	/// Ends a settle's wait for `id`; one that did not answer success leaves the payment to the
	/// next settle (which answers its outcome once there is one).
	pub fn release(&self, id: &PaymentId, answered_success: bool) {
		if let Some(tracked) = self.inner.lock().tracked.get_mut(id) {
			if tracked.claim == Claim::Waiting {
				tracked.claim = if answered_success { Claim::Claimed } else { Claim::Free };
			}
		}
	}

	fn track(&self, payment: Payment, journal: bool) -> Result<Acceptance, Conflict> {
		let id = payment.id();
		let mut inner = self.inner.lock();
		match inner.tracked.get(&id) {
			// A failed payment that verifies again (the caller checked) is tried again.
			Some(tracked) if !tracked.failed() => {
				return if tracked.same(&payment) {
					Ok(Acceptance::Again(tracked.status.subscribe()))
				} else {
					Err(Conflict)
				}
			},
			_ => {},
		}
		let (status, receiver) = watch::channel(Status::Queued);
		let tracked = Tracked { payment, status, finished: None, refusals: 0, claim: Claim::Free };
		inner.tracked.insert(id, tracked);
		inner.queue.push_back(id);
		if journal {
			// After the insert: a compaction this append triggers keeps the payment.
			let payment = inner.tracked[&id].payment.clone();
			inner.journal(|store| store.accepted(&payment));
		}
		self.set_queue_depth(&inner);
		drop(inner);
		self.wake.notify_one();
		Ok(Acceptance::New(receiver))
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
		// A final status stays; the same status again (a receipt checked once more) is news to
		// nobody.
		if tracked.status.borrow().is_final() || *tracked.status.borrow() == status {
			return;
		}
		if status.is_final() {
			tracked.finished = Some(Instant::now());
		}
		if matches!(status, Status::InBlock(_) | Status::Finalized(_)) {
			let _ = self
				.settled
				.send(Settled { payment: tracked.payment.clone(), status: status.clone() });
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
		RESUBMIT_PAUSE
			.saturating_mul(1 << refusals.saturating_sub(1).min(5))
			.min(MAX_RESUBMIT_PAUSE)
	}

	/// Queues each of `ids` again if it would still settle, and gives it the chain's verdict if
	/// not. One the chain cannot judge now (its state unreadable, e.g. while the node stops) is
	/// queued too: failing it would drop an accepted payment for our trouble. Blocks (runtime
	/// calls): call it on the blocking pool.
	fn requeue_if_valid(&self, ids: impl IntoIterator<Item = PaymentId>, tx: Option<H256>) {
		for id in ids {
			let payment = self.inner.lock().tracked.get(&id).map(|t| t.payment.clone());
			let Some(payment) = payment else { continue };
			match self.chain.verify(&payment.intent, &payment.signature) {
				Ok(Err(error)) => self.conclude(&payment, Err(error), tx),
				Ok(Ok(_)) => self.requeue(id),
				Err(error) => {
					log::warn!(target: "x402", "cannot verify payment {id:?} again, queued anyway: {error}");
					self.requeue(id);
				},
			}
		}
	}

	/// Gives `payment` the chain's final verdict `outcome` (in the finalized block `inclusion`
	/// for a settled item). A refusal for a used nonce is no failure when the chain's receipt
	/// for that nonce is exactly this payment: someone settled it before us (a copy of our
	/// batch, our own batch from before a restart).
	fn conclude(
		&self,
		payment: &Payment,
		outcome: Result<Inclusion, IntentError>,
		tx: Option<H256>,
	) {
		let id = payment.id();
		match outcome {
			Ok(inclusion) => self.set(&id, Status::Finalized(inclusion)),
			Err(IntentError::NonceUsed) => match self.settled_by_receipt(payment) {
				Ok(Some(inclusion)) => self.settled_elsewhere(id, inclusion),
				Ok(None) => self.fail(id, IntentError::NonceUsed, tx),
				Err(error) => {
					log::warn!(target: "x402", "cannot read the receipt of {id:?}, checked again later: {error}");
					self.inner.lock().unresolved.insert(id);
				},
			},
			Err(error) => self.fail(id, error, tx),
		}
	}

	fn fail(&self, id: PaymentId, error: IntentError, tx: Option<H256>) {
		let Refusal { reason, message, .. } = intent_refusal(error);
		self.set(&id, Status::Failed { reason, message, tx });
	}

	/// `id` was settled in `inclusion`'s block; followed by its receipt until that is final.
	fn settled_elsewhere(&self, id: PaymentId, inclusion: Inclusion) {
		if inclusion.finalized {
			self.set(&id, Status::Finalized(inclusion));
		} else {
			self.set(&id, Status::InBlock(inclusion));
			self.inner.lock().unresolved.insert(id);
		}
	}

	/// Where the chain settled exactly `payment`: its receipt names the same payer, payee,
	/// asset, amount and reference (the payment id fixes the nonce). Blocks.
	fn settled_by_receipt(
		&self,
		payment: &Payment,
	) -> Result<Option<Inclusion>, crate::ChainError> {
		let Some(receipt) = self.chain.receipt(payment.id())? else { return Ok(None) };
		let intent = &payment.intent;
		let same = receipt.payer == intent.payer
			&& receipt.payee == intent.payee
			&& receipt.asset == intent.asset
			&& receipt.amount == intent.amount
			&& receipt.reference == intent.reference;
		if !same {
			return Ok(None);
		}
		self.chain.locate(&receipt)
	}

	/// Checks each unresolved payment against its receipt: final once its block is, queued
	/// again (or failed) if the receipt went away with a retracted block. Blocks.
	fn reconcile(&self) {
		let ids: Vec<PaymentId> = self.inner.lock().unresolved.drain().collect();
		for id in ids {
			let payment = self.inner.lock().tracked.get(&id).map(|t| t.payment.clone());
			let Some(payment) = payment else { continue };
			match self.settled_by_receipt(&payment) {
				Ok(Some(inclusion)) => self.settled_elsewhere(id, inclusion),
				Ok(None) => self.requeue_if_valid([id], None),
				Err(_) => {
					self.inner.lock().unresolved.insert(id);
				},
			}
		}
	}

	/// The runtime's dry run of `batch`: the payments that would settle, in order. Those it
	/// refuses get their verdict now, so the facilitator signs no extrinsic whose items would
	/// be refused. If the dry run cannot be made the whole batch goes: the chain judges it.
	/// Blocks.
	fn simulated(&self, batch: Vec<Payment>) -> Vec<Payment> {
		let items: Vec<_> = batch.iter().map(|p| (p.intent.clone(), p.signature.clone())).collect();
		let outcomes = match self.chain.simulate_batch(items) {
			Ok(outcomes) if outcomes.len() == batch.len() => outcomes,
			Ok(_) | Err(_) => return batch,
		};
		batch
			.into_iter()
			.zip(outcomes)
			.filter_map(|(payment, (_, outcome))| match outcome {
				Ok(()) => Some(payment),
				Err(error) => {
					self.conclude(&payment, Err(error), None);
					None
				},
			})
			.collect()
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
		inner
			.tracked
			.retain(|_, tracked| tracked.finished.is_none_or(|at| at.elapsed() < RETENTION));
	}

	/// Submits batches as long as there are queued payments; never returns.
	pub async fn run(self: Arc<Self>) {
		let reconciler = self.clone();
		tokio::spawn(async move {
			loop {
				tokio::time::sleep(RECONCILE_EVERY).await;
				let engine = reconciler.clone();
				let _ = tokio::task::spawn_blocking(move || engine.reconcile()).await;
			}
		});
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
			let engine = self.clone();
			let Ok(batch) = tokio::task::spawn_blocking(move || engine.simulated(batch)).await
			else {
				continue;
			};
			if batch.is_empty() {
				continue;
			}
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
						let _ =
							tokio::task::spawn_blocking(move || engine.requeue_if_valid(ids, None))
								.await;
					});
				},
			}
		}
	}

	/// Follows the `settle_batch` `tx` carrying `ids` until each is final.
	/// Its `slot` is free again once it is in a block (or will not be).
	async fn follow(
		self: Arc<Self>,
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
							// A refusal in a block that is not final is not a verdict yet: the
							// payment stays submitted until the block is final.
							for (id, outcome) in outcomes {
								if open.contains(&id) && outcome.is_ok() {
									in_block.insert(id);
									self.set(&id, Status::InBlock(inclusion));
								}
							}
						},
						Err(error) => {
							log::warn!(target: "x402", "cannot read the outcome of {tx:?}: {error}")
						},
					}
				},
				TxEvent::Retracted => {
					for id in in_block.drain() {
						self.set(&id, Status::Submitted { tx });
					}
				},
				TxEvent::Finalized { block, number } => {
					// Read the outcomes again at the final block: an earlier `InBlock` may have
					// been another fork, or its outcomes could not be read.
					let inclusion = Inclusion { tx, block, number, finalized: true };
					let outcomes = match self.chain.batch_outcomes(block, tx) {
						Ok(outcomes) => outcomes,
						Err(error) => {
							// Not a verdict: their receipts tell.
							log::warn!(target: "x402", "cannot read the outcome of finalized {tx:?}: {error}");
							self.inner.lock().unresolved.extend(open);
							return;
						},
					};
					let mut concluded = Vec::new();
					for (id, outcome) in outcomes {
						if open.remove(&id) {
							concluded.push((id, outcome.map(|()| inclusion)));
						}
					}
					let engine = self.clone();
					// Items the final block did not report: the extrinsic failed as a whole,
					// which is no verdict on them.
					let unreported: Vec<PaymentId> = open.drain().collect();
					let _ = tokio::task::spawn_blocking(move || {
						for (id, outcome) in concluded {
							let payment =
								engine.inner.lock().tracked.get(&id).map(|t| t.payment.clone());
							if let Some(payment) = payment {
								engine.conclude(&payment, outcome, Some(tx));
							}
						}
						engine.requeue_if_valid(unreported, Some(tx));
					})
					.await;
					return;
				},
				TxEvent::FinalityTimeout => {
					// The pool stopped watching before the block was final: the receipts tell.
					slot.take();
					log::warn!(target: "x402", "settle_batch {tx:?}: the pool stopped watching it before finality");
					self.inner.lock().unresolved.extend(open.drain());
					return;
				},
				TxEvent::Dropped(why) => {
					slot.take();
					log::warn!(target: "x402", "settle_batch {tx:?} dropped: {why}");
					break;
				},
			}
		}
		// The extrinsic will not be included (or the watch ended): what still verifies goes
		// again, what the chain settled meanwhile is concluded from its receipt.
		let _ = tokio::task::spawn_blocking(move || self.requeue_if_valid(open, Some(tx))).await;
	}
}
