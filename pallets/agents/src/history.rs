//! Execution history: pallet-x402's settlement hook counts payments into agents' wallets.

use crate::*;
use pallet_x402::OnPaymentsSettled;
use polkadot_sdk::frame_support::{traits::Get, weights::Weight};

impl<T: Config> OnPaymentsSettled for Pallet<T> {
	fn on_settled(payee: &AccountId, asset: AssetId, payments: u32, total: Balance) -> Weight {
		let Some(agent) = AgentByWallet::<T>::get(payee) else {
			// A payee that is no agent's wallet costs the one look-up.
			return T::DbWeight::get().reads(1);
		};
		Executions::<T>::mutate(agent, asset, |execution| {
			execution.payments = execution.payments.saturating_add(payments.into());
			execution.volume = execution.volume.saturating_add(total);
		});
		T::WeightInfo::on_settled()
	}

	fn weight() -> Weight {
		T::WeightInfo::on_settled()
	}
}
