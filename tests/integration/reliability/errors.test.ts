import { strict as assert } from "assert";
import * as http from "node:http";
import { inspect } from "node:util";
import { AccessDeniedException as AppflowAccessDenied, AppflowClient } from "@aws-sdk/client-appflow";
import { AccessDeniedException, CustomerProfilesClient } from "@aws-sdk/client-customer-profiles";
import { STSServiceException } from "@aws-sdk/client-sts";
import { startEmulator } from "../../../emulator";
import { explain } from "../../../provider/errors";
import { seedConnectorProfile, seedRetailDomain } from "../../../testing/local-aws";
import { salesforceFlowIntegration } from "../../support/fixtures";
import type { IntegrationInputs } from "../../../sdk/types";
import { eventAt, useSeededEndpoint } from "./support";
import { capturingOutput, Engine, IMPATIENT, withEnv } from "../../support/provider-driver";

/**
 * An endpoint answering every request with one AWS error, in the REST-JSON form Customer Profiles
 * and AppFlow use, for refusals the local endpoint does not make (AccessDenied) and for an
 * answer that echoes the request back.
 */
async function refusingEndpoint(answer: (body: string) => { type: string; message: string; status: number }) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const { type, message, status } = answer(Buffer.concat(chunks).toString("utf8"));
      const body = JSON.stringify({ Message: message, message });
      res.writeHead(status, { "content-type": "application/json", "x-amzn-errortype": type, "x-amzn-requestid": "req-1" });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const denied = (action: string) => () => ({
  status: 403,
  type: "AccessDeniedException",
  message: `User: arn:aws:sts::123456789012:assumed-role/deployer/ci is not authorized to perform: ${action}`,
});

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzDISTINCTIVE";
const DESCRIPTION = "Codeword PLATYPUS-7431 quarterly contacts";

/** A Salesforce flow whose description must never be shown. */
function secretFlow(overrides: Partial<IntegrationInputs> = {}): IntegrationInputs {
  const base = salesforceFlowIntegration();
  return salesforceFlowIntegration({ flowDefinition: { ...base.flowDefinition!, description: DESCRIPTION }, ...overrides });
}

/**
 * Errors a user can act on: the refused IAM action, the missing domain or object type with the
 * region, rejected credentials and a missing region with the fix — and never a credential or a
 * FlowDefinition in any message or console line.
 */
describe("reliability: errors a user can act on (local endpoint, real SDK)", function () {
  this.timeout(60_000);
  useSeededEndpoint();
  let engine: Engine;

  beforeEach(async () => {
    engine = await Engine.start();
  });

  describe("access denied names the IAM action that was refused", () => {
    it("for each Customer Profiles call the lifecycle makes, answered over the wire", async () => {
      const existing = await engine.create(eventAt(1));
      for (const [operation, run] of [
        ["GetIntegration", () => engine.create(eventAt(2))],
        ["DeleteIntegration", () => engine.delete(existing.id, existing.outs)],
        ["TagResource", () => engine.update(existing.id, existing.outs, eventAt(1, { tags: { team: "ops", n: "1" } }))],
      ] as const) {
        const refusing = await refusingEndpoint(denied(`profile:${operation}`));
        try {
          await withEnv({ AWS_ENDPOINT_URL_CUSTOMER_PROFILES: refusing.url }, async () => {
            await assert.rejects((run as () => Promise<unknown>)(), (err: Error) => {
              assert.match(err.message, new RegExp(`^Access denied: Customer Profiles ${operation} in us-east-1 for domain "retail"`));
              assert.match(err.message, new RegExp(`need the IAM permission "profile:${operation}"`));
              return true;
            });
          });
        } finally {
          await refusing.close();
        }
      }
    });

    it("for AppFlow's DescribeFlow, when refreshing a flow integration", async () => {
      const { id, outs } = await engine.create(salesforceFlowIntegration());
      const refusing = await refusingEndpoint(denied("appflow:DescribeFlow"));
      try {
        await withEnv({ AWS_ENDPOINT_URL_APPFLOW: refusing.url }, async () => {
          await assert.rejects(
            engine.read(id, outs),
            /Access denied: AppFlow DescribeFlow in us-east-1 was refused\. .*"appflow:DescribeFlow"/,
          );
        });
      } finally {
        await refusing.close();
      }
    });

    it("for the SDK's own error objects of each service", () => {
      const meta = { $metadata: { httpStatusCode: 403 } };
      const cases: [unknown, string, string][] = [
        [new AccessDeniedException({ message: "not authorized", ...meta }), "Customer Profiles", "profile:PutIntegration"],
        [new AppflowAccessDenied({ message: "not authorized", ...meta }), "AppFlow", "appflow:DescribeFlow"],
        [
          new STSServiceException({ name: "AccessDenied", $fault: "client", message: "not authorized", ...meta }),
          "STS",
          "sts:GetCallerIdentity",
        ],
      ];
      for (const [err, service, action] of cases) {
        const operation = action.split(":")[1];
        const explained = explain(err, { service: service as never, operation, region: "eu-west-1", domainName: "retail" });
        assert.match(explained.message, new RegExp(`^Access denied: ${service} ${operation} in eu-west-1`));
        assert.ok(explained.message.includes(`the IAM permission "${action}"`), explained.message);
        assert.equal(explained.outcomeUnknown, false, "a refusal applied nothing");
      }
    });
  });

  it("a missing domain is named with the region", async () => {
    await assert.rejects(engine.create(eventAt(1, { domainName: "nowhere" })), (err: Error) => {
      assert.match(err.message, /^Not found: Customer Profiles PutIntegration in us-east-1 for domain "nowhere"/);
      return true;
    });
  });

  it("a refused PutIntegration is named with the domain, the region and the object type it names", async () => {
    // A missing domain: a refusal the model documents (ResourceNotFoundException). A missing object
    // type is accepted and noted: no source shows PutIntegration refusing it (docs/evidence.md).
    await assert.rejects(
      engine.create(eventAt(1, { domainName: "nowhere", objectTypeNames: undefined, objectTypeName: "Ghost" })),
      (err: Error) => {
        assert.match(err.message, /PutIntegration in us-east-1 for domain "nowhere" \(object type "Ghost"\)/);
        return true;
      },
    );
  });

  describe("rejected credentials say how to fix them", () => {
    for (const [what, env, names] of [
      ["a wrong secret key", { AWS_SECRET_ACCESS_KEY: "wrong-secret-key" }, /SignatureDoesNotMatch|InvalidSignatureException/],
      ["an unknown access key", { AWS_ACCESS_KEY_ID: "AKIAUNKNOWNKEY000000" }, /InvalidClientTokenId|UnrecognizedClientException/],
    ] as const) {
      it(`${what}: on create (STS first) and on delete (Customer Profiles first)`, async () => {
        const existing = await engine.create(eventAt(1));
        await withEnv(env, async () => {
          const fresh = await Engine.start();
          for (const run of [() => fresh.create(eventAt(2)), () => fresh.delete(existing.id, existing.outs)]) {
            await assert.rejects(run(), (err: Error) => {
              assert.match(
                err.message,
                /^The AWS credentials were rejected by (STS GetCallerIdentity|Customer Profiles DeleteIntegration) in us-east-1/,
              );
              assert.match(err.message, names);
              assert.match(err.message, /AWS_ACCESS_KEY_ID \/ AWS_SECRET_ACCESS_KEY \/ AWS_SESSION_TOKEN or the profile/);
              return true;
            });
          }
        });
      });
    }
  });

  it("a missing region says how to set one, on create and on import", async () => {
    await withEnv({ AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined }, async () => {
      const fresh = await Engine.start();
      const setRegion = /No AWS region is set.*`pulumi config set aws:region <region>`/;
      await assert.rejects(fresh.provider.create(eventAt(1) as never), setRegion);
      await assert.rejects(fresh.read(`retail/${eventAt(1).uri}`, {}), setRegion);
    });
  });

  describe("no credential and no FlowDefinition in any message or console line", () => {
    /** Runs a failing operation and returns everything it could have shown a user. */
    async function shown(run: () => Promise<unknown>): Promise<string> {
      const { error, output } = await capturingOutput(run);
      assert.ok(error, "the operation failed");
      const e = error as Error & { reasons?: string[]; properties?: unknown };
      // A partial failure's properties are the state the engine records (flowDefinition is an
      // output), never shown: everything else on the error, its cause included, could be.
      const { properties } = e;
      delete e.properties;
      const inspected = inspect(e, { depth: 8 });
      e.properties = properties;
      return [e.message, e.stack, inspected, ...(e.reasons ?? []), output].join("\n");
    }

    function assertClean(text: string, where: string) {
      assert.ok(!text.includes(SECRET), `${where}: the secret key was shown`);
      assert.ok(!text.includes(DESCRIPTION), `${where}: the flow description was shown`);
    }

    it("with the secret rejected, throttled to exhaustion, unanswered, partly applied, or echoed back by the service", async () => {
      const own = await startEmulator({ secretAccessKey: SECRET });
      try {
        // A wrong secret: rejected by STS on create, by AppFlow in the preview's cross-check (a warning).
        await withEnv({ AWS_SECRET_ACCESS_KEY: SECRET }, async () => {
          assertClean(await shown(async () => (await Engine.start()).create(secretFlow())), "rejected secret");
        });

        await withEnv({ ...own.env, ...IMPATIENT }, async () => {
          const fresh = await Engine.start();
          const config = { region: own.region, endpoint: own.url, credentials: own.credentials };
          const seeding = { emulator: own, customerProfiles: new CustomerProfilesClient(config), appflow: new AppflowClient(config) };
          try {
            await seedRetailDomain(seeding);
            await seedConnectorProfile(seeding, "salesforce-prod", "Salesforce");
          } finally {
            seeding.customerProfiles.destroy();
            seeding.appflow.destroy();
          }

          own.setFaults({ rules: [{ operation: "PutIntegration", throttleRate: 1 }] });
          assertClean(await shown(() => fresh.create(secretFlow())), "throttled");
          own.setFaults({ rules: [{ operation: "PutIntegration", hangRate: 1 }] });
          assertClean(await shown(() => fresh.create(secretFlow())), "unanswered");
          own.setFaults({});

          const { id, outs } = await fresh.create(secretFlow());
          own.setFaults({ rules: [{ operation: "TagResource", errorRate: 1 }] });
          const changed = secretFlow({ tags: { team: "ops" }, roleArn: "arn:aws:iam::123456789012:role/Other" });
          assertClean(await shown(() => fresh.update(id, outs, changed)), "partly applied");
          own.setFaults({});
        });
      } finally {
        await own.close();
      }

      // A service (or a proxy) that echoes the whole request back in its error message.
      const echoing = await refusingEndpoint((body) => ({ status: 400, type: "BadRequestException", message: `Invalid request: ${body}` }));
      try {
        await withEnv({ AWS_ENDPOINT_URL_CUSTOMER_PROFILES: echoing.url }, async () => {
          const text = await shown(async () => (await Engine.start()).create(secretFlow()));
          assertClean(text, "echoed");
          assert.match(text, /Invalid request: .*"FlowName":"salesforce-contacts"/, "the echo was there, scrubbed");
          assert.match(text, /\(redacted\)/);
        });
      } finally {
        await echoing.close();
      }
    });
  });
});
