//! Summary arithmetic: (weighted) averages of fixed-point values with different decimals,
//! exact for every input the pallet accepts.
//!
//! As ERC-8004's reference, each value is first brought to 18 decimals; the average is then
//! given at the decimals most of the values use. Magnitudes are summed apart from signs in
//! 512-bit integers: a value (below 1e38 · 1e18 < 2^187) times a weight (a paid amount, below
//! 2^128), over up to 2^64 entries, stays below 2^380.

use agentchain_primitives::{
	agents::{FeedbackScalar, FeedbackValue, MAX_VALUE_DECIMALS},
	Balance,
};
use polkadot_sdk::sp_core::U512;

fn pow10(exponent: u8) -> U512 {
	U512::from(10u8).pow(U512::from(exponent))
}

/// A running (weighted) average of feedback values.
#[derive(Default)]
pub struct Average {
	count: u64,
	positive: U512,
	negative: U512,
	weights: U512,
	/// How many values use each number of decimals.
	decimals: [u64; MAX_VALUE_DECIMALS as usize + 1],
	paid: Balance,
}

impl Average {
	/// Adds `value` with `weight`; `paid` adds to the reported total paid.
	pub fn add(&mut self, value: FeedbackValue, weight: u128, paid: Balance) {
		let decimals = value.decimals.min(MAX_VALUE_DECIMALS);
		let term = U512::from(value.value.unsigned_abs())
			* pow10(MAX_VALUE_DECIMALS - decimals)
			* U512::from(weight);
		if value.value < 0 {
			self.negative += term;
		} else {
			self.positive += term;
		}
		self.weights += U512::from(weight);
		self.decimals[decimals as usize] = self.decimals[decimals as usize].saturating_add(1);
		self.count = self.count.saturating_add(1);
		self.paid = self.paid.saturating_add(paid);
	}

	/// How many values, their average (rounded toward zero, saturated) and the total paid.
	pub fn finish(self) -> (u64, FeedbackValue, Balance) {
		if self.weights.is_zero() {
			return (self.count, FeedbackValue::default(), self.paid);
		}
		// The most used decimals; on a tie the fewer, which `max_by_key` gives when
		// iterating from the most decimals down.
		let decimals = (0..=MAX_VALUE_DECIMALS)
			.rev()
			.max_by_key(|d| self.decimals[*d as usize])
			.unwrap_or_default();
		let (magnitude, negative) = if self.positive >= self.negative {
			(self.positive - self.negative, false)
		} else {
			(self.negative - self.positive, true)
		};
		let scaled = magnitude / self.weights / pow10(MAX_VALUE_DECIMALS - decimals);
		let value = match (negative, u128::try_from(scaled)) {
			(false, Ok(m)) if m <= FeedbackScalar::MAX as u128 => m as FeedbackScalar,
			(false, _) => FeedbackScalar::MAX,
			(true, Ok(m)) if m <= FeedbackScalar::MIN.unsigned_abs() => {
				0i128.wrapping_sub_unsigned(m)
			},
			(true, _) => FeedbackScalar::MIN,
		};
		(self.count, FeedbackValue { value, decimals }, self.paid)
	}
}
