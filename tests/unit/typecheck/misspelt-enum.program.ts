// A misspelt enum value must not compile.
import { Integration } from "../../../sdk";

export const integration = new Integration("contacts", {
  domainName: "retail",
  objectTypeName: "SalesforceContact",
  flowDefinition: {
    flowName: "salesforce-contacts",
    kmsArn: "arn:aws:kms:us-east-1:123456789012:key/k",
    sourceFlowConfig: {
      connectorProfileName: "salesforce-prod",
      connectorType: "Salesforse",
      sourceConnectorProperties: { salesforce: { object: "Contact" } },
    },
    tasks: [{ sourceFields: ["Id"], connectorOperator: { zendesk: "LESS_THAN" }, taskType: "Filter" }],
    triggerConfig: { triggerType: "OnDemand" },
  },
});
