//! A harness for integration tests against a real `agentchain-node` process.
//!
//! [`Node`] starts the binary on free loopback ports in a temporary base path, waits until its
//! JSON-RPC answers and stops it with SIGINT, checking that it exits cleanly. [`Rpc`] wraps the
//! JSON-RPC calls tests need, and [`extrinsic`] signs calls with the runtime's own types, so a
//! test submits exactly what a wallet would.
//!
//! ```ignore
//! let node = Node::dev(env!("CARGO_BIN_EXE_agentchain-node")).await?;
//! let rpc = node.rpc().await?;
//! rpc.wait_for_finalized(3, Duration::from_secs(60)).await?;
//! node.stop()?;
//! ```

pub mod channels;
pub mod evm;
pub mod exact;
pub mod extrinsic;
pub mod http;
pub mod native;
mod node;
pub mod payments;
pub mod permit2;
mod rpc;
mod x402;

pub use node::{free_port, Node, NodeOptions};
pub use rpc::{Rpc, TxOutcome};

/// What a harness call failed with, in words a test failure can show.
pub type Error = Box<dyn std::error::Error + Send + Sync>;
/// A harness result.
pub type Result<T> = std::result::Result<T, Error>;
