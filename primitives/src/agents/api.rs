//! The runtime API of the agent registries: what the node's `agents_*` RPC and clients ask.

use super::*;

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Agent identity, reputation and validation queries.
	pub trait AgentsApi {
		/// The agent with this id, if it is registered.
		fn agent(id: AgentId) -> Option<AgentView>;

		/// The agent whose payment wallet `wallet` is.
		fn agent_by_wallet(wallet: AccountId) -> Option<AgentId>;

		/// The agent's reputation over the feedback `query` selects.
		fn reputation(agent: AgentId, query: ReputationQuery) -> ReputationSummary;

		/// The agent's feedback from `clients` (every client when empty), oldest index first
		/// per client, at most `limit` entries.
		fn feedback(agent: AgentId, clients: Vec<AccountId>, limit: u32) -> Vec<FeedbackView>;

		/// The validation requests about the agent.
		fn validations(agent: AgentId) -> Vec<ValidationView>;

		/// The validation requests addressed to `validator`.
		fn validator_requests(validator: AccountId) -> Vec<ValidationView>;

		/// The average response to the agent's validations from `validators` (every validator
		/// when empty) with `tag` (any tag when `None`).
		fn validation_summary(agent: AgentId, validators: Vec<AccountId>, tag: Option<Vec<u8>>) -> ValidationSummary;
	}
}
