import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { eventAt, useSeededEndpoint } from "./support";
import { capturingOutput, Engine, IMPATIENT, withEnv } from "../../support/provider-driver";
import { until } from "../../support/wait";

/** Generous: three attempts of 250 ms each, with backoff, take about a second. */
const BOUND_MS = 20_000;

async function timed<T>(fn: () => Promise<T>): Promise<{ error: Error; ms: number }> {
  const started = Date.now();
  try {
    await fn();
  } catch (error) {
    return { error: error as Error, ms: Date.now() - started };
  }
  return assert.fail("expected the operation to fail");
}

/**
 * Timeouts: an endpoint that accepts a connection and never answers fails the operation within a
 * bounded time, with a message naming the endpoint and the operation, instead of hanging.
 */
describe("reliability: timeouts (local endpoint, real SDK)", function () {
  this.timeout(120_000);
  const aws = useSeededEndpoint();

  it("every lifecycle operation against an endpoint that never answers fails in bounded time, naming endpoint and operation", async () => {
    const existing = await (await Engine.start()).create(eventAt(1));
    await withEnv(IMPATIENT, async () => {
      aws.emulator.setFaults({ rules: [{ hangRate: 1 }] });
      const engine = await Engine.start();
      const cases: [string, RegExp, () => Promise<unknown>][] = [
        ["create", /STS GetCallerIdentity in us-east-1/, () => engine.create(eventAt(2))],
        ["read", /Customer Profiles GetIntegration in us-east-1/, () => engine.read(existing.id, existing.outs)],
        [
          "update",
          /Customer Profiles GetIntegration in us-east-1/,
          () => engine.update(existing.id, existing.outs, eventAt(1, { objectTypeName: "ShopifyOrder", objectTypeNames: undefined })),
        ],
        [
          "update of tags",
          /Customer Profiles TagResource in us-east-1/,
          () => engine.update(existing.id, existing.outs, eventAt(1, { tags: { team: "ops" } })),
        ],
        ["delete", /Customer Profiles DeleteIntegration in us-east-1/, () => engine.delete(existing.id, existing.outs)],
      ];
      for (const [operation, names, run] of cases) {
        const { output, result } = await capturingOutput(() => timed(run));
        const { error, ms } = result!;
        assert.ok(ms < BOUND_MS, `${operation} took ${ms} ms`);
        assert.match(error.message, new RegExp(`No answer from ${aws.emulator.url} for`), operation);
        assert.match(error.message, names, operation);
        assert.match(error.message, /PULUMI_CUSTOMER_PROFILES_REQUEST_TIMEOUT_MS/, operation);
        // This SDK's requestTimeout only logs a warning unless told to throw; it must throw.
        assert.doesNotMatch(output, /requestTimeout/, operation);
      }
    });
  });

  it("a request that hangs once is answered by the next attempt", async () => {
    await withEnv(IMPATIENT, async () => {
      const engine = await Engine.start();
      aws.emulator.setFaults({ rules: [{ operation: "GetIntegration", hangRate: 1 }] });
      const creating = engine.create(eventAt(1));
      await until(() => aws.emulator.requests().some((r) => r.operation === "GetIntegration"), "the first attempt hung");
      aws.emulator.setFaults({});
      const { id } = await creating;
      assert.equal(id, `retail/${eventAt(1).uri}`);
      assert.equal(aws.emulator.requests().filter((r) => r.operation === "GetIntegration").length, 2);
    });
  });

  it("an endpoint that refuses connections fails in bounded time, naming it", async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const endpoint = `http://127.0.0.1:${closed}`;
    await withEnv({ ...IMPATIENT, AWS_ENDPOINT_URL_CUSTOMER_PROFILES: endpoint }, async () => {
      const { error, ms } = await timed(async () => (await Engine.start()).create(eventAt(1)));
      assert.ok(ms < BOUND_MS, `took ${ms} ms`);
      assert.match(error.message, new RegExp(`No answer from ${endpoint} for Customer Profiles GetIntegration in us-east-1`));
      assert.match(error.message, /ECONNREFUSED/);
    });
  });

  it("a call that no per-attempt timeout covers — credentials that never resolve — ends at the whole-call deadline", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cp-deadline-"));
    // Outlives the deadline (1 attempt × 500 ms + the 1 s overhead set below), then exits so nothing is left running.
    fs.writeFileSync(path.join(dir, "config"), "[profile stuck]\ncredential_process = sleep 6\n");
    try {
      await withEnv(
        {
          ...IMPATIENT,
          AWS_MAX_ATTEMPTS: "1",
          // The overhead allowed beyond the attempts (10 s by default), shortened so the deadline comes first.
          PULUMI_CUSTOMER_PROFILES_CALL_OVERHEAD_MS: "1000",
          AWS_ACCESS_KEY_ID: undefined,
          AWS_SECRET_ACCESS_KEY: undefined,
          AWS_PROFILE: "stuck",
          AWS_CONFIG_FILE: path.join(dir, "config"),
        },
        async () => {
          const { error, ms } = await timed(async () => (await Engine.start()).create(eventAt(1)));
          assert.ok(ms < 6_000, `ended by the deadline, not by the credential process (${ms} ms)`);
          assert.match(error.message, new RegExp(`No answer from ${aws.emulator.url} for STS GetCallerIdentity in us-east-1`));
          assert.match(error.message, /no answer within 1500 ms, all attempts included/);
          assert.match(error.message, /credentials could not be resolved/);
        },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    assert.ok(!aws.emulator.requests().some((r) => r.operation === "PutIntegration"), "nothing was written");
  });
});
