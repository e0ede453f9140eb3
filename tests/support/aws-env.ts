/**
 * Runs a suite against a fresh local endpoint: starts it, points the real AWS SDK clients at it
 * through the standard environment variables (the same way a user would), and puts everything
 * back afterwards.
 */
import { startEmulator } from "../../emulator";
import type { Emulator } from "../../emulator/types";
import { resetClients } from "../../provider/clients";
import { CustomerProfilesClient } from "@aws-sdk/client-customer-profiles";
import { AppflowClient } from "@aws-sdk/client-appflow";
import { createConnectorProfile, createDomainWithObjectTypes } from "./emulator-harness";

export interface EmulatorHandle {
  emulator: Emulator;
  customerProfiles: CustomerProfilesClient;
  appflow: AppflowClient;
}

const SDK_ENV = [
  "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_CUSTOMER_PROFILES", "AWS_ENDPOINT_URL_APPFLOW", "AWS_ENDPOINT_URL_STS",
  "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION",
  "AWS_PROFILE", "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE",
];

/** Mocha hooks for a suite that talks to the local endpoint; the handle is filled in `before`. */
export function useEmulator(): EmulatorHandle {
  const handle = {} as EmulatorHandle;
  const saved: Record<string, string | undefined> = {};
  before(async () => {
    for (const k of SDK_ENV) saved[k] = process.env[k];
    handle.emulator = await startEmulator();
    for (const k of SDK_ENV) delete process.env[k];
    // No shared config from the machine running the tests.
    process.env.AWS_CONFIG_FILE = "/nonexistent/aws-config";
    process.env.AWS_SHARED_CREDENTIALS_FILE = "/nonexistent/aws-credentials";
    Object.assign(process.env, handle.emulator.env);
    resetClients();
    const config = {
      region: handle.emulator.region,
      endpoint: handle.emulator.url,
      credentials: handle.emulator.credentials,
    };
    handle.customerProfiles = new CustomerProfilesClient(config);
    handle.appflow = new AppflowClient(config);
  });
  after(async () => {
    resetClients();
    handle.customerProfiles?.destroy();
    handle.appflow?.destroy();
    await handle.emulator?.close();
    for (const k of SDK_ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
  return handle;
}

/** The object types tests/support/fixtures.ts refers to. */
export const FIXTURE_OBJECT_TYPES = ["SalesforceContact", "CustomerCsv", "ShopifyOrder", "SegmentProfile"];

/** A domain with the object types the fixtures refer to. */
export async function seedRetailDomain(h: EmulatorHandle, domainName = "retail"): Promise<void> {
  await createDomainWithObjectTypes(h.customerProfiles, domainName, FIXTURE_OBJECT_TYPES);
}

export async function seedConnectorProfile(h: EmulatorHandle, name: string, connectorType: "Salesforce" | "Zendesk"): Promise<void> {
  await createConnectorProfile(h.appflow, name, connectorType);
}

/** The AWS operations the endpoint received since the last clear, in order. */
export function operations(h: EmulatorHandle): string[] {
  return h.emulator.requests().map((r) => r.operation);
}

export const WRITE_OPERATIONS = new Set([
  "PutIntegration", "DeleteIntegration", "TagResource", "UntagResource", "CreateDomain", "DeleteDomain",
  "PutProfileObjectType", "DeleteProfileObjectType", "CreateConnectorProfile", "DeleteConnectorProfile", "UpdateFlow", "DeleteFlow",
]);
