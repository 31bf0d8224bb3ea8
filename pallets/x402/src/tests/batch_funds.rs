//! `settle_batch` never fails because of its items, and moves exactly what one-by-one
//! settlement would: payers drained and paid back below the minimum, dust remainders, payers
//! who are also payees. After every batch the asset's supply is the sum of its balances and
//! every account changed by exactly what it received less what it paid.

use crate::{mock::*, *};
use codec::Encode;
use polkadot_sdk::{
	frame_support::{assert_ok, traits::fungibles::Mutate, BoundedVec},
	pallet_assets,
	sp_core::sr25519,
	sp_crypto_hashing::blake2_256,
};

fn batch(items: Vec<(Intent, IntentSignature)>) {
	let items: BoundedVec<_, _> = items.try_into().expect("within MaxBatch");
	assert_ok!(X402::settle_batch(RuntimeOrigin::signed(facilitator()), items));
}

/// Each item's outcome in the last batch, from its events.
fn outcomes(items: usize) -> Vec<Result<(), IntentError>> {
	let mut outcomes = vec![Ok(()); items];
	for event in x402_events() {
		if let Event::Rejected { index, reason, .. } = event {
			outcomes[index as usize] = Err(reason);
		}
	}
	outcomes
}

fn signed(
	payer: &sr25519::Pair,
	payee: &AccountId,
	amount: Balance,
	nonce: u8,
) -> (Intent, IntentSignature) {
	let intent = intent(&account_of(payer), payee, amount, nonce);
	let signature = sign_native(payer, &intent, Purpose::Transfer);
	(intent, signature)
}

fn fund(who: &AccountId, amount: Balance) {
	if amount > 0 {
		assert_ok!(<Assets as Mutate<AccountId>>::mint_into(USDC, who, amount));
	}
}

/// The asset's supply equals the sum of all its balances.
fn assert_supply_is_the_sum_of_balances() {
	let supply = pallet_assets::Asset::<Test>::get(USDC).expect("the stablecoin").supply;
	let sum: Balance = pallet_assets::Account::<Test>::iter_prefix_values(USDC)
		.map(|a| a.balance)
		.sum();
	assert_eq!(supply, sum);
}

#[test]
fn a_payer_drained_and_paid_back_below_the_minimum_does_not_revert_the_batch() {
	new_test_ext().execute_with(|| {
		let (x, y) = (native("X"), native("Y"));
		let (x_id, y_id, charlie_id) = (account_of(&x), account_of(&y), account_of(&charlie()));
		fund(&x_id, MIN_BALANCE);
		fund(&y_id, 100);
		batch(vec![
			signed(&x, &y_id, MIN_BALANCE, 1),
			signed(&y, &x_id, 1, 2),
			signed(&alice(), &charlie_id, 100, 3),
		]);
		// X's account died with its first payment; one unit cannot bring it back.
		assert_eq!(outcomes(3), vec![Ok(()), Err(IntentError::CannotReceive), Ok(())]);
		assert_eq!(
			(usdc(&x_id), usdc(&y_id), usdc(&charlie_id)),
			(0, 100 + MIN_BALANCE, START + 100)
		);
		assert_supply_is_the_sum_of_balances();
	});
}

#[test]
fn a_payer_is_never_charged_dust() {
	new_test_ext().execute_with(|| {
		let x = native("X");
		let (x_id, y_id) = (account_of(&x), account_of(&native("Y")));
		fund(&x_id, 15);
		// 15 - 10 would leave 5, less than the minimum: refused, nothing moves.
		batch(vec![signed(&x, &y_id, 10, 1)]);
		assert_eq!(outcomes(1), vec![Err(IntentError::DustRemainder)]);
		assert_eq!(usdc(&x_id), 15);
		assert_eq!(
			X402::verify(
				&signed(&x, &y_id, 10, 2).0,
				&signed(&x, &y_id, 10, 2).1,
				Purpose::Transfer
			),
			Err(IntentError::DustRemainder)
		);
		// All of it settles, and X loses exactly what it signed.
		System::reset_events();
		batch(vec![signed(&x, &y_id, 15, 3)]);
		assert_eq!(outcomes(1), vec![Ok(())]);
		assert_eq!((usdc(&x_id), usdc(&y_id)), (0, 15));
		assert_supply_is_the_sum_of_balances();
	});
}

#[test]
fn a_payer_spends_what_an_earlier_item_paid_it() {
	new_test_ext().execute_with(|| {
		let x = native("X");
		let (x_id, y_id) = (account_of(&x), account_of(&native("Y")));
		batch(vec![
			signed(&alice(), &x_id, 50, 1),
			signed(&x, &y_id, 40, 2),
			signed(&x, &y_id, 5, 3),
		]);
		// The third would leave 5: dust.
		assert_eq!(outcomes(3), vec![Ok(()), Ok(()), Err(IntentError::DustRemainder)]);
		assert_eq!((usdc(&x_id), usdc(&y_id)), (10, 40));
		assert_supply_is_the_sum_of_balances();
	});
}

#[test]
fn moving_one_item_alone_keeps_the_payer_above_the_minimum_or_empty() {
	new_test_ext().execute_with(|| {
		let x = native("X");
		let (x_id, y_id) = (account_of(&x), account_of(&native("Y")));
		fund(&x_id, 15);
		let move_one =
			|amount| crate::settlement::move_one::<Test>(&x_id, &intent(&x_id, &y_id, amount, 1));
		assert_eq!(move_one(16), Err(IntentError::InsufficientFunds));
		assert_eq!(move_one(10), Err(IntentError::InsufficientFunds));
		assert_eq!(move_one(5), Err(IntentError::CannotReceive));
		assert_eq!((usdc(&x_id), usdc(&y_id)), (15, 0));
		assert_eq!(move_one(15), Ok(()));
		assert_eq!((usdc(&x_id), usdc(&y_id)), (0, 15));
		assert_supply_is_the_sum_of_balances();
	});
}

const CASES: u32 = 300;
const ACCOUNTS: usize = 5;

/// Deterministic pseudo-random numbers: blake2 of (case, counter).
struct Random {
	case: u32,
	counter: u32,
}

impl Random {
	fn below(&mut self, bound: u64) -> u64 {
		self.counter += 1;
		let block = blake2_256(&(b"batch funds", self.case, self.counter).encode());
		u64::from_le_bytes(block[..8].try_into().unwrap()) % bound
	}
}

/// A case: the accounts' starting balances (0 or at least the minimum, so every account that
/// exists is valid) and up to `MaxBatch` signed items among them with amounts around the
/// minimum, some self-payments and some reused nonces.
fn arbitrary_case(case: u32) -> (Vec<Balance>, Vec<(Intent, IntentSignature)>) {
	let mut random = Random { case, counter: 0 };
	let keys: Vec<_> = (0..ACCOUNTS).map(|n| native(&format!("Random{n}"))).collect();
	let balances = (0..ACCOUNTS)
		.map(|_| if random.below(4) == 0 { 0 } else { MIN_BALANCE + random.below(30) as Balance })
		.collect();
	let items = (0..1 + random.below(16))
		.map(|_| {
			let payer = &keys[random.below(ACCOUNTS as u64) as usize];
			let payee = account_of(&keys[random.below(ACCOUNTS as u64) as usize]);
			let amount = 1 + random.below(40) as Balance;
			signed(payer, &payee, amount, random.below(24) as u8)
		})
		.collect();
	(balances, items)
}

/// Runs `settle` on a fresh chain with `balances`: each item's outcome and the final balances.
fn run(
	balances: &[Balance],
	items: &[(Intent, IntentSignature)],
	settle: impl Fn(&[(Intent, IntentSignature)]) -> Vec<Result<(), IntentError>>,
) -> (Vec<Result<(), IntentError>>, Vec<Balance>) {
	new_test_ext().execute_with(|| {
		let accounts: Vec<_> =
			(0..ACCOUNTS).map(|n| account_of(&native(&format!("Random{n}")))).collect();
		for (who, amount) in accounts.iter().zip(balances) {
			fund(who, *amount);
		}
		let outcomes = settle(items);
		let after: Vec<_> = accounts.iter().map(usdc).collect();
		assert_supply_is_the_sum_of_balances();
		// Each account changed by exactly what its settled items gave and took.
		for (n, who) in accounts.iter().enumerate() {
			let (mut expected, start) = (balances[n] as i128, balances[n] as i128);
			for ((intent, _), outcome) in items.iter().zip(&outcomes) {
				if outcome.is_ok() {
					if &intent.payer == who {
						expected -= intent.amount as i128;
					}
					if &intent.payee == who {
						expected += intent.amount as i128;
					}
				}
			}
			assert_eq!(after[n] as i128, expected, "account {n} started with {start}");
		}
		(outcomes, after)
	})
}

#[test]
fn a_batch_settles_exactly_what_one_by_one_settlement_would() {
	let mut seen = std::collections::BTreeMap::<String, u32>::new();
	for case in 0..CASES {
		// Signing reads the genesis hash from storage.
		let (balances, items) = new_test_ext().execute_with(|| arbitrary_case(case));
		let batched = run(&balances, &items, |items| {
			batch(items.to_vec());
			outcomes(items.len())
		});
		let one_by_one = run(&balances, &items, |items| {
			items
				.iter()
				.map(|item| {
					System::reset_events();
					batch(vec![item.clone()]);
					outcomes(1).remove(0)
				})
				.collect()
		});
		assert_eq!(batched, one_by_one, "case {case}: balances {balances:?}");
		for outcome in &batched.0 {
			*seen.entry(format!("{outcome:?}")).or_default() += 1;
		}
	}
	// The cases reach every path the funds checks have.
	for path in [
		"Ok(())",
		"Err(InsufficientFunds)",
		"Err(DustRemainder)",
		"Err(CannotReceive)",
		"Err(NonceUsed)",
		"Err(SelfPayment)",
	] {
		assert!(seen.get(path).is_some_and(|n| *n >= 5), "{path} was reached too rarely: {seen:?}");
	}
}

#[test]
fn verify_after_counts_what_the_payer_has_committed_to_earlier_payments() {
	new_test_ext().execute_with(|| {
		let (x, y) = (native("X"), native("Y"));
		let minimum = MIN_BALANCE;
		fund(&account_of(&x), 10 * minimum);
		let (intent, signature) = signed(&x, &account_of(&y), 4 * minimum, 1);
		let verify = |funds| {
			X402::verify_after(
				&intent,
				&signature,
				Purpose::Transfer,
				&Committed { funds, mandates: vec![] },
			)
		};

		assert_eq!(verify(0), Ok(intent.payment_id()));
		assert_eq!(verify(6 * minimum), Ok(intent.payment_id()), "exactly what is left");
		assert_eq!(verify(6 * minimum + 1), Err(IntentError::InsufficientFunds));
		// What would be left is dust: the payment could not settle after the others.
		assert_eq!(verify(6 * minimum - 1), Err(IntentError::DustRemainder));
		assert_eq!(verify(Balance::MAX), Err(IntentError::InsufficientFunds));
		assert_eq!(X402::verify(&intent, &signature, Purpose::Transfer), verify(0));
	});
}
