/**
 * What the reliability specs share beyond the in-process driver (tests/support/provider-driver.ts):
 * a seeded endpoint per suite, batches of integrations run at once, and readings of the local
 * endpoint's request log.
 */
import { strict as assert } from "assert";
import { ListIntegrationsCommand, type CustomerProfilesClient } from "@aws-sdk/client-customer-profiles";
import type { RequestRecord } from "../../../emulator/types";
import type { IntegrationInputs } from "../../../sdk/types";
import { eventIntegration, s3FlowIntegration } from "../../support/fixtures";
import { useEmulator, type EmulatorHandle } from "../../support/aws-env";
import { seedConnectorProfile, seedRetailDomain } from "../../../testing/local-aws";

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
