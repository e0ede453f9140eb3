import { strict as assert } from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import { compilePattern } from "../../../model/pattern";
import { customerProfilesModel } from "../../../model/generated/customer-profiles";
import { appflowModel } from "../../../model/generated/appflow";
import { stsModel } from "../../../model/generated/sts";
import type { ServiceModel } from "../../../model/types";

/**
 * Whole-value patterns (model/pattern.ts). The oracle is AWS's own Smithy model of each service
 * (codegen/aws-models/smithy), whose @pattern is searched (Smithy spec: "the pattern is not
 * implicitly anchored") and which writes the anchors itself: every generated pattern must accept
 * exactly the values the Smithy pattern of the same shape accepts.
 */
const SMITHY_DIR = join(__dirname, "../../../codegen/aws-models/smithy");

function smithyPatterns(file: string): Map<string, string> {
  const doc = JSON.parse(readFileSync(join(SMITHY_DIR, file), "utf8")) as { shapes: Record<string, { traits?: Record<string, unknown> }> };
  const out = new Map<string, string>();
  for (const [id, shape] of Object.entries(doc.shapes)) {
    const p = shape.traits?.["smithy.api#pattern"];
    if (typeof p === "string") out.set(id.split("#")[1], p);
  }
  return out;
}

function patternsOf(model: ServiceModel): [string, string][] {
  return Object.entries(model.shapes).flatMap(([name, s]) => ("pattern" in s && s.pattern ? [[name, s.pattern] as [string, string]] : []));
}

const compileSearch = (p: string) => {
  try {
    return new RegExp(p, "u");
  } catch {
    return new RegExp(p);
  }
};

/**
 * Known differences between the whole-value reading and the Smithy text, each with why the
 * whole-value reading stands: `^$|x$` anchors only its first alternative at the start in Smithy's
 * search reading, but AWS matches whole values (aws/aws-cli issue 790), so `xcom.amazonaws.vpce.a`
 * is refused.
 */
const PARTIALLY_ANCHORED = new Set(["PrivateLinkServiceName"]);

/** Printable ASCII plus space and tab: no line terminators, where Java's and JavaScript's `.` agree. */
const printable = fc.string({
  unit: fc.constantFrom(..." \t!\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~".split("")),
  maxLength: 12,
});

for (const [service, model, smithyFile] of [
  ["customer-profiles", customerProfilesModel, "customer-profiles-2020-08-15.json"],
  ["appflow", appflowModel, "appflow-2020-08-23.json"],
] as const) {
  describe(`model patterns of ${service} match whole values, as its Smithy model anchors them`, () => {
    const smithy = smithyPatterns(smithyFile);
    const pairs = patternsOf(model).filter(([name]) => smithy.has(name) && !PARTIALLY_ANCHORED.has(name));

    it("has a Smithy pattern for nearly every generated one (so the property below covers the model)", () => {
      assert.ok(pairs.length >= patternsOf(model).length - 3, `${pairs.length} of ${patternsOf(model).length}`);
    });

    for (const [name, pattern] of pairs) {
      const theirs = compileSearch(smithy.get(name)!);
      const ours = compilePattern(pattern);
      it(`${name}: ${pattern}`, () => {
        let valid: fc.Arbitrary<string>;
        try {
          valid = fc.stringMatching(theirs, { size: "small" }).filter((s) => !/[\n\r\u2028\u2029\u0085]/.test(s));
        } catch {
          valid = printable;
        }
        const value = fc.oneof(
          valid,
          printable,
          fc.tuple(printable, valid, printable).map(([a, v, b]) => a + v + b),
          fc.tuple(valid, fc.constantFrom(" ", "x", "-", "$", " x")).map(([v, b]) => v + b),
          fc.tuple(fc.constantFrom(" ", "x", "-", "$", "x "), valid).map(([a, v]) => a + v),
        );
        fc.assert(
          fc.property(value, (v) => ours.test(v) === theirs.test(v)),
          { numRuns: 150 },
        );
      });
    }
  });
}

describe("whole-value patterns: values a substring search would accept", () => {
  const p = (shape: string) => {
    const s = customerProfilesModel.shapes[shape];
    assert.ok("pattern" in s && s.pattern, `${shape} has a pattern`);
    return compilePattern(s.pattern as string);
  };
  const cases: [string, string, boolean][] = [
    ["FlowName", "my flow", false],
    ["FlowName", "-lead", false],
    ["FlowName", "lead-import_1", true],
    ["BucketName", "my bucket", false],
    ["BucketName", "my-bucket", true],
    ["RoleArn", "see arn:aws:iam::123456789012:role/r", false],
    ["RoleArn", "arn:aws:iam::123456789012:role/r", true],
    ["KmsArn", " arn:aws:kms:us-east-1:123456789012:key/k", false],
    // FlowDescription `[\w!@#\-.?,\s]*` matches the empty string, so as a substring search it could never fail.
    ["FlowDescription", "Costs $5 <b>", false],
    ["FlowDescription", "a/b", false],
    ["FlowDescription", "Imports leads, nightly. Owner: crm@example", false],
    ["FlowDescription", "Imports leads, nightly - owner crm@example.com!", true],
    ["FlowDescription", "", true],
  ];
  for (const [shape, value, ok] of cases) {
    it(`${shape} ${ok ? "accepts" : "refuses"} ${JSON.stringify(value)}`, () => assert.equal(p(shape).test(value), ok));
  }

  it("`.*` accepts every value, line breaks included, as the Smithy models' unanchored `.*` does", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (v) => compilePattern(".*").test(v)));
  });

  it("every pattern of the three generated models compiles", () => {
    for (const model of [customerProfilesModel, appflowModel, stsModel]) {
      for (const [, pattern] of patternsOf(model)) assert.ok(compilePattern(pattern) instanceof RegExp);
    }
  });
});
