//! The checks every intent goes through and the settlement that follows; one code path for
//! single calls, batches and the runtime API's dry run.

use crate::*;
use agentchain_primitives::{
	evm_signature,
	x402::{
		payment_id,
		permit2::{self, Permit, Permit2Spender},
	},
};
use alloc::{
	collections::{BTreeMap, BTreeSet},
	vec::Vec,
};
use codec::Encode;
use polkadot_sdk::{
	frame_support::{
		pallet_prelude::*,
		storage::{with_transaction, TransactionOutcome},
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

/// What one settlement knows of an (asset, account) balance: where it started and what the
/// items accepted so far take from it and give to it. Items are checked against it, so that a
/// batch accepts exactly the items that would settle one by one, in order.
#[derive(Clone, Debug)]
struct Position {
	/// The balance before the settlement.
	start: Balance,
	/// What of `start` could leave the account (less than `start` while the account is frozen).
	spendable: Balance,
	/// Taken by accepted items.
	debits: Balance,
	/// Given by accepted items.
	credits: Balance,
}

impl Position {
	/// The balance after the items accepted so far.
	fn balance(&self) -> Balance {
		self.start.saturating_add(self.credits).saturating_sub(self.debits)
	}

	/// What could leave the account now: all of its balance, unless something restricted it at
	/// the start; then what was spendable then, less what has left since (what it received does
	/// not lift the restriction).
	fn spendable(&self) -> Balance {
		if self.spendable >= self.start {
			self.balance()
		} else {
			self.spendable.saturating_sub(self.debits)
		}
	}
}

/// The positions a settlement touched, read from storage on first use.
struct Positions<T: Config> {
	accounts: BTreeMap<(AssetId, AccountId), Position>,
	_config: core::marker::PhantomData<T>,
}

impl<T: Config> Positions<T> {
	fn new() -> Self {
		Self { accounts: BTreeMap::new(), _config: Default::default() }
	}

	fn of(&mut self, asset: AssetId, who: &AccountId) -> &mut Position {
		self.accounts.entry((asset, who.clone())).or_insert_with(|| Position {
			start: T::Assets::balance(asset, who),
			spendable: T::Assets::reducible_balance(
				asset,
				who,
				Preservation::Expendable,
				Fortitude::Polite,
			),
			debits: 0,
			credits: 0,
		})
	}

	/// Counts `amount` as already taken from `who`: fails if it is more than `who` can spend.
	fn commit(
		&mut self,
		asset: AssetId,
		who: &AccountId,
		amount: Balance,
	) -> Result<(), IntentError> {
		let position = self.of(asset, who);
		ensure!(amount <= position.spendable(), IntentError::InsufficientFunds);
		position.debits.saturating_accrue(amount);
		Ok(())
	}

	/// Accepts `intent`'s transfer from `from` (its payer, or the root of the payer's
	/// mandate) if it would succeed on its own after the items accepted so far, with
	/// pallet-assets' rules: `from` can spend the amount and is left with nothing or at least
	/// the minimum balance (no dust is ever destroyed); the payee can receive it and ends with
	/// at least the minimum balance.
	fn take(&mut self, from: &AccountId, intent: &Intent) -> Result<(), IntentError> {
		let (asset, amount) = (intent.asset, intent.amount);
		ensure!(*from != intent.payee, IntentError::SelfPayment);
		let minimum = T::Assets::minimum_balance(asset);
		let payer = self.of(asset, from).clone();
		ensure!(amount <= payer.spendable(), IntentError::InsufficientFunds);
		let remainder = payer.balance().saturating_sub(amount);
		ensure!(remainder.is_zero() || remainder >= minimum, IntentError::DustRemainder);
		let payee = self.of(asset, &intent.payee).clone();
		let received = payee.credits.checked_add(amount).ok_or(IntentError::CannotReceive)?;
		let ends_with = payee.balance().checked_add(amount).ok_or(IntentError::CannotReceive)?;
		ensure!(ends_with >= minimum, IntentError::CannotReceive);
		// Everything else pallet-assets checks of a deposit (the asset's state, a blocked
		// account, overflow, creating the account) against what the payee receives in all.
		ensure!(
			T::Assets::can_deposit(asset, &intent.payee, received, Provenance::Extant)
				== DepositConsequence::Success,
			IntentError::CannotReceive
		);
		self.of(asset, from).debits.saturating_accrue(amount);
		self.of(asset, &intent.payee).credits = received;
		Ok(())
	}

	/// Moves the netted amounts: each touched balance is written once. All or nothing: false
	/// (and nothing moved) if pallet-assets refused any of it.
	fn move_netted(&self) -> bool {
		let outcome = with_transaction(|| {
			let moved = (|| -> DispatchResult {
				let (decreases, increases): (Vec<_>, Vec<_>) =
					self.accounts.iter().partition(|(_, p)| p.debits > p.credits);
				for ((asset, who), position) in decreases {
					let amount = position.debits - position.credits;
					let taken = T::Assets::decrease_balance(
						*asset,
						who,
						amount,
						Precision::Exact,
						Preservation::Expendable,
						Fortitude::Polite,
					)?;
					ensure!(taken == amount, DispatchError::Other("dust"));
				}
				for ((asset, who), position) in increases {
					if position.credits > position.debits {
						let amount = position.credits - position.debits;
						T::Assets::increase_balance(*asset, who, amount, Precision::Exact)?;
					}
				}
				Ok(())
			})();
			match moved {
				Ok(()) => TransactionOutcome::Commit(Ok::<_, DispatchError>(true)),
				Err(_) => TransactionOutcome::Rollback(Ok(false)),
			}
		});
		outcome.unwrap_or(false)
	}
}

/// Moves one intent's amount from `from` on its own, all or nothing; the reason if
/// pallet-assets refuses. `from` keeps at least the minimum balance unless it pays all it has.
pub(crate) fn move_one<T: Config>(from: &AccountId, intent: &Intent) -> Result<(), IntentError> {
	let (asset, amount) = (intent.asset, intent.amount);
	let outcome = with_transaction(|| {
		let all = T::Assets::balance(asset, from) == amount;
		let preservation = if all { Preservation::Expendable } else { Preservation::Preserve };
		let taken = T::Assets::decrease_balance(
			asset,
			from,
			amount,
			Precision::Exact,
			preservation,
			Fortitude::Polite,
		);
		if taken != Ok(amount) {
			return TransactionOutcome::Rollback(Ok(Err(IntentError::InsufficientFunds)));
		}
		if T::Assets::increase_balance(asset, &intent.payee, amount, Precision::Exact).is_err() {
			return TransactionOutcome::Rollback(Ok(Err(IntentError::CannotReceive)));
		}
		TransactionOutcome::Commit(Ok::<_, DispatchError>(Ok(())))
	});
	outcome.unwrap_or(Err(IntentError::CannotReceive))
}

/// What every intent of one settlement is checked against, read once per settlement rather
/// than once per intent.
pub(crate) struct Context<T: Config> {
	now: UnixSeconds,
	genesis_hash: <T as frame_system::Config>::Hash,
	/// Each asset's EIP-712 domain separator; `None` for an asset that is not payable.
	separators: BTreeMap<AssetId, Option<[u8; 32]>>,
	/// Permit2's EIP-712 domain separator, once a permit needs it.
	permit2_separator: Option<[u8; 32]>,
	/// The account that submitted the settling call; `None` in the runtime API's dry runs,
	/// which cannot know who will. Only it may settle an `upto` permit that names it.
	submitter: Option<AccountId>,
}

impl<T: Config> Context<T> {
	pub(crate) fn new(submitter: Option<AccountId>) -> Self {
		Self {
			now: Pallet::<T>::now(),
			genesis_hash: Pallet::<T>::genesis_hash(),
			separators: BTreeMap::new(),
			permit2_separator: None,
			submitter,
		}
	}

	fn permit2_separator(&mut self) -> [u8; 32] {
		*self
			.permit2_separator
			.get_or_insert_with(|| permit2::domain_separator(EvmChainId::<T>::get()))
	}

	fn separator(&mut self, asset: AssetId) -> Option<[u8; 32]> {
		*self
			.separators
			.entry(asset)
			.or_insert_with(|| Pallet::<T>::eip712_domain(asset).map(|domain| domain.separator()))
	}
}

/// The ledger entry each (payee, asset) of one settlement gets, written once at the end.
type Entries<T> = BTreeMap<
	(AccountId, AssetId),
	(Ledger, LedgerEntry<BlockNumberFor<T>, <T as Config>::MaxBatch>),
>;

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
			chain_id: EvmChainId::<T>::get(),
			verifying_contract: evm_address::asset_address(asset),
		})
	}

	/// The account a payment to the 20-byte `address` credits.
	pub fn account_of_address(address: H160) -> AccountId {
		EvmAccounts::<T>::get(address)
			.unwrap_or_else(|| AccountId32::new(evm_address::embedded_account(address)))
	}

	/// What the chain remembers of `payer`'s `nonce`.
	pub fn authorization_state(
		payer: &AccountId,
		nonce: &AuthorizationNonce,
	) -> Option<AuthorizationState> {
		Authorizations::<T>::get(payment_id(payer, nonce)).map(|record| record.state())
	}

	/// The receipt of a settled payment, while its record is kept.
	pub fn receipt(
		payment_id: PaymentId,
	) -> Option<Receipt<AccountId, AssetId, Balance, BlockNumberFor<T>>> {
		match Authorizations::<T>::get(payment_id)? {
			AuthorizationRecord::Used { receipt, .. } => Some(receipt),
			AuthorizationRecord::Canceled => None,
		}
	}

	/// Every check settlement makes, without settling: the runtime API's `verify`.
	pub fn verify(
		intent: &Intent,
		signature: &IntentSignature,
		purpose: Purpose,
	) -> Result<PaymentId, IntentError> {
		Self::verify_after(intent, signature, purpose, &Committed::default())
	}

	/// [`Self::verify`] as if what a facilitator has queued and not yet settled had settled
	/// first (`committed.funds` out of the debited account, each listed amount and count
	/// through each mandate): whether `intent` would still settle after those.
	pub fn verify_after(
		intent: &Intent,
		signature: &IntentSignature,
		purpose: Purpose,
		committed: &Committed,
	) -> Result<PaymentId, IntentError> {
		let payment_id = intent.payment_id();
		let mut context = Context::new(None);
		Self::check_intent(&mut context, payment_id, intent, signature, purpose, &BTreeSet::new())?;
		let mut pending = Default::default();
		for (id, amount, count) in &committed.mandates {
			T::Mandates::preload(&mut pending, *id, *amount, *count, context.now);
		}
		let spend = Self::spend_of(&pending, intent, context.now)?;
		let from = spend.as_ref().map_or(&intent.payer, |spend| &spend.root);
		let mut positions = Positions::<T>::new();
		positions.commit(intent.asset, from, committed.funds)?;
		positions.take(from, intent)?;
		Ok(payment_id)
	}

	/// Whether `signature` authorizes `intent` for `purpose` here, whatever the state of its
	/// nonce, window and funds: the runtime API's `check_signature`.
	pub fn check_signature(
		intent: &Intent,
		signature: &IntentSignature,
		purpose: Purpose,
	) -> Result<(), IntentError> {
		Self::check_authorization(&mut Context::new(None), intent, signature, purpose)
	}

	/// Whose funds `intent` spends: `None` its payer's own, `Some` the root of the payer key's
	/// mandate, if every mandate up to the root allows it on top of `pending`.
	fn spend_of(
		pending: &<T::Mandates as SpendingMandates>::Pending,
		intent: &Intent,
		now: UnixSeconds,
	) -> Result<Option<MandatedSpend>, IntentError> {
		T::Mandates::authorize(
			pending,
			&intent.payer,
			intent.asset,
			&intent.payee,
			intent.amount,
			now,
		)
		.map_err(IntentError::Mandate)
	}

	/// Fails unless the nonce behind `payment_id` is neither used nor canceled.
	pub(crate) fn check_unused(payment_id: PaymentId) -> Result<(), IntentError> {
		match Authorizations::<T>::get(payment_id) {
			None => Ok(()),
			Some(AuthorizationRecord::Used { .. }) => Err(IntentError::NonceUsed),
			Some(AuthorizationRecord::Canceled) => Err(IntentError::NonceCanceled),
		}
	}

	/// The checks before funds, in EIP-3009's order: window, nonce (also against the items
	/// `used` earlier in the same settlement), asset, signature.
	fn check_intent(
		context: &mut Context<T>,
		payment_id: PaymentId,
		intent: &Intent,
		signature: &IntentSignature,
		purpose: Purpose,
		used: &BTreeSet<PaymentId>,
	) -> Result<(), IntentError> {
		let now = context.now;
		if !intent.is_valid_at(now) {
			return Err(if now <= intent.valid_after {
				IntentError::NotYetValid
			} else {
				IntentError::Expired
			});
		}
		// An intent settles only in the last `MaxValidity` of its window, so a used nonce's
		// record, kept for `MaxValidity` after it settles, outlives every intent with that nonce
		// that could settle then, however early its window opened (stock clients sign
		// `validAfter = 0`).
		ensure!(
			intent.valid_before <= now.saturating_add(T::MaxValidity::get()),
			IntentError::ValidityTooLong
		);
		Self::check_unused(payment_id)?;
		ensure!(!used.contains(&payment_id), IntentError::NonceUsed);
		ensure!(!intent.amount.is_zero(), IntentError::ZeroAmount);
		ensure!(intent.payer != intent.payee, IntentError::SelfPayment);
		Self::check_authorization(context, intent, signature, purpose)
	}

	/// The asset is payable and `signature` is the payer's over exactly this intent. An EVM
	/// signature or permit covers a 20-byte `to`: the intent's payee must be the account it
	/// pays, and the intent may have no reference.
	fn check_authorization(
		context: &mut Context<T>,
		intent: &Intent,
		signature: &IntentSignature,
		purpose: Purpose,
	) -> Result<(), IntentError> {
		let separator = context.separator(intent.asset).ok_or(IntentError::UnknownAsset)?;
		match signature {
			IntentSignature::Native(signature) => {
				let payload = native_signing_payload(purpose, context.genesis_hash, intent);
				ensure!(signature.verify(&payload[..], &intent.payer), IntentError::BadSignature);
			},
			IntentSignature::Evm(signature) => {
				ensure!(intent.reference.is_none(), IntentError::UnsignedReference);
				let from = evm_address::embedded_address(intent.payer.as_ref())
					.ok_or(IntentError::NotAnEvmPayer)?;
				let to = evm_address::address_of(intent.payee.as_ref());
				ensure!(Self::account_of_address(to) == intent.payee, IntentError::BadSignature);
				let digest = eip712::typed_data_digest(
					&separator,
					&eip712::intent_struct_hash(purpose, intent)?,
				);
				check_evm_signature(signature, &digest, from)?;
			},
			IntentSignature::Permit2 { signature, spender } => {
				ensure!(purpose == Purpose::Transfer, IntentError::BadSignature);
				ensure!(intent.reference.is_none(), IntentError::UnsignedReference);
				let from = evm_address::embedded_address(intent.payer.as_ref())
					.ok_or(IntentError::NotAnEvmPayer)?;
				let permit = Permit::of(intent, spender)?;
				ensure!(
					Self::account_of_address(permit.to) == intent.payee,
					IntentError::BadSignature
				);
				if let (Permit2Spender::Upto { facilitator, .. }, Some(submitter)) =
					(spender, &context.submitter)
				{
					ensure!(
						evm_address::address_of(submitter.as_ref()) == *facilitator,
						IntentError::WrongFacilitator
					);
				}
				let digest = eip712::typed_data_digest(
					&context.permit2_separator(),
					&permit2::struct_hash(&permit, spender),
				);
				check_evm_signature(signature, &digest, from)?;
			},
		}
		Ok(())
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
				signature
					.verify(&payload[..], payer)
					.then_some(())
					.ok_or(IntentError::BadSignature)
			},
			// A permit is spent by settling it; Permit2's own nonce invalidation is not offered.
			IntentSignature::Permit2 { .. } => Err(IntentError::BadSignature),
			IntentSignature::Evm(signature) => {
				let authorizer = evm_address::embedded_address(payer.as_ref())
					.ok_or(IntentError::NotAnEvmPayer)?;
				let domain = Self::eip712_domain(asset).ok_or(IntentError::UnknownAsset)?;
				check_evm_signature(signature, &domain.cancel_digest(authorizer, nonce), authorizer)
			},
		}
	}

	/// Settles one intent submitted by `submitter` or fails with its reason (the whole call
	/// reverts).
	pub(crate) fn settle_one(
		intent: Intent,
		signature: IntentSignature,
		purpose: Purpose,
		submitter: AccountId,
	) -> DispatchResult {
		let mut settlement =
			Self::settle(alloc::vec![(intent, signature)], purpose, Some(submitter));
		match settlement.outcomes.pop() {
			Some((_, Err(reason))) => Err(Error::<T>::from(reason).into()),
			_ => Ok(()),
		}
	}

	/// Checks each item against the state left by the items before it, moves the netted
	/// amounts of those that pass, and records them. Returns each item's payment id and
	/// outcome, in order, and how many payees were paid. Never fails as a whole: an item that
	/// cannot settle is rejected on its own. At most `MaxBatch` items. `submitter` is the
	/// account that submitted the call (`None` in a dry run).
	pub(crate) fn settle(
		items: Vec<(Intent, IntentSignature)>,
		purpose: Purpose,
		submitter: Option<AccountId>,
	) -> Settlement {
		let mut context = Context::<T>::new(submitter);
		let now = context.now;
		let mut positions = Positions::<T>::new();
		let mut pending = Default::default();
		let mut used = BTreeSet::new();
		let mut outcomes = Vec::with_capacity(items.len());
		let mut accepted = Vec::new();
		let (mut looked_up, mut mandated) = (0u32, 0u32);
		for (index, (intent, signature)) in items.into_iter().enumerate() {
			let payment_id = intent.payment_id();
			let checked =
				Self::check_intent(&mut context, payment_id, &intent, &signature, purpose, &used);
			let outcome = checked.and_then(|()| {
				looked_up += 1;
				let spend = Self::spend_of(&pending, &intent, now)?;
				mandated += spend.is_some() as u32;
				let from = spend.as_ref().map_or(&intent.payer, |spend| &spend.root);
				positions.take(from, &intent)?;
				Ok(spend)
			});
			let outcome = outcome.map(|spend| {
				if let Some(spend) = &spend {
					T::Mandates::reserve(&mut pending, spend, intent.amount, now);
				}
				used.insert(payment_id);
				accepted.push((index, payment_id, intent, spend));
			});
			outcomes.push((payment_id, outcome));
		}
		if !positions.move_netted() {
			// The checks follow pallet-assets' rules; should it refuse the netted amounts for a
			// rule they do not model, each item moves on its own and one it refuses is rejected.
			accepted.retain(|(index, _, intent, spend)| {
				let from = spend.as_ref().map_or(&intent.payer, |spend| &spend.root);
				match move_one::<T>(from, intent) {
					Ok(()) => true,
					Err(reason) => {
						outcomes[*index].1 = Err(reason);
						false
					},
				}
			});
		}
		let mut entries = Entries::<T>::new();
		let expires = now.saturating_add(T::MaxValidity::get());
		// A settlement has at most `MaxBatch` items, so nothing is cut off.
		let settled = BoundedVec::truncate_from(accepted.iter().map(|(_, id, ..)| *id).collect());
		for (_, payment_id, intent, spend) in accepted {
			if let Some(spend) = &spend {
				T::Mandates::charge(spend, intent.amount, now);
			}
			Self::record(&mut entries, payment_id, intent, spend, expires);
		}
		let payees = entries.len() as u32;
		let mut hook_weight = Weight::zero();
		let mut written = Vec::with_capacity(entries.len());
		for ((payee, asset), (mut ledger, entry)) in entries {
			hook_weight.saturating_accrue(T::OnSettled::on_settled(
				&payee,
				asset,
				entry.count,
				entry.total,
			));
			LedgerEntries::<T>::insert((&payee, asset, ledger.next), entry);
			written.push((payee.clone(), asset, ledger.next));
			ledger.next.saturating_inc();
			Ledgers::<T>::insert(&payee, asset, ledger);
		}
		if !settled.is_empty() {
			Self::expire_later(Expiring {
				block: frame_system::Pallet::<T>::block_number(),
				expires,
				payments: settled,
				entries: BoundedVec::truncate_from(written),
			});
		}
		let mandates_weight =
			T::Mandates::item_weight(true).saturating_mul(mandated.into()).saturating_add(
				T::Mandates::item_weight(false)
					.saturating_mul(looked_up.saturating_sub(mandated).into()),
			);
		Settlement { outcomes, payees, hook_weight: hook_weight.saturating_add(mandates_weight) }
	}

	/// Appends what a settling call wrote to the back of the expiry queue.
	fn expire_later(writes: Expiring<BlockNumberFor<T>, T::MaxBatch>) {
		ExpiryBounds::<T>::mutate(|bounds| {
			ExpiryQueue::<T>::insert(bounds.next, writes);
			bounds.next.saturating_inc();
		});
	}

	/// Marks the nonce used (until `expires`) with the payment's receipt, adds the payment to
	/// its payee's ledger entry, emits `Settled`.
	fn record(
		entries: &mut Entries<T>,
		payment_id: PaymentId,
		intent: Intent,
		mandate: Option<MandatedSpend>,
		expires: UnixSeconds,
	) {
		let (asset, amount) = (intent.asset, intent.amount);
		let block = frame_system::Pallet::<T>::block_number();
		let (ledger, entry) = entries.entry((intent.payee.clone(), asset)).or_insert_with(|| {
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
			mandate: mandate.clone(),
			sequence: ledger.next,
		};
		Authorizations::<T>::insert(payment_id, AuthorizationRecord::Used { expires, receipt });
		Self::deposit_event(Event::Settled {
			payment_id,
			payer: intent.payer,
			payee: intent.payee,
			asset,
			amount,
			reference: intent.reference,
			mandate,
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

	/// Removes what settling calls wrote once it is due, from the front of the expiry queue,
	/// within `remaining` weight; returns the weight used. Due means kept `ReceiptRetention`
	/// blocks and past `expires` (no intent with those nonces can be valid any more). The queue
	/// is in settlement order, so the first call not yet due ends the sweep: it reads nothing it
	/// does not remove but that one entry. A call cut short by the weight keeps the rest of its
	/// list for the next block.
	pub(crate) fn prune_expired(remaining: Weight) -> Weight {
		let per_call = T::WeightInfo::prune_expired(0, 0);
		let per_payment = T::WeightInfo::prune_expired(1, 0).saturating_sub(per_call);
		let per_entry = T::WeightInfo::prune_expired(0, 1).saturating_sub(per_call);
		let fits = |used: Weight, more: Weight| used.saturating_add(more).all_lte(remaining);
		let mut bounds = ExpiryBounds::<T>::get();
		let first = bounds.first;
		let now = Self::now();
		// Receipts settled after this block are still within their retention.
		let retained_after =
			frame_system::Pallet::<T>::block_number().saturating_sub(T::ReceiptRetention::get());
		let mut used = Weight::zero();
		while bounds.first < bounds.next && fits(used, per_call) {
			used.saturating_accrue(per_call);
			let Some(mut due) = ExpiryQueue::<T>::get(bounds.first) else {
				bounds.first.saturating_inc();
				continue;
			};
			if due.block > retained_after || due.expires > now {
				break;
			}
			while fits(used, per_payment) {
				let Some(payment_id) = due.payments.pop() else { break };
				Authorizations::<T>::remove(payment_id);
				used.saturating_accrue(per_payment);
			}
			while due.payments.is_empty() && fits(used, per_entry) {
				let Some((payee, asset, number)) = due.entries.pop() else { break };
				Self::expire_entry(payee, asset, number);
				used.saturating_accrue(per_entry);
			}
			if !due.payments.is_empty() || !due.entries.is_empty() {
				ExpiryQueue::<T>::insert(bounds.first, due);
				break;
			}
			ExpiryQueue::<T>::remove(bounds.first);
			bounds.first.saturating_inc();
		}
		// Blocks in which nothing fell due write nothing.
		if bounds.first != first {
			ExpiryBounds::<T>::put(bounds);
		}
		used
	}

	/// Removes the payee's ledger entry `number`; if no statement took it, the open period now
	/// starts after it (entries expire oldest first, so it was the first open one).
	fn expire_entry(payee: AccountId, asset: AssetId, number: u64) {
		LedgerEntries::<T>::remove((&payee, asset, number));
		let mut ledger = Ledgers::<T>::get(&payee, asset);
		if ledger.first_open <= number {
			ledger.first_open = number.saturating_add(1);
			Ledgers::<T>::insert(&payee, asset, ledger);
		}
	}
}

/// Each item's payment id and outcome, in order, how many distinct (payee, asset) pairs the
/// settled items paid, and what the hook and the mandates cost.
pub(crate) struct Settlement {
	pub outcomes: Vec<(PaymentId, Result<(), IntentError>)>,
	pub payees: u32,
	/// What the [`Config::OnSettled`] hook and [`Config::Mandates`] cost.
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
