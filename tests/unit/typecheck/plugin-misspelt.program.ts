// Mistakes the plugin's generated types catch at tsc time: a misspelt enum value, a misspelt property.
import { plugin } from "../../..";

export const badEnum = new plugin.Integration("contacts", {
  domainName: "retail",
  flowDefinition: {
    flowName: "salesforce-contacts",
    kmsArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    sourceFlowConfig: { connectorType: "Salesforse", sourceConnectorProperties: {} },
    tasks: [],
    triggerConfig: { triggerType: "OnDemand" },
  },
});

export const badKey = new plugin.Integration("orders", { domainName: "retail", flowDefiniton: {} });
