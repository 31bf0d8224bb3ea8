// A stock x402 resource server (@x402/express) and a stock x402 client (@x402/fetch with
// @x402/evm and a viem account) paying each other through the agentchain node's built-in
// facilitator. Configuration only: the packages are used as published.
//
// Environment: FACILITATOR_URL, NETWORK (eip155:<chain id>), ASSET (the stablecoin's 20-byte
// address), TOKEN_NAME and TOKEN_VERSION (its EIP-712 domain), PAY_TO (the payee's address),
// PRICE (atomic units), PAYER_KEY (the client's private key); ROUTE (the paid path, `/report`
// unless set); SCHEME (`exact` unless set, or `upto`: PRICE is then the maximum);
// ASSET_TRANSFER_METHOD (`permit2` for `exact` through Permit2); CHARGE (what the handler
// charges through `Settlement-Overrides`, for `upto`); GAS_SPONSORING (`eip2612`: the route
// declares the EIP-2612 gas-sponsoring extension, so the client reads its Permit2 allowance);
// RPC_URL (the chain's JSON-RPC, where the client reads it).
//
// Prints one JSON line: the paid response, the decoded PAYMENT-RESPONSE header, and what a
// replayed, a forged and a malformed PAYMENT-SIGNATURE header got.
import express from "express";
import { paymentMiddleware, setSettlementOverrides } from "@x402/express";
import { HTTPFacilitatorClient, x402ResourceServer } from "@x402/core/server";
import { declareEip2612GasSponsoringExtension } from "@x402/extensions";
import {
	decodePaymentRequiredHeader,
	decodePaymentResponseHeader,
	decodePaymentSignatureHeader,
	encodePaymentSignatureHeader,
} from "@x402/core/http";
import { ExactEvmScheme as ExactEvmServerScheme } from "@x402/evm/exact/server";
import { ExactEvmScheme as ExactEvmClientScheme } from "@x402/evm/exact/client";
import { UptoEvmScheme as UptoEvmServerScheme } from "@x402/evm/upto/server";
import { UptoEvmScheme as UptoEvmClientScheme } from "@x402/evm/upto/client";
import { wrapFetchWithPayment, x402Client } from "@x402/fetch";
import { privateKeyToAccount } from "viem/accounts";
import { env, recordingFetch, refusal, refusalReason, serve } from "./common.mjs";

const network = env("NETWORK");
const route = process.env.ROUTE || "/report";
const scheme = process.env.SCHEME || "exact";
const charge = process.env.CHARGE;
const extra = { name: env("TOKEN_NAME"), version: env("TOKEN_VERSION") };
if (process.env.ASSET_TRANSFER_METHOD) extra.assetTransferMethod = process.env.ASSET_TRANSFER_METHOD;

// The resource server: one route priced in the chain's stablecoin, settled by the node.
const facilitator = new HTTPFacilitatorClient({ url: env("FACILITATOR_URL") });
const resourceServer = new x402ResourceServer(facilitator)
	.register(network, new ExactEvmServerScheme())
	.register(network, new UptoEvmServerScheme());
const app = express();
app.use(
	paymentMiddleware(
		{
			[`GET ${route}`]: {
				accepts: {
					scheme,
					network,
					payTo: env("PAY_TO"),
					price: { amount: env("PRICE"), asset: env("ASSET"), extra },
					maxTimeoutSeconds: 120,
				},
				...(process.env.GAS_SPONSORING === "eip2612"
					? { extensions: declareEip2612GasSponsoringExtension() }
					: {}),
				description: "A paid report",
				mimeType: "application/json",
			},
		},
		resourceServer,
	),
);
app.get(route, (_request, response) => {
	// A usage-priced route charges what the request used, at most what the payer permitted.
	if (charge !== undefined) setSettlementOverrides(response, { amount: charge });
	response.json({ report: "the weather is fine" });
});
const { listener, base } = await serve(app);
const url = `${base}${route}`;

// The client: pays whatever the server asks, remembering the payment header it sent.
const { fetch: fetchAndRecord, sent: sentPayments } = recordingFetch();
const account = privateKeyToAccount(env("PAYER_KEY"));
// Since 2.27 a client pays only assets it knows or is told of: our stablecoin, up to the price.
const rpc = process.env.RPC_URL ? { rpcUrl: process.env.RPC_URL } : undefined;
const client = new x402Client()
	.register(network, new ExactEvmClientScheme(account, rpc))
	.register(network, new UptoEvmClientScheme(account, rpc))
	.setSpendControls({
		allowedAssets: [{ network, asset: env("ASSET"), maxAmountPerPayment: env("PRICE") }],
	});
const payingFetch = wrapFetchWithPayment(fetchAndRecord, client);

const unpaid = await fetch(url);
const paid = await payingFetch(url);
const paidBody = await paid.text();
const paymentResponseHeader = paid.headers.get("PAYMENT-RESPONSE");

// Refused payments: the same payment header once more (a replay), the header with the
// authorization's (or permit's) nonce changed (the signature no longer matches), and a header
// that is not base64 at all. None may be served; the first two reach the facilitator.
const tampered = decodePaymentSignatureHeader(sentPayments[0]);
if (tampered.payload.permit2Authorization) tampered.payload.permit2Authorization.nonce = "1111";
else tampered.payload.authorization.nonce = `0x${"11".repeat(32)}`;
const replay = await refusal(url, sentPayments[0] ?? "");
const forged = await refusal(url, encodePaymentSignatureHeader(tampered));
const garbage = await refusal(url, "%%% not base64 %%%");

console.log(
	JSON.stringify({
		unpaidStatus: unpaid.status,
		status: paid.status,
		body: paidBody,
		// When the payment was refused: the facilitator's reason, as the server passed it on.
		paidError: refusalReason(paid),
		paymentResponse: paymentResponseHeader ? decodePaymentResponseHeader(paymentResponseHeader) : null,
		payer: account.address,
		accepted: sentPayments[0] ? decodePaymentSignatureHeader(sentPayments[0]).accepted : null,
		extensions: sentPayments[0] ? (decodePaymentSignatureHeader(sentPayments[0]).extensions ?? null) : null,
		replay,
		forged,
		garbage,
	}),
);
listener.close();
process.exit(0);
