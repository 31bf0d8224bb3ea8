// x402 on agentchain's native network: register the client half on an `x402Client` and the
// server half on an `x402ResourceServer`, for the network `polkadot:<genesis prefix>`.
export * from "./encoding.js";
export * from "./client.js";
export * from "./server.js";
