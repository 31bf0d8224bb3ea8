//! The payment load of the zombienet fault test (`zombienet/faults.zndsl`), and its verdict.
//!
//! `zombienet_payer run <facilitator url> <rpc url> <dir>` funds four EVM payers from Alice and
//! pays Bob through the facilitator's `POST /settle` until it is killed, as a stock client
//! would: a payload whose answer did not come (the node was killed) or was `settlement_pending`
//! is sent again until it is answered. It writes the id of every payment it sent to
//! `<dir>/sent` and of every one answered `success: true` to `<dir>/succeeded`.
//!
//! `zombienet_payer check <rpc url> <dir>`: every payment answered success is finalized, and
//! Bob received exactly one price per payment the chain settled (none twice). Exits non-zero
//! otherwise.

use std::{
	fs::{self, OpenOptions},
	io::Write,
	path::{Path, PathBuf},
	time::Duration,
};

use agentchain_primitives::{Balance, LOCAL_EVM_CHAIN_ID};
use agentchain_test_harness::{
	exact::{self, Authorization},
	http,
	payments::{self, evm_payer},
	Rpc,
};
use jsonrpsee::{core::client::ClientT, rpc_params};
use polkadot_sdk::{
	sp_core::{ecdsa, H256},
	sp_keyring::Sr25519Keyring,
};
use serde_json::Value;

type Error = Box<dyn std::error::Error + Send + Sync>;

const PRICE: Balance = 10_000;
const PAYERS: u32 = 4;

fn payer(index: u32) -> ecdsa::Pair {
	evm_payer(format!("zombienet payer {index}").as_bytes())
}

fn append(path: &Path, line: &str) -> Result<(), Error> {
	let mut file = OpenOptions::new().create(true).append(true).open(path)?;
	file.write_all(format!("{line}\n").as_bytes())?;
	file.sync_data()?;
	Ok(())
}

fn ids(path: &Path) -> Vec<H256> {
	fs::read_to_string(path)
		.unwrap_or_default()
		.lines()
		.filter_map(|line| line.parse().ok())
		.collect()
}

/// Pays from `payer` with nonces from 0 until killed.
fn pay(payer: ecdsa::Pair, index: u32, settle: String, dir: PathBuf) -> Result<(), Error> {
	let bob = Sr25519Keyring::Bob.to_account_id();
	// The fault test runs on the `local` chain.
	let required = exact::requirements_on(LOCAL_EVM_CHAIN_ID, PRICE, exact::address_of(&bob));
	for nonce in 0u64.. {
		let authorization = Authorization::new(PRICE, format!("{index}/{nonce}").as_bytes());
		let id = exact::payment_id(&payer, &authorization);
		let body = authorization.request(&payer, &bob, required.clone()).to_string();
		append(&dir.join("sent"), &format!("{id:?}"))?;
		// The same payload until it is answered: a retry gets the payment's outcome.
		loop {
			match http::post(&settle, &body) {
				Ok((200, text)) => {
					let answer: Value = serde_json::from_str(&text).unwrap_or_default();
					if answer["success"] == true {
						append(&dir.join("succeeded"), &format!("{id:?}"))?;
						break;
					}
					if answer["errorReason"] != "settlement_pending" {
						eprintln!("payment {id:?} refused: {answer}");
						break;
					}
				},
				Ok((status, text)) => eprintln!("payment {id:?}: HTTP {status} {text}"),
				Err(error) => eprintln!("payment {id:?}: {error}; trying again"),
			}
			std::thread::sleep(Duration::from_secs(1));
		}
	}
	Ok(())
}

async fn run(facilitator: &str, rpc_url: &str, dir: &Path) -> Result<(), Error> {
	fs::create_dir_all(dir)?;
	let rpc = Rpc::connect(rpc_url).await?;
	let bob = Sr25519Keyring::Bob.to_account_id();
	fs::write(dir.join("bob_before"), rpc.stablecoin_balance(&bob, None).await?.to_string())?;
	for index in 0..PAYERS {
		payments::fund(&rpc, &payer(index), 10_000 * PRICE).await;
	}
	eprintln!("payers funded; paying");
	let settle = format!("{facilitator}/settle");
	let workers: Vec<_> = (0..PAYERS)
		.map(|index| {
			let (settle, dir) = (settle.clone(), dir.to_owned());
			std::thread::spawn(move || pay(payer(index), index, settle, dir))
		})
		.collect();
	for worker in workers {
		worker.join().map_err(|_| "a payer panicked")??;
	}
	Ok(())
}

async fn check(rpc_url: &str, dir: &Path) -> Result<(), Error> {
	let rpc = Rpc::connect(rpc_url).await?;
	let (sent, succeeded) = (ids(&dir.join("sent")), ids(&dir.join("succeeded")));
	let before: Balance = fs::read_to_string(dir.join("bob_before"))?.trim().parse()?;
	let deadline = tokio::time::Instant::now() + Duration::from_secs(180);
	let status = |id: H256| {
		let rpc = &rpc;
		async move {
			rpc.client()
				.request::<Value, _>("x402_status", rpc_params![id])
				.await
				.map(|status| status["status"].as_str().unwrap_or_default().to_owned())
				.unwrap_or_default()
		}
	};
	for id in &succeeded {
		while status(*id).await != "finalized" {
			if tokio::time::Instant::now() > deadline {
				return Err(
					format!("payment {id:?} was answered success and is not finalized").into()
				);
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}
	let finalized: H256 = rpc.client().request("chain_getFinalizedHead", rpc_params![]).await?;
	let mut settled = 0;
	for id in &sent {
		if status(*id).await == "finalized" {
			settled += 1;
		}
	}
	let received =
		rpc.stablecoin_balance(&Sr25519Keyring::Bob.to_account_id(), Some(finalized))
			.await? - before;
	println!(
		"{} payments sent, {} answered success, {settled} settled; Bob received {received} = {} prices",
		sent.len(),
		succeeded.len(),
		received / PRICE
	);
	if succeeded.is_empty() {
		return Err("no payment was answered success".into());
	}
	if received != settled as Balance * PRICE {
		return Err("Bob's balance does not match the settled payments".into());
	}
	Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Error> {
	let args: Vec<String> = std::env::args().collect();
	let usage =
		"usage: zombienet_payer run <facilitator url> <rpc url> <dir> | check <rpc url> <dir>";
	match args.get(1).map(String::as_str) {
		Some("run") if args.len() == 5 => run(&args[2], &args[3], Path::new(&args[4])).await,
		Some("check") if args.len() == 4 => check(&args[2], Path::new(&args[3])).await,
		_ => Err(usage.into()),
	}
}
