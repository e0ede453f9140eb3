/** Rules on what the integration points at: its source URI or flow, and the region it lives in. */
import { isUnknown, str } from "../unknown";
import { isSet, quote } from "../accessors";
import { rule, type Finding, type Inputs, type SemanticContext } from "../evidence";
import { API_PUT_INTEGRATION, CUSTOMER_PROFILES_MODEL } from "./sources";
import { REGION_NAME } from "../../../model/arn";

function uriOrFlowDefinition(inputs: Inputs): Finding[] {
  if (isSet(inputs.uri) || isSet(inputs.flowDefinition)) return [];
  return [
    {
      property: "uri",
      reason:
        "is required unless flowDefinition is set: set uri to integrate an existing source (such as an S3 bucket " +
        "or an EventBridge partner event source), or flowDefinition to have Customer Profiles create an AppFlow flow",
    },
  ];
}

/** Standard (us-east-1), GovCloud (us-gov-west-1), China (cn-north-1), ISO (us-isob-east-1), sovereign (eusc-de-east-1). */

function regionLooksLikeAwsRegion(inputs: Inputs, ctx: SemanticContext): Finding[] {
  const own = inputs.region;
  if (isUnknown(own)) return [];
  if (isSet(own)) {
    if (typeof own !== "string") return [{ property: "region", reason: "must be a string such as us-east-1" }];
    return REGION_NAME.test(own)
      ? []
      : [{ property: "region", reason: `must be an AWS region code such as us-east-1 (got ${quote(own)})` }];
  }
  const resolved = str(ctx.region);
  if (resolved === undefined || REGION_NAME.test(resolved)) return [];
  return [
    {
      property: "region",
      reason:
        `must be an AWS region code such as us-east-1: the region this integration resolves to ` +
        `(stack config aws:region, AWS_REGION or the AWS profile) is ${quote(resolved)}`,
    },
  ];
}

export const TARGET_RULES = [
  rule({
    name: "uriOrFlowDefinition",
    check: uriOrFlowDefinition,
    evidence: {
      // The provider addresses what it created by Uri; with neither member it could never read or delete it.
      kind: "provider-input",
      sources: [
        { file: CUSTOMER_PROFILES_MODEL, quote: `"PutIntegrationResponse":{ "type":"structure", "required":[ "DomainName", "Uri",` },
        { file: CUSTOMER_PROFILES_MODEL, quote: `"GetIntegrationRequest":{ "type":"structure", "required":[ "DomainName", "Uri" ],` },
        { url: API_PUT_INTEGRATION, quote: "The URI of the S3 bucket or any other type of data source." },
      ],
      note: "without a Uri, or a FlowDefinition whose flow ARN becomes it, no answer can name the integration",
    },
  }),
  rule({
    name: "regionLooksLikeAwsRegion",
    check: regionLooksLikeAwsRegion,
    evidence: {
      // Never sent: the region picks the endpoint, and a malformed one names none.
      kind: "provider-input",
      sources: [
        {
          url: "https://github.com/aws/aws-sdk-js-v3/blob/main/packages/util-endpoints/src/lib/aws/partitions.json",
          quote: '"regionRegex": "^(us|eu|ap|sa|ca|me|af|il|mx)\\\\-\\\\w+\\\\-\\\\d+$"',
        },
      ],
    },
  }),
];
