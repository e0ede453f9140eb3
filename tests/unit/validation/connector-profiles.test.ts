import { strict as assert } from "assert";
import { ConnectorProfileCatalog, DeadlineExceeded } from "../../../provider/validation/connector-profile-catalog";
import { connectorProfileFailures } from "../../../provider/validation/connector-profiles";
import { checkIntegration } from "../../../provider/validation";
import { UNKNOWN } from "../../../provider/validation/unknown";
import { s3Flow, salesforceFlow, source, variant } from "./fixtures";
import { accessDenied, recordingSource, captureWarnings } from "./stubs";

/**
 * The cross-check's logic against a stand-in for DescribeConnectorProfiles (the real SDK over
 * HTTP is tests/integration/check): what it fails, what it skips, and how few questions it asks.
 */
const PROPERTY = "flowDefinition.sourceFlowConfig.connectorProfileName";
const US = { region: "us-east-1" };
const withProfile = (name: string) => variant(salesforceFlow, (i) => (source(i).connectorProfileName = name));

describe("connector-profile cross-check", () => {
  const warnings = captureWarnings();

  it("passes a profile that exists and connects to the flow's source", async () => {
    const src = recordingSource({ "salesforce-prod": "Salesforce" });
    assert.deepEqual(await connectorProfileFailures(salesforceFlow(), US, new ConnectorProfileCatalog(src)), []);
    assert.deepEqual(src.calls, [{ op: "describe", region: "us-east-1", names: ["salesforce-prod"] }]);
  });

  it("fails a missing profile, naming it, the region and the profiles of that type there", async () => {
    const src = recordingSource({ "sf-a": "Salesforce", "sf-b": "Salesforce", zd: "Zendesk" });
    const failures = await connectorProfileFailures(withProfile("sf-typo"), US, new ConnectorProfileCatalog(src));
    assert.deepEqual(
      failures.map((f) => f.property),
      [PROPERTY],
    );
    for (const w of ['"sf-typo"', "does not exist in us-east-1", "Salesforce connector profiles in us-east-1 are", '"sf-a"', '"sf-b"']) {
      assert.ok(failures[0].reason.includes(w), `${failures[0].reason} should say ${w}`);
    }
    assert.ok(!failures[0].reason.includes('"zd"'), "only profiles of the source's type");
  });

  it("warns about a profile of another connector type (no source shows AppFlow refusing it) without failing", async () => {
    const src = recordingSource({ "zendesk-prod": "Zendesk" });
    assert.deepEqual(await connectorProfileFailures(withProfile("zendesk-prod"), US, new ConnectorProfileCatalog(src)), []);
    assert.equal(warnings.length, 1, warnings.join("\n"));
    for (const w of [
      PROPERTY,
      '"zendesk-prod"',
      "us-east-1",
      "is a Zendesk profile",
      "connectorType is Salesforce",
      "no Salesforce connector profiles",
    ]) {
      assert.ok(warnings[0].includes(w), `${warnings[0]} should say ${w}`);
    }
  });

  it("asks nothing for a name, type or region still unknown at preview, nor for S3", async () => {
    const src = recordingSource({});
    const catalog = new ConnectorProfileCatalog(src);
    const cases = [
      withProfile(UNKNOWN),
      variant(salesforceFlow, (i) => (source(i).connectorType = UNKNOWN)),
      variant(salesforceFlow, (i) => (i.flowDefinition.sourceFlowConfig = UNKNOWN)),
      s3Flow(),
    ];
    for (const inputs of cases) assert.deepEqual(await connectorProfileFailures(inputs, US, catalog), []);
    assert.deepEqual(await connectorProfileFailures(salesforceFlow(), { region: UNKNOWN }, catalog), []);
    assert.deepEqual(src.calls, []);
  });

  it("coalesces 100 concurrent checks sharing 3 profiles into one call, and asks nothing the second time", async () => {
    const src = recordingSource({ a: "Salesforce", b: "Salesforce", c: "Salesforce" });
    const catalog = new ConnectorProfileCatalog(src);
    const checks = () =>
      Promise.all(Array.from({ length: 100 }, (_, n) => connectorProfileFailures(withProfile("abc"[n % 3]), US, catalog)));
    assert.deepEqual((await checks()).flat(), []);
    assert.equal(src.calls.length, 1);
    assert.deepEqual(src.calls[0].names!.sort(), ["a", "b", "c"]);
    assert.deepEqual((await checks()).flat(), []);
    assert.equal(src.calls.length, 1, "an unchanged stack asks nothing again");
  });

  it("shares a lookup still in flight, remembers 'not found', and keeps regions apart", async () => {
    const src = recordingSource({}, { regions: { "us-east-1": { a: "Salesforce" }, "eu-west-1": {} } });
    const catalog = new ConnectorProfileCatalog(src, { windowMs: 1 });
    const first = catalog.lookup("a", US);
    await src.called(1); // the batch is on its way
    const second = catalog.lookup("a", US);
    assert.deepEqual(await first, { status: "found", connectorType: "Salesforce" });
    assert.equal(await second, await first);
    assert.deepEqual(await catalog.lookup("a", { region: "eu-west-1" }), { status: "missing" });
    assert.deepEqual(await catalog.lookup("a", { region: "eu-west-1" }), { status: "missing" });
    assert.deepEqual(
      src.calls.map((c) => c.region),
      ["us-east-1", "eu-west-1"],
    );
  });

  it("splits more than 100 names into calls of at most 100", async () => {
    const src = recordingSource({});
    const catalog = new ConnectorProfileCatalog(src);
    await Promise.all(Array.from({ length: 250 }, (_, n) => catalog.lookup(`p${n}`, US)));
    assert.deepEqual(
      src.calls.map((c) => c.names!.length),
      [100, 100, 50],
    );
  });

  it("AccessDenied is a warning naming the permission, once, and not a failure", async () => {
    const src = recordingSource({}, { fail: accessDenied });
    const catalog = new ConnectorProfileCatalog(src);
    const results = await Promise.all(Array.from({ length: 20 }, () => connectorProfileFailures(salesforceFlow(), US, catalog)));
    assert.deepEqual(results.flat(), []);
    assert.equal(warnings.length, 1, warnings.join("\n"));
    for (const w of ["cross-check was skipped in us-east-1", "appflow:DescribeConnectorProfiles", "Access denied"]) {
      assert.ok(warnings[0].includes(w), `${warnings[0]} should say ${w}`);
    }
    await connectorProfileFailures(salesforceFlow(), US, catalog);
    assert.equal(src.calls.length, 1, "a refused lookup is not asked again by every check");
  });

  it("throttling after retries, or no answer in time, is a warning too", async () => {
    const throttled = recordingSource({}, { fail: () => Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" }) });
    assert.deepEqual(await connectorProfileFailures(salesforceFlow(), US, new ConnectorProfileCatalog(throttled)), []);
    assert.match(warnings.pop()!, /cross-check was skipped in us-east-1.*throttled/);

    const hanging = recordingSource({}, { hang: true });
    const started = Date.now();
    const lookup = await new ConnectorProfileCatalog(hanging, { timeoutMs: 50 }).lookup("x", US);
    assert.equal(lookup.status, "unverified");
    assert.ok((lookup as { error: unknown }).error instanceof DeadlineExceeded);
    assert.ok(Date.now() - started < 2000);
    assert.deepEqual(await connectorProfileFailures(salesforceFlow(), US, new ConnectorProfileCatalog(hanging, { timeoutMs: 50 })), []);
    assert.match(warnings.pop()!, /skipped in us-east-1.*no answer within 0.05s/);
  });

  it("is not asked when the source already fails a rule", async () => {
    const src = recordingSource({});
    const inputs = variant(salesforceFlow, (i) => (source(i).connectorProfileName = "p".repeat(257)));
    const failures = await checkIntegration(inputs, { region: "us-east-1", connectorProfiles: new ConnectorProfileCatalog(src) });
    assert.deepEqual(
      failures.map((f) => f.property),
      [PROPERTY],
    );
    assert.match(failures[0].reason, /length less than or equal to 256/);
    assert.deepEqual(src.calls, []);
  });
});
