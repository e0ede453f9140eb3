/**
 * Runs a suite against a fresh local endpoint: starts it, points the real AWS SDK clients at it
 * through the standard environment variables (the same way a user would), and puts everything
 * back afterwards.
 */
import { resetClients } from "../../provider/clients";
import { startLocalAws, type LocalAws } from "../../testing/local-aws";

export type EmulatorHandle = LocalAws;

const SDK_ENV = [
  "AWS_ENDPOINT_URL",
  "AWS_ENDPOINT_URL_CUSTOMER_PROFILES",
  "AWS_ENDPOINT_URL_APPFLOW",
  "AWS_ENDPOINT_URL_STS",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
  "AWS_PROFILE",
  "AWS_MAX_ATTEMPTS",
  "AWS_RETRY_MODE",
  "AWS_CONFIG_FILE",
  "AWS_SHARED_CREDENTIALS_FILE",
  "PULUMI_CUSTOMER_PROFILES_MAX_BACKOFF_MS",
];

/**
 * The longest backoff of the provider's retries against the local endpoint, which answers in
 * milliseconds: the same retries as against AWS, without seconds of waiting between them.
 */
export const LOCAL_MAX_BACKOFF_MS = "20";

/** Mocha hooks for a suite that talks to the local endpoint; the handle is filled in `before`. */
export function useEmulator(): EmulatorHandle {
  const handle = {} as EmulatorHandle;
  const saved: Record<string, string | undefined> = {};
  before(async () => {
    for (const k of SDK_ENV) saved[k] = process.env[k];
    // The SDK's default attempts for the suite's own clients, as before any fault is injected.
    Object.assign(handle, await startLocalAws({ maxAttempts: 3 }));
    for (const k of SDK_ENV) delete process.env[k];
    // No shared config from the machine running the tests.
    process.env.AWS_CONFIG_FILE = "/nonexistent/aws-config";
    process.env.AWS_SHARED_CREDENTIALS_FILE = "/nonexistent/aws-credentials";
    process.env.PULUMI_CUSTOMER_PROFILES_MAX_BACKOFF_MS = LOCAL_MAX_BACKOFF_MS;
    Object.assign(process.env, handle.emulator.env);
    resetClients();
  });
  after(async () => {
    resetClients();
    await handle.close?.();
    for (const k of SDK_ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
  return handle;
}

/** The AWS operations the endpoint received since the last clear, in order. */
export function operations(h: EmulatorHandle): string[] {
  return h.emulator.requests().map((r) => r.operation);
}

export const WRITE_OPERATIONS = new Set([
  "PutIntegration",
  "DeleteIntegration",
  "TagResource",
  "UntagResource",
  "CreateDomain",
  "DeleteDomain",
  "PutProfileObjectType",
  "DeleteProfileObjectType",
  "CreateConnectorProfile",
  "DeleteConnectorProfile",
  "UpdateFlow",
  "DeleteFlow",
]);
