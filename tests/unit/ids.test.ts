import { strict as assert } from "assert";
import { formatId, parseId } from "../../provider/ids";
import { integrationArn, partitionOf } from "../../model/arn";

describe("ids and ARNs", () => {
  it("an id is <domainName>/<uri>, and a URI may itself hold slashes and colons", () => {
    const uri = "arn:aws:appflow:us-east-1:123456789012:flow/contacts";
    assert.equal(formatId("retail", uri), `retail/${uri}`);
    assert.deepEqual(parseId(`retail/${uri}`), { domainName: "retail", uri });
  });
  it("rejects ids without both parts, saying what an id looks like", () => {
    for (const bad of ["retail", "/uri", "retail/", ""]) {
      assert.throws(() => parseId(bad), /expected "<domainName>\/<uri>"/);
    }
  });
  it("builds the integration ARN TagResource takes, with the region's partition", () => {
    assert.equal(
      integrationArn("us-east-1", "123456789012", "retail", "u-1"),
      "arn:aws:profile:us-east-1:123456789012:domains/retail/integrations/u-1",
    );
    assert.equal(partitionOf("cn-north-1"), "aws-cn");
    assert.equal(partitionOf("us-gov-west-1"), "aws-us-gov");
    assert.match(integrationArn("cn-north-1", "1", "d", "u"), /^arn:aws-cn:profile:cn-north-1:/);
  });
  it("takes the partition from the SDK's partition table, so newer partitions are right too", () => {
    // Each region names its partition in @aws-sdk/util-endpoints' partitions.json.
    const expected: Array<[string, string]> = [
      ["us-east-1", "aws"],
      ["eu-west-1", "aws"],
      ["cn-northwest-1", "aws-cn"],
      ["us-gov-east-1", "aws-us-gov"],
      ["us-iso-east-1", "aws-iso"],
      ["us-isob-east-1", "aws-iso-b"],
      ["eu-isoe-west-1", "aws-iso-e"],
      ["us-isof-south-1", "aws-iso-f"],
      ["eusc-de-east-1", "aws-eusc"],
    ];
    for (const [region, partition] of expected) {
      assert.equal(partitionOf(region), partition, region);
      assert.match(integrationArn(region, "123456789012", "d", "u"), new RegExp(`^arn:${partition}:profile:${region}:`));
    }
  });
});
