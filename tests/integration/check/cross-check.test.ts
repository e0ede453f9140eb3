import { strict as assert } from "assert";
import { IntegrationProvider } from "../../../provider";
import { resetClients, resetConnectorProfileCatalog } from "../../../provider/testing";
import { UNKNOWN } from "../../../provider/validation";
import { useEmulator } from "../../support/aws-env";
import { seedConnectorProfile } from "../../../testing/local-aws";
import { salesforceFlow, source, variant, type Inputs } from "../../unit/validation/fixtures";
import { captureWarnings } from "../../unit/validation/stubs";

/**
 * `check` as `pulumi preview` runs it, against the local endpoint over real HTTP with the real
 * AWS SDK: the connector-profile cross-check, how many AppFlow calls it makes (counted in the
 * endpoint's request log), and that a rejected input never gets as far as a write.
 */
describe("preview check against the local endpoint (real SDK, real HTTP)", function () {
  const aws = useEmulator();
  let provider: IntegrationProvider;
  const warnings = captureWarnings();
  const PROPERTY = "flowDefinition.sourceFlowConfig.connectorProfileName";

  const check = (inputs: Inputs) => provider.check({}, inputs);
  const requests = () => aws.emulator.requests();
  const describeCalls = () => requests().filter((r) => r.operation === "DescribeConnectorProfiles");
  const withProfile = (name: string) => variant(salesforceFlow, (i) => (source(i).connectorProfileName = name));

  beforeEach(async () => {
    aws.emulator.reset();
    // What AppFlow said is remembered for the provider process; every case starts a new process.
    resetConnectorProfileCatalog();
    await seedConnectorProfile(aws, "salesforce-prod", "Salesforce");
    await seedConnectorProfile(aws, "salesforce-eu", "Salesforce");
    await seedConnectorProfile(aws, "zendesk-prod", "Zendesk");
    aws.emulator.clearRequests();
    provider = new IntegrationProvider();
    await provider.configure({ config: { get: () => undefined } } as never);
  });

  it("passes a flow whose connector profile exists and connects to its source, with one AppFlow call", async () => {
    assert.deepEqual((await check(salesforceFlow())).failures, []);
    const [call] = describeCalls();
    assert.equal(describeCalls().length, 1);
    assert.equal(call.status, 200);
    assert.deepEqual(call.input!.connectorProfileNames, ["salesforce-prod"]);
  });

  it("fails a missing profile, naming it, the region and the Salesforce profiles that do exist", async () => {
    const { failures } = await check(withProfile("salesforce-typo"));
    assert.deepEqual(
      failures!.map((f) => f.property),
      [PROPERTY],
    );
    const reason = failures![0].reason;
    for (const w of ['"salesforce-typo"', "does not exist in us-east-1", '"salesforce-prod"', '"salesforce-eu"']) {
      assert.ok(reason.includes(w), `${reason} should say ${w}`);
    }
    assert.ok(!reason.includes("zendesk-prod"), "only profiles of the source's type are offered");
  });

  it("warns about a profile of the wrong connector type, without failing", async () => {
    const { failures } = await check(withProfile("zendesk-prod"));
    assert.deepEqual(failures, []);
    assert.equal(warnings.length, 1, warnings.join("\n"));
    assert.match(warnings[0], /"zendesk-prod" in us-east-1 is a Zendesk profile, but sourceFlowConfig\.connectorType is Salesforce/);
  });

  it("neither fails nor asks AppFlow about a name still unknown at preview", async () => {
    assert.deepEqual((await check(withProfile(UNKNOWN))).failures, []);
    assert.deepEqual(requests(), []);
  });

  it("makes at most 3 DescribeConnectorProfiles calls for 100 concurrent checks sharing 3 profiles, and none for the next preview", async () => {
    await seedConnectorProfile(aws, "salesforce-us", "Salesforce");
    aws.emulator.clearRequests();
    const names = ["salesforce-prod", "salesforce-eu", "salesforce-us"];
    const preview = () =>
      Promise.all(
        Array.from({ length: 100 }, (_, n) =>
          check(
            variant(salesforceFlow, (i) => {
              i.flowDefinition.flowName = `contacts-${n}`;
              source(i).connectorProfileName = names[n % 3];
            }),
          ),
        ),
      );
    const first = await preview();
    assert.deepEqual(
      first.flatMap((r) => r.failures),
      [],
    );
    const calls = describeCalls().length;
    assert.ok(calls >= 1 && calls <= 3, `${calls} DescribeConnectorProfiles calls`);
    assert.deepEqual(new Set(describeCalls().flatMap((c) => c.input!.connectorProfileNames as string[])), new Set(names));
    console.log(`      (measured: ${calls} DescribeConnectorProfiles call(s) for 100 checks sharing 3 profiles)`);

    aws.emulator.clearRequests();
    const second = await preview();
    assert.deepEqual(
      second.flatMap((r) => r.failures),
      [],
    );
    assert.equal(describeCalls().length, 0, "an unchanged stack's preview asks AppFlow nothing again");
  });

  it("a rejected input causes no write: check makes no PutIntegration, TagResource or any other write", async () => {
    const rejected = [
      withProfile("salesforce-typo"),
      variant(salesforceFlow, (i) => (i.tags = { "aws:reserved": "x" })),
      variant(salesforceFlow, (i) => (i.flowDefinition.flowName = "my flow")),
      variant(
        salesforceFlow,
        (i) => (i.flowDefinition.triggerConfig.triggerProperties.scheduled.scheduleStartTime = "2027-02-30T00:00:00Z"),
      ),
    ];
    for (const inputs of rejected) {
      const { failures } = await check(inputs);
      assert.ok(failures!.length > 0, `rejected: ${JSON.stringify(failures)}`);
    }
    const readOnly = /^(Describe|Get|List)/;
    const writes = requests().filter((r) => !readOnly.test(r.operation));
    assert.deepEqual(
      writes.map((r) => r.operation),
      [],
    );
    assert.ok(!requests().some((r) => r.service === "customer-profiles"), "check never calls Customer Profiles at all");
  });

  describe("when AppFlow cannot answer, the check is skipped with a warning, never failed", () => {
    const saved: Record<string, string | undefined> = {};
    const setEnv = (k: string, v: string | undefined) => {
      if (!(k in saved)) saved[k] = process.env[k];
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
      resetClients();
    };
    afterEach(() => {
      for (const [k, v] of Object.entries(saved)) setEnv(k, v);
      for (const k of Object.keys(saved)) delete saved[k];
      resetClients();
    });

    it("throttled on every attempt", async () => {
      setEnv("AWS_MAX_ATTEMPTS", "2");
      aws.emulator.setFaults({ rules: [{ service: "appflow", operation: "DescribeConnectorProfiles", throttleRate: 1 }] });
      assert.deepEqual((await check(withProfile("salesforce-typo"))).failures, []);
      assert.equal(describeCalls().length, 2, "the SDK's own retries, and no more");
      assert.equal(warnings.length, 1, warnings.join("\n"));
      assert.match(warnings[0], /^warning: the connector-profile cross-check was skipped in us-east-1.*throttled/);
    });

    it("credentials the endpoint rejects", async () => {
      setEnv("AWS_SECRET_ACCESS_KEY", "not-the-secret");
      assert.deepEqual((await check(salesforceFlow())).failures, []);
      assert.equal(describeCalls()[0].status, 403);
      assert.equal(warnings.length, 1, warnings.join("\n"));
      assert.match(warnings[0], /cross-check was skipped in us-east-1.*credentials were rejected/);
      assert.ok(!warnings[0].includes("not-the-secret"), "no credential in a message");
    });
  });
});
