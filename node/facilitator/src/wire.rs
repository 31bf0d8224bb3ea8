//! The x402 v2 JSON the facilitator reads and writes, named field for field as the protocol's
//! specification and the stock `@x402/*` packages name them.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The protocol version this facilitator speaks.
pub const X402_VERSION: u32 = 2;

/// The payer authorizes exactly `amount` (EIP-3009, or a Permit2 permit).
pub const SCHEME_EXACT: &str = "exact";

/// The payer permits up to `amount`; the resource server settles what the request used.
pub const SCHEME_UPTO: &str = "upto";

/// A payment channel: the payer deposits once and pays each request with a cumulative voucher.
pub const SCHEME_BATCH_SETTLEMENT: &str = "batch-settlement";

/// What a resource server asks for (`accepts[]` of a 402, `accepted` of a payment).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentRequirements {
	pub scheme: String,
	pub network: String,
	/// Atomic units, as a decimal string.
	pub amount: String,
	/// The asset's 20-byte address, `0x`-hex.
	pub asset: String,
	/// The payee: a 20-byte address (EVM kind) or an account (native kind).
	pub pay_to: String,
	pub max_timeout_seconds: u64,
	#[serde(default)]
	pub extra: Value,
}

/// A client's payment (the decoded `PAYMENT-SIGNATURE` header).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentPayload {
	pub x402_version: u32,
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub resource: Option<Value>,
	pub accepted: PaymentRequirements,
	/// Scheme- and network-specific: see [`EvmExactPayload`] and [`NativeExactPayload`].
	pub payload: Value,
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub extensions: Option<Value>,
}

/// The body of `POST /verify` and `POST /settle`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FacilitatorRequest {
	pub x402_version: u32,
	pub payment_payload: PaymentPayload,
	pub payment_requirements: PaymentRequirements,
}

/// The `payload` of an `exact` payment on `eip155:<chain id>`: an EIP-3009 authorization.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EvmExactPayload {
	/// 65 bytes, `0x`-hex.
	pub signature: String,
	pub authorization: EvmAuthorization,
}

/// EIP-3009's `TransferWithAuthorization` message, numbers as decimal strings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EvmAuthorization {
	pub from: String,
	pub to: String,
	pub value: String,
	pub valid_after: String,
	pub valid_before: String,
	/// 32 bytes, `0x`-hex.
	pub nonce: String,
}

/// The `payload` of a Permit2 payment: `exact` with `extra.assetTransferMethod: "permit2"`, and
/// `upto`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Permit2Payload {
	/// 65 bytes, `0x`-hex.
	pub signature: String,
	pub permit2_authorization: Permit2Authorization,
}

/// Permit2's `PermitWitnessTransferFrom` message and its signer, numbers as decimal strings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Permit2Authorization {
	pub from: String,
	pub permitted: TokenPermissions,
	pub spender: String,
	/// A 256-bit number.
	pub nonce: String,
	pub deadline: String,
	pub witness: Permit2Witness,
}

/// Permit2's `TokenPermissions`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenPermissions {
	pub token: String,
	pub amount: String,
}

/// The x402 proxies' witness: `{to, validAfter}`, and `facilitator` for `upto`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Permit2Witness {
	pub to: String,
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub facilitator: Option<String>,
	pub valid_after: String,
}

/// The `payload` of an `exact` payment on this chain's native network (`polkadot:<genesis>`):
/// the intent and a `MultiSignature` over its native signing payload.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NativeExactPayload {
	/// The SCALE-encoded `MultiSignature`, `0x`-hex.
	pub signature: String,
	pub intent: NativeIntent,
}

/// A payment intent in JSON; accounts as SS58 or 32-byte `0x`-hex.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NativeIntent {
	pub payer: String,
	pub payee: String,
	pub amount: String,
	pub valid_after: String,
	pub valid_before: String,
	pub nonce: String,
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub reference: Option<String>,
}

/// The answer to `POST /verify`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VerifyResponse {
	pub is_valid: bool,
	#[serde(skip_serializing_if = "Option::is_none")]
	pub invalid_reason: Option<String>,
	#[serde(skip_serializing_if = "Option::is_none")]
	pub invalid_message: Option<String>,
	#[serde(skip_serializing_if = "Option::is_none")]
	pub payer: Option<String>,
	/// Scheme-specific: a `batch-settlement` channel's state.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub extra: Option<Value>,
}

impl VerifyResponse {
	/// The payment would settle; `payer` pays.
	pub fn valid(payer: String) -> Self {
		Self {
			is_valid: true,
			invalid_reason: None,
			invalid_message: None,
			payer: Some(payer),
			extra: None,
		}
	}

	/// The payment would not settle, for `reason` (an x402 reason code).
	pub fn refused(reason: &str, message: String, payer: Option<String>) -> Self {
		Self {
			is_valid: false,
			invalid_reason: Some(reason.into()),
			invalid_message: Some(message),
			payer,
			extra: None,
		}
	}
}

/// The answer to `POST /settle`; `transaction` and `network` are always present (stock clients
/// refuse the answer otherwise), `transaction` empty when nothing was submitted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SettleResponse {
	pub success: bool,
	#[serde(skip_serializing_if = "Option::is_none")]
	pub error_reason: Option<String>,
	#[serde(skip_serializing_if = "Option::is_none")]
	pub error_message: Option<String>,
	#[serde(skip_serializing_if = "Option::is_none")]
	pub payer: Option<String>,
	pub transaction: String,
	pub network: String,
	/// The settled amount.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub amount: Option<String>,
	/// Where the settlement stands: `inBlock`, `finalized`, `pending` or `failed`. Not in the
	/// specification; stock clients ignore it.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub status: Option<String>,
	/// Scheme-specific: a `batch-settlement` channel's state after the operation.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub extra: Option<Value>,
}

impl SettleResponse {
	/// The payment did not settle on `network`, for `reason` (an x402 reason code); `tx` is the
	/// transaction that carried it, if one did.
	pub fn failed(
		network: &str,
		reason: &str,
		message: String,
		payer: Option<String>,
		tx: Option<polkadot_sdk::sp_core::H256>,
	) -> Self {
		Self {
			success: false,
			error_reason: Some(reason.into()),
			error_message: Some(message),
			payer,
			transaction: tx.map(|tx| format!("{tx:?}")).unwrap_or_default(),
			network: network.into(),
			amount: None,
			status: Some("failed".into()),
			extra: None,
		}
	}
}

/// One kind of payment the facilitator settles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SupportedKind {
	pub x402_version: u32,
	pub scheme: String,
	pub network: String,
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub extra: Option<Value>,
}

/// The answer to `GET /supported`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SupportedResponse {
	pub kinds: Vec<SupportedKind>,
	pub extensions: Vec<String>,
	/// CAIP-2 pattern → the facilitator's signing addresses.
	pub signers: BTreeMap<String, Vec<String>>,
}

/// A `batch-settlement` channel's configuration; its EIP-712 hash is the channel id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChannelConfig {
	pub payer: String,
	pub payer_authorizer: String,
	pub receiver: String,
	pub receiver_authorizer: String,
	pub token: String,
	pub withdraw_delay: u64,
	/// 32 bytes, `0x`-hex.
	pub salt: String,
}

/// A voucher: the receiver may claim up to `maxClaimableAmount` from the channel in all.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChannelVoucher {
	pub channel_id: String,
	pub max_claimable_amount: String,
	pub signature: String,
}

/// A deposit's ERC-3009 authorization to the collector.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Erc3009Deposit {
	pub valid_after: String,
	pub valid_before: String,
	pub salt: String,
	pub signature: String,
}

/// How a deposit is authorized; only ERC-3009 here (the chain's assets all have it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DepositAuthorization {
	#[serde(default)]
	pub erc3009_authorization: Option<Erc3009Deposit>,
	#[serde(default)]
	pub permit2_authorization: Option<Value>,
}

/// A deposit: its amount and authorization.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChannelDeposit {
	pub amount: String,
	pub authorization: DepositAuthorization,
}

/// A claim entry: the voucher (with its channel's configuration) and the claimed total.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChannelClaim {
	pub voucher: ClaimedVoucher,
	pub signature: String,
	pub total_claimed: String,
}

/// The voucher of a claim entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimedVoucher {
	pub channel: ChannelConfig,
	pub max_claimable_amount: String,
}

/// The `payload` of a `batch-settlement` payment or operation, by its `type`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum ChannelPayload {
	/// Fund the channel (and pay this request with the voucher).
	#[serde(rename_all = "camelCase")]
	Deposit { channel_config: ChannelConfig, voucher: ChannelVoucher, deposit: ChannelDeposit },
	/// Pay this request with the voucher.
	#[serde(rename_all = "camelCase")]
	Voucher { channel_config: ChannelConfig, voucher: ChannelVoucher },
	/// Refund the unclaimed balance (the payer's request; the server adds claims and the
	/// nonce before settling it).
	#[serde(rename_all = "camelCase")]
	Refund {
		channel_config: ChannelConfig,
		voucher: ChannelVoucher,
		#[serde(default)]
		amount: Option<String>,
		#[serde(default)]
		refund_nonce: Option<String>,
		#[serde(default)]
		claims: Vec<ChannelClaim>,
	},
	/// Claim vouchers (the receiver's side).
	#[serde(rename_all = "camelCase")]
	Claim { claims: Vec<ChannelClaim> },
	/// Pay the receiver what its claims credited.
	#[serde(rename_all = "camelCase")]
	Settle { receiver: String, token: String },
}
