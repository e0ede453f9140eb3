/**
 * A local Amazon Connect Customer Profiles + Amazon AppFlow + STS endpoint that the AWS SDKs and
 * CLIs cannot tell from AWS: the official models drive routing, parsing, validation and output;
 * requests must be SigV4-signed with the configured key pair.
 *
 *   const emulator = await startEmulator();
 *   const client = new CustomerProfilesClient({ endpoint: emulator.url, region: emulator.region, credentials: emulator.credentials });
 */
import { partitionOf } from "../model/arn";
import { EmulatorServer } from "./server";
import { callerArnFor } from "./services/sts/operations";
import type { Emulator, EmulatorBehaviour, EmulatorOptions } from "./types";

export type {
  Emulator,
  EmulatorBehaviour,
  EmulatorOptions,
  FlowDefinitionConflict,
  NewFlowStatus,
  FaultConfig,
  FaultRule,
  RequestRecord,
  ServiceName,
} from "./types";
export { connectEmulator, type EmulatorControl } from "./control-client";
export { deriveFlowUri } from "./services/customer-profiles/flow-definition";

export const DEFAULTS = {
  host: "127.0.0.1",
  region: "us-east-1",
  accountId: "123456789012",
  accessKeyId: "test",
  secretAccessKey: "test",
} as const;

/** Env vars that point the AWS SDK v3 and CLI (v1 ≥ 1.29, v2 ≥ 2.13) at an endpoint. */
export function endpointEnv(
  url: string,
  region: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: url,
    AWS_ENDPOINT_URL_CUSTOMER_PROFILES: url,
    AWS_ENDPOINT_URL_APPFLOW: url,
    AWS_ENDPOINT_URL_STS: url,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
  };
}

const FLOW_DEFINITION_CONFLICT = ["conflict", "upsert"];
const NEW_FLOW_STATUS = ["Draft", "Active"];

function checkBehaviour(b: EmulatorBehaviour): void {
  if (!FLOW_DEFINITION_CONFLICT.includes(b.flowDefinitionConflict)) {
    throw new Error(`flowDefinitionConflict must be one of ${FLOW_DEFINITION_CONFLICT.join(", ")}, got ${b.flowDefinitionConflict}`);
  }
  if (!NEW_FLOW_STATUS.includes(b.newFlowStatus)) {
    throw new Error(`newFlowStatus must be one of ${NEW_FLOW_STATUS.join(", ")}, got ${b.newFlowStatus}`);
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? DEFAULTS.host;
  const region = options.region ?? DEFAULTS.region;
  const accountId = options.accountId ?? DEFAULTS.accountId;
  const credentials = {
    accessKeyId: options.accessKeyId ?? DEFAULTS.accessKeyId,
    secretAccessKey: options.secretAccessKey ?? DEFAULTS.secretAccessKey,
  };
  if (!/^\d{12}$/.test(accountId)) throw new Error(`accountId must be 12 digits, got ${accountId}`);
  const initialBehaviour: EmulatorBehaviour = {
    flowDefinitionConflict: options.flowDefinitionConflict ?? "conflict",
    newFlowStatus: options.newFlowStatus ?? "Draft",
  };
  checkBehaviour(initialBehaviour);
  // One object, read by the state models on every request: setBehaviour changes it in place.
  const behaviour: EmulatorBehaviour = { ...initialBehaviour };
  const server = new EmulatorServer({
    host,
    port: options.port ?? 0,
    region,
    accountId,
    credentials,
    callerArn: callerArnFor(accountId, partitionOf(region)),
    stateFile: options.stateFile,
    behaviour,
    limits: options.limits,
    allowedHosts: options.allowedHosts,
  });
  const address = await server.listen();
  // A wildcard listen address is not somewhere a client can connect to.
  const clientHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${clientHost}:${address.port}`;
  let closed: Promise<void> | undefined;
  return {
    url,
    region,
    accountId,
    credentials: { ...credentials },
    env: endpointEnv(url, region, credentials),
    requests: () => server.log.list(),
    clearRequests: () => server.log.clear(),
    reset: () => {
      Object.assign(behaviour, initialBehaviour);
      server.reset();
    },
    setFaults: (f) => server.setFaults(f),
    setBehaviour: (b) => {
      const next = { ...behaviour, ...b };
      checkBehaviour(next);
      Object.assign(behaviour, next);
    },
    close: () => (closed ??= server.close()),
  };
}
