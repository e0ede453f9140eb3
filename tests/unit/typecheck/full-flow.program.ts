// A program as a user writes it: every FlowDefinition member, some values as Outputs.
import * as pulumi from "@pulumi/pulumi";
import { Integration } from "../../../sdk";

const profileName = pulumi.output("salesforce-prod");

export const integration = new Integration("contacts", {
  domainName: "retail",
  objectTypeName: "SalesforceContact",
  tags: { team: "crm" },
  roleArn: "arn:aws:iam::123456789012:role/CustomerProfilesIntegration",
  eventTriggerNames: ["HighValueContact"],
  scope: "PROFILE",
  region: "us-east-1",
  flowDefinition: {
    description: "Contacts from Salesforce",
    flowName: "salesforce-contacts",
    kmsArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    sourceFlowConfig: {
      connectorProfileName: profileName,
      connectorType: "Salesforce",
      incrementalPullConfig: { datetimeTypeFieldName: "LastModifiedDate" },
      sourceConnectorProperties: { salesforce: { object: "Contact", enableDynamicFieldUpdate: true, includeDeletedRecords: false } },
    },
    tasks: [
      { sourceFields: ["Id"], connectorOperator: { salesforce: "PROJECTION" }, taskType: "Filter" },
      {
        sourceFields: ["Email"],
        connectorOperator: { salesforce: "NO_OP" },
        destinationField: "Email",
        taskType: "Map",
        taskProperties: { DESTINATION_DATA_TYPE: "string" },
      },
    ],
    triggerConfig: {
      triggerType: "Scheduled",
      triggerProperties: {
        scheduled: {
          scheduleExpression: "rate(1hours)",
          dataPullMode: "Incremental",
          scheduleStartTime: "2030-01-01T00:00:00Z",
          // Epoch seconds, the form AWS's docs use, type-check as check accepts them.
          scheduleEndTime: 1924992000,
          timezone: "America/New_York",
          scheduleOffset: 300,
          firstExecutionFrom: "2029-06-01T00:00:00Z",
        },
      },
    },
  },
});

export const arn: pulumi.Output<string> = integration.arn;
export const flowName: pulumi.Output<string | undefined> = integration.flowDefinition.apply((f) => f?.flowName);
