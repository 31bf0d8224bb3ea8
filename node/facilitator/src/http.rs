//! The facilitator's HTTP API, as stock x402 resource servers call it:
//! `GET /supported`, `POST /verify`, `POST /settle` (`?wait=finalized` to wait for finality).
//!
//! Business refusals are `200` with `isValid: false` / `success: false` and the reason code (as
//! the reference facilitator answers); a body that is not a request is `400` with the same
//! shape and `invalid_payload`; an oversized body `413`; an unknown path `404`.

use crate::{
	chain::Chain,
	facilitator::{Facilitator, Wait},
	payment::reason,
	wire::{FacilitatorRequest, SettleResponse, VerifyResponse},
};
use axum::{
	body::Bytes,
	extract::{rejection::BytesRejection, DefaultBodyLimit, Query, State},
	http::StatusCode,
	response::{IntoResponse, Response},
	routing::{get, post},
	Json, Router,
};
use serde::Deserialize;
use std::{
	future::Future,
	io,
	sync::Arc,
	time::{Duration, Instant},
};

/// Largest request body accepted, in bytes: a payment is well under 4 KiB.
pub const MAX_BODY: usize = 64 * 1024;

/// Longest any request may take (a settle waits at most its own, shorter, bound).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Deserialize)]
struct SettleQuery {
	wait: Option<String>,
}

/// The server on `listener` (bound by the caller, so that a taken port is reported at start),
/// to be spawned on a tokio runtime; call it from within one.
pub fn serve<C: Chain>(
	facilitator: Arc<Facilitator<C>>,
	listener: std::net::TcpListener,
) -> io::Result<impl Future<Output = ()> + Send> {
	listener.set_nonblocking(true)?;
	let listener = tokio::net::TcpListener::from_std(listener)?;
	let router = Router::new()
		.route("/supported", get(supported::<C>))
		.route("/verify", post(verify::<C>))
		.route("/settle", post(settle::<C>))
		.fallback(not_found)
		.layer(DefaultBodyLimit::max(MAX_BODY))
		.with_state(facilitator);
	let server = async move {
		if let Err(error) = axum::serve(listener, router).await {
			log::error!(target: "x402", "the facilitator's HTTP server stopped: {error}");
		}
	};
	Ok(server)
}

async fn supported<C: Chain>(State(facilitator): State<Arc<Facilitator<C>>>) -> Response {
	Json(facilitator.supported()).into_response()
}

/// The request in `body`, or the response that refuses it.
fn parse_request(body: Result<Bytes, BytesRejection>) -> Result<FacilitatorRequest, (StatusCode, String)> {
	let body = body.map_err(|rejection| (rejection.status(), rejection.body_text()))?;
	serde_json::from_slice(&body).map_err(|e| (StatusCode::BAD_REQUEST, format!("not an x402 facilitator request: {e}")))
}

async fn verify<C: Chain>(
	State(facilitator): State<Arc<Facilitator<C>>>,
	body: Result<Bytes, BytesRejection>,
) -> Response {
	let started = Instant::now();
	match parse_request(body) {
		Ok(request) => Json(facilitator.verify(request).await).into_response(),
		Err((status, message)) => {
			facilitator.count("verify", reason::INVALID_PAYLOAD, started);
			let response = VerifyResponse::refused(reason::INVALID_PAYLOAD, message, None);
			(status, Json(response)).into_response()
		},
	}
}

async fn settle<C: Chain>(
	State(facilitator): State<Arc<Facilitator<C>>>,
	query: Option<Query<SettleQuery>>,
	body: Result<Bytes, BytesRejection>,
) -> Response {
	let started = Instant::now();
	let refuse = |status: StatusCode, network: String, message: String| {
		facilitator.count("settle", reason::INVALID_PAYLOAD, started);
		let response = SettleResponse::failed(&network, reason::INVALID_PAYLOAD, message, None, None);
		(status, Json(response)).into_response()
	};
	let request = match parse_request(body) {
		Ok(request) => request,
		Err((status, message)) => return refuse(status, String::new(), message),
	};
	let Some(wait) = Wait::parse(query.as_ref().and_then(|q| q.wait.as_deref())) else {
		let network = request.payment_requirements.network.clone();
		return refuse(StatusCode::BAD_REQUEST, network, "`wait` is `inBlock` or `finalized`".into());
	};
	match tokio::time::timeout(REQUEST_TIMEOUT, facilitator.settle(request, wait)).await {
		Ok(response) => Json(response).into_response(),
		Err(_) => StatusCode::GATEWAY_TIMEOUT.into_response(),
	}
}

async fn not_found() -> Response {
	(StatusCode::NOT_FOUND, "x402 facilitator: GET /supported, POST /verify, POST /settle").into_response()
}
