/**
 * The plugin's settings from the engine's Configure call. The engine sends the package's config
 * (`pulumi config set customer-profiles-integration:region …`, or an explicit provider resource's
 * arguments) as `variables`, keyed `<package>:config:<key>` (older engines: `<package>:<key>`),
 * objects JSON-encoded. What is not set falls back to the standard AWS chain (provider/config.ts).
 */
import { ProviderError } from "../errors";
import { settingsFromConfig, type Endpoints, type ProviderSettings } from "../config";
import { PACKAGE_NAME } from "./names";

const ENDPOINT_KEYS: (keyof Endpoints)[] = ["customerProfiles", "appflow", "sts"];

/** `variables` by key name alone. */
function byKey(variables: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(variables)) {
    for (const prefix of [`${PACKAGE_NAME}:config:`, `${PACKAGE_NAME}:`]) {
      if (k.startsWith(prefix)) {
        out.set(k.slice(prefix.length), v);
        break;
      }
    }
  }
  return out;
}

export function settingsFromVariables(variables: Record<string, string>): ProviderSettings {
  const vars = byKey(variables);
  const { region, profile } = settingsFromConfig({ get: (k) => vars.get(k.slice(k.indexOf(":") + 1)) });
  const endpoints = endpointsFrom(vars.get("endpoints"));
  return {
    ...(region ? { region } : {}),
    ...(profile ? { profile } : {}),
    ...(endpoints ? { endpoints } : {}),
    regionKey: `${PACKAGE_NAME}:region`,
  };
}

function endpointsFrom(text: string | undefined): Endpoints | undefined {
  if (text === undefined || text === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ProviderError(
      `${PACKAGE_NAME}:endpoints must be an object such as {"customerProfiles": "http://127.0.0.1:4566"}; set one ` +
        `member with \`pulumi config set --path ${PACKAGE_NAME}:endpoints.customerProfiles <url>\`.`,
    );
  }
  const out: Endpoints = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (!(ENDPOINT_KEYS as string[]).includes(k) || typeof v !== "string") {
      throw new ProviderError(`${PACKAGE_NAME}:endpoints.${k} is not an endpoint URL of ${ENDPOINT_KEYS.join(", ")}.`);
    }
    if (v !== "") out[k as keyof Endpoints] = v;
  }
  return Object.keys(out).length ? out : undefined;
}
