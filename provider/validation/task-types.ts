/**
 * What AppFlow expects of each kind of task, which the model cannot say: the operators a task
 * type carries and the `taskProperties` keys it reads or cannot do without.
 *
 * Sources:
 * - AppFlow API reference, Task: "TaskProperties — A map used to store task-related information.
 *   The service looks for particular information based on the TaskType."
 * - Amazon's AppFlow L2 constructs, github.com/cdklabs/cdk-appflow src/core/tasks/{filters,
 *   transforms,validations,mappings}.ts: the tasks it emits per operation — Filter with
 *   DATA_TYPE and VALUE/VALUES, BETWEEN with LOWER_BOUND and UPPER_BOUND; Mask (MASK_ALL,
 *   MASK_FIRST_N, MASK_LAST_N) with MASK_VALUE and MASK_LENGTH; Truncate (NO_OP) with a positive
 *   whole TRUNCATE_LENGTH; Validate (VALIDATE_*) with VALIDATION_ACTION; Arithmetic (ADDITION,
 *   SUBTRACTION, MULTIPLICATION, DIVISION) with MATH_OPERATION_FIELDS_ORDER; Map and Merge (NO_OP)
 *   with SOURCE_DATA_TYPE / DESTINATION_DATA_TYPE and CONCAT_FORMAT.
 * - AppFlow rejects an operator that does not fit the task type at CreateFlow, e.g. "Task
 *   Validation Error: The operator NO_OP is not valid for filtering tasks" (quoted in
 *   github.com/aws/aws-cdk issue 17748).
 *
 * Only what AppFlow cannot run without is `requires`d: bounds for BETWEEN, a value to compare
 * with, N for MASK_FIRST_N / MASK_LAST_N, a truncation length, a validation action. A key a task
 * type does not read is only warned about: AppFlow ignores it, so failing would reject a flow the
 * service accepts. MASK_VALUE is read but not required: no source documents that AppFlow rejects
 * a Mask task without it.
 */
import type {
  MarketoConnectorOperator,
  OperatorPropertiesKeys,
  S3ConnectorOperator,
  SalesforceConnectorOperator,
  ServiceNowConnectorOperator,
  TaskType,
  ZendeskConnectorOperator,
} from "../../model/generated/enums";

/** Any connector's operator, so that a misspelt operator in the table fails to compile. */
export type Operator =
  MarketoConnectorOperator | S3ConnectorOperator | SalesforceConnectorOperator | ServiceNowConnectorOperator | ZendeskConnectorOperator;

export interface RequiredProperties {
  /** The operators this applies to; every operator when absent. */
  when?: readonly Operator[];
  /** Every one of these keys. */
  allOf?: readonly OperatorPropertiesKeys[];
  /** At least one of these keys. */
  anyOf?: readonly OperatorPropertiesKeys[];
}

export interface TaskTypeRules {
  operators: readonly Operator[];
  reads: readonly OperatorPropertiesKeys[];
  requires: readonly RequiredProperties[];
}

const COMPARISONS: readonly Operator[] = [
  "LESS_THAN",
  "GREATER_THAN",
  "CONTAINS",
  "LESS_THAN_OR_EQUAL_TO",
  "GREATER_THAN_OR_EQUAL_TO",
  "EQUAL_TO",
  "NOT_EQUAL_TO",
];

export const TASK_TYPES: Readonly<Record<TaskType, TaskTypeRules>> = {
  Filter: {
    operators: ["PROJECTION", "BETWEEN", ...COMPARISONS],
    reads: ["DATA_TYPE", "VALUE", "VALUES", "LOWER_BOUND", "UPPER_BOUND"],
    requires: [
      { when: ["BETWEEN"], allOf: ["LOWER_BOUND", "UPPER_BOUND"] },
      { when: COMPARISONS, anyOf: ["VALUE", "VALUES"] },
    ],
  },
  Map: {
    operators: ["NO_OP"],
    reads: ["SOURCE_DATA_TYPE", "DESTINATION_DATA_TYPE", "DATA_TYPE", "SUBFIELD_CATEGORY_MAP"],
    requires: [],
  },
  Merge: {
    operators: ["NO_OP"],
    reads: ["CONCAT_FORMAT", "SOURCE_DATA_TYPE", "DESTINATION_DATA_TYPE"],
    requires: [],
  },
  Mask: {
    operators: ["MASK_ALL", "MASK_FIRST_N", "MASK_LAST_N"],
    reads: ["MASK_VALUE", "MASK_LENGTH", "DATA_TYPE"],
    requires: [{ when: ["MASK_FIRST_N", "MASK_LAST_N"], allOf: ["MASK_LENGTH"] }],
  },
  Truncate: {
    operators: ["NO_OP"],
    reads: ["TRUNCATE_LENGTH", "DATA_TYPE"],
    requires: [{ allOf: ["TRUNCATE_LENGTH"] }],
  },
  Validate: {
    operators: ["VALIDATE_NON_NULL", "VALIDATE_NON_ZERO", "VALIDATE_NON_NEGATIVE", "VALIDATE_NUMERIC"],
    reads: ["VALIDATION_ACTION", "DATA_TYPE"],
    requires: [{ allOf: ["VALIDATION_ACTION"] }],
  },
  Arithmetic: {
    operators: ["ADDITION", "SUBTRACTION", "MULTIPLICATION", "DIVISION"],
    reads: ["MATH_OPERATION_FIELDS_ORDER", "DATA_TYPE"],
    requires: [],
  },
};

/** Properties whose value is a count of characters: a positive whole number. */
export const LENGTH_PROPERTIES: readonly OperatorPropertiesKeys[] = ["MASK_LENGTH", "TRUNCATE_LENGTH"];

export function taskTypeRules(taskType: unknown): TaskTypeRules | undefined {
  return typeof taskType === "string" && Object.prototype.hasOwnProperty.call(TASK_TYPES, taskType)
    ? TASK_TYPES[taskType as TaskType]
    : undefined;
}
