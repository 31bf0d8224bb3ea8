// Pays an x402 URL from a native key: stock @x402/fetch with our scheme registered.
//
//   echo '//Charlie' > charlie.suri && chmod 600 charlie.suri
//   PAYER_SURI_FILE=charlie.suri node examples/pay-native.mjs http://127.0.0.1:4021/report
import { readFileSync } from "node:fs";
import { wrapFetchWithPayment, x402Client } from "@x402/fetch";
import { ExactNativeScheme, signerFromUri } from "@agentchain/x402-native";
import { printPaid } from "./print-paid.mjs";

const url = process.argv[2] ?? "http://127.0.0.1:4021/report";
const suri = readFileSync(process.env.PAYER_SURI_FILE, "utf8").trim();
const client = new x402Client().register("polkadot:*", new ExactNativeScheme(await signerFromUri(suri)));
const response = await wrapFetchWithPayment(fetch, client)(url);
await printPaid(response);
