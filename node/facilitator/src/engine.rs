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
//! nonce), and refuses a different intent with the same id ([`NotAccepted::Conflict`]). Of all the settles
//! of one payment, exactly one may answer success ([`Engine::claim`]).

use crate::{
	chain::{Chain, Inclusion, TxEvent},
	metrics::Metrics,
	payment::{reason, refusal_of, Payment, Refusal, VALID_BEFORE_MARGIN},
	store::Store,
};
use agentchain_primitives::{
	mandates::{MandateId, MandatedSpend},
	x402::{api::Committed, IntentError, PaymentId},
	AccountId, AssetId, Balance,
};
use futures::StreamExt;
use parking_lot::Mutex;
use polkadot_sdk::sp_core::H256;
use std::{
	collections::{HashMap, HashSet, VecDeque},
	sync::{
		atomic::{AtomicU32, Ordering},
		Arc, Weak,
	},
	time::{Duration, Instant},
};
use tokio::sync::{broadcast, oneshot, watch, Notify, OwnedSemaphorePermit, Semaphore};

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

/// Bounds on what the engine holds for others, so that a flood costs its sender, not the node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
	/// Most accepted payments not yet in a block or failed, from all payers.
	pub max_pending: usize,
	/// Most of those from one payer.
	pub max_pending_per_payer: usize,
}

impl Default for Limits {
	fn default() -> Self {
		Self { max_pending: 100_000, max_pending_per_payer: 1_000 }
	}
}

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

	/// Whether the payment's amount is still to leave its payer: it is accepted and not in a
	/// block, so the best block's balance does not show it yet.
	fn commits_funds(&self) -> bool {
		matches!(self, Status::Queued | Status::Retrying { .. } | Status::Submitted { .. })
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
	/// Whose funds and which mandates it spends, as the chain said when it was accepted.
	spend: Option<MandatedSpend>,
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

/// Why [`Engine::accept`] did not take a payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAccepted {
	/// A different intent with the same payment id (payer and nonce) is tracked already: at
	/// most one of them can settle, and it is that one.
	Conflict,
	/// What the payer has committed changed since the caller verified against it: verify again.
	Stale,
	/// [`Limits::max_pending`] payments are pending.
	QueueFull,
	/// [`Limits::max_pending_per_payer`] payments of this payer are pending.
	PayerFull,
}

/// What [`Engine::accept`] did with a payment.
pub enum Acceptance {
	/// Took it: it is queued once it is on disk, which `journaled` tells (or why it could not
	/// be, and then the payment failed).
	New { status: watch::Receiver<Status>, journaled: oneshot::Receiver<Result<(), String>> },
	/// It was accepted before (the very same signed intent).
	Again(watch::Receiver<Status>),
}

/// What pending payments share: the funds of the account they debit, or a mandate they go
/// through.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum SpendKey {
	Funds(AccountId),
	Mandate(MandateId),
}

/// The keys a payment commits to: its debited account's funds, then each mandate.
fn spend_keys(payment: &Payment, spend: Option<&MandatedSpend>) -> Vec<SpendKey> {
	match spend {
		None => vec![SpendKey::Funds(payment.intent.payer.clone())],
		Some(spend) => core::iter::once(SpendKey::Funds(spend.root.clone()))
			.chain(spend.mandates.iter().map(|id| SpendKey::Mandate(*id)))
			.collect(),
	}
}

/// What pending payments will take from one account's funds or one mandate.
#[derive(Debug, Default)]
struct Commitment {
	count: usize,
	/// By asset.
	amounts: Vec<(AssetId, Balance)>,
}

impl Commitment {
	fn amount(&self, asset: AssetId) -> Balance {
		self.amounts.iter().find(|(a, _)| *a == asset).map_or(0, |(_, amount)| *amount)
	}
}

/// What the engine knows of a payment id.
#[derive(Debug, Clone)]
pub struct Known {
	pub payment: Payment,
	pub status: Status,
	pub claim: Claim,
	/// Whether it spends through a mandate, as the chain said when it was accepted.
	pub mandated: bool,
}

struct Inner {
	tracked: HashMap<PaymentId, Tracked>,
	queue: VecDeque<PaymentId>,
	/// What the payments whose status [commits funds](Status::commits_funds) take, by the
	/// account they debit and by mandate.
	committed: HashMap<SpendKey, Commitment>,
	/// How many payments commit funds, from all payers.
	committing: usize,
	/// Payments in a block that was not final when their extrinsic's watch ended: followed by
	/// their receipts ([`Engine::reconcile`]).
	unresolved: HashSet<PaymentId>,
	/// Under the same lock as `tracked`, so the journal and the statuses agree.
	store: Option<Store>,
}

impl Inner {
	/// Counts `payment`'s amount in (`add`) or out of the commitments of what it spends.
	fn commit(&mut self, payment: &Payment, spend: Option<&MandatedSpend>, add: bool) {
		let intent = &payment.intent;
		if add {
			self.committing += 1;
		} else {
			self.committing = self.committing.saturating_sub(1);
		}
		for key in spend_keys(payment, spend) {
			let commitment = self.committed.entry(key.clone()).or_default();
			let index = match commitment.amounts.iter().position(|(a, _)| *a == intent.asset) {
				Some(index) => index,
				None => {
					commitment.amounts.push((intent.asset, 0));
					commitment.amounts.len() - 1
				},
			};
			let amount = &mut commitment.amounts[index].1;
			if add {
				*amount = amount.saturating_add(intent.amount);
				commitment.count += 1;
			} else {
				*amount = amount.saturating_sub(intent.amount);
				commitment.count = commitment.count.saturating_sub(1);
				if *amount == 0 {
					commitment.amounts.swap_remove(index);
				}
				if commitment.count == 0 {
					self.committed.remove(&key);
				}
			}
		}
	}

	/// What is committed to what `payment` spends, as the chain's `verify_after` takes it.
	fn committed_for(&self, payment: &Payment, spend: Option<&MandatedSpend>) -> Committed {
		let asset = payment.intent.asset;
		let of = |key: &SpendKey| self.committed.get(key);
		let mut committed = Committed::default();
		for key in spend_keys(payment, spend) {
			let commitment = of(&key);
			let amount = commitment.map_or(0, |c| c.amount(asset));
			match key {
				SpendKey::Funds(_) => committed.funds = amount,
				SpendKey::Mandate(id) => {
					committed.mandates.push((id, amount, commitment.map_or(0, |c| c.count as u32)))
				},
			}
		}
		committed
	}
}

/// The queue and the batches.
pub struct Engine<C> {
	chain: Arc<C>,
	limits: Limits,
	/// Most intents per batch, as the runtime says; read again every [`RECONCILE_EVERY`] on
	/// the blocking pool (a runtime upgrade may change it), never on the batching task.
	batch_limit: AtomicU32,
	inner: Mutex<Inner>,
	wake: Notify,
	in_flight: Arc<Semaphore>,
	metrics: Option<Metrics>,
	settled: broadcast::Sender<Settled>,
}

impl<C: Chain> Engine<C> {
	pub fn new(
		chain: Arc<C>,
		store: Option<Store>,
		metrics: Option<Metrics>,
		limits: Limits,
	) -> Arc<Self> {
		let batch_limit = AtomicU32::new(Self::read_batch_limit(&*chain).unwrap_or(1));
		Arc::new(Self {
			chain,
			limits,
			batch_limit,
			inner: Mutex::new(Inner {
				tracked: HashMap::new(),
				queue: VecDeque::new(),
				committed: HashMap::new(),
				committing: 0,
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
			mandated: tracked.spend.is_some(),
		})
	}

	/// What pending payments will take from the funds and the mandates `payment` spends
	/// (`spend`, as the chain says): a new payment must verify as if that had left already.
	pub fn committed(&self, payment: &Payment, spend: Option<&MandatedSpend>) -> Committed {
		self.inner.lock().committed_for(payment, spend)
	}

	/// Takes a payment verified against `committed` (what [`Engine::committed`] said for it),
	/// once: accepting the same signed intent again returns the first acceptance's status
	/// (unless that failed: then it is tried again). It is refused if a different intent has
	/// its payment id, if what it shares funds or mandates with changed meanwhile, or if it
	/// would exceed the [`Limits`] (the per-payer one counts the debited account's payments).
	pub fn accept(
		self: &Arc<Self>,
		payment: Payment,
		spend: Option<MandatedSpend>,
		committed: &Committed,
	) -> Result<Acceptance, NotAccepted> {
		let id = payment.id();
		let mut inner = self.inner.lock();
		if let Some(tracked) = inner.tracked.get(&id) {
			// A failed payment that verifies again (the caller checked) is tried again.
			if !tracked.failed() {
				return if tracked.same(&payment) {
					Ok(Acceptance::Again(tracked.status.subscribe()))
				} else {
					Err(NotAccepted::Conflict)
				};
			}
		}
		if inner.committed_for(&payment, spend.as_ref()) != *committed {
			return Err(NotAccepted::Stale);
		}
		let funds = spend_keys(&payment, spend.as_ref()).swap_remove(0);
		if inner.committed.get(&funds).map_or(0, |c| c.count) >= self.limits.max_pending_per_payer {
			return Err(NotAccepted::PayerFull);
		}
		if inner.committing >= self.limits.max_pending {
			return Err(NotAccepted::QueueFull);
		}
		let receiver = self.track(&mut inner, payment.clone(), spend);
		let (reply, journaled) = oneshot::channel();
		match &inner.store {
			// Queued once it is on disk, so that an accepted payment survives a crash.
			Some(store) => {
				let engine = Arc::downgrade(self);
				store.accepted(
					&payment,
					Box::new(move |written| {
						if let Some(engine) = Weak::upgrade(&engine) {
							engine.journaled(id, &written);
						}
						let _ = reply.send(written);
					}),
				);
			},
			None => {
				inner.queue.push_back(id);
				let _ = reply.send(Ok(()));
			},
		}
		drop(inner);
		self.wake.notify_one();
		Ok(Acceptance::New { status: receiver, journaled })
	}

	/// Queues `id` once its acceptance is on disk, or fails it: an accepted answer means the
	/// payment survives a restart.
	fn journaled(&self, id: PaymentId, written: &Result<(), String>) {
		match written {
			Ok(()) => {
				let mut inner = self.inner.lock();
				if inner.tracked.contains_key(&id) {
					inner.queue.push_back(id);
					self.set_queue_depth(&inner);
				}
				drop(inner);
				self.wake.notify_one();
			},
			Err(error) => self.set(
				&id,
				Status::Failed {
					reason: reason::UNEXPECTED_SETTLE,
					message: format!("the facilitator cannot keep the payment on disk: {error}"),
					tx: None,
				},
			),
		}
	}

	/// Queues a payment read back from the journal after a restart (it is on disk already),
	/// committing to what it spends (`spend`, as the chain says now); the dry run before its
	/// batch judges it against the chain as it is then.
	pub fn restore(&self, payment: Payment, spend: Option<MandatedSpend>) {
		let id = payment.id();
		let mut inner = self.inner.lock();
		if inner.tracked.contains_key(&id) {
			return;
		}
		self.track(&mut inner, payment, spend);
		inner.queue.push_back(id);
		self.set_queue_depth(&inner);
		drop(inner);
		self.wake.notify_one();
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

	/// Starts tracking `payment` as queued (the caller puts it in the queue when it may settle).
	fn track(
		&self,
		inner: &mut Inner,
		payment: Payment,
		spend: Option<MandatedSpend>,
	) -> watch::Receiver<Status> {
		let id = payment.id();
		let (status, receiver) = watch::channel(Status::Queued);
		inner.commit(&payment, spend.as_ref(), true);
		let tracked =
			Tracked { payment, spend, status, finished: None, refusals: 0, claim: Claim::Free };
		if let Some(replaced) = inner.tracked.insert(id, tracked) {
			// Only a failed one is replaced, and it committed nothing.
			debug_assert!(!replaced.status.borrow().commits_funds());
		}
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
		let commits = status.commits_funds();
		let committed = tracked.status.send_replace(status).commits_funds();
		if commits != committed {
			let (payment, spend) = (tracked.payment.clone(), tracked.spend.clone());
			inner.commit(&payment, spend.as_ref(), commits);
		}
		if done {
			if let Some(store) = &inner.store {
				store.done(*id);
			}
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
			// Checked alone: its own commitment is what is being checked, and the dry run
			// before its batch checks it after the others.
			match self.chain.verify(&payment.intent, &payment.signature, &Committed::default()) {
				// The best block may be older than the payment's window: not a verdict.
				Ok(Err(IntentError::NotYetValid)) => self.requeue(id),
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
				Ok(None) => self.fail(payment, IntentError::NonceUsed, tx),
				Err(error) => {
					log::warn!(target: "x402", "cannot read the receipt of {id:?}, checked again later: {error}");
					self.inner.lock().unresolved.insert(id);
				},
			},
			Err(error) => self.fail(payment, error, tx),
		}
	}

	fn fail(&self, payment: &Payment, error: IntentError, tx: Option<H256>) {
		let Refusal { reason, message, .. } = refusal_of(&payment.signature, error);
		self.set(&payment.id(), Status::Failed { reason, message, tx });
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
				// The best block may be older than the payment's window (a node catching up
				// after a restart): not a verdict, it is tried again.
				Err(IntentError::NotYetValid) => {
					self.inner.lock().unresolved.insert(payment.id());
					None
				},
				Err(error) => {
					self.conclude(&payment, Err(error), None);
					None
				},
			})
			.collect()
	}

	fn read_batch_limit(chain: &C) -> Option<u32> {
		chain
			.max_batch()
			.inspect_err(|error| log::warn!(target: "x402", "cannot read the batch limit: {error}"))
			.ok()
			.map(|max| max.max(1))
	}

	/// Takes the next batch off the queue. A payment that would expire before a block could
	/// include it is left out (its fee would buy nothing) and followed by its receipt until
	/// it has expired: only then is it failed, as someone else could still settle it until then.
	fn next_batch(&self) -> Vec<Payment> {
		let max = self.batch_limit.load(Ordering::Relaxed) as usize;
		let horizon = self.chain.now().ok().map(|now| now.saturating_add(VALID_BEFORE_MARGIN));
		let mut inner = self.inner.lock();
		let mut batch = Vec::with_capacity(max.min(inner.queue.len()));
		let mut expiring = Vec::new();
		while batch.len() < max {
			let Some(id) = inner.queue.pop_front() else { break };
			let Some(tracked) = inner.tracked.get(&id) else { continue };
			if !matches!(*tracked.status.borrow(), Status::Queued | Status::Retrying { .. }) {
				continue;
			}
			if horizon.is_some_and(|horizon| tracked.payment.intent.valid_before <= horizon) {
				expiring.push(id);
			} else {
				batch.push(tracked.payment.clone());
			}
		}
		inner.unresolved.extend(expiring);
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
				let _ = tokio::task::spawn_blocking(move || {
					if let Some(max) = Self::read_batch_limit(&*engine.chain) {
						engine.batch_limit.store(max, Ordering::Relaxed);
					}
					engine.reconcile()
				})
				.await;
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

	/// [`Chain::batch_outcomes`] on the blocking pool: it reads a block and its events.
	async fn outcomes(
		self: &Arc<Self>,
		block: H256,
		tx: H256,
	) -> Result<Vec<(PaymentId, Result<(), IntentError>)>, crate::ChainError> {
		let engine = self.clone();
		tokio::task::spawn_blocking(move || engine.chain.batch_outcomes(block, tx))
			.await
			.unwrap_or_else(|error| {
				Err(crate::ChainError(format!("reading outcomes failed: {error}")))
			})
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
					match self.outcomes(block, tx).await {
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
					let outcomes = match self.outcomes(block, tx).await {
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
