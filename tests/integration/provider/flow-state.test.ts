import { strict as assert } from "assert";
import { DescribeFlowCommand, StartFlowCommand, StopFlowCommand } from "@aws-sdk/client-appflow";
import type { NewFlowStatus } from "../../../emulator";
import type { IntegrationInputs, IntegrationOutputs } from "../../../sdk/types";
import { useEmulator, operations } from "../../support/aws-env";
import { seedConnectorProfile, seedRetailDomain } from "../../../testing/local-aws";
import { salesforceFlowIntegration } from "../../support/fixtures";
import { Engine } from "../../support/provider-driver";
import { captureWarnings } from "../../unit/validation/stubs";

/**
 * Flows users can see and steer: `flowStatus` and the last run as outputs, read by the DescribeFlow
 * refresh already makes; `desiredFlowState` reached with StartFlow/StopFlow on create, update and
 * the update after a refresh found the flow otherwise. No source says what state Customer Profiles
 * leaves a new scheduled flow in, so every spec runs under each state the endpoint can model.
 */
for (const newFlowStatus of ["Draft", "Active"] as NewFlowStatus[]) {
  describe(`flow state converges when a new scheduled flow is left ${newFlowStatus} (local endpoint, real SDK)`, function () {
    const aws = useEmulator();
    const warnings = captureWarnings();
    let steps: Engine;
    const status = async () => (await aws.appflow.send(new DescribeFlowCommand({ flowName: "salesforce-contacts" }))).flowStatus;
    const program = (desiredFlowState?: "running" | "suspended"): IntegrationInputs => ({
      ...salesforceFlowIntegration(),
      desiredFlowState,
    });

    beforeEach(async () => {
      aws.emulator.reset();
      aws.emulator.setBehaviour({ newFlowStatus });
      await seedRetailDomain(aws);
      await seedConnectorProfile(aws, "salesforce-prod", "Salesforce");
      steps = await Engine.start();
    });

    /** A refresh, then the diff `pulumi up` would make of the same program. */
    async function refreshAndDiff(id: string, outs: IntegrationOutputs, p: IntegrationInputs) {
      const read = await steps.read(id, outs);
      return { props: read.props as IntegrationOutputs, diff: await steps.diff(id, read.props!, p) };
    }

    it("create with desiredFlowState running leaves the flow Active and records it, starting it only when it is not", async () => {
      aws.emulator.clearRequests();
      const { id, outs } = await steps.create(program("running"));
      assert.equal(await status(), "Active");
      assert.equal(outs.flowStatus, "Active");
      const starts = operations(aws).filter((o) => o === "StartFlow").length;
      assert.equal(starts, newFlowStatus === "Active" ? 0 : 1);
      const { diff } = await refreshAndDiff(id, outs, program("running"));
      assert.equal(diff.changes, false, "converged: nothing to do after a refresh");
    });

    it("create without desiredFlowState leaves the flow as AWS leaves it, with no StartFlow/StopFlow", async () => {
      aws.emulator.clearRequests();
      const { id, outs } = await steps.create(program());
      assert.ok(!operations(aws).some((o) => o === "StartFlow" || o === "StopFlow"));
      assert.equal(await status(), newFlowStatus);
      const { props, diff } = await refreshAndDiff(id, outs, program());
      assert.equal(props.flowStatus, newFlowStatus, "refresh reads the status from the DescribeFlow it makes");
      assert.equal(diff.changes, false);
    });

    it("a refresh that finds the flow suspended shows it (flowStatus), and the next up starts it again", async () => {
      const { id, outs } = await steps.create(program("running"));
      await aws.appflow.send(new StopFlowCommand({ flowName: "salesforce-contacts" }));
      aws.emulator.clearRequests();
      const { props, diff } = await refreshAndDiff(id, outs, program("running"));
      assert.equal(props.flowStatus, "Suspended");
      assert.deepEqual(operations(aws), ["GetIntegration", "DescribeFlow"], "refresh makes no extra call for the status");
      assert.equal(diff.changes, true);
      assert.deepEqual(diff.replaces, []);
      aws.emulator.clearRequests();
      const { outs: after } = await steps.step(id, props, program("running"));
      assert.deepEqual(operations(aws), ["StartFlow"]);
      assert.equal(after.flowStatus, "Active");
      assert.equal(await status(), "Active");
      assert.equal((await refreshAndDiff(id, after, program("running"))).diff.changes, false);
    });

    it("without desiredFlowState, a suspended flow is a warning at diff, not a change", async () => {
      const { id, outs } = await steps.create(program());
      await aws.appflow.send(new StopFlowCommand({ flowName: "salesforce-contacts" }));
      const { diff } = await refreshAndDiff(id, outs, program());
      assert.equal(diff.changes, false);
      assert.ok(
        warnings.some((w) => /flow was Suspended when last read; set desiredFlowState/.test(w)),
        warnings.join("\n"),
      );
    });

    it("changing desiredFlowState to suspended stops the flow, with no PutIntegration or UpdateFlow", async () => {
      const { id, outs } = await steps.create(program("running"));
      aws.emulator.clearRequests();
      const { diff, outs: after } = await steps.step(id, outs, program("suspended"));
      assert.deepEqual(diff.replaces, []);
      assert.deepEqual(operations(aws), ["StopFlow"]);
      assert.equal(after.flowStatus, "Suspended");
      assert.equal(after.desiredFlowState, "suspended");
      await aws.appflow.send(new StartFlowCommand({ flowName: "salesforce-contacts" }));
      const { props, diff: again } = await refreshAndDiff(id, after, program("suspended"));
      assert.equal(props.flowStatus, "Active");
      assert.equal(again.changes, true, "a flow started outside Pulumi is brought back to suspended");
    });

    it("a flow change keeps the desired state: UpdateFlow, then the status is read and kept", async () => {
      const { id, outs } = await steps.create(program("suspended"));
      const changed = program("suspended");
      changed.flowDefinition!.description = "Contacts, changed";
      aws.emulator.clearRequests();
      const { outs: after } = await steps.step(id, outs, changed);
      assert.deepEqual(operations(aws), ["DescribeFlow", "UpdateFlow", "DescribeFlow"]);
      assert.equal(after.flowStatus, "Suspended");
      assert.equal(await status(), "Suspended");
    });
  });
}
