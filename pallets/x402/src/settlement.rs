//! The checks every intent goes through and the settlement that follows; one code path for
//! single calls, batches and the runtime API's dry run.

use crate::*;
use agentchain_primitives::{evm_signature, x402::payment_id};
use alloc::{collections::BTreeMap, vec::Vec};
use codec::Encode;
use polkadot_sdk::{
	frame_support::{
		pallet_prelude::*,
		traits::{
			fungibles::{Inspect, Unbalanced},
			tokens::{DepositConsequence, Fortitude, Precision, Preservation, Provenance},
			UnixTime,
		},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_core::{H160, H256},
	sp_crypto_hashing::blake2_256,
	sp_runtime::{
		traits::{Saturating, Verify, Zero},
		AccountId32,
	},
};

/// Debits or credits promised by earlier items of the same settlement, per (asset, account).
type Pending = BTreeMap<(AssetId, AccountId), Balance>;

fn pending(map: &Pending, asset: AssetId, who: &AccountId) -> Balance {
	map.get(&(asset, who.clone())).copied().unwrap_or_default()
}

/// What every intent of one settlement is checked against, read once per settlement rather
/// than once per intent.
pub(crate) struct Context<T: Config> {
	now: UnixSeconds,
	genesis_hash: <T as frame_system::Config>::Hash,
	/// Each asset's EIP-712 domain separator; `None` for an asset that is not payable.
	separators: BTreeMap<AssetId, Option<[u8; 32]>>,
}

impl<T: Config> Context<T> {
	pub(crate) fn new() -> Self {
		Self { now: Pallet::<T>::now(), genesis_hash: Pallet::<T>::genesis_hash(), separators: BTreeMap::new() }
	}

	fn separator(&mut self, asset: AssetId) -> Option<[u8; 32]> {
		*self
			.separators
			.entry(asset)
			.or_insert_with(|| Pallet::<T>::eip712_domain(asset).map(|domain| domain.separator()))
	}
}

/// One settlement in progress: what its settled items owe and are owed, and the ledger entry
/// each (payee, asset) gets, all written once at the end.
struct Batch<T: Config> {
	debits: Pending,
	credits: Pending,
	entries: BTreeMap<(AccountId, AssetId), (Ledger, LedgerEntry<BlockNumberFor<T>, T::MaxBatch>)>,
}

impl<T: Config> Pallet<T> {
	/// The block time in unix seconds.
	pub fn now() -> UnixSeconds {
		T::Time::now().as_secs()
	}

	/// The hash that binds native signatures to this chain.
	pub fn genesis_hash() -> <T as frame_system::Config>::Hash {
		frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero())
	}

	/// The EIP-712 domain of `asset`, if it is payable.
	pub fn eip712_domain(asset: AssetId) -> Option<eip712::Domain> {
		AssetDomains::<T>::get(asset).map(|domain| eip712::Domain {
			name: domain.name.into_inner(),
			version: domain.version.into_inner(),
			chain_id: T::EvmChainId::get(),
			verifying_contract: evm_address::asset_address(asset),
		})
	}

	/// The account a payment to the 20-byte `address` credits.
	pub fn account_of_address(address: H160) -> AccountId {
		EvmAccounts::<T>::get(address)
			.unwrap_or_else(|| AccountId32::new(evm_address::embedded_account(address)))
	}

	/// What the chain remembers of `payer`'s `nonce`.
	pub fn authorization_state(payer: &AccountId, nonce: &AuthorizationNonce) -> Option<AuthorizationState> {
		Authorizations::<T>::get(payment_id(payer, nonce)).map(|record| record.state())
	}

	/// The receipt of a settled payment, while its record is kept.
	pub fn receipt(payment_id: PaymentId) -> Option<Receipt<AccountId, AssetId, Balance, BlockNumberFor<T>>> {
		match Authorizations::<T>::get(payment_id)? {
			AuthorizationRecord::Used { receipt, .. } => Some(receipt),
			AuthorizationRecord::Canceled => None,
		}
	}

	/// Every check settlement makes, without settling: the runtime API's `verify`.
	pub fn verify(intent: &Intent, signature: &IntentSignature, purpose: Purpose) -> Result<PaymentId, IntentError> {
		let payment_id = intent.payment_id();
		let (debits, credits) = (Pending::new(), Pending::new());
		Self::check_intent(&mut Context::new(), payment_id, intent, signature, purpose, &debits, &credits)?;
		Ok(payment_id)
	}

	/// Fails unless the nonce behind `payment_id` is neither used nor canceled.
	pub(crate) fn check_unused(payment_id: PaymentId) -> Result<(), IntentError> {
		match Authorizations::<T>::get(payment_id) {
			None => Ok(()),
			Some(AuthorizationRecord::Used { .. }) => Err(IntentError::NonceUsed),
			Some(AuthorizationRecord::Canceled) => Err(IntentError::NonceCanceled),
		}
	}

	/// The checks, in EIP-3009's order: window, nonce, asset, signature, then funds (against
	/// what earlier items of the same settlement already promised).
	fn check_intent(
		context: &mut Context<T>,
		payment_id: PaymentId,
		intent: &Intent,
		signature: &IntentSignature,
		purpose: Purpose,
		debits: &Pending,
		credits: &Pending,
	) -> Result<(), IntentError> {
		let now = context.now;
		if !intent.is_valid_at(now) {
			return Err(if now <= intent.valid_after { IntentError::NotYetValid } else { IntentError::Expired });
		}
		ensure!(intent.valid_before - now <= T::MaxValidity::get(), IntentError::ValidityTooLong);
		Self::check_unused(payment_id)?;
		ensure!(!intent.amount.is_zero(), IntentError::ZeroAmount);
		ensure!(intent.payer != intent.payee, IntentError::SelfPayment);
		let separator = context.separator(intent.asset).ok_or(IntentError::UnknownAsset)?;
		match signature {
			IntentSignature::Native(signature) => {
				let payload = native_signing_payload(purpose, context.genesis_hash, intent);
				ensure!(signature.verify(&payload[..], &intent.payer), IntentError::BadSignature);
			},
			IntentSignature::Evm(signature) => {
				let digest = eip712::typed_data_digest(
					&separator,
					&eip712::intent_struct_hash(purpose, intent)?,
				);
				let from = evm_address::embedded_address(intent.payer.as_ref())
					.ok_or(IntentError::NotAnEvmPayer)?;
				check_evm_signature(signature, &digest, from)?;
			},
		}

		let asset = intent.asset;
		let debit = pending(debits, asset, &intent.payer)
			.checked_add(intent.amount)
			.ok_or(IntentError::InsufficientFunds)?;
		let spendable = T::Assets::reducible_balance(
			asset,
			&intent.payer,
			Preservation::Expendable,
			Fortitude::Polite,
		);
		ensure!(debit <= spendable, IntentError::InsufficientFunds);
		let credit = pending(credits, asset, &intent.payee)
			.checked_add(intent.amount)
			.ok_or(IntentError::CannotReceive)?;
		match T::Assets::can_deposit(asset, &intent.payee, credit, Provenance::Extant) {
			DepositConsequence::Success => Ok(()),
			_ => Err(IntentError::CannotReceive),
		}
	}

	pub(crate) fn check_cancel_signature(
		payer: &AccountId,
		nonce: &AuthorizationNonce,
		asset: AssetId,
		signature: &IntentSignature,
	) -> Result<(), IntentError> {
		match signature {
			IntentSignature::Native(signature) => {
				let payload = native_cancel_payload(Self::genesis_hash(), payer, nonce);
				signature.verify(&payload[..], payer).then_some(()).ok_or(IntentError::BadSignature)
			},
			IntentSignature::Evm(signature) => {
				let authorizer = evm_address::embedded_address(payer.as_ref())
					.ok_or(IntentError::NotAnEvmPayer)?;
				let domain = Self::eip712_domain(asset).ok_or(IntentError::UnknownAsset)?;
				check_evm_signature(signature, &domain.cancel_digest(authorizer, nonce), authorizer)
			},
		}
	}

	/// Settles one intent or fails with its reason (the whole call reverts).
	pub(crate) fn settle_one(
		intent: Intent,
		signature: IntentSignature,
		purpose: Purpose,
	) -> DispatchResult {
		let mut settlement = Self::settle(alloc::vec![(intent, signature)], purpose)?;
		match settlement.outcomes.pop() {
			Some((_, Err(reason))) => Err(Error::<T>::from(reason).into()),
			_ => Ok(()),
		}
	}

	/// Checks each item against the state left by the items before it, records those that
	/// pass, and moves the netted amounts. Returns each item's payment id and outcome, in order,
	/// and how many payees were paid. At most `MaxBatch` items.
	pub(crate) fn settle(
		items: Vec<(Intent, IntentSignature)>,
		purpose: Purpose,
	) -> Result<Settlement, DispatchError> {
		let mut context = Context::<T>::new();
		let mut batch =
			Batch::<T> { debits: Pending::new(), credits: Pending::new(), entries: BTreeMap::new() };
		let mut outcomes = Vec::with_capacity(items.len());
		for (intent, signature) in items {
			let payment_id = intent.payment_id();
			let outcome = Self::check_intent(
				&mut context,
				payment_id,
				&intent,
				&signature,
				purpose,
				&batch.debits,
				&batch.credits,
			);
			if outcome.is_ok() {
				Self::record(&mut batch, payment_id, intent);
			}
			outcomes.push((payment_id, outcome));
		}
		let payees = batch.entries.len() as u32;
		// Every debit was checked against the spendable balance, and every credit against
		// `can_deposit`, so neither fails; if one did, the error reverts the whole call.
		for ((asset, payer), amount) in batch.debits {
			T::Assets::decrease_balance(
				asset,
				&payer,
				amount,
				Precision::Exact,
				Preservation::Expendable,
				Fortitude::Polite,
			)?;
		}
		for ((asset, payee), amount) in batch.credits {
			T::Assets::increase_balance(asset, &payee, amount, Precision::Exact)?;
		}
		let mut hook_weight = Weight::zero();
		for ((payee, asset), (mut ledger, entry)) in batch.entries {
			hook_weight.saturating_accrue(T::OnSettled::on_settled(
				&payee,
				asset,
				entry.count,
				entry.total,
			));
			LedgerEntries::<T>::insert((&payee, asset, ledger.next), entry);
			ledger.next.saturating_inc();
			Ledgers::<T>::insert(&payee, asset, ledger);
		}
		Ok(Settlement { outcomes, payees, hook_weight })
	}

	/// Marks the nonce used with the payment's receipt, adds the payment to its payee's ledger
	/// entry and the amounts to the batch's debits and credits, emits `Settled`.
	fn record(batch: &mut Batch<T>, payment_id: PaymentId, intent: Intent) {
		let (asset, amount) = (intent.asset, intent.amount);
		batch.debits.entry((asset, intent.payer.clone())).or_default().saturating_accrue(amount);
		batch.credits.entry((asset, intent.payee.clone())).or_default().saturating_accrue(amount);
		let block = frame_system::Pallet::<T>::block_number();
		let (ledger, entry) =
			batch.entries.entry((intent.payee.clone(), asset)).or_insert_with(|| {
				let ledger = Ledgers::<T>::get(&intent.payee, asset);
				let entry = LedgerEntry {
					block,
					count: 0,
					total: 0,
					commitment: ledger.chain_head,
					payments: BoundedVec::new(),
				};
				(ledger, entry)
			});
		ledger.chain_head =
			H256(blake2_256(&(ledger.chain_head, payment_id, &intent.payer, amount).encode()));
		ledger.lifetime_total.saturating_accrue(amount);
		entry.commitment = ledger.chain_head;
		entry.count.saturating_inc();
		entry.total.saturating_accrue(amount);
		// A settlement has at most `MaxBatch` items, so the entry always has room.
		let _ = entry.payments.try_push(payment_id);
		let receipt = Receipt {
			payer: intent.payer.clone(),
			payee: intent.payee.clone(),
			asset,
			amount,
			reference: intent.reference,
			block,
			extrinsic_index: frame_system::Pallet::<T>::extrinsic_index().unwrap_or_default(),
			sequence: ledger.next,
		};
		Authorizations::<T>::insert(
			payment_id,
			AuthorizationRecord::Used { expires: intent.valid_before, receipt },
		);
		Self::deposit_event(Event::Settled {
			payment_id,
			payer: intent.payer,
			payee: intent.payee,
			asset,
			amount,
			reference: intent.reference,
		});
	}

	/// Takes the payee's open ledger entries up to `up_to_block` into a new statement; returns
	/// how many it took.
	pub(crate) fn close(
		payee: AccountId,
		asset: AssetId,
		up_to_block: BlockNumberFor<T>,
	) -> Result<u32, DispatchError> {
		let mut ledger = Ledgers::<T>::get(&payee, asset);
		let first_entry = ledger.first_open;
		let mut commitment = H256::zero();
		let (mut taken, mut count, mut total) = (0u32, 0u32, Balance::zero());
		let mut from_block = None;
		let mut last_block = up_to_block;
		while ledger.first_open < ledger.next && taken < T::MaxStatementEntries::get() {
			let key = (&payee, asset, ledger.first_open);
			let Some(entry) = LedgerEntries::<T>::get(key) else { break };
			if entry.block > up_to_block {
				break;
			}
			taken += 1;
			count.saturating_accrue(entry.count);
			total.saturating_accrue(entry.total);
			commitment = entry.commitment;
			from_block.get_or_insert(entry.block);
			last_block = entry.block;
			LedgerEntries::<T>::remove(key);
			ledger.first_open.saturating_inc();
		}
		let from_block = from_block.ok_or(Error::<T>::NothingToClose)?;
		// A period cut short by `MaxStatementEntries` ends at its last entry's block.
		let cut_short = ledger.first_open < ledger.next && taken == T::MaxStatementEntries::get();
		let to_block = if cut_short { last_block } else { up_to_block };
		let statement = Statement { from_block, to_block, first_entry, count, total, commitment };
		let index = ledger.statements;
		ledger.statements.saturating_inc();
		Statements::<T>::insert((&payee, asset, index), statement.clone());
		Ledgers::<T>::insert(&payee, asset, ledger);
		Self::deposit_event(Event::StatementClosed { payee, asset, index, statement });
		Ok(taken)
	}

	/// Removes used-nonce records whose intent has expired, that were kept their
	/// `ReceiptRetention` and whose statement period is closed, resuming where the last sweep
	/// stopped, within `remaining` weight. Returns the weight used.
	pub(crate) fn prune_expired_authorizations(remaining: Weight) -> Weight {
		let db = T::DbWeight::get();
		let per_item = db.reads_writes(2, 1);
		let overhead = db.reads_writes(2, 1);
		if remaining.any_lt(overhead.saturating_add(per_item)) {
			return Weight::zero();
		}
		let budget = remaining.saturating_sub(overhead);
		let now = Self::now();
		// Receipts settled after this block are still within their retention.
		let retained_after = frame_system::Pallet::<T>::block_number()
			.saturating_sub(T::ReceiptRetention::get());
		let used = overhead;
		let mut iter = match PruneCursor::<T>::get() {
			Some(cursor) => Authorizations::<T>::iter_from(cursor.into_inner()),
			None => Authorizations::<T>::iter(),
		};
		let mut cursor = None;
		let mut swept = Weight::zero();
		loop {
			if budget.any_lt(swept.saturating_add(per_item)) {
				break;
			}
			let Some((payment_id, record)) = iter.next() else {
				cursor = None;
				break;
			};
			swept.saturating_accrue(per_item);
			cursor = Some(iter.last_raw_key().to_vec());
			if let AuthorizationRecord::Used { expires, receipt } = record {
				let closed = || {
					receipt.sequence < Ledgers::<T>::get(&receipt.payee, receipt.asset).first_open
				};
				if expires <= now && receipt.block <= retained_after && closed() {
					Authorizations::<T>::remove(payment_id);
				}
			}
		}
		match cursor.and_then(|key| BoundedVec::try_from(key).ok()) {
			Some(key) => PruneCursor::<T>::put(key),
			None => PruneCursor::<T>::kill(),
		}
		used.saturating_add(swept)
	}
}

/// Each item's payment id and outcome, in order, how many distinct (payee, asset) pairs the
/// settled items paid, and what telling the hook of them cost.
pub(crate) struct Settlement {
	pub outcomes: Vec<(PaymentId, Result<(), IntentError>)>,
	pub payees: u32,
	/// What the [`Config::OnSettled`] hook cost.
	pub hook_weight: Weight,
}

/// Fails unless `signature` over `digest` is by `expected`.
fn check_evm_signature(
	signature: &[u8; 65],
	digest: &[u8; 32],
	expected: H160,
) -> Result<(), IntentError> {
	evm_signature::is_signed_by(signature, digest, expected)
		.then_some(())
		.ok_or(IntentError::BadSignature)
}
