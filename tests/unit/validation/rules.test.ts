import { strict as assert } from "assert";
import { existsSync, readFileSync } from "fs";
import { isAbsolute, join, normalize } from "path";
import fc from "fast-check";
import { SEMANTIC_RULES } from "../../../provider/validation/semantics";
import type { Citation, EvidenceKind } from "../../../provider/validation/evidence";
import { parseScheduleExpression } from "../../../provider/validation/schedule-expression";

/** What each kind of evidence allows: only a refusal seen, a documented constraint or the provider's own input may fail a preview. */
const LEVEL_OF_KIND: Record<EvidenceKind, "error" | "warning"> = {
  "refusal-seen": "error",
  "documented-constraint": "error",
  "provider-input": "error",
  "no-evidence": "warning",
};

const ROOT = join(__dirname, "../../..");
const loose = (s: string) => s.replace(/\s+/g, " ");
const PUBLISHERS = ["docs.aws.amazon.com", "github.com"];

/** Why a citation is not one a reader can open and check; undefined when it is. A page cannot be read offline; a file can. */
function citationProblem(c: Citation): string | undefined {
  if (c.quote.trim().length < 8) return `quote ${JSON.stringify(c.quote)} is too short to find`;
  if ("url" in c) {
    let url: URL;
    try {
      url = new URL(c.url);
    } catch {
      return `${JSON.stringify(c.url)} is not a URL`;
    }
    if (url.protocol !== "https:" || !PUBLISHERS.includes(url.hostname) || url.pathname.length < 2) {
      return `${c.url} is not a page on ${PUBLISHERS.join(" or ")}`;
    }
    return undefined;
  }
  if (isAbsolute(c.file) || normalize(c.file).startsWith("..")) return `${c.file} is not a path in this repository`;
  if (!existsSync(join(ROOT, c.file))) return `${c.file} does not exist`;
  if (!loose(readFileSync(join(ROOT, c.file), "utf8")).includes(loose(c.quote))) return `${c.file} does not say ${JSON.stringify(c.quote)}`;
  return undefined;
}

describe("every check rule's level follows from its evidence", () => {
  for (const rule of SEMANTIC_RULES) {
    describe(`${rule.name}: ${rule.evidence.kind} → ${rule.level}`, () => {
      it(`is ${LEVEL_OF_KIND[rule.evidence.kind]}, as its kind of evidence allows`, () => {
        assert.equal(rule.level, LEVEL_OF_KIND[rule.evidence.kind]);
      });
      it("cites at least one source a reader can open, with a quote found there", () => {
        assert.ok(rule.evidence.sources.length > 0, "no source");
        for (const c of rule.evidence.sources) assert.equal(citationProblem(c), undefined);
      });
    });
  }
  it("names each rule once", () => {
    assert.equal(new Set(SEMANTIC_RULES.map((r) => r.name)).size, SEMANTIC_RULES.length);
  });
  it("refuses citations a reader could not check", () => {
    const bad: Citation[] = [
      { url: "the API reference", quote: "It supports the following event types" },
      { url: "http://docs.aws.amazon.com/x.html", quote: "It supports the following event types" },
      { url: "https://example.com/customer-profiles", quote: "It supports the following event types" },
      { file: "codegen/aws-models/no-such-model.json", quote: "It supports the following event types" },
      { file: "../outside/model.json", quote: "It supports the following event types" },
      {
        file: "codegen/aws-models/botocore-customer-profiles-2020-08-15.json",
        quote: "AWS refuses both ObjectTypeName and ObjectTypeNames",
      },
      { file: "codegen/aws-models/botocore-customer-profiles-2020-08-15.json", quote: "" },
    ];
    for (const c of bad) assert.notEqual(citationProblem(c), undefined, JSON.stringify(c));
  });
});

describe("AppFlow schedule expressions", () => {
  const accepted = [
    "rate(15minutes)", // the admin guide's S3 example
    "rate(5minutes)", // AppFlow's API reference
    "rate (5 minutes)", // the Customer Profiles model's documentation
    "rate(1hours)", // the CloudFormation handler's tests
    "rate(1days)",
    "rate(1 day)",
    "cron(0 12 * * ? *)",
    "cron(0/15 8-17 ? * MON-FRI *)",
    "cron(0 18 L * ? 2027)",
    "cron(0 9 ? * 2#1 *)",
  ];
  const refused: [string, RegExp][] = [
    ["rate(banana)", /not a whole number/],
    ["rate(0 minutes)", /at least 1/],
    ["rate(5 weeks)", /not minutes, hours or days/],
    ["rate(-5minutes)", /not a whole number/],
    ["cron(0 0 12 * * ? * 2027)", /6 fields.*not 8/],
    ["cron(0 12 * * *)", /not 5/],
    ["cron(60 12 * * ? *)", /minutes field/],
    ["cron(0 24 * * ? *)", /hours field/],
    ["cron(0 12 * * * *)", /exactly one of day-of-month and day-of-week/],
    ["cron(0 12 ? JANUARY ? *)", /month field/],
    ["hourly", /neither rate/],
    ["", /neither rate/],
  ];
  for (const e of accepted)
    it(`accepts ${e}`, () => assert.deepEqual(parseScheduleExpression(e).ok, true, JSON.stringify(parseScheduleExpression(e))));
  for (const [e, why] of refused) {
    it(`refuses ${JSON.stringify(e)}`, () => {
      const p = parseScheduleExpression(e);
      assert.equal(p.ok, false);
      if (!p.ok) assert.match(p.why, why);
    });
  }

  it("reads every rate(N unit) with N ≥ 1, spaced or not, as N units", () => {
    const unit = fc.constantFrom(["minute", 1], ["minutes", 1], ["hour", 60], ["hours", 60], ["day", 1440], ["days", 1440]) as fc.Arbitrary<
      [string, number]
    >;
    const gap = fc.constantFrom("", " ", "  ");
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), unit, gap, gap, gap, (n, [u, per], a, b, c) => {
        const p = parseScheduleExpression(`rate${a}(${b}${n}${c}${u})`);
        return p.ok && p.schedule.kind === "rate" && p.schedule.minutes === n * per;
      }),
    );
  });

  it("refuses any rate whose amount is not a positive whole number", () => {
    const amount = fc.oneof(
      fc.constant("0"),
      fc.integer({ max: -1 }).map(String),
      fc.double({ noInteger: true, noNaN: true }).map(String),
      fc.stringMatching(/^[a-z]{1,6}$/),
    );
    fc.assert(fc.property(amount, fc.constantFrom("minutes", "hours", "days"), (n, u) => !parseScheduleExpression(`rate(${n} ${u})`).ok));
  });

  it("refuses any cron without exactly six fields", () => {
    const field = fc.constantFrom("0", "*", "?", "5", "1-3", "*/5");
    fc.assert(
      fc.property(
        fc.array(field, { maxLength: 10 }).filter((f) => f.length !== 6),
        (fields) => {
          const p = parseScheduleExpression(`cron(${fields.join(" ")})`);
          return !p.ok && /6 fields/.test(p.why);
        },
      ),
    );
  });

  it("never throws, whatever the text", () => {
    fc.assert(fc.property(fc.string(), (s) => typeof parseScheduleExpression(s).ok === "boolean"));
    fc.assert(fc.property(fc.string(), (s) => typeof parseScheduleExpression(`cron(${s})`).ok === "boolean"));
  });
});

describe("the rules table in docs/rules-and-evidence.md", () => {
  const readme = readFileSync(join(__dirname, "../../../docs/rules-and-evidence.md"), "utf8");
  for (const rule of SEMANTIC_RULES) {
    it(`lists ${rule.name} as ${rule.level}`, () => {
      assert.match(readme, new RegExp(`^\\| \`${rule.name}\` \\| ${rule.level} \\| .+\\|$`, "m"));
    });
  }
});

describe("timestamps are real calendar dates, never rolled over", () => {
  const rule = SEMANTIC_RULES.find((r) => r.name === "scheduleTimesAreRealInstants")!;
  const withStart = (scheduleStartTime: unknown) => ({
    flowDefinition: {
      triggerConfig: {
        triggerType: "Scheduled",
        triggerProperties: { scheduled: { scheduleExpression: "rate(1hours)", scheduleStartTime } },
      },
    },
  });
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

  it("refuses a day the month does not have, and accepts every day it has, in any zone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1970, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.constantFrom("Z", "+09:00", "-07:00", "+0530"),
        (y, m, d, zone) => {
          const findings = rule.check(withStart(`${pad(y, 4)}-${pad(m)}-${pad(d)}T12:00:00${zone}`), {});
          return findings.length === (d <= daysIn(y, m) ? 0 : 1);
        },
      ),
    );
  });

  it("refuses hours, minutes and seconds out of range", () => {
    for (const t of ["24:00:00", "12:60:00", "12:00:60"]) assert.equal(rule.check(withStart(`2027-01-01T${t}Z`), {}).length, 1, t);
  });
});
