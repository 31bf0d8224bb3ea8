//! The facilitator's HTTP API, as stock x402 resource servers call it:
//! `GET /supported`, `POST /verify`, `POST /settle` (`?wait=finalized` to wait for finality).
//!
//! Business refusals are `200` with `isValid: false` / `success: false` and the reason code (as
//! the reference facilitator answers); refusals that mean "not now" (a full queue, a payer's
//! pending limit) are `429` with the same body; a body that is not a request is `400` with the
//! same shape and `invalid_payload`; an oversized body `413`; an unknown path `404`.
//!
//! The server shares the node's process and file descriptors, so a client cannot hold one for
//! long: headers must arrive within [`HEADER_READ_TIMEOUT`] (idle keep-alive connections close
//! after it too), a whole request takes at most [`REQUEST_TIMEOUT`] (`408` after it), at most
//! [`MAX_CONNECTIONS`] are open at once (more wait in the listen backlog), and one client
//! address holds at most its share of them (more are answered `429` and closed), so that one
//! host cannot take the server from the others. Each client address also makes at most its rate
//! of requests per second (a token bucket, [`ClientLimits`]); a request over it is answered `429`
//! with the reason `rate_limited` before anything of it is checked.

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
use hyper::{server::conn::http1, service::service_fn};
use hyper_util::rt::{TokioIo, TokioTimer};
use serde::Deserialize;
use std::{
	collections::HashMap,
	convert::Infallible,
	future::Future,
	io,
	net::IpAddr,
	sync::Arc,
	time::{Duration, Instant},
};
use tokio::{io::AsyncWriteExt, sync::Semaphore};
use tower::ServiceExt;

/// Largest request body accepted, in bytes: a payment is well under 4 KiB.
pub const MAX_BODY: usize = 64 * 1024;

/// Longest a client may take to send a request's headers, or stay idle between requests.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Longest a whole request may take, its body included (a settle waits at most its own,
/// shorter, bound).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// Most connections open at once.
pub const MAX_CONNECTIONS: usize = 1024;

#[derive(Deserialize)]
struct SettleQuery {
	wait: Option<String>,
}

/// What a client over its connection limit hears before its connection closes.
const TOO_MANY_CONNECTIONS: &[u8] =
	b"HTTP/1.1 429 Too Many Requests\r\nContent-Type: text/plain\r\n\
Content-Length: 47\r\nConnection: close\r\n\r\ntoo many connections from this client address\r\n";

/// What one client address may take of the server.
#[derive(Debug, Clone, Copy)]
pub struct ClientLimits {
	/// Most connections open at once.
	pub connections: usize,
	/// Most requests per second, with a burst of as many; `0` for no limit.
	pub requests_per_second: u32,
}

/// Each client address's request rate.
type RateLimiter = governor::DefaultKeyedRateLimiter<IpAddr>;

/// How often the rate limiter forgets addresses that have been quiet long enough to be like new,
/// so that its table holds only recent clients.
const FORGET_QUIET_CLIENTS: Duration = Duration::from_secs(10);

/// The open connections of each client address.
#[derive(Default)]
struct PerClient {
	open: parking_lot::Mutex<HashMap<IpAddr, usize>>,
}

impl PerClient {
	/// Counts a connection from `ip`, unless it holds `max` already.
	fn open(self: &Arc<Self>, ip: IpAddr, max: usize) -> Option<ClientSlot> {
		let mut open = self.open.lock();
		let count = open.entry(ip).or_default();
		if *count >= max {
			return None;
		}
		*count += 1;
		Some(ClientSlot { clients: self.clone(), ip })
	}
}

/// One open connection of a client address, counted until it is dropped.
struct ClientSlot {
	clients: Arc<PerClient>,
	ip: IpAddr,
}

impl Drop for ClientSlot {
	fn drop(&mut self) {
		let mut open = self.clients.open.lock();
		if let Some(count) = open.get_mut(&self.ip) {
			*count -= 1;
			if *count == 0 {
				open.remove(&self.ip);
			}
		}
	}
}

/// The server on `listener` (bound by the caller, so that a taken port is reported at start),
/// each client address within `limits`, to be spawned on a tokio runtime; call it from within
/// one.
pub fn serve<C: Chain>(
	facilitator: Arc<Facilitator<C>>,
	listener: std::net::TcpListener,
	limits: ClientLimits,
) -> io::Result<impl Future<Output = ()> + Send> {
	listener.set_nonblocking(true)?;
	let listener = tokio::net::TcpListener::from_std(listener)?;
	let router = Router::new()
		.route("/supported", get(supported::<C>))
		.route("/verify", post(verify::<C>))
		.route("/settle", post(settle::<C>))
		.fallback(not_found)
		.layer(DefaultBodyLimit::max(MAX_BODY))
		.with_state(facilitator.clone());
	let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
	let clients = Arc::new(PerClient::default());
	let per_client = limits.connections.max(1);
	let rate = std::num::NonZeroU32::new(limits.requests_per_second)
		.map(|rate| Arc::new(RateLimiter::keyed(governor::Quota::per_second(rate))));
	let server = async move {
		if let Some(rate) = rate.clone() {
			tokio::spawn(async move {
				loop {
					tokio::time::sleep(FORGET_QUIET_CLIENTS).await;
					rate.retain_recent();
					rate.shrink_to_fit();
				}
			});
		}
		loop {
			let Ok(permit) = connections.clone().acquire_owned().await else { return };
			let (mut stream, client) = match listener.accept().await {
				Ok(accepted) => accepted,
				Err(error) => {
					// Mostly out of file descriptors: give open connections time to close.
					log::warn!(target: "x402", "the facilitator cannot accept a connection: {error}");
					tokio::time::sleep(Duration::from_secs(1)).await;
					continue;
				},
			};
			let Some(slot) = clients.open(client.ip(), per_client) else {
				tokio::spawn(async move {
					let answer = stream.write_all(TOO_MANY_CONNECTIONS);
					let _ = tokio::time::timeout(Duration::from_secs(1), answer).await;
					drop(permit);
				});
				continue;
			};
			let (router, rate, facilitator) = (router.clone(), rate.clone(), facilitator.clone());
			tokio::spawn(async move {
				let service = service_fn(move |request: hyper::Request<hyper::body::Incoming>| {
					let over_rate =
						rate.as_ref().is_some_and(|rate| rate.check_key(&client.ip()).is_err());
					let refused =
						over_rate.then(|| rate_limited(&facilitator, request.uri().path()));
					let reply = router.clone().oneshot(request.map(axum::body::Body::new));
					async move {
						match refused {
							Some(refused) => Ok::<_, Infallible>(refused),
							None => Ok(within_request_timeout(reply).await),
						}
					}
				});
				let connection = http1::Builder::new()
					.timer(TokioTimer::new())
					.header_read_timeout(HEADER_READ_TIMEOUT)
					.serve_connection(TokioIo::new(stream), service);
				// A connection's end, timed out or broken by the client, concerns only that client.
				let _ = connection.await;
				drop((slot, permit));
			});
		}
	};
	Ok(server)
}

/// `429` with the reason `rate_limited`, in the shape of the answer to `path`.
fn rate_limited<C: Chain>(facilitator: &Facilitator<C>, path: &str) -> Response {
	let message = "too many requests from this client address; retry in a second".to_string();
	let status = StatusCode::TOO_MANY_REQUESTS;
	let started = Instant::now();
	match path {
		"/verify" => {
			facilitator.count("verify", reason::RATE_LIMITED, started);
			let response = VerifyResponse::refused(reason::RATE_LIMITED, message, None);
			(status, Json(response)).into_response()
		},
		"/settle" => {
			facilitator.count("settle", reason::RATE_LIMITED, started);
			let response = SettleResponse::failed("", reason::RATE_LIMITED, message, None, None);
			(status, Json(response)).into_response()
		},
		_ => (status, message).into_response(),
	}
}

/// The router's `reply`, or `408` once the request has taken [`REQUEST_TIMEOUT`].
async fn within_request_timeout(
	reply: impl Future<Output = Result<Response, Infallible>>,
) -> Response {
	match tokio::time::timeout(REQUEST_TIMEOUT, reply).await {
		Ok(Ok(response)) => response,
		Ok(Err(never)) => match never {},
		Err(_) => {
			(StatusCode::REQUEST_TIMEOUT, format!("the request took over {REQUEST_TIMEOUT:?}"))
				.into_response()
		},
	}
}

async fn supported<C: Chain>(State(facilitator): State<Arc<Facilitator<C>>>) -> Response {
	Json(facilitator.supported()).into_response()
}

/// The request in `body`, or the response that refuses it.
fn parse_request(
	body: Result<Bytes, BytesRejection>,
) -> Result<FacilitatorRequest, (StatusCode, String)> {
	let body = body.map_err(|rejection| (rejection.status(), rejection.body_text()))?;
	serde_json::from_slice(&body)
		.map_err(|e| (StatusCode::BAD_REQUEST, format!("not an x402 facilitator request: {e}")))
}

async fn verify<C: Chain>(
	State(facilitator): State<Arc<Facilitator<C>>>,
	body: Result<Bytes, BytesRejection>,
) -> Response {
	let started = Instant::now();
	match parse_request(body) {
		Ok(request) => {
			let response = facilitator.verify(request).await;
			let status = answer_status(response.invalid_reason.as_deref());
			(status, Json(response)).into_response()
		},
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
	headers: axum::http::HeaderMap,
	body: Result<Bytes, BytesRejection>,
) -> Response {
	let started = Instant::now();
	let refuse = |status: StatusCode, network: String, message: String| {
		facilitator.count("settle", reason::INVALID_PAYLOAD, started);
		let response =
			SettleResponse::failed(&network, reason::INVALID_PAYLOAD, message, None, None);
		(status, Json(response)).into_response()
	};
	let request = match parse_request(body) {
		Ok(request) => request,
		Err((status, message)) => return refuse(status, String::new(), message),
	};
	let Some(wait) = Wait::parse(query.as_ref().and_then(|q| q.wait.as_deref())) else {
		let network = request.payment_requirements.network.clone();
		return refuse(
			StatusCode::BAD_REQUEST,
			network,
			"`wait` is `inBlock` or `finalized`".into(),
		);
	};
	// A resource server's credential for what only its receiver may ask (channel refunds).
	let bearer = headers
		.get(axum::http::header::AUTHORIZATION)
		.and_then(|value| value.to_str().ok())
		.and_then(|value| value.strip_prefix("Bearer "))
		.map(str::to_owned);
	let response = facilitator.settle(request, wait, bearer).await;
	(answer_status(response.error_reason.as_deref()), Json(response)).into_response()
}

/// `429` for a refusal that means "not now", else `200`: refusals are answers.
fn answer_status(reason: Option<&str>) -> StatusCode {
	match reason {
		Some(reason) if reason::is_busy(reason) => StatusCode::TOO_MANY_REQUESTS,
		_ => StatusCode::OK,
	}
}

async fn not_found() -> Response {
	(StatusCode::NOT_FOUND, "x402 facilitator: GET /supported, POST /verify, POST /settle")
		.into_response()
}
