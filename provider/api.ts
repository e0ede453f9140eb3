/**
 * The AWS calls the provider makes, one function each, every one bounded in time and wrapped so
 * its failure says which call failed, where, and what to do. Nothing here decides anything:
 * provider.ts does.
 */
import type { AwsClients } from "./clients";
import { isNotFound, ProviderError, type CallContext } from "./errors";
import { customerProfilesModel } from "../model/generated/customer-profiles";
import { send, type SdkClient } from "./send";
import { sensitiveValues } from "./sensitive";
import { appflowSdk as afSdk, customerProfilesSdk as cpSdk } from "./sdk-modules";

export type IntegrationRecord = Record<string, unknown>;
type Ids = { domainName: string; uri: string };

const cp = (c: AwsClients) => c.customerProfiles() as unknown as SdkClient;
const af = (c: AwsClients) => c.appflow() as unknown as SdkClient;
const profiles = (c: AwsClients, operation: string, ids: Partial<Ids> = {}): CallContext => ({
  service: "Customer Profiles",
  operation,
  region: c.region,
  endpoint: c.endpoints.customerProfiles,
  ...ids,
});

/** A read of something that may not exist: absent is an answer, not a failure. */
async function absentIfNotFound<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

export async function getIntegration(c: AwsClients, domainName: string, uri: string): Promise<IntegrationRecord | undefined> {
  const { GetIntegrationCommand } = cpSdk();
  return absentIfNotFound(
    send<IntegrationRecord>(
      cp(c),
      new GetIntegrationCommand({ DomainName: domainName, Uri: uri }),
      profiles(c, "GetIntegration", { domainName, uri }),
    ),
  );
}

export async function putIntegration(c: AwsClients, request: Record<string, unknown>): Promise<IntegrationRecord> {
  const { PutIntegrationCommand } = cpSdk();
  const objectTypes = request.ObjectTypeName
    ? [request.ObjectTypeName as string]
    : Object.values((request.ObjectTypeNames as Record<string, string> | undefined) ?? {});
  return send<IntegrationRecord>(cp(c), new PutIntegrationCommand(request as never), {
    ...profiles(c, "PutIntegration", { domainName: request.DomainName as string, uri: request.Uri as string | undefined }),
    objectTypes: [...new Set(objectTypes)],
    sensitive: sensitiveValues(customerProfilesModel.operations.PutIntegration.input!, request),
  });
}

/** Deletes the integration; one that is already gone counts as deleted. */
export async function deleteIntegration(c: AwsClients, domainName: string, uri: string): Promise<void> {
  const { DeleteIntegrationCommand } = cpSdk();
  await absentIfNotFound(
    send(cp(c), new DeleteIntegrationCommand({ DomainName: domainName, Uri: uri }), profiles(c, "DeleteIntegration", { domainName, uri })),
  );
}

export async function tagResource(c: AwsClients, arn: string, tags: Record<string, string>, ids: Ids): Promise<void> {
  const { TagResourceCommand } = cpSdk();
  await goneMeansRefresh(c, ids, send(cp(c), new TagResourceCommand({ resourceArn: arn, tags }), profiles(c, "TagResource", ids)));
}

export async function untagResource(c: AwsClients, arn: string, tagKeys: string[], ids: Ids): Promise<void> {
  const { UntagResourceCommand } = cpSdk();
  await goneMeansRefresh(c, ids, send(cp(c), new UntagResourceCommand({ resourceArn: arn, tagKeys }), profiles(c, "UntagResource", ids)));
}

/** The AppFlow flow behind a flow-backed integration, or undefined when there is none. */
export async function describeFlow(c: AwsClients, flowName: string): Promise<Record<string, unknown> | undefined> {
  const { DescribeFlowCommand } = afSdk();
  return absentIfNotFound(
    send<Record<string, unknown>>(af(c), new DescribeFlowCommand({ flowName }), {
      service: "AppFlow",
      operation: "DescribeFlow",
      region: c.region,
      endpoint: c.endpoints.appflow,
    }),
  );
}

/**
 * AppFlow UpdateFlow: the documented way to change an existing flow (PutIntegration refuses a
 * FlowDefinition whose flow exists). `sensitive` are the flow definition's values, which no
 * message may repeat even if AppFlow echoes them.
 */
export async function updateFlow(
  c: AwsClients,
  request: Record<string, unknown>,
  ctx: Ids & { sensitive: string[] },
): Promise<Record<string, unknown>> {
  const { UpdateFlowCommand } = afSdk();
  const { sensitive, ...ids } = ctx;
  return send<Record<string, unknown>>(af(c), new UpdateFlowCommand(request as never), {
    service: "AppFlow",
    operation: "UpdateFlow",
    region: c.region,
    endpoint: c.endpoints.appflow,
    ...ids,
    sensitive,
  });
}

/** AppFlow StartFlow: activates a scheduled or event flow (the model's documentation); answers its status. */
export async function startFlow(c: AwsClients, flowName: string): Promise<Record<string, unknown>> {
  const { StartFlowCommand } = afSdk();
  return send<Record<string, unknown>>(af(c), new StartFlowCommand({ flowName }), {
    service: "AppFlow",
    operation: "StartFlow",
    region: c.region,
  });
}

/** AppFlow StopFlow: deactivates a scheduled or event flow (the model's documentation); answers its status. */
export async function stopFlow(c: AwsClients, flowName: string): Promise<Record<string, unknown>> {
  const { StopFlowCommand } = afSdk();
  return send<Record<string, unknown>>(af(c), new StopFlowCommand({ flowName }), {
    service: "AppFlow",
    operation: "StopFlow",
    region: c.region,
  });
}

export function integrationGone(ctx: Ids & { region: string }): ProviderError {
  return new ProviderError(
    `Integration "${ctx.uri}" in domain "${ctx.domainName}" (${ctx.region}) no longer exists: it was deleted ` +
      "outside Pulumi. Run `pulumi refresh` to drop it from the state, then `pulumi up` to create it again.",
  );
}

async function goneMeansRefresh<T>(c: AwsClients, ids: Ids, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (isNotFound(err)) throw integrationGone({ ...ids, region: c.region });
    throw err;
  }
}
