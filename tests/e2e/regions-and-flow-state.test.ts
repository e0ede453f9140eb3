import { strict as assert } from "assert";
import { ListIntegrationsCommand } from "@aws-sdk/client-customer-profiles";
import { DescribeFlowCommand, StopFlowCommand } from "@aws-sdk/client-appflow";
import type { NewFlowStatus } from "../../emulator";
import { E2E_TEST_TIMEOUT, useE2E } from "../support/e2e";
import { stepsOf } from "../../testing/pulumi";
import { EXAMPLE_URIS, FIXTURE_OBJECT_TYPES, integrationsIn, writes } from "../../testing/local-aws";
import { clientsFor, createDomainWithObjectTypes } from "../support/emulator-harness";

/**
 * With the real pulumi CLI against one local endpoint that keeps state per region: a region change
 * replaces an integration end to end, and a scheduled flow's desired state converges whatever
 * state a new flow is left in.
 */
describe("Regions and flow states, with the real pulumi CLI against the local endpoint", function () {
  this.timeout(E2E_TEST_TIMEOUT);
  this.slow(30_000);
  const e2e = useE2E({ examples: ["quickstart", "salesforce"] });
  const inRegion = (region: string) => clientsFor(e2e.aws.emulator, { region });

  it("an aws:region change replaces the integration: created in the new region, then deleted from the old", async () => {
    const eu = inRegion("eu-west-1");
    await createDomainWithObjectTypes(eu.customerProfiles, "retail", FIXTURE_OBJECT_TYPES);
    const stack = await e2e.stack("quickstart");
    const created = (await stack.up()).steps[0].newOutputs!;
    assert.equal(created.uri, EXAMPLE_URIS.quickstart);

    await stack.setConfig({ "aws:region": "eu-west-1" });
    e2e.aws.emulator.clearRequests();
    const preview = await stack.preview();
    assert.deepEqual(stepsOf(preview), [["customers-from-s3", "replace"]]);
    assert.deepEqual(writes(e2e.aws), [], "preview writes nothing");

    const up = await stack.up();
    assert.deepEqual(stepsOf(up), [
      ["customers-from-s3", "create-replacement"],
      ["customers-from-s3", "replace"],
      ["customers-from-s3", "delete-replaced"],
    ]);
    const calls = writes(e2e.aws).map((r) => `${r.operation} ${r.region}`);
    assert.deepEqual(
      calls,
      ["PutIntegration eu-west-1", "DeleteIntegration us-east-1"],
      "create-before-delete: flow names are unique per region only",
    );
    const moved = up.steps.find((s) => s.op === "create-replacement")!.newOutputs!;
    assert.equal(moved.region, "eu-west-1");
    assert.equal(moved.uri, "arn:aws:appflow:eu-west-1:123456789012:flow/customers-from-s3");
    assert.equal(
      moved.arn,
      "arn:aws:profile:eu-west-1:123456789012:domains/retail/integrations/arn:aws:appflow:eu-west-1:123456789012:flow/customers-from-s3",
    );
    assert.deepEqual(await integrationsIn(e2e.aws, "retail"), [], "nothing is left in us-east-1");
    const there = await eu.customerProfiles.send(new ListIntegrationsCommand({ DomainName: "retail" }));
    assert.deepEqual(
      there.Items?.map((i) => i.Uri),
      [moved.uri],
    );

    await stack.refresh();
    await stack.preview({ expectNoChanges: true });
    e2e.aws.emulator.clearRequests();
    await stack.destroy();
    assert.deepEqual(
      writes(e2e.aws).map((r) => `${r.operation} ${r.region}`),
      ["DeleteIntegration eu-west-1"],
    );
    eu.customerProfiles.destroy();
    eu.appflow.destroy();
    eu.sts.destroy();
  });

  for (const newFlowStatus of ["Draft", "Active"] as NewFlowStatus[]) {
    it(`a scheduled flow left ${newFlowStatus} when created is kept running, and started again after a refresh finds it suspended`, async () => {
      e2e.aws.emulator.setBehaviour({ newFlowStatus });
      const stack = await e2e.stack("salesforce", { desiredFlowState: "running" });
      const up = await stack.up();
      assert.equal(up.steps[0].newOutputs!.flowStatus, "Active");
      const flow = () => e2e.aws.appflow.send(new DescribeFlowCommand({ flowName: "salesforce-contacts" }));
      assert.equal((await flow()).flowStatus, "Active");
      const starts = e2e.aws.emulator.requests().filter((r) => r.operation === "StartFlow").length;
      assert.equal(starts, newFlowStatus === "Draft" ? 1 : 0);

      await e2e.aws.appflow.send(new StopFlowCommand({ flowName: "salesforce-contacts" }));
      // The refresh reads the flow with the DescribeFlow it always makes; the up then has one thing to do.
      await stack.refresh();
      e2e.aws.emulator.clearRequests();
      const again = await stack.up();
      assert.deepEqual(stepsOf(again), [["salesforce-contacts", "update"]]);
      assert.deepEqual(
        writes(e2e.aws).map((r) => r.operation),
        ["StartFlow"],
      );
      assert.equal((await flow()).flowStatus, "Active");
      await stack.preview({ expectNoChanges: true });
      await stack.destroy();
    });
  }
});
