import { strict as assert } from "assert";
import { E2E_TEST_TIMEOUT, useE2E } from "../support/e2e";
import { changedInputs, stepsOf } from "../../testing/pulumi";
import { describeFlow, EXAMPLE_URIS, flowNames, getIntegration, integrationsIn, writes } from "../../testing/local-aws";

describe("Changing a deployed program, with the real pulumi CLI against the local endpoint", function () {
  this.timeout(E2E_TEST_TIMEOUT);
  this.slow(30_000);
  const e2e = useE2E({ examples: ["quickstart", "events"], domains: ["retail", "retail-eu"] });

  it("a tags-only change updates in place with TagResource and UntagResource only: the integration is never rewritten", async () => {
    const stack = await e2e.stack("quickstart", { tags: { team: "crm", env: "dev" } });
    const created = (await stack.up()).steps[0].newOutputs!;
    await stack.setConfig({ tags: { team: "data", owner: "ana" } });
    e2e.aws.emulator.clearRequests();

    const preview = await stack.preview();
    assert.deepEqual(stepsOf(preview), [["customers-from-s3", "update"]]);
    assert.deepEqual(changedInputs(preview.steps[0]), ["tags"]);
    assert.deepEqual(writes(e2e.aws), [], "preview writes nothing");

    const up = await stack.up();
    assert.deepEqual(stepsOf(up), [["customers-from-s3", "update"]]);
    const [tag, untag, ...rest] = writes(e2e.aws);
    assert.deepEqual(rest, [], "nothing but one TagResource and one UntagResource");
    assert.equal(tag.operation, "TagResource");
    assert.equal(tag.input!.resourceArn, created.arn);
    assert.deepEqual(tag.input!.tags, { team: "data", owner: "ana" });
    assert.equal(untag.operation, "UntagResource");
    assert.equal(untag.input!.resourceArn, created.arn);
    assert.deepEqual(untag.input!.tagKeys, ["env"]);
    const integration = await getIntegration(e2e.aws, "retail", EXAMPLE_URIS.quickstart);
    assert.deepEqual(integration?.Tags, { team: "data", owner: "ana" });
    assert.equal(integration?.LastUpdatedAt?.toISOString(), created.lastUpdatedAt, "the integration itself was not written");
  });

  it("a flow change updates in place with one AppFlow UpdateFlow carrying the whole new flow definition", async () => {
    const stack = await e2e.stack("quickstart");
    const created = (await stack.up()).steps[0].newOutputs!;
    await stack.setConfig({ bucketPrefix: "customers/2027/" });
    e2e.aws.emulator.clearRequests();

    const up = await stack.up();
    assert.deepEqual(stepsOf(up), [["customers-from-s3", "update"]]);
    const [update, ...rest] = writes(e2e.aws);
    assert.deepEqual(rest, [], "nothing but one UpdateFlow (flow-updates.test.ts covers why)");
    assert.equal(update.operation, "UpdateFlow");
    assert.equal(update.input!.flowName, "customers-from-s3");
    assert.deepEqual(update.input!.sourceFlowConfig, {
      connectorType: "S3",
      sourceConnectorProperties: { S3: { bucketName: "retail-exports", bucketPrefix: "customers/2027/" } },
    });
    assert.deepEqual(update.input!.tasks, [
      { taskType: "Filter", sourceFields: ["email", "name"], connectorOperator: { S3: "PROJECTION" } },
    ]);
    assert.deepEqual(update.input!.triggerConfig, { triggerType: "OnDemand" });

    const described = await describeFlow(e2e.aws, "customers-from-s3");
    assert.equal(described.sourceFlowConfig?.sourceConnectorProperties?.S3?.bucketPrefix, "customers/2027/");
    const updated = up.steps[0].newOutputs!;
    assert.equal(updated.createdAt, created.createdAt);
    assert.equal(updated.flowDefinition.sourceFlowConfig.sourceConnectorProperties.s3.bucketPrefix, "customers/2027/");
  });

  it("a domainName change replaces integrations that name their URI: each is created in the new domain, then deleted from the old", async () => {
    const stack = await e2e.stack("events");
    await stack.up();
    await stack.setConfig({ domainName: "retail-eu" });
    e2e.aws.emulator.clearRequests();

    const preview = await stack.preview();
    assert.deepEqual(stepsOf(preview), [
      ["segment-identify", "replace"],
      ["shopify-orders", "replace"],
    ]);
    assert.deepEqual(writes(e2e.aws), [], "preview writes nothing");

    await stack.up();
    const calls = writes(e2e.aws).map((r) => `${r.operation} ${r.input!.DomainName} ${r.input!.Uri}`);
    assert.deepEqual(calls.slice(0, 2).sort(), [
      `PutIntegration retail-eu ${EXAMPLE_URIS.segmentIdentify}`,
      `PutIntegration retail-eu ${EXAMPLE_URIS.shopifyOrders}`,
    ]);
    assert.deepEqual(calls.slice(2).sort(), [
      `DeleteIntegration retail ${EXAMPLE_URIS.segmentIdentify}`,
      `DeleteIntegration retail ${EXAMPLE_URIS.shopifyOrders}`,
    ]);
    assert.deepEqual(await integrationsIn(e2e.aws, "retail"), []);
    assert.deepEqual((await integrationsIn(e2e.aws, "retail-eu")).map((i) => i.Uri).sort(), [
      EXAMPLE_URIS.segmentIdentify,
      EXAMPLE_URIS.shopifyOrders,
    ]);
  });

  it("a domainName change replaces a flow integration: the old one and its flow go first, since the new flow takes the same name", async () => {
    const stack = await e2e.stack("quickstart");
    await stack.up();
    await stack.setConfig({ domainName: "retail-eu" });
    e2e.aws.emulator.clearRequests();

    const up = await stack.up({ mayFail: true });
    assert.deepEqual(up.errors, [], "the replacement succeeds");
    assert.deepEqual(
      writes(e2e.aws).map((r) => `${r.operation} ${r.input!.DomainName}`),
      ["DeleteIntegration retail", "PutIntegration retail-eu"],
    );
    assert.deepEqual(await integrationsIn(e2e.aws, "retail"), []);
    assert.deepEqual(
      (await integrationsIn(e2e.aws, "retail-eu")).map((i) => i.Uri),
      [EXAMPLE_URIS.quickstart],
    );
    assert.deepEqual(await flowNames(e2e.aws), ["customers-from-s3"]);
  });
});
