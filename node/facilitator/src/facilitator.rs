//! The facilitator's operations, shared by its HTTP API and its JSON-RPC.

use crate::{
	chain::{Chain, Inclusion},
	engine::{Engine, Status},
	metrics::Metrics,
	payment::{self, intent_refusal, reason, Networks, Payment, Refusal},
	store::Store,
	wire::{FacilitatorRequest, SettleResponse, SupportedKind, SupportedResponse, VerifyResponse, SCHEME_EXACT, X402_VERSION},
};
use agentchain_primitives::x402::{IntentError, PaymentId};
use polkadot_sdk::sp_core::crypto::Ss58Codec;
use std::{collections::BTreeMap, sync::Arc, time::{Duration, Instant}};
use tokio::sync::{watch, Semaphore};

/// How the facilitator runs.
#[derive(Debug, Clone)]
pub struct Config {
	/// Longest a settle waits for its payment to be in a block.
	pub inclusion_timeout: Duration,
	/// Longest a settle that asked for finality waits for it.
	pub finality_timeout: Duration,
}

impl Default for Config {
	fn default() -> Self {
		Self { inclusion_timeout: Duration::from_secs(12), finality_timeout: Duration::from_secs(30) }
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
	/// Bounds the runtime-API dry runs in flight to the machine's cores: they are CPU-bound,
	/// and more at once would only take time from block authoring and import.
	dry_runs: Semaphore,
}

impl<C: Chain> Facilitator<C> {
	/// A facilitator over `chain`; payments accepted before a restart are read back from
	/// `store` and queued again if they would still settle.
	pub fn new(chain: Arc<C>, mut store: Option<Store>, metrics: Option<Metrics>, config: Config) -> Arc<Self> {
		let pending = store.as_mut().map(Store::take_pending).unwrap_or_default();
		let engine = Engine::new(chain.clone(), store, metrics.clone());
		let networks = Networks::new(chain.genesis_hash());
		if !pending.is_empty() {
			log::info!(target: "x402", "{} payments accepted before the restart are pending again", pending.len());
		}
		for payment in pending {
			match chain.verify(&payment.intent, &payment.signature) {
				Ok(Ok(_)) => engine.restore(payment),
				outcome => {
					log::warn!(
						target: "x402",
						"payment {:?} from before the restart will not settle: {outcome:?}",
						payment.id()
					);
					engine.discard(payment.id());
				},
			}
		}
		let cores = std::thread::available_parallelism().map_or(2, usize::from);
		Arc::new(Self { chain, networks, engine, metrics, config, dry_runs: Semaphore::new(cores) })
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

	/// Counts an answer to `call` in the metrics.
	pub(crate) fn count(&self, call: &str, outcome: &str, started: Instant) {
		if let Some(metrics) = &self.metrics {
			metrics.requests.with_label_values(&[call, outcome]).inc();
			metrics.latency.with_label_values(&[call]).observe(started.elapsed().as_secs_f64());
		}
	}

	/// The payment kinds this facilitator settles, and its signer.
	pub fn supported(&self) -> SupportedResponse {
		let kind = |network: &str| SupportedKind {
			x402_version: X402_VERSION,
			scheme: SCHEME_EXACT.into(),
			network: network.into(),
			extra: None,
		};
		let mut signers = BTreeMap::new();
		if let Some(signer) = self.chain.signer() {
			signers.insert("polkadot:*".to_owned(), vec![signer.to_ss58check()]);
			let address = agentchain_primitives::x402::evm_address::address_of(signer.as_ref());
			signers.insert("eip155:*".to_owned(), vec![format!("{address:?}")]);
		}
		SupportedResponse {
			kinds: vec![kind(&self.networks.evm), kind(&self.networks.native)],
			extensions: Vec::new(),
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
		let verified = self
			.dry_run(move |this| payment::verify(&*this.chain, &this.networks, &request))
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

	/// Accepts a payment for settlement without waiting; returns its payment id. The same
	/// payment accepted twice is one payment.
	pub async fn submit(self: &Arc<Self>, request: FacilitatorRequest) -> Result<PaymentId, Refusal> {
		self.accept(request).await.map(|(payment, _)| payment.id())
	}

	/// The payment, and its status receiver once accepted. A payment the engine already
	/// tracks is not verified again: it is the same payment.
	async fn accept(self: &Arc<Self>, request: FacilitatorRequest) -> Result<(Payment, Accepted), Refusal> {
		self.dry_run(move |this| this.accept_now(&request))
			.await
			.unwrap_or_else(|| Err(Refusal::new(reason::UNEXPECTED_SETTLE, "the dry run failed")))
	}

	fn accept_now(&self, request: &FacilitatorRequest) -> Result<(Payment, Accepted), Refusal> {
		let payment = payment::parse(&*self.chain, &self.networks, request)?;
		if let Some(status) = self.engine.watch(&payment.id()) {
			if !matches!(*status.borrow(), Status::Failed { .. }) {
				return Ok((payment, Accepted::Tracked(status)));
			}
		}
		match self.chain.verify(&payment.intent, &payment.signature) {
			Ok(Ok(_)) => {
				let status = self.engine.accept(payment.clone());
				Ok((payment, Accepted::Tracked(status)))
			},
			Ok(Err(IntentError::NonceUsed)) => match self.settled_on_chain(&payment) {
				Some(inclusion) => Ok((payment, Accepted::OnChain(inclusion))),
				None => Err(with_payer(intent_refusal(IntentError::NonceUsed), &payment)),
			},
			Ok(Err(error)) => Err(with_payer(intent_refusal(error), &payment)),
			Err(error) => Err(with_payer(Refusal::new(reason::UNEXPECTED_SETTLE, error.0), &payment)),
		}
	}

	/// Where this very payment was settled before (by us before a restart, or by anyone).
	fn settled_on_chain(&self, payment: &Payment) -> Option<Inclusion> {
		let receipt = self.chain.receipt(payment.id()).ok()??;
		let intent = &payment.intent;
		let same = receipt.payer == intent.payer && receipt.payee == intent.payee && receipt.amount == intent.amount;
		same.then(|| self.chain.locate(&receipt).ok().flatten()).flatten()
	}

	/// `/settle`: settles the payment and waits for `wait`, within the configured bound.
	pub async fn settle(self: &Arc<Self>, request: FacilitatorRequest, wait: Wait) -> SettleResponse {
		let started = Instant::now();
		let network = request.payment_requirements.network.clone();
		let response = match self.accept(request).await {
			Err(refusal) => SettleResponse::failed(&network, refusal.reason, refusal.message, refusal.payer, None),
			Ok((payment, Accepted::OnChain(inclusion))) => success(&network, &payment, inclusion),
			Ok((payment, Accepted::Tracked(status))) => self.wait(&network, &payment, status, wait).await,
		};
		let outcome = match (&response.error_reason, response.success) {
			(_, true) => "settled",
			(Some(reason), false) => reason.as_str(),
			(None, false) => "failed",
		};
		self.count("settle", outcome, started);
		response
	}

	async fn wait(&self, network: &str, payment: &Payment, mut status: watch::Receiver<Status>, wait: Wait) -> SettleResponse {
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
			Status::InBlock(inclusion) | Status::Finalized(inclusion) if finished =>
				success(network, payment, inclusion),
			Status::Failed { reason, message, tx } =>
				SettleResponse::failed(network, reason, message, Some(payment.payer.clone()), tx),
			pending => {
				let why = match &pending {
					Status::Retrying { message } => format!(" (the pool refused its batch: {message})"),
					_ => String::new(),
				};
				let mut response = SettleResponse::failed(
					network,
					reason::SETTLEMENT_PENDING,
					format!(
						"accepted; still {}{why} when the wait ended: ask again, or call x402_status",
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

	/// An accepted payment's status, from the engine or, once it has forgotten it, the chain.
	pub fn status(&self, id: &PaymentId) -> Option<Status> {
		if let Some(status) = self.engine.watch(id) {
			return Some(status.borrow().clone());
		}
		let receipt = self.chain.receipt(*id).ok()??;
		let inclusion = self.chain.locate(&receipt).ok()??;
		Some(if inclusion.finalized { Status::Finalized(inclusion) } else { Status::InBlock(inclusion) })
	}
}

enum Accepted {
	Tracked(watch::Receiver<Status>),
	OnChain(Inclusion),
}

fn with_payer(mut refusal: Refusal, payment: &Payment) -> Refusal {
	refusal.payer = Some(payment.payer.clone());
	refusal
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
	}
}

