// The server half: prices routes in the chain's stablecoin and passes the facilitator's
// genesis hash on to clients, who sign over it.
import type {
  AssetAmount,
  Network,
  PaymentRequirements,
  Price,
  SchemeNetworkServer,
  SupportedKind,
} from "@x402/core/types";
import { convertToTokenAmount, parseMoney } from "@x402/core/utils";
import { assetAddress, assetOfAddress, hex32, nativeNetwork, STABLECOIN } from "./encoding.js";

/** The `exact` scheme on agentchain's native network, for `x402ResourceServer.register`. */
export class ExactNativeServerScheme implements SchemeNetworkServer {
  readonly scheme = "exact";
  readonly defaultAssetTransferMethod = "default";
  readonly paymentFlows = {
    default: { supported: ["authorization"], default: "authorization" },
  } as const;

  /** `"$0.01"` or `0.01` in the stablecoin, or an explicit `{amount, asset}`. */
  async parsePrice(price: Price, network: Network): Promise<AssetAmount> {
    if (typeof price === "object" && price !== null && "amount" in price) {
      if (!price.asset || assetOfAddress(price.asset) === undefined) {
        throw new Error(`an amount on ${network} needs an asset address of the chain`);
      }
      return { amount: price.amount, asset: price.asset, extra: price.extra ?? {} };
    }
    const { amount, symbol } = parseMoney(price);
    if (symbol !== undefined && symbol.toUpperCase() !== STABLECOIN.symbol) {
      throw new Error(`${network} prices in ${STABLECOIN.symbol}, not ${symbol}`);
    }
    return {
      amount: convertToTokenAmount(amount, STABLECOIN.decimals),
      asset: assetAddress(STABLECOIN.asset),
      extra: {},
    };
  }

  getAssetDecimals(asset: string): number | undefined {
    return assetOfAddress(asset) === STABLECOIN.asset ? STABLECOIN.decimals : undefined;
  }

  async enhancePaymentRequirements(
    requirements: PaymentRequirements,
    supportedKind: SupportedKind,
  ): Promise<PaymentRequirements> {
    const problem = this.validateFacilitatorSupport(requirements.network, supportedKind);
    if (problem) throw new Error(problem);
    return {
      ...requirements,
      extra: { ...requirements.extra, genesisHash: supportedKind.extra?.genesisHash },
    };
  }

  /** The facilitator must name the chain's genesis hash, and it must be this network's. */
  validateFacilitatorSupport(network: Network, supportedKind: SupportedKind): string | void {
    let genesis: Uint8Array;
    try {
      genesis = hex32("the facilitator's extra.genesisHash", supportedKind.extra?.genesisHash);
    } catch (error) {
      return (error as Error).message;
    }
    if (nativeNetwork(genesis) !== network) {
      return `the facilitator's genesis hash is not network ${network}'s`;
    }
  }
}
