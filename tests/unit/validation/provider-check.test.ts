import { strict as assert } from "assert";
import { IntegrationProvider } from "../../../provider/provider";
import { UNKNOWN } from "../../../provider/validation/unknown";
import { flow, s3Flow, salesforceFlow, scheduled, uriIntegration, variant } from "./fixtures";
import { captureWarnings } from "./stubs";

/**
 * The same rules through the provider's own `check`, as the engine calls it at preview. Only
 * inputs that need no AppFlow answer are used here; tests/integration/check asks a real endpoint.
 */
const check = (news: Record<string, unknown>) => new IntegrationProvider().check({}, { ...news, __provider: "serialized" });

describe("IntegrationProvider.check", () => {
  const warnings = captureWarnings();

  const rejected: [string, Record<string, unknown>, string, RegExp][] = [
    ["a model constraint", variant(uriIntegration, (i) => (i.domainName = "retail shop")), "domainName", /pattern.*"retail shop"/],
    [
      "a nested enum",
      variant(s3Flow, (i) => (flow(i).tasks[0].connectorOperator = { s3: "CONTAINS" })),
      "flowDefinition.tasks[0].connectorOperator.s3",
      /must be one of.*"CONTAINS"/,
    ],
    [
      "an error-level semantic rule",
      variant(s3Flow, (i) => (flow(i).tasks[0].connectorOperator = { s3: "NO_OP" })),
      "flowDefinition.tasks[0].connectorOperator.s3",
      /NO_OP is not an operator of Filter tasks/,
    ],
    ["the region's shape", variant(uriIntegration, (i) => (i.region = "useast1")), "region", /AWS region.*"useast1"/],
    [
      "a date that does not exist",
      variant(salesforceFlow, (i) => (scheduled(i).scheduleStartTime = "2027-02-30T00:00:00Z")),
      "flowDefinition.triggerConfig.triggerProperties.scheduled.scheduleStartTime",
      /real date.*"2027-02-30T00:00:00Z"/,
    ],
    [
      "a flow name with a space (whole-value pattern)",
      variant(s3Flow, (i) => (flow(i).flowName = "my flow")),
      "flowDefinition.flowName",
      /pattern.*"my flow"/,
    ],
  ];
  for (const [what, inputs, property, reason] of rejected) {
    it(`fails ${what} at ${property}`, async () => {
      const { failures, inputs: returned } = await check(inputs);
      assert.deepEqual(
        failures!.map((f) => f.property),
        [property],
      );
      assert.match(failures![0].reason, reason);
      assert.equal((returned as Record<string, unknown>).__provider, undefined, "the engine adds __provider back itself");
    });
  }

  it("passes valid inputs and returns them exactly as written, never respelt", async () => {
    const inputs = variant(s3Flow, (i) => (i.tags = {}));
    const { failures, inputs: returned } = await check(inputs);
    assert.deepEqual(failures, []);
    assert.deepEqual(returned, inputs, "an empty map is kept: check accepts or refuses, it does not rewrite");
    assert.deepEqual((await check(uriIntegration())).failures, []);
    assert.deepEqual(warnings, []);
  });

  for (const [form, start, end] of [
    ["epoch seconds, as AWS's docs write them", 1893456000, 1924992000],
    ["ISO-8601 with an offset", "2030-01-01T02:00:00+02:00", "2031-01-01T00:00:00-05:00"],
  ] as const) {
    it(`returns timestamps in ${form} as written`, async () => {
      const inputs = variant(salesforceFlow, (i) => {
        scheduled(i).scheduleStartTime = start;
        scheduled(i).scheduleEndTime = end;
      });
      const { failures, inputs: returned } = await check(inputs);
      assert.deepEqual(failures, []);
      assert.deepEqual(returned, inputs);
    });
  }

  it("lets values still unknown at preview through, the region included", async () => {
    const inputs = variant(uriIntegration, (i) => {
      i.region = UNKNOWN;
      i.domainName = UNKNOWN;
      i.objectTypeNames = UNKNOWN;
    });
    assert.deepEqual((await check(inputs)).failures, []);
    const flowInputs = variant(salesforceFlow, (i) => {
      i.flowDefinition.sourceFlowConfig.connectorProfileName = UNKNOWN;
      scheduled(i).scheduleEndTime = UNKNOWN;
    });
    assert.deepEqual((await check(flowInputs)).failures, [], "an unknown profile name is not looked up, let alone failed");
  });

  it("warns, without failing the preview, about a rule no source shows AWS enforcing", async () => {
    const inputs = variant(uriIntegration, (i) => (i.objectTypeNames = { ShopifyDeleteOrders: "Order" }));
    assert.deepEqual((await check(inputs)).failures, []);
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0],
      /objectTypeNames\["ShopifyDeleteOrders"\] key "ShopifyDeleteOrders" is not one of the event types the PutIntegration API reference lists/,
    );
  });

  it("warns about a task property AppFlow ignores without failing the preview", async () => {
    const inputs = variant(s3Flow, (i) => (flow(i).tasks[0].taskProperties = { MASK_VALUE: "*" }));
    assert.deepEqual((await check(inputs)).failures, []);
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0],
      /^warning: integration in domain retail \(flow customers-from-s3\): flowDefinition\.tasks\[0\]\.taskProperties\["MASK_VALUE"\] is not read by Filter tasks/,
    );
  });
});
