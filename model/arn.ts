/**
 * Partitions and ARNs, shared by the provider (the ARN it reports and tags) and the local endpoint
 * (the ARNs it returns): both must spell them alike.
 *
 * The partition comes from the AWS SDK's own partition table (`partition()` of
 * @aws-sdk/util-endpoints, the data every SDK v3 client resolves endpoints with), so a region the
 * SDK knows gets its real partition: eusc-de-east-1 → aws-eusc, us-isof-south-1 → aws-iso-f,
 * eu-isoe-west-1 → aws-iso-e. A region the table does not know falls back, as the SDK does, to the
 * partition whose regionRegex matches it, else `aws`.
 * Source: https://github.com/aws/aws-sdk-js-v3/tree/main/packages/util-endpoints (partitions.json).
 */
import { partition } from "@aws-sdk/util-endpoints";

export function partitionOf(region: string): string {
  return partition(region).name;
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export function arn(service: string, region: string, accountId: string, resource: string): string {
  return `arn:${partitionOf(region)}:${service}:${region}:${accountId}:${resource}`;
}

/** The ARN TagResource/UntagResource take for an integration. */
export function integrationArn(region: string, accountId: string, domainName: string, uri: string): string {
  return arn("profile", region, accountId, `domains/${domainName}/integrations/${uri}`);
}

/**
 * An AWS region's name as the SDK's partition table spells them (us-east-1, eu-west-2,
 * us-gov-west-1, eusc-de-east-1…): what check accepts as a region and what the local endpoint serves.
 */
export const REGION_NAME = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;
