/**
 * The Pulumi package schema of the provider plugin (provider/plugin/schema.generated.json), made
 * from the same compact model and botocore documentation as the SDK types: every input and
 * output with its type and AWS's text, the model's enums as enum types, sensitive shapes as
 * secrets, and the properties whose change replaces an integration (provider/diff.ts).
 * Called by scripts/generate-model.ts, so `npm run generate` and the drift check cover it.
 */
import type { ServiceModel, StructureShape } from "../model/types";
import { lowerFirst, reachableShapes } from "../model/visit";
import { PACKAGE_NAME, RESOURCE_TOKEN, typeToken } from "../provider/plugin/names";

/** What the schema needs of a botocore model: its documentation. */
export interface DocumentedModel {
  operations: Record<string, { documentation?: string }>;
  shapes: Record<string, { documentation?: string; members?: Record<string, { documentation?: string }> }>;
}

type DocText = (html: string | undefined) => string[];
type Spec = Record<string, unknown>;

/**
 * Properties whose change replaces the integration, as provider/diff.ts decides: domain, URI and
 * region identify it; a flow's name (when the service derives the URI from it) and its KMS key
 * (AppFlow's UpdateFlow cannot change it) are fixed at creation. The plugin's diff reports the
 * exact reason; this tells SDKs and readers which properties can do it.
 */
const REPLACED_ON_CHANGE = new Set(["domainName", "uri", "region"]);
const REPLACED_ON_CHANGE_IN: Record<string, Set<string>> = { FlowDefinition: new Set(["flowName", "kmsArn"]) };

/** Outputs that every integration has once created (provider/outputs.ts buildOutputs). */
const REQUIRED_OUTPUTS = ["arn", "createdAt", "domainName", "lastUpdatedAt", "region", "uri"];

const REGION_DOC =
  "The AWS region of the integration (Pulumi's own: not a PutIntegration member). Defaults to the provider's " +
  "`region`, then AWS_REGION / AWS_DEFAULT_REGION, then the shared AWS config file. Changing it replaces the integration.";
const ADOPT_DOC =
  "Take over an integration that already exists at this domain and URI (or flow name) instead of failing: it is " +
  "read, and only what differs from this program is written (Pulumi's own: not sent to AWS). With this plugin " +
  "`pulumi import` and the `import` resource option work too.";
const TIMESTAMP_WRITTEN_DOC =
  "An ISO-8601 string with a zone (`2027-01-01T00:00:00Z`) or a bare date, or epoch seconds as a number " +
  "(`1798761600`), the AWS docs' form. Kept as written; a different spelling of the same instant is no change.";

// The provider's own flow steering and the flow's state as DescribeFlow reports it (provider/integration-types.ts).
const DESIRED_FLOW_STATE_DOC =
  "Whether a Scheduled or Event flow should be running (AppFlow `Active`) or suspended; the provider converges on it " +
  "with AppFlow StartFlow/StopFlow on create, update and after a refresh. Unset, the flow is left as AWS leaves it.";

const DESIRED_FLOW_STATE_TYPE: Spec = {
  type: "string",
  description: "The state the provider keeps a Scheduled or Event flow in.",
  enum: [{ value: "running" }, { value: "suspended" }],
};

const FLOW_STATE_OUTPUTS: Record<string, Spec> = {
  flowStatus: {
    type: "string",
    description: "The flow's status as AppFlow last reported it (Active, Suspended, Draft, Errored…), for a flow integration.",
  },
  lastRunStatus: {
    type: "string",
    description: "The status of the flow's most recent run (InProgress, Successful, Error…), when it has run.",
  },
  lastRunTime: { type: "string", description: "When the flow's most recent run was (ISO-8601), when it has run." },
};

const CONFIG: Record<string, Spec> = {
  region: {
    type: "string",
    description:
      "The AWS region integrations live in unless a resource sets its own `region`. Without it: AWS_REGION, " +
      "AWS_DEFAULT_REGION, then the shared AWS config file (for `profile` or AWS_PROFILE).",
  },
  profile: {
    type: "string",
    description:
      "The shared AWS config and credentials profile to use. Without it: AWS_PROFILE, then the standard AWS " + "credential chain.",
  },
  strict: {
    type: "boolean",
    description:
      "Every check warning fails the preview at its path, for teams that want preview to stop on any doubt. " +
      "Without it: PCPI_STRICT (1 or 0); off by default.",
  },
  endpoints: {
    $ref: `#/types/${typeToken("Endpoints")}`,
    description:
      "Endpoint overrides per service, e.g. a local endpoint. Without them: AWS_ENDPOINT_URL_CUSTOMER_PROFILES, " +
      "AWS_ENDPOINT_URL_APPFLOW, AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, then AWS's own endpoints.",
  },
};

const ENDPOINTS_TYPE: Spec = {
  type: "object",
  description: "Endpoint URLs that replace AWS's own, per service.",
  properties: {
    customerProfiles: { type: "string", description: "The Customer Profiles endpoint URL." },
    appflow: { type: "string", description: "The AppFlow endpoint URL." },
    sts: { type: "string", description: "The STS endpoint URL (for the account id in the integration's ARN)." },
  },
};

function description(lines: string[]): string | undefined {
  return lines.length ? lines.join("\n") : undefined;
}

/** The schema type of a shape. Timestamps a program writes take a string or epoch seconds, as check does. */
function typeSpec(model: ServiceModel, name: string, written: boolean): Spec {
  const s = model.shapes[name];
  switch (s.type) {
    case "structure":
      return { $ref: `#/types/${typeToken(name)}` };
    case "list":
      return { type: "array", items: typeSpec(model, s.member.shape, written) };
    case "map":
      return { type: "object", additionalProperties: typeSpec(model, s.value.shape, written) };
    case "string":
      return s.enum ? { $ref: `#/types/${typeToken(name)}` } : { type: "string" };
    case "timestamp":
      return written ? { oneOf: [{ type: "string" }, { type: "number" }] } : { type: "string" };
    case "boolean":
      return { type: "boolean" };
    case "blob":
      return { type: "string" };
    case "integer":
    case "long":
      return { type: "integer" };
    default:
      return { type: "number" };
  }
}

/** Every member of a structure as a property: its type, AWS's text, and whether it is secret. */
function properties(
  model: ServiceModel,
  raw: DocumentedModel,
  doc: DocText,
  name: string,
  written: boolean,
  replaced: Set<string> = new Set(),
): Record<string, Spec> {
  const shape = model.shapes[name] as StructureShape;
  const out: Record<string, Spec> = {};
  for (const [member, ref] of Object.entries(shape.members)) {
    const target = model.shapes[ref.shape];
    const lines = doc(raw.shapes[name].members?.[member]?.documentation ?? raw.shapes[ref.shape].documentation);
    if (target.type === "timestamp" && written) lines.push(...(lines.length ? [""] : []), TIMESTAMP_WRITTEN_DOC);
    const key = lowerFirst(member);
    out[key] = {
      ...typeSpec(model, ref.shape, written),
      ...(description(lines) ? { description: description(lines) } : {}),
      ...(target.sensitive ? { secret: true } : {}),
      ...(replaced.has(key) ? { replaceOnChanges: true } : {}),
    };
  }
  return out;
}

function required(shape: StructureShape): string[] | undefined {
  return shape.required?.length ? shape.required.map(lowerFirst).sort() : undefined;
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(record).sort()) out[k] = record[k];
  return out;
}

/** The package schema, as deterministic JSON text. */
export function pluginSchema(model: ServiceModel, raw: DocumentedModel, doc: DocText): string {
  const put = model.operations.PutIntegration.input!;
  const get = model.operations.GetIntegration.output!;
  const types: Record<string, Spec> = {
    [typeToken("Endpoints")]: ENDPOINTS_TYPE,
    [typeToken("DesiredFlowState")]: DESIRED_FLOW_STATE_TYPE,
  };
  for (const name of reachableShapes(model, put)) {
    const s = model.shapes[name];
    if (s.type === "structure" && name !== put) {
      types[typeToken(name)] = {
        type: "object",
        ...(description(doc(raw.shapes[name].documentation)) ? { description: description(doc(raw.shapes[name].documentation)) } : {}),
        properties: properties(model, raw, doc, name, true, REPLACED_ON_CHANGE_IN[name]),
        ...(required(s) ? { required: required(s) } : {}),
      };
    } else if (s.type === "string" && s.enum) {
      types[typeToken(name)] = {
        type: "string",
        description: `The values the Customer Profiles API accepts for \`${name}\`.`,
        enum: s.enum.map((value) => ({ value })),
      };
    }
  }

  const pulumiInputs: Record<string, Spec> = {
    region: { type: "string", description: REGION_DOC, replaceOnChanges: true },
    adoptExisting: { type: "boolean", description: ADOPT_DOC },
    desiredFlowState: { $ref: `#/types/${typeToken("DesiredFlowState")}`, description: DESIRED_FLOW_STATE_DOC },
  };
  const inputProperties = { ...properties(model, raw, doc, put, true, REPLACED_ON_CHANGE), ...pulumiInputs };
  // State holds the program's inputs (so the next diff compares like with like) and what only the
  // service knows; adoptExisting is an instruction, not state.
  const { adoptExisting: _adopt, ...inputOutputs } = inputProperties;
  const outputProperties: Record<string, Spec> = {
    ...properties(model, raw, doc, get, false),
    ...Object.fromEntries(Object.entries(inputOutputs).map(([k, v]) => [k, withoutKey(v, "replaceOnChanges")])),
    region: { type: "string", description: "The region the integration lives in." },
    arn: {
      type: "string",
      description: "`arn:<partition>:profile:<region>:<account>:domains/<domain>/integrations/<uri>`, for tagging and IAM.",
    },
    ...FLOW_STATE_OUTPUTS,
  };

  const resourceDoc = [
    ...doc(raw.operations.PutIntegration.documentation),
    "",
    "Its id is `<domainName>/<uri>`; `pulumi import " +
      RESOURCE_TOKEN +
      " <name> <domainName>/<uri>` reads an " +
      "existing integration, its AppFlow flow included.",
  ];
  const schema = {
    name: PACKAGE_NAME,
    displayName: "Amazon Connect Customer Profiles Integration",
    description:
      "Amazon Connect Customer Profiles integrations (PutIntegration) as a Pulumi resource, with preview-time " +
      "validation against the API model.",
    keywords: ["pulumi", "aws", "customer-profiles", "amazon-connect", "appflow", "category/cloud"],
    license: "Apache-2.0",
    publisher: "pulumi-customer-profiles-integration",
    meta: { moduleFormat: "(.*)" },
    config: { variables: CONFIG },
    provider: {
      description: "The provider of Customer Profiles integrations: where and as whom they are managed.",
      inputProperties: CONFIG,
      properties: CONFIG,
    },
    types: sorted(types),
    resources: {
      [RESOURCE_TOKEN]: {
        description: resourceDoc.join("\n"),
        inputProperties: sorted(inputProperties),
        requiredInputs: required(model.shapes[put] as StructureShape),
        properties: sorted(outputProperties),
        required: REQUIRED_OUTPUTS,
      },
    },
  };
  return JSON.stringify(schema, null, 2) + "\n";
}

function withoutKey(spec: Spec, key: string): Spec {
  const { [key]: _dropped, ...rest } = spec;
  return rest;
}
