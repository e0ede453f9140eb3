/**
 * Customer records exported to S3 as CSV, ingested into a Customer Profiles domain whenever the
 * flow is run (an on-demand trigger). Every name the program needs comes from stack config, so
 * the same program deploys to a real account; the defaults match the local endpoint's seed data.
 */
import * as pulumi from "@pulumi/pulumi";
import { Integration } from "pulumi-customer-profiles-integration";

const config = new pulumi.Config();

const customers = new Integration("customers-from-s3", {
  domainName: config.get("domainName") ?? "retail",
  objectTypeName: config.get("objectTypeName") ?? "CustomerCsv",
  tags: config.getObject<Record<string, string>>("tags") ?? { team: "crm", example: "quickstart" },
  flowDefinition: {
    flowName: config.get("flowName") ?? "customers-from-s3",
    description: "Customer records exported to S3, ingested on demand",
    // AppFlow encrypts the records in transit with this key; in a real account, the ARN of the
    // account's aws/appflow key or a customer managed key.
    kmsArn: config.get("kmsArn") ?? "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    sourceFlowConfig: {
      // An S3 source needs no connector profile: AppFlow reads the bucket with its service role.
      connectorType: "S3",
      sourceConnectorProperties: {
        s3: {
          bucketName: config.get("bucketName") ?? "retail-exports",
          bucketPrefix: config.get("bucketPrefix") ?? "customers/",
        },
      },
    },
    tasks: [{ taskType: "Filter", sourceFields: ["email", "name"], connectorOperator: { s3: "PROJECTION" } }],
    triggerConfig: { triggerType: "OnDemand" },
  },
});

/** The service derives the URI from the flow: the AppFlow flow's ARN. */
export const uri = customers.uri;
export const arn = customers.arn;
