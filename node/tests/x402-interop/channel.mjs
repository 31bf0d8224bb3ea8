// A stock `batch-settlement` resource server (@x402/express with @x402/evm's server scheme and
// channel manager) and a stock client (@x402/fetch with @x402/evm's client scheme and a viem
// account whose chain RPC is the node) paying each other through the agentchain node's
// built-in facilitator. Configuration only: the packages are used as published.
//
// Environment: as interop.mjs (FACILITATOR_URL, NETWORK, ASSET, TOKEN_NAME, TOKEN_VERSION,
// PAY_TO, PRICE, PAYER_KEY), and RPC_URL (the node's JSON-RPC), REQUESTS (how many paid
// requests), DEPOSIT (what the first deposit funds), REFUND_TOKEN (the server's token for
// refunds at the facilitator).
//
// The client pays REQUESTS requests (one deposit, then a voucher each), the server claims its
// vouchers and sweeps them to PAY_TO, then a fresh client (its channel state thrown away)
// recovers the channel from the chain and asks for a refund of the rest. Prints one JSON line.
import express from "express";
import { paymentMiddleware } from "@x402/express";
import { HTTPFacilitatorClient, x402ResourceServer } from "@x402/core/server";
import { decodePaymentRequiredHeader, decodePaymentResponseHeader } from "@x402/core/http";
import { BatchSettlementEvmScheme as ChannelServerScheme } from "@x402/evm/batch-settlement/server";
import {
	BatchSettlementEvmScheme as ChannelClientScheme,
	computeChannelId,
	readChannelBalanceAndTotalClaimed,
} from "@x402/evm/batch-settlement/client";
import { toClientEvmSigner } from "@x402/evm";
import { wrapFetchWithPayment, x402Client } from "@x402/fetch";
import { createPublicClient, defineChain, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { env, serve } from "./common.mjs";

const network = env("NETWORK");
const asset = env("ASSET");
const price = BigInt(env("PRICE"));
const requests = Number(env("REQUESTS"));
const route = "/stream";

// The resource server: one route priced per request in the chain's stablecoin; its refund
// requests carry its token, as the facilitator (the channels' receiver authorizer) requires.
const facilitator = new HTTPFacilitatorClient({
	url: env("FACILITATOR_URL"),
	createAuthHeaders: async () => ({
		verify: {},
		settle: { Authorization: `Bearer ${env("REFUND_TOKEN")}` },
		supported: {},
	}),
});
const serverScheme = new ChannelServerScheme(env("PAY_TO"));
const resourceServer = new x402ResourceServer(facilitator).register(network, serverScheme);
const extra = { name: env("TOKEN_NAME"), version: env("TOKEN_VERSION"), minDeposit: env("DEPOSIT") };
const app = express();
app.use(
	paymentMiddleware(
		{
			[`GET ${route}`]: {
				accepts: { scheme: "batch-settlement", network, payTo: env("PAY_TO"), price: { amount: price.toString(), asset, extra }, maxTimeoutSeconds: 120 },
				description: "A paid stream chunk",
				mimeType: "application/json",
			},
		},
		resourceServer,
	),
);
app.get(route, (_request, response) => response.json({ chunk: "data" }));
const { listener, base } = await serve(app);
const url = `${base}${route}`;
const manager = serverScheme.createChannelManager(facilitator, network, asset);

// The client: a viem account that reads the chain through the node's Ethereum JSON-RPC.
const chainId = Number(network.split(":")[1]);
const chain = defineChain({
	id: chainId,
	name: "agentchain",
	nativeCurrency: { name: "unit", symbol: "UNIT", decimals: 18 },
	rpcUrls: { default: { http: [env("RPC_URL")] } },
});
const account = privateKeyToAccount(env("PAYER_KEY"));
const publicClient = createPublicClient({ chain, transport: http(env("RPC_URL")) });
const signer = toClientEvmSigner(account, publicClient);
function payingClient() {
	const scheme = new ChannelClientScheme(signer);
	const client = new x402Client().register(network, scheme).setSpendControls({
		allowedAssets: [{ network, asset, maxAmountPerPayment: env("DEPOSIT") }],
	});
	return { scheme, fetch: wrapFetchWithPayment(fetch, client) };
}

const failures = [];
const payer = payingClient();
// The channel the client will open: the hash of its configuration for the route's terms.
const unpaid = await fetch(url);
const offered = decodePaymentRequiredHeader(unpaid.headers.get("PAYMENT-REQUIRED")).accepts[0];
const channelId = computeChannelId(payer.scheme.buildChannelConfig(offered), network);
const started = performance.now();
let paid = 0;
let firstResponse = null;
for (let i = 0; i < requests; i += 1) {
	const response = await payer.fetch(url);
	await response.text();
	if (response.status === 200) {
		paid += 1;
		if (!firstResponse) firstResponse = decodePaymentResponseHeader(response.headers.get("PAYMENT-RESPONSE"));
	} else if (failures.length < 5) {
		failures.push({ request: i, status: response.status, required: response.headers.get("PAYMENT-REQUIRED") });
	}
}
const seconds = (performance.now() - started) / 1000;

// The receiver's side: claim every voucher, then sweep the claimed total to PAY_TO.
let claims = null;
let sweep = null;
try {
	claims = await manager.claim();
	sweep = await manager.settle();
} catch (error) {
	failures.push({ claimOrSettle: error.message });
}
const channelState = async () => {
	const [balance, totalClaimed] = await readChannelBalanceAndTotalClaimed(signer, channelId);
	return { balance: balance.toString(), totalClaimed: totalClaimed.toString() };
};
const afterClaims = await channelState();

// The client forgets its channel, recovers it from the chain and asks for the rest back.
let refund = null;
try {
	refund = await payingClient().scheme.refund(url);
} catch (error) {
	failures.push({ refund: error.message });
}
const afterRefund = await channelState();

console.log(
	JSON.stringify({
		paid,
		seconds,
		requestsPerSecond: paid / seconds,
		firstResponse,
		channelId,
		claims,
		sweep,
		afterClaims,
		refund,
		afterRefund,
		failures,
		payer: account.address,
	}),
);
listener.close();
process.exit(0);
