/**
 * The rules of PutIntegration that its model cannot express: which members go together, which
 * connector a flow's parts must agree on, what a schedule needs. One function per rule, each
 * declared in SEMANTIC_RULES with its level and its source. A rule looks only at values that are
 * known and of the right type: a value still unknown at preview may turn out right, and a value
 * of the wrong type is already reported by the model's constraints.
 *
 * Level: a rule is an "error" (the preview fails) only when a published source shows AWS refusing
 * the input, or when the value cannot be sent as written (the provider would have to rewrite it).
 * Every other rule is a "warning": check tells the user and lets AWS decide. The README's
 * "Rules and sources" table lists them; tests/unit/validation/rules.test.ts holds each to a source.
 */
import { OBJECT_TYPE_NAMES_EVENT_TYPES } from "./event-types";
import { connectorByKey, needsConnectorProfile, sourceConnector, type SourceConnector } from "./connectors";
import { LENGTH_PROPERTIES, taskTypeRules } from "./task-types";
import { isUnknown, str } from "./unknown";
import { isPlainObject } from "../../model/visit";
import { parseScheduleExpression } from "./schedule-expression";
import { FLOW_RULES } from "./flow-rules";
import type { CheckFailure } from "./types";

/** A failure, or with `warning` set, something to tell the user that AppFlow would accept. */
export interface Finding extends CheckFailure {
  warning?: true;
}

export interface SemanticContext {
  /** The region the integration resolves to (inputs, stack config or environment). */
  region?: string;
}

type Obj = Record<string, unknown>;
type Inputs = Obj;

export interface SemanticRule {
  name: string;
  /** "error" fails the preview; "warning" is said once on stderr and the preview goes on. */
  level: "error" | "warning";
  /** Where the rule comes from: a URL, or a repository and path, and what it says. */
  source: string;
  check(inputs: Inputs, ctx: SemanticContext): CheckFailure[];
}

const FLOW = "flowDefinition";
const SOURCE = `${FLOW}.sourceFlowConfig`;
const TRIGGER = `${FLOW}.triggerConfig`;
const SCHEDULED = `${TRIGGER}.triggerProperties.scheduled`;
const taskPath = (i: number) => `${FLOW}.tasks[${i}]`;
const keyPath = (path: string, key: string) => `${path}[${JSON.stringify(key)}]`;

/** A known object; undefined for anything else, including the unknown sentinel. */
function obj(v: unknown): Obj | undefined {
  return isPlainObject(v) ? v : undefined;
}

/** Set in the program, known or not. */
function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function quote(v: string): string {
  const s = JSON.stringify(v);
  return s.length > 66 ? `${s.slice(0, 64)}…"` : s;
}

const list = (xs: readonly string[]) => xs.join(", ");

function flowOf(inputs: Inputs): Obj | undefined {
  return obj(inputs.flowDefinition);
}

function sourceOf(inputs: Inputs): Obj | undefined {
  return obj(flowOf(inputs)?.sourceFlowConfig);
}

/** The flow's source connector, when its type is known and one the model has. */
function connectorOf(inputs: Inputs): SourceConnector | undefined {
  return sourceConnector(str(sourceOf(inputs)?.connectorType));
}

function tasksOf(inputs: Inputs): { task: Obj; path: string }[] {
  const tasks = flowOf(inputs)?.tasks;
  if (!Array.isArray(tasks)) return [];
  return tasks.flatMap((t, i) => {
    const task = obj(t);
    return task ? [{ task, path: taskPath(i) }] : [];
  });
}

/**
 * The operator a task names under whichever connector key, with that key. An operator outside
 * that connector's enum is the model's to report; rules that depend on it stay silent.
 */
function operatorOf(task: Obj): { key: string; operator: string } | undefined {
  const op = obj(task.connectorOperator);
  if (!op) return undefined;
  for (const [key, v] of Object.entries(op)) {
    const operator = str(v);
    if (operator !== undefined && connectorByKey(key)?.operators.includes(operator)) return { key, operator };
  }
  return undefined;
}

function triggerTypeOf(inputs: Inputs): string | undefined {
  return str(obj(flowOf(inputs)?.triggerConfig)?.triggerType);
}

/** The schedule member: undefined when absent, "unknown" when it (or what holds it) is not yet known. */
function scheduledOf(inputs: Inputs): Obj | "unknown" | undefined {
  const trigger = flowOf(inputs)?.triggerConfig;
  if (isUnknown(trigger)) return "unknown";
  const props = obj(trigger)?.triggerProperties;
  if (isUnknown(props)) return "unknown";
  const scheduled = obj(props)?.scheduled;
  if (isUnknown(scheduled)) return "unknown";
  return obj(scheduled);
}

function knownSchedule(inputs: Inputs): Obj | undefined {
  const s = scheduledOf(inputs);
  return s === "unknown" ? undefined : s;
}

// ---------------------------------------------------------------------------------------------

function objectTypeNameXorNames(inputs: Inputs): Finding[] {
  const { objectTypeName, objectTypeNames } = inputs;
  // An unknown value may resolve to nothing; only known presence counts.
  if (isUnknown(objectTypeName) || isUnknown(objectTypeNames)) return [];
  const hasName = isSet(objectTypeName);
  const names = obj(objectTypeNames);
  const hasNames = isSet(objectTypeNames) && !(names && Object.keys(names).length === 0);
  if (hasName && hasNames) {
    return [
      {
        property: "objectTypeNames",
        reason:
          "must not be set together with objectTypeName: set exactly one — objectTypeName for a single object type, " +
          "objectTypeNames to map event types to object types",
      },
    ];
  }
  if (!hasName && !hasNames) {
    return [
      {
        property: "objectTypeName",
        reason:
          "is required unless objectTypeNames is set: exactly one of objectTypeName and objectTypeNames names the " +
          "object type(s) the integration ingests into",
      },
    ];
  }
  return [];
}

function objectTypeNamesAreSupportedEventTypes(inputs: Inputs): Finding[] {
  const names = obj(inputs.objectTypeNames);
  if (!names) return [];
  return Object.keys(names)
    .filter((k) => !OBJECT_TYPE_NAMES_EVENT_TYPES.includes(k))
    .map((k) => {
      const near = OBJECT_TYPE_NAMES_EVENT_TYPES.find((t) => t.toLowerCase() === k.toLowerCase());
      return {
        property: keyPath("objectTypeNames", k),
        reason:
          `key ${quote(k)} is not one of the event types the PutIntegration API reference lists` +
          (near ? ` (did you mean ${near}?)` : "") +
          ` (${list(OBJECT_TYPE_NAMES_EVENT_TYPES)}); other services' event types may be valid keys too ` +
          `(the map's keys are "event type[s] from an external application"), so it is sent as written`,
      };
    });
}

function uriOrFlowDefinition(inputs: Inputs): Finding[] {
  if (isSet(inputs.uri) || isSet(inputs.flowDefinition)) return [];
  return [
    {
      property: "uri",
      reason:
        "is required unless flowDefinition is set: set uri to integrate an existing source (such as an S3 bucket " +
        "or an EventBridge partner event source), or flowDefinition to have Customer Profiles create an AppFlow flow",
    },
  ];
}

/** Standard (us-east-1), GovCloud (us-gov-west-1), China (cn-north-1), ISO (us-isob-east-1), sovereign (eusc-de-east-1). */
const AWS_REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

function regionLooksLikeAwsRegion(inputs: Inputs, ctx: SemanticContext): Finding[] {
  const own = inputs.region;
  if (isUnknown(own)) return [];
  if (isSet(own)) {
    if (typeof own !== "string") return [{ property: "region", reason: "must be a string such as us-east-1" }];
    return AWS_REGION.test(own) ? [] : [{ property: "region", reason: `must be an AWS region code such as us-east-1 (got ${quote(own)})` }];
  }
  const resolved = str(ctx.region);
  if (resolved === undefined || AWS_REGION.test(resolved)) return [];
  return [
    {
      property: "region",
      reason:
        `must be an AWS region code such as us-east-1: the region this integration resolves to ` +
        `(stack config aws:region, AWS_REGION or the AWS profile) is ${quote(resolved)}`,
    },
  ];
}

function connectorProfileNameRequired(inputs: Inputs): Finding[] {
  const source = sourceOf(inputs);
  const connector = connectorOf(inputs);
  if (!source || !connector || !needsConnectorProfile(connector) || isSet(source.connectorProfileName)) return [];
  return [
    {
      property: `${SOURCE}.connectorProfileName`,
      reason:
        `is required when connectorType is ${connector.connectorType}: it names the AppFlow connector profile ` +
        `that holds the ${connector.connectorType} connection (only S3 sources need none)`,
    },
  ];
}

function sourceConnectorPropertiesMatchConnectorType(inputs: Inputs): Finding[] {
  const connector = connectorOf(inputs);
  const props = obj(sourceOf(inputs)?.sourceConnectorProperties);
  if (!connector || !props) return [];
  const at = `${SOURCE}.sourceConnectorProperties`;
  const out: Finding[] = [];
  for (const [key, v] of Object.entries(props)) {
    if (!isSet(v) || key === connector.key || !connectorByKey(key)) continue;
    out.push({
      property: `${at}.${key}`,
      reason:
        `must not be set when connectorType is ${connector.connectorType}: sourceConnectorProperties holds ` +
        `exactly the member of the flow's source, ${connector.key}`,
    });
  }
  if (!isSet(props[connector.key])) {
    out.push({
      property: `${at}.${connector.key}`,
      reason: `is required when connectorType is ${connector.connectorType}: it says what to read from the source`,
    });
  }
  return out;
}

function taskConnectorOperatorMatchesSource(inputs: Inputs): Finding[] {
  const connector = connectorOf(inputs);
  if (!connector) return [];
  return tasksOf(inputs).flatMap(({ task, path }) => {
    const op = obj(task.connectorOperator);
    if (!op) return [];
    return Object.entries(op)
      .filter(([key, v]) => isSet(v) && key !== connector.key && connectorByKey(key))
      .map(([key, v]) => {
        const operator = str(v);
        const unsupported =
          operator !== undefined && !connector.operators.includes(operator)
            ? `; note that ${connector.connectorType} has no ${operator} (it supports: ${list(connector.operators)})`
            : "";
        return {
          property: `${path}.connectorOperator.${key}`,
          reason:
            `must not be used: the flow's source is ${connector.connectorType}, so the operator goes under ` +
            `connectorOperator.${connector.key}${unsupported}`,
        };
      });
  });
}

/** The one operator/task-type pairing a source shows AppFlow refusing: NO_OP in a Filter task (aws/aws-cdk#17748). */
const isNoOpFilter = (taskType: unknown, operator: string) => taskType === "Filter" && operator === "NO_OP";

function filterTaskIsNotNoOp(inputs: Inputs): Finding[] {
  return tasksOf(inputs).flatMap(({ task, path }) => {
    const rules = taskTypeRules(task.taskType);
    const named = operatorOf(task);
    if (!rules || !named || !isNoOpFilter(task.taskType, named.operator)) return [];
    return [
      {
        property: `${path}.connectorOperator.${named.key}`,
        reason: `NO_OP is not an operator of Filter tasks (AppFlow refuses it: "The operator NO_OP is not valid for filtering tasks"); they take: ${list(rules.operators)}`,
      },
    ];
  });
}

function taskOperatorFitsTaskType(inputs: Inputs): Finding[] {
  return tasksOf(inputs).flatMap(({ task, path }) => {
    const rules = taskTypeRules(task.taskType);
    const named = operatorOf(task);
    if (!rules || !named) return [];
    const { key, operator } = named;
    // filterTaskIsNotNoOp reports that one, as a failure: a property gets one reason.
    if ((rules.operators as readonly string[]).includes(operator) || isNoOpFilter(task.taskType, operator)) return [];
    return [
      {
        property: `${path}.connectorOperator.${key}`,
        reason: `${operator} is not an operator of ${String(task.taskType)} tasks; they take: ${list(rules.operators)}`,
      },
    ];
  });
}

function taskPropertiesRequiredForOperation(inputs: Inputs): Finding[] {
  return tasksOf(inputs).flatMap(({ task, path }) => {
    const rules = taskTypeRules(task.taskType);
    if (!rules || isUnknown(task.taskProperties)) return [];
    const props = obj(task.taskProperties) ?? {};
    const operator = operatorOf(task)?.operator;
    const what = `a ${String(task.taskType)} task${operator ? ` with operator ${operator}` : ""}`;
    const out: Finding[] = [];
    for (const req of rules.requires) {
      if (req.when && !(operator && (req.when as readonly string[]).includes(operator))) continue;
      for (const key of req.allOf ?? []) {
        if (!isSet(props[key])) {
          out.push({ property: keyPath(`${path}.taskProperties`, key), reason: `is required for ${what}` });
        }
      }
      if (req.anyOf && !req.anyOf.some((k) => isSet(props[k]))) {
        out.push({
          property: `${path}.taskProperties`,
          reason: `must set ${req.anyOf.join(" or ")} for ${what}: the value(s) to compare with`,
        });
      }
    }
    return out;
  });
}

function taskLengthsArePositiveWholeNumbers(inputs: Inputs): Finding[] {
  return tasksOf(inputs).flatMap(({ task, path }) => {
    const props = obj(task.taskProperties);
    if (!props) return [];
    return LENGTH_PROPERTIES.flatMap((key) => {
      const v = str(props[key]);
      if (v === undefined || /^[1-9]\d*$/.test(v)) return [];
      return [
        {
          property: keyPath(`${path}.taskProperties`, key),
          reason: `must be a positive whole number of characters (got ${quote(v)})`,
        },
      ];
    });
  });
}

function taskPropertiesReadByTaskType(inputs: Inputs): Finding[] {
  return tasksOf(inputs).flatMap(({ task, path }) => {
    const rules = taskTypeRules(task.taskType);
    const props = obj(task.taskProperties);
    if (!rules || !props) return [];
    return Object.keys(props)
      .filter((k) => !(rules.reads as readonly string[]).includes(k))
      .map((k) => ({
        property: keyPath(`${path}.taskProperties`, k),
        reason:
          `is not read by ${String(task.taskType)} tasks, so AppFlow ignores it ` +
          `(they read: ${list(rules.reads)})`,
      }));
  });
}

function scheduledTriggerNeedsSchedule(inputs: Inputs): Finding[] {
  if (triggerTypeOf(inputs) !== "Scheduled" || scheduledOf(inputs) !== undefined) return [];
  return [
    {
      property: SCHEDULED,
      reason: "is required when triggerType is Scheduled: it holds the scheduleExpression the flow runs on",
    },
  ];
}

function unscheduledTriggerTakesNoSchedule(inputs: Inputs): Finding[] {
  const type = triggerTypeOf(inputs);
  if (type === undefined || type === "Scheduled" || !knownSchedule(inputs)) return [];
  return [
    {
      property: SCHEDULED,
      reason: `must not be set when triggerType is ${type}: only Scheduled flows run on a schedule`,
    },
  ];
}

function incrementalPullNeedsDatetimeField(inputs: Inputs): Finding[] {
  if (str(knownSchedule(inputs)?.dataPullMode) !== "Incremental") return [];
  const source = sourceOf(inputs);
  // S3 reads new files incrementally without a datetime field: the admin guide's S3 example does so.
  if (!source || connectorOf(inputs)?.connectorType === "S3") return [];
  const pull = source.incrementalPullConfig;
  if (isUnknown(pull) || isSet(obj(pull)?.datetimeTypeFieldName)) return [];
  return [
    {
      property: `${SOURCE}.incrementalPullConfig.datetimeTypeFieldName`,
      reason:
        "is not set although dataPullMode is Incremental: it names the source's datetime field that AppFlow compares " +
        "with the last run to find new and changed records",
    },
  ];
}

/** The interval the admin guide calls "the minimum currently supported" for a Customer Profiles S3 flow. */
const MIN_RATE_MINUTES = 15;

function scheduleExpressionParses(inputs: Inputs): Finding[] {
  const expr = str(knownSchedule(inputs)?.scheduleExpression);
  if (expr === undefined) return [];
  const at = `${SCHEDULED}.scheduleExpression`;
  const parsed = parseScheduleExpression(expr);
  if (!parsed.ok) {
    return [
      {
        property: at,
        reason: `is not an AppFlow schedule expression such as rate(1hours) or cron(0 12 * * ? *): ${parsed.why} (got ${quote(expr)})`,
      },
    ];
  }
  if (parsed.schedule.kind === "rate" && parsed.schedule.minutes < MIN_RATE_MINUTES) {
    return [
      {
        property: at,
        reason: `runs every ${parsed.schedule.minutes} minute(s); the Amazon Connect admin guide gives ${MIN_RATE_MINUTES} minutes as the minimum currently supported (got ${quote(expr)})`,
      },
    ];
  }
  return [];
}

const TIMESTAMP_MEMBERS = ["scheduleStartTime", "scheduleEndTime", "firstExecutionFrom"] as const;

/**
 * A date, or a date and time with its zone. JavaScript's Date.parse also takes "1" or "May 5" and
 * reads a zoneless time in the provider's local zone, so a preview on another machine would
 * schedule the flow at another hour.
 */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):?(\d{2})))?$/;

/**
 * Milliseconds since the epoch for a timestamp a program may write: epoch seconds as a number (the
 * form of the AWS docs' examples), or an ISO-8601 string naming a real calendar date and time.
 * Date.parse would roll 2027-02-30 over to 2027-03-02; that is a rewrite, so it is refused here.
 */
function instant(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v * 1000;
  const s = str(v);
  const m = s === undefined ? null : ISO_8601.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h = "0", mi = "0", sec = "0", , oh = "0", om = "0"] = m;
  const day = new Date(Date.UTC(+y, +mo - 1, +d));
  const realDate = day.getUTCFullYear() === +y && day.getUTCMonth() === +mo - 1 && day.getUTCDate() === +d;
  const realTime = +h <= 23 && +mi <= 59 && +sec <= 59 && +oh <= 23 && +om <= 59;
  if (!realDate || !realTime) return undefined;
  const ms = Date.parse(s!);
  return Number.isNaN(ms) ? undefined : ms;
}

function scheduleTimesAreRealInstants(inputs: Inputs): Finding[] {
  const scheduled = knownSchedule(inputs);
  if (!scheduled) return [];
  return TIMESTAMP_MEMBERS.flatMap((m) => {
    const v = str(scheduled[m]);
    if (v === undefined || instant(v) !== undefined) return [];
    return [
      {
        property: `${SCHEDULED}.${m}`,
        reason:
          `must be a real date and time in ISO-8601 with a time zone, e.g. 2027-01-01T00:00:00Z, or epoch seconds as a ` +
          `number (got ${quote(v)})`,
      },
    ];
  });
}

function scheduleStartPrecedesEnd(inputs: Inputs): Finding[] {
  const scheduled = knownSchedule(inputs);
  const start = instant(scheduled?.scheduleStartTime);
  const end = instant(scheduled?.scheduleEndTime);
  if (start === undefined || end === undefined || start < end) return [];
  return [
    {
      property: `${SCHEDULED}.scheduleEndTime`,
      reason:
        `must be later than scheduleStartTime (${new Date(end).toISOString()} is not after ` +
        `${new Date(start).toISOString()})`,
    },
  ];
}

const API_PUT_INTEGRATION = "https://docs.aws.amazon.com/customerprofiles/latest/APIReference/API_PutIntegration.html";
const APPFLOW_TRIGGER = "https://docs.aws.amazon.com/appflow/1.0/APIReference/API_TriggerConfig.html";
const CDK_APPFLOW = "github.com/cdklabs/cdk-appflow src/core/tasks/{filters,transforms,validations}.ts (the task properties AWS's own constructs emit per operator)";

export const SEMANTIC_RULES: readonly SemanticRule[] = [
  { name: "objectTypeNameXorNames", level: "warning", check: objectTypeNameXorNames,
    source: `${API_PUT_INTEGRATION}: ObjectTypeName and ObjectTypeNames are both optional; no source shows a refusal of both or neither` },
  { name: "objectTypeNamesAreSupportedEventTypes", level: "warning", check: objectTypeNamesAreSupportedEventTypes,
    source:
      `${API_PUT_INTEGRATION} (ObjectTypeNames: "It supports the following event types"; a list, not a refusal; see event-types.ts). ` +
      "github.com/aws-cloudformation/aws-cloudformation-resource-providers-customer-profiles CreateHandlerTest sends TestEventType, " +
      "and no published source names another key (docs/evidence-search.md)" },
  { name: "uriOrFlowDefinition", level: "error", check: uriOrFlowDefinition,
    source:
      `${API_PUT_INTEGRATION}, and the model (codegen/aws-models/botocore-customer-profiles-2020-08-15.json): ` +
      "PutIntegrationResponse requires Uri, and GetIntegration and DeleteIntegration address an integration only by " +
      "Uri; without a Uri or a FlowDefinition (whose flow ARN becomes it) no answer can name the integration" },
  { name: "regionLooksLikeAwsRegion", level: "error", check: regionLooksLikeAwsRegion,
    source: "the provider's own input, never sent: a malformed region names no endpoint (aws-sdk-js-v3 @aws-sdk/util-endpoints partitions.json regionRegex)" },
  { name: "connectorProfileNameRequired", level: "warning", check: connectorProfileNameRequired,
    source: "https://docs.aws.amazon.com/appflow/1.0/APIReference/API_SourceFlowConfig.html: connectorProfileName is optional; no source shows a refusal" },
  { name: "sourceConnectorPropertiesMatchConnectorType", level: "warning", check: sourceConnectorPropertiesMatchConnectorType,
    source: "https://docs.aws.amazon.com/appflow/1.0/APIReference/API_SourceConnectorProperties.html (one member per connector); no source shows a refusal" },
  { name: "taskConnectorOperatorMatchesSource", level: "warning", check: taskConnectorOperatorMatchesSource,
    source: "https://docs.aws.amazon.com/appflow/1.0/APIReference/API_ConnectorOperator.html (one member per connector); no source shows a refusal" },
  { name: "filterTaskIsNotNoOp", level: "error", check: filterTaskIsNotNoOp,
    source: 'github.com/aws/aws-cdk issue 17748: AppFlow refuses with "Task Validation Error: The operator NO_OP is not valid for filtering tasks"' },
  { name: "taskOperatorFitsTaskType", level: "warning", check: taskOperatorFitsTaskType,
    source: `${CDK_APPFLOW} (the operators its task constructs pair with each task type); no source shows AppFlow refusing another pairing` },
  { name: "taskPropertiesRequiredForOperation", level: "warning", check: taskPropertiesRequiredForOperation, source: CDK_APPFLOW },
  { name: "taskLengthsArePositiveWholeNumbers", level: "warning", check: taskLengthsArePositiveWholeNumbers, source: CDK_APPFLOW },
  { name: "taskPropertiesReadByTaskType", level: "warning", check: taskPropertiesReadByTaskType,
    source: 'https://docs.aws.amazon.com/appflow/1.0/APIReference/API_Task.html ("The service looks for particular information based on the TaskType")' },
  { name: "scheduledTriggerNeedsSchedule", level: "warning", check: scheduledTriggerNeedsSchedule,
    source: `${APPFLOW_TRIGGER} (triggerProperties: "Currently, these settings only apply to the Scheduled trigger type"); no source shows a refusal` },
  { name: "unscheduledTriggerTakesNoSchedule", level: "warning", check: unscheduledTriggerTakesNoSchedule, source: APPFLOW_TRIGGER },
  { name: "incrementalPullNeedsDatetimeField", level: "warning", check: incrementalPullNeedsDatetimeField,
    source:
      "https://docs.aws.amazon.com/appflow/1.0/APIReference/API_IncrementalPullConfig.html; not for S3: the admin guide's S3 example " +
      "(https://docs.aws.amazon.com/connect/latest/adminguide/customerprofiles-s3-integration.html) is Incremental without it" },
  { name: "scheduleExpressionParses", level: "warning", check: scheduleExpressionParses,
    source:
      "https://docs.aws.amazon.com/appflow/1.0/APIReference/API_ScheduledTriggerProperties.html (rate(5minutes)); " +
      "https://docs.aws.amazon.com/connect/latest/adminguide/customerprofiles-s3-integration.html (rate(15minutes), the minimum); " +
      "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html (6-field cron); no source shows a refusal" },
  { name: "scheduleTimesAreRealInstants", level: "error", check: scheduleTimesAreRealInstants,
    source:
      "the provider's serialization (provider/mapping.ts via Date) would send another instant (2027-02-30 → 2027-03-02) or read a " +
      "zoneless time in the local zone: check never rewrites. Format: API_ScheduledTriggerProperties.html (ISO 8601, e.g. 2022-04-26T13:00:00-07:00)" },
  { name: "scheduleStartPrecedesEnd", level: "warning", check: scheduleStartPrecedesEnd,
    source: "https://docs.aws.amazon.com/appflow/1.0/APIReference/API_ScheduledTriggerProperties.html (start and end of the schedule); no source shows a refusal" },
  ...FLOW_RULES,
];

export function semanticFindings(inputs: Inputs, ctx: SemanticContext): Finding[] {
  return SEMANTIC_RULES.flatMap((r) =>
    r.check(inputs, ctx).map((f): Finding => (r.level === "warning" ? { ...f, warning: true } : f)),
  );
}
