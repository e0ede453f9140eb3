import { strict as assert } from "assert";
import { GetIntegrationCommand } from "@aws-sdk/client-customer-profiles";
import { operations, WRITE_OPERATIONS } from "../../support/aws-env";
import type { IntegrationOutputs } from "../../../sdk/types";
import { eventAt, flowAt, useSeededEndpoint } from "./support";
import { Engine, IMPATIENT, SERIALIZED_PROVIDER, withEnv } from "../../support/provider-driver";
import { until } from "../../support/wait";

// The encoding Pulumi's dynamic provider puts a partial state through (ErrorResourceInitFailed).
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");

type PartialFailure = Error & { id?: string; properties?: Record<string, any>; reasons?: string[] };

/**
 * Partial failures: when an update wrote something and a later call failed, the error carries
 * the state as it now is — what the engine records — and the next update converges from it. The
 * state never claims a tag the integration does not have.
 */
describe("reliability: partial failures (local endpoint, real SDK)", function () {
  this.timeout(60_000);
  const aws = useSeededEndpoint();

  const tagsHeld = async (uri: string) =>
    (await aws.customerProfiles.send(new GetIntegrationCommand({ DomainName: "retail", Uri: uri }))).Tags;

  /** The update fails and hands over a partial state; checks what every partial state must be. */
  async function partialFrom(update: Promise<unknown>, id: string): Promise<PartialFailure & { properties: IntegrationOutputs }> {
    let failure: PartialFailure | undefined;
    await update.catch((e) => (failure = e));
    assert.ok(failure, "the update failed");
    assert.equal(failure.id, id);
    assert.deepEqual(failure.reasons, [failure.message]);
    assert.equal(failure.properties!.__provider, SERIALIZED_PROVIDER, "the partial state keeps the serialized provider");
    assert.deepEqual(Struct.fromJavaScript(failure.properties).toJavaScript(), failure.properties, "the engine can record it as is");
    return failure as PartialFailure & { properties: IntegrationOutputs };
  }

  it("PutIntegration written, TagResource failing: the error carries the new attributes and the old tags, and the next update converges", async () => {
    const engine = await Engine.start();
    const { id, outs } = await engine.create(eventAt(1));
    const desired = eventAt(1, { objectTypeNames: { ShopifyCreateOrders: "ShopifyOrder" }, tags: { team: "crm", n: "1", cost: "42" } });

    const failure = await withEnv({ AWS_MAX_ATTEMPTS: "2" }, async () => {
      aws.emulator.setFaults({ rules: [{ operation: "TagResource", errorRate: 1 }] });
      return partialFrom(engine.update(id, outs, desired), id);
    });
    aws.emulator.setFaults({});
    assert.match(failure.message, /Customer Profiles TagResource in us-east-1 for domain "retail"/);
    assert.deepEqual(failure.properties.objectTypeNames, desired.objectTypeNames, "the write that happened is recorded");
    assert.deepEqual(failure.properties.tags, { team: "crm", n: "1" });
    assert.deepEqual(failure.properties.tags, await tagsHeld(outs.uri), "the tags the integration has, no more");

    aws.emulator.clearRequests();
    const converged = await engine.update(id, failure.properties, desired);
    assert.deepEqual(
      operations(aws).filter((o) => WRITE_OPERATIONS.has(o)),
      ["TagResource"],
      "only what is missing is done",
    );
    assert.deepEqual(converged.tags, desired.tags);
    assert.deepEqual(await tagsHeld(outs.uri), desired.tags);
  });

  it("TagResource done, UntagResource refused: the state has the added tags and still the one not removed", async () => {
    const engine = await Engine.start();
    const { id, outs } = await engine.create(eventAt(1, { tags: { team: "crm", old: "x" } }));
    const desired = eventAt(1, { tags: { team: "crm", fresh: "y" } });

    const failure = await withEnv({ AWS_MAX_ATTEMPTS: "1" }, async () => {
      aws.emulator.setFaults({ rules: [{ operation: "UntagResource", throttleRate: 1 }] });
      return partialFrom(engine.update(id, outs, desired), id);
    });
    aws.emulator.setFaults({});
    assert.deepEqual(failure.properties.tags, { team: "crm", old: "x", fresh: "y" });
    assert.deepEqual(failure.properties.tags, await tagsHeld(outs.uri));

    aws.emulator.clearRequests();
    await engine.update(id, failure.properties, desired);
    assert.deepEqual(operations(aws), ["UntagResource"]);
    assert.deepEqual(await tagsHeld(outs.uri), desired.tags);
  });

  it("an UntagResource that landed though its answers were lost: the update succeeds and records the tag as removed", async () => {
    const engine = await Engine.start();
    const { id, outs } = await engine.create(eventAt(1, { tags: { team: "crm", old: "x" } }));
    const desired = eventAt(1, { tags: { team: "crm" } });
    // Each attempt lands 400 ms after it arrives, after the client gave up at 250 ms; the first
    // has landed before the third times out and the tags are read back.
    const state = await withEnv(IMPATIENT, async () => {
      aws.emulator.setFaults({ rules: [{ operation: "UntagResource", latencyMs: 400 }] });
      return engine.update(id, outs, desired);
    });
    await until(() => aws.emulator.requests().filter((r) => r.operation === "UntagResource").length === 3, "every attempt landed");
    assert.deepEqual(state.tags, { team: "crm" });
    assert.deepEqual(await tagsHeld(outs.uri), { team: "crm" });
    assert.equal((await engine.diff(id, state, desired)).changes, false, "nothing left to do");
  });

  it("a tag call whose answer is lost and whose read-back fails too: the state claims none of the uncertain tags, and the next update sets them", async () => {
    const engine = await Engine.start();
    const { id, outs } = await engine.create(eventAt(1, { tags: { team: "crm", n: "1" } }));
    const desired = eventAt(1, { tags: { team: "ops", n: "1", fresh: "y" } });

    const failure = await withEnv(IMPATIENT, async () => {
      aws.emulator.setFaults({
        rules: [
          { operation: "TagResource", hangRate: 1 },
          { operation: "GetIntegration", hangRate: 1 },
        ],
      });
      return partialFrom(engine.update(id, outs, desired), id);
    });
    aws.emulator.setFaults({});
    assert.deepEqual(failure.properties.tags, { n: "1" });
    const held = (await tagsHeld(outs.uri))!;
    for (const [k, v] of Object.entries(failure.properties.tags ?? {})) assert.equal(held[k], v, `the integration has ${k}=${v}`);

    await engine.update(id, failure.properties, desired);
    assert.deepEqual(await tagsHeld(outs.uri), desired.tags);
  });

  it("an update whose PutIntegration fails records nothing new; the next update converges", async () => {
    const engine = await Engine.start();
    const { id, outs } = await engine.create(eventAt(1));
    const desired = eventAt(1, { objectTypeNames: { ShopifyCreateOrders: "ShopifyOrder" }, tags: { team: "ops", n: "1" } });
    await withEnv({ AWS_MAX_ATTEMPTS: "2" }, async () => {
      aws.emulator.setFaults({ rules: [{ operation: "PutIntegration", errorRate: 1 }] });
      await assert.rejects(engine.update(id, outs, desired), (err: PartialFailure) => {
        assert.match(err.message, /PutIntegration in us-east-1 for domain "retail" \(object type "ShopifyOrder"\)/);
        assert.equal(err.id, undefined, "the state as it was stands");
        return true;
      });
    });
    aws.emulator.setFaults({});
    assert.ok(!operations(aws).some((o) => o === "TagResource" || o === "UntagResource"), "no tag call after the failed write");
    const state = await engine.update(id, outs, desired);
    assert.deepEqual(state.objectTypeNames, desired.objectTypeNames);
    assert.deepEqual(await tagsHeld(outs.uri), desired.tags);
  });

  describe("create", () => {
    it("asks STS before writing: when STS fails nothing is written, and no state is recorded", async () => {
      await withEnv({ AWS_MAX_ATTEMPTS: "2" }, async () => {
        const engine = await Engine.start();
        aws.emulator.setFaults({ rules: [{ service: "sts", errorRate: 1 }] });
        for (const inputs of [eventAt(1), flowAt(1)]) {
          await assert.rejects(engine.create(inputs), (err: PartialFailure) => {
            assert.match(err.message, /STS GetCallerIdentity in us-east-1 failed/);
            assert.equal(err.id, undefined);
            return true;
          });
        }
      });
      assert.deepEqual(
        operations(aws).filter((o) => WRITE_OPERATIONS.has(o)),
        [],
      );
      assert.deepEqual(
        operations(aws).filter((o) => o !== "GetCallerIdentity"),
        [],
        "nothing asked of Customer Profiles or AppFlow either",
      );
    });

    it("a PutIntegration the service refuses records nothing and says why", async () => {
      const engine = await Engine.start();
      await assert.rejects(
        engine.create(eventAt(1, { domainName: "no-such-domain", objectTypeNames: { ShopifyCreateOrders: "ShopifyOrder" } })),
        (err: PartialFailure) => {
          assert.match(err.message, /PutIntegration in us-east-1 for domain "no-such-domain" \(object type "ShopifyOrder"\)/);
          assert.match(err.message, /Domain no-such-domain does not exist/);
          assert.equal(err.id, undefined);
          return true;
        },
      );
    });
  });
});
