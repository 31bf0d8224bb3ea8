// What the interop scripts share: settings from the environment, an express app served on a
// free loopback port, a fetch that remembers the payment headers it sent, and the reason a
// server gives for refusing a payment.
import { once } from "node:events";
import { decodePaymentRequiredHeader } from "@x402/core/http";

/** A required setting: the variable's value, or an error naming it. */
export function env(name) {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set`);
	return value;
}

/** Serves `app` on a free loopback port: the listener and the server's base URL. */
export async function serve(app) {
	const listener = app.listen(0, "127.0.0.1");
	await once(listener, "listening");
	return { listener, base: `http://127.0.0.1:${listener.address().port}` };
}

/** A fetch that pushes every `PAYMENT-SIGNATURE` header it sends onto `sent`. */
export function recordingFetch() {
	const sent = [];
	const fetchAndRecord = async (input, init) => {
		const request = new Request(input, init);
		const payment = request.headers.get("PAYMENT-SIGNATURE");
		if (payment) sent.push(payment);
		return fetch(request);
	};
	return { fetch: fetchAndRecord, sent };
}

/** The facilitator's reason a server passed on with its 402, or null. */
export function refusalReason(response) {
	const required = response.headers.get("PAYMENT-REQUIRED");
	return required ? (decodePaymentRequiredHeader(required).error ?? null) : null;
}

/** What a server answers a request to `url` that carries the payment `header`. */
export async function refusal(url, header) {
	const response = await fetch(url, { headers: { "PAYMENT-SIGNATURE": header } });
	return { status: response.status, error: refusalReason(response) };
}
