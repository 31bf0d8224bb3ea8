//! The node's built-in x402 facilitator.
//!
//! An x402 resource server asks a facilitator to verify a client's signed payment and to settle
//! it. This one lives inside the node: it verifies with the runtime's own dry run at the best
//! block ([`Chain::verify`]) and settles by putting `x402.settle_batch` extrinsics, signed with
//! the facilitator's key, into the node's own transaction pool. What it needs from the node is
//! the [`Chain`] trait; the node implements it over its client, pool and keystore.
//!
//! - [`wire`]: the x402 v2 JSON it speaks, field for field;
//! - [`payment`]: a payment payload and its requirements turned into an intent, with the
//!   protocol's reason codes for everything that does not match;
//! - [`permit2`]: the same for Permit2 permits (`exact` through Permit2, and `upto`);
//! - [`channels`]: the `batch-settlement` scheme: vouchers verified off-chain, deposits,
//!   claims, the sweep and refunds submitted as the x402 pallet's channel calls;
//! - [`engine`]: the queue, the batches, and each accepted payment's status until it is final;
//! - [`endpoints`]: spending mandates' endpoint lists applied to the resource paid for;
//! - [`identifier`]: the `payment-identifier` extension's ids, so a client's retry pays once;
//! - [`http`]: `GET /supported`, `POST /verify`, `POST /settle`;
//! - [`rpc`]: the same over JSON-RPC for agents, plus submit, status, statements and a
//!   subscription;
//! - [`metrics`]: Prometheus counters and histograms.

pub mod chain;
pub mod channels;
pub mod endpoints;
pub mod engine;
pub mod facilitator;
pub mod http;
pub mod identifier;
pub mod metrics;
pub mod payment;
pub mod permit2;
pub mod rpc;
pub mod store;
pub mod wire;

pub use chain::{Chain, ChainError, Inclusion, TxEvent};
pub use facilitator::{Config, Facilitator, Wait};
