import { strict as assert } from "assert";
import { editDistance, nearestName } from "../../model/nearest";

describe("the nearest name to a misspelling", () => {
  const members = ["domainName", "uri", "objectTypeName", "objectTypeNames", "tags", "flowDefinition", "roleArn", "region"];

  it("is the same name in another case, or the one a typo away", () => {
    assert.equal(nearestName("domainname", members), "domainName");
    assert.equal(nearestName("flowDefiniton", members), "flowDefinition");
    assert.equal(nearestName("tag", members), "tags");
    assert.equal(nearestName("regoin", members), "region");
  });

  it("is no name when none is close: a short name needs a closer match", () => {
    assert.equal(nearestName("arn", members), undefined);
    assert.equal(nearestName("schedule", members), undefined);
  });

  it("counts a transposition as one edit", () => {
    assert.equal(editDistance("ab", "ba"), 1);
    assert.equal(editDistance("kitten", "sitting"), 3);
    assert.equal(editDistance("", "abc"), 3);
  });
});
