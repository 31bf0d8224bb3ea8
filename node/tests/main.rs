//! The integration tests: each module starts real node processes (and, where it says so, the
//! stock x402 npm packages) and checks one concern. One binary, so a cold build links it once;
//! run one concern with `cargo test --release -p agentchain-node --test integration <module>::`.

mod abuse;
mod agents;
mod channels;
mod cli_errors;
mod dev_chain;
mod eth_rpc;
mod facilitator;
mod integrity;
mod mandates;
mod permit2;
mod upgrade;
mod x402;
