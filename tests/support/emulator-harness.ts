/**
 * What the emulator's own specs share: a fresh endpoint per suite, SDK clients that never retry
 * (so every call is exactly one request), hand-signed raw requests for what the SDK will not
 * send, and fixtures for the resources PutIntegration depends on.
 */
import { strict as assert } from "assert";
import * as http from "node:http";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { AppflowClient, CreateConnectorProfileCommand } from "@aws-sdk/client-appflow";
import {
  CreateDomainCommand,
  CustomerProfilesClient,
  PutProfileObjectTypeCommand,
  type FlowDefinition,
} from "@aws-sdk/client-customer-profiles";
import { STSClient } from "@aws-sdk/client-sts";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../emulator";

export interface Clients {
  customerProfiles: CustomerProfilesClient;
  appflow: AppflowClient;
  sts: STSClient;
}

export interface TestEmulator extends Clients {
  emulator: Emulator;
  /** Clients for the same endpoint with other settings (wrong keys, a skewed clock). */
  clients(overrides?: Record<string, unknown>): Clients;
}

export function clientsFor(emulator: Emulator, overrides: Record<string, unknown> = {}): Clients {
  const config = {
    endpoint: emulator.url,
    region: emulator.region,
    credentials: emulator.credentials,
    maxAttempts: 1,
    ...overrides,
  };
  return {
    customerProfiles: new CustomerProfilesClient(config),
    appflow: new AppflowClient(config),
    sts: new STSClient(config),
  };
}

/** Mocha hooks: one endpoint for the suite, wiped before each spec. */
export function useTestEmulator(options: EmulatorOptions = {}): TestEmulator {
  const handle = {} as TestEmulator;
  const extra: Clients[] = [];
  before(async () => {
    handle.emulator = await startEmulator(options);
    Object.assign(handle, clientsFor(handle.emulator));
    handle.clients = (overrides = {}) => {
      const c = clientsFor(handle.emulator, overrides);
      extra.push(c);
      return c;
    };
  });
  beforeEach(() => handle.emulator.reset());
  after(async () => {
    for (const c of [handle as Clients, ...extra]) {
      c.customerProfiles?.destroy();
      c.appflow?.destroy();
      c.sts?.destroy();
    }
    await handle.emulator?.close();
  });
  return handle;
}

/** Awaits a call that must fail with a modelled exception class and HTTP status; returns the error. */
export async function expectServiceError<E extends Error>(
  call: Promise<unknown>,
  exception: abstract new (...args: never[]) => E,
  status: number,
  message?: RegExp,
): Promise<E & { $metadata: { httpStatusCode?: number } }> {
  let caught: unknown;
  try {
    await call;
  } catch (e) {
    caught = e;
  }
  assert.ok(caught, `expected ${exception.name}, but the call succeeded`);
  const err = caught as E & { $metadata: { httpStatusCode?: number } };
  assert.ok(err instanceof exception, `expected an instance of ${exception.name}, got ${err.name}: ${err.message}`);
  assert.equal(err.name, exception.name);
  assert.equal(err.$metadata?.httpStatusCode, status);
  if (message) assert.match(err.message, message);
  return err;
}

/** Awaits a call that must fail with an unmodelled error (authentication, say) of this name and status. */
export async function expectErrorNamed(call: Promise<unknown>, name: string, status: number, message?: RegExp) {
  let caught: unknown;
  try {
    await call;
  } catch (e) {
    caught = e;
  }
  assert.ok(caught, `expected ${name}, but the call succeeded`);
  const err = caught as Error & { $metadata?: { httpStatusCode?: number } };
  assert.equal(err.name, name, err.message);
  assert.equal(err.$metadata?.httpStatusCode, status);
  if (message) assert.match(err.message, message);
  return err;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method: string;
  /** As it goes on the wire, percent-encoding included. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export function rawRequest(url: string, req: RawRequest): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const r = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.path, headers: req.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    r.on("error", reject);
    r.end(req.body);
  });
}

export interface SigningOptions {
  service: "profile" | "appflow" | "sts";
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  signingDate?: Date;
}

/** Signs a raw request the way the SDKs do, then sends it exactly as signed unless `tamper` changes it after signing. */
export async function signedRequest(
  emulator: Emulator,
  req: RawRequest,
  signing: SigningOptions,
  tamper?: (signed: { path: string; headers: Record<string, string>; body?: string }) => void,
): Promise<RawResponse> {
  const target = new URL(emulator.url);
  const [path, query = ""] = req.path.split("?");
  // Query keys are data too (`__proto__`): no prototype for them to collide with.
  const queryObject: Record<string, string | string[]> = Object.create(null);
  for (const [k, v] of new URLSearchParams(query)) {
    const prev = queryObject[k];
    queryObject[k] = prev === undefined ? v : ([] as string[]).concat(prev, v);
  }
  const signer = new SignatureV4({
    credentials: signing.credentials ?? emulator.credentials,
    region: signing.region ?? emulator.region,
    service: signing.service,
    sha256: Sha256,
  });
  const signed = await signer.sign(
    {
      method: req.method,
      protocol: "http:",
      hostname: target.hostname,
      port: Number(target.port),
      path,
      query: queryObject,
      headers: { host: target.host, ...(req.headers ?? {}) },
      body: req.body,
    } as Parameters<SignatureV4["sign"]>[0],
    { signingDate: signing.signingDate },
  );
  const out = { path: req.path, headers: { ...(signed.headers as Record<string, string>) }, body: req.body };
  tamper?.(out);
  return rawRequest(emulator.url, { method: req.method, path: out.path, headers: out.headers, body: out.body });
}

// ---- fixtures --------------------------------------------------------------------------------

export const KMS_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

export async function createDomainWithObjectTypes(
  cp: CustomerProfilesClient,
  domainName: string,
  objectTypes: string[] = ["Contact"],
): Promise<void> {
  await cp.send(new CreateDomainCommand({ DomainName: domainName, DefaultExpirationDays: 365 }));
  for (const name of objectTypes) {
    await cp.send(
      new PutProfileObjectTypeCommand({
        DomainName: domainName,
        ObjectTypeName: name,
        Description: `${name} objects`,
        AllowProfileCreation: true,
        Fields: { email: { Source: "_source.email", Target: "_profile.EmailAddress", ContentType: "STRING" } },
        Keys: { email: [{ StandardIdentifiers: ["PROFILE", "UNIQUE"], FieldNames: ["email"] }] },
      }),
    );
  }
}

export async function createConnectorProfile(
  af: AppflowClient,
  name: string,
  connectorType: "Salesforce" | "Zendesk" = "Salesforce",
): Promise<string> {
  const out = await af.send(
    new CreateConnectorProfileCommand({
      connectorProfileName: name,
      connectorType,
      connectionMode: "Public",
      connectorProfileConfig:
        connectorType === "Salesforce"
          ? {
              connectorProfileProperties: { Salesforce: { instanceUrl: "https://example.my.salesforce.com" } },
              connectorProfileCredentials: { Salesforce: { accessToken: "sf-access-token-secret", refreshToken: "sf-refresh-secret" } },
            }
          : {
              connectorProfileProperties: { Zendesk: { instanceUrl: "https://example.zendesk.com" } },
              connectorProfileCredentials: { Zendesk: { clientId: "id", clientSecret: "zd-client-secret", accessToken: "zd-token" } },
            },
    }),
  );
  return out.connectorProfileArn!;
}

/** A Salesforce flow with every FlowDefinition member set. */
export function salesforceFlow(flowName: string, connectorProfileName = "salesforce-prod"): FlowDefinition {
  return {
    FlowName: flowName,
    Description: "Contacts from Salesforce",
    KmsArn: KMS_ARN,
    SourceFlowConfig: {
      ConnectorType: "Salesforce",
      ConnectorProfileName: connectorProfileName,
      IncrementalPullConfig: { DatetimeTypeFieldName: "LastModifiedDate" },
      SourceConnectorProperties: { Salesforce: { Object: "Contact", EnableDynamicFieldUpdate: true, IncludeDeletedRecords: false } },
    },
    Tasks: [
      { SourceFields: ["Id", "Email"], ConnectorOperator: { Salesforce: "PROJECTION" }, TaskType: "Filter" },
      {
        SourceFields: ["Email"],
        ConnectorOperator: { Salesforce: "NO_OP" },
        DestinationField: "Email",
        TaskType: "Map",
        TaskProperties: { DESTINATION_DATA_TYPE: "string", SOURCE_DATA_TYPE: "string" },
      },
    ],
    TriggerConfig: {
      TriggerType: "Scheduled",
      TriggerProperties: {
        Scheduled: {
          ScheduleExpression: "rate(1hours)",
          DataPullMode: "Incremental",
          ScheduleStartTime: new Date("2030-01-01T00:00:00Z"),
          ScheduleEndTime: new Date("2031-01-01T00:00:00Z"),
          Timezone: "America/New_York",
          ScheduleOffset: 300,
          FirstExecutionFrom: new Date("2029-06-01T00:00:00Z"),
        },
      },
    },
  };
}

/** An S3 flow: no connector profile involved. */
export function s3Flow(flowName: string, trigger: "OnDemand" | "Scheduled" = "OnDemand"): FlowDefinition {
  return {
    FlowName: flowName,
    KmsArn: KMS_ARN,
    SourceFlowConfig: { ConnectorType: "S3", SourceConnectorProperties: { S3: { BucketName: "customer-exports", BucketPrefix: "csv/" } } },
    Tasks: [{ SourceFields: ["email"], ConnectorOperator: { S3: "NO_OP" }, DestinationField: "email", TaskType: "Map" }],
    TriggerConfig:
      trigger === "OnDemand"
        ? { TriggerType: "OnDemand" }
        : { TriggerType: "Scheduled", TriggerProperties: { Scheduled: { ScheduleExpression: "rate(1days)" } } },
  };
}

export function integrationArn(emulator: Emulator, domainName: string, uri: string): string {
  return `arn:aws:profile:${emulator.region}:${emulator.accountId}:domains/${domainName}/integrations/${uri}`;
}

export function domainArn(emulator: Emulator, domainName: string): string {
  return `arn:aws:profile:${emulator.region}:${emulator.accountId}:domains/${domainName}`;
}
