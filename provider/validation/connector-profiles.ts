/**
 * The connector-profile cross-check: a flow that reads through an AppFlow connector profile
 * names one that exists in the integration's region and connects to the flow's source. A name
 * still unknown at preview is skipped. When AppFlow cannot answer (access denied, throttled,
 * unreachable) the check is skipped with a warning: not knowing is not a failure.
 *
 * Levels, with their evidence:
 * - a profile that does not exist fails: AppFlow refuses the flow with "ResourceNotFoundException:
 *   Connector Profile with name <name> does not exist." (quoted in
 *   github.com/hashicorp/terraform-provider-aws issue 27707);
 * - a profile of another connector type is a warning: no published source shows AppFlow's answer.
 */
import { endpointOf, errorName, explain } from "../errors";
import { needsConnectorProfile, sourceConnector } from "./connectors";
import { ConnectorProfileCatalog, DeadlineExceeded, type ProfileScope, type TypeListing } from "./connector-profile-catalog";
import type { Endpoints } from "../config";
import { appflowConnectorProfiles } from "./appflow-connector-profiles";
import { str } from "./unknown";
import { warn } from "./warnings";
import type { CheckFailure } from "./types";

const PROPERTY = "flowDefinition.sourceFlowConfig.connectorProfileName";
const SHOWN_NAMES = 10;

let shared: ConnectorProfileCatalog | undefined;

/** The process-wide catalog every check shares. */
function defaultConnectorProfileCatalog(): ConnectorProfileCatalog {
  return (shared ??= new ConnectorProfileCatalog(appflowConnectorProfiles));
}

/** Forget everything AppFlow said (tests that change endpoints or profiles between cases). */
export function resetConnectorProfileCatalog(): void {
  shared = undefined;
}

function field(v: unknown, key: string): unknown {
  return typeof v === "object" && v !== null ? (v as Record<string, unknown>)[key] : undefined;
}

function theOnesThere(connectorType: string, region: string, listing: TypeListing): string {
  if (listing.status !== "listed") return "";
  const { names } = listing;
  if (names.length === 0) return `; there are no ${connectorType} connector profiles in ${region}`;
  const shown = names
    .slice(0, SHOWN_NAMES)
    .map((n) => JSON.stringify(n))
    .join(", ");
  const more = names.length > SHOWN_NAMES ? ` and ${names.length - SHOWN_NAMES} more` : "";
  return `; the ${connectorType} connector profiles in ${region} are: ${shown}${more}`;
}

function skipped(scope: ProfileScope, error: unknown, strict: boolean | undefined): CheckFailure[] {
  const cause =
    error instanceof DeadlineExceeded
      ? `AppFlow DescribeConnectorProfiles in ${scope.region} gave ${error.message}.`
      : explain(error, { service: "AppFlow", operation: "DescribeConnectorProfiles", region: scope.region }).message;
  const why = `the connector-profile cross-check was skipped in ${scope.region}: ${cause.replace(/([^.])$/, "$1.")}`;
  // Strict mode: a doubt is a failure at the path the check could not confirm.
  if (strict) return [{ property: PROPERTY, reason: `is not confirmed to exist: ${why} (strict mode: a warning fails the preview)` }];
  warn(
    `${why} The preview goes on without it: that the flows' connector profiles exist there is not confirmed.`,
    `connector-profiles\u0000${scope.region}\u0000${scope.profile ?? ""}\u0000${errorName(error)}`,
  );
  return [];
}

export interface CrossCheckContext {
  region?: string;
  profile?: string;
  /** Endpoint overrides from the provider's config. */
  endpoints?: Endpoints;
  /** Strict mode: what would be a warning is a failure at its path. */
  strict?: boolean;
}

export async function connectorProfileFailures(
  inputs: Record<string, unknown>,
  ctx: CrossCheckContext,
  catalog: ConnectorProfileCatalog = defaultConnectorProfileCatalog(),
): Promise<CheckFailure[]> {
  const region = str(ctx.region);
  const source = field(inputs.flowDefinition, "sourceFlowConfig");
  const name = str(field(source, "connectorProfileName"));
  const connector = sourceConnector(str(field(source, "connectorType")));
  if (!region || !name || !connector || !needsConnectorProfile(connector)) return [];

  const endpoint = ctx.endpoints?.appflow ?? endpointOf({ service: "AppFlow", region });
  const scope: ProfileScope = { region, profile: ctx.profile, endpoint, ...(ctx.endpoints ? { endpoints: ctx.endpoints } : {}) };
  const found = await catalog.lookup(name, scope);
  if (found.status === "unverified") return skipped(scope, found.error, ctx.strict);
  if (found.status === "found" && found.connectorType === connector.connectorType) return [];

  const others = theOnesThere(connector.connectorType, region, await catalog.namesOfType(connector.connectorType, scope));
  if (found.status === "found") {
    const mismatch =
      `connector profile ${JSON.stringify(name)} in ${region} is a ${found.connectorType} profile, but ` +
      `sourceFlowConfig.connectorType is ${connector.connectorType}${others}`;
    if (ctx.strict) return [{ property: PROPERTY, reason: `${mismatch} (strict mode: a warning fails the preview)` }];
    warn(`${PROPERTY}: ${mismatch}`);
    return [];
  }
  const reason =
    `connector profile ${JSON.stringify(name)} does not exist in ${region}${others}. If this program ` +
    `creates the profile, pass its name from that resource's output so that the check waits until it exists.`;
  return [{ property: PROPERTY, reason }];
}
