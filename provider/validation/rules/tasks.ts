/** Rules on a flow's tasks: which connector's operator they name, and what each task type reads. */
import { connectorByKey } from "../connectors";
import { LENGTH_PROPERTIES, taskTypeRules } from "../task-types";
import { isUnknown, str } from "../unknown";
import { connectorOf, isSet, keyPath, list, obj, operatorOf, quote, tasksOf } from "../accessors";
import { rule, type Finding, type Inputs } from "../evidence";
import { APPFLOW_MODEL, CDK_APPFLOW_TASKS } from "./sources";

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

/** The one operator/task-type pairing a source shows AppFlow refusing. */
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
        reason: `is not read by ${String(task.taskType)} tasks, so AppFlow ignores it ` + `(they read: ${list(rules.reads)})`,
      }));
  });
}

const NO_REFUSAL_BEYOND_CDK = "AWS's constructs emit these; no source shows AppFlow refusing anything else";

export const TASK_RULES = [
  rule({
    name: "taskConnectorOperatorMatchesSource",
    check: taskConnectorOperatorMatchesSource,
    evidence: {
      kind: "no-evidence",
      sources: [
        {
          url: "https://docs.aws.amazon.com/appflow/1.0/APIReference/API_ConnectorOperator.html",
          quote: "The operation to be performed on the provided source fields.",
        },
        { file: APPFLOW_MODEL, quote: "The operation to be performed on the provided source fields." },
      ],
      note: "one member per connector; no source shows a refusal",
    },
  }),
  rule({
    name: "filterTaskIsNotNoOp",
    check: filterTaskIsNotNoOp,
    evidence: {
      kind: "refusal-seen",
      sources: [
        {
          url: "https://github.com/aws/aws-cdk/issues/17748",
          quote: "[Task Validation Error: The operator NO_OP is not valid for filtering tasks.",
        },
      ],
    },
  }),
  rule({
    name: "taskOperatorFitsTaskType",
    check: taskOperatorFitsTaskType,
    evidence: { kind: "no-evidence", sources: [CDK_APPFLOW_TASKS], note: NO_REFUSAL_BEYOND_CDK },
  }),
  rule({
    name: "taskPropertiesRequiredForOperation",
    check: taskPropertiesRequiredForOperation,
    evidence: { kind: "no-evidence", sources: [CDK_APPFLOW_TASKS], note: NO_REFUSAL_BEYOND_CDK },
  }),
  rule({
    name: "taskLengthsArePositiveWholeNumbers",
    check: taskLengthsArePositiveWholeNumbers,
    evidence: { kind: "no-evidence", sources: [CDK_APPFLOW_TASKS], note: NO_REFUSAL_BEYOND_CDK },
  }),
  rule({
    name: "taskPropertiesReadByTaskType",
    check: taskPropertiesReadByTaskType,
    evidence: {
      kind: "no-evidence",
      sources: [
        { file: APPFLOW_MODEL, quote: "The execution service looks for particular information based on the <code>TaskType</code>." },
      ],
      note: "AppFlow ignores a property the task type does not read",
    },
  }),
];
