//! The x402 runtime API, called over JSON-RPC `state_call` as any client would.

use agentchain_primitives::{
	x402::{
		api::StatementReport, eip712, AuthorizationNonce, AuthorizationState, IntentError,
		IntentSignature, PaymentId, PaymentIntent, Purpose, Receipt,
	},
	AccountId, AssetId, Balance, BlockNumber, Hash,
};
use codec::{Decode, Encode};
use jsonrpsee::{core::client::ClientT, rpc_params};
use polkadot_sdk::sp_core::{Bytes, H160};

use crate::{Result, Rpc};

impl Rpc {
	/// Calls the runtime API `method` (`Trait_method`) with SCALE-encoded `args` at `at` or
	/// the best block, and decodes its answer.
	pub async fn state_call<R: Decode>(
		&self,
		method: &str,
		args: impl Encode,
		at: Option<Hash>,
	) -> Result<R> {
		let answer: Bytes = self
			.client()
			.request("state_call", rpc_params![method, Bytes(args.encode()), at])
			.await?;
		Ok(R::decode(&mut &answer[..])?)
	}

	/// `X402Api_verify`: settlement's checks as a dry run at the best block.
	pub async fn x402_verify(
		&self,
		intent: &PaymentIntent<AccountId, AssetId, Balance>,
		signature: &IntentSignature,
		purpose: Purpose,
	) -> Result<std::result::Result<PaymentId, IntentError>> {
		self.state_call("X402Api_verify", (intent, signature, purpose), None).await
	}

	/// `X402Api_authorization_state`.
	pub async fn x402_authorization_state(
		&self,
		payer: &AccountId,
		nonce: AuthorizationNonce,
	) -> Result<Option<AuthorizationState>> {
		self.state_call("X402Api_authorization_state", (payer, nonce), None).await
	}

	/// `X402Api_receipt`.
	pub async fn x402_receipt(
		&self,
		payment_id: PaymentId,
	) -> Result<Option<Receipt<AccountId, AssetId, Balance, BlockNumber>>> {
		self.state_call("X402Api_receipt", payment_id, None).await
	}

	/// `X402Api_statement`.
	pub async fn x402_statement(
		&self,
		payee: &AccountId,
		asset: AssetId,
		from_block: BlockNumber,
		to_block: BlockNumber,
	) -> Result<StatementReport<BlockNumber>> {
		self.state_call("X402Api_statement", (payee, asset, from_block, to_block), None)
			.await
	}

	/// `X402Api_asset_domain`.
	pub async fn x402_asset_domain(&self, asset: AssetId) -> Result<Option<eip712::Domain>> {
		self.state_call("X402Api_asset_domain", asset, None).await
	}

	/// `X402Api_account_of_address`.
	pub async fn x402_account_of_address(&self, address: H160) -> Result<AccountId> {
		self.state_call("X402Api_account_of_address", address, None).await
	}
}
