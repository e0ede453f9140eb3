/**
 * The one place where this package departs from the official API models.
 *
 * Each entry names a constraint that the published model states but the live service does
 * not (or cannot) enforce as written. The generator drops these from the constraints table,
 * so neither the provider's preview checks nor the local endpoint reject input AWS accepts.
 * Add an entry only with the evidence in `why`.
 */
export interface ModelOverride {
  service: "customer-profiles" | "appflow" | "sts";
  shape: string;
  drop: "pattern" | "min" | "max" | "enum";
  why: string;
}

export const modelOverrides: ModelOverride[] = [
  {
    service: "customer-profiles",
    shape: "TagArn",
    drop: "pattern",
    why:
      "The model gives TagArn the pattern ^arn:[a-z0-9]{1,10}:profile$ (botocore writes it without the $; the Smithy " +
      "model customer-profiles-2020-08-15.json anchors it), which matches no resource ARN: every real ARN has region, " +
      "account and resource parts, and patterns match whole values (model/pattern.ts). Yet TagResource takes real ARNs: " +
      'its API reference says "In Connect Customer Profiles, domains, profile object types, and integrations can be ' +
      'tagged" (https://docs.aws.amazon.com/customerprofiles/latest/APIReference/API_TagResource.html), and the ' +
      "CloudFormation handler tags the integration ARN (github.com/aws-cloudformation/" +
      "aws-cloudformation-resource-providers-customer-profiles, aws-customerprofiles-integration/src/main/java/software/" +
      "amazon/customerprofiles/integration/UpdateHandler.java: TagResourceRequest.resourceArn(Translator.toIntegrationArn(...))).",
  },
];
