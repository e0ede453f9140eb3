/**
 * Valid integrations to start every case from: a case changes one thing, so the failure it
 * expects can only come from that change.
 */
export type Inputs = Record<string, any>;

export const KMS_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** An integration of an existing source (an EventBridge partner event source). */
export function uriIntegration(): Inputs {
  return {
    domainName: "retail",
    uri: "arn:aws:events:us-east-1:123456789012:event-source/aws.partner/shopify.com/1/orders",
    objectTypeNames: { ShopifyCreateOrders: "ShopifyOrder", ShopifyUpdatedOrders: "ShopifyOrder" },
    region: "us-east-1",
  };
}

/** A scheduled, incremental Salesforce flow that uses every task type. */
export function salesforceFlow(): Inputs {
  return {
    domainName: "retail",
    objectTypeName: "SalesforceContact",
    region: "us-east-1",
    tags: { team: "crm" },
    flowDefinition: {
      flowName: "retail-salesforce-contacts",
      description: "Salesforce contacts into Customer Profiles",
      kmsArn: KMS_ARN,
      sourceFlowConfig: {
        connectorType: "Salesforce",
        connectorProfileName: "salesforce-prod",
        incrementalPullConfig: { datetimeTypeFieldName: "LastModifiedDate" },
        sourceConnectorProperties: { salesforce: { object: "Contact", includeDeletedRecords: false } },
      },
      tasks: [
        { sourceFields: ["Id", "Email", "Phone", "Score", "Bonus", "CreatedDate"], taskType: "Filter", connectorOperator: { salesforce: "PROJECTION" } },
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
        { sourceFields: ["Phone"], taskType: "Mask", connectorOperator: { salesforce: "MASK_LAST_N" }, taskProperties: { MASK_VALUE: "*", MASK_LENGTH: "4" } },
        { sourceFields: ["Email"], taskType: "Truncate", connectorOperator: { salesforce: "NO_OP" }, taskProperties: { TRUNCATE_LENGTH: "128" } },
        { sourceFields: ["Id"], taskType: "Validate", connectorOperator: { salesforce: "VALIDATE_NON_NULL" }, taskProperties: { VALIDATION_ACTION: "DropRecord" } },
        {
          sourceFields: ["Score", "Bonus"],
          taskType: "Arithmetic",
          connectorOperator: { salesforce: "ADDITION" },
          destinationField: "Score,Bonus",
          taskProperties: { MATH_OPERATION_FIELDS_ORDER: "Score,Bonus" },
        },
        { sourceFields: ["Email", "Phone"], taskType: "Merge", connectorOperator: { salesforce: "NO_OP" }, taskProperties: { CONCAT_FORMAT: "${Email} ${Phone}" } },
      ],
      triggerConfig: {
        triggerType: "Scheduled",
        triggerProperties: {
          scheduled: {
            scheduleExpression: "rate(1hours)",
            dataPullMode: "Incremental",
            scheduleStartTime: "2027-01-01T00:00:00Z",
            scheduleEndTime: "2027-06-01T00:00:00Z",
            timezone: "America/New_York",
            scheduleOffset: 0,
          },
        },
      },
    },
  };
}

/** An on-demand flow from S3, which needs no connector profile. */
export function s3Flow(): Inputs {
  return {
    domainName: "retail",
    objectTypeName: "CsvCustomer",
    region: "us-east-1",
    flowDefinition: {
      flowName: "retail-s3-customers",
      kmsArn: KMS_ARN,
      sourceFlowConfig: { connectorType: "S3", sourceConnectorProperties: { s3: { bucketName: "retail-exports", bucketPrefix: "customers/" } } },
      tasks: [{ sourceFields: ["id", "email"], taskType: "Filter", connectorOperator: { s3: "PROJECTION" } }],
      triggerConfig: { triggerType: "OnDemand" },
    },
  };
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
