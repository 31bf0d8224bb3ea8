//! JSON-RPC for agents and servers, merged into the node's RPC: the facilitator's calls plus
//! queuing without waiting, status, statements and a subscription to a payee's settlements.
//!
//! Refusals of a payment are answers (`isValid: false`, `success: false`), as over HTTP;
//! errors are for calls that cannot be answered, with stable codes ([`codes`]).
//!
//! `x402_settle` and `x402_submit` spend the facilitator's fees, so they are unsafe methods in
//! Substrate's sense: a node serving RPC beyond localhost (`--rpc-external`) refuses them unless
//! its operator allows unsafe methods (`--rpc-methods unsafe`). Calls that read the chain run on
//! the blocking pool (`blocking`), not on the RPC server's async workers.

use crate::{
	chain::Chain,
	engine::Status,
	facilitator::{Facilitator, PaymentStatus, Wait},
	payment::parse_account,
	wire::{FacilitatorRequest, SettleResponse, SupportedResponse, VerifyResponse},
};
use agentchain_primitives::{AssetId, BlockNumber};
use jsonrpsee::{
	core::{async_trait, RpcResult, SubscriptionResult},
	proc_macros::rpc,
	types::ErrorObjectOwned,
	Extensions, PendingSubscriptionSink, SubscriptionMessage,
};
use polkadot_sdk::{
	sc_rpc_api::DenyUnsafe,
	sp_core::{crypto::Ss58Codec, H256},
};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The error codes of the `x402_*` methods.
pub mod codes {
	/// The payment was refused; `data` has `reason` (the x402 reason code) and `message`.
	pub const PAYMENT_REFUSED: i32 = 4020;
	/// No payment with this id is known to the facilitator or the chain.
	pub const UNKNOWN_PAYMENT: i32 = 4021;
	/// A parameter is malformed (an account, a `wait` value).
	pub const INVALID_PARAMS: i32 = 4022;
	/// The node could not answer (a runtime API call failed).
	pub const CHAIN: i32 = 4023;
}

fn error(
	code: i32,
	message: impl Into<String>,
	data: Option<serde_json::Value>,
) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code, message.into(), data)
}

/// A payment's status and what it pays: the status is always that of this payer's, payee's
/// and amount's signed intent, the one payment its payment id (payer and nonce) can be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentView {
	pub payer: String,
	pub payee: String,
	pub asset: AssetId,
	pub amount: String,
	#[serde(flatten)]
	pub status: StatusView,
}

impl From<&PaymentStatus> for PaymentView {
	fn from(payment: &PaymentStatus) -> Self {
		PaymentView {
			payer: payment.payer.to_ss58check(),
			payee: payment.payee.to_ss58check(),
			asset: payment.asset,
			amount: payment.amount.to_string(),
			status: StatusView::from(&payment.status),
		}
	}
}

/// Where a payment stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusView {
	/// `queued`, `retrying`, `submitted`, `inBlock`, `finalized` or `failed`.
	pub status: String,
	#[serde(skip_serializing_if = "Option::is_none")]
	pub transaction: Option<H256>,
	#[serde(skip_serializing_if = "Option::is_none")]
	pub block: Option<H256>,
	#[serde(skip_serializing_if = "Option::is_none")]
	pub block_number: Option<BlockNumber>,
	#[serde(skip_serializing_if = "Option::is_none")]
	pub reason: Option<String>,
	#[serde(skip_serializing_if = "Option::is_none")]
	pub message: Option<String>,
}

impl From<&Status> for StatusView {
	fn from(status: &Status) -> Self {
		let mut view = StatusView {
			status: status.name().into(),
			transaction: status.tx(),
			block: None,
			block_number: None,
			reason: None,
			message: None,
		};
		match status {
			Status::InBlock(inclusion) | Status::Finalized(inclusion) => {
				view.block = Some(inclusion.block);
				view.block_number = Some(inclusion.number);
			},
			Status::Failed { reason, message, .. } => {
				view.reason = Some((*reason).into());
				view.message = Some(message.clone());
			},
			Status::Retrying { message } => view.message = Some(message.clone()),
			Status::Queued | Status::Submitted { .. } => {},
		}
		view
	}
}

/// What a payee's subscription sends: a settlement, or word that the subscriber fell behind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SettlementEvent {
	Settlement(SettlementNotice),
	Lagged(LaggedNotice),
}

/// The subscriber read too slowly and missed `missed` notices (of all payees'): it should
/// reconcile with `x402_statement` or `x402_status`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LaggedNotice {
	pub lagged: u64,
	pub message: String,
}

/// A settlement to a subscribed payee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SettlementNotice {
	pub payment_id: H256,
	pub payer: String,
	pub amount: String,
	pub asset: AssetId,
	#[serde(flatten)]
	pub status: StatusView,
}

/// A payee's reconciliation view over a block range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementView {
	/// Closed statements overlapping the range.
	pub closed: Vec<ClosedStatement>,
	/// Open receipts in the range (at most 1000 listed).
	pub open: Vec<OpenReceipt>,
	pub open_count: u32,
	pub open_total: String,
	/// Set when the range held more than one report reads: ask again from this block.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub resume_from: Option<BlockNumber>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClosedStatement {
	pub index: u32,
	pub from_block: BlockNumber,
	pub to_block: BlockNumber,
	pub count: u32,
	pub total: String,
	pub commitment: H256,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenReceipt {
	pub payment_id: H256,
	pub payer: String,
	pub amount: String,
	pub block: BlockNumber,
	#[serde(skip_serializing_if = "Option::is_none")]
	pub reference: Option<String>,
}

#[rpc(server, namespace = "x402")]
pub trait X402Api {
	/// The payment kinds the node's facilitator settles.
	#[method(name = "supported")]
	fn supported(&self) -> RpcResult<SupportedResponse>;

	/// Whether a payment would settle now (the body of `POST /verify`).
	#[method(name = "verify")]
	async fn verify(&self, request: FacilitatorRequest) -> RpcResult<VerifyResponse>;

	/// Settles a payment and waits for `wait` (`inBlock`, the default, or `finalized`). Unsafe.
	#[method(name = "settle", with_extensions)]
	async fn settle(
		&self,
		request: FacilitatorRequest,
		wait: Option<String>,
	) -> RpcResult<SettleResponse>;

	/// Queues a payment and returns its payment id once it is on disk. Unsafe.
	#[method(name = "submit", with_extensions)]
	async fn submit(&self, request: FacilitatorRequest) -> RpcResult<H256>;

	/// Where a payment stands, and what it pays.
	#[method(name = "status", blocking)]
	fn status(&self, payment_id: H256) -> RpcResult<PaymentView>;

	/// A payee's statements and open receipts in `asset` between two blocks (inclusive).
	#[method(name = "statement", blocking)]
	fn statement(
		&self,
		payee: String,
		asset: AssetId,
		from: BlockNumber,
		to: BlockNumber,
	) -> RpcResult<StatementView>;

	/// The payee's payments as they reach a block and finality.
	#[subscription(name = "subscribeSettlements" => "settlement", unsubscribe = "unsubscribeSettlements", item = SettlementEvent)]
	async fn subscribe_settlements(&self, payee: String) -> SubscriptionResult;
}

/// Fails unless the server lets this connection call unsafe methods. Without the server's
/// policy (a server other than Substrate's) they are refused too.
fn allowed_to_spend_fees(extensions: &Extensions) -> RpcResult<()> {
	match extensions.get::<DenyUnsafe>() {
		Some(DenyUnsafe::No) => Ok(()),
		Some(DenyUnsafe::Yes) | None => Err(ErrorObjectOwned::owned(
			jsonrpsee::types::error::ErrorCode::MethodNotFound.code(),
			"RPC call is unsafe to be called externally: it spends the facilitator's fees (allow \
			 it with --rpc-methods unsafe)",
			None::<()>,
		)),
	}
}

/// The `x402_*` methods over a facilitator.
pub struct X402Rpc<C> {
	facilitator: Arc<Facilitator<C>>,
}

impl<C> X402Rpc<C> {
	pub fn new(facilitator: Arc<Facilitator<C>>) -> Self {
		Self { facilitator }
	}
}

#[async_trait]
impl<C: Chain> X402ApiServer for X402Rpc<C> {
	fn supported(&self) -> RpcResult<SupportedResponse> {
		Ok(self.facilitator.supported())
	}

	async fn verify(&self, request: FacilitatorRequest) -> RpcResult<VerifyResponse> {
		Ok(self.facilitator.verify(request).await)
	}

	async fn settle(
		&self,
		extensions: &Extensions,
		request: FacilitatorRequest,
		wait: Option<String>,
	) -> RpcResult<SettleResponse> {
		allowed_to_spend_fees(extensions)?;
		let wait = Wait::parse(wait.as_deref()).ok_or_else(|| {
			error(codes::INVALID_PARAMS, "`wait` is `inBlock` or `finalized`", None)
		})?;
		// JSON-RPC carries no resource server's credential: channel refunds go through HTTP.
		Ok(self.facilitator.settle(request, wait, None).await)
	}

	async fn submit(
		&self,
		extensions: &Extensions,
		request: FacilitatorRequest,
	) -> RpcResult<H256> {
		allowed_to_spend_fees(extensions)?;
		self.facilitator.submit(request).await.map_err(|refusal| {
			let data = serde_json::json!({ "reason": refusal.reason, "message": refusal.message, "payer": refusal.payer });
			error(codes::PAYMENT_REFUSED, format!("payment refused: {}", refusal.reason), Some(data))
		})
	}

	fn status(&self, payment_id: H256) -> RpcResult<PaymentView> {
		self.facilitator
			.status(&payment_id)
			.map(|status| PaymentView::from(&status))
			.ok_or_else(|| error(codes::UNKNOWN_PAYMENT, "unknown payment", None))
	}

	fn statement(
		&self,
		payee: String,
		asset: AssetId,
		from: BlockNumber,
		to: BlockNumber,
	) -> RpcResult<StatementView> {
		let payee = parse_account(&payee).ok_or_else(|| {
			error(codes::INVALID_PARAMS, "`payee` is not an account (SS58 or 32-byte hex)", None)
		})?;
		let report = self
			.facilitator
			.chain()
			.statement(payee, asset, from, to)
			.map_err(|e| error(codes::CHAIN, e.0, None))?;
		Ok(StatementView {
			closed: report
				.closed
				.into_iter()
				.map(|(index, s)| ClosedStatement {
					index,
					from_block: s.from_block,
					to_block: s.to_block,
					count: s.count,
					total: s.total.to_string(),
					commitment: s.commitment,
				})
				.collect(),
			open: report
				.open
				.into_iter()
				.map(|(payment_id, r)| OpenReceipt {
					payment_id,
					payer: r.payer.to_ss58check(),
					amount: r.amount.to_string(),
					block: r.block,
					reference: r.reference.map(|bytes| format!("0x{}", hex::encode(bytes))),
				})
				.collect(),
			open_count: report.open_count,
			open_total: report.open_total.to_string(),
			resume_from: report.resume_from,
		})
	}

	async fn subscribe_settlements(
		&self,
		pending: PendingSubscriptionSink,
		payee: String,
	) -> SubscriptionResult {
		let Some(payee) = parse_account(&payee) else {
			pending
				.reject(error(
					codes::INVALID_PARAMS,
					"`payee` is not an account (SS58 or 32-byte hex)",
					None,
				))
				.await;
			return Ok(());
		};
		let mut settled = self.facilitator.engine().subscribe();
		let sink = pending.accept().await?;
		loop {
			tokio::select! {
				_ = sink.closed() => return Ok(()),
				next = settled.recv() => match next {
					Ok(event) if event.payment.intent.payee == payee => {
						let notice = SettlementEvent::Settlement(SettlementNotice {
							payment_id: event.payment.id(),
							payer: event.payment.payer.clone(),
							amount: event.payment.intent.amount.to_string(),
							asset: event.payment.intent.asset,
							status: StatusView::from(&event.status),
						});
						sink.send(SubscriptionMessage::from_json(&notice)?).await?;
					},
					Ok(_) => {},
					Err(tokio::sync::broadcast::error::RecvError::Lagged(missed)) => {
						let notice = SettlementEvent::Lagged(LaggedNotice {
							lagged: missed,
							message: "settlements were missed: reconcile with x402_statement".into(),
						});
						sink.send(SubscriptionMessage::from_json(&notice)?).await?;
					},
					Err(tokio::sync::broadcast::error::RecvError::Closed) => return Ok(()),
				},
			}
		}
	}
}
