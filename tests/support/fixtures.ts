/** Inputs that tests share: complete integrations as a program would declare them. */
import type { IntegrationInputs } from "../../sdk/types";

/** A Salesforce flow using every member of FlowDefinition. */
export function salesforceFlowIntegration(overrides: Partial<IntegrationInputs> = {}): IntegrationInputs {
  return {
    domainName: "retail",
    objectTypeName: "SalesforceContact",
    tags: { team: "crm", env: "test" },
    roleArn: "arn:aws:iam::123456789012:role/CustomerProfilesIntegration",
    eventTriggerNames: ["HighValueContact"],
    scope: "PROFILE",
    flowDefinition: {
      description: "Contacts from Salesforce",
      flowName: "salesforce-contacts",
      kmsArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      sourceFlowConfig: {
        connectorProfileName: "salesforce-prod",
        connectorType: "Salesforce",
        incrementalPullConfig: { datetimeTypeFieldName: "LastModifiedDate" },
        sourceConnectorProperties: {
          salesforce: { object: "Contact", enableDynamicFieldUpdate: true, includeDeletedRecords: false },
        },
      },
      tasks: [
        { sourceFields: ["Id", "Email"], connectorOperator: { salesforce: "PROJECTION" }, taskType: "Filter" },
        {
          sourceFields: ["Email"],
          connectorOperator: { salesforce: "NO_OP" },
          destinationField: "Email",
          taskType: "Map",
          taskProperties: { DESTINATION_DATA_TYPE: "string", SOURCE_DATA_TYPE: "string" },
        },
      ],
      triggerConfig: {
        triggerType: "Scheduled",
        triggerProperties: {
          scheduled: {
            scheduleExpression: "rate(1hours)",
            dataPullMode: "Incremental",
            scheduleStartTime: "2030-01-01T00:00:00.000Z",
            scheduleEndTime: "2031-01-01T00:00:00.000Z",
            timezone: "America/New_York",
            scheduleOffset: 300,
            firstExecutionFrom: "2029-06-01T00:00:00.000Z",
          },
        },
      },
    },
    ...overrides,
  };
}

/** An S3 flow with an on-demand trigger: the quickstart's shape. */
export function s3FlowIntegration(overrides: Partial<IntegrationInputs> = {}): IntegrationInputs {
  return {
    domainName: "retail",
    objectTypeName: "CustomerCsv",
    tags: { team: "crm" },
    flowDefinition: {
      flowName: "customers-from-s3",
      kmsArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      sourceFlowConfig: {
        connectorType: "S3",
        sourceConnectorProperties: { s3: { bucketName: "retail-exports", bucketPrefix: "customers/" } },
      },
      tasks: [{ sourceFields: ["email", "name"], connectorOperator: { s3: "PROJECTION" }, taskType: "Filter" }],
      triggerConfig: { triggerType: "OnDemand" },
    },
    ...overrides,
  };
}

/** An event-source integration with an explicit URI. */
export function eventIntegration(overrides: Partial<IntegrationInputs> = {}): IntegrationInputs {
  return {
    domainName: "retail",
    uri: "arn:aws:events:us-east-1:123456789012:event-source/aws.partner/shopify.com/1/orders",
    objectTypeNames: { ShopifyCreateOrders: "ShopifyOrder", ShopifyUpdatedOrders: "ShopifyOrder" },
    tags: { team: "crm" },
    ...overrides,
  };
}
