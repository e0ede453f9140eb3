import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { E2E_TEST_TIMEOUT } from "../support/e2e";
import { stepsOf, type Stack } from "../../testing/pulumi";
import { awsCli, EXAMPLE_URIS, integrationsIn, writes } from "../../testing/local-aws";
import { destroyCustomersAndOrders, usePluginE2E, yamlProject } from "../support/e2e-plugin";
import { pluginModule } from "../support/plugin-resource-shim";
import { toApi } from "../../provider/mapping";
import { NODEJS_MODULE, RESOURCE_TOKEN } from "../../provider/plugin/names";
import { s3FlowIntegration } from "../support/fixtures";

const FLOW_URI = EXAMPLE_URIS.quickstart;
const EVENT_URI = EXAMPLE_URIS.shopifyOrders;

describe("pulumi import through the provider plugin, with the real pulumi CLI against the local endpoint", function () {
  this.timeout(E2E_TEST_TIMEOUT);
  this.slow(60_000);
  const e2e = usePluginE2E();

  /** An S3-flow integration and an event integration, made with the AWS CLI as a user would outside Pulumi. */
  async function createOutsidePulumi(): Promise<void> {
    const flow = await awsCli(e2e.aws, [
      "customer-profiles",
      "put-integration",
      "--domain-name",
      "retail",
      "--object-type-name",
      "CustomerCsv",
      "--flow-definition",
      JSON.stringify(toApi("FlowDefinition", s3FlowIntegration().flowDefinition)),
      "--tags",
      "team=crm",
    ]);
    assert.equal(flow.Uri, FLOW_URI);
    await awsCli(e2e.aws, [
      "customer-profiles",
      "put-integration",
      "--domain-name",
      "retail",
      "--uri",
      EVENT_URI,
      "--object-type-names",
      "ShopifyCreateOrders=ShopifyOrder,ShopifyUpdatedOrders=ShopifyOrder",
      "--tags",
      "team=crm",
    ]);
    e2e.aws.emulator.clearRequests();
  }

  /** `pulumi import` of both, from an import file; returns the code it printed. */
  async function importBoth(stack: Stack, out: string): Promise<string> {
    const file = path.join(path.dirname(stack.dir), "import.json");
    fs.writeFileSync(
      file,
      JSON.stringify({
        resources: [
          { type: RESOURCE_TOKEN, name: "customers", id: `retail/${FLOW_URI}` },
          { type: RESOURCE_TOKEN, name: "orders", id: `retail/${EVENT_URI}` },
        ],
      }),
    );
    const r = await stack.cli(["import", "--file", file, "--yes", "--protect=false", "--out", out]);
    assert.equal(r.code, 0, `pulumi import failed:\n${r.stdout}\n${r.stderr}`);
    assert.deepEqual(writes(e2e.aws), [], "import only reads");
    return fs.readFileSync(out, "utf8");
  }

  it("imports both from their ids alone and prints YAML that, put back into the program, previews with no changes", async () => {
    await createOutsidePulumi();
    const stack = await e2e.project(yamlProject("resources: {}\n"));
    const code = await importBoth(stack, path.join(path.dirname(stack.dir), "imported.yaml"));
    assert.match(code, /type: customer-profiles-integration:(index:)?Integration/);
    assert.match(code, /flowName: customers-from-s3/, "the flow is mapped back into flowDefinition");
    assert.match(code, /bucketName: retail-exports/);
    assert.match(code, /ShopifyCreateOrders: ShopifyOrder/);

    fs.writeFileSync(path.join(stack.dir, "Pulumi.yaml"), yamlProject(code)["Pulumi.yaml"]);
    const preview = await stack.preview({ expectNoChanges: true });
    assert.deepEqual(preview.changes, { same: 3 }, "the stack and both integrations, unchanged");
    await stack.up({ expectNoChanges: true });
    assert.deepEqual(writes(e2e.aws), [], "the next up writes nothing");
    await destroyCustomersAndOrders(e2e, stack);
  });

  it("imports both and prints TypeScript that, put back into the program, previews with no changes", async () => {
    await createOutsidePulumi();
    const stack = await e2e.project(
      {
        "Pulumi.yaml": "name: plugin-e2e-ts\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n",
        "index.ts": "export {};\n",
        "package.json": JSON.stringify({ name: "plugin-e2e-ts", private: true, main: "index.ts" }),
      },
      { nodeModules: true },
    );
    const code = await importBoth(stack, path.join(stack.dir, "index.ts"));
    assert.match(code, /new \w+\.Integration\("customers"/);
    assert.match(code, /flowName: "customers-from-s3"/);
    assert.match(code, new RegExp(`import \\* as \\w+ from "${NODEJS_MODULE}";`), "imported from the package's plugin entry");
    const module = pluginModule(stack.dir);
    // A package without the generated class yet: the stand-in takes the entry's place.
    if (module !== NODEJS_MODULE)
      fs.writeFileSync(path.join(stack.dir, "index.ts"), code.replace(`"${NODEJS_MODULE}"`, JSON.stringify(module)));

    const preview = await stack.preview({ expectNoChanges: true });
    assert.deepEqual(preview.changes, { same: 3 }, "the stack and both integrations, unchanged");
    await destroyCustomersAndOrders(e2e, stack);
  });

  it("adopts an integration through the import resource option, writing nothing", async () => {
    await createOutsidePulumi();
    const stack = await e2e.project(
      yamlProject(`resources:
  orders:
    type: customer-profiles-integration:index:Integration
    properties:
      domainName: retail
      uri: ${EVENT_URI}
      objectTypeNames: { ShopifyCreateOrders: ShopifyOrder, ShopifyUpdatedOrders: ShopifyOrder }
      tags: { team: crm }
    options:
      import: retail/${EVENT_URI}
`),
    );
    const up = await stack.up();
    assert.deepEqual(stepsOf(up), [["orders", "import"]]);
    assert.deepEqual(writes(e2e.aws), []);
    await stack.preview({ expectNoChanges: true });
    await stack.destroy();
    assert.deepEqual(
      (await integrationsIn(e2e.aws, "retail")).map((i) => i.Uri),
      [FLOW_URI],
    );
  });
});
