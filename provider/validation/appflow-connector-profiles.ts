/**
 * The catalog's questions put to AppFlow DescribeConnectorProfiles through the provider's shared
 * clients, so endpoints, credentials and the stack's aws:profile are the ones every other call uses.
 */
import { clientsFor } from "../clients";
import { appflowSdk } from "../sdk-modules";
import type { ConnectorProfileInfo, ConnectorProfileSource, ProfileScope } from "./connector-profile-catalog";

/** A listing is for a failure message; more pages than this adds calls and no help. */
const MAX_LISTING_PAGES = 3;

async function describePages(
  request: { connectorProfileNames?: string[]; connectorType?: string },
  scope: ProfileScope,
  signal: AbortSignal,
  maxPages: number,
): Promise<ConnectorProfileInfo[]> {
  const { DescribeConnectorProfilesCommand } = appflowSdk();
  const client = clientsFor(scope.region, scope.profile, scope.endpoints).appflow();
  const out: ConnectorProfileInfo[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await client.send(new DescribeConnectorProfilesCommand({ ...(request as object), maxResults: 100, nextToken }), {
      abortSignal: signal,
    });
    for (const p of page.connectorProfileDetails ?? []) {
      if (p.connectorProfileName && p.connectorType) {
        out.push({ connectorProfileName: p.connectorProfileName, connectorType: p.connectorType });
      }
    }
    nextToken = page.nextToken;
    pages += 1;
  } while (nextToken && pages < maxPages);
  return out;
}

export const appflowConnectorProfiles: ConnectorProfileSource = {
  // A hundred names match at most a hundred profiles: one page, unless AppFlow pages smaller.
  describe: (names, scope, signal) => describePages({ connectorProfileNames: names }, scope, signal, Infinity),
  namesOfType: async (connectorType, scope, signal) =>
    (await describePages({ connectorType }, scope, signal, MAX_LISTING_PAGES)).map((p) => p.connectorProfileName),
};
