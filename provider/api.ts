/**
 * The AWS calls the provider makes, one function each, every one wrapped so its failure says
 * which call failed, where, and what to do. Nothing here decides anything: provider.ts does.
 */
import type { AwsClients } from "./clients";
import { call, isNotFound, ProviderError } from "./errors";

type Cp = typeof import("@aws-sdk/client-customer-profiles");
type Af = typeof import("@aws-sdk/client-appflow");
const cpSdk = (): Cp => require("@aws-sdk/client-customer-profiles");
const afSdk = (): Af => require("@aws-sdk/client-appflow");

export type IntegrationRecord = Record<string, unknown>;

export async function getIntegration(
  c: AwsClients,
  domainName: string,
  uri: string,
): Promise<IntegrationRecord | undefined> {
  try {
    const { GetIntegrationCommand } = cpSdk();
    return (await c.customerProfiles().send(new GetIntegrationCommand({ DomainName: domainName, Uri: uri }))) as unknown as IntegrationRecord;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    return call({ service: "Customer Profiles", operation: "GetIntegration", region: c.region, domainName, uri }, () =>
      Promise.reject(err),
    );
  }
}

export async function putIntegration(c: AwsClients, request: Record<string, unknown>): Promise<IntegrationRecord> {
  const { PutIntegrationCommand } = cpSdk();
  const domainName = request.DomainName as string;
  return call(
    { service: "Customer Profiles", operation: "PutIntegration", region: c.region, domainName, uri: request.Uri as string | undefined },
    () => c.customerProfiles().send(new PutIntegrationCommand(request as never)) as unknown as Promise<IntegrationRecord>,
  );
}

/** Deletes the integration; one that is already gone counts as deleted. */
export async function deleteIntegration(c: AwsClients, domainName: string, uri: string): Promise<void> {
  const { DeleteIntegrationCommand } = cpSdk();
  try {
    await c.customerProfiles().send(new DeleteIntegrationCommand({ DomainName: domainName, Uri: uri }));
  } catch (err) {
    if (isNotFound(err)) return;
    await call({ service: "Customer Profiles", operation: "DeleteIntegration", region: c.region, domainName, uri }, () =>
      Promise.reject(err),
    );
  }
}

export async function tagResource(c: AwsClients, arn: string, tags: Record<string, string>, ids: { domainName: string; uri: string }): Promise<void> {
  const { TagResourceCommand } = cpSdk();
  await goneMeansRefresh(
    { service: "Customer Profiles", operation: "TagResource", region: c.region, ...ids },
    () => c.customerProfiles().send(new TagResourceCommand({ resourceArn: arn, tags })),
  );
}

export async function untagResource(c: AwsClients, arn: string, tagKeys: string[], ids: { domainName: string; uri: string }): Promise<void> {
  const { UntagResourceCommand } = cpSdk();
  await goneMeansRefresh(
    { service: "Customer Profiles", operation: "UntagResource", region: c.region, ...ids },
    () => c.customerProfiles().send(new UntagResourceCommand({ resourceArn: arn, tagKeys })),
  );
}

/** The AppFlow flow behind a flow-backed integration, or undefined when there is none. */
export async function describeFlow(c: AwsClients, flowName: string): Promise<Record<string, unknown> | undefined> {
  const { DescribeFlowCommand } = afSdk();
  try {
    return (await c.appflow().send(new DescribeFlowCommand({ flowName }))) as unknown as Record<string, unknown>;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    return call({ service: "AppFlow", operation: "DescribeFlow", region: c.region }, () => Promise.reject(err));
  }
}

export function integrationGone(ctx: { domainName: string; uri: string; region: string }): ProviderError {
  return new ProviderError(
    `Integration "${ctx.uri}" in domain "${ctx.domainName}" (${ctx.region}) no longer exists: it was deleted ` +
      "outside Pulumi. Run `pulumi refresh` to drop it from the state, then `pulumi up` to create it again.",
  );
}

async function goneMeansRefresh<T>(
  ctx: { service: "Customer Profiles"; operation: string; region: string; domainName: string; uri: string },
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isNotFound(err)) throw integrationGone(ctx);
    return call(ctx, () => Promise.reject(err));
  }
}
