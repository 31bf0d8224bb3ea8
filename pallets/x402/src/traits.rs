//! How other pallets build on x402 settlement without a second copy of it: a hook that hears of
//! every settlement, look-ups of settled payments, and spending mandates that let a key spend
//! another account's funds.

use crate::*;
use polkadot_sdk::frame_support::weights::Weight;
#[cfg(feature = "runtime-benchmarks")]
use polkadot_sdk::frame_system;

/// Told of what each settling call paid each payee, after the balances moved.
pub trait OnPaymentsSettled {
	/// `payments` settled into `payee` in `asset`, `total` in all. Returns what it cost, at
	/// most [`OnPaymentsSettled::weight`].
	fn on_settled(payee: &AccountId, asset: AssetId, payments: u32, total: Balance) -> Weight;

	/// The most one [`OnPaymentsSettled::on_settled`] call may cost; settling calls are charged
	/// this once per payee they pay, and `settle_batch` is refunded down to what it cost.
	fn weight() -> Weight;
}

impl OnPaymentsSettled for () {
	fn on_settled(_: &AccountId, _: AssetId, _: u32, _: Balance) -> Weight {
		Weight::zero()
	}

	fn weight() -> Weight {
		Weight::zero()
	}
}

/// Keys that spend another account's funds within limits (pallet-mandates): settlement asks
/// whose funds each intent spends.
pub trait SpendingMandates {
	/// What one settlement's checks carry from item to item: what the items accepted before
	/// have spent through each mandate.
	type Pending: Default;

	/// Whose funds an intent of `signer` paying `amount` of `asset` to `payee` at `now`
	/// spends: `Ok(None)` its own (the key holds no mandate); `Ok(Some(spend))` the root's,
	/// every mandate up to the root allowing it on top of `pending`; `Err` why one refuses.
	fn authorize(
		pending: &Self::Pending,
		signer: &AccountId,
		asset: AssetId,
		payee: &AccountId,
		amount: Balance,
		now: UnixSeconds,
	) -> Result<Option<MandatedSpend>, MandateRefusal>;

	/// Counts an accepted item's spend in `pending`, for the items after it.
	fn reserve(
		pending: &mut Self::Pending,
		spend: &MandatedSpend,
		amount: Balance,
		now: UnixSeconds,
	);

	/// Counts `amount` in `count` payments as already spent through mandate `id` in
	/// `pending`: payments a facilitator has queued and the chain has not settled yet.
	fn preload(
		pending: &mut Self::Pending,
		id: MandateId,
		amount: Balance,
		count: u32,
		now: UnixSeconds,
	);

	/// Whose funds `signer`'s intents spend, and the mandates up to the root, whatever the
	/// limits allow; `None` for a key without a mandate.
	fn spender(signer: &AccountId) -> Option<MandatedSpend>;

	/// Counts a settled spend against its mandates.
	fn charge(spend: &MandatedSpend, amount: Balance, now: UnixSeconds);

	/// What `authorize`, `reserve` and `charge` cost for one item at most: a mandated one
	/// (`true`) or one whose key holds no mandate.
	fn item_weight(mandated: bool) -> Weight;
}

impl SpendingMandates for () {
	type Pending = ();

	fn authorize(
		_: &(),
		_: &AccountId,
		_: AssetId,
		_: &AccountId,
		_: Balance,
		_: UnixSeconds,
	) -> Result<Option<MandatedSpend>, MandateRefusal> {
		Ok(None)
	}

	fn reserve(_: &mut (), _: &MandatedSpend, _: Balance, _: UnixSeconds) {}

	fn preload(_: &mut (), _: MandateId, _: Balance, _: u32, _: UnixSeconds) {}

	fn spender(_: &AccountId) -> Option<MandatedSpend> {
		None
	}

	fn charge(_: &MandatedSpend, _: Balance, _: UnixSeconds) {}

	fn item_weight(_: bool) -> Weight {
		Weight::zero()
	}
}

/// A settled payment: who paid whom, what.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct SettledPayment {
	/// Who paid.
	pub payer: AccountId,
	/// Who was paid.
	pub payee: AccountId,
	/// In which asset.
	pub asset: AssetId,
	/// How much.
	pub amount: Balance,
}

/// Look-up of settled payments by id.
pub trait PaymentReceipts {
	/// The settled payment with this id, while its receipt is kept (at least
	/// [`Config::ReceiptRetention`] blocks after it settled).
	fn settled_payment(payment_id: &PaymentId) -> Option<SettledPayment>;

	/// Records `payment` as settled, for benchmarks of pallets that look payments up.
	#[cfg(feature = "runtime-benchmarks")]
	fn record_for_benchmark(payment_id: PaymentId, payment: SettledPayment);
}

impl<T: Config> PaymentReceipts for Pallet<T> {
	fn settled_payment(payment_id: &PaymentId) -> Option<SettledPayment> {
		Pallet::<T>::receipt(*payment_id).map(|receipt| SettledPayment {
			payer: receipt.payer,
			payee: receipt.payee,
			asset: receipt.asset,
			amount: receipt.amount,
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn record_for_benchmark(payment_id: PaymentId, payment: SettledPayment) {
		let receipt = Receipt {
			payer: payment.payer,
			payee: payment.payee,
			asset: payment.asset,
			amount: payment.amount,
			reference: None,
			block: frame_system::Pallet::<T>::block_number(),
			extrinsic_index: 0,
			mandate: None,
			sequence: 0,
		};
		Authorizations::<T>::insert(
			payment_id,
			AuthorizationRecord::Used { expires: UnixSeconds::MAX, receipt },
		);
	}
}
