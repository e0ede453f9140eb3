import { strict as assert } from "assert";
import { constraintFailures } from "../../../provider/validation/constraints";
import { UNKNOWN } from "../../../provider/validation/unknown";
import { flow, s3Flow, salesforceFlow, scheduled, source, uriIntegration, variant, type Inputs } from "./fixtures";

/**
 * One invalid and one valid case per kind of model constraint, each asserting the exact input
 * path in the program's spelling and the words of the rule and value the reason must state.
 */
interface Case {
  kind: string;
  title: string;
  inputs: Inputs;
  /** The one failure expected, or none. */
  expect?: { property: string; words: string[] };
}

const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));

const cases: Case[] = [
  // required
  {
    kind: "required",
    title: "domainName missing",
    inputs: variant(uriIntegration, (i) => delete i.domainName),
    expect: { property: "domainName", words: ["is required"] },
  },
  {
    kind: "required",
    title: "kmsArn missing inside the flow",
    inputs: variant(salesforceFlow, (i) => delete flow(i).kmsArn),
    expect: { property: "flowDefinition.kmsArn", words: ["is required"] },
  },
  {
    kind: "required",
    title: "a task without taskType",
    inputs: variant(salesforceFlow, (i) => delete flow(i).tasks[4].taskType),
    expect: { property: "flowDefinition.tasks[4].taskType", words: ["is required"] },
  },
  { kind: "required", title: "every required member present", inputs: salesforceFlow() },
  // length
  {
    kind: "length",
    title: "domainName of 65 characters",
    inputs: variant(uriIntegration, (i) => (i.domainName = "d".repeat(65))),
    expect: { property: "domainName", words: ["length", "less than or equal to 64", `"${"d".repeat(20)}`] },
  },
  {
    kind: "length",
    title: "kmsArn shorter than 20",
    inputs: variant(salesforceFlow, (i) => (flow(i).kmsArn = "arn:aws:kms:x:1:k")),
    expect: { property: "flowDefinition.kmsArn", words: ["length", "greater than or equal to 20", '"arn:aws:kms:x:1:k"'] },
  },
  { kind: "length", title: "domainName of exactly 64 characters", inputs: variant(uriIntegration, (i) => (i.domainName = "d".repeat(64))) },
  // pattern
  {
    kind: "pattern",
    title: "domainName with a space",
    inputs: variant(uriIntegration, (i) => (i.domainName = "bad name")),
    expect: { property: "domainName", words: ["pattern", "^[a-zA-Z0-9_-]+$", '"bad name"'] },
  },
  {
    kind: "pattern",
    title: "tag key in the aws: namespace",
    inputs: variant(salesforceFlow, (i) => (i.tags = { "aws:team": "crm" })),
    expect: { property: 'tags["aws:team"]', words: ["key", "pattern", '"aws:team"'] },
  },
  {
    kind: "pattern",
    title: "objectTypeName starting with a digit",
    inputs: variant(salesforceFlow, (i) => (i.objectTypeName = "1Contact")),
    expect: { property: "objectTypeName", words: ["pattern", '"1Contact"'] },
  },
  {
    kind: "pattern",
    title: "names that match their patterns",
    inputs: variant(salesforceFlow, (i) => (i.tags = { "team:crm/owner": "x" })),
  },
  // enum
  {
    kind: "enum",
    title: "Zendesk has no LESS_THAN",
    inputs: variant(salesforceFlow, (i) => {
      source(i).connectorType = "Zendesk";
      source(i).sourceConnectorProperties = { zendesk: { object: "tickets" } };
      flow(i).tasks = [
        { sourceFields: ["a"], taskType: "Filter", connectorOperator: { zendesk: "PROJECTION" } },
        { sourceFields: ["a"], taskType: "Filter", connectorOperator: { zendesk: "PROJECTION" } },
        { sourceFields: ["a"], taskType: "Filter", connectorOperator: { zendesk: "LESS_THAN" }, taskProperties: { VALUE: "1" } },
      ];
    }),
    expect: { property: "flowDefinition.tasks[2].connectorOperator.zendesk", words: ["must be one of", "GREATER_THAN", '"LESS_THAN"'] },
  },
  {
    kind: "enum",
    title: "S3 has no CONTAINS",
    inputs: variant(
      s3Flow,
      (i) =>
        (flow(i).tasks = [
          { sourceFields: ["a"], taskType: "Filter", connectorOperator: { s3: "CONTAINS" }, taskProperties: { VALUE: "x" } },
        ]),
    ),
    expect: { property: "flowDefinition.tasks[0].connectorOperator.s3", words: ["must be one of", '"CONTAINS"'] },
  },
  {
    kind: "enum",
    title: "scope in lower case",
    inputs: variant(uriIntegration, (i) => (i.scope = "domain")),
    expect: { property: "scope", words: ["must be one of", "PROFILE, DOMAIN", '"domain"'] },
  },
  {
    kind: "enum",
    title: "an unknown taskProperties key",
    inputs: variant(salesforceFlow, (i) => (flow(i).tasks[2].taskProperties = { TARGET_TYPE: "id" })),
    expect: {
      property: 'flowDefinition.tasks[2].taskProperties["TARGET_TYPE"]',
      words: ["key", "must be one of", "DESTINATION_DATA_TYPE", '"TARGET_TYPE"'],
    },
  },
  { kind: "enum", title: "scope DOMAIN", inputs: variant(uriIntegration, (i) => (i.scope = "DOMAIN")) },
  // range
  {
    kind: "range",
    title: "scheduleOffset above 36000",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleOffset = 36001)),
    expect: {
      property: "flowDefinition.triggerConfig.triggerProperties.scheduled.scheduleOffset",
      words: ["less than or equal to 36000", "36001"],
    },
  },
  {
    kind: "range",
    title: "negative scheduleOffset",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleOffset = -1)),
    expect: {
      property: "flowDefinition.triggerConfig.triggerProperties.scheduled.scheduleOffset",
      words: ["greater than or equal to 0", "-1"],
    },
  },
  {
    kind: "range",
    title: "scheduleOffset of exactly 36000",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleOffset = 36000)),
  },
  // list and map sizes
  {
    kind: "size",
    title: "two event trigger names",
    inputs: variant(uriIntegration, (i) => (i.eventTriggerNames = ["a", "b"])),
    expect: { property: "eventTriggerNames", words: ["number of entries", "less than or equal to 1", "got a list of 2"] },
  },
  {
    kind: "size",
    title: "an empty list of event trigger names",
    inputs: variant(uriIntegration, (i) => (i.eventTriggerNames = [])),
    expect: { property: "eventTriggerNames", words: ["number of entries", "greater than or equal to 1"] },
  },
  {
    kind: "size",
    title: "51 tags",
    inputs: variant(uriIntegration, (i) => (i.tags = tags(51))),
    expect: { property: "tags", words: ["number of entries", "less than or equal to 50", "got 51"] },
  },
  { kind: "size", title: "empty tags, which the provider never sends", inputs: variant(uriIntegration, (i) => (i.tags = {})) },
  {
    kind: "size",
    title: "one event trigger and 50 tags",
    inputs: variant(uriIntegration, (i) => ((i.eventTriggerNames = ["on-order"]), (i.tags = tags(50)))),
  },
  // type
  {
    kind: "type",
    title: "scheduleOffset as text",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleOffset = "10")),
    expect: { property: "flowDefinition.triggerConfig.triggerProperties.scheduled.scheduleOffset", words: ["must be a number", '"10"'] },
  },
  {
    kind: "type",
    title: "a timestamp that does not parse",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleStartTime = "next tuesday")),
    expect: {
      property: "flowDefinition.triggerConfig.triggerProperties.scheduled.scheduleStartTime",
      words: ["timestamp", '"next tuesday"'],
    },
  },
  {
    kind: "type",
    title: "tasks as an object is described, not printed",
    inputs: variant(salesforceFlow, (i) => (flow(i).tasks = { first: { sourceFields: ["secret-field"] } })),
    expect: { property: "flowDefinition.tasks", words: ["must be a list", "got an object"] },
  },
  {
    kind: "type",
    title: "epoch seconds written as a string",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleStartTime = "1798761600")),
    expect: {
      property: "flowDefinition.triggerConfig.triggerProperties.scheduled.scheduleStartTime",
      words: ["epoch seconds as a number", '"1798761600"'],
    },
  },
  {
    kind: "type",
    title: "a timestamp as epoch seconds",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleStartTime = 1798761600)),
  },
  // members the model lacks
  {
    kind: "unknown",
    title: "a misspelt member, named with the member it is a typo of",
    inputs: variant(salesforceFlow, (i) => (source(i).conectorProfileName = "x")),
    expect: {
      property: "flowDefinition.sourceFlowConfig.conectorProfileName",
      words: ["not a member", "did you mean connectorProfileName?"],
    },
  },
  {
    kind: "unknown",
    title: "a member close to none",
    inputs: variant(salesforceFlow, (i) => (source(i).schedule = "x")),
    expect: { property: "flowDefinition.sourceFlowConfig.schedule", words: ["not a member", "spelling"] },
  },
  {
    kind: "unknown",
    title: "the member in the wrong case",
    inputs: variant(
      salesforceFlow,
      (i) => ((source(i).sourceConnectorProperties = { servicenow: { object: "incident" } }), (source(i).connectorType = "Servicenow")),
    ),
    expect: {
      property: "flowDefinition.sourceFlowConfig.sourceConnectorProperties.servicenow",
      words: ["not a member", "did you mean serviceNow?"],
    },
  },
  {
    kind: "unknown",
    title: "the API's own spelling, which would override flowName",
    inputs: variant(salesforceFlow, (i) => (flow(i).FlowName = "other")),
    expect: { property: "flowDefinition.FlowName", words: ["not a member", "did you mean flowName?"] },
  },
  {
    kind: "unknown",
    title: "serviceNow spelt as the SDK spells it",
    inputs: variant(salesforceFlow, (i) => {
      source(i).connectorType = "Servicenow";
      source(i).sourceConnectorProperties = { serviceNow: { object: "incident" } };
      for (const t of flow(i).tasks) t.connectorOperator = { serviceNow: t.connectorOperator.salesforce };
    }),
  },
];

describe("model constraints on every input member", () => {
  for (const c of cases) {
    it(`${c.kind}: ${c.title} → ${c.expect ? c.expect.property : "no failure"}`, () => {
      const failures = constraintFailures(c.inputs);
      if (!c.expect) return assert.deepEqual(failures, []);
      assert.deepEqual(
        failures.map((f) => f.property),
        [c.expect.property],
        JSON.stringify(failures),
      );
      for (const w of c.expect.words) assert.ok(failures[0].reason.includes(w), `"${failures[0].reason}" should say ${w}`);
    });
  }

  it("covers every kind of constraint with an invalid and a valid case", () => {
    for (const kind of ["required", "length", "pattern", "enum", "range", "size", "type", "unknown"]) {
      assert.ok(
        cases.some((c) => c.kind === kind && c.expect),
        `an invalid ${kind} case`,
      );
      assert.ok(
        cases.some((c) => c.kind === kind && !c.expect),
        `a valid ${kind} case`,
      );
    }
  });

  it("skips values still unknown at preview, wherever they are", () => {
    const inputs = variant(salesforceFlow, (i) => {
      i.domainName = UNKNOWN;
      flow(i).kmsArn = UNKNOWN;
      flow(i).tasks[1] = UNKNOWN;
      source(i).sourceConnectorProperties = UNKNOWN;
      scheduled(i).scheduleStartTime = UNKNOWN;
      i.tags = { team: UNKNOWN };
    });
    assert.deepEqual(constraintFailures(inputs), []);
  });

  it("never prints a long value in full", () => {
    const long = `arn:aws:kms:us-east-1:123456789012:key/${"k".repeat(3000)}`;
    const [f] = constraintFailures(variant(salesforceFlow, (i) => (flow(i).kmsArn = long)));
    assert.equal(f.property, "flowDefinition.kmsArn");
    assert.ok(f.reason.length < 200, f.reason);
    assert.ok(!f.reason.includes("k".repeat(100)));
  });

  it("accepts the fixtures as they are", () => {
    for (const base of [uriIntegration, salesforceFlow, s3Flow]) assert.deepEqual(constraintFailures(base()), [], base.name);
  });
});
