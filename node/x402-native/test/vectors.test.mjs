// The shared vectors (primitives/vectors/native-intents.json), which the Rust side checks too.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { Keyring } from "@polkadot/keyring";
import { hexToU8a, u8aToHex } from "@polkadot/util";
import { cryptoWaitReady } from "@polkadot/util-crypto";
import {
  assetAddress,
  assetOfAddress,
  nativeNetwork,
  paymentId,
  signerFromPair,
  signingPayload,
  STABLECOIN,
} from "../dist/index.js";

const vectors = JSON.parse(
  readFileSync(new URL("../../../primitives/vectors/native-intents.json", import.meta.url), "utf8"),
);

function intentOf(wire) {
  return {
    payer: hexToU8a(wire.payer),
    payee: hexToU8a(wire.payee),
    asset: wire.asset,
    amount: BigInt(wire.amount),
    validAfter: BigInt(wire.validAfter),
    validBefore: BigInt(wire.validBefore),
    nonce: hexToU8a(wire.nonce),
    reference: wire.reference === null ? undefined : hexToU8a(wire.reference),
  };
}

test("signing payloads, payment ids and ed25519 signatures match the Rust side", async () => {
  await cryptoWaitReady();
  assert.ok(vectors.intents.length > 0);
  for (const vector of vectors.intents) {
    const intent = intentOf(vector.intent);
    const payload = signingPayload(vector.purpose, hexToU8a(vector.genesisHash), intent);
    assert.equal(u8aToHex(payload), vector.signingPayload, vector.name);
    assert.equal(u8aToHex(paymentId(intent.payer, intent.nonce)), vector.paymentId, vector.name);
    const pair = new Keyring({ type: "ed25519" }).addFromSeed(hexToU8a(vector.ed25519Seed));
    const signer = signerFromPair(pair);
    assert.equal(u8aToHex(signer.account), vector.intent.payer, vector.name);
    assert.equal(u8aToHex(await signer.sign(payload)), vector.signature, vector.name);
  }
});

test("asset addresses and the stablecoin match the Rust side", () => {
  for (const { asset, address } of vectors.assetAddresses) {
    assert.equal(assetAddress(asset), address);
    assert.equal(assetOfAddress(address), asset);
  }
  assert.equal(assetOfAddress("0xffffffff00000000000000000000000100000001"), undefined);
  assert.deepEqual({ ...STABLECOIN }, vectors.stablecoin);
});

test("the network names the genesis hash's first 16 bytes", () => {
  const genesis = vectors.intents[0].genesisHash;
  assert.equal(nativeNetwork(genesis), "polkadot:" + genesis.slice(2, 34));
  assert.throws(() => nativeNetwork("0x1234"), /32 bytes/);
});
