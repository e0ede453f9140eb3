import { strict as assert } from "assert";
import type { FlowDefinitionConflict } from "../../emulator";
import { E2E_TEST_TIMEOUT, useE2E } from "../support/e2e";
import { stepsOf } from "../../testing/pulumi";
import { describeFlow, EXAMPLE_URIS, getIntegration } from "../../testing/local-aws";

/**
 * A flow integration changed with the real pulumi CLI, under both things the endpoint can do
 * with a PutIntegration whose FlowDefinition names a flow that exists: refuse it as AWS is
 * documented to (`Conflict executing request: Flow with name X already exists.`, the default)
 * or update the flow ("upsert"). Either way `pulumi up` converges in at most 3 calls, and a
 * refresh afterwards finds nothing to change.
 */
describe("Flow changes with the real pulumi CLI converge whichever way the endpoint treats an existing flow", function () {
  this.timeout(E2E_TEST_TIMEOUT);
  this.slow(30_000);
  const e2e = useE2E({ examples: ["quickstart"] });

  const operations = () => e2e.aws.emulator.requests().map((r) => r.operation);

  for (const behaviour of ["conflict", "upsert"] as FlowDefinitionConflict[]) {
    it(`under "${behaviour}": a flow change is DescribeFlow + UpdateFlow, an attribute change a PutIntegration without FlowDefinition, and both converge`, async () => {
      e2e.aws.emulator.setBehaviour({ flowDefinitionConflict: behaviour });
      const stack = await e2e.stack("quickstart");
      const created = (await stack.up()).steps[0].newOutputs!;

      // The flow: where the S3 source reads from.
      await stack.setConfig({ bucketPrefix: "customers/2027/" });
      e2e.aws.emulator.clearRequests();
      const flowUp = await stack.up();
      assert.deepEqual(stepsOf(flowUp), [["customers-from-s3", "update"]]);
      assert.deepEqual(operations(), ["DescribeFlow", "UpdateFlow"]);
      assert.ok(e2e.aws.emulator.requests().every((r) => r.status === 200));
      const update = e2e.aws.emulator.requests()[1].input!;
      assert.equal(update.flowName, "customers-from-s3");
      assert.deepEqual(update.destinationFlowConfigList, [
        {
          connectorType: "CustomerProfiles",
          destinationConnectorProperties: { CustomerProfiles: { domainName: "retail", objectTypeName: "CustomerCsv" } },
        },
      ]);
      const flow = await describeFlow(e2e.aws, "customers-from-s3");
      assert.equal(flow.sourceFlowConfig?.sourceConnectorProperties?.S3?.bucketPrefix, "customers/2027/");
      assert.equal(flowUp.steps[0].newOutputs!.createdAt, created.createdAt);

      // An attribute of the integration: the object type its records are stored as.
      await stack.setConfig({ objectTypeName: "SegmentProfile" });
      e2e.aws.emulator.clearRequests();
      const attributeUp = await stack.up();
      assert.deepEqual(stepsOf(attributeUp), [["customers-from-s3", "update"]]);
      assert.deepEqual(operations(), ["GetIntegration", "PutIntegration"]);
      const put = e2e.aws.emulator.requests()[1];
      assert.equal(put.status, 200);
      assert.equal(put.input!.FlowDefinition, undefined, "a flow that exists is never sent again");
      assert.equal(put.input!.Uri, EXAMPLE_URIS.quickstart);
      assert.equal((await getIntegration(e2e.aws, "retail", EXAMPLE_URIS.quickstart))?.ObjectTypeName, "SegmentProfile");

      // What AWS now holds is the program: a refresh and a preview find nothing to change.
      await stack.refresh();
      e2e.aws.emulator.clearRequests();
      await stack.preview({ expectNoChanges: true });
      assert.deepEqual(
        operations().filter((o) => !/^(Get|List|Describe)/.test(o)),
        [],
      );
    });
  }
});
