//! The facilitator's operations, shared by its HTTP API and its JSON-RPC.
//!
//! Every answer is about exactly the signed payment in the request:
//! - a payment is identified by its payer and nonce, but a request is only ever answered with
//!   the status of the very intent and signature it carries; a different intent with a tracked
//!   or settled nonce is checked on its own, signature included, and refused;
//! - one payload pays for one resource: of all the settles of one payment, one answers
//!   success; the others are refused with `duplicate_settlement`. A settle that ran out of time
//!   (`settlement_pending`) leaves that success to the next settle of the same payload, so a
//!   retry gets the outcome;
//! - a settle whose `payment-identifier` id (with the same payer, payee, asset, amount, network
//!   and resource) names an earlier settle's payment answers that payment's outcome and settles
//!   nothing else, so a client that signs anew on a retry pays once; the same id for anything
//!   else is refused (`payment_identifier_conflict`, HTTP 409).

use crate::{
	chain::{Chain, Inclusion},
	channels::StateReads,
	engine::{Acceptance, Claim, Engine, Known, Limits, NotAccepted, Status},
	identifier::{Identifiers, Lookup},
	metrics::Metrics,
	payment::{self, reason, Networks, Payment, Phase, Refusal},
	store::Store,
	wire::{
		FacilitatorRequest, SettleResponse, SupportedKind, SupportedResponse, VerifyResponse,
		SCHEME_BATCH_SETTLEMENT, SCHEME_EXACT, SCHEME_UPTO, X402_VERSION,
	},
};
use agentchain_primitives::{
	x402::{IntentError, PaymentId},
	AccountId, AssetId, Balance,
};
use polkadot_sdk::sp_core::crypto::Ss58Codec;
use std::{
	collections::BTreeMap,
	sync::Arc,
	time::{Duration, Instant},
};
use tokio::sync::{oneshot, watch, Semaphore};

/// How the facilitator runs.
#[derive(Debug, Clone)]
pub struct Config {
	/// Longest a settle waits for its payment to be in a block.
	pub inclusion_timeout: Duration,
	/// Longest a settle that asked for finality waits for it.
	pub finality_timeout: Duration,
	/// What the engine holds at most.
	pub limits: Limits,
	/// Each `batch-settlement` receiver's token for refunding its channels (see
	/// [`crate::channels`]).
	pub refund_tokens: std::collections::HashMap<polkadot_sdk::sp_core::H160, String>,
}

impl Default for Config {
	fn default() -> Self {
		Self {
			inclusion_timeout: Duration::from_secs(12),
			finality_timeout: Duration::from_secs(30),
			limits: Limits::default(),
			refund_tokens: Default::default(),
		}
	}
}

/// What a settle waits for before it answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
	/// The payment is in a block (the default).
	InBlock,
	/// The block is final.
	Finalized,
}

impl Wait {
	/// `inBlock` (or nothing) and `finalized`.
	pub fn parse(text: Option<&str>) -> Option<Self> {
		match text {
			None | Some("inBlock") => Some(Wait::InBlock),
			Some("finalized") => Some(Wait::Finalized),
			Some(_) => None,
		}
	}
}

/// The built-in x402 facilitator.
pub struct Facilitator<C> {
	chain: Arc<C>,
	networks: Networks,
	engine: Arc<Engine<C>>,
	metrics: Option<Metrics>,
	config: Config,
	/// Bounds the runtime-API dry runs in flight to one less than the machine's cores (at least
	/// one): they are CPU-bound, and block authoring and import keep a core.
	dry_runs: Semaphore,
	identifiers: Identifiers,
	/// The highest voucher accepted per `batch-settlement` channel.
	channels: crate::channels::ChannelBook,
}

/// A payment's status with what it pays, for `x402_status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentStatus {
	pub status: Status,
	pub payer: AccountId,
	pub payee: AccountId,
	pub asset: AssetId,
	pub amount: Balance,
}

/// What an accepted settle waits for.
enum Settling {
	/// This payment, whose success this settle may answer (it holds the claim).
	Claimed(Payment, watch::Receiver<Status>),
	/// An earlier payment its `payment-identifier` named: its outcome is the answer. `claimed`
	/// if this settle took that payment's one success (no settle had), so that no later settle
	/// without the id answers success for it again.
	Identified { payment: Payment, status: watch::Receiver<Status>, claimed: bool },
	/// An `upto` payment that charged nothing: its permit checks out and nothing moves (the
	/// permit stays unused, as on an EVM chain, where no transaction is sent).
	Nothing(Payment),
}

impl<C: Chain> Facilitator<C> {
	/// A facilitator over `chain`; payments accepted before a restart are read back from
	/// `store` and queued again, without a runtime call: the dry run before their batch judges
	/// them against the chain as it is then, so a large journal does not delay the node's start
	/// and a stale best block at start fails nothing.
	pub fn new(
		chain: Arc<C>,
		mut store: Option<Store>,
		metrics: Option<Metrics>,
		config: Config,
	) -> Arc<Self> {
		let pending = store.as_mut().map(Store::take_pending).unwrap_or_default();
		let engine = Engine::new(chain.clone(), store, metrics.clone(), config.limits);
		let networks = Networks::new(chain.genesis_hash(), chain.evm_chain_id());
		if !pending.is_empty() {
			log::info!(target: "x402", "{} payments accepted before the restart are pending again", pending.len());
		}
		// What each payer key spends, asked once per key (a journal holds many payments of
		// few payers); a key the chain cannot answer for commits to its own funds.
		let mut spends = std::collections::HashMap::new();
		for payment in pending {
			let spend = spends
				.entry(payment.intent.payer.clone())
				.or_insert_with(|| chain.spender_of(&payment.intent.payer).ok().flatten())
				.clone();
			engine.restore(payment, spend);
		}
		let cores = std::thread::available_parallelism().map_or(2, usize::from);
		Arc::new(Self {
			chain,
			networks,
			engine,
			metrics,
			config,
			dry_runs: Semaphore::new(cores.saturating_sub(1).max(1)),
			identifiers: Identifiers::default(),
			channels: Default::default(),
		})
	}

	/// The engine, to run and to subscribe to.
	pub fn engine(&self) -> &Arc<Engine<C>> {
		&self.engine
	}

	pub fn chain(&self) -> &Arc<C> {
		&self.chain
	}

	pub fn networks(&self) -> &Networks {
		&self.networks
	}

	pub(crate) fn config(&self) -> &Config {
		&self.config
	}

	pub(crate) fn channels(&self) -> &crate::channels::ChannelBook {
		&self.channels
	}

	/// Counts an answer to `call` in the metrics.
	pub(crate) fn count(&self, call: &str, outcome: &str, started: Instant) {
		if let Some(metrics) = &self.metrics {
			metrics.requests.with_label_values(&[call, outcome]).inc();
			metrics
				.latency
				.with_label_values(&[call])
				.observe(started.elapsed().as_secs_f64());
		}
	}

	/// The payment kinds this facilitator settles, and its signer. `upto` needs the signer: its
	/// permits name the one facilitator that may settle them (`extra.facilitatorAddress`).
	pub fn supported(&self) -> SupportedResponse {
		let kind = |scheme: &str, network: &str, extra| SupportedKind {
			x402_version: X402_VERSION,
			scheme: scheme.into(),
			network: network.into(),
			extra,
		};
		// A native signature covers the whole genesis hash; the network names only its first
		// 16 bytes, so clients learn the rest here (and check it against the network).
		let genesis =
			serde_json::json!({ "genesisHash": format!("{:?}", self.chain.genesis_hash()) });
		let mut kinds = vec![
			kind(SCHEME_EXACT, &self.networks.evm, None),
			kind(SCHEME_EXACT, &self.networks.native, Some(genesis)),
		];
		let mut signers = BTreeMap::new();
		if let Some(signer) = self.chain.signer() {
			signers.insert("polkadot:*".to_owned(), vec![signer.to_ss58check()]);
			let address = agentchain_primitives::x402::evm_address::address_of(signer.as_ref());
			let address = format!("{address:?}");
			let extra = serde_json::json!({ "facilitatorAddress": address });
			kinds.push(kind(SCHEME_UPTO, &self.networks.evm, Some(extra)));
			// Channels name this facilitator as the one that claims and refunds them.
			let extra = serde_json::json!({ "receiverAuthorizer": address });
			kinds.push(kind(SCHEME_BATCH_SETTLEMENT, &self.networks.evm, Some(extra)));
			signers.insert("eip155:*".to_owned(), vec![address]);
		}
		SupportedResponse {
			kinds,
			extensions: vec![crate::identifier::EXTENSION.to_owned()],
			signers,
		}
	}

	/// Runs `check` (runtime API calls, which block) on tokio's blocking pool, so that load on
	/// the facilitator never holds up the node's async tasks; `None` if it panicked.
	async fn dry_run<R: Send + 'static>(
		self: &Arc<Self>,
		check: impl FnOnce(&Self) -> R + Send + 'static,
	) -> Option<R> {
		let _permit = self.dry_runs.acquire().await.ok()?;
		let this = self.clone();
		tokio::task::spawn_blocking(move || check(&this)).await.ok()
	}

	/// `/verify`: whether the payment would settle now.
	pub async fn verify(self: &Arc<Self>, request: FacilitatorRequest) -> VerifyResponse {
		let started = Instant::now();
		if request.payment_requirements.scheme == SCHEME_BATCH_SETTLEMENT {
			let at_hand = self.verify_channel(&request, StateReads::AtHand);
			let response = match at_hand {
				Some(response) => Some(response),
				None => self
					.dry_run(move |this| this.verify_channel(&request, StateReads::Runtime))
					.await
					.flatten(),
			};
			let response = response.unwrap_or_else(|| {
				VerifyResponse::refused(
					reason::UNEXPECTED_VERIFY,
					"the dry run failed".into(),
					None,
				)
			});
			self.count("verify", response.invalid_reason.as_deref().unwrap_or("valid"), started);
			return response;
		}
		let verified = self
			.dry_run(move |this| this.verify_now(&request))
			.await
			.unwrap_or_else(|| Err(Refusal::new(reason::UNEXPECTED_VERIFY, "the dry run failed")));
		let response = match verified {
			Ok(payment) => VerifyResponse::valid(payment.payer),
			Err(refusal) => VerifyResponse::refused(refusal.reason, refusal.message, refusal.payer),
		};
		let outcome = response.invalid_reason.as_deref().unwrap_or("valid");
		self.count("verify", outcome, started);
		response
	}

	fn verify_now(&self, request: &FacilitatorRequest) -> Result<Payment, Refusal> {
		let payment = payment::parse(&*self.chain, &self.networks, request, Phase::Verify)?;
		if let Some(identifier) = crate::identifier::of(request, &payment)? {
			match self.identifiers.lookup(&identifier) {
				Lookup::Conflict => return Err(identifier_conflict(&payment)),
				// A retry of a payment that stands: it will be answered with that payment.
				Lookup::Named(id) => {
					if let Some(known) = self.engine.known(&id).filter(|k| !k.status.is_failed()) {
						self.signed_by_the_payer(&payment)?;
						self.check_endpoints(request, &payment, known.mandated)?;
						return Ok(payment);
					}
				},
				Lookup::Unknown => {},
			}
		}
		if let Some(known) =
			self.engine.known(&payment.id()).filter(|known| !known.status.is_failed())
		{
			self.against_known(&payment, &known)?;
			self.check_endpoints(request, &payment, known.mandated)?;
			return Ok(payment);
		}
		let spend = self.chain.spender_of(&payment.intent.payer).map_err(|error| {
			with_payer(Refusal::new(reason::UNEXPECTED_VERIFY, error.0), &payment)
		})?;
		self.check_endpoints(request, &payment, spend.is_some())?;
		let committed = self.engine.committed(&payment, spend.as_ref());
		match self.chain.verify(&payment.intent, &payment.signature, &committed) {
			Ok(Ok(_)) => Ok(payment),
			Ok(Err(error)) => Err(self.refusal_for(&payment, error)),
			Err(error) => {
				Err(with_payer(Refusal::new(reason::UNEXPECTED_VERIFY, error.0), &payment))
			},
		}
	}

	/// Fails unless every mandate `payment`'s payer key spends through admits the resource
	/// `request` pays for. Only a `mandated` payment (as the chain said) asks the chain for
	/// the lists: a payer paying from its own funds costs no runtime call here.
	fn check_endpoints(
		&self,
		request: &FacilitatorRequest,
		payment: &Payment,
		mandated: bool,
	) -> Result<(), Refusal> {
		if !mandated {
			return Ok(());
		}
		let rules = self.chain.endpoint_rules(&payment.intent.payer).map_err(|error| {
			with_payer(Refusal::new(reason::UNEXPECTED_VERIFY, error.0), payment)
		})?;
		crate::endpoints::check(&rules, request).map_err(|refusal| with_payer(refusal, payment))
	}

	/// Whether `payment` may still be settled now that the engine tracks `known` under its
	/// payment id: only if it is the same signed intent and no settle has answered success for
	/// it or waits for it.
	fn against_known(&self, payment: &Payment, known: &Known) -> Result<(), Refusal> {
		if known.payment.intent != payment.intent || known.payment.signature != payment.signature {
			return Err(self.other_payment_with_the_nonce(payment));
		}
		match (known.claim, &known.status) {
			(Claim::Free, _) => Ok(()),
			// Settled for another request: its nonce is used, as the chain says.
			(_, Status::InBlock(_) | Status::Finalized(_)) => {
				Err(payment.refusal(IntentError::NonceUsed))
			},
			(Claim::Waiting | Claim::Claimed, _) => Err(duplicate(payment)),
		}
	}

	/// The refusal of `payment` whose nonce another payment holds: a bad signature if it is
	/// not the payer's, a used nonce if it is.
	fn other_payment_with_the_nonce(&self, payment: &Payment) -> Refusal {
		match self.chain.check_signature(&payment.intent, &payment.signature) {
			Ok(Err(error)) => payment.refusal(error),
			Ok(Ok(())) => nonce_taken(
				payment,
				"another payment with this nonce is being settled or was settled",
			),
			Err(error) => with_payer(Refusal::new(reason::UNEXPECTED_VERIFY, error.0), payment),
		}
	}

	/// Fails unless `payment`'s signature is its payer's (whatever its nonce's state): a retry
	/// under a `payment-identifier` id must be a payment the payer signed, not one posing as it.
	fn signed_by_the_payer(&self, payment: &Payment) -> Result<(), Refusal> {
		match self.chain.check_signature(&payment.intent, &payment.signature) {
			Ok(Ok(())) => Ok(()),
			Ok(Err(error)) => Err(payment.refusal(error)),
			Err(error) => {
				Err(with_payer(Refusal::new(reason::UNEXPECTED_VERIFY, error.0), payment))
			},
		}
	}

	/// The refusal for the runtime's `error`; for a used nonce, the signature decides which.
	fn refusal_for(&self, payment: &Payment, error: IntentError) -> Refusal {
		match error {
			IntentError::NonceUsed => self.other_payment_with_the_nonce(payment),
			error => payment.refusal(error),
		}
	}

	/// Accepts a payment for settlement without waiting for it to settle (only for it to be on
	/// disk); returns its payment id. The same payment accepted twice is one payment.
	pub async fn submit(
		self: &Arc<Self>,
		request: FacilitatorRequest,
	) -> Result<PaymentId, Refusal> {
		let (payment, journaled) = self
			.dry_run(move |this| {
				let payment =
					payment::parse(&*this.chain, &this.networks, &request, Phase::Settle)?;
				let journaled = this.queue(&payment, &request)?;
				Ok((payment, journaled))
			})
			.await
			.unwrap_or_else(|| {
				Err(Refusal::new(reason::UNEXPECTED_SETTLE, "the dry run failed"))
			})?;
		if let Some(journaled) = journaled {
			match journaled.await {
				Ok(Ok(())) => {},
				Ok(Err(error)) => {
					return Err(with_payer(
						Refusal::new(
							reason::UNEXPECTED_SETTLE,
							format!("the facilitator cannot keep the payment on disk: {error}"),
						),
						&payment,
					))
				},
				Err(_) => {
					return Err(with_payer(
						Refusal::new(reason::UNEXPECTED_SETTLE, "the facilitator is stopping"),
						&payment,
					))
				},
			}
		}
		Ok(payment.id())
	}

	/// Most times [`Facilitator::queue`] verifies a payment again because its payer's other
	/// payments changed what they commit meanwhile.
	const QUEUE_ATTEMPTS: usize = 8;

	/// Queues `payment` unless the engine tracks it already (then it is the same payment), the
	/// chain refuses it after what its payer has committed to payments queued before it, or a
	/// limit is reached. When it is newly queued: what tells once it is on disk.
	fn queue(
		&self,
		payment: &Payment,
		request: &FacilitatorRequest,
	) -> Result<Option<oneshot::Receiver<Result<(), String>>>, Refusal> {
		for _ in 0..Self::QUEUE_ATTEMPTS {
			if let Some(known) =
				self.engine.known(&payment.id()).filter(|known| !known.status.is_failed())
			{
				if known.payment.intent == payment.intent
					&& known.payment.signature == payment.signature
				{
					self.check_endpoints(request, payment, known.mandated)?;
					return Ok(None);
				}
				return Err(self.other_payment_with_the_nonce(payment));
			}
			let spend = match self.chain.spender_of(&payment.intent.payer) {
				Ok(spend) => spend,
				Err(error) => {
					return Err(with_payer(
						Refusal::new(reason::UNEXPECTED_SETTLE, error.0),
						payment,
					))
				},
			};
			self.check_endpoints(request, payment, spend.is_some())?;
			let committed = self.engine.committed(payment, spend.as_ref());
			match self.chain.verify(&payment.intent, &payment.signature, &committed) {
				Ok(Ok(_)) => {},
				Ok(Err(error)) => return Err(self.refusal_for(payment, error)),
				Err(error) => {
					return Err(with_payer(
						Refusal::new(reason::UNEXPECTED_SETTLE, error.0),
						payment,
					))
				},
			}
			let refusal = match self.engine.accept(payment.clone(), spend, &committed) {
				Ok(Acceptance::New { journaled, .. }) => return Ok(Some(journaled)),
				Ok(Acceptance::Again(_)) => return Ok(None),
				Err(NotAccepted::Stale) => continue,
				// Another intent with this nonce was accepted meanwhile; this one verified, so
				// its signature is the payer's.
				Err(NotAccepted::Conflict) => {
					nonce_taken(payment, "another payment with this nonce is being settled")
				},
				Err(NotAccepted::PayerFull) => Refusal::new(
					reason::PAYER_PENDING_LIMIT,
					format!(
						"the payer has {} payments waiting to settle here; try again once some have",
						self.config.limits.max_pending_per_payer
					),
				),
				Err(NotAccepted::QueueFull) => Refusal::new(
					reason::FACILITATOR_BUSY,
					"the facilitator's queue is full; try again shortly",
				),
			};
			return Err(with_payer(refusal, payment));
		}
		Err(with_payer(
			Refusal::new(
				reason::FACILITATOR_BUSY,
				"the payer's other payments kept changing what they commit; try again",
			),
			payment,
		))
	}

	/// What a settle of `request` waits for, or why it is refused.
	fn settling(&self, request: &FacilitatorRequest) -> Result<Settling, Refusal> {
		let payment = payment::parse(&*self.chain, &self.networks, request, Phase::Settle)?;
		if payment.intent.amount == 0 {
			if let Some(max) = payment.upto_max() {
				return self.nothing_to_charge(request, payment, max);
			}
		}
		let identifier = crate::identifier::of(request, &payment)?;
		if let Some(identifier) = &identifier {
			match self.identifiers.reserve(identifier, payment.id()) {
				Lookup::Conflict => return Err(identifier_conflict(&payment)),
				Lookup::Named(first) => match self.engine.known(&first) {
					Some(known) if !known.status.is_failed() => {
						self.signed_by_the_payer(&payment)?;
						self.check_endpoints(request, &payment, known.mandated)?;
						let (status, claimed) = match self.engine.claim(&first) {
							Some(status) => (status, true),
							None => {
								let status = self.engine.watch(&first);
								(status.ok_or_else(|| duplicate(&payment))?, false)
							},
						};
						return Ok(Settling::Identified {
							payment: known.payment,
							status,
							claimed,
						});
					},
					// The first is being accepted right now: its outcome is not known yet.
					None if self.identifiers.is_recent(identifier) => {
						return Err(duplicate(&payment))
					},
					// It failed or was forgotten long ago: this one is settled on its own.
					_ => self.identifiers.rebind(identifier, payment.id()),
				},
				Lookup::Unknown => {},
			}
		}
		// A settle waits for the status, which turns failed should the payment not reach the
		// disk: it needs no word of the journal.
		let queued = self.queue(&payment, request).map(drop);
		let settling = queued.and_then(|()| match self.engine.claim(&payment.id()) {
			Some(status) => Ok(Settling::Claimed(payment.clone(), status)),
			// Another settle holds it: refused as `against_known` says.
			None => Err(self
				.engine
				.known(&payment.id())
				.and_then(|known| self.against_known(&payment, &known).err())
				.unwrap_or_else(|| duplicate(&payment))),
		});
		if let (Err(_), Some(identifier)) = (&settling, &identifier) {
			self.identifiers.release(identifier, payment.id());
		}
		settling
	}

	/// The settle of an `upto` `payment` that charges nothing: it succeeds if the permit would
	/// settle its maximum `max`, and submits nothing.
	fn nothing_to_charge(
		&self,
		request: &FacilitatorRequest,
		payment: Payment,
		max: Balance,
	) -> Result<Settling, Refusal> {
		let mut at_most = payment.clone();
		at_most.intent.amount = max;
		let spend = self.chain.spender_of(&at_most.intent.payer).map_err(|error| {
			with_payer(Refusal::new(reason::UNEXPECTED_SETTLE, error.0), &payment)
		})?;
		self.check_endpoints(request, &payment, spend.is_some())?;
		let committed = self.engine.committed(&at_most, spend.as_ref());
		match self.chain.verify(&at_most.intent, &at_most.signature, &committed) {
			Ok(Ok(_)) => Ok(Settling::Nothing(payment)),
			Ok(Err(error)) => Err(self.refusal_for(&at_most, error)),
			Err(error) => {
				Err(with_payer(Refusal::new(reason::UNEXPECTED_SETTLE, error.0), &payment))
			},
		}
	}

	/// `/settle`: settles the payment and waits for `wait`, within the configured bound.
	pub async fn settle(
		self: &Arc<Self>,
		request: FacilitatorRequest,
		wait: Wait,
		bearer: Option<String>,
	) -> SettleResponse {
		let started = Instant::now();
		let network = request.payment_requirements.network.clone();
		if request.payment_requirements.scheme == SCHEME_BATCH_SETTLEMENT {
			let response = self.settle_channel(request, bearer).await;
			let outcome = response.error_reason.as_deref().unwrap_or("settled");
			self.count("settle", outcome, started);
			return response;
		}
		let settling = self
			.dry_run(move |this| this.settling(&request))
			.await
			.unwrap_or_else(|| Err(Refusal::new(reason::UNEXPECTED_SETTLE, "the dry run failed")));
		let response = match settling {
			Err(refusal) => SettleResponse::failed(
				&network,
				refusal.reason,
				refusal.message,
				refusal.payer,
				None,
			),
			Ok(Settling::Identified { payment, status, claimed }) => {
				let response = self.wait(&network, &payment, status, wait).await;
				if claimed {
					self.engine.release(&payment.id(), response.success);
				}
				response
			},
			Ok(Settling::Claimed(payment, status)) => {
				let response = self.wait(&network, &payment, status, wait).await;
				self.engine.release(&payment.id(), response.success);
				response
			},
			Ok(Settling::Nothing(payment)) => SettleResponse {
				success: true,
				error_reason: None,
				error_message: None,
				payer: Some(payment.payer),
				transaction: String::new(),
				network: network.clone(),
				amount: Some("0".into()),
				status: None,
				extra: None,
			},
		};
		let outcome = match (&response.error_reason, response.success) {
			(_, true) => "settled",
			(Some(reason), false) => reason.as_str(),
			(None, false) => "failed",
		};
		self.count("settle", outcome, started);
		response
	}

	async fn wait(
		&self,
		network: &str,
		payment: &Payment,
		mut status: watch::Receiver<Status>,
		wait: Wait,
	) -> SettleResponse {
		let timeout = match wait {
			Wait::InBlock => self.config.inclusion_timeout,
			Wait::Finalized => self.config.finality_timeout,
		};
		let done = |status: &Status| match (status, wait) {
			(Status::Failed { .. } | Status::Finalized(_), _) => true,
			(Status::InBlock(_), Wait::InBlock) => true,
			_ => false,
		};
		let _ = tokio::time::timeout(timeout, status.wait_for(|s| done(s))).await;
		let current = status.borrow().clone();
		let finished = done(&current);
		match current {
			Status::InBlock(inclusion) | Status::Finalized(inclusion) if finished => {
				success(network, payment, inclusion)
			},
			Status::Failed { reason, message, tx } => {
				SettleResponse::failed(network, reason, message, Some(payment.payer.clone()), tx)
			},
			pending => {
				let why = match &pending {
					Status::Retrying { message } => {
						format!(" (the pool refused its batch: {message})")
					},
					_ => String::new(),
				};
				let mut response = SettleResponse::failed(
					network,
					reason::SETTLEMENT_PENDING,
					format!(
						"accepted; still {}{why} when the wait ended: it settles, and settling this \
						 payload again answers its outcome (or call x402_status)",
						pending.name()
					),
					Some(payment.payer.clone()),
					pending.tx(),
				);
				response.status = Some("pending".into());
				response
			},
		}
	}

	/// An accepted payment's status and what it pays, from the engine or, once it has
	/// forgotten it, the chain's receipt.
	pub fn status(&self, id: &PaymentId) -> Option<PaymentStatus> {
		if let Some(known) = self.engine.known(id) {
			let intent = known.payment.intent;
			return Some(PaymentStatus {
				status: known.status,
				payer: intent.payer,
				payee: intent.payee,
				asset: intent.asset,
				amount: intent.amount,
			});
		}
		let receipt = self.chain.receipt(*id).ok()??;
		let inclusion = self.chain.locate(&receipt).ok()??;
		Some(PaymentStatus {
			status: if inclusion.finalized {
				Status::Finalized(inclusion)
			} else {
				Status::InBlock(inclusion)
			},
			payer: receipt.payer,
			payee: receipt.payee,
			asset: receipt.asset,
			amount: receipt.amount,
		})
	}
}

fn with_payer(mut refusal: Refusal, payment: &Payment) -> Refusal {
	refusal.payer = Some(payment.payer.clone());
	refusal
}

/// The refusal of `payment`, which its payer signed, because another payment holds its nonce.
fn nonce_taken(payment: &Payment, message: &str) -> Refusal {
	Refusal { message: message.into(), ..payment.refusal(IntentError::NonceUsed) }
}

fn duplicate(payment: &Payment) -> Refusal {
	with_payer(
		Refusal::new(
			reason::DUPLICATE_SETTLEMENT,
			"this payment is already being settled, or was settled, for another request: one payment pays for one resource",
		),
		payment,
	)
}

fn identifier_conflict(payment: &Payment) -> Refusal {
	with_payer(
		Refusal::new(
			reason::PAYMENT_IDENTIFIER_CONFLICT,
			"this payment-identifier id already names a different payment",
		),
		payment,
	)
}

fn success(network: &str, payment: &Payment, inclusion: Inclusion) -> SettleResponse {
	SettleResponse {
		success: true,
		error_reason: None,
		error_message: None,
		payer: Some(payment.payer.clone()),
		transaction: format!("{:?}", inclusion.tx),
		network: network.into(),
		amount: Some(payment.intent.amount.to_string()),
		status: Some(if inclusion.finalized { "finalized" } else { "inBlock" }.into()),
		extra: None,
	}
}
