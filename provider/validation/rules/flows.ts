/**
 * Rules about a flow as AppFlow runs it, from the second evidence search (docs/evidence-search.md):
 * what a task list must hold, and which flows the provider's desiredFlowState can steer.
 */
import { isUnknown, str } from "../unknown";
import { flowOf, obj, sourceOf } from "../accessors";
import { rule, type Finding, type Inputs } from "../evidence";
import { APPFLOW_MODEL } from "./sources";

/**
 * The Customer Profiles sources AppFlow is seen refusing without a projection. CustomConnector, the
 * other source seen (terraform-provider-awscc#338), is not one PutIntegration takes.
 */
const PROJECTION_REFUSED_FOR = new Set(["Salesforce"]);

type Projection = "present" | "absent" | "unknown";

/**
 * Whether the tasks hold a projection (a Filter task with the PROJECTION operator) or a Map_all
 * task. A Filter with NO_OP counts as the projection: AppFlow refuses it for that first, as
 * filterTaskIsNotNoOp does.
 */
function projection(inputs: Inputs): Projection {
  const tasks = flowOf(inputs)?.tasks;
  if (!Array.isArray(tasks)) return "unknown";
  let unknown = false;
  for (const t of tasks) {
    const task = obj(t);
    if (!task || isUnknown(task.taskType)) {
      unknown = true;
      continue;
    }
    if (task.taskType === "Map_all") return "present";
    if (task.taskType !== "Filter") continue;
    const op = obj(task.connectorOperator);
    if (!op) {
      unknown ||= isUnknown(task.connectorOperator);
      continue;
    }
    const values = Object.values(op);
    if (values.includes("PROJECTION") || values.includes("NO_OP")) return "present";
    unknown ||= values.some(isUnknown);
  }
  return unknown ? "unknown" : "absent";
}

function missingProjection(inputs: Inputs, refused: boolean): Finding[] {
  if (projection(inputs) !== "absent") return [];
  const type = str(sourceOf(inputs)?.connectorType);
  if (type === undefined || PROJECTION_REFUSED_FOR.has(type) !== refused) return [];
  return [
    {
      property: "flowDefinition.tasks",
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

/** desiredFlowState steers StartFlow/StopFlow, which activate and deactivate only scheduled and event flows. */
function desiredFlowStateNeedsTriggeredFlow(inputs: Inputs): Finding[] {
  const desired = inputs.desiredFlowState;
  if (desired === undefined || desired === null || isUnknown(desired)) return [];
  if (desired !== "running" && desired !== "suspended") {
    return [{ property: "desiredFlowState", reason: `must be "running" or "suspended" (got ${JSON.stringify(desired)})` }];
  }
  if (inputs.flowDefinition === undefined || inputs.flowDefinition === null) {
    return [
      { property: "desiredFlowState", reason: "applies only to an integration with a flowDefinition: there is no flow to start or stop" },
    ];
  }
  const type = str(obj(flowOf(inputs)?.triggerConfig)?.triggerType);
  if (type === undefined || TRIGGERED.has(type)) return [];
  return [
    {
      property: "desiredFlowState",
      reason:
        `applies only to Scheduled and Event flows (this one is ${type}): AppFlow's StopFlow answers an on-demand flow with ` +
        "UnsupportedOperationException, and StartFlow runs it once instead of activating it",
    },
  ];
}

const PROJECTION_SEEN = [
  {
    url: "https://github.com/hashicorp/terraform-provider-aws/issues/34508",
    quote: "CREATE FLOW REQUEST FAILED: [TASK VALIDATION ERROR: YOU MUST SPECIFY A PROJECTION TASK OR A MAP_ALL TASK]",
  },
  {
    url: "https://github.com/hashicorp/terraform-provider-aws/issues/34482",
    quote: "CREATE FLOW REQUEST FAILED: [TASK VALIDATION ERROR: YOU MUST SPECIFY A PROJECTION TASK OR A MAP_ALL TASK]",
  },
  {
    url: "https://github.com/hashicorp/terraform-provider-awscc/issues/338",
    quote: "[Task Validation Error: You must specify a projection task or a MAP_ALL task]",
  },
];

export const FLOW_RULES = [
  rule({
    name: "projectionTaskRequired",
    check: (i) => missingProjection(i, true),
    evidence: { kind: "refusal-seen", sources: PROJECTION_SEEN, note: "seen for Salesforce (and CustomConnector) sources" },
  }),
  rule({
    name: "projectionTaskAdvised",
    check: (i) => missingProjection(i, false),
    evidence: {
      kind: "no-evidence",
      sources: PROJECTION_SEEN,
      note: "no source shows the refusal for a Marketo, Zendesk, Servicenow or S3 source",
    },
  }),
  rule({
    name: "desiredFlowStateNeedsTriggeredFlow",
    check: desiredFlowStateNeedsTriggeredFlow,
    evidence: {
      kind: "provider-input",
      sources: [
        {
          file: APPFLOW_MODEL,
          quote: "For on-demand flows, this operation returns an <code>unsupportedOperationException</code> error message.",
        },
        { file: "provider/flow-state.ts", quote: "StartFlow" },
      ],
      note: "desiredFlowState is the provider's own input, never sent; it steers StartFlow/StopFlow",
    },
  }),
];
