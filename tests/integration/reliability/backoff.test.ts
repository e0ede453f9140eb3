import { strict as assert } from "assert";
import { MAX_BACKOFF_ENV } from "../../../provider/retry";
import { Engine, withEnv } from "../../support/provider-driver";
import { eventAt, useSeededEndpoint } from "./support";

/**
 * PULUMI_CUSTOMER_PROFILES_MAX_BACKOFF_MS caps the wait before each retry (the SDK's own cap is
 * 20 s): the attempts stay the same, only the waiting between them shrinks.
 */
describe("reliability: the backoff cap (local endpoint, real SDK)", function () {
  this.timeout(120_000);
  const aws = useSeededEndpoint();

  const throttledCreate = async (env: Record<string, string | undefined>) =>
    withEnv({ AWS_MAX_ATTEMPTS: "6", ...env }, async () => {
      const engine = await Engine.start();
      aws.emulator.setFaults({ rules: [{ operation: "GetIntegration", throttleRate: 1 }] });
      const started = Date.now();
      await assert.rejects(engine.create(eventAt(1)), /still throttled after 6 attempts/);
      return { ms: Date.now() - started, attempts: aws.emulator.requests().filter((r) => r.operation === "GetIntegration").length };
    });

  it("a cap of 0 keeps every attempt and drops the waiting: 6 throttled attempts well inside the SDK's first seconds of backoff", async () => {
    const { ms, attempts } = await throttledCreate({ [MAX_BACKOFF_ENV]: "0" });
    assert.equal(attempts, 6);
    // Uncapped, the SDK waits a random 0–1, 0–2, 0–4, 0–8 and 0–16 s after a throttle: 15.5 s on average.
    assert.ok(ms < 5_000, `took ${ms} ms`);
  });

  it("a value that is not a whole number of milliseconds is named, not ignored", async () => {
    await withEnv({ [MAX_BACKOFF_ENV]: "soon" }, async () => {
      const engine = await Engine.start();
      await assert.rejects(
        engine.create(eventAt(1)),
        /PULUMI_CUSTOMER_PROFILES_MAX_BACKOFF_MS must be a whole number of milliseconds, 0 or more; it is "soon"/,
      );
    });
  });
});
