//! Tests, split by concern.

mod batch;
mod cancel;
mod eip712;
mod fuzz;
mod pruning;
mod statement;
mod transfer;
