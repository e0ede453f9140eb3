/**
 * Rules about a flow as AppFlow runs it, found in the second evidence search (docs/evidence-search.md):
 * what a task list must contain, and which flows the provider's desiredFlowState can steer. Each
 * rule carries its level and its source, as SEMANTIC_RULES do (semantics.ts registers them).
 */
import { isUnknown } from "./unknown";
import { isPlainObject } from "../../model/visit";
import type { CheckFailure } from "./types";

type Obj = Record<string, unknown>;

interface Rule {
  name: string;
  level: "error" | "warning";
  source: string;
  check(inputs: Obj): CheckFailure[];
}

const TASKS = "flowDefinition.tasks";

/**
 * The sources AppFlow is shown refusing without a projection: Salesforce (the only Customer
 * Profiles source among them; CustomConnector is not one PutIntegration takes).
 */
const PROJECTION_REFUSED_FOR = new Set(["Salesforce"]);

type Projection = "present" | "absent" | "unknown";

/** Whether the tasks hold a projection (a Filter task with the PROJECTION operator) or a Map_all task. */
function projection(flow: Obj): Projection {
  const tasks = flow.tasks;
  if (!Array.isArray(tasks)) return "unknown";
  let unknown = false;
  for (const t of tasks) {
    if (!isPlainObject(t) || isUnknown(t.taskType)) {
      unknown = true;
      continue;
    }
    if (t.taskType === "Map_all") return "present";
    if (t.taskType !== "Filter") continue;
    const op = t.connectorOperator;
    if (!isPlainObject(op)) {
      unknown ||= isUnknown(op);
      continue;
    }
    const values = Object.values(op);
    // A Filter that projects with NO_OP is refused for that first (filterTaskIsNotNoOp), as AppFlow does.
    if (values.includes("PROJECTION") || values.includes("NO_OP")) return "present";
    unknown ||= values.some(isUnknown);
  }
  return unknown ? "unknown" : "absent";
}

function sourceType(flow: Obj): string | undefined {
  const source = flow.sourceFlowConfig;
  const type = isPlainObject(source) ? source.connectorType : undefined;
  return typeof type === "string" && !isUnknown(type) ? type : undefined;
}

function missingProjection(inputs: Obj, refused: boolean): CheckFailure[] {
  const flow = inputs.flowDefinition;
  if (!isPlainObject(flow) || projection(flow) !== "absent") return [];
  const type = sourceType(flow);
  if (type === undefined || PROJECTION_REFUSED_FOR.has(type) !== refused) return [];
  return [
    {
      property: TASKS,
      reason: refused
        ? "must include a projection task (taskType Filter with connectorOperator PROJECTION, listing the source fields; " +
          "Map_all, AppFlow's other way, is not a task type PutIntegration takes): AppFlow refuses the flow with " +
          '"Task Validation Error: You must specify a projection task or a MAP_ALL task"'
        : `have no projection task (Filter with PROJECTION) and no Map_all task; AppFlow refuses such a flow from Salesforce ` +
          `("You must specify a projection task or a MAP_ALL task"), and no source shows whether it does from ${type}`,
    },
  ];
}

const TRIGGERED = new Set(["Scheduled", "Event"]);

/** desiredFlowState steers StartFlow/StopFlow, which only activate and deactivate scheduled and event flows. */
function desiredFlowStateNeedsTriggeredFlow(inputs: Obj): CheckFailure[] {
  const desired = inputs.desiredFlowState;
  if (desired === undefined || desired === null || isUnknown(desired)) return [];
  if (desired !== "running" && desired !== "suspended") {
    return [{ property: "desiredFlowState", reason: `must be "running" or "suspended" (got ${JSON.stringify(desired)})` }];
  }
  const flow = inputs.flowDefinition;
  if (flow === undefined || flow === null) {
    return [{ property: "desiredFlowState", reason: "applies only to an integration with a flowDefinition: there is no flow to start or stop" }];
  }
  if (!isPlainObject(flow)) return [];
  const trigger = flow.triggerConfig;
  const type = isPlainObject(trigger) ? trigger.triggerType : undefined;
  if (typeof type !== "string" || isUnknown(type) || TRIGGERED.has(type)) return [];
  return [
    {
      property: "desiredFlowState",
      reason:
        `applies only to Scheduled and Event flows (this one is ${type}): AppFlow's StopFlow answers an on-demand flow with ` +
        "UnsupportedOperationException, and StartFlow runs it once instead of activating it",
    },
  ];
}

const TF_PROJECTION =
  "github.com/hashicorp/terraform-provider-aws issues 34508 and 34482 (Salesforce source) and github.com/hashicorp/terraform-provider-awscc " +
  'issue 338 (CustomConnector source): CreateFlow answers "Create Flow request failed: [Task Validation Error: You must specify a projection task or a MAP_ALL task]"';

export const FLOW_RULES: readonly Rule[] = [
  { name: "projectionTaskRequired", level: "error", check: (i) => missingProjection(i, true), source: TF_PROJECTION },
  { name: "projectionTaskAdvised", level: "warning", check: (i) => missingProjection(i, false),
    source: `${TF_PROJECTION}; no source shows the refusal for a Marketo, Zendesk, Servicenow or S3 source` },
  { name: "desiredFlowStateNeedsTriggeredFlow", level: "error", check: desiredFlowStateNeedsTriggeredFlow,
    source:
      "the provider's own input, never sent to AWS; https://docs.aws.amazon.com/appflow/1.0/APIReference/API_StopFlow.html " +
      '("For on-demand flows, this operation returns an unsupportedOperationException") and API_StartFlow.html' },
];
