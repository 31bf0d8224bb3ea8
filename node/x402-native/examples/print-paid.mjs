// What the pay examples print: the paid response and its decoded settlement receipt.
import { decodePaymentResponseHeader } from "@x402/core/http";

export async function printPaid(response) {
  const settlement = response.headers.get("PAYMENT-RESPONSE");
  const paid = {
    status: response.status,
    body: await response.text(),
    paymentResponse: settlement ? decodePaymentResponseHeader(settlement) : null,
  };
  console.log(JSON.stringify(paid, null, 2));
}
