/**
 * AWS clients: one set per region (and profile), created on first use and shared by every
 * resource the provider process handles. Endpoints and credentials come from the standard AWS
 * chain, so AWS_ENDPOINT_URL_CUSTOMER_PROFILES / _APPFLOW / _STS and AWS_PROFILE work unchanged.
 * The SDK modules are required lazily: a preview that needs no AppFlow call never loads AppFlow.
 */
import type { CustomerProfilesClient } from "@aws-sdk/client-customer-profiles";
import type { AppflowClient } from "@aws-sdk/client-appflow";
import type { STSClient } from "@aws-sdk/client-sts";
import { appflowSdk, customerProfilesSdk, stsSdk } from "./sdk-modules";
import { timeouts, type Endpoints } from "./config";
import { maxAttemptsSetting, retryStrategy } from "./retry";
import { send, type SdkClient } from "./send";

export interface AwsClients {
  region: string;
  /** The provider's endpoint overrides, which these clients use (for messages that name the endpoint). */
  endpoints: Endpoints;
  customerProfiles(): CustomerProfilesClient;
  appflow(): AppflowClient;
  sts(): STSClient;
  /** The caller's account id (for ARNs), asked of STS once per client set. */
  accountId(): Promise<string>;
}

const cache = new Map<string, AwsClients>();
const created: { destroy(): void }[] = [];

function track<T extends { destroy(): void }>(client: T): T {
  created.push(client);
  return client;
}

/** A client made on first use and tracked, so that resetClients can destroy it. */
function onFirstUse<T extends { destroy(): void }>(make: () => T): () => T {
  let client: T | undefined;
  return () => (client ??= track(make()));
}

function commonConfig(region: string, profile: string | undefined, endpoint: string | undefined) {
  const { NodeHttpHandler } = require("@smithy/node-http-handler") as typeof import("@smithy/node-http-handler");
  const { connectionTimeout, requestTimeout } = timeouts();
  const maxAttempts = maxAttemptsSetting(profile);
  return {
    region,
    ...(profile ? { profile } : {}),
    ...(endpoint ? { endpoint } : {}),
    maxAttempts,
    retryStrategy: retryStrategy(profile, maxAttempts),
    requestHandler: new NodeHttpHandler({
      connectionTimeout,
      requestTimeout,
      // Without it this SDK only logs a warning once requestTimeout has passed, and waits on.
      throwOnRequestTimeout: true,
      // requestTimeout ends when the answer's headers arrive; this catches a body that then stalls.
      socketTimeout: requestTimeout,
    }),
  };
}

export function clientsFor(region: string, profile?: string, endpoints: Endpoints = {}): AwsClients {
  const key = [region, profile ?? "", endpoints.customerProfiles ?? "", endpoints.appflow ?? "", endpoints.sts ?? ""].join("\u0000");
  let clients = cache.get(key);
  if (clients) return clients;
  let account: Promise<string> | undefined;
  const config = (endpoint: string | undefined) => commonConfig(region, profile, endpoint);
  clients = {
    region,
    endpoints,
    customerProfiles: onFirstUse(() => new (customerProfilesSdk().CustomerProfilesClient)(config(endpoints.customerProfiles))),
    appflow: onFirstUse(() => new (appflowSdk().AppflowClient)(config(endpoints.appflow))),
    sts: onFirstUse(() => new (stsSdk().STSClient)(config(endpoints.sts))),
    accountId: () => {
      if (!account) {
        const { GetCallerIdentityCommand } = stsSdk();
        // Every resource created at once waits on this one call.
        account = send<{ Account?: string }>(clients!.sts() as unknown as SdkClient, new GetCallerIdentityCommand({}), {
          service: "STS",
          operation: "GetCallerIdentity",
          region,
          endpoint: endpoints.sts,
        }).then((r) => {
          if (!r.Account) throw new Error("STS GetCallerIdentity returned no account");
          return r.Account;
        });
        // A failed lookup must not poison the cache for the rest of the run.
        account.catch(() => (account = undefined));
      }
      return account;
    },
  };
  cache.set(key, clients);
  return clients;
}

/** Forget every client (tests that change endpoints or credentials between cases). */
export function resetClients(): void {
  for (const c of created.splice(0)) c.destroy();
  cache.clear();
}
