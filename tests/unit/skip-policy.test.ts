import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { skipUnlessCI } from "../support/skip";

/** Under CI nothing skips silently: a missing prerequisite fails there, and skips with a line elsewhere. */
describe("the skip policy", () => {
  const withCI = <T>(value: string | undefined, fn: () => T): T => {
    const saved = process.env.CI;
    if (value === undefined) delete process.env.CI;
    else process.env.CI = value;
    try {
      return fn();
    } finally {
      if (saved === undefined) delete process.env.CI;
      else process.env.CI = saved;
    }
  };
  const SKIPPED = new Error("skipped");
  const ctx = {
    skip: () => {
      throw SKIPPED;
    },
  } as unknown as Mocha.Context;

  it("under CI=true a missing prerequisite fails the spec, saying what is missing", () => {
    withCI("true", () => assert.throws(() => skipUnlessCI(ctx, "no AWS CLI found"), /CI must run this spec, but no AWS CLI found/));
  });

  it("elsewhere it skips the spec", () => {
    const log = console.log;
    const lines: string[] = [];
    console.log = (...args: unknown[]) => void lines.push(args.join(" "));
    try {
      withCI(undefined, () =>
        assert.throws(
          () => skipUnlessCI(ctx, "no AWS CLI found"),
          (e) => e === SKIPPED,
        ),
      );
    } finally {
      console.log = log;
    }
    assert.deepEqual(
      lines.map((l) => l.trim()),
      ["skipped: no AWS CLI found"],
      "one line says why",
    );
  });

  it("every skip in the specs goes through it, but for the AWS halves of the verified specs", () => {
    const root = path.resolve(__dirname, "..");
    // The AWS half of a verified spec runs only with PCPI_VERIFY_AWS=1, never in CI.
    const allowed = new Set(["support/skip.ts", "support/emulator-harness.ts", "integration/emulator/verified.test.ts"]);
    const files = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
    const offenders = files(root).flatMap((file) => {
      const rel = path.relative(root, file);
      if (allowed.has(rel) || rel === "unit/skip-policy.test.ts") return [];
      return fs
        .readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) =>
          /\b(this|ctx)\.skip\(|\b(it|describe)\.skip\(|\bx(it|describe)\(/.test(line) ? [`${rel}:${i + 1}: ${line.trim()}`] : [],
        );
    });
    assert.deepEqual(offenders, []);
  });
});
