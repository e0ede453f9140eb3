import { strict as assert } from "assert";
import { compareIntegration, toDiffResult, STABLE_OUTPUTS } from "../../provider/diff";
import { normalizeInputs } from "../../provider/normalize";
import type { IntegrationInputs, IntegrationOutputs } from "../../sdk/types";
import { eventIntegration, s3FlowIntegration } from "../support/fixtures";

function stateOf(inputs: IntegrationInputs, extra: Partial<IntegrationOutputs> = {}): IntegrationOutputs {
  return {
    ...(normalizeInputs(inputs as unknown as Record<string, unknown>) as unknown as IntegrationInputs),
    uri: inputs.uri ?? `arn:aws:appflow:us-east-1:123456789012:flow/${inputs.flowDefinition!.flowName}`,
    region: "us-east-1",
    arn: "arn:aws:profile:us-east-1:123456789012:domains/retail/integrations/x",
    createdAt: "2026-01-01T00:00:00.000Z",
    lastUpdatedAt: "2026-01-01T00:00:00.000Z",
    ...extra,
  };
}

function diff(olds: IntegrationOutputs, news: IntegrationInputs, region = "us-east-1") {
  const normalized = normalizeInputs(news as unknown as Record<string, unknown>) as unknown as IntegrationInputs;
  return toDiffResult(compareIntegration(olds, normalized, region));
}

describe("diff: what a change to the program does to the integration", () => {
  it("an unchanged program has no changes, even with timestamps spelled differently", () => {
    const program = s3FlowIntegration({
      flowDefinition: {
        ...s3FlowIntegration().flowDefinition!,
        triggerConfig: { triggerType: "Scheduled", triggerProperties: { scheduled: { scheduleExpression: "rate(1days)", scheduleStartTime: "2030-01-01T00:00:00.000Z" } } },
      },
    });
    const state = stateOf(program);
    const respelt = JSON.parse(JSON.stringify(program));
    respelt.flowDefinition.triggerConfig.triggerProperties.scheduled.scheduleStartTime = "2030-01-01T00:00:00Z";
    assert.deepEqual(diff(state, respelt), { changes: false, replaces: [], stables: STABLE_OUTPUTS, deleteBeforeReplace: false });
  });

  it("empty tags and no tags are the same", () => {
    const state = stateOf(eventIntegration({ tags: undefined }));
    assert.equal(diff(state, eventIntegration({ tags: {} })).changes, false);
  });

  it("a tag change is an in-place update", () => {
    const r = diff(stateOf(eventIntegration()), eventIntegration({ tags: { team: "growth" } }));
    assert.equal(r.changes, true);
    assert.deepEqual(r.replaces, []);
  });

  it("a flow change is an in-place update when the flow keeps its name", () => {
    const program = s3FlowIntegration();
    const changed = s3FlowIntegration();
    changed.flowDefinition!.tasks[0].sourceFields = ["email"];
    const r = diff(stateOf(program), changed);
    assert.equal(r.changes, true);
    assert.deepEqual(r.replaces, []);
  });

  for (const [what, change, replaced] of [
    ["domainName", { domainName: "wholesale" }, "domainName"],
    ["uri", { uri: "arn:aws:events:us-east-1:123456789012:event-source/other" }, "uri"],
  ] as const) {
    it(`a new ${what} replaces the integration`, () => {
      const r = diff(stateOf(eventIntegration()), eventIntegration(change));
      assert.deepEqual(r.replaces, [replaced]);
      assert.deepEqual(r.stables, []);
    });
  }

  it("a new region replaces the integration, whether set on the resource or by config", () => {
    const state = stateOf(eventIntegration());
    assert.deepEqual(diff(state, eventIntegration({ region: "eu-west-1" }), "eu-west-1").replaces, ["region"]);
    assert.deepEqual(diff(state, eventIntegration(), "eu-west-1").replaces, ["region"]);
  });

  it("a new flow name replaces a flow integration whose URI the service derived", () => {
    const changed = s3FlowIntegration();
    changed.flowDefinition!.flowName = "customers-from-s3-v2";
    assert.deepEqual(diff(stateOf(s3FlowIntegration()), changed).replaces, ["flowDefinition.flowName"]);
  });

  it("a derived URI in state is not a change when the program leaves uri unset", () => {
    const state = stateOf(s3FlowIntegration());
    assert.ok(state.uri);
    assert.equal(diff(state, s3FlowIntegration()).changes, false);
  });

  it("computed outputs never count as changes", () => {
    const state = stateOf(eventIntegration(), { workflowId: "wf", isUnstructured: false, lastUpdatedAt: "2027-01-01T00:00:00.000Z" });
    assert.equal(diff(state, eventIntegration()).changes, false);
  });
});

describe("diff: the order of a replacement", () => {
  it("a flow integration moving to another domain is deleted first: its flow name is taken until then", () => {
    const r = diff(stateOf(s3FlowIntegration()), s3FlowIntegration({ domainName: "wholesale" }));
    assert.deepEqual(r.replaces, ["domainName"]);
    assert.equal(r.deleteBeforeReplace, true);
  });

  it("a replacement that frees no name it needs creates the new integration first", () => {
    const renamed = s3FlowIntegration({ domainName: "wholesale" });
    renamed.flowDefinition!.flowName = "customers-from-s3-wholesale";
    assert.equal(diff(stateOf(s3FlowIntegration()), renamed).deleteBeforeReplace, false);
    assert.equal(diff(stateOf(eventIntegration()), eventIntegration({ domainName: "wholesale" })).deleteBeforeReplace, false);
    assert.equal(diff(stateOf(s3FlowIntegration()), s3FlowIntegration({ region: "eu-west-1" }), "eu-west-1").deleteBeforeReplace, false);
  });
});
