// A stock viem public client whose chain's RPC URL is the agentchain node, reading what x402
// clients read through `readContract`, with the ABIs `@x402/evm` ships.
//
// Environment: RPC_URL (the node's JSON-RPC), ASSET (the stablecoin's address), HOLDER (an
// address holding some), AUTHORIZER and NONCE (a used EIP-3009 / Permit2 nonce of AUTHORIZER).
// Prints one JSON line: what each read returned, or the error it got.
import { createPublicClient, erc20Abi, http } from "viem";
import { PERMIT2_ADDRESS, eip3009ABI, erc20AllowanceAbi } from "@x402/evm";
import { env } from "./common.mjs";

const client = createPublicClient({ transport: http(env("RPC_URL")) });
const asset = env("ASSET");
const holder = env("HOLDER");

async function attempt(read) {
	try {
		const value = await read();
		return { value: typeof value === "bigint" ? value.toString() : value };
	} catch (error) {
		return { error: error.shortMessage ?? error.message, details: error.details ?? null };
	}
}
const read = (address, abi, functionName, args = []) =>
	attempt(() => client.readContract({ address, abi, functionName, args }));

console.log(
	JSON.stringify({
		chainId: await attempt(() => client.getChainId()),
		blockNumber: await attempt(() => client.getBlockNumber()),
		balance: await read(asset, erc20Abi, "balanceOf", [holder]),
		permit2Allowance: await read(asset, erc20AllowanceAbi, "allowance", [holder, PERMIT2_ADDRESS]),
		otherAllowance: await read(asset, erc20AllowanceAbi, "allowance", [holder, holder]),
		usedNonce: await read(asset, eip3009ABI, "authorizationState", [env("AUTHORIZER"), env("NONCE")]),
		freshNonce: await read(asset, eip3009ABI, "authorizationState", [env("AUTHORIZER"), `0x${"ab".repeat(32)}`]),
		name: await read(asset, eip3009ABI, "name"),
		version: await read(asset, eip3009ABI, "version"),
		decimals: await read(asset, erc20Abi, "decimals"),
		notAnAsset: await read(holder, erc20Abi, "balanceOf", [holder]),
		notAView: await read(asset, erc20Abi, "totalSupply"),
		notAMethod: await attempt(() => client.getBalance({ address: holder })),
	}),
);
