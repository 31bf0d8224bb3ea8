//! Tests, split by concern.

mod batch;
mod batch_funds;
mod binding;
mod cancel;
mod channels;
mod eip712;
mod fuzz;
mod nonce_lifetime;
mod permit2;
mod pruning;
mod registration;
mod statement;
mod transfer;
