/**
 * Salesforce contacts pulled into Customer Profiles every hour, only the records changed since
 * the last run. The Salesforce connection is an AppFlow connector profile that already exists
 * (it holds the OAuth tokens, which never belong in a Pulumi program); the flow refers to it by name.
 */
import * as pulumi from "@pulumi/pulumi";
import { Integration } from "pulumi-customer-profiles-integration";

const config = new pulumi.Config();

const contacts = new Integration("salesforce-contacts", {
  domainName: config.get("domainName") ?? "retail",
  objectTypeName: config.get("objectTypeName") ?? "SalesforceContact",
  tags: config.getObject<Record<string, string>>("tags") ?? { team: "crm", source: "salesforce" },
  flowDefinition: {
    flowName: config.get("flowName") ?? "salesforce-contacts",
    description: "Contacts changed in Salesforce, hourly",
    kmsArn: config.get("kmsArn") ?? "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    sourceFlowConfig: {
      connectorType: "Salesforce",
      // Preview checks that this profile exists and is a Salesforce one, before anything is written.
      connectorProfileName: config.get("connectorProfileName") ?? "salesforce-prod",
      // What makes the pull incremental: AppFlow asks only for records modified since the last run.
      incrementalPullConfig: { datetimeTypeFieldName: "LastModifiedDate" },
      sourceConnectorProperties: {
        salesforce: { object: "Contact", includeDeletedRecords: false, enableDynamicFieldUpdate: false },
      },
    },
    tasks: [
      // Projection: the only fields read from Salesforce.
      {
        taskType: "Filter",
        sourceFields: ["Id", "Email", "FirstName", "LastName", "LastModifiedDate"],
        connectorOperator: { salesforce: "PROJECTION" },
      },
      // Records without an email cannot be matched to a profile: drop them rather than fail the run.
      {
        taskType: "Validate",
        sourceFields: ["Email"],
        connectorOperator: { salesforce: "VALIDATE_NON_NULL" },
        taskProperties: { VALIDATION_ACTION: "DropRecord" },
      },
      ...(["Id", "Email", "FirstName", "LastName", "LastModifiedDate"] as const).map((field) => ({
        taskType: "Map" as const,
        sourceFields: [field],
        destinationField: field,
        connectorOperator: { salesforce: "NO_OP" as const },
      })),
    ],
    triggerConfig: {
      triggerType: "Scheduled",
      triggerProperties: {
        scheduled: {
          scheduleExpression: config.get("scheduleExpression") ?? "rate(1hours)",
          dataPullMode: "Incremental",
          // AWS requires the first run to be in the future: set this when deploying for real.
          scheduleStartTime: config.get("scheduleStartTime") ?? "2030-01-01T00:00:00Z",
          timezone: "UTC",
        },
      },
    },
  },
  // "running" keeps the hourly flow active (AppFlow may leave a new scheduled flow in Draft);
  // "suspended" pauses it. Unset, the flow is left as AWS leaves it.
  desiredFlowState: config.get("desiredFlowState") as "running" | "suspended" | undefined,
});

export const uri = contacts.uri;
export const arn = contacts.arn;
export const flowStatus = contacts.flowStatus;
