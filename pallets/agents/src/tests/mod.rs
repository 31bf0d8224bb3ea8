//! Tests by concern, against the mock runtime with the real pallet-x402 settling payments.

mod deposits;
mod feedback;
mod history;
mod identity;
mod summary;
mod validation;
mod wallet;
