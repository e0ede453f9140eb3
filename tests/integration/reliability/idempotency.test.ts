import { strict as assert } from "assert";
import { DeleteIntegrationCommand } from "@aws-sdk/client-customer-profiles";
import { operations, WRITE_OPERATIONS } from "../../support/aws-env";
import { eventAt, flowAt, integrationsIn, useSeededEndpoint } from "./support";
import { Engine, IMPATIENT, withEnv } from "../../support/provider-driver";
import { until } from "../../support/wait";

const THROTTLED = { seed: 11, rules: [{ throttleRate: 0.3 }] };

/**
 * Idempotency, under throttling so that every answer may come from a retry: deleting what is
 * gone succeeds, creating what exists is refused with the import hint, updating what was deleted
 * outside Pulumi says to refresh.
 */
describe("reliability: repeated and stale operations (local endpoint, real SDK)", function () {
  this.timeout(120_000);
  const aws = useSeededEndpoint();
  let engine: Engine;

  beforeEach(async () => {
    engine = await Engine.start();
  });

  it("deleting an integration already deleted succeeds, and deletes nothing else", async () => {
    const a = await engine.create(eventAt(1));
    const b = await engine.create(eventAt(2));
    await aws.customerProfiles.send(new DeleteIntegrationCommand({ DomainName: "retail", Uri: a.outs.uri }));
    aws.emulator.setFaults(THROTTLED);
    await engine.delete(a.id, a.outs);
    await engine.delete(a.id, a.outs);
    aws.emulator.setFaults({});
    assert.deepEqual(
      (await integrationsIn(aws.customerProfiles, "retail")).map((i) => i.Uri),
      [b.outs.uri],
    );
  });

  it("a delete that landed though its answers were lost succeeds", async () => {
    const { id, outs } = await engine.create(eventAt(1));
    // Every attempt lands 400 ms after it arrives, after the client gave up at 250 ms.
    await withEnv(IMPATIENT, async () => {
      aws.emulator.setFaults({ rules: [{ operation: "DeleteIntegration", latencyMs: 400 }] });
      await (await Engine.start()).delete(id, outs);
    });
    await until(() => aws.emulator.requests().filter((r) => r.operation === "DeleteIntegration").length === 3, "every attempt landed");
    assert.deepEqual(await integrationsIn(aws.customerProfiles, "retail"), []);
  });

  it("a delete that never reached the service fails, and the integration stays in the state's hands", async () => {
    const { id, outs } = await engine.create(eventAt(1));
    await withEnv(IMPATIENT, async () => {
      aws.emulator.setFaults({ rules: [{ operation: "DeleteIntegration", hangRate: 1 }] });
      await assert.rejects((await Engine.start()).delete(id, outs), /No answer from .* for Customer Profiles DeleteIntegration/);
    });
    assert.equal((await integrationsIn(aws.customerProfiles, "retail")).length, 1);
  });

  it("creating an integration that already exists is refused with the adoption hint, and writes nothing", async () => {
    await engine.create(eventAt(1));
    await engine.create(flowAt(1));
    aws.emulator.clearRequests();
    aws.emulator.setFaults(THROTTLED);
    await assert.rejects(engine.create(eventAt(1, { tags: { team: "other" } })), (err: Error) => {
      assert.match(err.message, /already exists in domain "retail" \(us-east-1\)/);
      assert.ok(err.message.includes("adoptExisting: true"), err.message);
      assert.ok(err.message.includes(`Integration.get("name", "retail/${eventAt(1).uri}")`), err.message);
      return true;
    });
    await assert.rejects(
      engine.create(flowAt(1)),
      /Integration "arn:aws:appflow:us-east-1:123456789012:flow\/customers-1" already exists in domain "retail" \(us-east-1\).*adoptExisting: true/,
    );
    aws.emulator.setFaults({});
    assert.deepEqual(
      operations(aws).filter((o) => WRITE_OPERATIONS.has(o)),
      [],
    );
  });

  it("updating an integration deleted outside Pulumi says to run `pulumi refresh`, and recreates nothing", async () => {
    const { id, outs } = await engine.create(eventAt(1));
    await aws.customerProfiles.send(new DeleteIntegrationCommand({ DomainName: "retail", Uri: outs.uri }));
    aws.emulator.clearRequests();
    aws.emulator.setFaults(THROTTLED);
    const refresh = /no longer exists: it was deleted outside Pulumi\. Run `pulumi refresh`/;
    await assert.rejects(engine.update(id, outs, eventAt(1, { objectTypeNames: { SegmentIdentify: "SegmentProfile" } })), refresh);
    await assert.rejects(engine.update(id, outs, eventAt(1, { tags: { team: "new" } })), refresh);
    await assert.rejects(engine.update(id, outs, eventAt(1, { tags: {} })), refresh);
    aws.emulator.setFaults({});
    assert.ok(!operations(aws).includes("PutIntegration"));
    assert.deepEqual(await integrationsIn(aws.customerProfiles, "retail"), []);
  });
});
