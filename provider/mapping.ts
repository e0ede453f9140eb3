/**
 * Mapping between the SDK's camelCase inputs and the API's PascalCase shapes, driven by the
 * generated model: a structure member `FlowName` is `flowName` in a program, map keys (tags,
 * object type names, task properties) are kept as written, timestamps are ISO-8601 strings in
 * a program and Dates for the AWS SDK. Walking the model instead of hand-writing each member
 * means a member added to the API is mapped the day the model is regenerated.
 */
import type { ServiceModel } from "../model/types";
import { setOwn } from "../model/dict";
import { customerProfilesModel } from "../model/generated/customer-profiles";
import type { FlowDefinition, IntegrationInputs, IntegrationOutputs } from "../sdk/types";

const model: ServiceModel = customerProfilesModel;

export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** camelCase program value → the API shape. Members the model lacks are kept as written, so validation can name them. */
export function toApi(shapeName: string, value: unknown, m: ServiceModel = model): unknown {
  if (value === undefined || value === null) return undefined;
  const shape = m.shapes[shapeName];
  switch (shape.type) {
    case "structure": {
      if (!isObject(value)) return value;
      const byCamel = new Map(Object.keys(shape.members).map((name) => [lowerFirst(name), name]));
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (v === undefined || v === null) continue;
        const member = byCamel.get(k);
        out[member ?? k] = member ? toApi(shape.members[member].shape, v, m) : v;
      }
      return out;
    }
    case "list":
      return Array.isArray(value) ? value.map((v) => toApi(shape.member.shape, v, m)) : value;
    case "map": {
      if (!isObject(value)) return value;
      // Map keys are user data (a tag may be called __proto__): each is an own property (model/dict).
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) setOwn(out, k, toApi(shape.value.shape, v, m));
      return out;
    }
    case "timestamp": {
      if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return new Date(value);
      if (typeof value === "number") return new Date(value * 1000);
      return value;
    }
    default:
      return value;
  }
}

/** An API shape → the camelCase program value. Members the model lacks are dropped. */
export function fromApi(shapeName: string, value: unknown, m: ServiceModel = model): unknown {
  if (value === undefined || value === null) return undefined;
  const shape = m.shapes[shapeName];
  switch (shape.type) {
    case "structure": {
      if (!isObject(value)) return undefined;
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members)) {
        const v = fromApi(ref.shape, value[name] ?? value[lowerFirst(name)], m);
        if (v !== undefined) out[lowerFirst(name)] = v;
      }
      return out;
    }
    case "list":
      return Array.isArray(value) ? value.map((v) => fromApi(shape.member.shape, v, m)) : undefined;
    case "map": {
      if (!isObject(value)) return undefined;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) setOwn(out, k, fromApi(shape.value.shape, v, m));
      return out;
    }
    case "timestamp":
      return toIsoTimestamp(value);
    default:
      return value;
  }
}

export function toIsoTimestamp(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number") return new Date(value * 1000).toISOString();
  if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  return undefined;
}

/** The PutIntegration input members, in the program's spelling. Region is ours, not the API's. */
const putMembers = Object.keys(
  (model.shapes[model.operations.PutIntegration.input!] as { members: object }).members,
).map(lowerFirst);

/** The PutIntegration request for the desired inputs. Tags travel only on create: afterwards they are TagResource's job. */
export function putIntegrationRequest(
  inputs: IntegrationInputs,
  opts: { uri?: string; withTags: boolean },
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const k of putMembers) {
    const v = (inputs as unknown as Record<string, unknown>)[k];
    if (v !== undefined) body[k] = v;
  }
  if (opts.uri !== undefined) body.uri = opts.uri;
  if (!opts.withTags || (inputs.tags && Object.keys(inputs.tags).length === 0)) delete body.tags;
  return toApi(model.operations.PutIntegration.input!, body) as Record<string, unknown>;
}

/** The response of PutIntegration or GetIntegration as outputs (without the provider's own: region, arn). */
export function outputsFromIntegration(response: Record<string, unknown>): Partial<IntegrationOutputs> {
  const out = fromApi(model.operations.GetIntegration.output!, response) as Partial<IntegrationOutputs>;
  return out;
}

/**
 * An AppFlow flow (DescribeFlow's answer) as the integration's `flowDefinition`: the members
 * Customer Profiles' FlowDefinition has, taken from the flow. AppFlow spells them camelCase
 * already; walking Customer Profiles' shape keeps exactly the members a program can set.
 */
export function flowDefinitionFromFlow(flow: Record<string, unknown>): FlowDefinition {
  const asApi = toApi("FlowDefinition", {
    description: flow.description,
    flowName: flow.flowName,
    kmsArn: flow.kmsArn,
    sourceFlowConfig: flow.sourceFlowConfig,
    tasks: flow.tasks,
    triggerConfig: flow.triggerConfig,
  });
  return fromApi("FlowDefinition", asApi) as FlowDefinition;
}
