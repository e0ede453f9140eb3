/**
 * Valid integrations to start every case from: a case changes one thing, so the failure it
 * expects can only come from that change.
 */
import { eventIntegration, s3FlowIntegration, salesforceFlowIntegration } from "../../support/fixtures";

export type Inputs = Record<string, any>;

const inRegion = { region: "us-east-1" };

/** An integration of an existing source (an EventBridge partner event source). */
export const uriIntegration = (): Inputs => eventIntegration(inRegion);

/** An on-demand flow from S3, which needs no connector profile. */
export const s3Flow = (): Inputs => s3FlowIntegration(inRegion);

/** The shared scheduled, incremental Salesforce flow, with a task of every task type. */
export function salesforceFlow(): Inputs {
  const i: Inputs = salesforceFlowIntegration(inRegion);
  i.flowDefinition.tasks = [
    {
      sourceFields: ["Id", "Email", "Phone", "Score", "Bonus", "CreatedDate"],
      taskType: "Filter",
      connectorOperator: { salesforce: "PROJECTION" },
    },
    {
      sourceFields: ["CreatedDate"],
      taskType: "Filter",
      connectorOperator: { salesforce: "BETWEEN" },
      taskProperties: { DATA_TYPE: "datetime", LOWER_BOUND: "1577836800000", UPPER_BOUND: "1893456000000" },
    },
    {
      sourceFields: ["Id"],
      taskType: "Map",
      connectorOperator: { salesforce: "NO_OP" },
      destinationField: "Id",
      taskProperties: { SOURCE_DATA_TYPE: "id", DESTINATION_DATA_TYPE: "id" },
    },
    {
      sourceFields: ["Phone"],
      taskType: "Mask",
      connectorOperator: { salesforce: "MASK_LAST_N" },
      taskProperties: { MASK_VALUE: "*", MASK_LENGTH: "4" },
    },
    {
      sourceFields: ["Email"],
      taskType: "Truncate",
      connectorOperator: { salesforce: "NO_OP" },
      taskProperties: { TRUNCATE_LENGTH: "128" },
    },
    {
      sourceFields: ["Id"],
      taskType: "Validate",
      connectorOperator: { salesforce: "VALIDATE_NON_NULL" },
      taskProperties: { VALIDATION_ACTION: "DropRecord" },
    },
    {
      sourceFields: ["Score", "Bonus"],
      taskType: "Arithmetic",
      connectorOperator: { salesforce: "ADDITION" },
      destinationField: "Score,Bonus",
      taskProperties: { MATH_OPERATION_FIELDS_ORDER: "Score,Bonus" },
    },
    {
      sourceFields: ["Email", "Phone"],
      taskType: "Merge",
      connectorOperator: { salesforce: "NO_OP" },
      taskProperties: { CONCAT_FORMAT: "${Email} ${Phone}" },
    },
  ];
  return i;
}

/** A copy of `base` changed by `change`, so cases never share state. */
export function variant(base: () => Inputs, change: (i: Inputs) => void): Inputs {
  const i = base();
  change(i);
  return i;
}

export const flow = (i: Inputs) => i.flowDefinition;
export const source = (i: Inputs) => i.flowDefinition.sourceFlowConfig;
export const scheduled = (i: Inputs) => i.flowDefinition.triggerConfig.triggerProperties.scheduled;
