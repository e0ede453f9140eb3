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
