//! The checks every intent goes through and the settlement that follows; one code path for
//! single calls, batches and the runtime API's dry run.

use crate::*;
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
	sp_crypto_hashing::{blake2_256, keccak_256},
	sp_io,
	sp_runtime::{
		traits::{Saturating, Verify, Zero},
		AccountId32,
	},
};

/// Half the order of secp256k1: EVM signatures with a larger `s` are malleable copies and are
/// refused, as USDC's `ECRecover` does.
const SECP256K1_HALF_ORDER: [u8; 32] = [
	0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0,
];

/// Debits or credits promised by earlier items of the same settlement, per (asset, account).
type Pending = BTreeMap<(AssetId, AccountId), Balance>;

fn pending(map: &Pending, asset: AssetId, who: &AccountId) -> Balance {
	map.get(&(asset, who.clone())).copied().unwrap_or_default()
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

	/// Every check settlement makes, without settling: the runtime API's `verify`.
	pub fn verify(intent: &Intent, signature: &IntentSignature, purpose: Purpose) -> Result<PaymentId, IntentError> {
		Self::check_intent(intent, signature, purpose, &Pending::new(), &Pending::new())?;
		Ok(intent.payment_id())
	}

	/// Fails unless `nonce` of `payer` is neither used nor canceled.
	pub(crate) fn check_unused(payer: &AccountId, nonce: &AuthorizationNonce) -> Result<(), IntentError> {
		match Authorizations::<T>::get(payer, nonce) {
			None => Ok(()),
			Some(AuthorizationState::Used { .. }) => Err(IntentError::NonceUsed),
			Some(AuthorizationState::Canceled) => Err(IntentError::NonceCanceled),
		}
	}

	/// The checks, in EIP-3009's order: window, nonce, asset, signature, then funds (against
	/// what earlier items of the same settlement already promised).
	fn check_intent(
		intent: &Intent,
		signature: &IntentSignature,
		purpose: Purpose,
		debits: &Pending,
		credits: &Pending,
	) -> Result<(), IntentError> {
		let now = Self::now();
		ensure!(now > intent.valid_after, IntentError::NotYetValid);
		ensure!(now < intent.valid_before, IntentError::Expired);
		ensure!(intent.valid_before - now <= T::MaxValidity::get(), IntentError::ValidityTooLong);
		Self::check_unused(&intent.payer, &intent.nonce)?;
		ensure!(!intent.amount.is_zero(), IntentError::ZeroAmount);
		ensure!(intent.payer != intent.payee, IntentError::SelfPayment);
		let domain = Self::eip712_domain(intent.asset).ok_or(IntentError::UnknownAsset)?;
		Self::check_intent_signature(intent, signature, purpose, &domain)?;

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

	fn check_intent_signature(
		intent: &Intent,
		signature: &IntentSignature,
		purpose: Purpose,
		domain: &eip712::Domain,
	) -> Result<(), IntentError> {
		match signature {
			IntentSignature::Native(signature) => {
				let payload = native_signing_payload(purpose, Self::genesis_hash(), intent);
				signature
					.verify(&payload[..], &intent.payer)
					.then_some(())
					.ok_or(IntentError::BadSignature)
			},
			IntentSignature::Evm(signature) => {
				let from = evm_address::embedded_address(intent.payer.as_ref())
					.ok_or(IntentError::NotAnEvmPayer)?;
				let to = evm_address::address_of(intent.payee.as_ref());
				let digest = domain
					.authorization_digest(
						purpose,
						from,
						to,
						intent.amount,
						intent.valid_after,
						intent.valid_before,
						&intent.nonce,
					)
					.ok_or(IntentError::BadSignature)?;
				check_evm_signature(signature, &digest, from)
			},
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
		let mut outcomes = Self::settle(alloc::vec![(intent, signature)], purpose)?;
		match outcomes.pop() {
			Some((_, Err(reason))) => Err(Error::<T>::from(reason).into()),
			_ => Ok(()),
		}
	}

	/// Checks each item against the state left by the items before it, marks the nonces of
	/// those that pass, records their receipts, and moves the netted amounts. Returns each
	/// item's payment id and outcome, in order.
	pub(crate) fn settle(
		items: Vec<(Intent, IntentSignature)>,
		purpose: Purpose,
	) -> Result<Vec<(PaymentId, Result<(), IntentError>)>, DispatchError> {
		let mut debits = Pending::new();
		let mut credits = Pending::new();
		let mut outcomes = Vec::with_capacity(items.len());
		for (intent, signature) in items {
			let payment_id = intent.payment_id();
			let outcome = Self::check_intent(&intent, &signature, purpose, &debits, &credits);
			if outcome.is_ok() {
				let (asset, amount) = (intent.asset, intent.amount);
				debits.entry((asset, intent.payer.clone())).or_default().saturating_accrue(amount);
				credits.entry((asset, intent.payee.clone())).or_default().saturating_accrue(amount);
				Self::record(payment_id, intent);
			}
			outcomes.push((payment_id, outcome));
		}
		// Every debit was checked against the spendable balance, and every credit against
		// `can_deposit`, so neither fails; if one did, the error reverts the whole call.
		for ((asset, payer), amount) in debits {
			T::Assets::decrease_balance(
				asset,
				&payer,
				amount,
				Precision::Exact,
				Preservation::Expendable,
				Fortitude::Polite,
			)?;
		}
		for ((asset, payee), amount) in credits {
			T::Assets::increase_balance(asset, &payee, amount, Precision::Exact)?;
		}
		Ok(outcomes)
	}

	/// Marks the nonce used, stores the receipt in the payee's ledger, emits `Settled`.
	fn record(payment_id: PaymentId, intent: Intent) {
		Authorizations::<T>::insert(
			&intent.payer,
			intent.nonce,
			AuthorizationState::Used { expires: intent.valid_before },
		);
		let sequence = Ledgers::<T>::mutate(&intent.payee, intent.asset, |ledger| {
			let sequence = ledger.next;
			ledger.next.saturating_inc();
			ledger.lifetime_total.saturating_accrue(intent.amount);
			sequence
		});
		PayeeReceipts::<T>::insert((&intent.payee, intent.asset, sequence), payment_id);
		Receipts::<T>::insert(
			payment_id,
			Receipt {
				payer: intent.payer.clone(),
				payee: intent.payee.clone(),
				asset: intent.asset,
				amount: intent.amount,
				reference: intent.reference,
				block: frame_system::Pallet::<T>::block_number(),
				extrinsic_index: frame_system::Pallet::<T>::extrinsic_index().unwrap_or_default(),
				sequence,
			},
		);
		Self::deposit_event(Event::Settled {
			payment_id,
			payer: intent.payer,
			payee: intent.payee,
			asset: intent.asset,
			amount: intent.amount,
			reference: intent.reference,
		});
	}

	/// Takes the payee's open receipts up to `up_to_block` into a new statement; returns how
	/// many it took.
	pub(crate) fn close(
		payee: AccountId,
		asset: AssetId,
		up_to_block: BlockNumberFor<T>,
	) -> Result<u32, DispatchError> {
		let mut ledger = Ledgers::<T>::get(&payee, asset);
		let first_sequence = ledger.first_open;
		let mut commitment = H256::zero();
		let (mut count, mut total) = (0u32, Balance::zero());
		let mut from_block = None;
		let mut last_block = up_to_block;
		while ledger.first_open < ledger.next && count < T::MaxStatementReceipts::get() {
			let key = (&payee, asset, ledger.first_open);
			let Some(payment_id) = PayeeReceipts::<T>::get(key) else { break };
			let Some(receipt) = Receipts::<T>::get(payment_id) else { break };
			if receipt.block > up_to_block {
				break;
			}
			commitment = H256(blake2_256(
				&(commitment, payment_id, &receipt.payer, receipt.amount).encode(),
			));
			count += 1;
			total.saturating_accrue(receipt.amount);
			from_block.get_or_insert(receipt.block);
			last_block = receipt.block;
			PayeeReceipts::<T>::remove(key);
			Receipts::<T>::remove(payment_id);
			ledger.first_open.saturating_inc();
		}
		let from_block = from_block.ok_or(Error::<T>::NothingToClose)?;
		// A period cut short by `MaxStatementReceipts` ends at its last receipt's block.
		let to_block = if ledger.first_open < ledger.next && count == T::MaxStatementReceipts::get()
		{
			last_block
		} else {
			up_to_block
		};
		let statement = Statement {
			from_block,
			to_block,
			first_sequence,
			count,
			total,
			commitment,
		};
		let index = ledger.statements;
		ledger.statements.saturating_inc();
		Statements::<T>::insert((&payee, asset, index), statement.clone());
		Ledgers::<T>::insert(&payee, asset, ledger);
		Self::deposit_event(Event::StatementClosed { payee, asset, index, statement });
		Ok(count)
	}

	/// Removes used-nonce records whose intent has expired, resuming where the last sweep
	/// stopped, within `remaining` weight. Returns the weight used.
	pub(crate) fn prune_expired_authorizations(remaining: Weight) -> Weight {
		let db = T::DbWeight::get();
		let per_item = db.reads_writes(1, 1);
		let overhead = db.reads_writes(2, 1);
		if remaining.any_lt(overhead.saturating_add(per_item)) {
			return Weight::zero();
		}
		let budget = remaining.saturating_sub(overhead);
		let now = Self::now();
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
			let Some((payer, nonce, state)) = iter.next() else {
				cursor = None;
				break;
			};
			swept.saturating_accrue(per_item);
			cursor = Some(iter.last_raw_key().to_vec());
			if let AuthorizationState::Used { expires } = state {
				if expires <= now {
					Authorizations::<T>::remove(&payer, nonce);
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

/// `keccak_256` of the uncompressed public key, last 20 bytes: the EVM address.
fn check_evm_signature(
	signature: &[u8; 65],
	digest: &[u8; 32],
	expected: H160,
) -> Result<(), IntentError> {
	if signature[32..64] > SECP256K1_HALF_ORDER[..] {
		return Err(IntentError::BadSignature);
	}
	let public = sp_io::crypto::secp256k1_ecdsa_recover(signature, digest)
		.map_err(|_| IntentError::BadSignature)?;
	let signer = H160::from_slice(&keccak_256(&public)[12..]);
	(signer == expected && signer != H160::zero()).then_some(()).ok_or(IntentError::BadSignature)
}
