import { strict as assert } from "assert";
import { GetDomainCommand, ListDomainsCommand, ResourceNotFoundException } from "@aws-sdk/client-customer-profiles";
import { connectEmulator } from "../../../emulator";
import {
  createConnectorProfile,
  createDomainWithObjectTypes,
  expectServiceError,
  rawRequest,
  useTestEmulator,
} from "../../support/emulator-harness";
import { DescribeConnectorProfilesCommand } from "@aws-sdk/client-appflow";

/** The test hooks, in process and over HTTP under /_emulator/ (unsigned, outside every AWS path). */
describe("emulator: test hooks", () => {
  const aws = useTestEmulator();

  it("the handle carries the endpoint, account and the env that points SDKs and CLIs at it", () => {
    const e = aws.emulator;
    assert.match(e.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(e.region, "us-east-1");
    assert.equal(e.accountId, "123456789012");
    assert.deepEqual(e.credentials, { accessKeyId: "test", secretAccessKey: "test" });
    assert.deepEqual(e.env, {
      AWS_ENDPOINT_URL: e.url,
      AWS_ENDPOINT_URL_CUSTOMER_PROFILES: e.url,
      AWS_ENDPOINT_URL_APPFLOW: e.url,
      AWS_ENDPOINT_URL_STS: e.url,
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_REGION: "us-east-1",
      AWS_DEFAULT_REGION: "us-east-1",
    });
  });

  it("reset() wipes domains, connector profiles, the log and the faults", async () => {
    await createDomainWithObjectTypes(aws.customerProfiles, "retail");
    await createConnectorProfile(aws.appflow, "salesforce-prod");
    aws.emulator.setFaults({ rules: [{ operation: "ListDomains", errorRate: 1 }] });
    aws.emulator.reset();
    assert.deepEqual(aws.emulator.requests(), []);
    assert.deepEqual((await aws.customerProfiles.send(new ListDomainsCommand({}))).Items, []);
    assert.deepEqual((await aws.appflow.send(new DescribeConnectorProfilesCommand({}))).connectorProfileDetails, []);
  });

  it("requests() lists oldest first; clearRequests() empties the log", async () => {
    await aws.customerProfiles.send(new ListDomainsCommand({}));
    await expectServiceError(aws.customerProfiles.send(new GetDomainCommand({ DomainName: "nope" })), ResourceNotFoundException, 404);
    assert.deepEqual(
      aws.emulator.requests().map((r) => [r.operation, r.status, r.errorType]),
      [
        ["ListDomains", 200, undefined],
        ["GetDomain", 404, "ResourceNotFoundException"],
      ],
    );
    aws.emulator.clearRequests();
    assert.deepEqual(aws.emulator.requests(), []);
  });

  it("the HTTP hooks do the same, and are not logged as AWS requests", async () => {
    const control = connectEmulator(aws.emulator.url);
    assert.deepEqual(await control.health(), {
      status: "ok",
      region: "us-east-1",
      accountId: "123456789012",
      services: ["customer-profiles", "appflow", "sts"],
    });
    await createDomainWithObjectTypes(aws.customerProfiles, "retail");
    const logged = await control.requests();
    assert.deepEqual(
      logged.map((r) => r.operation),
      ["CreateDomain", "PutProfileObjectType"],
    );
    // The model marks an object type's Keys sensitive: served over HTTP, they are hidden; in process they are not.
    assert.equal(logged[1].input?.Keys, "***SensitiveInformation***");
    assert.deepEqual(aws.emulator.requests()[1].input?.Keys, {
      email: [{ StandardIdentifiers: ["PROFILE", "UNIQUE"], FieldNames: ["email"] }],
    });
    await control.clearRequests();
    assert.deepEqual(await control.requests(), []);
    await control.reset();
    assert.deepEqual((await aws.customerProfiles.send(new ListDomainsCommand({}))).Items, []);
  });

  it("an unknown hook is 404 and lists the hooks there are", async () => {
    const res = await rawRequest(aws.emulator.url, { method: "GET", path: "/_emulator/nothing" });
    assert.equal(res.status, 404);
    assert.match(JSON.parse(res.body).message, /GET health/);
  });
});
