//! The JSON-RPC calls integration tests make, over one WebSocket connection.

use std::time::{Duration, Instant};

use agentchain_primitives::{stablecoin, AccountId, AssetId, Balance, BlockNumber, Hash, Nonce};
use agentchain_runtime::Runtime;
use codec::{Decode, Encode};
use jsonrpsee::{
	core::client::{ClientT, Subscription, SubscriptionClientT},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use polkadot_sdk::{frame_system, pallet_assets, pallet_balances, sp_core::Bytes};
use serde_json::Value;

use crate::Result;

/// A JSON-RPC client of one node.
pub struct Rpc {
	client: WsClient,
}

/// Where a submitted extrinsic ended up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TxOutcome {
	/// The block that included it.
	pub in_block: Option<Hash>,
	/// The finalized block that included it.
	pub finalized: Hash,
}

impl Rpc {
	/// Connects to a node's WebSocket endpoint.
	pub async fn connect(url: &str) -> Result<Rpc> {
		let client = WsClientBuilder::default()
			.request_timeout(Duration::from_secs(30))
			.build(url)
			.await?;
		Ok(Rpc { client })
	}

	/// The underlying client, for calls the harness does not wrap.
	pub fn client(&self) -> &WsClient {
		&self.client
	}

	/// `system_health`.
	pub async fn health(&self) -> Result<Value> {
		Ok(self.client.request("system_health", rpc_params![]).await?)
	}

	/// The genesis block hash.
	pub async fn genesis_hash(&self) -> Result<Hash> {
		Ok(self.client.request("chain_getBlockHash", rpc_params![0]).await?)
	}

	/// The number of the best block.
	pub async fn best_number(&self) -> Result<BlockNumber> {
		let header: Value = self.client.request("chain_getHeader", rpc_params![]).await?;
		header_number(&header)
	}

	/// The number of the last finalized block.
	pub async fn finalized_number(&self) -> Result<BlockNumber> {
		let hash: Hash = self.client.request("chain_getFinalizedHead", rpc_params![]).await?;
		let header: Value = self.client.request("chain_getHeader", rpc_params![hash]).await?;
		header_number(&header)
	}

	/// Waits until the best block is at least `number`; returns the best block number.
	pub async fn wait_for_best(
		&self,
		number: BlockNumber,
		timeout: Duration,
	) -> Result<BlockNumber> {
		self.poll_until(timeout, "best block", number, || self.best_number()).await
	}

	/// Waits until the finalized block is at least `number`; returns its number.
	pub async fn wait_for_finalized(
		&self,
		number: BlockNumber,
		timeout: Duration,
	) -> Result<BlockNumber> {
		self.poll_until(timeout, "finalized block", number, || self.finalized_number())
			.await
	}

	async fn poll_until<F, Fut>(
		&self,
		timeout: Duration,
		what: &str,
		target: BlockNumber,
		current: F,
	) -> Result<BlockNumber>
	where
		F: Fn() -> Fut,
		Fut: std::future::Future<Output = Result<BlockNumber>>,
	{
		let deadline = Instant::now() + timeout;
		loop {
			let now = current().await?;
			if now >= target {
				return Ok(now);
			}
			if Instant::now() > deadline {
				return Err(format!("{what} stayed at {now} < {target} for {timeout:?}").into());
			}
			tokio::time::sleep(Duration::from_millis(200)).await;
		}
	}

	/// The next nonce of `account`, counting extrinsics in the pool.
	pub async fn account_nonce(&self, account: &AccountId) -> Result<Nonce> {
		Ok(self
			.client
			.request("system_accountNextIndex", rpc_params![account.to_string()])
			.await?)
	}

	/// The raw value under a storage key, at `at` or the best block.
	pub async fn storage(&self, key: &[u8], at: Option<Hash>) -> Result<Option<Vec<u8>>> {
		let value: Option<Bytes> = self
			.client
			.request("state_getStorage", rpc_params![Bytes(key.to_vec()), at])
			.await?;
		Ok(value.map(|b| b.0))
	}

	/// `account`'s balance of `asset`, at `at` or the best block.
	pub async fn asset_balance(
		&self,
		asset: AssetId,
		account: &AccountId,
		at: Option<Hash>,
	) -> Result<Balance> {
		let key = pallet_assets::Account::<Runtime>::hashed_key_for(asset, account);
		let Some(raw) = self.storage(&key, at).await? else { return Ok(0) };
		let entry = pallet_assets::AssetAccountOf::<Runtime, ()>::decode(&mut &raw[..])?;
		Ok(entry.balance)
	}

	/// `account`'s free native balance at the best block (what pays its fees).
	pub async fn native_balance(&self, account: &AccountId) -> Result<Balance> {
		let key = frame_system::Account::<Runtime>::hashed_key_for(account);
		let Some(raw) = self.storage(&key, None).await? else { return Ok(0) };
		let info =
			frame_system::AccountInfo::<Nonce, pallet_balances::AccountData<Balance>>::decode(
				&mut &raw[..],
			)?;
		Ok(info.data.free)
	}

	/// `account`'s stablecoin balance, at `at` or the best block.
	pub async fn stablecoin_balance(
		&self,
		account: &AccountId,
		at: Option<Hash>,
	) -> Result<Balance> {
		self.asset_balance(stablecoin::ASSET_ID, account, at).await
	}

	/// Submits an encoded extrinsic and follows it until it is finalized. Fails when the pool
	/// rejects it, drops it, or it is not finalized within `timeout`.
	pub async fn submit_and_watch(&self, xt: &impl Encode, timeout: Duration) -> Result<TxOutcome> {
		let mut sub: Subscription<Value> = self
			.client
			.subscribe(
				"author_submitAndWatchExtrinsic",
				rpc_params![Bytes(xt.encode())],
				"author_unwatchExtrinsic",
			)
			.await?;
		let mut in_block = None;
		let deadline = tokio::time::Instant::now() + timeout;
		loop {
			let status = tokio::time::timeout_at(deadline, sub.next())
				.await
				.map_err(|_| format!("extrinsic not finalized within {timeout:?}"))?
				.ok_or("the node closed the extrinsic subscription")??;
			if let Some(hash) = status.get("inBlock") {
				in_block = Some(serde_json::from_value(hash.clone())?);
			} else if let Some(hash) = status.get("finalized") {
				return Ok(TxOutcome {
					in_block,
					finalized: serde_json::from_value(hash.clone())?,
				});
			} else if status.get("invalid").is_some()
				|| status.get("dropped").is_some()
				|| status.get("usurped").is_some()
				|| status.get("finalityTimeout").is_some()
				|| status == Value::String("invalid".into())
				|| status == Value::String("dropped".into())
			{
				return Err(format!("extrinsic failed: {status}").into());
			}
		}
	}
}

impl Rpc {
	/// Signs `call` with `signer`'s next nonce, submits it and waits until it is finalized.
	pub async fn submit(
		&self,
		signer: &polkadot_sdk::sp_core::sr25519::Pair,
		call: agentchain_runtime::RuntimeCall,
		timeout: Duration,
	) -> Result<TxOutcome> {
		use polkadot_sdk::sp_core::Pair;
		let genesis = self.genesis_hash().await?;
		let nonce = self.account_nonce(&signer.public().into()).await?;
		let xt = crate::extrinsic::signed(call, signer, nonce, genesis);
		self.submit_and_watch(&xt, timeout).await
	}

	/// The block, among the best `depth` blocks, that holds the extrinsic with hash `tx`, and
	/// its index there.
	pub async fn find_extrinsic(
		&self,
		tx: Hash,
		depth: BlockNumber,
	) -> Result<Option<(Hash, u32)>> {
		let best = self.best_number().await?;
		for number in (best.saturating_sub(depth)..=best).rev() {
			let hash: Hash = self.client.request("chain_getBlockHash", rpc_params![number]).await?;
			let block: Value = self.client.request("chain_getBlock", rpc_params![hash]).await?;
			let extrinsics = block["block"]["extrinsics"].as_array().cloned().unwrap_or_default();
			for (index, extrinsic) in extrinsics.iter().enumerate() {
				let bytes: Bytes = serde_json::from_value(extrinsic.clone())?;
				if Hash::from(polkadot_sdk::sp_crypto_hashing::blake2_256(&bytes)) == tx {
					return Ok(Some((hash, index as u32)));
				}
			}
		}
		Ok(None)
	}
}

fn header_number(header: &Value) -> Result<BlockNumber> {
	let hex = header
		.get("number")
		.and_then(Value::as_str)
		.ok_or_else(|| format!("header without a number: {header}"))?;
	Ok(BlockNumber::from_str_radix(hex.trim_start_matches("0x"), 16)?)
}
