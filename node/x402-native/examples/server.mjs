// A stock @x402/express server selling `GET /report` for a cent, payable from a native key (our
// scheme, registered on the stock resource server) or from an EVM key (stock @x402/evm), and
// settled by the node's built-in facilitator.
//
//   node examples/server.mjs        # FACILITATOR_URL (http://127.0.0.1:8402), PORT (4021)
//
// Both routes pay Bob: his account on the native network, his registered 20-byte address on
// the EVM one.
import express from "express";
import { paymentMiddleware } from "@x402/express";
import { HTTPFacilitatorClient, x402ResourceServer } from "@x402/core/server";
import { ExactEvmScheme } from "@x402/evm/exact/server";
import { keccakAsU8a, decodeAddress } from "@polkadot/util-crypto";
import { u8aToHex } from "@polkadot/util";
import { ExactNativeServerScheme } from "@agentchain/x402-native";

const facilitatorUrl = process.env.FACILITATOR_URL ?? "http://127.0.0.1:8402";
const port = Number(process.env.PORT ?? 4021);
const bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
// A native account's x402 address: the last 20 bytes of keccak256(account).
const bobAddress = u8aToHex(keccakAsU8a(decodeAddress(bob)).slice(12));

// The networks are the chain's own: ask the facilitator.
const supported = await (await fetch(`${facilitatorUrl}/supported`)).json();
const networkOf = (prefix) =>
  supported.kinds.find((kind) => kind.scheme === "exact" && kind.network.startsWith(prefix)).network;
const native = networkOf("polkadot:");
const evm = networkOf("eip155:");

const server = new x402ResourceServer(new HTTPFacilitatorClient({ url: facilitatorUrl }))
  .register(native, new ExactNativeServerScheme())
  .register(evm, new ExactEvmScheme());
const app = express();
app.use(
  paymentMiddleware(
    {
      "GET /report": {
        accepts: [
          { scheme: "exact", network: native, payTo: bob, price: "$0.01" },
          {
            scheme: "exact",
            network: evm,
            payTo: bobAddress,
            price: {
              amount: "10000",
              asset: "0xffffffff00000000000000000000000000000001",
              extra: { name: "USD Coin", version: "2" },
            },
          },
        ],
        description: "A paid report",
        mimeType: "application/json",
      },
    },
    server,
  ),
);
app.get("/report", (_request, response) => response.json({ report: "the weather is fine" }));
app.listen(port, "127.0.0.1", () =>
  console.error(`selling GET http://127.0.0.1:${port}/report on ${native} and ${evm}`),
);
