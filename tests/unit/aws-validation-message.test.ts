import { strict as assert } from "assert";
import fc from "fast-check";
import { awsConstraint, awsValidationMessage, formatAwsValue, MAX_ECHOED_CHARS } from "../../emulator/validation-message";
import type { Violation } from "../../model/validate";

const MARKER = /… \((\d+) more characters\)$/;
const codePoints = (s: string) => [...s].length;

/** How AWS writes values into "Value '...' at 'path'": Java's toString, bounded. */
describe("AWS validation messages: how values are echoed", () => {
  it("a string of up to 2,048 characters is echoed exactly as given", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: MAX_ECHOED_CHARS }), (s) => {
        fc.pre(codePoints(s) <= MAX_ECHOED_CHARS);
        assert.equal(formatAwsValue(s), s);
      }),
    );
  });

  it("a longer string keeps its first 2,048 characters and says how many were left out", () => {
    fc.assert(
      fc.property(fc.string({ minLength: MAX_ECHOED_CHARS + 1, maxLength: MAX_ECHOED_CHARS * 3 }), (s) => {
        const out = formatAwsValue(s);
        const m = MARKER.exec(out);
        assert.ok(m, out.slice(-40));
        assert.equal(Number(m[1]), codePoints(s) - MAX_ECHOED_CHARS);
        assert.ok(s.startsWith(out.slice(0, m.index)));
        assert.equal(codePoints(out.slice(0, m.index)), MAX_ECHOED_CHARS);
      }),
      { numRuns: 30 },
    );
  });

  it("no value, however large or deep, makes an echo longer than the bound plus its note", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.nat(5000), (v, pad) => {
        const out = formatAwsValue([v, "x".repeat(pad)]);
        assert.ok(codePoints(out) <= MAX_ECHOED_CHARS + "… (9999999 more characters)".length, String(codePoints(out)));
      }),
      { numRuns: 50 },
    );
  });

  it("a list of words reads back as its items, between brackets and separated by ', '", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/), { minLength: 1, maxLength: 20 }), (items) => {
        const out = formatAwsValue(items);
        assert.ok(out.startsWith("[") && out.endsWith("]"), out);
        assert.deepEqual(out.slice(1, -1).split(", "), items);
      }),
    );
  });

  it("a map of words reads back as its entries, k=v between braces", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/), fc.stringMatching(/^[A-Za-z0-9_]{0,12}$/), { minKeys: 1, maxKeys: 20 }),
        (map) => {
          const out = formatAwsValue(map);
          assert.ok(out.startsWith("{") && out.endsWith("}"), out);
          const back = new Map(
            out
              .slice(1, -1)
              .split(", ")
              .map((e) => e.split("=", 2) as [string, string]),
          );
          assert.deepEqual(back, new Map(Object.entries(map)));
        },
      ),
    );
  });

  it("the forms AWS quotes: [] , {Table=[]}, nested values, and null", () => {
    assert.equal(formatAwsValue([]), "[]");
    assert.equal(formatAwsValue({ EmailNotificationSubscriptionTable: [] }), "{EmailNotificationSubscriptionTable=[]}");
    assert.equal(formatAwsValue([{ a: "b" }, ["c", null]]), "[{a=b}, [c, null]]");
    assert.equal(formatAwsValue(new Date("2030-01-01T00:00:00Z")), "2030-01-01T00:00:00.000Z");
  });

  it("names are data: __proto__ and constructor keys are echoed like any other", () => {
    const map = JSON.parse('{"__proto__":"x","constructor":"y"}');
    assert.equal(formatAwsValue(map), "{__proto__=x, constructor=y}");
  });
});

describe("AWS validation messages: sensitive and missing members", () => {
  const at = (member: string) => [{ member }];
  const v = (over: Partial<Violation>): Violation => ({
    path: at("m"),
    constraint: { rule: "pattern", pattern: "x" },
    value: "v",
    sensitive: false,
    ...over,
  });

  it("a sensitive member is 'Value at', whatever its value", () => {
    fc.assert(
      fc.property(
        fc.jsonValue().filter((x) => x !== null),
        (value) => {
          const msg = awsValidationMessage([v({ value, sensitive: true })]);
          assert.equal(
            msg,
            "1 validation error detected: Value at 'm' failed to satisfy constraint: Member must satisfy regular expression pattern: x",
          );
        },
      ),
    );
  });

  it("a missing member is 'Value null at', sensitive or not", () => {
    for (const sensitive of [false, true]) {
      const msg = awsValidationMessage([v({ constraint: { rule: "required", of: "member" }, value: undefined, sensitive })]);
      assert.equal(msg, "1 validation error detected: Value null at 'm' failed to satisfy constraint: Member must not be null");
    }
  });

  it("several violations are joined with '; ' under one count", () => {
    const msg = awsValidationMessage([v({ value: ["a", "b"] }), v({ path: at("n"), value: { k: "v" } })]);
    assert.equal(
      msg,
      "2 validation errors detected: Value '[a, b]' at 'm' failed to satisfy constraint: Member must satisfy regular expression pattern: x; " +
        "Value '{k=v}' at 'n' failed to satisfy constraint: Member must satisfy regular expression pattern: x",
    );
  });
});

describe("AWS validation messages: each constraint in AWS's words", () => {
  const cases: [Violation["constraint"], string][] = [
    [{ rule: "required", of: "member" }, "Member must not be null"],
    [{ rule: "required", of: "list item" }, "List member must not be null"],
    [{ rule: "required", of: "map value" }, "Map value must not be null"],
    [{ rule: "length", bound: "max", limit: 64 }, "Member must have length less than or equal to 64"],
    [{ rule: "size", bound: "min", limit: 1 }, "Member must have length greater than or equal to 1"],
    [{ rule: "range", bound: "max", limit: 10 }, "Member must have value less than or equal to 10"],
    [{ rule: "pattern", pattern: "[a-z]+" }, "Member must satisfy regular expression pattern: [a-z]+"],
    [{ rule: "enum", values: ["S3", "Zendesk"] }, "Member must satisfy enum value set: [S3, Zendesk]"],
    [{ rule: "type", expected: "list" }, "Member must be a list"],
  ];
  for (const [constraint, words] of cases) {
    it(`${JSON.stringify(constraint)} → ${words}`, () => assert.equal(awsConstraint(constraint), words));
  }
});
