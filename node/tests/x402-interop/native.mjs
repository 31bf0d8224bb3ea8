// A stock x402 resource server (@x402/express) and a stock x402 client (@x402/fetch), each with
// our native scheme package (node/x402-native) registered, paying through the agentchain
// node's facilitator from a Substrate (sr25519) key.
//
// Environment: FACILITATOR_URL, NETWORK (polkadot:<genesis prefix>), PAY_TO (the payee's SS58
// address), PRICE (a price in dollars, `$0.01`), PAYER_SURI (the payer's secret URI); with
// NODE_BINARY and CLI_SURI_FILE, the node binary's `x402 pay` pays the same route too (with the
// key in that file), once within `CLI_MAX_AMOUNT` and once with a cap below the price.
//
// Prints one JSON line: the paid response, the decoded PAYMENT-RESPONSE header, and what a
// replayed, a forged and an expired payment got, the errors a client gets for a key that is
// none and for a server on another chain, and what the CLI printed.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import express from "express";
import { paymentMiddleware } from "@x402/express";
import { HTTPFacilitatorClient, x402ResourceServer } from "@x402/core/server";
import {
	decodePaymentRequiredHeader,
	decodePaymentResponseHeader,
	decodePaymentSignatureHeader,
	encodePaymentSignatureHeader,
} from "@x402/core/http";
import { wrapFetchWithPayment, x402Client } from "@x402/fetch";
import { ExactNativeScheme, ExactNativeServerScheme, signerFromUri } from "@agentchain/x402-native";
import { env, recordingFetch, refusal, refusalReason, serve } from "./common.mjs";

const network = env("NETWORK");
const route = "/report";

const facilitator = new HTTPFacilitatorClient({ url: env("FACILITATOR_URL") });
const resourceServer = new x402ResourceServer(facilitator).register(network, new ExactNativeServerScheme());
const app = express();
app.use(
	paymentMiddleware(
		{
			[`GET ${route}`]: {
				accepts: { scheme: "exact", network, payTo: env("PAY_TO"), price: env("PRICE"), maxTimeoutSeconds: 120 },
				description: "A paid report",
				mimeType: "application/json",
			},
		},
		resourceServer,
	),
);
app.get(route, (_request, response) => response.json({ report: "the weather is fine" }));
const { listener, base } = await serve(app);
const url = `${base}${route}`;

const { fetch: fetchAndRecord, sent: sentPayments } = recordingFetch();
const signer = await signerFromUri(env("PAYER_SURI"));
const client = new x402Client().register("polkadot:*", new ExactNativeScheme(signer));
const payingFetch = wrapFetchWithPayment(fetchAndRecord, client);

const unpaid = await fetch(url);
const paymentRequired = decodePaymentRequiredHeader(unpaid.headers.get("PAYMENT-REQUIRED"));
const paid = await payingFetch(url);
const paidBody = await paid.text();
const paymentResponseHeader = paid.headers.get("PAYMENT-RESPONSE");

async function failure(promise) {
	try {
		await promise;
		return null;
	} catch (error) {
		return error.message;
	}
}
// A replay; the intent's amount raised after signing; an intent whose window closed a minute ago.
const replay = await refusal(url, sentPayments[0] ?? "");
const tampered = decodePaymentSignatureHeader(sentPayments[0]);
tampered.payload.intent.nonce = `0x${"11".repeat(32)}`;
const forged = await refusal(url, encodePaymentSignatureHeader(tampered));
const past = Math.floor(Date.now() / 1000) - 180;
const expiredClient = new x402Client().register("polkadot:*", new ExactNativeScheme(signer, { now: () => past }));
const expired = await refusal(url, encodePaymentSignatureHeader(await expiredClient.createPaymentPayload(paymentRequired)));

const badKey = await failure(signerFromUri("not a key"));
const otherChain = new x402Client().register(
	"polkadot:*",
	new ExactNativeScheme(signer, { genesisHash: `0x${"00".repeat(32)}` }),
);
const wrongNetwork = await failure(otherChain.createPaymentPayload(paymentRequired));

// The node binary as a client: it must not block this process, which serves the route.
async function cli(maxAmount) {
	try {
		const args = ["x402", "pay", url, "--suri-file", process.env.CLI_SURI_FILE, "--max-amount", maxAmount];
		const { stdout } = await promisify(execFile)(process.env.NODE_BINARY, args);
		return { ok: true, output: JSON.parse(stdout) };
	} catch (error) {
		return { ok: false, code: error.code ?? null, stderr: error.stderr ?? String(error) };
	}
}
const cliPaid = process.env.NODE_BINARY ? await cli(process.env.CLI_MAX_AMOUNT) : null;
const cliTooDear = process.env.NODE_BINARY ? await cli("1") : null;

console.log(
	JSON.stringify({
		unpaidStatus: unpaid.status,
		requirements: paymentRequired.accepts[0],
		status: paid.status,
		body: paidBody,
		paidError: refusalReason(paid),
		paymentResponse: paymentResponseHeader ? decodePaymentResponseHeader(paymentResponseHeader) : null,
		replay,
		forged,
		expired,
		badKey,
		wrongNetwork,
		cliPaid,
		cliTooDear,
	}),
);
listener.close();
process.exit(0);
