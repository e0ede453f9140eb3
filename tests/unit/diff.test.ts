import { strict as assert } from "assert";
import { compareIntegration, toDiffResult } from "../../provider/diff";
import fc from "fast-check";
import type { IntegrationInputs, IntegrationOutputs } from "../../sdk/types";
import { eventIntegration, s3FlowIntegration } from "../support/fixtures";

/** The state create records: the program's inputs as written (check never rewrites them), and the service's outputs. */
function stateOf(inputs: IntegrationInputs, extra: Partial<IntegrationOutputs> = {}): IntegrationOutputs {
  return {
    ...inputs,
    uri: inputs.uri ?? `arn:aws:appflow:us-east-1:123456789012:flow/${inputs.flowDefinition!.flowName}`,
    region: "us-east-1",
    arn: "arn:aws:profile:us-east-1:123456789012:domains/retail/integrations/x",
    createdAt: "2026-01-01T00:00:00.000Z",
    lastUpdatedAt: "2026-01-01T00:00:00.000Z",
    ...extra,
  };
}

/** The engine hands diff the program's inputs exactly as check returned them: as written. */
function diff(olds: IntegrationOutputs, news: IntegrationInputs, region = "us-east-1") {
  return toDiffResult(compareIntegration(olds, news, region));
}

/** A scheduled S3 flow integration starting at `start`, spelled as the program spells it. */
function scheduledAt(start: string | number): IntegrationInputs {
  return s3FlowIntegration({
    flowDefinition: {
      ...s3FlowIntegration().flowDefinition!,
      triggerConfig: {
        triggerType: "Scheduled",
        triggerProperties: { scheduled: { scheduleExpression: "rate(1days)", scheduleStartTime: start } },
      },
    },
  });
}

const NO_CHANGE = { changes: false, replaces: [], deleteBeforeReplace: false };

describe("diff: what a change to the program does to the integration", () => {
  it("an unchanged program has no changes, even with timestamps spelled differently", () => {
    const program = s3FlowIntegration({
      flowDefinition: {
        ...s3FlowIntegration().flowDefinition!,
        triggerConfig: {
          triggerType: "Scheduled",
          triggerProperties: { scheduled: { scheduleExpression: "rate(1days)", scheduleStartTime: "2030-01-01T00:00:00.000Z" } },
        },
      },
    });
    const state = stateOf(program);
    const respelt = JSON.parse(JSON.stringify(program));
    respelt.flowDefinition.triggerConfig.triggerProperties.scheduled.scheduleStartTime = "2030-01-01T00:00:00Z";
    assert.deepEqual(diff(state, respelt), NO_CHANGE);
  });

  it("the same instant as epoch seconds, with an offset, or as a refresh reads it back is no change, in either direction", () => {
    // 1893456000 is 2030-01-01T00:00:00Z; AWS's docs write timestamps as epoch seconds.
    const spellings = [1893456000, "2030-01-01T00:00:00Z", "2030-01-01T02:00:00+02:00", "2030-01-01T00:00:00.000Z"];
    for (const written of spellings) {
      for (const other of spellings)
        assert.deepEqual(diff(stateOf(scheduledAt(written)), scheduledAt(other)), NO_CHANGE, `${written} vs ${other}`);
    }
  });

  it("any instant, whichever way it is spelled, compares equal to itself and unequal to another second (property)", () => {
    const second = fc.integer({ min: 1_800_000_000, max: 4_000_000_000 });
    const offsetMinutes = fc.integer({ min: -12 * 60, max: 14 * 60 });
    const spell = (epoch: number, kind: number, offset: number): string | number => {
      if (kind === 0) return epoch;
      if (kind === 1) return new Date(epoch * 1000).toISOString();
      const local = new Date((epoch + offset * 60) * 1000).toISOString().slice(0, 19);
      const sign = offset < 0 ? "-" : "+";
      const abs = Math.abs(offset);
      return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
    };
    fc.assert(
      fc.property(second, fc.nat(2), fc.nat(2), offsetMinutes, fc.integer({ min: 1, max: 86_400 }), (epoch, k1, k2, off, delta) => {
        const state = stateOf(scheduledAt(spell(epoch, k1, off)));
        assert.equal(diff(state, scheduledAt(spell(epoch, k2, off))).changes, false);
        assert.equal(diff(state, scheduledAt(spell(epoch + delta, k2, off))).changes, true);
      }),
      { numRuns: 200 },
    );
  });

  it("a new start time is a change", () => {
    assert.equal(diff(stateOf(scheduledAt(1893456000)), scheduledAt(1893456060)).changes, true);
    assert.equal(diff(stateOf(scheduledAt("2030-01-01T00:00:00Z")), scheduledAt("2030-01-01T00:00:00+02:00")).changes, true);
  });

  it("empty tags and no tags are the same", () => {
    const state = stateOf(eventIntegration({ tags: undefined }));
    assert.equal(diff(state, eventIntegration({ tags: {} })).changes, false);
    assert.equal(diff(stateOf(eventIntegration({ tags: {} })), eventIntegration({ tags: undefined })).changes, false);
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
