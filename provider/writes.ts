/**
 * Writes whose answer can be lost. A write that timed out, lost its connection or got a 5xx may
 * have been applied anyway (mayHaveBeenApplied). Guessing either way goes wrong: assuming it
 * failed orphans an integration that was created, or leaves the state claiming tags that were
 * removed; assuming it succeeded records what may not exist. So the service is asked what it now
 * holds, and the state records that.
 */
import * as api from "./api";
import type { AwsClients } from "./clients";
import { mayHaveBeenApplied, ProviderError } from "./errors";
import { deepEqual } from "./equality";
import { putIntegrationRequest, toApi } from "./mapping";
import { sensitiveValues } from "./sensitive";
import type { TagChanges } from "./tags";
import { appflowModel } from "../model/generated/appflow";
import type { FlowDefinition } from "../model/generated/program-types";
import type { IntegrationInputs, IntegrationOutputs } from "./integration-types";

type Tags = Record<string, string>;
type Ids = { domainName: string; uri: string };

/** The integration as it exists after a create whose PutIntegration answer was lost. */
async function findCreated(c: AwsClients, inputs: IntegrationInputs): Promise<api.IntegrationRecord | undefined> {
  if (inputs.uri !== undefined) return api.getIntegration(c, inputs.domainName, inputs.uri);
  // The service derives the URI from the flow: the flow's ARN.
  const flow = inputs.flowDefinition?.flowName ? await api.describeFlow(c, inputs.flowDefinition.flowName) : undefined;
  const flowArn = flow?.flowArn as string | undefined;
  return flowArn ? api.getIntegration(c, inputs.domainName, flowArn) : undefined;
}

/**
 * Writes a new integration, tags included. When the answer was lost, an integration found
 * afterwards is this create's (create checked that none existed just before), and is recorded
 * instead of being left for the next `pulumi up` to refuse as "already exists".
 */
export async function putNewIntegration(c: AwsClients, inputs: IntegrationInputs): Promise<api.IntegrationRecord> {
  try {
    return await api.putIntegration(c, putIntegrationRequest(inputs, { withTags: true }));
  } catch (err) {
    if (inputs.flowDefinition && isFlowConflict(err)) throw flowTaken(err, inputs.flowDefinition.flowName, c.region);
    if (!mayHaveBeenApplied(err)) throw err;
    let found: api.IntegrationRecord | undefined;
    try {
      found = await findCreated(c, inputs);
    } catch (checkErr) {
      throw new ProviderError(
        `${(err as Error).message} Whether the integration was created is unknown: looking for it afterwards ` +
          `failed too (${(checkErr as Error).message}). Run \`pulumi up\` again; if it then reports that the ` +
          `integration already exists, it was created by this attempt: adopt it as that message shows.`,
        err,
      );
    }
    if (found) return found;
    throw new ProviderError(`${(err as Error).message} Looked for afterwards, the integration does not exist: nothing was created.`, err);
  }
}

/**
 * How an update reaches an integration's attributes and flow. PutIntegration refuses a
 * FlowDefinition whose AppFlow flow exists (`BadRequestException: Conflict executing request: Flow
 * with name X already exists.`: the CloudFormation handler's CreateHandler.java and its test
 * handleRequest_withFlowDefinition_FlowAlreadyExists, in github.com/aws-cloudformation/
 * aws-cloudformation-resource-providers-customer-profiles), and that handler's UpdateHandler.java
 * never sends a FlowDefinition to an existing integration. So an update never re-sends one for a
 * flow that exists: the flow is changed with AppFlow UpdateFlow (its destination, the Customer
 * Profiles one the service created, read from DescribeFlow and kept), and the integration's own
 * attributes with a PutIntegration that carries no FlowDefinition — as that UpdateHandler does.
 * This converges whether or not AWS applies the conflict to the integration's own flow.
 */
export interface RewritePlan {
  /** The integration's flow, same name, changed: DescribeFlow + UpdateFlow. */
  updateFlow: boolean;
  /** A PutIntegration is needed: attributes other than tags changed, or a flow is new to the integration. */
  put: boolean;
  /** That PutIntegration carries the FlowDefinition: only when the flow does not exist yet. */
  putCarriesFlow: boolean;
}

/** desiredFlowState is the provider's own: StartFlow/StopFlow reach it, never PutIntegration (flow-state.ts). */
const FLOW_LESS_ATTRIBUTES = (k: keyof IntegrationInputs) => k !== "tags" && k !== "flowDefinition" && k !== "desiredFlowState";

function planRewrite(previous: Partial<IntegrationOutputs>, desired: IntegrationInputs, changed: (keyof IntegrationInputs)[]): RewritePlan {
  const flowChanged = changed.includes("flowDefinition");
  const sameFlow = desired.flowDefinition !== undefined && previous.flowDefinition?.flowName === desired.flowDefinition.flowName;
  const newFlow = flowChanged && desired.flowDefinition !== undefined && !sameFlow;
  return {
    updateFlow: flowChanged && sameFlow,
    put: newFlow || changed.some(FLOW_LESS_ATTRIBUTES),
    putCarriesFlow: newFlow,
  };
}

/** The UpdateFlow request for a flow definition: AppFlow's spelling, the destination kept as AppFlow holds it. */
function updateFlowRequest(definition: FlowDefinition, current: Record<string, unknown>): Record<string, unknown> {
  const { kmsArn: _fixed, ...members } = definition;
  const request = toApi(appflowModel.operations.UpdateFlow.input!, members, appflowModel) as Record<string, unknown>;
  request.destinationFlowConfigList = current.destinationFlowConfigList;
  if (current.metadataCatalogConfig !== undefined) request.metadataCatalogConfig = current.metadataCatalogConfig;
  return request;
}

function isFlowConflict(err: unknown): boolean {
  return (err as ProviderError)?.code === "BadRequestException" && /Flow with name .* already exists/.test((err as Error).message);
}

function flowTaken(err: unknown, flowName: string, region: string): unknown {
  if (!isFlowConflict(err)) return err;
  return new ProviderError(
    `${(err as Error).message} An AppFlow flow named "${flowName}" already exists in ${region} and this integration ` +
      `does not own it: flow names are unique per account and region. Rename the flow in the program, or delete ` +
      `the existing flow; if it is this integration's, run \`pulumi refresh\` so the state records it.`,
    undefined,
    { code: "BadRequestException" },
  );
}

/**
 * Rewrites an existing integration's attributes and flow, as planRewrite says. Tags are not
 * sent: they are TagResource's. The answer's tags are left out: they are from before this
 * update's tag calls. A write whose answer is lost is not settled here: the state keeps the
 * previous values, and the next update writes them again (UpdateFlow and PutIntegration are
 * idempotent). Returns PutIntegration's answer, or undefined when only the flow changed.
 */
export async function rewriteIntegration(
  c: AwsClients,
  ids: Ids,
  previous: Partial<IntegrationOutputs>,
  desired: IntegrationInputs,
  changed: (keyof IntegrationInputs)[],
): Promise<api.IntegrationRecord | undefined> {
  const plan = planRewrite(previous, desired, changed);
  if (plan.updateFlow) {
    const definition = desired.flowDefinition!;
    // The flow goes with its integration (DeleteIntegration needs appflow:DeleteFlow: the
    // CloudFormation handler's schema, aws-customerprofiles-integration.json, delete permissions),
    // so a flow that is gone stands for an integration deleted outside Pulumi: DescribeFlow
    // guards the upsert below as GetIntegration does otherwise.
    const current = await api.describeFlow(c, definition.flowName);
    if (!current) throw flowGone({ ...ids, region: c.region, flowName: definition.flowName });
    const sensitive = sensitiveValues("FlowDefinition", toApi("FlowDefinition", definition));
    await api.updateFlow(c, updateFlowRequest(definition, current), { ...ids, sensitive });
  } else if (plan.put) {
    // PutIntegration is an upsert: without this it would silently recreate an integration
    // deleted outside Pulumi instead of telling the user their state is stale.
    if (!(await api.getIntegration(c, ids.domainName, ids.uri))) throw api.integrationGone({ ...ids, region: c.region });
  }
  if (!plan.put) return undefined;
  const body = plan.putCarriesFlow ? desired : { ...desired, flowDefinition: undefined };
  try {
    const { Tags: _before, ...written } = await api.putIntegration(c, putIntegrationRequest(body, { uri: ids.uri, withTags: false }));
    return written;
  } catch (err) {
    throw plan.putCarriesFlow ? flowTaken(err, desired.flowDefinition!.flowName, c.region) : err;
  }
}

function flowGone(ctx: Ids & { region: string; flowName: string }): ProviderError {
  return new ProviderError(
    `The AppFlow flow "${ctx.flowName}" of integration "${ctx.uri}" in domain "${ctx.domainName}" (${ctx.region}) no ` +
      "longer exists: it, or the integration, was deleted outside Pulumi. Run `pulumi refresh` to record what remains, " +
      "then `pulumi up` to create it again.",
  );
}

/**
 * Deletes an integration; one already gone counts as deleted. When the answer was lost, an
 * integration no longer found was deleted by this call, and the delete succeeded.
 */
export async function deleteIntegration(c: AwsClients, ids: Ids): Promise<void> {
  try {
    await api.deleteIntegration(c, ids.domainName, ids.uri);
  } catch (err) {
    if (!mayHaveBeenApplied(err)) throw err;
    const remaining = await api.getIntegration(c, ids.domainName, ids.uri).catch(() => {
      throw err;
    });
    if (remaining) throw err;
  }
}

export interface TagOutcome {
  /** The tags the integration has, as far as can be known: never one it may lack. */
  tags: Tags | undefined;
  failure?: unknown;
}

const without = (tags: Tags | undefined, keys: string[]): Tags =>
  Object.fromEntries(Object.entries(tags ?? {}).filter(([k]) => !keys.includes(k)));

/** No tags at all is recorded as none, as a program without tags declares it. */
const orNone = (tags: Tags | undefined): Tags | undefined => (tags && Object.keys(tags).length > 0 ? tags : undefined);

/**
 * Applies a tag change: TagResource for keys added or changed, then UntagResource for keys
 * removed — in that order, so the integration is never without the tags that tag-based IAM
 * policies match on. Reports the tags the integration ends up with, and the failure if any.
 */
export async function applyTagChanges(
  c: AwsClients,
  arn: string,
  ids: Ids,
  before: Tags | undefined,
  changes: TagChanges,
): Promise<TagOutcome> {
  let tags = before;
  let pending: string[] = [];
  const intended = orNone(without({ ...(before ?? {}), ...changes.set }, changes.remove));
  try {
    if (Object.keys(changes.set).length > 0) {
      pending = Object.keys(changes.set);
      await api.tagResource(c, arn, changes.set, ids);
      tags = { ...(tags ?? {}), ...changes.set };
    }
    if (changes.remove.length > 0) {
      pending = changes.remove;
      await api.untagResource(c, arn, changes.remove, ids);
      tags = without(tags, changes.remove);
    }
    return { tags: orNone(tags) };
  } catch (failure) {
    if (!mayHaveBeenApplied(failure)) return { tags: orNone(tags), failure };
    try {
      const now = orNone((await api.getIntegration(c, ids.domainName, ids.uri))?.Tags as Tags | undefined);
      // Every call landed after all: the change is done, whatever its answers said.
      return deepEqual(now, intended) ? { tags: now } : { tags: now, failure };
    } catch {
      // Keys whose call may or may not have landed are left out: the state then claims no tag the
      // integration may lack, and the next update sets any of them that is still wanted.
      return { tags: orNone(without(tags, pending)), failure };
    }
  }
}
