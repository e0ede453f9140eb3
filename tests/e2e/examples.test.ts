import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { E2E_TEST_TIMEOUT, useE2E } from "../support/e2e";
import { EXAMPLE_URIS, flowNames, getIntegration, integrationsIn, writes } from "../../testing/local-aws";
import { Stack, engineEnv, stepsOf } from "../../testing/pulumi";
import { REPO_ROOT, run, runOrThrow, workingCopy, type ExampleName } from "../../testing/package";

/** What each example's program declares with its config defaults, which the seed data matches. */
interface Declared {
  name: string;
  uri: string;
  flowName?: string;
  objectTypeName?: string;
  objectTypeNames?: Record<string, string>;
  tags: Record<string, string>;
}

const EXAMPLES: Record<ExampleName, Declared[]> = {
  quickstart: [
    {
      name: "customers-from-s3",
      uri: EXAMPLE_URIS.quickstart,
      flowName: "customers-from-s3",
      objectTypeName: "CustomerCsv",
      tags: { team: "crm", example: "quickstart" },
    },
  ],
  salesforce: [
    {
      name: "salesforce-contacts",
      uri: EXAMPLE_URIS.salesforce,
      flowName: "salesforce-contacts",
      objectTypeName: "SalesforceContact",
      tags: { team: "crm", source: "salesforce" },
    },
  ],
  events: [
    {
      name: "shopify-orders",
      uri: EXAMPLE_URIS.shopifyOrders,
      objectTypeNames: { ShopifyCreateOrders: "ShopifyOrder", ShopifyUpdatedOrders: "ShopifyOrder" },
      tags: { team: "commerce", env: "e2e" },
    },
    {
      name: "segment-identify",
      uri: EXAMPLE_URIS.segmentIdentify,
      objectTypeNames: { SegmentIdentify: "SegmentProfile" },
      tags: { team: "commerce", env: "e2e" },
    },
  ],
};

describe("The examples, deployed by the real pulumi CLI to the local endpoint", function () {
  this.timeout(E2E_TEST_TIMEOUT);
  this.slow(30_000);
  const e2e = useE2E({ examples: ["quickstart", "salesforce", "events"] });

  for (const [example, declared] of Object.entries(EXAMPLES) as [ExampleName, Declared[]][]) {
    const names = declared.map((d) => d.name).sort();
    /** The same step for every integration the example declares. */
    const each = (op: string) => names.map((n) => [n, op]);
    const flows = declared.flatMap((d) => (d.flowName ? [d.flowName] : [])).sort();

    describe(`examples/${example}`, () => {
      it("type-checks against the packed package's type declarations, with the example's own TypeScript", async () => {
        const dir = path.join(e2e.workspace, `typecheck-${example}`);
        await workingCopy(example, dir);
        const tsc = path.join(dir, "node_modules", "typescript", "bin", "tsc");
        const r = await run(process.execPath, [tsc, "--noEmit", "-p", dir]);
        assert.equal(r.code, 0, r.stdout + r.stderr);
      });

      it("preview lists each integration to create, and makes no write call", async () => {
        const stack = await e2e.stack(example);
        const preview = await stack.preview();
        assert.deepEqual(stepsOf(preview), each("create"));
        assert.deepEqual(writes(e2e.aws), []);
        assert.deepEqual(await integrationsIn(e2e.aws, "retail"), []);
        assert.deepEqual(await flowNames(e2e.aws), []);
      });

      it("up creates exactly what the program declares; a second up shows no diff and makes no write call", async () => {
        const stack = await e2e.stack(example);
        const up = await stack.up();
        assert.deepEqual(stepsOf(up), each("create"));
        const puts = writes(e2e.aws);
        assert.deepEqual(
          puts.map((r) => r.operation),
          declared.map(() => "PutIntegration"),
          "one PutIntegration per integration",
        );
        assert.ok(puts.every((r) => r.input!.DomainName === "retail"));

        const held = await integrationsIn(e2e.aws, "retail");
        assert.deepEqual(held.map((i) => i.Uri).sort(), declared.map((d) => d.uri).sort());
        for (const d of declared) {
          const integration = await getIntegration(e2e.aws, "retail", d.uri);
          assert.equal(integration?.ObjectTypeName, d.objectTypeName, d.name);
          assert.deepEqual(integration?.ObjectTypeNames, d.objectTypeNames, d.name);
          assert.deepEqual(integration?.Tags, d.tags, d.name);
          const step = up.steps.find((s) => s.name === d.name)!;
          assert.equal(step.newOutputs!.uri, d.uri);
          assert.equal(step.newOutputs!.arn, `arn:aws:profile:us-east-1:123456789012:domains/retail/integrations/${d.uri}`);
        }
        assert.deepEqual(await flowNames(e2e.aws), flows);

        e2e.aws.emulator.clearRequests();
        const again = await stack.up({ expectNoChanges: true });
        assert.deepEqual(stepsOf(again), each("same"));
        assert.deepEqual(writes(e2e.aws), []);
      });

      it("destroy leaves no integration and no flow behind, and the state held no credential and a provider of at most 2 KB per resource", async () => {
        const stack = await e2e.stack(example);
        await stack.up();
        const state = await stack.exportState();
        const { secretAccessKey, accessKeyId } = e2e.aws.emulator.credentials;
        assert.ok(!state.text.includes(secretAccessKey), "the secret key is not in the state");
        assert.ok(!state.text.includes(accessKeyId), "the access key id is not in the state");
        const integrations = (state.deployment.resources ?? []).filter((r) => r.type.endsWith(":Integration"));
        assert.deepEqual(integrations.map((r) => r.urn.split("::").pop()).sort(), names);
        for (const r of integrations) {
          for (const serialized of [r.inputs.__provider, r.outputs.__provider]) {
            assert.equal(typeof serialized, "string");
            assert.ok(Buffer.byteLength(serialized) <= 2048, `__provider of ${r.urn} is ${Buffer.byteLength(serialized)} bytes`);
          }
        }

        e2e.aws.emulator.clearRequests();
        const destroyed = await stack.destroy();
        assert.deepEqual(stepsOf(destroyed), each("delete"));
        assert.deepEqual(
          writes(e2e.aws).map((r) => r.operation),
          declared.map(() => "DeleteIntegration"),
        );
        assert.deepEqual(await integrationsIn(e2e.aws, "retail"), []);
        assert.deepEqual(await flowNames(e2e.aws), []);
        const after = await stack.exportState();
        assert.deepEqual(
          (after.deployment.resources ?? []).filter((r) => r.type.endsWith(":Integration")),
          [],
        );
      });
    });
  }

  /**
   * What each example's README tells a newcomer, in a fresh clone (of the committed HEAD: local
   * edits not yet committed are not in it): `npm ci`, then `npm run example:install -- <name>`
   * at the root, then `pulumi stack init`, `pulumi config set aws:region` and `pulumi up` in the
   * example's folder, against the local endpoint.
   */
  describe("each example's README, followed from a fresh clone", () => {
    let clone: string;

    before(async function () {
      this.timeout(15 * 60_000);
      clone = path.join(e2e.workspace, "clone");
      await runOrThrow("git", ["clone", "--quiet", REPO_ROOT, clone]);
      await runOrThrow("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: clone });
    });

    for (const [example, declared] of Object.entries(EXAMPLES) as [ExampleName, Declared[]][]) {
      it(`examples/${example}: npm run example:install -- ${example}, then pulumi up and destroy in the folder`, async function () {
        // A cold npm install of the example and a type-checked program run: minutes on a busy machine.
        this.timeout(3 * E2E_TEST_TIMEOUT);
        const dir = path.join(clone, "examples", example);
        await runOrThrow("npm", ["run", "example:install", "--", example], { cwd: clone });
        const installed = JSON.parse(
          fs.readFileSync(path.join(dir, "node_modules", "pulumi-customer-profiles-integration", "package.json"), "utf8"),
        );
        const own = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
        assert.equal(installed.version, own.version, "the package installed is this checkout's");
        assert.ok(
          fs.existsSync(path.join(dir, "node_modules", "pulumi-customer-profiles-integration", "dist", "index.d.ts")),
          "with its build",
        );

        const backend = path.join(e2e.workspace, `clone-state-${example}`);
        fs.mkdirSync(backend);
        const stack = new Stack({
          engine: e2e.engine,
          dir,
          name: "dev",
          env: engineEnv(e2e.engine, { home: e2e.pulumiHome, backendDir: backend, aws: e2e.aws.pulumiEnv }),
        });
        await stack.init({ "aws:region": "us-east-1" });
        const up = await stack.up();
        assert.deepEqual(stepsOf(up), declared.map((d) => [d.name, "create"]).sort());
        assert.deepEqual((await integrationsIn(e2e.aws, "retail")).map((i) => i.Uri).sort(), declared.map((d) => d.uri).sort());
        const destroyed = await stack.destroy();
        assert.deepEqual(stepsOf(destroyed), declared.map((d) => [d.name, "delete"]).sort());
        assert.deepEqual(await integrationsIn(e2e.aws, "retail"), []);
      });
    }
  });
});
