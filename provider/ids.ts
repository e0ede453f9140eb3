/** Resource ids and ARNs. */

/** A Pulumi id is `<domainName>/<uri>`: domain names cannot contain `/`, while URIs (often ARNs) can. */
export function formatId(domainName: string, uri: string): string {
  return `${domainName}/${uri}`;
}

export function parseId(id: string): { domainName: string; uri: string } {
  const slash = id.indexOf("/");
  if (slash <= 0 || slash === id.length - 1) {
    throw new Error(
      `"${id}" is not an integration id: expected "<domainName>/<uri>", for example ` +
        `"my-domain/arn:aws:flow:us-east-1:123456789012:URIOfIntegration1"`,
    );
  }
  return { domainName: id.slice(0, slash), uri: id.slice(slash + 1) };
}

export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("us-iso-")) return "aws-iso";
  if (region.startsWith("us-isob-")) return "aws-iso-b";
  return "aws";
}

/** The ARN TagResource/UntagResource take for an integration. */
export function integrationArn(region: string, accountId: string, domainName: string, uri: string): string {
  return `arn:${partitionOf(region)}:profile:${region}:${accountId}:domains/${domainName}/integrations/${uri}`;
}
