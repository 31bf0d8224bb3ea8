//! `batch-settlement` payloads as the stock `@x402/evm` client and server build them: a channel
//! configuration, deposits (an ERC-3009 `ReceiveWithAuthorization` to the collector), vouchers,
//! claims and refunds, wrapped in the body of `POST /verify` and `/settle`.

use agentchain_primitives::{
	channels::{self, ChannelConfig, ChannelId},
	stablecoin,
	x402::{evm_address, PaymentIntent, Purpose},
	AccountId, Balance, DEV_EVM_CHAIN_ID,
};
use polkadot_sdk::sp_core::{ecdsa, H160};
use serde_json::{json, Value};

use crate::{
	evm,
	exact::{self, unix_now},
	permit2::dev_facilitator_address,
};

/// A payer's channel to `receiver`, with the development facilitator as receiver authorizer.
pub struct Channel {
	pub payer: ecdsa::Pair,
	pub config: ChannelConfig,
}

impl Channel {
	/// The channel of `payer` (who signs its vouchers) to `receiver`, with `salt` 0 as stock
	/// clients default to.
	pub fn new(payer: &ecdsa::Pair, receiver: H160) -> Self {
		let address = evm::address_of(payer);
		Self {
			payer: payer.clone(),
			config: ChannelConfig {
				payer: address,
				payer_authorizer: address,
				receiver,
				receiver_authorizer: dev_facilitator_address(),
				token: evm_address::asset_address(stablecoin::ASSET_ID),
				withdraw_delay: channels::MIN_WITHDRAW_DELAY,
				salt: [0; 32],
			},
		}
	}

	pub fn id(&self) -> ChannelId {
		self.config.id(DEV_EVM_CHAIN_ID)
	}

	/// The configuration as the stock JSON has it.
	pub fn config_json(&self) -> Value {
		let c = &self.config;
		json!({
			"payer": format!("{:?}", c.payer),
			"payerAuthorizer": format!("{:?}", c.payer_authorizer),
			"receiver": format!("{:?}", c.receiver),
			"receiverAuthorizer": format!("{:?}", c.receiver_authorizer),
			"token": format!("{:?}", c.token),
			"withdrawDelay": c.withdraw_delay,
			"salt": format!("0x{}", hex::encode(c.salt)),
		})
	}

	/// A voucher for `max_claimable` in all, signed by `signer`.
	pub fn voucher_by(&self, signer: &ecdsa::Pair, max_claimable: Balance) -> Value {
		let digest = channels::voucher_digest(DEV_EVM_CHAIN_ID, self.id(), max_claimable);
		json!({
			"channelId": format!("{:?}", self.id()),
			"maxClaimableAmount": max_claimable.to_string(),
			"signature": format!("0x{}", hex::encode(evm::sign_digest(signer, &digest))),
		})
	}

	/// A voucher for `max_claimable` signed by the payer.
	pub fn voucher(&self, max_claimable: Balance) -> Value {
		self.voucher_by(&self.payer, max_claimable)
	}

	/// A `voucher` payload.
	pub fn voucher_payload(&self, voucher: Value) -> Value {
		json!({ "type": "voucher", "channelConfig": self.config_json(), "voucher": voucher })
	}

	/// A `deposit` payload of `amount` with the deposit's `salt`, paying `max_claimable` with
	/// its voucher.
	pub fn deposit_payload(&self, amount: Balance, salt: u8, max_claimable: Balance) -> Value {
		let valid_before = unix_now() + 120;
		let salt = [salt; 32];
		let intent = PaymentIntent {
			payer: exact::account_of(&self.payer),
			payee: AccountId::new(channels::custody_account()),
			asset: stablecoin::ASSET_ID,
			amount,
			valid_after: 0,
			valid_before,
			nonce: channels::deposit_nonce(self.id(), &salt),
			reference: None,
		};
		let digest = stablecoin::eip712_domain(DEV_EVM_CHAIN_ID)
			.intent_digest(Purpose::Receive, &intent)
			.expect("an EVM payer");
		json!({
			"type": "deposit",
			"channelConfig": self.config_json(),
			"voucher": self.voucher(max_claimable),
			"deposit": {
				"amount": amount.to_string(),
				"authorization": { "erc3009Authorization": {
					"validAfter": "0",
					"validBefore": valid_before.to_string(),
					"salt": format!("0x{}", hex::encode(salt)),
					"signature": format!("0x{}", hex::encode(evm::sign_digest(&self.payer, &digest))),
				}},
			},
		})
	}

	/// A claim entry of `total_claimed` on the payer's voucher for `max_claimable`.
	pub fn claim(&self, max_claimable: Balance, total_claimed: Balance) -> Value {
		let voucher = self.voucher(max_claimable);
		json!({
			"voucher": { "channel": self.config_json(), "maxClaimableAmount": max_claimable.to_string() },
			"signature": voucher["signature"],
			"totalClaimed": total_claimed.to_string(),
		})
	}

	/// A `refund` payload as the stock server enriches it: the voucher of what was charged,
	/// the amount, the channel's refund nonce and `claims`.
	pub fn refund_payload(
		&self,
		charged: Balance,
		amount: Balance,
		nonce: u64,
		claims: Vec<Value>,
	) -> Value {
		json!({
			"type": "refund",
			"channelConfig": self.config_json(),
			"voucher": self.voucher(charged),
			"amount": amount.to_string(),
			"refundNonce": nonce.to_string(),
			"claims": claims,
		})
	}
}

/// The stock server's requirements for `price` per request paid to `pay_to` through a
/// channel whose receiver authorizer is the development facilitator.
pub fn requirements(price: Balance, pay_to: H160) -> Value {
	let mut required = exact::requirements(price, pay_to);
	required["scheme"] = "batch-settlement".into();
	required["extra"]["receiverAuthorizer"] = format!("{:?}", dev_facilitator_address()).into();
	required["extra"]["withdrawDelay"] = channels::MIN_WITHDRAW_DELAY.into();
	required
}

/// The `claim` payload of `claims`.
pub fn claim_payload(claims: Vec<Value>) -> Value {
	json!({ "type": "claim", "claims": claims })
}

/// The `settle` (sweep) payload for `receiver`.
pub fn settle_payload(receiver: H160) -> Value {
	json!({ "type": "settle", "receiver": format!("{receiver:?}"), "token": exact::stablecoin_address() })
}
