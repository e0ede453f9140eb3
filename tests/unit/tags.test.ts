import { strict as assert } from "assert";
import { diffTags, hasTagChanges } from "../../provider/tags";

describe("tag diff: the fewest tag calls", () => {
  it("adding a tag is one TagResource of that tag only", () => {
    assert.deepEqual(diffTags({ a: "1" }, { a: "1", b: "2" }), { set: { b: "2" }, remove: [] });
  });
  it("changing a value re-tags that key only", () => {
    assert.deepEqual(diffTags({ a: "1", b: "2" }, { a: "1", b: "3" }), { set: { b: "3" }, remove: [] });
  });
  it("removing a tag is one UntagResource of that key only", () => {
    assert.deepEqual(diffTags({ a: "1", b: "2" }, { a: "1" }), { set: {}, remove: ["b"] });
  });
  it("both at once: one call of each, never untag-everything-then-retag", () => {
    assert.deepEqual(diffTags({ a: "1", b: "2", c: "3" }, { a: "1", b: "9", d: "4" }), { set: { b: "9", d: "4" }, remove: ["c"] });
  });
  it("no tags on either side, or the same tags, is no change", () => {
    assert.equal(hasTagChanges(diffTags(undefined, undefined)), false);
    assert.equal(hasTagChanges(diffTags(undefined, {})), false);
    assert.equal(hasTagChanges(diffTags({ a: "1" }, { a: "1" })), false);
  });
  it("dropping every tag removes each key", () => {
    assert.deepEqual(diffTags({ b: "2", a: "1" }, undefined), { set: {}, remove: ["a", "b"] });
  });
});

describe("tag diff: keys named like JavaScript built-ins are ordinary keys", () => {
  const builtins = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "isPrototypeOf", "__defineGetter__"];
  const tagsOf = (entries: [string, string][]) => {
    const out: Record<string, string> = {};
    for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    return out;
  };
  for (const key of builtins) {
    it(`removing the tag "${key}" is an UntagResource of it`, () => {
      assert.deepEqual(
        diffTags(
          tagsOf([
            [key, "v"],
            ["keep", "1"],
          ]),
          { keep: "1" },
        ).remove,
        [key],
      );
    });
    it(`adding the tag "${key}" is a TagResource of it, and keeping it is no change`, () => {
      const added = diffTags({}, tagsOf([[key, "v"]]));
      assert.deepEqual(Object.entries(added.set), [[key, "v"]]);
      assert.ok(Object.hasOwn(added.set, key));
      assert.equal(hasTagChanges(diffTags(tagsOf([[key, "v"]]), tagsOf([[key, "v"]]))), false);
    });
  }
});
