import { strict as assert } from "assert";
import { ThrottlingException as AppflowThrottling, DescribeConnectorProfilesCommand } from "@aws-sdk/client-appflow";
import {
  GetDomainCommand,
  InternalServerException,
  ListIntegrationsCommand,
  PutIntegrationCommand,
  ThrottlingException,
} from "@aws-sdk/client-customer-profiles";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { connectEmulator, startEmulator } from "../../../emulator";
import {
  createDomainWithObjectTypes,
  expectErrorNamed,
  expectServiceError,
  rawRequest,
  signedRequest,
  useTestEmulator,
} from "../../support/emulator-harness";
import { until } from "../../support/wait";

/** Injected faults: decided before the operation runs, reproducible from a seed. */
describe("emulator: fault injection", () => {
  const aws = useTestEmulator();

  beforeEach(() => createDomainWithObjectTypes(aws.customerProfiles, "retail"));

  const put = (uri: string) =>
    aws.customerProfiles.send(new PutIntegrationCommand({ DomainName: "retail", Uri: uri, ObjectTypeName: "Contact" }));
  const integrations = async () =>
    (await aws.customerProfiles.send(new ListIntegrationsCommand({ DomainName: "retail" }))).Items!.map((i) => i.Uri);

  it("throttleRate 1 answers 429 ThrottlingException and the faulted PutIntegration changes nothing", async () => {
    aws.emulator.setFaults({ rules: [{ service: "customer-profiles", operation: "PutIntegration", throttleRate: 1 }] });
    await expectServiceError(put("u1"), ThrottlingException, 429);
    assert.deepEqual(await integrations(), [], "ListIntegrations is not faulted, and shows nothing was created");
    const record = aws.emulator.requests().find((r) => r.operation === "PutIntegration")!;
    assert.equal(record.status, 429);
    assert.equal(record.errorType, "ThrottlingException");
    assert.equal(record.input?.Uri, "u1");
  });

  it("errorRate 1 answers 500 InternalServerException", async () => {
    aws.emulator.setFaults({ rules: [{ operation: "GetDomain", errorRate: 1 }] });
    await expectServiceError(aws.customerProfiles.send(new GetDomainCommand({ DomainName: "retail" })), InternalServerException, 500);
  });

  it("AppFlow throttles with its modelled ThrottlingException, STS with Throttling", async () => {
    aws.emulator.setFaults({
      rules: [
        { service: "appflow", throttleRate: 1 },
        { service: "sts", throttleRate: 1 },
      ],
    });
    await expectServiceError(aws.appflow.send(new DescribeConnectorProfilesCommand({})), AppflowThrottling, 429);
    await expectErrorNamed(aws.sts.send(new GetCallerIdentityCommand({})), "Throttling", 400);
    await aws.customerProfiles.send(new GetDomainCommand({ DomainName: "retail" }));
  });

  it("the same seed faults the same requests; another seed a different set", async () => {
    const run = async (seed: number): Promise<string> => {
      aws.emulator.reset();
      await createDomainWithObjectTypes(aws.customerProfiles, "retail");
      aws.emulator.setFaults({ seed, rules: [{ operation: "PutIntegration", throttleRate: 0.5 }] });
      let outcome = "";
      for (let i = 0; i < 24; i++) {
        outcome += await put(`u${i}`).then(
          () => "ok ",
          (e: Error) => `${e.name === "ThrottlingException" ? "429" : e.name} `,
        );
      }
      const created = await integrations();
      assert.equal(created.length, outcome.split("ok").length - 1, "exactly the unfaulted requests created integrations");
      return outcome;
    };
    const a = await run(42);
    const b = await run(42);
    const c = await run(7);
    assert.equal(a, b);
    assert.notEqual(a, c);
    assert.ok(a.includes("429") && a.includes("ok"), `a rate of 0.5 faults some, not all: ${a}`);
  });

  it("a rule applies only to the service and operation it names", async () => {
    aws.emulator.setFaults({ rules: [{ service: "appflow", operation: "PutIntegration", throttleRate: 1 }] });
    await put("u1");
    aws.emulator.setFaults({ rules: [{ service: "customer-profiles", operation: "GetIntegration", throttleRate: 1 }] });
    await put("u2");
    assert.deepEqual(await integrations(), ["u1", "u2"]);
  });

  it("setFaults({}) clears the faults", async () => {
    aws.emulator.setFaults({ rules: [{ throttleRate: 1 }] });
    await expectServiceError(put("u1"), ThrottlingException, 429);
    aws.emulator.setFaults({});
    await put("u1");
  });

  it("latencyMs delays the answer", async () => {
    aws.emulator.setFaults({ rules: [{ operation: "GetDomain", latencyMs: 300 }] });
    const started = Date.now();
    await aws.customerProfiles.send(new GetDomainCommand({ DomainName: "retail" }));
    assert.ok(Date.now() - started >= 290, `took ${Date.now() - started} ms`);
    assert.ok(aws.emulator.requests().at(-1)!.durationMs >= 290);
  });

  it("dropRate 1 destroys the connection without an answer, and changes nothing", async () => {
    aws.emulator.setFaults({ rules: [{ operation: "PutIntegration", dropRate: 1 }] });
    await assert.rejects(put("u1"), (e: Error & { code?: string }) => /ECONNRESET|socket hang up/i.test(`${e.code} ${e.message}`));
    aws.emulator.setFaults({});
    assert.deepEqual(await integrations(), []);
    const record = aws.emulator.requests().find((r) => r.operation === "PutIntegration")!;
    assert.equal(record.status, 0);
    assert.equal(record.errorType, "ConnectionDropped");
  });

  it("hangRate 1 accepts the request and never answers; close() still completes", async () => {
    const own = await startEmulator();
    own.setFaults({ rules: [{ operation: "ListDomains", hangRate: 1 }] });
    let settled = false;
    const pending = signedRequest(own, { method: "GET", path: "/domains" }, { service: "profile" });
    pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    await until(() => own.requests().at(-1)?.errorType === "NoResponse", "the endpoint records the request it will not answer");
    assert.equal(settled, false, "no answer, and the connection is still open");
    await own.close(); // a close() that hung would fail the spec at its timeout
    await assert.rejects(pending, "the client sees the connection end when the endpoint closes");
  });

  it("faults are decided after authentication: an unsigned request is refused, not faulted", async () => {
    aws.emulator.setFaults({ rules: [{ throttleRate: 1 }] });
    const res = await rawRequest(aws.emulator.url, { method: "GET", path: "/domains" });
    assert.equal(res.status, 403);
  });

  it("an impossible config is refused and the current one kept", async () => {
    aws.emulator.setFaults({ rules: [{ operation: "GetDomain", errorRate: 1 }] });
    assert.throws(() => aws.emulator.setFaults({ rules: [{ throttleRate: 2 }] }), /throttleRate must be a number from 0 to 1/);
    assert.throws(() => aws.emulator.setFaults({ rules: [{ throtleRate: 1 } as never] }), /throtleRate is not a fault setting/);
    await expectServiceError(aws.customerProfiles.send(new GetDomainCommand({ DomainName: "retail" })), InternalServerException, 500);
  });

  it("a latencyMs above 2^31-1 (which a Node timer would turn into 1 ms) is refused, in process and over HTTP", async () => {
    assert.throws(() => aws.emulator.setFaults({ rules: [{ latencyMs: 2 ** 31 }] }), /latencyMs must be at most 2147483647/);
    const res = await rawRequest(aws.emulator.url, {
      method: "PUT",
      path: "/_emulator/faults",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ rules: [{ latencyMs: 1e12 }] }),
    });
    assert.equal(res.status, 400);
    assert.match(JSON.parse(res.body).message, /rules\[0\]\.latencyMs must be at most 2147483647/);
    aws.emulator.setFaults({ rules: [{ latencyMs: 2 ** 31 - 1, operation: "DeleteDomain" }] }); // the largest is accepted
  });

  it("PUT /_emulator/faults sets the same faults over HTTP", async () => {
    await connectEmulator(aws.emulator.url).setFaults({ seed: 1, rules: [{ operation: "PutIntegration", throttleRate: 1 }] });
    await expectServiceError(put("u1"), ThrottlingException, 429);
    const bad = await rawRequest(aws.emulator.url, {
      method: "PUT",
      path: "/_emulator/faults",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ rules: [{ errorRate: -1 }] }),
    });
    assert.equal(bad.status, 400);
    assert.match(JSON.parse(bad.body).message, /errorRate/);
  });
});
