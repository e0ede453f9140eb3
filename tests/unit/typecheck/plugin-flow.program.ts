// A program as a user of the plugin's resource writes it: an explicit provider for the local
// endpoint, a flow integration with Outputs at some levels, the generated enums' values.
import * as pulumi from "@pulumi/pulumi";
import { plugin } from "../../..";

const local = new plugin.Provider("local", {
  region: "us-east-1",
  endpoints: { customerProfiles: "http://127.0.0.1:4566", appflow: "http://127.0.0.1:4566" },
});

export const integration = new plugin.Integration(
  "contacts",
  {
    domainName: "retail",
    objectTypeName: "SalesforceContact",
    tags: { team: "crm" },
    flowDefinition: {
      flowName: "salesforce-contacts",
      kmsArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      sourceFlowConfig: {
        connectorProfileName: pulumi.output("salesforce-prod"),
        connectorType: plugin.SourceConnectorType.Salesforce,
        sourceConnectorProperties: { salesforce: { object: "Contact" } },
      },
      tasks: [{ sourceFields: ["Id"], connectorOperator: { salesforce: "PROJECTION" }, taskType: "Filter" }],
      triggerConfig: { triggerType: "OnDemand" },
    },
  },
  { provider: local },
);

export const arn: pulumi.Output<string> = integration.arn;
export const uri: pulumi.Output<string> = integration.uri;
