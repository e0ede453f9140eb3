import { strict as assert } from "assert";
import { GetIntegrationCommand } from "@aws-sdk/client-customer-profiles";
import { DeleteFlowCommand, DescribeFlowCommand } from "@aws-sdk/client-appflow";
import type { IntegrationProvider } from "../../../provider";
import type { FlowDefinitionConflict } from "../../../emulator";
import type { IntegrationInputs, IntegrationOutputs } from "../../../sdk/types";
import { useEmulator, operations } from "../../support/aws-env";
import { seedConnectorProfile, seedRetailDomain } from "../../../testing/local-aws";
import { s3FlowIntegration, salesforceFlowIntegration } from "../../support/fixtures";
import { Engine } from "../../support/provider-driver";

/**
 * Changing a flow integration, under both things AWS may do with a FlowDefinition whose flow
 * exists: refuse it (`Conflict executing request: Flow with name X already exists.`, the
 * endpoint's default, as the CloudFormation handler's CreateHandlerTest documents) or update the
 * flow (the endpoint's "upsert"). The provider must converge under both, in at most 3 calls.
 */
describe("Flow integration updates converge whichever way PutIntegration treats an existing flow (local endpoint, real SDK)", function () {
  const aws = useEmulator();
  let engine: Engine;
  let provider: IntegrationProvider;

  const create = (inputs: IntegrationInputs) => engine.create(inputs);
  /** An in-place update, as the engine makes it. */
  const update = (id: string, olds: IntegrationOutputs, inputs: IntegrationInputs) => engine.update(id, olds, inputs);

  /** After the update, what AWS holds reads back as the program: refresh then `up` has nothing to do. */
  async function assertConverged(id: string, outs: IntegrationOutputs, program: IntegrationInputs) {
    const read = await provider.read!(id, outs);
    const checked = await provider.check(read.props!, program as never);
    const d = await provider.diff(id, read.props!, checked.inputs!);
    assert.equal(d.changes, false, "no diff after refresh");
  }

  const withSchedule = (expression: string) => {
    const changed = salesforceFlowIntegration();
    changed.flowDefinition!.description = "Contacts from Salesforce, every 2 hours";
    changed.flowDefinition!.triggerConfig.triggerProperties!.scheduled!.scheduleExpression = expression;
    return changed;
  };

  for (const behaviour of ["conflict", "upsert"] as FlowDefinitionConflict[]) {
    describe(`with the endpoint's flowDefinitionConflict "${behaviour}"`, () => {
      beforeEach(async () => {
        aws.emulator.reset();
        aws.emulator.setBehaviour({ flowDefinitionConflict: behaviour });
        await seedRetailDomain(aws);
        await seedConnectorProfile(aws, "salesforce-prod", "Salesforce");
        engine = await Engine.start();
        provider = engine.provider;
      });

      it("a flow change is DescribeFlow + UpdateFlow (2 calls), keeps the service's destination, and converges", async () => {
        const { id, outs } = await create(salesforceFlowIntegration());
        const destination = (await aws.appflow.send(new DescribeFlowCommand({ flowName: "salesforce-contacts" })))
          .destinationFlowConfigList;
        aws.emulator.clearRequests();
        const program = withSchedule("rate(2hours)");
        const after = await update(id, outs, program);
        assert.deepEqual(operations(aws), ["DescribeFlow", "UpdateFlow"]);
        assert.ok(aws.emulator.requests().every((r) => r.status === 200));
        const flow = await aws.appflow.send(new DescribeFlowCommand({ flowName: "salesforce-contacts" }));
        assert.equal(flow.triggerConfig?.triggerProperties?.Scheduled?.scheduleExpression, "rate(2hours)");
        assert.equal(flow.description, "Contacts from Salesforce, every 2 hours");
        assert.deepEqual(flow.destinationFlowConfigList, destination);
        assert.equal(flow.kmsArn, program.flowDefinition!.kmsArn);
        assert.equal(after.flowDefinition!.triggerConfig.triggerProperties!.scheduled!.scheduleExpression, "rate(2hours)");
        await assertConverged(id, after, program);
      });

      it("an attribute-only change of a flow integration is GetIntegration + PutIntegration without FlowDefinition; the flow is untouched", async () => {
        const { id, outs } = await create(salesforceFlowIntegration());
        const flowBefore = await aws.appflow.send(new DescribeFlowCommand({ flowName: "salesforce-contacts" }));
        aws.emulator.clearRequests();
        const program = salesforceFlowIntegration({ scope: "DOMAIN", roleArn: "arn:aws:iam::123456789012:role/Other" });
        const after = await update(id, outs, program);
        assert.deepEqual(operations(aws), ["GetIntegration", "PutIntegration"]);
        const put = aws.emulator.requests()[1];
        assert.equal(put.status, 200);
        assert.equal(put.input!.FlowDefinition, undefined);
        assert.equal(put.input!.Uri, outs.uri);
        assert.equal(put.input!.Scope, "DOMAIN");
        const held = await aws.customerProfiles.send(new GetIntegrationCommand({ DomainName: "retail", Uri: outs.uri }));
        assert.equal(held.Scope, "DOMAIN");
        assert.equal(held.RoleArn, "arn:aws:iam::123456789012:role/Other");
        const flowAfter = await aws.appflow.send(new DescribeFlowCommand({ flowName: "salesforce-contacts" }));
        assert.equal(flowAfter.lastUpdatedAt?.getTime(), flowBefore.lastUpdatedAt?.getTime());
        assert.equal(after.scope, "DOMAIN");
        await assertConverged(id, after, program);
      });

      it("a flow and attribute change together is DescribeFlow + UpdateFlow + PutIntegration (3 calls) and converges", async () => {
        const { id, outs } = await create(s3FlowIntegration());
        aws.emulator.clearRequests();
        const program = s3FlowIntegration({ objectTypeName: "SalesforceContact" });
        program.flowDefinition!.sourceFlowConfig.sourceConnectorProperties = {
          s3: { bucketName: "retail-exports", bucketPrefix: "customers/2027/" },
        };
        const after = await update(id, outs, program);
        assert.deepEqual(operations(aws), ["DescribeFlow", "UpdateFlow", "PutIntegration"]);
        assert.equal(aws.emulator.requests()[2].input!.FlowDefinition, undefined);
        const flow = await aws.appflow.send(new DescribeFlowCommand({ flowName: "customers-from-s3" }));
        assert.equal(flow.sourceFlowConfig?.sourceConnectorProperties?.S3?.bucketPrefix, "customers/2027/");
        const held = await aws.customerProfiles.send(new GetIntegrationCommand({ DomainName: "retail", Uri: outs.uri }));
        assert.equal(held.ObjectTypeName, "SalesforceContact");
        await assertConverged(id, after, program);
      });

      it("a flow change after the flow was deleted outside Pulumi says to refresh, and writes nothing", async () => {
        const { id, outs } = await create(s3FlowIntegration());
        await aws.appflow.send(new DeleteFlowCommand({ flowName: "customers-from-s3" }));
        aws.emulator.clearRequests();
        const program = s3FlowIntegration();
        program.flowDefinition!.triggerConfig = {
          triggerType: "Scheduled",
          triggerProperties: { scheduled: { scheduleExpression: "rate(1days)" } },
        };
        await assert.rejects(update(id, outs, program), /flow "customers-from-s3" of integration .* no longer exists.*pulumi refresh/);
        assert.deepEqual(operations(aws), ["DescribeFlow"]);
      });
    });
  }

  describe("with the default endpoint", () => {
    beforeEach(async () => {
      aws.emulator.reset();
      await seedRetailDomain(aws);
      await seedConnectorProfile(aws, "salesforce-prod", "Salesforce");
      engine = await Engine.start();
      provider = engine.provider;
    });

    it("a new KMS key for the flow replaces the integration, old one first: AppFlow's UpdateFlow cannot change it", async () => {
      const { id, outs } = await create(s3FlowIntegration());
      const program = s3FlowIntegration();
      program.flowDefinition!.kmsArn = "arn:aws:kms:us-east-1:123456789012:key/abcd1234-12ab-34cd-56ef-1234567890ab";
      const d = await provider.diff(id, outs, (await provider.check(outs, program as never)).inputs!);
      assert.deepEqual(d.replaces, ["flowDefinition.kmsArn"]);
      assert.equal(d.deleteBeforeReplace, true);
    });

    it("an UpdateFlow that AppFlow refuses fails naming the call and the integration, and nothing else is written", async () => {
      const { id, outs } = await create(salesforceFlowIntegration());
      aws.emulator.clearRequests();
      const program = salesforceFlowIntegration();
      program.flowDefinition!.description = "a description only this spec uses";
      program.flowDefinition!.sourceFlowConfig.connectorProfileName = "salesforce-gone";
      // Straight to update: check would already refuse the unknown connector profile at preview.
      await assert.rejects(provider.update(id, outs, program as never), (err: Error) => {
        assert.match(
          err.message,
          /AppFlow UpdateFlow in us-east-1 for domain "retail" and integration "arn:aws:appflow:us-east-1:123456789012:flow\/salesforce-contacts"/,
        );
        assert.match(err.message, /salesforce-gone/);
        assert.ok(!err.message.includes("a description only this spec uses"));
        return true;
      });
      assert.deepEqual(operations(aws), ["DescribeFlow", "UpdateFlow"]);
    });

    it("ObjectTypeName _unstructured passes check with no such object type, and the integration reports isUnstructured", async () => {
      // The API model documents `_unstructured` (IsUnstructured, botocore customer-profiles-2020-08-15).
      const { outs } = await create(s3FlowIntegration({ objectTypeName: "_unstructured" }));
      assert.equal(outs.isUnstructured, true);
      const held = await aws.customerProfiles.send(new GetIntegrationCommand({ DomainName: "retail", Uri: outs.uri }));
      assert.equal(held.IsUnstructured, true);
    });

    it("with adoptExisting, a flow integration whose flow differs from the program is brought to it with UpdateFlow", async () => {
      await create(s3FlowIntegration());
      aws.emulator.clearRequests();
      const program = s3FlowIntegration({ adoptExisting: true });
      program.flowDefinition!.tasks = [{ sourceFields: ["email"], connectorOperator: { s3: "PROJECTION" }, taskType: "Filter" }];
      const { outs } = await create(program);
      assert.deepEqual(
        operations(aws).filter((o) => !/^(Get|Describe)/.test(o)),
        ["UpdateFlow"],
      );
      const flow = await aws.appflow.send(new DescribeFlowCommand({ flowName: "customers-from-s3" }));
      assert.deepEqual(flow.tasks?.[0].sourceFields, ["email"]);
      assert.deepEqual(outs.flowDefinition!.tasks[0].sourceFields, ["email"]);
    });
  });
});
