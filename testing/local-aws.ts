/**
 * The local endpoint, the one way the tests, the demo and the benchmarks start it: an endpoint
 * with real AWS SDK clients pointed at it, the seed data the examples and fixtures refer to,
 * readers of what it holds, and the real AWS CLI aimed at it to change things behind Pulumi's back.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import {
  AppflowClient,
  CreateConnectorProfileCommand,
  DescribeFlowCommand,
  ListFlowsCommand,
  type DescribeFlowCommandOutput,
} from "@aws-sdk/client-appflow";
import {
  CreateDomainCommand,
  CustomerProfilesClient,
  GetIntegrationCommand,
  ListIntegrationsCommand,
  PutProfileObjectTypeCommand,
  type GetIntegrationCommandOutput,
  type ListIntegrationItem,
} from "@aws-sdk/client-customer-profiles";
import { STSClient } from "@aws-sdk/client-sts";
import { startEmulator, type Emulator, type EmulatorOptions } from "../emulator";
import type { RequestRecord } from "../emulator/types";
import { run, tail } from "./package";

export interface Clients {
  customerProfiles: CustomerProfilesClient;
  appflow: AppflowClient;
  sts: STSClient;
}

/**
 * Clients for an endpoint, or (with `undefined`) for whatever `overrides` names: AWS itself when
 * it names no endpoint. One attempt unless `overrides` says otherwise: every call is one request.
 */
export function clientsFor(emulator: Emulator | undefined, overrides: Record<string, unknown> = {}): Clients {
  const config = {
    ...(emulator ? { endpoint: emulator.url, region: emulator.region, credentials: emulator.credentials } : {}),
    maxAttempts: 1,
    ...overrides,
  };
  return {
    customerProfiles: new CustomerProfilesClient(config),
    appflow: new AppflowClient(config),
    sts: new STSClient(config),
  };
}

export interface LocalAws extends Clients {
  emulator: Emulator;
  /**
   * What a pulumi process needs to reach the endpoint: endpoint URLs and the key pair. No
   * region: stacks name theirs in `aws:region`, as users do, which also proves that the engine
   * hands stack config to the dynamic provider.
   */
  pulumiEnv: Record<string, string>;
  /** More clients for the same endpoint with other settings (wrong keys, a skewed clock), closed with it. */
  clients(overrides?: Record<string, unknown>): Clients;
  /** Destroys every client, then stops the endpoint. */
  close(): Promise<void>;
}

export interface LocalAwsOptions extends EmulatorOptions {
  /** Attempts per call of the handle's own clients (default 1). */
  maxAttempts?: number;
}

/** Starts an endpoint and makes clients for it. */
export async function startLocalAws(options: LocalAwsOptions = {}): Promise<LocalAws> {
  const { maxAttempts = 1, ...emulatorOptions } = options;
  const emulator = await startEmulator(emulatorOptions);
  const made: Clients[] = [];
  const clients = (overrides: Record<string, unknown> = {}) => {
    const c = clientsFor(emulator, { maxAttempts, ...overrides });
    made.push(c);
    return c;
  };
  const { AWS_REGION: _r, AWS_DEFAULT_REGION: _d, ...pulumiEnv } = emulator.env;
  return {
    emulator,
    ...clients(),
    pulumiEnv,
    clients,
    close: async () => {
      for (const c of made) {
        c.customerProfiles.destroy();
        c.appflow.destroy();
        c.sts.destroy();
      }
      await emulator.close();
    },
  };
}

/** The defaults the examples' config falls back to, which the seed data matches. */
export const SEEDED = {
  region: "us-east-1",
  domainName: "retail",
  connectorProfileName: "salesforce-prod",
} as const;

/** The URIs the examples' integrations get with their config defaults. */
export const EXAMPLE_URIS = {
  /** examples/quickstart: derived by the service from the flow, the flow's ARN. */
  quickstart: "arn:aws:appflow:us-east-1:123456789012:flow/customers-from-s3",
  /** examples/salesforce: likewise. */
  salesforce: "arn:aws:appflow:us-east-1:123456789012:flow/salesforce-contacts",
  /** examples/events: the two EventBridge partner event sources. */
  shopifyOrders: "arn:aws:events:us-east-1:123456789012:event-source/aws.partner/shopify.com/1234567/orders",
  segmentIdentify: "arn:aws:events:us-east-1:123456789012:event-source/aws.partner/segment.com/SEGMENT_ID/identify",
} as const;

/**
 * An endpoint for Pulumi programs (the examples): their region, and a secret key distinctive
 * enough to search the state for, where it must never show up.
 */
export function startLocalAwsForExamples(): Promise<LocalAws> {
  return startLocalAws({
    region: SEEDED.region,
    accessKeyId: "AKIDE2ELOCALENDPOINT",
    secretAccessKey: `e2e-secret-${randomBytes(12).toString("hex")}`,
  });
}

// ---- seed data --------------------------------------------------------------------------------

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

/** The object types the shared fixtures (tests/support/fixtures.ts) and the examples refer to. */
export const FIXTURE_OBJECT_TYPES = ["SalesforceContact", "CustomerCsv", "ShopifyOrder", "SegmentProfile"];

/** A domain with the object types the fixtures refer to. */
export async function seedRetailDomain(aws: Pick<Clients, "customerProfiles">, domainName: string = SEEDED.domainName): Promise<void> {
  await createDomainWithObjectTypes(aws.customerProfiles, domainName, FIXTURE_OBJECT_TYPES);
}

export async function seedConnectorProfile(
  aws: Pick<Clients, "appflow">,
  name: string,
  connectorType: "Salesforce" | "Zendesk",
): Promise<void> {
  await createConnectorProfile(aws.appflow, name, connectorType);
}

/** Wipes the endpoint and seeds what the examples refer to, in each of `domains`. */
export async function seedExampleData(aws: LocalAws, domains: string[] = [SEEDED.domainName]): Promise<void> {
  aws.emulator.reset();
  for (const domain of domains) await seedRetailDomain(aws, domain);
  await seedConnectorProfile(aws, SEEDED.connectorProfileName, "Salesforce");
  aws.emulator.clearRequests();
}

/** Anything but a read: a preview, or an update that should change nothing, must make none. */
export function isWrite(r: RequestRecord): boolean {
  return !/^(Get|List|Describe|Search)/.test(r.operation);
}

export function writes(aws: LocalAws): RequestRecord[] {
  return aws.emulator.requests().filter(isWrite);
}

export async function integrationsIn(aws: LocalAws, domainName: string): Promise<ListIntegrationItem[]> {
  const out = await aws.customerProfiles.send(new ListIntegrationsCommand({ DomainName: domainName }));
  return out.Items ?? [];
}

export async function flowNames(aws: LocalAws): Promise<string[]> {
  const out = await aws.appflow.send(new ListFlowsCommand({}));
  return (out.flows ?? []).map((f) => f.flowName!).sort();
}

export async function describeFlow(aws: LocalAws, flowName: string): Promise<DescribeFlowCommandOutput> {
  return aws.appflow.send(new DescribeFlowCommand({ flowName }));
}

/** GetIntegration as the API returns it (without the SDK's response metadata), or undefined when absent. */
export async function getIntegration(
  aws: LocalAws,
  domainName: string,
  uri: string,
): Promise<Omit<GetIntegrationCommandOutput, "$metadata"> | undefined> {
  try {
    const { $metadata: _m, ...integration } = await aws.customerProfiles.send(
      new GetIntegrationCommand({ DomainName: domainName, Uri: uri }),
    );
    return integration;
  } catch (err) {
    if ((err as Error).name === "ResourceNotFoundException") return undefined;
    throw err;
  }
}

let awsCliBinary: Promise<string> | undefined;

/** AWS CLI v2 as Debian installs it when present (what CI installs), else whichever `aws` is on PATH. */
function findAwsCli(): Promise<string> {
  return (awsCliBinary ??= (async () => {
    if (fs.existsSync("/usr/bin/aws") && /^aws-cli\/2\./.test((await run("/usr/bin/aws", ["--version"])).stdout)) return "/usr/bin/aws";
    if ((await run("aws", ["--version"]).catch(() => ({ code: 1 }))).code === 0) return "aws";
    throw new Error("No AWS CLI found: install awscli (apt-get install awscli, or pip install awscli)");
  })());
}

/**
 * `aws <args> --endpoint-url <endpoint>` with the endpoint's key pair and nothing from the
 * machine's AWS configuration; returns the parsed JSON output. The endpoint goes on the command
 * line because CLI versions before 2.13 ignore AWS_ENDPOINT_URL.
 */
export async function awsCli(aws: LocalAws, args: string[]): Promise<any> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_ACCESS_KEY_ID: aws.emulator.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: aws.emulator.credentials.secretAccessKey,
    AWS_DEFAULT_REGION: aws.emulator.region,
    AWS_CONFIG_FILE: "/nonexistent/aws-config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_PAGER: "",
  };
  // The pip CLI is usually reached through pyenv's shims, which need their root.
  if (process.env.PYENV_ROOT) env.PYENV_ROOT = process.env.PYENV_ROOT;
  const r = await run(await findAwsCli(), [...args, "--endpoint-url", aws.emulator.url, "--output", "json"], { env });
  if (r.code !== 0) throw new Error(`aws ${args.join(" ")} exited with ${r.code}:\n${tail(r.stderr)}`);
  return r.stdout.trim() ? JSON.parse(r.stdout) : undefined;
}
