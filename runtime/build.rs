fn main() {
	#[cfg(feature = "std")]
	{
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
		// The node's upgrade test switches a chain to this second build. It shares the wasm
		// build's target directory, so only this crate compiles again. A benchmarking build has
		// no use for it.
		#[cfg(not(feature = "runtime-benchmarks"))]
		substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.enable_feature("upgrade-test")
			.set_file_name("agentchain_runtime_upgrade_test")
			.build();
	}
}
