import { strict as assert } from "assert";
import { checkIntegration } from "../../../provider/validation";
import { SEMANTIC_RULES, semanticFindings } from "../../../provider/validation/semantics";
import { ConnectorProfileCatalog } from "../../../provider/validation/connector-profile-catalog";
import { UNKNOWN } from "../../../provider/validation/unknown";
import { flow, s3Flow, salesforceFlow, scheduled, source, uriIntegration, variant, type Inputs } from "./fixtures";
import { recordingSource, captureWarnings } from "./stubs";

/**
 * One or more invalid and valid cases per semantic rule. An invalid case is reported at exactly
 * the expected properties through the whole check — as failures when the rule's level is "error",
 * as warnings (and no failure) when it is "warning" — and the rule it is filed under must be the
 * one that reports it.
 */
interface Case {
  rule: string;
  title: string;
  inputs: Inputs;
  region?: string;
  expect?: { property: string; words: string[] }[];
}

const zendesk = (i: Inputs) => {
  source(i).connectorType = "Zendesk";
  source(i).connectorProfileName = "zendesk-prod";
  source(i).sourceConnectorProperties = { zendesk: { object: "tickets" } };
  delete source(i).incrementalPullConfig;
  flow(i).tasks = [{ sourceFields: ["id"], taskType: "Filter", connectorOperator: { zendesk: "PROJECTION" } }];
  flow(i).triggerConfig = { triggerType: "OnDemand" };
};
const task = (i: Inputs, n: number) => flow(i).tasks[n];
const SCHED = "flowDefinition.triggerConfig.triggerProperties.scheduled";

const cases: Case[] = [
  {
    rule: "objectTypeNameXorNames",
    title: "both objectTypeName and objectTypeNames",
    inputs: variant(uriIntegration, (i) => (i.objectTypeName = "ShopifyOrder")),
    expect: [{ property: "objectTypeNames", words: ["exactly one", "objectTypeName"] }],
  },
  {
    rule: "objectTypeNameXorNames",
    title: "neither",
    inputs: variant(uriIntegration, (i) => delete i.objectTypeNames),
    expect: [{ property: "objectTypeName", words: ["required", "exactly one of objectTypeName and objectTypeNames"] }],
  },
  { rule: "objectTypeNameXorNames", title: "only objectTypeNames", inputs: uriIntegration() },
  {
    rule: "objectTypeNameXorNames",
    title: "objectTypeName still unknown next to objectTypeNames",
    inputs: variant(uriIntegration, (i) => (i.objectTypeName = UNKNOWN)),
  },
  {
    rule: "objectTypeNamesAreSupportedEventTypes",
    title: "an event type the service does not know",
    inputs: variant(uriIntegration, (i) => (i.objectTypeNames = { ShopifyUpdateOrders: "ShopifyOrder" })),
    expect: [
      {
        property: 'objectTypeNames["ShopifyUpdateOrders"]',
        words: [
          '"ShopifyUpdateOrders"',
          "not one of the event types the PutIntegration API reference lists",
          "may be valid keys",
          "ShopifyUpdatedOrders",
          "SegmentIdentify",
        ],
      },
    ],
  },
  {
    rule: "objectTypeNamesAreSupportedEventTypes",
    title: "the right name in the wrong case",
    inputs: variant(uriIntegration, (i) => (i.objectTypeNames = { segmentIdentify: "Segment" })),
    expect: [{ property: 'objectTypeNames["segmentIdentify"]', words: ["did you mean SegmentIdentify?"] }],
  },
  {
    rule: "objectTypeNamesAreSupportedEventTypes",
    title: "Segment's identify events",
    inputs: variant(uriIntegration, (i) => (i.objectTypeNames = { SegmentIdentify: "SegmentProfile" })),
  },
  {
    rule: "uriOrFlowDefinition",
    title: "neither uri nor flowDefinition",
    inputs: variant(uriIntegration, (i) => delete i.uri),
    expect: [{ property: "uri", words: ["required unless flowDefinition"] }],
  },
  { rule: "uriOrFlowDefinition", title: "a flow without uri", inputs: s3Flow() },
  {
    rule: "regionLooksLikeAwsRegion",
    title: "a region without its dash",
    inputs: variant(uriIntegration, (i) => (i.region = "us-east1")),
    expect: [{ property: "region", words: ["AWS region", '"us-east1"'] }],
  },
  {
    rule: "regionLooksLikeAwsRegion",
    title: "a malformed region from stack config",
    inputs: variant(uriIntegration, (i) => delete i.region),
    region: "US East (N. Virginia)",
    expect: [{ property: "region", words: ["AWS region", "aws:region", '"US East (N. Virginia)"'] }],
  },
  {
    rule: "regionLooksLikeAwsRegion",
    title: "GovCloud",
    inputs: variant(uriIntegration, (i) => (i.region = "us-gov-west-1")),
    region: "us-gov-west-1",
  },
  {
    rule: "regionLooksLikeAwsRegion",
    title: "the European Sovereign Cloud",
    inputs: variant(uriIntegration, (i) => (i.region = "eusc-de-east-1")),
    region: "eusc-de-east-1",
  },
  {
    rule: "connectorProfileNameRequired",
    title: "a Salesforce source without a connector profile",
    inputs: variant(salesforceFlow, (i) => delete source(i).connectorProfileName),
    expect: [{ property: "flowDefinition.sourceFlowConfig.connectorProfileName", words: ["required", "Salesforce", "only S3"] }],
  },
  { rule: "connectorProfileNameRequired", title: "an S3 source needs none", inputs: s3Flow() },
  {
    rule: "sourceConnectorPropertiesMatchConnectorType",
    title: "Servicenow with the Salesforce member",
    inputs: variant(salesforceFlow, (i) => {
      source(i).connectorType = "Servicenow";
      source(i).connectorProfileName = "servicenow-prod";
      for (const t of flow(i).tasks) t.connectorOperator = { serviceNow: t.connectorOperator.salesforce };
      source(i).sourceConnectorProperties = { salesforce: { object: "Contact" } };
    }),
    expect: [
      {
        property: "flowDefinition.sourceFlowConfig.sourceConnectorProperties.salesforce",
        words: ["must not be set", "Servicenow", "serviceNow"],
      },
      { property: "flowDefinition.sourceFlowConfig.sourceConnectorProperties.serviceNow", words: ["required", "Servicenow"] },
    ],
  },
  {
    rule: "sourceConnectorPropertiesMatchConnectorType",
    title: "a second member next to the right one",
    inputs: variant(s3Flow, (i) => (source(i).sourceConnectorProperties.zendesk = { object: "tickets" })),
    expect: [
      { property: "flowDefinition.sourceFlowConfig.sourceConnectorProperties.zendesk", words: ["must not be set", "S3", "exactly"] },
    ],
  },
  {
    rule: "sourceConnectorPropertiesMatchConnectorType",
    title: "Servicenow with serviceNow",
    inputs: variant(salesforceFlow, (i) => {
      source(i).connectorType = "Servicenow";
      source(i).connectorProfileName = "servicenow-prod";
      for (const t of flow(i).tasks) t.connectorOperator = { serviceNow: t.connectorOperator.salesforce };
      source(i).sourceConnectorProperties = { serviceNow: { object: "incident" } };
    }),
  },
  {
    rule: "taskConnectorOperatorMatchesSource",
    title: "a Salesforce operator in a Zendesk flow",
    inputs: variant(salesforceFlow, (i) => {
      zendesk(i);
      flow(i).tasks.push({
        sourceFields: ["subject"],
        taskType: "Filter",
        connectorOperator: { salesforce: "CONTAINS" },
        taskProperties: { VALUE: "refund" },
      });
    }),
    expect: [
      {
        property: "flowDefinition.tasks[1].connectorOperator.salesforce",
        words: ["Zendesk", "connectorOperator.zendesk", "has no CONTAINS"],
      },
    ],
  },
  { rule: "taskConnectorOperatorMatchesSource", title: "Zendesk operators in a Zendesk flow", inputs: variant(salesforceFlow, zendesk) },
  {
    rule: "filterTaskIsNotNoOp",
    title: "a Filter task with NO_OP (AppFlow: not valid for filtering tasks)",
    inputs: variant(salesforceFlow, (i) => (task(i, 0).connectorOperator = { salesforce: "NO_OP" })),
    expect: [{ property: "flowDefinition.tasks[0].connectorOperator.salesforce", words: ["NO_OP", "Filter tasks", "PROJECTION"] }],
  },
  {
    rule: "taskOperatorFitsTaskType",
    title: "a Mask task with a validation operator",
    inputs: variant(salesforceFlow, (i) => (task(i, 3).connectorOperator = { salesforce: "VALIDATE_NON_NULL" })),
    expect: [{ property: "flowDefinition.tasks[3].connectorOperator.salesforce", words: ["VALIDATE_NON_NULL", "Mask tasks", "MASK_ALL"] }],
  },
  { rule: "filterTaskIsNotNoOp", title: "a Map task with NO_OP", inputs: salesforceFlow() },
  {
    rule: "projectionTaskRequired",
    title: "a Salesforce flow with Map tasks only (terraform-provider-aws#34508)",
    inputs: variant(salesforceFlow, (i) => (flow(i).tasks = flow(i).tasks.filter((t: Inputs) => t.taskType === "Map"))),
    expect: [
      { property: "flowDefinition.tasks", words: ["projection task", "Map_all", "You must specify a projection task or a MAP_ALL task"] },
    ],
  },
  { rule: "projectionTaskRequired", title: "a Salesforce flow with a PROJECTION filter", inputs: salesforceFlow() },
  {
    rule: "projectionTaskAdvised",
    title: "an S3 flow with Map tasks only (no source shows the refusal for S3)",
    inputs: variant(
      s3Flow,
      (i) =>
        (flow(i).tasks = [{ sourceFields: ["email"], taskType: "Map", connectorOperator: { s3: "NO_OP" }, destinationField: "email" }]),
    ),
    expect: [{ property: "flowDefinition.tasks", words: ["no projection task", "from S3"] }],
  },
  { rule: "projectionTaskAdvised", title: "an S3 flow with a PROJECTION filter", inputs: s3Flow() },
  {
    rule: "desiredFlowStateNeedsTriggeredFlow",
    title: "an on-demand flow to keep suspended (StopFlow refuses on-demand flows)",
    inputs: variant(s3Flow, (i) => (i.desiredFlowState = "suspended")),
    expect: [{ property: "desiredFlowState", words: ["Scheduled and Event", "OnDemand", "UnsupportedOperationException"] }],
  },
  {
    rule: "desiredFlowStateNeedsTriggeredFlow",
    title: "a state for an integration without a flow",
    inputs: variant(uriIntegration, (i) => (i.desiredFlowState = "running")),
    expect: [{ property: "desiredFlowState", words: ["flowDefinition"] }],
  },
  {
    rule: "desiredFlowStateNeedsTriggeredFlow",
    title: "a state that is neither running nor suspended",
    inputs: variant(salesforceFlow, (i) => (i.desiredFlowState = "Active")),
    expect: [{ property: "desiredFlowState", words: ['"running" or "suspended"', '"Active"'] }],
  },
  {
    rule: "desiredFlowStateNeedsTriggeredFlow",
    title: "a scheduled flow kept running",
    inputs: variant(salesforceFlow, (i) => (i.desiredFlowState = "running")),
  },
  { rule: "taskOperatorFitsTaskType", title: "every task type with its operators", inputs: salesforceFlow() },
  {
    rule: "taskPropertiesRequiredForOperation",
    title: "BETWEEN without its bounds",
    inputs: variant(salesforceFlow, (i) => (task(i, 1).taskProperties = { DATA_TYPE: "datetime" })),
    expect: [
      { property: 'flowDefinition.tasks[1].taskProperties["LOWER_BOUND"]', words: ["required", "Filter", "BETWEEN"] },
      { property: 'flowDefinition.tasks[1].taskProperties["UPPER_BOUND"]', words: ["required", "Filter", "BETWEEN"] },
    ],
  },
  {
    rule: "taskPropertiesRequiredForOperation",
    title: "a comparison with nothing to compare",
    inputs: variant(salesforceFlow, (i) =>
      flow(i).tasks.push({
        sourceFields: ["Email"],
        taskType: "Filter",
        connectorOperator: { salesforce: "EQUAL_TO" },
        taskProperties: { DATA_TYPE: "string" },
      }),
    ),
    expect: [{ property: "flowDefinition.tasks[8].taskProperties", words: ["VALUE or VALUES", "EQUAL_TO"] }],
  },
  {
    rule: "taskPropertiesRequiredForOperation",
    title: "MASK_LAST_N without N",
    inputs: variant(salesforceFlow, (i) => delete task(i, 3).taskProperties.MASK_LENGTH),
    expect: [{ property: 'flowDefinition.tasks[3].taskProperties["MASK_LENGTH"]', words: ["required", "Mask", "MASK_LAST_N"] }],
  },
  {
    rule: "taskPropertiesRequiredForOperation",
    title: "Truncate without a length",
    inputs: variant(salesforceFlow, (i) => delete task(i, 4).taskProperties),
    expect: [{ property: 'flowDefinition.tasks[4].taskProperties["TRUNCATE_LENGTH"]', words: ["required", "Truncate"] }],
  },
  {
    rule: "taskPropertiesRequiredForOperation",
    title: "Validate without an action",
    inputs: variant(salesforceFlow, (i) => (task(i, 5).taskProperties = {})),
    expect: [{ property: 'flowDefinition.tasks[5].taskProperties["VALIDATION_ACTION"]', words: ["required", "Validate"] }],
  },
  {
    rule: "taskPropertiesRequiredForOperation",
    title: "MASK_ALL needs no length, Map and Arithmetic need no properties",
    inputs: variant(salesforceFlow, (i) => {
      task(i, 3).connectorOperator = { salesforce: "MASK_ALL" };
      task(i, 3).taskProperties = { MASK_VALUE: "#" };
      delete task(i, 2).taskProperties;
      delete task(i, 6).taskProperties;
    }),
  },
  {
    rule: "taskPropertiesRequiredForOperation",
    title: "VALUES for a comparison",
    inputs: variant(salesforceFlow, (i) =>
      flow(i).tasks.push({
        sourceFields: ["Email"],
        taskType: "Filter",
        connectorOperator: { salesforce: "NOT_EQUAL_TO" },
        taskProperties: { DATA_TYPE: "string", VALUES: "a,b" },
      }),
    ),
  },
  {
    rule: "taskLengthsArePositiveWholeNumbers",
    title: "a truncation length of zero",
    inputs: variant(salesforceFlow, (i) => (task(i, 4).taskProperties.TRUNCATE_LENGTH = "0")),
    expect: [{ property: 'flowDefinition.tasks[4].taskProperties["TRUNCATE_LENGTH"]', words: ["positive whole number", '"0"'] }],
  },
  {
    rule: "taskLengthsArePositiveWholeNumbers",
    title: "a mask length in words",
    inputs: variant(salesforceFlow, (i) => (task(i, 3).taskProperties.MASK_LENGTH = "four")),
    expect: [{ property: 'flowDefinition.tasks[3].taskProperties["MASK_LENGTH"]', words: ["positive whole number", '"four"'] }],
  },
  {
    rule: "taskLengthsArePositiveWholeNumbers",
    title: "lengths as digits",
    inputs: variant(salesforceFlow, (i) => (task(i, 4).taskProperties.TRUNCATE_LENGTH = "1")),
  },
  {
    rule: "taskPropertiesReadByTaskType",
    title: "a truncation length on a Mask task (AppFlow ignores it: warned, not failed)",
    inputs: variant(salesforceFlow, (i) => (task(i, 3).taskProperties.TRUNCATE_LENGTH = "3")),
    expect: [{ property: 'flowDefinition.tasks[3].taskProperties["TRUNCATE_LENGTH"]', words: ["not read by Mask tasks", "MASK_VALUE"] }],
  },
  { rule: "taskPropertiesReadByTaskType", title: "Map's data types", inputs: salesforceFlow() },
  {
    rule: "scheduledTriggerNeedsSchedule",
    title: "Scheduled without a schedule",
    inputs: variant(salesforceFlow, (i) => (flow(i).triggerConfig = { triggerType: "Scheduled" })),
    expect: [{ property: SCHED, words: ["required", "Scheduled", "scheduleExpression"] }],
  },
  { rule: "scheduledTriggerNeedsSchedule", title: "Scheduled with its schedule", inputs: salesforceFlow() },
  {
    rule: "scheduledTriggerNeedsSchedule",
    title: "Scheduled with properties still unknown",
    inputs: variant(salesforceFlow, (i) => (flow(i).triggerConfig.triggerProperties = UNKNOWN)),
  },
  {
    rule: "unscheduledTriggerTakesNoSchedule",
    title: "OnDemand with a schedule",
    inputs: variant(salesforceFlow, (i) => (flow(i).triggerConfig.triggerType = "OnDemand")),
    expect: [{ property: SCHED, words: ["must not be set", "OnDemand"] }],
  },
  {
    rule: "unscheduledTriggerTakesNoSchedule",
    title: "Event with a schedule",
    inputs: variant(salesforceFlow, (i) => (flow(i).triggerConfig.triggerType = "Event")),
    expect: [{ property: SCHED, words: ["must not be set", "Event"] }],
  },
  {
    rule: "unscheduledTriggerTakesNoSchedule",
    title: "Event without one",
    inputs: variant(salesforceFlow, (i) => (flow(i).triggerConfig = { triggerType: "Event" })),
  },
  {
    rule: "incrementalPullNeedsDatetimeField",
    title: "Incremental without a datetime field",
    inputs: variant(salesforceFlow, (i) => delete source(i).incrementalPullConfig),
    expect: [
      { property: "flowDefinition.sourceFlowConfig.incrementalPullConfig.datetimeTypeFieldName", words: ["not set", "Incremental"] },
    ],
  },
  {
    rule: "incrementalPullNeedsDatetimeField",
    title: "the admin guide's S3 example: Incremental without a datetime field",
    inputs: variant(s3Flow, (i) => {
      flow(i).triggerConfig = {
        triggerType: "Scheduled",
        triggerProperties: {
          scheduled: {
            scheduleExpression: "rate(15minutes)",
            dataPullMode: "Incremental",
            scheduleStartTime: 1634244800.435,
            firstExecutionFrom: 1594166400,
          },
        },
      };
      delete source(i).incrementalPullConfig;
    }),
  },
  {
    rule: "incrementalPullNeedsDatetimeField",
    title: "Complete needs none",
    inputs: variant(salesforceFlow, (i) => ((scheduled(i).dataPullMode = "Complete"), delete source(i).incrementalPullConfig)),
  },
  {
    rule: "scheduleExpressionParses",
    title: "a schedule in words",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleExpression = "hourly")),
    expect: [{ property: `${SCHED}.scheduleExpression`, words: ["neither rate(...) nor cron(...)", '"hourly"'] }],
  },
  {
    rule: "scheduleExpressionParses",
    title: "rate(banana)",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleExpression = "rate(banana)")),
    expect: [{ property: `${SCHED}.scheduleExpression`, words: ["rate", '"rate(banana)"'] }],
  },
  {
    rule: "scheduleExpressionParses",
    title: "rate(0 minutes)",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleExpression = "rate(0 minutes)")),
    expect: [{ property: `${SCHED}.scheduleExpression`, words: ["at least 1"] }],
  },
  {
    rule: "scheduleExpressionParses",
    title: "an 8-field cron",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleExpression = "cron(0 0 12 * * ? * 2027)")),
    expect: [{ property: `${SCHED}.scheduleExpression`, words: ["6 fields", "not 8"] }],
  },
  {
    rule: "scheduleExpressionParses",
    title: "every 5 minutes, below the documented minimum of 15",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleExpression = "rate(5minutes)")),
    expect: [{ property: `${SCHED}.scheduleExpression`, words: ["15 minutes", "minimum"] }],
  },
  {
    rule: "scheduleExpressionParses",
    title: "the admin guide's rate(15minutes)",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleExpression = "rate(15minutes)")),
  },
  {
    rule: "scheduleExpressionParses",
    title: "the model's own spelling, rate (30 minutes)",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleExpression = "rate (30 minutes)")),
  },
  {
    rule: "scheduleExpressionParses",
    title: "a cron expression",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleExpression = "cron(0 12 * * ? *)")),
  },
  {
    rule: "scheduleTimesAreRealInstants",
    title: "a time without its zone",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleStartTime = "2027-01-01T00:00:00")),
    expect: [{ property: `${SCHED}.scheduleStartTime`, words: ["ISO-8601", "time zone", '"2027-01-01T00:00:00"'] }],
  },
  {
    rule: "scheduleTimesAreRealInstants",
    title: "February 30th, which Date.parse would turn into March 2nd",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleStartTime = "2027-02-30T00:00:00Z")),
    expect: [{ property: `${SCHED}.scheduleStartTime`, words: ["real date", '"2027-02-30T00:00:00Z"'] }],
  },
  {
    rule: "scheduleTimesAreRealInstants",
    title: "April 31st at noon with an offset",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleEndTime = "2027-04-31T12:00:00+02:00")),
    expect: [{ property: `${SCHED}.scheduleEndTime`, words: ["real date", '"2027-04-31T12:00:00+02:00"'] }],
  },
  {
    rule: "scheduleTimesAreRealInstants",
    title: "epoch seconds as a number, as the AWS docs write them",
    inputs: variant(
      salesforceFlow,
      (i) => ((scheduled(i).scheduleStartTime = 1798761600.435), (scheduled(i).scheduleEndTime = 1830297600)),
    ),
  },
  {
    rule: "scheduleTimesAreRealInstants",
    title: "February 29th of a leap year",
    inputs: variant(
      salesforceFlow,
      (i) => ((scheduled(i).scheduleStartTime = "2028-02-29T00:00:00Z"), (scheduled(i).scheduleEndTime = "2028-03-01T00:00:00Z")),
    ),
  },
  {
    rule: "scheduleTimesAreRealInstants",
    title: "a date JavaScript parses but no one means",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).firstExecutionFrom = "5")),
    expect: [{ property: `${SCHED}.firstExecutionFrom`, words: ["ISO-8601", '"5"'] }],
  },
  {
    rule: "scheduleTimesAreRealInstants",
    title: "an offset and a bare date",
    inputs: variant(
      salesforceFlow,
      (i) => ((scheduled(i).scheduleStartTime = "2027-01-01T09:00:00+09:00"), (scheduled(i).firstExecutionFrom = "2026-01-01")),
    ),
  },
  {
    rule: "scheduleStartPrecedesEnd",
    title: "the end before the start",
    inputs: variant(salesforceFlow, (i) => (scheduled(i).scheduleEndTime = "2026-12-31T23:59:59Z")),
    expect: [{ property: `${SCHED}.scheduleEndTime`, words: ["later than scheduleStartTime", "2026-12-31T23:59:59.000Z"] }],
  },
  {
    rule: "scheduleStartPrecedesEnd",
    title: "the same instant in two spellings",
    inputs: variant(
      salesforceFlow,
      (i) => ((scheduled(i).scheduleStartTime = "2027-01-01T09:00:00+09:00"), (scheduled(i).scheduleEndTime = 1798761600)),
    ),
    expect: [{ property: `${SCHED}.scheduleEndTime`, words: ["later than scheduleStartTime"] }],
  },
  {
    rule: "scheduleStartPrecedesEnd",
    title: "start a second before the end",
    inputs: variant(
      salesforceFlow,
      (i) => ((scheduled(i).scheduleStartTime = "2027-01-01T00:00:00Z"), (scheduled(i).scheduleEndTime = "2027-01-01T00:00:01Z")),
    ),
  },
];

/** Every profile the flows name exists and connects to their source: only the rule under test can fail. */
const everyProfileExists = () =>
  new ConnectorProfileCatalog(
    recordingSource({ "salesforce-prod": "Salesforce", "zendesk-prod": "Zendesk", "servicenow-prod": "Servicenow" }),
  );

describe("semantic rules of PutIntegration", () => {
  const warnings = captureWarnings();

  for (const c of cases) {
    const level = SEMANTIC_RULES.find((r) => r.name === c.rule)?.level;
    const outcome = c.expect
      ? `${level === "warning" ? "a warning" : "a failure"} at ${c.expect.map((e) => e.property).join(", ")}`
      : "nothing";
    it(`${c.rule}: ${c.title} → ${outcome}`, async () => {
      const region = c.region ?? c.inputs.region;
      const failures = await checkIntegration(c.inputs, { region, connectorProfiles: everyProfileExists() });
      const expected = c.expect ?? [];
      const asFailures = level === "error" ? expected : [];
      const asWarnings = level === "warning" ? expected : [];
      assert.deepEqual(
        failures.map((f) => f.property),
        asFailures.map((e) => e.property),
        JSON.stringify(failures, null, 1),
      );
      asFailures.forEach((e, n) => {
        for (const w of e.words) assert.ok(failures[n].reason.includes(w), `"${failures[n].reason}" should say ${w}`);
      });
      const own = SEMANTIC_RULES.find((r) => r.name === c.rule)!.check(c.inputs, { region });
      assert.deepEqual(
        own.map((f) => f.property),
        expected.map((e) => e.property),
        `${c.rule} reports it`,
      );
      assert.equal(warnings.length, asWarnings.length, warnings.join("\n"));
      asWarnings.forEach((e, n) => {
        for (const w of [e.property, ...e.words]) assert.ok(warnings[n].includes(w), `"${warnings[n]}" should say ${w}`);
        assert.match(warnings[n], /^warning: integration in domain retail \(/);
      });
    });
  }

  it("has an invalid and a valid case for every rule", () => {
    for (const { name } of SEMANTIC_RULES) {
      assert.ok(
        cases.some((c) => c.rule === name && c.expect),
        `an invalid case for ${name}`,
      );
      assert.ok(
        cases.some((c) => c.rule === name && !c.expect),
        `a valid case for ${name}`,
      );
    }
    for (const c of cases)
      assert.ok(
        SEMANTIC_RULES.some((r) => r.name === c.rule),
        `${c.rule} is a rule`,
      );
  });

  it("gives a property one reason: the model's, when it has one", async () => {
    const inputs = variant(salesforceFlow, (i) => (scheduled(i).scheduleStartTime = "tomorrow"));
    const failures = await checkIntegration(inputs, { region: "us-east-1", connectorProfiles: everyProfileExists() });
    assert.deepEqual(
      failures.map((f) => f.property),
      [`${SCHED}.scheduleStartTime`],
    );
    assert.match(failures[0].reason, /must be a timestamp/);
  });

  it("judges nothing that is still unknown at preview", () => {
    const inputs = variant(salesforceFlow, (i) => {
      i.region = UNKNOWN;
      source(i).connectorType = UNKNOWN;
      flow(i).tasks[1].taskProperties = UNKNOWN;
      scheduled(i).scheduleEndTime = UNKNOWN;
      scheduled(i).dataPullMode = UNKNOWN;
    });
    assert.deepEqual(semanticFindings(inputs, { region: UNKNOWN }), []);
    assert.deepEqual(
      semanticFindings(
        variant(salesforceFlow, (i) => (i.flowDefinition = UNKNOWN)),
        { region: "us-east-1" },
      ),
      [],
    );
  });
});
