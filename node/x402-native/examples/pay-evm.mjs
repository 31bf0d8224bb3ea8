// Pays an x402 URL from an EVM key with stock packages only: @x402/fetch and @x402/evm.
//
//   PAYER_KEY_FILE=agent.key node examples/pay-evm.mjs http://127.0.0.1:4021/report
//
// `agent.key` holds a 0x-hex secp256k1 private key whose account holds the stablecoin.
import { readFileSync } from "node:fs";
import { wrapFetchWithPayment, x402Client } from "@x402/fetch";
import { ExactEvmScheme } from "@x402/evm/exact/client";
import { privateKeyToAccount } from "viem/accounts";
import { printPaid } from "./print-paid.mjs";

const url = process.argv[2] ?? "http://127.0.0.1:4021/report";
const account = privateKeyToAccount(readFileSync(process.env.PAYER_KEY_FILE, "utf8").trim());
const asset = "0xffffffff00000000000000000000000000000001";
const client = new x402Client()
  .register("eip155:*", new ExactEvmScheme(account))
  // A client pays only assets it knows or is told of: the chain's stablecoin, up to a dollar.
  .setSpendControls({ allowedAssets: [{ network: "eip155:402402", asset, maxAmountPerPayment: "1000000" }] });
const response = await wrapFetchWithPayment(fetch, client)(url);
await printPaid(response);
