// The client half: signs the native intent a `polkadot:<genesis>` `exact` requirement asks for.
import { DEV_PHRASE, Keyring } from "@polkadot/keyring";
import type { KeyringPair } from "@polkadot/keyring/types";
import { isHex, u8aToHex } from "@polkadot/util";
import { cryptoWaitReady, decodeAddress, keyExtractSuri, mnemonicValidate } from "@polkadot/util-crypto";
import type {
  PaymentPayloadContext,
  PaymentPayloadResult,
  PaymentRequirements,
  SchemeNetworkClient,
} from "@x402/core/types";
import { randomBytes } from "node:crypto";
import {
  assetOfAddress,
  decimalU128,
  decodeAccount,
  hex32,
  nativeNetwork,
  type NativeIntent,
  Purpose,
  signingPayload,
  STABLECOIN,
} from "./encoding.js";

/** Who pays: its 32-byte account and a signer of SCALE `MultiSignature`s. */
export interface NativeSigner {
  readonly account: Uint8Array;
  /** The SCALE-encoded `MultiSignature` (type byte first) over `payload`. */
  sign(payload: Uint8Array): Uint8Array | Promise<Uint8Array>;
}

/** A polkadot.js keyring pair (sr25519, ed25519 or ecdsa) as a [`NativeSigner`]. */
export function signerFromPair(pair: KeyringPair): NativeSigner {
  return {
    account: decodeAddress(pair.address),
    sign: (payload) => pair.sign(payload, { withType: true }),
  };
}

/** A signer from a secret URI (a mnemonic, `//Alice`, a 0x seed, with derivations). */
export async function signerFromUri(
  suri: string,
  type: "sr25519" | "ed25519" | "ecdsa" = "sr25519",
): Promise<NativeSigner> {
  await cryptoWaitReady();
  // polkadot.js would take any short string as a raw seed: a guessable key. Only a real
  // secret is taken, and errors never repeat it.
  const full = suri.startsWith("//") ? DEV_PHRASE + suri : suri;
  let phrase: string;
  try {
    phrase = keyExtractSuri(full).phrase;
  } catch {
    throw new Error("the secret URI is malformed");
  }
  if (!isHex(phrase, 256) && !mnemonicValidate(phrase)) {
    throw new Error("the secret URI is not a valid mnemonic, a 0x 32-byte seed or a //dev derivation");
  }
  return signerFromPair(new Keyring({ type }).addFromUri(full));
}

export interface ExactNativeClientOptions {
  /**
   * The genesis hash of the one chain this client pays on. Without it, the client takes the
   * requirement's `extra.genesisHash` (which the server copies from the facilitator's
   * `/supported`) once it matches the requirement's network.
   */
  genesisHash?: string;
  /** Unix seconds now (for tests); the system clock by default. */
  now?: () => number;
}

/** The `exact` scheme on agentchain's native network, for `x402Client.register`. */
export class ExactNativeScheme implements SchemeNetworkClient {
  readonly scheme = "exact";

  /** The stablecoin is a default asset: stock spend controls cap it in USD, as USDC. */
  readonly findDefaultAsset = (asset: string, network: string) =>
    network.startsWith("polkadot:") && assetOfAddress(asset) === STABLECOIN.asset
      ? { asset, decimals: STABLECOIN.decimals, symbol: STABLECOIN.symbol }
      : undefined;

  constructor(
    private readonly signer: NativeSigner,
    private readonly options: ExactNativeClientOptions = {},
  ) {}

  async createPaymentPayload(
    x402Version: number,
    requirements: PaymentRequirements,
    context?: PaymentPayloadContext,
  ): Promise<PaymentPayloadResult> {
    if (x402Version !== 2) {
      throw new Error(`agentchain's native network speaks x402 version 2, not ${x402Version}`);
    }
    if (requirements.scheme !== this.scheme) {
      throw new Error(`this scheme pays \`exact\`, not \`${requirements.scheme}\``);
    }
    const genesisHash = this.genesisHash(requirements);
    const asset = assetOfAddress(requirements.asset);
    if (asset === undefined) {
      throw new Error(`asset ${requirements.asset} is not an asset address of this chain`);
    }
    const amount = decimalU128("amount", requirements.amount);
    if (amount === 0n) throw new Error("amount must be more than zero");
    if (context?.maxAmountPerPayment !== undefined && amount > BigInt(context.maxAmountPerPayment)) {
      throw new Error(
        `amount ${amount} is more than this client pays at once (${context.maxAmountPerPayment})`,
      );
    }
    const timeout = requirements.maxTimeoutSeconds;
    if (!Number.isInteger(timeout) || timeout <= 0) {
      throw new Error(`maxTimeoutSeconds must be a positive integer, not ${timeout}`);
    }
    const now = Math.floor(this.options.now?.() ?? Date.now() / 1000);
    const intent: NativeIntent = {
      payer: this.signer.account,
      payee: decodeAccount("payTo", requirements.payTo),
      asset,
      amount,
      // As stock EVM clients (2.27): open from the start, closing after the server's timeout.
      validAfter: 0n,
      validBefore: BigInt(now + timeout),
      nonce: new Uint8Array(randomBytes(32)),
    };
    const signature = await this.signer.sign(signingPayload(Purpose.Transfer, genesisHash, intent));
    return {
      x402Version,
      payload: {
        signature: u8aToHex(signature),
        intent: {
          payer: u8aToHex(intent.payer),
          payee: u8aToHex(intent.payee),
          amount: amount.toString(),
          validAfter: intent.validAfter.toString(),
          validBefore: intent.validBefore.toString(),
          nonce: u8aToHex(intent.nonce),
        },
      },
    };
  }

  /** The genesis hash to sign for: it must name the requirement's network. */
  private genesisHash(requirements: PaymentRequirements): Uint8Array {
    const offered = requirements.extra?.genesisHash;
    const pinned = this.options.genesisHash;
    const genesis = hex32("the genesis hash (extra.genesisHash)", pinned ?? offered);
    if (nativeNetwork(genesis) !== requirements.network) {
      throw new Error(
        `the genesis hash ${u8aToHex(genesis)} is not network ${requirements.network}'s`,
      );
    }
    if (pinned !== undefined && offered !== undefined && String(offered).toLowerCase() !== pinned.toLowerCase()) {
      throw new Error(`the server offers genesis hash ${offered}, this client pays on ${pinned} only`);
    }
    return genesis;
  }
}
