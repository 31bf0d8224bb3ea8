//! The node's side of the built-in x402 facilitator ([`agentchain_facilitator`]): runtime-API
//! reads at the best block, `settle_batch` extrinsics signed with the facilitator key from the
//! keystore, submitted to and followed in the node's own transaction pool.

use std::{
	collections::HashMap,
	net::SocketAddr,
	path::PathBuf,
	sync::Arc,
	time::{SystemTime, UNIX_EPOCH},
};

use agentchain_facilitator::{
	http, metrics::Metrics, store::Store, Chain, ChainError, Config, Facilitator, Inclusion, TxEvent,
};
use agentchain_primitives::{
	x402::{
		api::{StatementReport, X402Api},
		eip712, IntentError, IntentSignature, PaymentId, Purpose, DEV_FACILITATOR_SURI,
		FACILITATOR_KEY_TYPE,
	},
	AccountId, AssetId, Block, BlockNumber, Nonce,
};
use agentchain_runtime::{Address, Runtime, RuntimeCall, RuntimeEvent, SignedPayload, UncheckedExtrinsic};
use codec::{Decode, Encode};
use futures::{stream::BoxStream, StreamExt};
use polkadot_sdk::{
	frame_support::{storage::storage_prefix, traits::Get},
	frame_system,
	sc_client_api::{BlockBackend, StorageProvider},
	sc_transaction_pool::TransactionPoolHandle,
	sc_transaction_pool_api::{TransactionPool, TransactionSource, TransactionStatus},
	sp_api::{ApiError, Core, ProvideRuntimeApi},
	sp_blockchain::HeaderBackend,
	sp_core::{sr25519, H160, H256},
	sp_keystore::KeystorePtr,
	sp_runtime::{traits::IdentifyAccount, MultiSignature, MultiSigner, OpaqueExtrinsic},
	sp_storage::StorageKey,
	substrate_frame_rpc_system::AccountNonceApi,
};

use crate::service::FullClient;

type Pool = TransactionPoolHandle<Block, FullClient>;

/// Where and how the node serves the facilitator.
#[derive(Debug, Clone)]
pub struct FacilitatorOptions {
	/// The HTTP API's address.
	pub listen: SocketAddr,
	/// The on-disk queue of accepted payments.
	pub queue_dir: PathBuf,
}

/// The chain as the facilitator sees it.
pub struct NodeChain {
	client: Arc<FullClient>,
	pool: Arc<Pool>,
	keystore: KeystorePtr,
	genesis_hash: H256,
	/// The facilitator account's next nonce as far as its own submissions go.
	next_nonce: parking_lot::Mutex<Option<Nonce>>,
	/// Asset domains and payee accounts read at the best block.
	lookups: parking_lot::Mutex<Lookups>,
	/// The x402 outcomes of the last few blocks asked about, by extrinsic hash: a block with
	/// ten batches is read and its events decoded once, not once per batch.
	outcomes: parking_lot::Mutex<std::collections::VecDeque<(H256, Arc<BlockOutcomes>)>>,
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
}

/// Most payee accounts [`Lookups`] keeps for one block.
const MAX_LOOKUPS: usize = 4_096;

fn api_error(error: ApiError) -> ChainError {
	ChainError(format!("runtime API call failed: {error}"))
}

fn chain_error(error: impl std::fmt::Display) -> ChainError {
	ChainError(error.to_string())
}

impl NodeChain {
	pub fn new(client: Arc<FullClient>, pool: Arc<Pool>, keystore: KeystorePtr, genesis_hash: H256) -> Self {
		Self {
			client,
			pool,
			keystore,
			genesis_hash,
			next_nonce: parking_lot::Mutex::new(None),
			lookups: Default::default(),
			outcomes: Default::default(),
		}
	}

	/// The x402 outcomes of every extrinsic in `block`, read once per block.
	fn block_outcomes(&self, block: H256) -> Result<Arc<BlockOutcomes>, ChainError> {
		if let Some((_, outcomes)) = self.outcomes.lock().iter().find(|(at, _)| *at == block) {
			return Ok(outcomes.clone());
		}
		let hashes: Vec<H256> = self.body(block)?.iter().map(|xt| self.pool.hash_of(xt)).collect();
		let key = StorageKey(storage_prefix(b"System", b"Events").to_vec());
		let records: Vec<frame_system::EventRecord<RuntimeEvent, H256>> =
			match self.client.storage(block, &key).map_err(chain_error)? {
				Some(data) => Decode::decode(&mut &data.0[..]).map_err(chain_error)?,
				None => Vec::new(),
			};
		let mut outcomes: BlockOutcomes = hashes.iter().map(|hash| (*hash, Vec::new())).collect();
		for record in records {
			let frame_system::Phase::ApplyExtrinsic(index) = record.phase else { continue };
			let outcome = match record.event {
				RuntimeEvent::X402(pallet_x402::Event::Settled { payment_id, .. }) => (payment_id, Ok(())),
				RuntimeEvent::X402(pallet_x402::Event::Rejected { payment_id, reason, .. }) =>
					(payment_id, Err(reason)),
				_ => continue,
			};
			if let Some(entry) = hashes.get(index as usize).and_then(|hash| outcomes.get_mut(hash)) {
				entry.push(outcome);
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
		read: impl FnOnce(&<FullClient as ProvideRuntimeApi<Block>>::Api, H256) -> Result<V, ApiError>,
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
		if lookups.at != best || lookups.accounts.len() >= MAX_LOOKUPS {
			*lookups = Lookups { at: best, ..Default::default() };
		}
		lookups
	}

	fn best(&self) -> H256 {
		self.client.info().best_hash
	}

	fn signer_key(&self) -> Option<sr25519::Public> {
		self.keystore.sr25519_public_keys(FACILITATOR_KEY_TYPE).into_iter().next()
	}

	fn body(&self, block: H256) -> Result<Vec<OpaqueExtrinsic>, ChainError> {
		self.client
			.block_body(block)
			.map_err(chain_error)?
			.ok_or_else(|| ChainError(format!("no body for block {block:?}")))
	}

	/// Builds and signs `call` with the facilitator key and the next nonce.
	fn sign(&self, call: RuntimeCall) -> Result<OpaqueExtrinsic, ChainError> {
		let public = self.signer_key().ok_or_else(|| ChainError("no facilitator key in the keystore".into()))?;
		let account = MultiSigner::from(public).into_account();
		let best = self.best();
		let on_chain = self.client.runtime_api().account_nonce(best, account.clone()).map_err(api_error)?;
		let nonce = {
			let mut next = self.next_nonce.lock();
			let nonce = next.map_or(on_chain, |ours| ours.max(on_chain));
			*next = Some(nonce + 1);
			nonce
		};
		let version = self.client.runtime_api().version(best).map_err(api_error)?;
		let implicit = (
			(),
			version.spec_version,
			version.transaction_version,
			self.genesis_hash,
			self.genesis_hash,
			(),
			(),
			(),
			(),
		);
		let payload = SignedPayload::from_raw(call, agentchain_runtime::immortal_tx_extension(nonce), implicit);
		let signature = payload
			.using_encoded(|bytes| self.keystore.sr25519_sign(FACILITATOR_KEY_TYPE, &public, bytes))
			.map_err(chain_error)?
			.ok_or_else(|| ChainError("the keystore lost the facilitator key".into()))?;
		let (call, extension, _) = payload.deconstruct();
		let extrinsic = UncheckedExtrinsic::new_signed(
			call,
			Address::Id(account),
			MultiSignature::Sr25519(signature),
			extension,
		);
		OpaqueExtrinsic::decode(&mut &extrinsic.encode()[..]).map_err(chain_error)
	}
}

impl Chain for NodeChain {
	fn genesis_hash(&self) -> H256 {
		self.genesis_hash
	}

	fn signer(&self) -> Option<AccountId> {
		self.signer_key().map(|public| MultiSigner::from(public).into_account())
	}

	fn max_batch(&self) -> u32 {
		<Runtime as pallet_x402::Config>::MaxBatch::get()
	}

	fn now(&self) -> Result<u64, ChainError> {
		SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).map_err(chain_error)
	}

	fn verify(
		&self,
		intent: &agentchain_facilitator::chain::Intent,
		signature: &IntentSignature,
	) -> Result<Result<PaymentId, IntentError>, ChainError> {
		self.client
			.runtime_api()
			.verify(self.best(), intent.clone(), signature.clone(), Purpose::Transfer)
			.map_err(api_error)
	}

	fn asset_domain(&self, asset: AssetId) -> Result<Option<eip712::Domain>, ChainError> {
		self.looked_up(|lookups| &mut lookups.domains, asset, |api, at| api.asset_domain(at, asset))
	}

	fn account_of_address(&self, address: H160) -> Result<AccountId, ChainError> {
		self.looked_up(|lookups| &mut lookups.accounts, address, |api, at| api.account_of_address(at, address))
	}

	fn receipt(&self, payment_id: PaymentId) -> Result<Option<agentchain_facilitator::chain::ChainReceipt>, ChainError> {
		self.client.runtime_api().receipt(self.best(), payment_id).map_err(api_error)
	}

	fn locate(&self, receipt: &agentchain_facilitator::chain::ChainReceipt) -> Result<Option<Inclusion>, ChainError> {
		let Some(block) = self.client.hash(receipt.block).map_err(chain_error)? else { return Ok(None) };
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
		self.client.runtime_api().statement(self.best(), payee, asset, from, to).map_err(api_error)
	}

	async fn submit_batch(
		&self,
		items: Vec<(agentchain_facilitator::chain::Intent, IntentSignature)>,
	) -> Result<(H256, BoxStream<'static, TxEvent>), ChainError> {
		let items = items.try_into().map_err(|_| ChainError("more items than MaxBatch".into()))?;
		let extrinsic = self.sign(RuntimeCall::X402(pallet_x402::Call::settle_batch { items }))?;
		let tx = self.pool.hash_of(&extrinsic);
		let statuses = match self.pool.submit_and_watch(self.best(), TransactionSource::Local, extrinsic).await {
			Ok(statuses) => statuses,
			Err(error) => {
				// The nonce may not have been used: read it from the chain next time.
				*self.next_nonce.lock() = None;
				return Err(chain_error(error));
			},
		};
		let client = self.client.clone();
		let events = statuses
			.filter_map(move |status| {
				let number = |block: H256| client.number(block).ok().flatten().unwrap_or_default();
				let event = match status {
					TransactionStatus::InBlock((block, _)) => Some(TxEvent::InBlock { block, number: number(block) }),
					TransactionStatus::Retracted(_) => Some(TxEvent::Retracted),
					TransactionStatus::Finalized((block, _)) => Some(TxEvent::Finalized { block, number: number(block) }),
					TransactionStatus::Usurped(_) => Some(TxEvent::Dropped("usurped".into())),
					TransactionStatus::Dropped => Some(TxEvent::Dropped("dropped from the pool".into())),
					TransactionStatus::Invalid => Some(TxEvent::Dropped("invalid".into())),
					_ => None,
				};
				futures::future::ready(event)
			})
			.boxed();
		Ok((tx, events))
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
/// On a development chain the development facilitator key is put in the keystore first.
pub fn start(
	options: &FacilitatorOptions,
	client: Arc<FullClient>,
	pool: Arc<Pool>,
	keystore: KeystorePtr,
	development: bool,
	registry: Option<&polkadot_sdk::substrate_prometheus_endpoint::Registry>,
	task_manager: &polkadot_sdk::sc_service::TaskManager,
) -> Result<Arc<Facilitator<NodeChain>>, polkadot_sdk::sc_service::Error> {
	use polkadot_sdk::sc_service::Error;
	let other = |message: String| Error::Other(message);
	if development && keystore.sr25519_public_keys(FACILITATOR_KEY_TYPE).is_empty() {
		keystore
			.sr25519_generate_new(FACILITATOR_KEY_TYPE, Some(DEV_FACILITATOR_SURI))
			.map_err(|e| other(format!("cannot add the development facilitator key: {e}")))?;
	}
	if keystore.sr25519_public_keys(FACILITATOR_KEY_TYPE).is_empty() {
		log::warn!(
			target: "x402",
			"no facilitator key (type `x402`) in the keystore: payments verify but cannot settle; \
			 add one with `key insert --key-type x402 --scheme sr25519`"
		);
	}
	let listener = std::net::TcpListener::bind(options.listen).map_err(|e| {
		other(format!(
			"cannot serve the x402 facilitator on {}: {e}; stop whatever holds that port or choose \
			 another with --facilitator-port",
			options.listen
		))
	})?;
	let genesis_hash = client.info().genesis_hash;
	let metrics = registry
		.map(Metrics::register)
		.transpose()
		.map_err(|e| other(format!("cannot register the facilitator's metrics: {e}")))?;
	let store = Store::open(&options.queue_dir)
		.map_err(|e| other(format!("cannot open the facilitator queue {}: {e}", options.queue_dir.display())))?;
	let chain = Arc::new(NodeChain::new(client, pool, keystore, genesis_hash));
	let facilitator = Facilitator::new(chain, Some(store), metrics, Config::default());
	let server = http::serve(facilitator.clone(), listener)
		.map_err(|e| other(format!("cannot serve the x402 facilitator: {e}")))?;
	let spawner = task_manager.spawn_handle();
	spawner.spawn("x402-settlement", Some("x402"), facilitator.engine().clone().run());
	spawner.spawn("x402-http", Some("x402"), server);
	log::info!(target: "x402", "x402 facilitator on http://{}", options.listen);
	Ok(facilitator)
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
