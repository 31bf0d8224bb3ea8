//! The node's side of the built-in x402 facilitator ([`agentchain_facilitator`]): runtime-API
//! reads at the best block, `settle_batch` extrinsics signed with the facilitator key from the
//! keystore, submitted to and followed in the node's own transaction pool.

use std::{
	collections::{BTreeSet, HashMap},
	sync::Arc,
	time::{SystemTime, UNIX_EPOCH},
};

use crate::cli::FacilitatorOptions;
use agentchain_facilitator::{
	http, metrics::Metrics, store::Store, Chain, ChainError, Config, Facilitator, Inclusion,
	TxEvent,
};
use agentchain_primitives::{
	channels::{ChannelCall, ChannelId, ChannelOutcome, ChannelRefusal, ChannelState, ChannelsApi},
	mandates::{Endpoint, MandatedSpend, MandatesApi},
	x402::{
		api::{Committed, StatementReport, X402Api},
		eip712, IntentError, IntentSignature, PaymentId, Purpose, DEV_FACILITATOR_SURI,
		FACILITATOR_KEY_TYPE,
	},
	AccountId, AssetId, Balance, Block, BlockNumber, Nonce,
};
use futures::{stream::BoxStream, StreamExt};
use polkadot_sdk::{
	sc_client_api::BlockBackend,
	sc_transaction_pool_api::{TransactionPool, TransactionSource, TransactionStatus},
	sp_api::{ApiError, ProvideRuntimeApi},
	sp_blockchain::HeaderBackend,
	sp_core::{sr25519, H160, H256},
	sp_keystore::KeystorePtr,
	sp_runtime::{traits::IdentifyAccount, MultiSignature, MultiSigner, OpaqueExtrinsic},
	substrate_frame_rpc_system::AccountNonceApi,
};

/// What [`NodeChain`] needs of the node's client: runtime APIs, headers and bodies.
pub trait ChainClient:
	ProvideRuntimeApi<
		Block,
		Api: X402Api<Block>
		         + ChannelsApi<Block>
		         + MandatesApi<Block>
		         + AccountNonceApi<Block, AccountId, Nonce>,
	> + HeaderBackend<Block>
	+ BlockBackend<Block>
	+ Send
	+ Sync
	+ 'static
{
}

impl<C> ChainClient for C where
	C: ProvideRuntimeApi<
			Block,
			Api: X402Api<Block>
			         + ChannelsApi<Block>
			         + MandatesApi<Block>
			         + AccountNonceApi<Block, AccountId, Nonce>,
		> + HeaderBackend<Block>
		+ BlockBackend<Block>
		+ Send
		+ Sync
		+ 'static
{
}

/// What [`NodeChain`] needs of the node's transaction pool.
pub trait ChainPool: TransactionPool<Block = Block, Hash = H256> + 'static {}

impl<P: TransactionPool<Block = Block, Hash = H256> + 'static> ChainPool for P {}

/// The chain as the facilitator sees it: the node's client and pool, reached through runtime
/// APIs and opaque extrinsics only, so a forkless runtime upgrade cannot break it.
pub struct NodeChain<C, P> {
	client: Arc<C>,
	pool: Arc<P>,
	keystore: KeystorePtr,
	/// The facilitator's key, if it has one.
	key: Option<sr25519::Public>,
	genesis_hash: H256,
	evm_chain_id: u64,
	/// The account nonces of the facilitator's extrinsics in the pool and not yet final. The
	/// next extrinsic takes the lowest free one from the chain's nonce up, so a batch the pool
	/// dropped leaves no gap that would hold every later one back.
	in_pool: Arc<parking_lot::Mutex<BTreeSet<Nonce>>>,
	/// Held from signing an extrinsic until the pool took it, so that the facilitator's
	/// extrinsics reach the pool in nonce order: one that overtook a lower nonce would wait
	/// behind it as if that nonce were missing.
	submitting: tokio::sync::Mutex<()>,
	/// Asset domains and payee accounts read at the best block.
	lookups: parking_lot::Mutex<Lookups>,
	/// The x402 outcomes of the last few blocks asked about, by extrinsic hash: a block with
	/// ten batches is read and its events decoded once, not once per batch.
	outcomes: parking_lot::Mutex<std::collections::VecDeque<(H256, Arc<BlockOutcomes>)>>,
}

/// An intent with its signature, as `settle_batch` takes it.
type Item = (agentchain_facilitator::chain::Intent, IntentSignature);

/// What the facilitator signs: a batch of intents, or a channel operation.
enum Signing {
	Batch(Vec<Item>),
	Channel(ChannelCall),
}

/// Each x402 extrinsic's item outcomes in one block, by extrinsic hash.
type BlockOutcomes = HashMap<H256, Vec<(PaymentId, Result<(), IntentError>)>>;

/// Most blocks whose outcomes [`NodeChain`] keeps: batches are followed to `InBlock` and to
/// `Finalized` a few blocks apart.
const OUTCOME_BLOCKS: usize = 8;

/// Answers of the runtime API that a stream of payments asks again and again (the same asset,
/// the same payees), kept while the best block stays: each saves a runtime call per payment.
#[derive(Default)]
struct Lookups {
	at: H256,
	domains: HashMap<AssetId, Option<eip712::Domain>>,
	accounts: HashMap<H160, AccountId>,
	/// Channel states: every voucher's `/verify` reads its channel, and a busy channel's
	/// vouchers arrive many times per block.
	channels: HashMap<ChannelId, Option<ChannelState>>,
}

/// Most payee accounts, and most channels, [`Lookups`] keeps for one block.
const MAX_LOOKUPS: usize = 4_096;

fn api_error(error: ApiError) -> ChainError {
	ChainError(format!("runtime API call failed: {error}"))
}

fn chain_error(error: impl std::fmt::Display) -> ChainError {
	ChainError(error.to_string())
}

impl<C: ChainClient, P: ChainPool> NodeChain<C, P> {
	/// The chain as seen from `client`'s best block, the facilitator signing with `key`.
	pub fn new(
		client: Arc<C>,
		pool: Arc<P>,
		keystore: KeystorePtr,
		key: Option<sr25519::Public>,
	) -> Result<Self, ChainError> {
		let info = client.info();
		let evm_chain_id = client.runtime_api().evm_chain_id(info.best_hash).map_err(api_error)?;
		Ok(Self {
			client,
			pool,
			keystore,
			key,
			genesis_hash: info.genesis_hash,
			evm_chain_id,
			in_pool: Default::default(),
			submitting: Default::default(),
			lookups: Default::default(),
			outcomes: Default::default(),
		})
	}

	/// The x402 outcomes of every extrinsic in `block`, read once per block.
	fn block_outcomes(&self, block: H256) -> Result<Arc<BlockOutcomes>, ChainError> {
		if let Some((_, outcomes)) = self.outcomes.lock().iter().find(|(at, _)| *at == block) {
			return Ok(outcomes.clone());
		}
		let hashes: Vec<H256> = self.body(block)?.iter().map(|xt| self.pool.hash_of(xt)).collect();
		// The runtime of that block reads its own events: no event type is compiled in here.
		let records = self.client.runtime_api().settlement_outcomes(block).map_err(api_error)?;
		let mut outcomes: BlockOutcomes = hashes.iter().map(|hash| (*hash, Vec::new())).collect();
		for (index, payment_id, outcome) in records {
			if let Some(entry) = hashes.get(index as usize).and_then(|hash| outcomes.get_mut(hash))
			{
				entry.push((payment_id, outcome));
			}
		}
		let outcomes = Arc::new(outcomes);
		let mut cache = self.outcomes.lock();
		if cache.len() == OUTCOME_BLOCKS {
			cache.pop_front();
		}
		cache.push_back((block, outcomes.clone()));
		Ok(outcomes)
	}

	/// `key` in one of the [`Lookups`] tables at the best block, read with `read` if it is not
	/// there yet.
	fn looked_up<K: Eq + std::hash::Hash, V: Clone>(
		&self,
		table: fn(&mut Lookups) -> &mut HashMap<K, V>,
		key: K,
		read: impl FnOnce(&C::Api, H256) -> Result<V, ApiError>,
	) -> Result<V, ChainError> {
		let best = self.best();
		if let Some(value) = table(&mut self.lookups(best)).get(&key) {
			return Ok(value.clone());
		}
		let value = read(&*self.client.runtime_api(), best).map_err(api_error)?;
		table(&mut self.lookups(best)).insert(key, value.clone());
		Ok(value)
	}

	/// The lookups at the best block, `best`.
	fn lookups(&self, best: H256) -> parking_lot::MutexGuard<'_, Lookups> {
		let mut lookups = self.lookups.lock();
		if lookups.at != best
			|| lookups.accounts.len() >= MAX_LOOKUPS
			|| lookups.channels.len() >= MAX_LOOKUPS
		{
			*lookups = Lookups { at: best, ..Default::default() };
		}
		lookups
	}

	fn best(&self) -> H256 {
		self.client.info().best_hash
	}

	fn signer_key(&self) -> Option<sr25519::Public> {
		self.key
	}

	fn body(&self, block: H256) -> Result<Vec<OpaqueExtrinsic>, ChainError> {
		self.client
			.block_body(block)
			.map_err(chain_error)?
			.ok_or_else(|| ChainError(format!("no body for block {block:?}")))
	}

	/// Builds and signs `call` with the facilitator key and the lowest nonce none of its
	/// extrinsics in the pool holds; returns it with that nonce (taken until it is final or out
	/// of the pool).
	fn sign(&self, call: Signing) -> Result<(OpaqueExtrinsic, Nonce), ChainError> {
		let public = self
			.signer_key()
			.ok_or_else(|| ChainError("no facilitator key in the keystore".into()))?;
		let account = MultiSigner::from(public).into_account();
		let best = self.best();
		let on_chain = self
			.client
			.runtime_api()
			.account_nonce(best, account.clone())
			.map_err(api_error)?;
		let nonce = {
			let mut in_pool = self.in_pool.lock();
			in_pool.retain(|nonce| *nonce >= on_chain);
			let nonce = (on_chain..).find(|nonce| !in_pool.contains(nonce)).unwrap_or(on_chain);
			in_pool.insert(nonce);
			nonce
		};
		match self.signed(call, public, account, nonce, best) {
			Ok(extrinsic) => Ok((extrinsic, nonce)),
			Err(error) => {
				self.in_pool.lock().remove(&nonce);
				Err(error)
			},
		}
	}

	/// The runtime at `best` builds the extrinsic and the bytes to sign: its own call encoding,
	/// transaction extensions and limits, whatever runtime this node was compiled with.
	fn signed(
		&self,
		call: Signing,
		public: sr25519::Public,
		account: AccountId,
		nonce: Nonce,
		best: H256,
	) -> Result<OpaqueExtrinsic, ChainError> {
		let too_many = || ChainError("more items than the runtime takes in one call".into());
		let api = self.client.runtime_api();
		let payload = match &call {
			Signing::Batch(items) => api.settlement_payload(best, items.clone(), nonce),
			Signing::Channel(call) => api.call_payload(best, call.clone(), nonce),
		}
		.map_err(api_error)?
		.ok_or_else(too_many)?;
		let signature = self
			.keystore
			.sr25519_sign(FACILITATOR_KEY_TYPE, &public, &payload)
			.map_err(chain_error)?
			.ok_or_else(|| ChainError("the keystore lost the facilitator key".into()))?;
		let signature = MultiSignature::Sr25519(signature);
		match call {
			Signing::Batch(items) => {
				api.settlement_extrinsic(best, items, nonce, account, signature)
			},
			Signing::Channel(call) => api.call_extrinsic(best, call, nonce, account, signature),
		}
		.map_err(api_error)?
		.ok_or_else(too_many)
	}

	/// Signs `call`, submits it to the pool and follows it.
	async fn submit(
		&self,
		call: Signing,
	) -> Result<(H256, BoxStream<'static, TxEvent>), ChainError> {
		let in_order = self.submitting.lock().await;
		let (extrinsic, nonce) = self.sign(call)?;
		let tx = self.pool.hash_of(&extrinsic);
		let statuses = match self
			.pool
			.submit_and_watch(self.best(), TransactionSource::Local, extrinsic)
			.await
		{
			Ok(statuses) => statuses,
			Err(error) => {
				self.in_pool.lock().remove(&nonce);
				return Err(chain_error(error));
			},
		};
		drop(in_order);
		let (client, pool, in_pool) =
			(self.client.clone(), self.pool.clone(), self.in_pool.clone());
		// Its nonce is free again once the extrinsic is final or will not be included.
		let free = move || {
			in_pool.lock().remove(&nonce);
		};
		let events = statuses
			.filter_map(move |status| {
				let number = |block: H256| client.number(block).ok().flatten().unwrap_or_default();
				let event = match status {
					TransactionStatus::InBlock((block, _)) => {
						Some(TxEvent::InBlock { block, number: number(block) })
					},
					TransactionStatus::Retracted(_) => Some(TxEvent::Retracted),
					TransactionStatus::Finalized((block, _)) => {
						free();
						Some(TxEvent::Finalized { block, number: number(block) })
					},
					TransactionStatus::FinalityTimeout(_) => Some(TxEvent::FinalityTimeout),
					TransactionStatus::Future => {
						// It waits behind a nonce no extrinsic of ours holds any more (one the
						// pool dropped): out of the pool with it, its payments go again.
						free();
						let pool = pool.clone();
						tokio::spawn(async move {
							let report = [(tx, None)].into_iter().collect();
							pool.report_invalid(None, report).await;
						});
						Some(TxEvent::Dropped("waiting behind a missing nonce".into()))
					},
					TransactionStatus::Usurped(_) => {
						free();
						Some(TxEvent::Dropped("usurped".into()))
					},
					TransactionStatus::Dropped => {
						free();
						Some(TxEvent::Dropped("dropped from the pool".into()))
					},
					TransactionStatus::Invalid => {
						free();
						Some(TxEvent::Dropped("invalid".into()))
					},
					TransactionStatus::Ready | TransactionStatus::Broadcast(_) => None,
				};
				futures::future::ready(event)
			})
			.boxed();
		Ok((tx, events))
	}
}

impl<C: ChainClient, P: ChainPool> Chain for NodeChain<C, P> {
	fn genesis_hash(&self) -> H256 {
		self.genesis_hash
	}

	fn signer(&self) -> Option<AccountId> {
		self.signer_key().map(|public| MultiSigner::from(public).into_account())
	}

	fn evm_chain_id(&self) -> u64 {
		self.evm_chain_id
	}

	fn max_batch(&self) -> Result<u32, ChainError> {
		self.client.runtime_api().max_batch(self.best()).map_err(api_error)
	}

	fn now(&self) -> Result<u64, ChainError> {
		SystemTime::now()
			.duration_since(UNIX_EPOCH)
			.map(|d| d.as_secs())
			.map_err(chain_error)
	}

	fn verify(
		&self,
		intent: &agentchain_facilitator::chain::Intent,
		signature: &IntentSignature,
		committed: &Committed,
	) -> Result<Result<PaymentId, IntentError>, ChainError> {
		self.client
			.runtime_api()
			.verify_after(
				self.best(),
				intent.clone(),
				signature.clone(),
				Purpose::Transfer,
				committed.clone(),
			)
			.map_err(api_error)
	}

	fn spender_of(&self, payer: &AccountId) -> Result<Option<MandatedSpend>, ChainError> {
		self.client
			.runtime_api()
			.spender_of(self.best(), payer.clone())
			.map_err(api_error)
	}

	fn endpoint_rules(&self, payer: &AccountId) -> Result<Vec<Vec<Endpoint>>, ChainError> {
		let authority = self
			.client
			.runtime_api()
			.authority_of(self.best(), payer.clone())
			.map_err(api_error)?;
		Ok(authority
			.into_iter()
			.map(|status| status.mandate.terms.endpoints.into_inner())
			.collect())
	}

	fn check_signature(
		&self,
		intent: &agentchain_facilitator::chain::Intent,
		signature: &IntentSignature,
	) -> Result<Result<(), IntentError>, ChainError> {
		self.client
			.runtime_api()
			.check_signature(self.best(), intent.clone(), signature.clone(), Purpose::Transfer)
			.map_err(api_error)
	}

	fn simulate_batch(
		&self,
		items: Vec<(agentchain_facilitator::chain::Intent, IntentSignature)>,
	) -> Result<Vec<(PaymentId, Result<(), IntentError>)>, ChainError> {
		self.client.runtime_api().simulate_batch(self.best(), items).map_err(api_error)
	}

	fn asset_domain(&self, asset: AssetId) -> Result<Option<eip712::Domain>, ChainError> {
		self.looked_up(|lookups| &mut lookups.domains, asset, |api, at| api.asset_domain(at, asset))
	}

	fn account_of_address(&self, address: H160) -> Result<AccountId, ChainError> {
		self.looked_up(
			|lookups| &mut lookups.accounts,
			address,
			|api, at| api.account_of_address(at, address),
		)
	}

	fn receipt(
		&self,
		payment_id: PaymentId,
	) -> Result<Option<agentchain_facilitator::chain::ChainReceipt>, ChainError> {
		self.client.runtime_api().receipt(self.best(), payment_id).map_err(api_error)
	}

	fn locate(
		&self,
		receipt: &agentchain_facilitator::chain::ChainReceipt,
	) -> Result<Option<Inclusion>, ChainError> {
		let Some(block) = self.client.hash(receipt.block).map_err(chain_error)? else {
			return Ok(None);
		};
		let body = self.body(block)?;
		let Some(extrinsic) = body.get(receipt.extrinsic_index as usize) else { return Ok(None) };
		Ok(Some(Inclusion {
			tx: self.pool.hash_of(extrinsic),
			block,
			number: receipt.block,
			finalized: receipt.block <= self.client.info().finalized_number,
		}))
	}

	fn statement(
		&self,
		payee: AccountId,
		asset: AssetId,
		from: BlockNumber,
		to: BlockNumber,
	) -> Result<StatementReport<BlockNumber>, ChainError> {
		self.client
			.runtime_api()
			.statement(self.best(), payee, asset, from, to)
			.map_err(api_error)
	}

	async fn submit_batch(
		&self,
		items: Vec<(agentchain_facilitator::chain::Intent, IntentSignature)>,
	) -> Result<(H256, BoxStream<'static, TxEvent>), ChainError> {
		self.submit(Signing::Batch(items)).await
	}

	fn channel(&self, id: ChannelId) -> Result<Option<ChannelState>, ChainError> {
		self.looked_up(|lookups| &mut lookups.channels, id, |api, at| api.channel(at, id))
	}

	fn channel_at_hand(&self, id: ChannelId) -> Option<Option<ChannelState>> {
		self.lookups(self.best()).channels.get(&id).copied()
	}

	fn receiver_totals(
		&self,
		receiver: H160,
		asset: AssetId,
	) -> Result<(Balance, Balance), ChainError> {
		self.client
			.runtime_api()
			.receiver_totals(self.best(), receiver, asset)
			.map_err(api_error)
	}

	fn dry_run_channel(
		&self,
		call: &ChannelCall,
	) -> Result<Result<ChannelOutcome, ChannelRefusal>, ChainError> {
		let submitter = self
			.signer()
			.ok_or_else(|| ChainError("no facilitator key in the keystore".into()))?;
		self.client
			.runtime_api()
			.dry_run(self.best(), call.clone(), submitter)
			.map_err(api_error)
	}

	fn withdraw_requests_since(
		&self,
		after: BlockNumber,
	) -> Result<(BlockNumber, Vec<ChannelId>), ChainError> {
		let best = self.client.info().best_number;
		let mut requests = Vec::new();
		for number in after.max(best.saturating_sub(64)).saturating_add(1)..=best {
			let Some(hash) = self.client.hash(number).map_err(chain_error)? else { continue };
			requests.extend(self.client.runtime_api().withdraw_requests(hash).map_err(api_error)?);
		}
		Ok((best, requests))
	}

	async fn submit_channel(
		&self,
		call: ChannelCall,
	) -> Result<(H256, BoxStream<'static, TxEvent>), ChainError> {
		self.submit(Signing::Channel(call)).await
	}

	fn batch_outcomes(
		&self,
		block: H256,
		tx: H256,
	) -> Result<Vec<(PaymentId, Result<(), IntentError>)>, ChainError> {
		self.block_outcomes(block)?
			.get(&tx)
			.cloned()
			.ok_or_else(|| ChainError(format!("{tx:?} is not in block {block:?}")))
	}
}

/// Starts the facilitator: the settlement engine and the HTTP API, whose port must be free.
/// With `--dev` the development facilitator key is put in the keystore first.
pub fn start<C: ChainClient, P: ChainPool>(
	options: &FacilitatorOptions,
	client: Arc<C>,
	pool: Arc<P>,
	keystore: KeystorePtr,
	registry: Option<&polkadot_sdk::substrate_prometheus_endpoint::Registry>,
	task_manager: &polkadot_sdk::sc_service::TaskManager,
) -> Result<Arc<Facilitator<NodeChain<C, P>>>, polkadot_sdk::sc_service::Error> {
	use polkadot_sdk::sc_service::Error;
	let other = |message: String| Error::Other(message);
	if options.insert_dev_key && keystore.sr25519_public_keys(FACILITATOR_KEY_TYPE).is_empty() {
		keystore
			.sr25519_generate_new(FACILITATOR_KEY_TYPE, Some(DEV_FACILITATOR_SURI))
			.map_err(|e| other(format!("cannot add the development facilitator key: {e}")))?;
	}
	let key = facilitator_key(&keystore, options.key).map_err(other)?;
	let listener = std::net::TcpListener::bind(options.listen).map_err(|e| {
		other(format!(
			"cannot serve the x402 facilitator on {}: {e}; stop whatever holds that port or choose \
			 another with --facilitator-port",
			options.listen
		))
	})?;
	let metrics = registry
		.map(Metrics::register)
		.transpose()
		.map_err(|e| other(format!("cannot register the facilitator's metrics: {e}")))?;
	let store =
		Store::open_with(&options.queue_dir, options.journal_compact_after).map_err(|e| {
			other(format!("cannot open the facilitator queue {}: {e}", options.queue_dir.display()))
		})?;
	let chain = NodeChain::new(client, pool, keystore, key)
		.map_err(|e| other(format!("cannot read the x402 settings of the chain: {e}")))?;
	let config = Config {
		limits: options.limits,
		refund_tokens: options.refund_tokens.clone(),
		..Config::default()
	};
	let facilitator = Facilitator::new(Arc::new(chain), Some(store), metrics, config);
	let server = http::serve(facilitator.clone(), listener, options.per_client)
		.map_err(|e| other(format!("cannot serve the x402 facilitator: {e}")))?;
	let spawner = task_manager.spawn_handle();
	spawner.spawn("x402-settlement", Some("x402"), facilitator.engine().clone().run());
	spawner.spawn("x402-http", Some("x402"), server);
	spawner.spawn("x402-channels", Some("x402"), facilitator.clone().guard_channels());
	log::info!(target: "x402", "x402 facilitator on http://{}", options.listen);
	Ok(facilitator)
}

/// The key the facilitator signs with: the one `--facilitator-key` names (it must be in the
/// keystore), else the keystore's only `x402` key. Several and none named is an error: the
/// node must not pick one of them for the operator.
fn facilitator_key(
	keystore: &KeystorePtr,
	named: Option<sr25519::Public>,
) -> Result<Option<sr25519::Public>, String> {
	use polkadot_sdk::sp_core::crypto::Ss58Codec;
	let keys = keystore.sr25519_public_keys(FACILITATOR_KEY_TYPE);
	match (named, keys.as_slice()) {
		(Some(key), _) if keys.contains(&key) => Ok(Some(key)),
		(Some(key), _) => Err(format!(
			"--facilitator-key {} is not an `x402` key in the keystore; add it with `key insert --key-type x402 --scheme sr25519`",
			key.to_ss58check()
		)),
		(None, []) => {
			log::warn!(
				target: "x402",
				"no facilitator key (type `x402`) in the keystore: payments verify but cannot settle; \
				 add one with `key insert --key-type x402 --scheme sr25519`"
			);
			Ok(None)
		},
		(None, [key]) => Ok(Some(*key)),
		(None, keys) => Err(format!(
			"the keystore holds {} `x402` keys ({}): name the one that pays for settlements with --facilitator-key",
			keys.len(),
			keys.iter().map(|k| k.to_ss58check()).collect::<Vec<_>>().join(", ")
		)),
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use polkadot_sdk::sp_core::Pair;

	#[test]
	fn the_development_facilitator_account_is_its_key() {
		let pair = sr25519::Pair::from_string(DEV_FACILITATOR_SURI, None).unwrap();
		assert_eq!(pair.public().0, agentchain_primitives::x402::DEV_FACILITATOR_ACCOUNT);
	}
}
