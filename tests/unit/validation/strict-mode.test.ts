import { strict as assert } from "assert";
import { IntegrationProvider } from "../../../provider/provider";
import { checkIntegration } from "../../../provider/validation";
import { ConnectorProfileCatalog } from "../../../provider/validation/connector-profile-catalog";
import { flow, s3Flow, salesforceFlow, source, uriIntegration, variant } from "./fixtures";
import { captureWarnings, recordingSource } from "./stubs";

/**
 * Strict mode, for teams that want preview to stop on any doubt: stack config
 * `customer-profiles-integration:strict` or PCPI_STRICT=1 makes every warning a failure at its
 * path. Off by default.
 */
const unlistedEventType = variant(uriIntegration, (i) => (i.objectTypeNames = { ShopifyDeleteOrders: "Order" }));
const taskPropertyIgnored = variant(s3Flow, (i) => (flow(i).tasks[0].taskProperties = { MASK_VALUE: "*" }));

async function providerWith(config: Record<string, string>): Promise<IntegrationProvider> {
  const p = new IntegrationProvider();
  await p.configure({ config: { get: (k: string) => config[k] } } as never);
  return p;
}

describe("strict mode: every warning fails the preview at its path", () => {
  const warnings = captureWarnings();
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.PCPI_STRICT;
    delete process.env.PCPI_STRICT;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.PCPI_STRICT;
    else process.env.PCPI_STRICT = saved;
  });

  it("is off by default: the same inputs warn and pass", async () => {
    const p = await providerWith({});
    assert.deepEqual((await p.check({}, unlistedEventType)).failures, []);
    assert.deepEqual((await p.check({}, taskPropertyIgnored)).failures, []);
    assert.equal(warnings.length, 2);
  });

  for (const [how, config, env] of [
    ["stack config customer-profiles-integration:strict", { "customer-profiles-integration:strict": "true" }, undefined],
    ["PCPI_STRICT=1 (for CI)", {}, "1"],
  ] as const) {
    it(`with ${how}, a warning is a failure at its path, and nothing is said on stderr`, async () => {
      if (env) process.env.PCPI_STRICT = env;
      const p = await providerWith(config);
      const events = await p.check({}, unlistedEventType);
      assert.deepEqual(
        events.failures!.map((f) => f.property),
        ['objectTypeNames["ShopifyDeleteOrders"]'],
      );
      assert.match(events.failures![0].reason, /not one of the event types .* \(strict mode: a warning fails the preview\)$/);
      const tasks = await p.check({}, taskPropertyIgnored);
      assert.deepEqual(
        tasks.failures!.map((f) => f.property),
        ['flowDefinition.tasks[0].taskProperties["MASK_VALUE"]'],
      );
      assert.deepEqual(warnings, []);
      assert.deepEqual((await p.check({}, uriIntegration())).failures, [], "inputs without a warning still pass");
    });
  }

  it("the stack config wins over the environment, either way", async () => {
    process.env.PCPI_STRICT = "1";
    const off = await providerWith({ "customer-profiles-integration:strict": "false" });
    assert.deepEqual((await off.check({}, unlistedEventType)).failures, []);
  });

  it("a value that is neither true nor false is refused rather than read as off", async () => {
    await assert.rejects(
      providerWith({ "customer-profiles-integration:strict": "ture" }),
      /customer-profiles-integration:strict must be true or false/,
    );
    process.env.PCPI_STRICT = "maybe";
    const p = await providerWith({});
    await assert.rejects(p.check({}, uriIntegration()), /PCPI_STRICT must be true or false/);
  });

  it("the connector-profile cross-check's doubts fail too: a profile of another connector type, and a check that could not run", async () => {
    const path = "flowDefinition.sourceFlowConfig.connectorProfileName";
    const wrongType = variant(salesforceFlow, (i) => (source(i).connectorProfileName = "zendesk-prod"));
    const catalog = new ConnectorProfileCatalog(recordingSource({ "zendesk-prod": "Zendesk" }));
    const failures = await checkIntegration(wrongType, { region: "us-east-1", connectorProfiles: catalog, strict: true });
    assert.deepEqual(
      failures.map((f) => f.property),
      [path],
    );
    assert.match(failures[0].reason, /is a Zendesk profile.*strict mode/);
    const unreachable = new ConnectorProfileCatalog(
      recordingSource({}, { fail: () => Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" }) }),
    );
    const skipped = await checkIntegration(salesforceFlow(), { region: "us-east-1", connectorProfiles: unreachable, strict: true });
    assert.deepEqual(
      skipped.map((f) => f.property),
      [path],
    );
    assert.match(skipped[0].reason, /not confirmed to exist: the connector-profile cross-check was skipped/);
    assert.deepEqual(warnings, []);
  });
});
