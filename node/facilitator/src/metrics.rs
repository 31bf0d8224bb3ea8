//! Prometheus metrics on the node's endpoint.

use polkadot_sdk::substrate_prometheus_endpoint::{
	exponential_buckets, register, CounterVec, Gauge, Histogram, HistogramOpts, HistogramVec, Opts,
	PrometheusError, Registry, U64,
};

/// The facilitator's metrics.
#[derive(Clone)]
pub struct Metrics {
	/// `/verify` and `/settle` answers (HTTP and JSON-RPC) by call and outcome (`valid`, or the
	/// reason code).
	pub requests: CounterVec<U64>,
	/// Accepted payments by final status (`finalized`, `failed`).
	pub settlements: CounterVec<U64>,
	/// Seconds to answer, by call.
	pub latency: HistogramVec,
	/// Payments waiting for a batch.
	pub queue_depth: Gauge<U64>,
	/// Payments per submitted `settle_batch`.
	pub batch_size: Histogram,
}

impl Metrics {
	pub fn register(registry: &Registry) -> Result<Self, PrometheusError> {
		Ok(Self {
			requests: register(
				CounterVec::new(
					Opts::new(
						"agentchain_x402_requests_total",
						"x402 verify and settle requests by outcome",
					),
					&["call", "outcome"],
				)?,
				registry,
			)?,
			settlements: register(
				CounterVec::new(
					Opts::new(
						"agentchain_x402_settlements_total",
						"Accepted payments by final status",
					),
					&["status"],
				)?,
				registry,
			)?,
			latency: register(
				HistogramVec::new(
					HistogramOpts::new("agentchain_x402_request_seconds", "x402 request latency")
						.buckets(exponential_buckets(0.0005, 2.0, 16)?),
					&["call"],
				)?,
				registry,
			)?,
			queue_depth: register(
				Gauge::new("agentchain_x402_queue_depth", "Payments waiting for a batch")?,
				registry,
			)?,
			batch_size: register(
				Histogram::with_opts(
					HistogramOpts::new("agentchain_x402_batch_size", "Payments per settle_batch")
						.buckets(exponential_buckets(1.0, 2.0, 10)?),
				)?,
				registry,
			)?,
		})
	}
}
