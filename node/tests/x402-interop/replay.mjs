// A stock x402 resource server (@x402/express) under replay, paid by stock x402 clients through
// the agentchain node's built-in facilitator. Configuration only: the packages are used as
// published.
//
// 1. Ten concurrent requests carry one PAYMENT-SIGNATURE header: one payment pays for one
//    resource, so exactly one may be served.
// 2. A client with the payment-identifier extension pays, then retries with the same id and a
//    freshly signed authorization: it is served again and pays once. The same id for another
//    resource (another price) is refused, and so is an unsigned payload posing as a retry.
//
// Environment: as interop.mjs (FACILITATOR_URL, NETWORK, ASSET, TOKEN_NAME, TOKEN_VERSION,
// PAY_TO, PRICE, PAYER_KEY). Prints one JSON line with what each request got and how often each
// route's handler ran.
import express from "express";
import { paymentMiddleware } from "@x402/express";
import { HTTPFacilitatorClient, x402ResourceServer } from "@x402/core/server";
import {
	decodePaymentRequiredHeader,
	decodePaymentResponseHeader,
	encodePaymentSignatureHeader,
} from "@x402/core/http";
import { ExactEvmScheme as ExactEvmServerScheme } from "@x402/evm/exact/server";
import { ExactEvmScheme as ExactEvmClientScheme } from "@x402/evm/exact/client";
import { wrapFetchWithPayment, x402Client } from "@x402/fetch";
import {
	appendPaymentIdentifierToExtensions,
	declarePaymentIdentifierExtension,
	generatePaymentId,
} from "@x402/extensions/payment-identifier";
import { privateKeyToAccount } from "viem/accounts";
import { env, refusalReason, serve } from "./common.mjs";

const network = env("NETWORK");
const price = BigInt(env("PRICE"));

function route(amount, extensions) {
	return {
		accepts: {
			scheme: "exact",
			network,
			payTo: env("PAY_TO"),
			price: {
				amount: amount.toString(),
				asset: env("ASSET"),
				extra: { name: env("TOKEN_NAME"), version: env("TOKEN_VERSION") },
			},
			maxTimeoutSeconds: 120,
		},
		description: "A paid report",
		mimeType: "application/json",
		...(extensions ? { extensions } : {}),
	};
}

const facilitator = new HTTPFacilitatorClient({ url: env("FACILITATOR_URL") });
const resourceServer = new x402ResourceServer(facilitator).register(network, new ExactEvmServerScheme());
const idempotent = { "payment-identifier": declarePaymentIdentifierExtension() };
const app = express();
app.use(
	paymentMiddleware(
		{
			"GET /report": route(price),
			"GET /idempotent": route(price, idempotent),
			"GET /dearer": route(2n * price, idempotent),
		},
		resourceServer,
	),
);
const handled = { report: 0, idempotent: 0, dearer: 0 };
for (const name of Object.keys(handled)) {
	app.get(`/${name}`, (_request, response) => {
		handled[name] += 1;
		response.json({ report: "the weather is fine" });
	});
}
const { listener, base } = await serve(app);
const account = privateKeyToAccount(env("PAYER_KEY"));

async function outcome(response) {
	const settled = response.headers.get("PAYMENT-RESPONSE");
	await response.text();
	return {
		status: response.status,
		settlement: settled ? decodePaymentResponseHeader(settled) : null,
		error: refusalReason(response),
	};
}

// Since 2.27 a client pays only assets it knows or is told of: our stablecoin.
const spendControls = { allowedAssets: [{ network, asset: env("ASSET") }] };

// 1. One payment header, ten requests at once.
const client = new x402Client().register(network, new ExactEvmClientScheme(account)).setSpendControls(spendControls);
const unpaid = await fetch(`${base}/report`);
const payload = await client.createPaymentPayload(decodePaymentRequiredHeader(unpaid.headers.get("PAYMENT-REQUIRED")));
const header = encodePaymentSignatureHeader(payload);
const replays = await Promise.all(
	Array.from({ length: 10 }, () => fetch(`${base}/report`, { headers: { "PAYMENT-SIGNATURE": header } }).then(outcome)),
);

// 2. The same payment-identifier id on a retry that signs anew, then for a dearer resource.
const id = generatePaymentId();
const idClient = new x402Client().register(network, new ExactEvmClientScheme(account)).setSpendControls(spendControls);
const nonces = [];
idClient.onBeforePaymentCreation(async ({ paymentRequired }) => {
	if (paymentRequired.extensions) appendPaymentIdentifierToExtensions(paymentRequired.extensions, id);
});
idClient.onAfterPaymentCreation(async ({ paymentPayload }) => {
	nonces.push(paymentPayload.payload.authorization.nonce);
});
const idFetch = wrapFetchWithPayment(fetch, idClient);
const first = await outcome(await idFetch(`${base}/idempotent`));
const retry = await outcome(await idFetch(`${base}/idempotent`));
const conflict = await outcome(await idFetch(`${base}/dearer`));

// 3. A payload posing as a retry under the id (same payer, payee, amount and resource) that the
//    payer did not sign: refused, though the id names a settled payment.
const idUnpaid = await fetch(`${base}/idempotent`);
const posing = await idClient.createPaymentPayload(decodePaymentRequiredHeader(idUnpaid.headers.get("PAYMENT-REQUIRED")));
posing.payload.authorization.nonce = `0x${"22".repeat(32)}`;
const forgedRetry = await outcome(
	await fetch(`${base}/idempotent`, { headers: { "PAYMENT-SIGNATURE": encodePaymentSignatureHeader(posing) } }),
);

console.log(JSON.stringify({ replays, first, retry, conflict, forgedRetry, handled, nonces }));
listener.close();
process.exit(0);
