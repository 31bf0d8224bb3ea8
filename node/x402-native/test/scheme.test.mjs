// The client and server halves on their own: what they sign and build, and the clear errors
// they give for requirements they must not pay or serve.
import assert from "node:assert/strict";
import { test } from "node:test";
import { hexToU8a, u8aToHex } from "@polkadot/util";
import { signatureVerify, decodeAddress } from "@polkadot/util-crypto";
import {
  assetAddress,
  ExactNativeScheme,
  ExactNativeServerScheme,
  nativeNetwork,
  Purpose,
  signerFromUri,
  signingPayload,
} from "../dist/index.js";

const genesisHash = `0x${"ab".repeat(32)}`;
const network = nativeNetwork(genesisHash);
const bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
const requirements = {
  scheme: "exact",
  network,
  amount: "10000",
  asset: assetAddress(1),
  payTo: bob,
  maxTimeoutSeconds: 120,
  extra: { genesisHash },
};

test("the client signs the requirement's intent for the chain it names", async () => {
  const signer = await signerFromUri("//Charlie");
  const scheme = new ExactNativeScheme(signer, { now: () => 1_800_000_000 });
  const { x402Version, payload } = await scheme.createPaymentPayload(2, requirements);
  assert.equal(x402Version, 2);
  const { intent } = payload;
  assert.equal(intent.payer, u8aToHex(signer.account));
  assert.equal(intent.payee, u8aToHex(decodeAddress(bob)));
  assert.equal(intent.amount, "10000");
  assert.equal(intent.validAfter, "0");
  assert.equal(intent.validBefore, String(1_800_000_000 + 120));
  const signed = signingPayload(Purpose.Transfer, hexToU8a(genesisHash), {
    payer: signer.account,
    payee: decodeAddress(bob),
    asset: 1,
    amount: 10000n,
    validAfter: 0n,
    validBefore: BigInt(intent.validBefore),
    nonce: hexToU8a(intent.nonce),
  });
  const signature = hexToU8a(payload.signature);
  assert.equal(signature[0], 1, "an sr25519 MultiSignature");
  assert.ok(signatureVerify(signed, signature.subarray(1), signer.account).isValid);
  // Every payment has a fresh nonce.
  const again = await scheme.createPaymentPayload(2, requirements);
  assert.notEqual(again.payload.intent.nonce, intent.nonce);
});

test("the client refuses what it must not sign, saying why", async () => {
  const signer = await signerFromUri("//Charlie");
  const scheme = new ExactNativeScheme(signer);
  const refused = async (changes, pattern, context) =>
    assert.rejects(scheme.createPaymentPayload(2, { ...requirements, ...changes }, context), pattern);
  await refused({ extra: { genesisHash: `0x${"cd".repeat(32)}` } }, /is not network/);
  await refused({ extra: {} }, /genesis hash/);
  await refused({ extra: { genesisHash: "0x1234" } }, /32 bytes/);
  await refused({ asset: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913" }, /not an asset address/);
  await refused({ amount: "0" }, /more than zero/);
  await refused({ amount: "1e6" }, /decimal integer/);
  await refused({ payTo: "nobody" }, /payTo is not an account/);
  await refused({ maxTimeoutSeconds: 0 }, /maxTimeoutSeconds/);
  await refused({ scheme: "upto" }, /pays `exact`/);
  await refused({}, /more than this client pays/, { maxAmountPerPayment: "9999" });
  await assert.rejects(scheme.createPaymentPayload(1, requirements), /version 2/);
  const pinned = new ExactNativeScheme(signer, { genesisHash: `0x${"00".repeat(32)}` });
  await assert.rejects(pinned.createPaymentPayload(2, requirements), /is not network/);
  await assert.rejects(signerFromUri("not a key"), (error) => {
    assert.match(error.message, /not a valid mnemonic/);
    assert.doesNotMatch(error.message, /not a key/, "the error repeats the secret");
    return true;
  });
  await assert.rejects(signerFromUri("0x1234"), /not a valid mnemonic/);
});

test("the server prices in the stablecoin and passes the facilitator's genesis hash on", async () => {
  const server = new ExactNativeServerScheme();
  assert.deepEqual(await server.parsePrice("$0.01", network), {
    amount: "10000",
    asset: assetAddress(1),
    extra: {},
  });
  await assert.rejects(server.parsePrice("0.01 EURC", network), /prices in USDC/);
  await assert.rejects(server.parsePrice({ amount: "1", asset: "0x12" }, network), /asset address/);
  assert.equal(server.getAssetDecimals(assetAddress(1)), 6);
  const kind = { x402Version: 2, scheme: "exact", network, extra: { genesisHash } };
  const { extra, ...rest } = requirements;
  const enhanced = await server.enhancePaymentRequirements({ ...rest, extra: {} }, kind, []);
  assert.equal(enhanced.extra.genesisHash, genesisHash);
  assert.match(server.validateFacilitatorSupport(network, { ...kind, extra: {} }), /genesisHash/);
  const otherChain = { ...kind, extra: { genesisHash: `0x${"00".repeat(32)}` } };
  assert.match(server.validateFacilitatorSupport(network, otherChain), /not network/);
  assert.equal(server.validateFacilitatorSupport(network, kind), undefined);
});
