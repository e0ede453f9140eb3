/**
 * The benchmarked program: `count` integrations, as a user would declare them, shaped by stack
 * config so one program serves every operation the benchmarks drive (tag edits, attribute and
 * flow edits, imports). The bench copies it into a working copy of an example, where the packed
 * package is installed; the repository itself cannot resolve the package by its own name, hence
 * the typed require instead of an import.
 */
import * as pulumi from "@pulumi/pulumi";

const { Integration } = require("pulumi-customer-profiles-integration") as typeof import("../../index");

const config = new pulumi.Config();
const count = config.requireNumber("count");
/** "event": an EventBridge source by URI (no AppFlow); "flow": a Salesforce flow whose URI the service derives. */
const kind = config.get("kind") ?? "event";
const domainName = config.get("domainName") ?? "retail";
const uriPrefix = config.get("uriPrefix") ?? "arn:aws:events:us-east-1:123456789012:event-source/aws.partner/bench.example/1/source";
const objectTypeName = config.get("objectTypeName");
const tags = config.getObject<Record<string, string>>("tags");
const connectorProfiles = config.getObject<string[]>("connectorProfiles") ?? ["salesforce-prod"];
const flowDescription = config.get("flowDescription") ?? "Contacts changed in Salesforce, hourly";
/**
 * Integrations that exist before the program names them: "import" uses the import resource option,
 * "adopt" the provider's adoptExisting input, "get" reads them with Integration.get.
 */
const existing = config.get("existing");

for (let i = 0; i < count; i++) {
  if (kind === "event") {
    const uri = `${uriPrefix}-${i}`;
    if (existing === "get") Integration.get(`integration-${i}`, `${domainName}/${uri}`);
    else {
      new Integration(
        `integration-${i}`,
        {
          domainName,
          uri,
          objectTypeName: objectTypeName ?? "ShopifyOrder",
          tags,
          ...(existing === "adopt" ? { adoptExisting: true } : {}),
        },
        existing === "import" ? { import: `${domainName}/${uri}` } : undefined,
      );
    }
  } else {
    new Integration(`integration-${i}`, {
      domainName,
      objectTypeName: objectTypeName ?? "SalesforceContact",
      tags,
      flowDefinition: {
        flowName: `bench-contacts-${i}`,
        description: flowDescription,
        kmsArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        sourceFlowConfig: {
          connectorType: "Salesforce",
          connectorProfileName: connectorProfiles[i % connectorProfiles.length],
          incrementalPullConfig: { datetimeTypeFieldName: "LastModifiedDate" },
          sourceConnectorProperties: { salesforce: { object: "Contact", includeDeletedRecords: false } },
        },
        tasks: [
          { taskType: "Filter", sourceFields: ["Id", "Email", "LastModifiedDate"], connectorOperator: { salesforce: "PROJECTION" } },
          { taskType: "Map", sourceFields: ["Email"], destinationField: "Email", connectorOperator: { salesforce: "NO_OP" } },
        ],
        triggerConfig: {
          triggerType: "Scheduled",
          triggerProperties: {
            scheduled: { scheduleExpression: "rate(1hours)", dataPullMode: "Incremental", scheduleStartTime: "2030-01-01T00:00:00Z" },
          },
        },
      },
    });
  }
}
