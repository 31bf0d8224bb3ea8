//! The runtime APIs the node and clients call.

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{
		genesis_builder_helper::{build_state, get_preset},
		traits::Get,
		weights::Weight,
	},
	frame_system, frame_system_rpc_runtime_api, pallet_aura, pallet_transaction_payment,
	pallet_transaction_payment_rpc_runtime_api,
	sp_api::{self, impl_runtime_apis},
	sp_block_builder,
	sp_consensus_aura::{self, sr25519::AuthorityId as AuraId},
	sp_consensus_grandpa::{self, AuthorityId as GrandpaId},
	sp_core::{crypto::KeyTypeId, OpaqueMetadata},
	sp_genesis_builder, sp_inherents, sp_offchain,
	sp_runtime::{
		traits::{Block as BlockT, NumberFor},
		transaction_validity::{TransactionSource, TransactionValidity},
		ApplyExtrinsicResult, ExtrinsicInclusionMode,
	},
	sp_session, sp_transaction_pool,
	sp_version::RuntimeVersion,
};
#[cfg(feature = "runtime-benchmarks")]
use {
	crate::Assets,
	polkadot_sdk::{frame_benchmarking, frame_support},
};

use crate::{
	genesis_config_presets, AccountId, Agents, AssetId, Aura, Balance, Block, BlockNumber,
	Executive, Grandpa, InherentDataExt, Mandates, Nonce, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeGenesisConfig, RuntimeOrigin, SessionKeys, System, TransactionPayment, VERSION, X402,
};
use agentchain_primitives::agents::{
	AgentId, AgentView, FeedbackView, ReputationQuery, ReputationSummary, ValidationSummary,
	ValidationView,
};
use agentchain_primitives::channels::{
	ChannelCall, ChannelId, ChannelOutcome, ChannelRefusal, ChannelState,
};
use agentchain_primitives::mandates::{MandateCall, MandateId, MandateStatus, MandatedSpend};
use agentchain_primitives::x402::{
	api::{Committed, StatementReport},
	eip712, AuthorizationNonce, AuthorizationState, IntentError, IntentSignature, PaymentId,
	PaymentIntent, Purpose, Receipt,
};
use polkadot_sdk::sp_core::H160;

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// Equivocation reports need a session pallet to prove key ownership; this chain has
			// none, so reports are not accepted.
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}

		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}

		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl agentchain_primitives::x402::api::X402Api<Block> for Runtime {
		fn verify(
			intent: PaymentIntent<AccountId, AssetId, Balance>,
			signature: IntentSignature,
			purpose: Purpose,
		) -> Result<PaymentId, IntentError> {
			X402::verify(&intent, &signature, purpose)
		}

		fn verify_after(
			intent: PaymentIntent<AccountId, AssetId, Balance>,
			signature: IntentSignature,
			purpose: Purpose,
			committed: Committed,
		) -> Result<PaymentId, IntentError> {
			X402::verify_after(&intent, &signature, purpose, &committed)
		}

		fn spender_of(payer: AccountId) -> Option<MandatedSpend> {
			<Mandates as pallet_x402::SpendingMandates>::spender(&payer)
		}

		fn max_batch() -> u32 {
			<Runtime as pallet_x402::Config>::MaxBatch::get()
		}

		fn settlement_payload(
			items: Vec<(PaymentIntent<AccountId, AssetId, Balance>, IntentSignature)>,
			nonce: Nonce,
		) -> Option<Vec<u8>> {
			crate::settlement_tx::payload(crate::settlement_tx::settle_batch(items)?, nonce)
		}

		fn settlement_extrinsic(
			items: Vec<(PaymentIntent<AccountId, AssetId, Balance>, IntentSignature)>,
			nonce: Nonce,
			signer: AccountId,
			signature: agentchain_primitives::Signature,
		) -> Option<<Block as BlockT>::Extrinsic> {
			let call = crate::settlement_tx::settle_batch(items)?;
			Some(crate::settlement_tx::extrinsic(call, nonce, signer, signature))
		}

		fn settlement_outcomes() -> Vec<(u32, PaymentId, Result<(), IntentError>)> {
			System::read_events_no_consensus()
				.filter_map(|record| {
					let frame_system::Phase::ApplyExtrinsic(index) = record.phase else {
						return None;
					};
					match record.event {
						RuntimeEvent::X402(pallet_x402::Event::Settled { payment_id, .. }) => {
							Some((index, payment_id, Ok(())))
						},
						RuntimeEvent::X402(pallet_x402::Event::Rejected {
							payment_id, reason, ..
						}) => Some((index, payment_id, Err(reason))),
						_ => None,
					}
				})
				.collect()
		}

		fn simulate_batch(
			items: Vec<(PaymentIntent<AccountId, AssetId, Balance>, IntentSignature)>,
		) -> Vec<(PaymentId, Result<(), IntentError>)> {
			X402::simulate_batch(items)
		}

		fn check_signature(
			intent: PaymentIntent<AccountId, AssetId, Balance>,
			signature: IntentSignature,
			purpose: Purpose,
		) -> Result<(), IntentError> {
			X402::check_signature(&intent, &signature, purpose)
		}

		fn evm_chain_id() -> u64 {
			pallet_x402::EvmChainId::<Runtime>::get()
		}

		fn authorization_state(payer: AccountId, nonce: AuthorizationNonce) -> Option<AuthorizationState> {
			X402::authorization_state(&payer, &nonce)
		}

		fn receipt(payment_id: PaymentId) -> Option<Receipt<AccountId, AssetId, Balance, BlockNumber>> {
			X402::receipt(payment_id)
		}

		fn statement(
			payee: AccountId,
			asset: AssetId,
			from_block: BlockNumber,
			to_block: BlockNumber,
		) -> StatementReport<BlockNumber> {
			X402::statement_report(
				payee,
				asset,
				from_block,
				to_block,
				agentchain_primitives::x402::api::MAX_SCANNED_ENTRIES,
			)
		}

		fn asset_domain(asset: AssetId) -> Option<eip712::Domain> {
			X402::eip712_domain(asset)
		}

		fn account_of_address(address: H160) -> AccountId {
			X402::account_of_address(address)
		}
	}

	impl agentchain_primitives::agents::api::AgentsApi<Block> for Runtime {
		fn agent(id: AgentId) -> Option<AgentView> {
			Agents::agent(id)
		}

		fn agent_by_wallet(wallet: AccountId) -> Option<AgentId> {
			Agents::agent_by_wallet(&wallet)
		}

		fn reputation(agent: AgentId, query: ReputationQuery) -> ReputationSummary {
			Agents::reputation(agent, &query)
		}

		fn feedback(agent: AgentId, clients: Vec<AccountId>, limit: u32) -> Vec<FeedbackView> {
			Agents::feedback(agent, &clients, limit)
		}

		fn validations(agent: AgentId) -> Vec<ValidationView> {
			Agents::validations(agent)
		}

		fn validator_requests(validator: AccountId) -> Vec<ValidationView> {
			Agents::validator_requests(&validator)
		}

		fn validation_summary(
			agent: AgentId,
			validators: Vec<AccountId>,
			tag: Option<Vec<u8>>,
		) -> ValidationSummary {
			Agents::validation_summary(agent, &validators, tag.as_deref())
		}
	}

	impl agentchain_primitives::channels::ChannelsApi<Block> for Runtime {
		fn channel(id: ChannelId) -> Option<ChannelState> {
			X402::channel(id)
		}

		fn receiver_totals(receiver: H160, asset: AssetId) -> (Balance, Balance) {
			let totals = X402::receiver_totals(receiver, asset);
			(totals.claimed, totals.settled)
		}

		fn dry_run(call: ChannelCall, submitter: AccountId) -> Result<ChannelOutcome, ChannelRefusal> {
			X402::dry_run_channel_call(call, submitter)
		}

		fn withdraw_requests() -> Vec<ChannelId> {
			System::read_events_no_consensus()
				.filter_map(|record| match record.event {
					RuntimeEvent::X402(pallet_x402::Event::ChannelWithdrawRequested {
						channel, ..
					}) => Some(channel),
					_ => None,
				})
				.collect()
		}

		fn call_payload(call: ChannelCall, nonce: Nonce) -> Option<Vec<u8>> {
			crate::settlement_tx::payload(crate::settlement_tx::channel_call(call)?, nonce)
		}

		fn call_extrinsic(
			call: ChannelCall,
			nonce: Nonce,
			signer: AccountId,
			signature: agentchain_primitives::Signature,
		) -> Option<<Block as BlockT>::Extrinsic> {
			let call = crate::settlement_tx::channel_call(call)?;
			Some(crate::settlement_tx::extrinsic(call, nonce, signer, signature))
		}
	}

	impl agentchain_primitives::evm_views::EvmViewsApi<Block> for Runtime {
		fn call(to: H160, input: Vec<u8>) -> Result<Vec<u8>, agentchain_primitives::evm_views::ViewError> {
			crate::evm_views::call(to, &input)
		}
	}

	impl agentchain_primitives::mandates::MandatesApi<Block> for Runtime {
		fn mandate(id: MandateId) -> Option<MandateStatus> {
			Mandates::status(id)
		}

		fn mandates_of(root: AccountId, after: Option<MandateId>, limit: u32) -> Vec<MandateStatus> {
			Mandates::mandates_of(&root, after, limit)
		}

		fn authority_of(delegate: AccountId) -> Vec<MandateStatus> {
			Mandates::authority_of(&delegate)
		}

		fn dry_run_call(call: MandateCall, caller: AccountId) -> Result<(), alloc::string::String> {
			use polkadot_sdk::frame_support::storage::{with_transaction, TransactionOutcome};
			use polkadot_sdk::sp_runtime::{traits::Dispatchable, DispatchError};
			let call = crate::settlement_tx::mandate_call(call);
			let name = |error: DispatchError| <&'static str>::from(error).into();
			with_transaction(|| {
				let outcome = call.dispatch(RuntimeOrigin::signed(caller)).map(|_| ());
				TransactionOutcome::Rollback(Ok::<_, DispatchError>(outcome.map_err(|e| e.error)))
			})
			.unwrap_or_else(Err)
			.map_err(name)
		}

		fn signing_payload(call: MandateCall, nonce: Nonce) -> Option<Vec<u8>> {
			crate::settlement_tx::payload(crate::settlement_tx::mandate_call(call), nonce)
		}

		fn signed_extrinsic(
			call: MandateCall,
			nonce: Nonce,
			signer: AccountId,
			signature: agentchain_primitives::Signature,
		) -> <Block as BlockT>::Extrinsic {
			let call = crate::settlement_tx::mandate_call(call);
			crate::settlement_tx::extrinsic(call, nonce, signer, signature)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			(list, crate::AllPalletsWithSystem::storage_info())
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::WhitelistedStorageKeys;

			let whitelist = crate::AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			genesis_config_presets::preset_names()
		}
	}
}
