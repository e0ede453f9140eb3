/**
 * What the reliability specs share: the provider driven in-process the way Pulumi's dynamic
 * provider drives it (check, then create/diff/update/delete/read, with `__provider` carried in
 * the properties), settings changed through the environment as a user changes them, and
 * readings of the local endpoint's request log.
 */
import { strict as assert } from "assert";
import { ListIntegrationsCommand, type CustomerProfilesClient } from "@aws-sdk/client-customer-profiles";
import { IntegrationProvider } from "../../../provider";
import { resetClients, resetConnectorProfileCatalog } from "../../../provider/testing";
import type { RequestRecord } from "../../../emulator/types";
import type { IntegrationInputs, IntegrationOutputs } from "../../../sdk/types";
import { eventIntegration, s3FlowIntegration } from "../../support/fixtures";
import { useEmulator, seedRetailDomain, seedConnectorProfile, type EmulatorHandle } from "../../support/aws-env";

/** What the engine carries in every resource's properties; a partial state must keep it. */
export const SERIALIZED_PROVIDER = "serialized-provider-sentinel";

type Props = Record<string, any>;

export interface Created {
  id: string;
  outs: IntegrationOutputs;
}

/**
 * The local endpoint for a suite, put back before each spec to the retail domain with its object
 * types and the "salesforce-prod" connector profile, with no faults and an empty request log.
 */
export function useSeededEndpoint(): EmulatorHandle {
  const aws = useEmulator();
  beforeEach(async () => {
    aws.emulator.reset();
    await seedRetailDomain(aws);
    await seedConnectorProfile(aws, "salesforce-prod", "Salesforce");
    aws.emulator.clearRequests();
  });
  return aws;
}

/** One provider process, as `pulumi up` runs it. */
export class Engine {
  readonly provider = new IntegrationProvider();

  static async start(): Promise<Engine> {
    const engine = new Engine();
    await engine.provider.configure({ config: { get: () => undefined } as never });
    return engine;
  }

  async create(inputs: IntegrationInputs): Promise<Created> {
    const checked = await this.provider.check({}, inputs as Props);
    assert.deepEqual(checked.failures, []);
    const result = await this.provider.create({ ...checked.inputs, __provider: SERIALIZED_PROVIDER });
    return { id: result.id, outs: { ...result.outs, __provider: SERIALIZED_PROVIDER } as IntegrationOutputs };
  }

  /** check → diff → update, as the engine does; returns the new state, or the old one when there is nothing to do. */
  async update(id: string, olds: IntegrationOutputs, inputs: IntegrationInputs): Promise<IntegrationOutputs> {
    const checked = await this.provider.check(olds, inputs as Props);
    assert.deepEqual(checked.failures, []);
    const news = { ...checked.inputs, __provider: SERIALIZED_PROVIDER };
    const diff = await this.provider.diff(id, olds, news);
    if (!diff.changes) return olds;
    assert.deepEqual(diff.replaces ?? [], [], "an in-place update");
    const result = await this.provider.update(id, olds, news);
    return { ...result.outs, __provider: SERIALIZED_PROVIDER } as IntegrationOutputs;
  }

  async delete(id: string, props: IntegrationOutputs): Promise<void> {
    await this.provider.delete(id, props);
  }

  async read(id: string, props: Props) {
    return this.provider.read!(id, props);
  }

  async diff(id: string, olds: Props, inputs: IntegrationInputs) {
    const checked = await this.provider.check(olds, inputs as Props);
    return this.provider.diff(id, olds, { ...checked.inputs, __provider: SERIALIZED_PROVIDER });
  }
}

/**
 * Runs `fn` with environment variables set (undefined unsets one) and fresh AWS clients, then
 * puts both back: clients read their settings when they are created.
 */
export async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(vars)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetClients();
  resetConnectorProfileCatalog();
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetClients();
    resetConnectorProfileCatalog();
  }
}

/** Small timeouts and few attempts, for specs about what happens when the endpoint does not answer. */
export const IMPATIENT = {
  PULUMI_CUSTOMER_PROFILES_CONNECT_TIMEOUT_MS: "250",
  PULUMI_CUSTOMER_PROFILES_REQUEST_TIMEOUT_MS: "250",
  AWS_MAX_ATTEMPTS: "3",
};

/** Everything written to the console or stderr while `fn` runs. */
export async function capturingOutput<T>(fn: () => Promise<T>): Promise<{ result?: T; error?: unknown; output: string }> {
  const lines: string[] = [];
  const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
  const saved = methods.map((m) => console[m]);
  const stderrWrite = process.stderr.write;
  for (const m of methods) console[m] = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  process.stderr.write = ((chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    return { result: await fn(), output: lines.join("\n") };
  } catch (error) {
    return { error, output: lines.join("\n") };
  } finally {
    methods.forEach((m, i) => (console[m] = saved[i] as never));
    process.stderr.write = stderrWrite;
  }
}

/** Waits until `condition` holds; bounded, never a sleep-and-hope. */
export async function until(condition: () => boolean, what: string, limit = 4000): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  assert.fail(`gave up waiting: ${what}`);
}

export function isFaulted(r: RequestRecord): boolean {
  return r.status === 429 || r.status >= 500 || r.errorType === "Throttling" || r.status === 0;
}

/** Successful requests of an operation, counted per integration (its Uri, or its flow's name). */
export function successesPerIntegration(requests: RequestRecord[], operation: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of requests) {
    if (r.operation !== operation || r.status !== 200) continue;
    const flowName = (r.input?.FlowDefinition as { FlowName?: string } | undefined)?.FlowName;
    const key = String(r.input?.Uri ?? flowName);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export async function integrationsIn(client: CustomerProfilesClient, domainName: string): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let NextToken: string | undefined;
  for (let page = 0; page < 100; page++) {
    const r = await client.send(new ListIntegrationsCommand({ DomainName: domainName, MaxResults: 100, NextToken }));
    items.push(...(r.Items ?? []));
    NextToken = r.NextToken;
    if (!NextToken) return items;
  }
  throw new Error("ListIntegrations never stopped paging");
}

/**
 * What a batch of concurrent operations cost, for the figures docs/reliability.md quotes. Requests with
 * the same operation and input are one call's attempts: in these specs no call is made twice.
 */
export function figures(requests: RequestRecord[], startedAt: number): string {
  const faulted = requests.filter(isFaulted).length;
  const throttled = requests.filter((r) => r.status === 429 || r.errorType === "Throttling").length;
  const attempts = new Map<string, number>();
  for (const r of requests) {
    const call = `${r.operation} ${JSON.stringify(r.input ?? {})}`;
    attempts.set(call, (attempts.get(call) ?? 0) + 1);
  }
  return (
    `${attempts.size} calls in ${requests.length} requests, ${throttled} throttled and ${faulted - throttled} failed answers ` +
    `absorbed, at most ${Math.max(...attempts.values())} attempts for one call, ${Date.now() - startedAt} ms`
  );
}

export const EVENT_SOURCE = "arn:aws:events:us-east-1:123456789012:event-source/aws.partner/shopify.com/1";

/** The i-th of many event integrations: its own URI and tags. */
export function eventAt(i: number, overrides: Partial<IntegrationInputs> = {}): IntegrationInputs {
  return eventIntegration({ uri: `${EVENT_SOURCE}/orders-${i}`, tags: { team: "crm", n: String(i) }, ...overrides });
}

/** The i-th of many S3 flow integrations: its own flow, so its own derived URI. */
export function flowAt(i: number, overrides: Partial<IntegrationInputs> = {}): IntegrationInputs {
  const base = s3FlowIntegration();
  return s3FlowIntegration({
    tags: { team: "crm", n: String(i) },
    flowDefinition: { ...base.flowDefinition!, flowName: `customers-${i}` },
    ...overrides,
  });
}

/** Runs operations at once, like `pulumi up --parallel`, and fails with every reason if any failed. */
export async function allAtOnce<T>(operations: (() => Promise<T>)[]): Promise<T[]> {
  const results = await Promise.allSettled(operations.map((op) => op()));
  const failed = results.flatMap((r, i) => (r.status === "rejected" ? [`#${i}: ${(r.reason as Error).message}`] : []));
  assert.deepEqual(failed, [], `${failed.length} of ${operations.length} operations failed`);
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}
