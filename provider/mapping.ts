/**
 * Mapping between the SDK's camelCase inputs and the API's PascalCase shapes, driven by the
 * generated model: a structure member `FlowName` is `flowName` in a program, map keys (tags,
 * object type names, task properties) are kept as written, timestamps are ISO-8601 strings in
 * a program and Dates for the AWS SDK. Walking the model instead of hand-writing each member
 * means a member added to the API is mapped the day the model is regenerated.
 */
import type { ServiceModel } from "../model/types";
import { isPlainObject, lowerFirst, setOwn, transform, type Transform } from "../model/visit";
import { customerProfilesModel } from "../model/generated/customer-profiles";
import { parseTimestamp } from "../model/timestamp";
import type { FlowDefinition } from "../model/generated/program-types";
import type { IntegrationInputs, IntegrationOutputs } from "./integration-types";

const model: ServiceModel = customerProfilesModel;

export { lowerFirst };

/**
 * A value without the empty maps and structures in it (an emptied one included), every other key
 * kept as an own property (a tag called `__proto__` too). The API treats an empty map as absent,
 * and TagMap has a minimum of one entry, so `tags: {}` is sent as no tags. Check never drops
 * them from what the program wrote; the request and the diff's canonical form do.
 */
export function withoutEmptyMaps(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutEmptyMaps);
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const y = withoutEmptyMaps(x);
    if (isPlainObject(y) && Object.keys(y).length === 0) continue;
    setOwn(out, k, y);
  }
  return out;
}

/**
 * Program value → API value: structure members by their camelCase names, members the model lacks
 * kept as written. A timestamp is accepted as a program may write it (an ISO-8601 string with any
 * offset, or epoch seconds as AWS's docs write it) and sent as a Date, which the SDK serialises.
 */
const toApiTransform: Transform<undefined> = {
  mismatched: "keep",
  *members(shape, value) {
    const byCamel = new Map(Object.keys(shape.members).map((name) => [lowerFirst(name), name]));
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || v === null) continue;
      const member = byCamel.get(k);
      yield member ? [member, shape.members[member], v, undefined] : [k, undefined, v, undefined];
    }
  },
  leaf(shape, value) {
    if (shape.type !== "timestamp") return value;
    // A value that names no instant is sent as written, never guessed at: check refuses it first.
    const ms = parseTimestamp(value);
    return ms === undefined ? value : new Date(ms);
  },
};

/** API value → program value: the model's members only, camelCased; timestamps as ISO-8601. */
const fromApiTransform: Transform<undefined> = {
  mismatched: "drop",
  *members(shape, value) {
    for (const [name, ref] of Object.entries(shape.members)) {
      yield [lowerFirst(name), ref, value[name] ?? value[lowerFirst(name)], undefined];
    }
  },
  leaf: (shape, value) => (shape.type === "timestamp" ? toIsoTimestamp(value) : value),
};

/** camelCase program value → the API shape. Members the model lacks are kept as written, so validation can name them. */
export function toApi(shapeName: string, value: unknown, m: ServiceModel = model): unknown {
  return transform(m, shapeName, withoutEmptyMaps(value), toApiTransform, undefined);
}

/** An API shape → the camelCase program value. Members the model lacks are dropped. */
export function fromApi(shapeName: string, value: unknown, m: ServiceModel = model): unknown {
  return transform(m, shapeName, value, fromApiTransform, undefined);
}

/** A timestamp as the SDK answers it (a Date) or as a program writes it, in ISO-8601; undefined when it names no instant. */
export function toIsoTimestamp(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  const ms = parseTimestamp(value);
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

/** The PutIntegration input members, in the program's spelling. Region is ours, not the API's. */
const putMembers = Object.keys((model.shapes[model.operations.PutIntegration.input!] as { members: object }).members).map(lowerFirst);

/** The PutIntegration request for the desired inputs. Tags travel only on create: afterwards they are TagResource's job. */
export function putIntegrationRequest(inputs: IntegrationInputs, opts: { uri?: string; withTags: boolean }): Record<string, unknown> {
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
