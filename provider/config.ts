/**
 * Provider settings and how the region resolves. The precedence is the one AWS users expect
 * from the Pulumi AWS provider: the resource's own `region`, then stack config `aws:region`,
 * then AWS_REGION / AWS_DEFAULT_REGION, then the shared AWS config file (for `aws:profile` or
 * AWS_PROFILE).
 */
import { ProviderError } from "./errors";

export interface ProviderSettings {
  /** Stack config `aws:region` (the plugin: its own `region`). */
  region?: string;
  /** Stack config `aws:profile`: the shared-config profile credentials and region come from. */
  profile?: string;
  /** Endpoint URLs that replace AWS's own (the plugin's `endpoints`); the AWS_ENDPOINT_URL_* variables otherwise. */
  endpoints?: Endpoints;
  /** The config key a user sets the region with, for the message that asks for one. */
  regionKey?: string;
}

export interface Endpoints {
  customerProfiles?: string;
  appflow?: string;
  sts?: string;
}

/** The stack config keys the provider reads, from the engine's Configure call. */
export function settingsFromConfig(config: { get(key: string): string | undefined } | undefined): ProviderSettings {
  const get = (k: string) => {
    const v = config?.get(k);
    return typeof v === "string" && v !== "" ? v : undefined;
  };
  return { region: get("aws:region"), profile: get("aws:profile") };
}

export async function resolveRegion(inputRegion: string | undefined, settings: ProviderSettings): Promise<string> {
  const fromEnv = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION;
  const region = inputRegion || settings.region || fromEnv || (await regionFromSharedConfig(settings.profile));
  if (!region) {
    throw new ProviderError(
      "No AWS region is set for this Customer Profiles integration. Set one with " +
        `\`pulumi config set ${settings.regionKey ?? "aws:region"} <region>\` (or the resource's \`region\` input, or AWS_REGION).`,
    );
  }
  return region;
}

async function regionFromSharedConfig(profile: string | undefined): Promise<string | undefined> {
  // Loaded lazily: the shared-config reader is only needed when nothing closer names a region.
  const { loadConfig } = require("@smithy/node-config-provider") as typeof import("@smithy/node-config-provider");
  const { NODE_REGION_CONFIG_OPTIONS, NODE_REGION_CONFIG_FILE_OPTIONS } =
    require("@smithy/config-resolver") as typeof import("@smithy/config-resolver");
  try {
    const region = await loadConfig(NODE_REGION_CONFIG_OPTIONS, {
      ...NODE_REGION_CONFIG_FILE_OPTIONS,
      profile: profile ?? process.env.AWS_PROFILE,
    })();
    return region || undefined;
  } catch {
    return undefined;
  }
}

/** Connect and request timeouts for every AWS call, overridable for slow networks. */
export function timeouts(): { connectionTimeout: number; requestTimeout: number } {
  const num = (name: string, dflt: number) => {
    const v = Number(process.env[name]);
    return Number.isFinite(v) && v > 0 ? v : dflt;
  };
  return {
    connectionTimeout: num("PULUMI_CUSTOMER_PROFILES_CONNECT_TIMEOUT_MS", 5_000),
    requestTimeout: num("PULUMI_CUSTOMER_PROFILES_REQUEST_TIMEOUT_MS", 30_000),
  };
}
