/**
 * What the emulator's own specs share: a fresh endpoint per suite, SDK clients that never retry
 * (so every call is exactly one request), hand-signed raw requests for what the SDK will not
 * send, and fixtures for the resources PutIntegration depends on.
 */
import { strict as assert } from "assert";
import * as http from "node:http";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import {
  CustomerProfilesClient,
  DeleteDomainCommand,
  DeleteIntegrationCommand,
  ListIntegrationsCommand,
  type FlowDefinition,
} from "@aws-sdk/client-customer-profiles";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { Emulator, EmulatorOptions } from "../../emulator";
import { clientsFor, createDomainWithObjectTypes, startLocalAws, type Clients } from "../../testing/local-aws";

// The endpoint's specs import the seed helpers from here, beside the assertions they use them with.
export { clientsFor, createConnectorProfile, createDomainWithObjectTypes, type Clients } from "../../testing/local-aws";

export interface TestEmulator extends Clients {
  emulator: Emulator;
  /** Clients for the same endpoint with other settings (wrong keys, a skewed clock). */
  clients(overrides?: Record<string, unknown>): Clients;
}

/** Mocha hooks: one endpoint for the suite, wiped before each spec. */
export function useTestEmulator(options: EmulatorOptions = {}): TestEmulator {
  const handle = {} as TestEmulator;
  let close: (() => Promise<void>) | undefined;
  before(async () => {
    const aws = await startLocalAws(options);
    Object.assign(handle, {
      emulator: aws.emulator,
      customerProfiles: aws.customerProfiles,
      appflow: aws.appflow,
      sts: aws.sts,
      clients: aws.clients,
    });
    close = aws.close;
  });
  beforeEach(() => handle.emulator.reset());
  after(async () => {
    await close?.();
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

// ---- the target of the verified specs: the local endpoint, or AWS itself ------------------------
//
// In the spirit of moto's `aws_verified`: a spec written with `describeVerified` runs against the
// local endpoint always, and against AWS too when PCPI_VERIFY_AWS=1 and AWS credentials are set
// (`npm run test:aws`), with the same body. Elsewhere its AWS half is one pending line.

export const VERIFY_SKIP_LINE = "skipped: set PCPI_VERIFY_AWS=1 with AWS credentials to run against AWS";

/** What a verified run against AWS needs from the environment, read once. */
export type VerifyTargetChoice =
  | { kind: "aws"; region: string }
  /** Not asked for: the AWS half is skipped with VERIFY_SKIP_LINE. */
  | { kind: "off"; reason: string }
  /** Asked for but impossible: the AWS half fails with the reason, so a broken setup never passes silently. */
  | { kind: "misconfigured"; reason: string };

/** Variables that would send the SDKs or CLIs somewhere other than AWS. */
const ENDPOINT_OVERRIDES = ["AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_CUSTOMER_PROFILES", "AWS_ENDPOINT_URL_APPFLOW", "AWS_ENDPOINT_URL_STS"];

export function selectVerifyTarget(env: NodeJS.ProcessEnv = process.env): VerifyTargetChoice {
  if (env.PCPI_VERIFY_AWS !== "1") return { kind: "off", reason: VERIFY_SKIP_LINE };
  const hasKeys = !!env.AWS_ACCESS_KEY_ID && !!env.AWS_SECRET_ACCESS_KEY;
  const hasOther =
    !!env.AWS_PROFILE ||
    !!env.AWS_WEB_IDENTITY_TOKEN_FILE ||
    !!env.AWS_CONTAINER_CREDENTIALS_FULL_URI ||
    !!env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  if (!hasKeys && !hasOther) {
    return {
      kind: "misconfigured",
      reason:
        "PCPI_VERIFY_AWS=1 is set but no AWS credentials are: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), or AWS_PROFILE",
    };
  }
  const overridden = ENDPOINT_OVERRIDES.filter((k) => !!env[k]);
  if (overridden.length > 0) {
    return {
      kind: "misconfigured",
      reason: `PCPI_VERIFY_AWS=1 runs against AWS itself, but ${overridden.join(", ")} redirect(s) the clients elsewhere: unset them`,
    };
  }
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (!region)
    return {
      kind: "misconfigured",
      reason: "PCPI_VERIFY_AWS=1 needs a region: set AWS_REGION (a region where Customer Profiles is offered)",
    };
  return { kind: "aws", region };
}

export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** One target as the verified specs see it: clients, who and where they are, a domain of their own. */
export interface VerifiedTarget extends Clients {
  kind: "local" | "aws";
  region: string;
  accountId: string;
  partition: string;
  credentials: SessionCredentials;
  /** The local endpoint's URL; undefined against AWS, where the clients find their own. */
  url?: string;
  /** The local endpoint, for specs marked local-only. */
  emulator?: Emulator;
  /** A domain made for this suite (CreateDomain with a unique name) and deleted after it. */
  domainName: string;
  /** Object types created in that domain, each named as asked. */
  objectTypes: string[];
  /** A Uri for a plain (non-flow) integration: PCPI_VERIFY_AWS_URI against AWS, else an S3 bucket ARN in this run's name. */
  uri: string;
  /** A fresh name, unique to this run, for anything a spec creates itself. */
  unique(prefix: string): string;
  /** Deletes this domain too when the suite ends (for domains a spec creates itself). */
  ownDomain(domainName: string): void;
  /** Marks a spec that needs the endpoint's test hooks (request log, faults, reset): skipped against AWS. */
  localOnly(ctx: Mocha.Context): void;
  /** Clients with other settings (a skewed clock, another region), destroyed with the suite. */
  clients(overrides?: Record<string, unknown>): Clients;
  /** Where a client of `service` sends its requests for the target's region (AWS: the public endpoint). */
  endpointOf(service: "profile" | "appflow" | "sts"): string;
}

export interface VerifiedOptions {
  /** Object types to create in the suite's domain. */
  objectTypes?: string[];
  /** false: the suite makes its own domains (and hands them to ownDomain); `domainName` is then only reserved. */
  createDomain?: boolean;
  /** Mocha timeout for each spec of both halves, in ms (default 60 s: AWS answers slower than the endpoint). */
  timeout?: number;
}

function runId(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, "0")}`;
}

async function deleteDomainFully(cp: CustomerProfilesClient, domainName: string): Promise<void> {
  // DeleteDomain removes what the domain holds; the integrations are deleted first anyway, so a
  // failure half-way leaves nothing that still pulls data.
  try {
    const listed = await cp.send(new ListIntegrationsCommand({ DomainName: domainName }));
    for (const item of listed.Items ?? []) await cp.send(new DeleteIntegrationCommand({ DomainName: domainName, Uri: item.Uri! }));
  } catch (e) {
    if ((e as Error).name !== "ResourceNotFoundException") throw e;
  }
  try {
    await cp.send(new DeleteDomainCommand({ DomainName: domainName }));
  } catch (e) {
    if ((e as Error).name !== "ResourceNotFoundException") throw e;
  }
}

/** Mocha hooks for one target; the handle is filled in `before`. */
function useVerifiedTarget(kind: "local" | "aws", region: string | undefined, options: VerifiedOptions): VerifiedTarget {
  const t = {} as VerifiedTarget;
  const extra: Clients[] = [];
  const domains: string[] = [];
  const id = runId();
  let closeLocal: (() => Promise<void>) | undefined;
  before(async function () {
    this.timeout(120_000);
    let config: Record<string, unknown>;
    if (kind === "local") {
      const local = await startLocalAws();
      closeLocal = local.close;
      t.emulator = local.emulator;
      t.url = t.emulator.url;
      t.region = t.emulator.region;
      t.credentials = t.emulator.credentials;
      config = { endpoint: t.url, region: t.region, credentials: t.credentials, maxAttempts: 1 };
    } else {
      t.region = region!;
      // The default chain, as a user's program would resolve it; resolved once, so that the CLI and
      // the pulumi processes get the same identity.
      const probe = new STSClient({ region: t.region });
      const c = await probe.config.credentials();
      probe.destroy();
      t.credentials = { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken };
      config = { region: t.region, credentials: t.credentials, maxAttempts: 3 };
    }
    const base = config;
    Object.assign(t, clientsFor(undefined, base));
    t.kind = kind;
    t.clients = (overrides = {}) => {
      // One attempt: a retry would let the SDK correct a deliberately skewed clock and hide the refusal.
      const c = clientsFor(undefined, { ...base, maxAttempts: 1, ...overrides });
      extra.push(c);
      return c;
    };
    t.endpointOf = (service) => t.url ?? `https://${service}.${t.region}.amazonaws.com`;
    const who = await t.sts.send(new GetCallerIdentityCommand({}));
    t.accountId = who.Account!;
    t.partition = who.Arn!.split(":")[1];
    t.unique = (prefix) => `${prefix}-${id}`;
    t.ownDomain = (name) => void domains.push(name);
    t.localOnly = (ctx) => {
      if (t.kind === "aws") ctx.skip();
    };
    t.uri = (kind === "aws" && process.env.PCPI_VERIFY_AWS_URI) || `arn:${t.partition}:s3:::pcpi-verify-${id}`;
    t.domainName = t.unique("pcpi-verify");
    t.objectTypes = options.objectTypes ?? ["Contact"];
    if (options.createDomain !== false) {
      t.ownDomain(t.domainName);
      await createDomainWithObjectTypes(t.customerProfiles, t.domainName, t.objectTypes);
    }
  });
  after(async function () {
    this.timeout(120_000);
    const failures: string[] = [];
    for (const d of domains) {
      await deleteDomainFully(t.customerProfiles, d).catch((e: Error) => failures.push(`${d}: ${e.name}: ${e.message}`));
    }
    for (const c of [t as Clients, ...extra]) {
      c.customerProfiles?.destroy();
      c.appflow?.destroy();
      c.sts?.destroy();
    }
    await closeLocal?.();
    if (failures.length > 0)
      throw new Error(`could not delete the domains this suite created; delete them by hand:\n${failures.join("\n")}`);
  });
  return t;
}

/**
 * Registers `body` twice: against the local endpoint, and against AWS when selectVerifyTarget
 * says so. The body must read everything target-specific (account, region, names) from the handle.
 */
export function describeVerified(title: string, body: (target: VerifiedTarget) => void, options: VerifiedOptions = {}): void {
  const timeout = options.timeout ?? 60_000;
  describe(`${title} [local endpoint]`, function () {
    this.timeout(timeout);
    body(useVerifiedTarget("local", undefined, options));
  });
  const choice = selectVerifyTarget();
  describe(`${title} [AWS]`, function () {
    this.timeout(timeout);
    if (choice.kind === "off") {
      it(choice.reason);
    } else if (choice.kind === "misconfigured") {
      it("runs against AWS", () => {
        throw new Error(choice.reason);
      });
    } else {
      body(useVerifiedTarget("aws", choice.region, options));
    }
  });
}
