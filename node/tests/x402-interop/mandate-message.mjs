// Signs a spending-mandate message with a stock viem account, as an EVM wallet would:
// EIP-712 typed data in the "agentchain mandates" domain.
//
// Argument: JSON {key, chainId, primaryType, message}; `primaryType` is MandateAccept,
// MandateGrant or MandateRevoke, and `message` names its fields (bytes32 and bytes as 0x-hex,
// uint256 as decimal strings). Prints one JSON line: {signature, digest}.
import { hashTypedData } from "viem";
import { privateKeyToAccount } from "viem/accounts";

const types = {
	MandateAccept: [
		{ name: "granter", type: "bytes32" },
		{ name: "delegate", type: "bytes32" },
		{ name: "deadline", type: "uint256" },
	],
	MandateGrant: [
		{ name: "delegate", type: "bytes32" },
		{ name: "terms", type: "bytes" },
		{ name: "nonce", type: "uint256" },
		{ name: "deadline", type: "uint256" },
	],
	MandateRevoke: [
		{ name: "mandate", type: "uint256" },
		{ name: "deadline", type: "uint256" },
	],
};

const { key, chainId, primaryType, message } = JSON.parse(process.argv[2]);
const typedData = {
	domain: {
		name: "agentchain mandates",
		version: "1",
		chainId,
		verifyingContract: "0xad00000000000000000000000000000000000001",
	},
	types: { [primaryType]: types[primaryType] },
	primaryType,
	message,
};
const signature = await privateKeyToAccount(key).signTypedData(typedData);
console.log(JSON.stringify({ signature, digest: hashTypedData(typedData) }));
