import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ListFlowsCommand } from "@aws-sdk/client-appflow";
import { DEFAULT_MAX_ATTEMPTS, maxAttemptsSetting, retryStrategy } from "../../../provider/retry";
import { allAtOnce, eventAt, figures, flowAt, integrationsIn, isFaulted, successesPerIntegration, useSeededEndpoint } from "./support";
import { Engine, IMPATIENT, withEnv } from "../../support/provider-driver";
import { until } from "../../support/wait";

const FAULTS = { seed: 1, rules: [{ throttleRate: 0.3, errorRate: 0.05 }] };
/** Every fifth a flow integration: AppFlow's calls and derived URIs are under the same faults. */
const fifty = () => Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? flowAt(i) : eventAt(i)));

/**
 * Retries: throttling, 5xx answers and dropped connections are retried with jittered exponential
 * backoff, and a retried write never duplicates, orphans or refuses an integration.
 */
describe("reliability: retries under throttling and server errors (local endpoint, real SDK)", function () {
  this.timeout(300_000);
  const aws = useSeededEndpoint();

  it("50 creates at once with 30% of calls throttled and 5% failing with 500: each integration is written exactly once", async () => {
    const engine = await Engine.start();
    aws.emulator.setFaults(FAULTS);
    const started = Date.now();
    const created = await allAtOnce(fifty().map((inputs) => () => engine.create(inputs)));
    const requests = aws.emulator.requests();
    aws.emulator.setFaults({});

    assert.ok(requests.filter(isFaulted).length >= 30, "the faults were injected");
    const puts = successesPerIntegration(requests, "PutIntegration");
    assert.equal(puts.size, 50);
    assert.deepEqual(
      [...puts.values()].filter((n) => n !== 1),
      [],
      "no integration written twice",
    );
    const held = await integrationsIn(aws.customerProfiles, "retail");
    assert.deepEqual(held.map((i) => i.Uri).sort(), created.map((c) => c.outs.uri).sort());
    for (const c of created) {
      const it = held.find((i) => i.Uri === c.outs.uri)!;
      assert.deepEqual(c.outs.tags, it.Tags, "the state holds the tags the integration has");
      assert.equal(c.id, `retail/${it.Uri}`);
    }
    console.log(`      (measured: 50 creates — ${figures(requests, started)})`);
  });

  it("50 deletes at once under the same faults leave no integration and no flow", async () => {
    const engine = await Engine.start();
    const created = await allAtOnce(fifty().map((inputs) => () => engine.create(inputs)));
    aws.emulator.clearRequests();
    aws.emulator.setFaults(FAULTS);
    const started = Date.now();
    await allAtOnce(created.map((c) => () => engine.delete(c.id, c.outs)));
    const requests = aws.emulator.requests();
    aws.emulator.setFaults({});

    assert.ok(requests.filter(isFaulted).length >= 10, "the faults were injected");
    assert.deepEqual(await integrationsIn(aws.customerProfiles, "retail"), []);
    assert.deepEqual((await aws.appflow.send(new ListFlowsCommand({ maxResults: 100 }))).flows ?? [], []);
    console.log(`      (measured: 50 deletes — ${figures(requests, started)})`);
  });

  it("dropped connections are retried too", async () => {
    const engine = await Engine.start();
    aws.emulator.setFaults({ seed: 3, rules: [{ service: "customer-profiles", dropRate: 0.3 }] });
    const created = await allAtOnce(Array.from({ length: 10 }, (_, i) => () => engine.create(eventAt(i))));
    assert.ok(
      aws.emulator.requests().some((r) => r.errorType === "ConnectionDropped"),
      "connections were dropped",
    );
    assert.equal((await integrationsIn(aws.customerProfiles, "retail")).length, created.length);
  });

  it("each call has its own retry budget: 60 calls throttled at once each get every attempt", async () => {
    // The SDK's standard mode shares a quota of 500 among a client's calls, 5 per throttled
    // retry: 60 calls retried twice would drain it and fail some calls after fewer attempts.
    await withEnv({ AWS_MAX_ATTEMPTS: "3" }, async () => {
      const engine = await Engine.start();
      aws.emulator.setFaults({ rules: [{ operation: "GetIntegration", throttleRate: 1 }] });
      const results = await Promise.allSettled(Array.from({ length: 60 }, (_, i) => engine.create(eventAt(i))));
      assert.ok(results.every((r) => r.status === "rejected" && /still throttled after 3 attempts/.test(r.reason.message)));
      assert.equal(aws.emulator.requests().filter((r) => r.operation === "GetIntegration").length, 180);
      assert.ok(!aws.emulator.requests().some((r) => r.operation === "PutIntegration"), "nothing was written");
    });
  });

  describe("a create whose PutIntegration answers are lost", () => {
    it("that landed is recorded — neither orphaned nor refused as existing by its own earlier attempt", async () => {
      // Each attempt lands 400 ms after it arrives, after the client gave up on it at 250 ms; the
      // first has landed before the fourth times out, so the look-up afterwards finds it.
      await withEnv({ ...IMPATIENT, AWS_MAX_ATTEMPTS: "4" }, async () => {
        const engine = await Engine.start();
        aws.emulator.setFaults({ rules: [{ operation: "PutIntegration", latencyMs: 400 }] });
        const { id, outs } = await engine.create(eventAt(1));
        await until(() => aws.emulator.requests().filter((r) => r.operation === "PutIntegration").length === 4, "every attempt landed");
        const held = await integrationsIn(aws.customerProfiles, "retail");
        assert.deepEqual(
          held.map((i) => i.Uri),
          [eventAt(1).uri],
        );
        assert.equal(id, `retail/${eventAt(1).uri}`);
        assert.deepEqual(outs.tags, held[0].Tags);
        const ops = aws.emulator.requests().map((r) => r.operation);
        assert.equal(ops.lastIndexOf("GetIntegration") > ops.indexOf("PutIntegration"), true, "looked it up after the write");
      });
    });

    it("that never landed fails, says nothing was created, and leaves nothing", async () => {
      await withEnv(IMPATIENT, async () => {
        const engine = await Engine.start();
        aws.emulator.setFaults({ rules: [{ operation: "PutIntegration", hangRate: 1 }] });
        await assert.rejects(engine.create(eventAt(1)), (err: Error & { id?: string }) => {
          assert.match(err.message, new RegExp(`No answer from ${aws.emulator.url} for Customer Profiles PutIntegration in us-east-1`));
          assert.match(err.message, /nothing was created/);
          assert.equal(err.id, undefined, "no state is recorded");
          return true;
        });
        assert.deepEqual(await integrationsIn(aws.customerProfiles, "retail"), []);
      });
    });

    it("and whose look-up fails too, says the outcome is unknown and how to recover", async () => {
      await withEnv(IMPATIENT, async () => {
        const engine = await Engine.start();
        aws.emulator.setFaults({ rules: [{ operation: "PutIntegration", hangRate: 1 }] });
        const creating = engine.create(eventAt(1));
        // The existence check before the write must answer; the look-up after it must not.
        await until(() => aws.emulator.requests().some((r) => r.operation === "PutIntegration"), "the write was sent");
        aws.emulator.setFaults({ rules: [{ service: "customer-profiles", hangRate: 1 }] });
        await assert.rejects(creating, (err: Error) => {
          assert.match(err.message, /Whether the integration was created is unknown/);
          assert.match(err.message, /GetIntegration/);
          assert.match(
            err.message,
            /Run `pulumi up` again; if it then reports that the integration already exists, it was created by this attempt: adopt it/,
          );
          return true;
        });
      });
    });
  });

  describe("retry settings", () => {
    it("AWS_MAX_ATTEMPTS bounds the attempts, and the error says the call was still throttled", async () => {
      await withEnv({ AWS_MAX_ATTEMPTS: "2" }, async () => {
        const engine = await Engine.start();
        aws.emulator.setFaults({ rules: [{ operation: "GetIntegration", throttleRate: 1 }] });
        await assert.rejects(
          engine.create(eventAt(1)),
          /GetIntegration in us-east-1 for domain "retail".*still throttled after 2 attempts.*AWS_MAX_ATTEMPTS/,
        );
        assert.equal(aws.emulator.requests().filter((r) => r.operation === "GetIntegration").length, 2);
      });
    });

    it("the profile's max_attempts applies when AWS_MAX_ATTEMPTS is unset", async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cp-retry-"));
      fs.writeFileSync(path.join(dir, "config"), "[default]\nmax_attempts = 3\n");
      try {
        await withEnv({ AWS_MAX_ATTEMPTS: undefined, AWS_CONFIG_FILE: path.join(dir, "config") }, async () => {
          const engine = await Engine.start();
          aws.emulator.setFaults({ rules: [{ operation: "GetIntegration", throttleRate: 1 }] });
          await assert.rejects(engine.create(eventAt(1)), /still throttled after 3 attempts/);
          assert.equal(aws.emulator.requests().filter((r) => r.operation === "GetIntegration").length, 3);
        });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it(`without either, a call gets ${DEFAULT_MAX_ATTEMPTS} attempts, in standard mode unless AWS_RETRY_MODE says adaptive`, async () => {
      await withEnv({ AWS_MAX_ATTEMPTS: undefined, AWS_RETRY_MODE: undefined }, async () => {
        assert.equal(await maxAttemptsSetting(undefined)(), 12);
        const standard = retryStrategy(undefined, maxAttemptsSetting(undefined));
        await standard.acquireInitialRetryToken("");
        assert.equal(standard.mode, "standard");
      });
      await withEnv({ AWS_RETRY_MODE: "adaptive" }, async () => {
        const adaptive = retryStrategy(undefined, maxAttemptsSetting(undefined));
        await adaptive.acquireInitialRetryToken("");
        assert.equal(adaptive.mode, "adaptive");
      });
    });

    it("an AWS_MAX_ATTEMPTS that is not a number of attempts is named", async () => {
      await withEnv({ AWS_MAX_ATTEMPTS: "many" }, async () => {
        const engine = await Engine.start();
        await assert.rejects(
          engine.create(eventAt(1)),
          /AWS_MAX_ATTEMPTS \(or max_attempts in the AWS config file\) must be a whole number of attempts, 1 or more; it is "many"/,
        );
      });
    });
  });
});
