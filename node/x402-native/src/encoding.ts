// The bytes of a native payment intent, exactly as `agentchain_primitives::x402` defines them
// (checked against the shared vectors in primitives/vectors/native-intents.json).
import { stringToU8a, u8aConcat, u8aToHex, hexToU8a, isHex } from "@polkadot/util";
import { blake2AsU8a, decodeAddress } from "@polkadot/util-crypto";
import { Bytes, Option, Struct, u32, u64, u128 } from "scale-ts";

/** Prefix of every native signing payload and payment id. */
export const DOMAIN_TAG = stringToU8a("agentchain/x402/");

/** What a signature allows: part of the signed bytes. */
export enum Purpose {
  /** Anyone may submit it (`transfer_with_authorization`, `settle_batch`): what x402 uses. */
  Transfer = 0,
  /** Only the payee may submit it (`receive_with_authorization`). */
  Receive = 1,
}

/** The chain's stablecoin (USDC): asset id and decimals. */
export const STABLECOIN = { asset: 1, decimals: 6, symbol: "USDC" } as const;

/** `PaymentIntent<AccountId32, u32, u128>`. */
export interface NativeIntent {
  payer: Uint8Array;
  payee: Uint8Array;
  asset: number;
  amount: bigint;
  validAfter: bigint;
  validBefore: bigint;
  nonce: Uint8Array;
  reference?: Uint8Array;
}

const intentCodec = Struct({
  payer: Bytes(32),
  payee: Bytes(32),
  asset: u32,
  amount: u128,
  validAfter: u64,
  validBefore: u64,
  nonce: Bytes(32),
  reference: Option(Bytes(32)),
});

const U128_MAX = (1n << 128n) - 1n;
const U64_MAX = (1n << 64n) - 1n;

function checkLength(what: string, bytes: Uint8Array, length: number): void {
  if (bytes.length !== length) {
    throw new Error(`${what} must be ${length} bytes, not ${bytes.length}`);
  }
}

/** SCALE of the intent. */
export function encodeIntent(intent: NativeIntent): Uint8Array {
  checkLength("payer", intent.payer, 32);
  checkLength("payee", intent.payee, 32);
  checkLength("nonce", intent.nonce, 32);
  if (intent.reference !== undefined) checkLength("reference", intent.reference, 32);
  if (!Number.isInteger(intent.asset) || intent.asset < 0 || intent.asset > 0xffffffff) {
    throw new Error(`asset ${intent.asset} is not a u32`);
  }
  if (intent.amount < 0n || intent.amount > U128_MAX) throw new Error("amount is not a u128");
  for (const [what, value] of [["validAfter", intent.validAfter], ["validBefore", intent.validBefore]] as const) {
    if (value < 0n || value > U64_MAX) throw new Error(`${what} is not a u64`);
  }
  return intentCodec.enc({ ...intent, reference: intent.reference });
}

/** `SCALE(("agentchain/x402/", purpose, genesis_hash, intent))`: the bytes the payer signs. */
export function signingPayload(purpose: Purpose, genesisHash: Uint8Array, intent: NativeIntent): Uint8Array {
  checkLength("genesis hash", genesisHash, 32);
  return u8aConcat(DOMAIN_TAG, new Uint8Array([purpose]), genesisHash, encodeIntent(intent));
}

/** `blake2_256(SCALE(("agentchain/x402/", "payment-id", payer, nonce)))`. */
export function paymentId(payer: Uint8Array, nonce: Uint8Array): Uint8Array {
  checkLength("payer", payer, 32);
  checkLength("nonce", nonce, 32);
  return blake2AsU8a(u8aConcat(DOMAIN_TAG, stringToU8a("payment-id"), payer, nonce), 256);
}

/** An asset's x402 `asset` address: `0xffffffff`, twelve zero bytes, its id big-endian. */
export function assetAddress(asset: number): string {
  if (!Number.isInteger(asset) || asset < 0 || asset > 0xffffffff) {
    throw new Error(`asset ${asset} is not a u32`);
  }
  return "0xffffffff" + "00".repeat(12) + asset.toString(16).padStart(8, "0");
}

/** The asset id behind an [`assetAddress`], or `undefined` if it is not one. */
export function assetOfAddress(address: string): number | undefined {
  const match = /^0x[fF]{8}0{24}([0-9a-fA-F]{8})$/.exec(address);
  return match ? parseInt(match[1], 16) : undefined;
}

/** The CAIP-2 network of the chain with this genesis hash: `polkadot:<first 16 bytes, hex>`. */
export function nativeNetwork(genesisHash: Uint8Array | string): string {
  const bytes = typeof genesisHash === "string" ? hex32("genesis hash", genesisHash) : genesisHash;
  checkLength("genesis hash", bytes, 32);
  return "polkadot:" + u8aToHex(bytes.subarray(0, 16)).slice(2);
}

/** 32 bytes from `0x`-hex, or an error naming `what`. */
export function hex32(what: string, text: unknown): Uint8Array {
  if (typeof text !== "string" || !isHex(text, 256)) {
    throw new Error(`${what} must be 32 bytes of 0x-hex, not ${JSON.stringify(text)}`);
  }
  return hexToU8a(text);
}

/** A 32-byte account from SS58 or `0x`-hex. */
export function decodeAccount(what: string, text: unknown): Uint8Array {
  if (typeof text !== "string") throw new Error(`${what} must be an SS58 or 0x-hex account`);
  let bytes: Uint8Array;
  try {
    bytes = decodeAddress(text);
  } catch (error) {
    throw new Error(`${what} is not an account (${(error as Error).message}): ${text}`);
  }
  if (bytes.length !== 32) throw new Error(`${what} is not a 32-byte account: ${text}`);
  return bytes;
}

/** A decimal string as a u128, or an error naming `what`. */
export function decimalU128(what: string, text: unknown): bigint {
  if (typeof text !== "string" || !/^[0-9]{1,39}$/.test(text)) {
    throw new Error(`${what} must be a decimal integer string, not ${JSON.stringify(text)}`);
  }
  const value = BigInt(text);
  if (value > U128_MAX) throw new Error(`${what} is more than a u128`);
  return value;
}
