import { strict as assert } from "assert";
import { execFile } from "node:child_process";
import * as path from "node:path";
import { selectVerifyTarget, VERIFY_SKIP_LINE } from "../support/emulator-harness";

const KEYS = { AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "secret" };

/** When the verified specs run against AWS, and when they refuse to pretend they did. */
describe("verified specs: choosing the target", () => {
  it("without PCPI_VERIFY_AWS=1 the AWS half is skipped with the one line", () => {
    for (const env of [
      {},
      { PCPI_VERIFY_AWS: "0", ...KEYS, AWS_REGION: "us-east-1" },
      { PCPI_VERIFY_AWS: "true", ...KEYS, AWS_REGION: "us-east-1" },
    ]) {
      assert.deepEqual(selectVerifyTarget(env), { kind: "off", reason: VERIFY_SKIP_LINE });
    }
  });

  it("with PCPI_VERIFY_AWS=1, credentials and a region, the target is AWS in that region", () => {
    assert.deepEqual(selectVerifyTarget({ PCPI_VERIFY_AWS: "1", ...KEYS, AWS_REGION: "eu-west-2" }), { kind: "aws", region: "eu-west-2" });
    assert.deepEqual(selectVerifyTarget({ PCPI_VERIFY_AWS: "1", AWS_PROFILE: "sandbox", AWS_DEFAULT_REGION: "us-west-2" }), {
      kind: "aws",
      region: "us-west-2",
    });
    assert.deepEqual(selectVerifyTarget({ PCPI_VERIFY_AWS: "1", AWS_WEB_IDENTITY_TOKEN_FILE: "/t", AWS_REGION: "us-east-1" }), {
      kind: "aws",
      region: "us-east-1",
    });
  });

  it("PCPI_VERIFY_AWS=1 without credentials, without a region, or with an endpoint override fails instead of passing silently", () => {
    const noCreds = selectVerifyTarget({ PCPI_VERIFY_AWS: "1", AWS_REGION: "us-east-1" });
    assert.equal(noCreds.kind, "misconfigured");
    assert.match((noCreds as { reason: string }).reason, /AWS_ACCESS_KEY_ID.*AWS_PROFILE/);
    const halfKeys = selectVerifyTarget({ PCPI_VERIFY_AWS: "1", AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_REGION: "us-east-1" });
    assert.equal(halfKeys.kind, "misconfigured");
    const noRegion = selectVerifyTarget({ PCPI_VERIFY_AWS: "1", ...KEYS });
    assert.equal(noRegion.kind, "misconfigured");
    assert.match((noRegion as { reason: string }).reason, /AWS_REGION/);
    const redirected = selectVerifyTarget({
      PCPI_VERIFY_AWS: "1",
      ...KEYS,
      AWS_REGION: "us-east-1",
      AWS_ENDPOINT_URL_CUSTOMER_PROFILES: "http://127.0.0.1:4566",
    });
    assert.equal(redirected.kind, "misconfigured");
    assert.match((redirected as { reason: string }).reason, /AWS_ENDPOINT_URL_CUSTOMER_PROFILES/);
  });

  describe("the switch, exercised on the real spec files (mocha --dry-run: nothing is called)", function () {
    this.timeout(120_000);
    const root = path.resolve(__dirname, "../..");
    const specs = [
      "tests/integration/emulator/verified.test.ts",
      "tests/integration/emulator/aws-cli-conformance.test.ts",
      "tests/e2e/verified-events.test.ts",
    ];

    /** Test titles by suite, as mocha would run them with this environment. */
    function dryRun(env: Record<string, string>): Promise<Map<string, string[]>> {
      const mocha = path.join(root, "node_modules", "mocha", "bin", "mocha.js");
      const args = [mocha, "--no-config", "-r", "ts-node/register", "--extension", "ts", "--dry-run", "--reporter", "json", ...specs];
      const clean = Object.fromEntries(
        Object.entries(process.env).filter(([k]) => !k.startsWith("AWS_") && k !== "PCPI_VERIFY_AWS"),
      ) as Record<string, string>;
      return new Promise((resolve, reject) => {
        execFile(
          process.execPath,
          args,
          { cwd: root, env: { ...clean, TS_NODE_TRANSPILE_ONLY: "true", ...env }, maxBuffer: 16 << 20 },
          (err, stdout, stderr) => {
            let report: { tests: { fullTitle: string; title: string }[]; pending: { fullTitle: string; title: string }[] };
            try {
              report = JSON.parse(stdout.slice(stdout.indexOf("{")));
            } catch {
              return reject(new Error(`mocha --dry-run printed no report (${err?.message}):\n${stderr}`));
            }
            const pending = new Set(report.pending.map((t) => t.fullTitle));
            const bySuite = new Map<string, string[]>();
            for (const test of report.tests) {
              const suite = test.fullTitle.slice(0, test.fullTitle.length - test.title.length - 1);
              // A pending spec is marked, so that a skip line that ran (and passed) would not count as one.
              const title = pending.has(test.fullTitle) ? `(pending) ${test.title}` : test.title;
              bySuite.set(suite, [...(bySuite.get(suite) ?? []), title]);
            }
            resolve(bySuite);
          },
        );
      });
    }

    // The three dry runs (seconds of compiling each) at once, each spec awaiting its own.
    const runs: Record<"byDefault" | "withCredentials" | "withoutCredentials", Promise<Map<string, string[]>>> = {} as never;
    before(() => {
      runs.byDefault = dryRun({});
      runs.withCredentials = dryRun({ PCPI_VERIFY_AWS: "1", ...KEYS, AWS_REGION: "us-east-1" });
      runs.withoutCredentials = dryRun({ PCPI_VERIFY_AWS: "1", AWS_REGION: "us-east-1" });
      for (const run of Object.values(runs)) run.catch(() => undefined); // reported by the spec that awaits it
    });

    it("by default each verified suite runs its body locally and its AWS half is the one skip line", async () => {
      const suites = await runs.byDefault;
      const aws = [...suites].filter(([s]) => s.endsWith("[AWS]"));
      const local = [...suites].filter(([s]) => s.endsWith("[local endpoint]"));
      assert.equal(aws.length, 6, [...suites.keys()].join("\n"));
      assert.equal(local.length, 6);
      // Pending, not passing: a reporter counts it as skipped, and it says how to run it.
      for (const [, titles] of aws) assert.deepEqual(titles, [`(pending) ${VERIFY_SKIP_LINE}`]);
      assert.match(VERIFY_SKIP_LINE, /PCPI_VERIFY_AWS=1/);
      for (const [, titles] of local) {
        assert.ok(titles.length >= 4);
        assert.ok(
          titles.every((t) => !t.startsWith("(pending)")),
          "the local half runs every spec",
        );
      }
    });

    it("with PCPI_VERIFY_AWS=1 and credentials the AWS half runs the very same specs as the local one", async () => {
      const suites = await runs.withCredentials;
      let compared = 0;
      for (const [suite, titles] of suites) {
        if (!suite.endsWith("[local endpoint]")) continue;
        assert.deepEqual(suites.get(suite.replace(/\[local endpoint\]$/, "[AWS]")), titles, suite);
        compared++;
      }
      assert.equal(compared, 6);
    });

    it("with PCPI_VERIFY_AWS=1 but no credentials each AWS half is one spec that fails, not a skip", async () => {
      const suites = await runs.withoutCredentials;
      const aws = [...suites].filter(([s]) => s.endsWith("[AWS]"));
      assert.equal(aws.length, 6);
      for (const [, titles] of aws) assert.deepEqual(titles, ["runs against AWS"], "a spec that runs (and fails), not a pending one");
    });
  });
});
