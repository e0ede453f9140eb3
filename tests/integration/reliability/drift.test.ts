import { strict as assert } from "assert";
import {
  GetIntegrationCommand,
  PutIntegrationCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type FlowDefinition,
} from "@aws-sdk/client-customer-profiles";
import { eventIntegration, salesforceFlowIntegration } from "../../support/fixtures";
import type { IntegrationOutputs } from "../../../sdk/types";
import { useSeededEndpoint } from "./support";
import { Engine } from "../../support/provider-driver";

/** The flow of salesforceFlowIntegration() with its trigger, tasks and source changed, as a console user would. */
const EDITED_FLOW: FlowDefinition = {
  FlowName: "salesforce-contacts",
  Description: "Contacts from Salesforce",
  KmsArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  SourceFlowConfig: {
    ConnectorType: "Salesforce",
    ConnectorProfileName: "salesforce-prod",
    SourceConnectorProperties: { Salesforce: { Object: "Account", IncludeDeletedRecords: true } },
  },
  Tasks: [
    { SourceFields: ["Id", "Email", "Phone"], ConnectorOperator: { Salesforce: "PROJECTION" }, TaskType: "Filter" },
    { SourceFields: ["Phone"], ConnectorOperator: { Salesforce: "NO_OP" }, DestinationField: "Phone", TaskType: "Map" },
  ],
  TriggerConfig: { TriggerType: "OnDemand" },
};

/**
 * Drift: `read` (refresh) reports what was changed outside Pulumi in every member GetIntegration
 * returns, and for a flow integration in the AppFlow flow too; the next update restores the
 * program's values and a refresh after it shows nothing.
 */
describe("reliability: drift made outside Pulumi (local endpoint, real SDK)", function () {
  this.timeout(60_000);
  const aws = useSeededEndpoint();
  let engine: Engine;

  beforeEach(async () => {
    engine = await Engine.start();
  });

  /** Refresh, then `pulumi up` with the unchanged program: the update must put everything back. */
  async function refreshThenRestore(id: string, program: ReturnType<typeof salesforceFlowIntegration>, refreshed: IntegrationOutputs) {
    assert.equal((await engine.diff(id, refreshed, program)).changes, true, "the drift shows as a diff");
    const restored = await engine.update(id, refreshed, program);
    const again = await engine.read(id, restored);
    assert.equal((await engine.diff(id, again.props!, program)).changes, false, "no drift after the update");
    return again.props as IntegrationOutputs;
  }

  it("tags added, changed and removed outside Pulumi are read back, then restored", async () => {
    const program = salesforceFlowIntegration();
    const { id, outs } = await engine.create(program);
    await aws.customerProfiles.send(new TagResourceCommand({ resourceArn: outs.arn, tags: { env: "prod", extra: "x" } }));
    await aws.customerProfiles.send(new UntagResourceCommand({ resourceArn: outs.arn, tagKeys: ["team"] }));

    const refreshed = (await engine.read(id, outs)).props as IntegrationOutputs;
    assert.deepEqual(refreshed.tags, { env: "prod", extra: "x" });
    const final = await refreshThenRestore(id, program, refreshed);
    assert.deepEqual(final.tags, program.tags);
  });

  it("object type, role, event triggers, scope and the flow's trigger, tasks and source changed by a direct PutIntegration are read back, then restored", async () => {
    const program = salesforceFlowIntegration();
    const { id, outs } = await engine.create(program);
    // Someone else rewrites the flow through PutIntegration, as the endpoint's "upsert" lets them;
    // the provider then restores it under the default (AWS's documented conflict).
    aws.emulator.setBehaviour({ flowDefinitionConflict: "upsert" });
    await aws.customerProfiles.send(
      new PutIntegrationCommand({
        DomainName: "retail",
        Uri: outs.uri,
        ObjectTypeName: "CustomerCsv",
        RoleArn: "arn:aws:iam::123456789012:role/SomeoneElses",
        EventTriggerNames: ["LowValueContact"],
        Scope: "DOMAIN",
        FlowDefinition: EDITED_FLOW,
      }),
    );
    aws.emulator.setBehaviour({ flowDefinitionConflict: "conflict" });

    const refreshed = (await engine.read(id, outs)).props as IntegrationOutputs;
    assert.equal(refreshed.objectTypeName, "CustomerCsv");
    assert.equal(refreshed.roleArn, "arn:aws:iam::123456789012:role/SomeoneElses");
    assert.deepEqual(refreshed.eventTriggerNames, ["LowValueContact"]);
    assert.equal(refreshed.scope, "DOMAIN");
    assert.notEqual(refreshed.lastUpdatedAt, outs.lastUpdatedAt);
    assert.equal(refreshed.createdAt, outs.createdAt);
    const flow = refreshed.flowDefinition!;
    assert.deepEqual(flow.triggerConfig, { triggerType: "OnDemand" });
    assert.deepEqual(flow.sourceFlowConfig.sourceConnectorProperties, { salesforce: { object: "Account", includeDeletedRecords: true } });
    assert.equal(flow.sourceFlowConfig.incrementalPullConfig, undefined);
    assert.deepEqual(
      flow.tasks.map((t) => t.sourceFields),
      [["Id", "Email", "Phone"], ["Phone"]],
    );

    const final = await refreshThenRestore(id, program, refreshed);
    assert.deepEqual(final.flowDefinition, program.flowDefinition);
    const held = await aws.customerProfiles.send(new GetIntegrationCommand({ DomainName: "retail", Uri: outs.uri }));
    assert.equal(held.ObjectTypeName, program.objectTypeName);
    assert.equal(held.RoleArn, program.roleArn);
    assert.deepEqual(held.EventTriggerNames, program.eventTriggerNames);
    assert.equal(held.Scope, program.scope);
  });

  it("an event integration switched outside Pulumi from objectTypeNames to objectTypeName is read back as such, then restored", async () => {
    const program = eventIntegration();
    const { id, outs } = await engine.create(program);
    await aws.customerProfiles.send(new PutIntegrationCommand({ DomainName: "retail", Uri: outs.uri, ObjectTypeName: "SegmentProfile" }));

    const refreshed = (await engine.read(id, outs)).props as IntegrationOutputs;
    assert.equal(refreshed.objectTypeName, "SegmentProfile");
    assert.equal(refreshed.objectTypeNames, undefined);
    assert.deepEqual(refreshed.tags, program.tags, "PutIntegration leaves the tags as they were");
    const final = await refreshThenRestore(id, program as never, refreshed);
    assert.deepEqual(final.objectTypeNames, program.objectTypeNames);
    assert.equal(final.objectTypeName, undefined);
  });
});
