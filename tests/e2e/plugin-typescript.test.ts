import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { E2E_TEST_TIMEOUT } from "../support/e2e";
import { stepsOf, type Stack } from "../../testing/pulumi";
import { EXAMPLE_URIS, integrationsIn, writes } from "../../testing/local-aws";
import { destroyCustomersAndOrders, diagnostics, usePluginE2E } from "../support/e2e-plugin";
import { installShim, pluginModule, SHIM_MODULE } from "../support/plugin-resource-shim";
import { s3FlowIntegration } from "../support/fixtures";

/** A TypeScript program of the plugin's resources, each `[name, args]`, imported from `module`. */
function program(module: string, resources: [string, object][]): string {
  const body = resources.map(([name, args]) => `new cpi.Integration(${JSON.stringify(name)}, ${JSON.stringify(args)});`).join("\n");
  return `import * as cpi from ${JSON.stringify(module)};\n${body}\n`;
}

const orders = {
  domainName: "retail",
  uri: EXAMPLE_URIS.shopifyOrders,
  objectTypeNames: { ShopifyCreateOrders: "ShopifyOrder" },
  tags: { team: "crm" },
};

describe("The provider plugin serving a TypeScript program, with the real pulumi CLI against the local endpoint", function () {
  this.timeout(E2E_TEST_TIMEOUT);
  this.slow(60_000);
  const e2e = usePluginE2E();

  /**
   * A TypeScript project of the plugin's `resources`: through the package's generated class, or
   * with `anyKey`, through a stand-in that passes every key on, as a language without types would.
   */
  async function tsProject(resources: [string, object][], options: { anyKey?: boolean } = {}): Promise<Stack> {
    const stack = await e2e.project(
      {
        "Pulumi.yaml": "name: plugin-e2e-ts\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n",
        "package.json": JSON.stringify({ name: "plugin-e2e-ts", private: true, main: "index.ts" }),
      },
      { nodeModules: true },
    );
    if (options.anyKey) installShim(stack.dir, SHIM_MODULE);
    const module = options.anyKey ? SHIM_MODULE : pluginModule(stack.dir);
    fs.writeFileSync(path.join(stack.dir, "index.ts"), program(module, resources));
    return stack;
  }

  it("deploys a flow integration and an event integration, previews the same program with no changes, and destroys them", async () => {
    const stack = await tsProject([
      ["customers", s3FlowIntegration()],
      ["orders", orders],
    ]);
    const up = await stack.up();
    assert.deepEqual(stepsOf(up), [
      ["customers", "create"],
      ["orders", "create"],
    ]);
    assert.deepEqual(
      writes(e2e.aws).map((r) => r.operation),
      ["PutIntegration", "PutIntegration"],
    );
    const customers = up.steps.find((s) => s.name === "customers")!.newOutputs!;
    assert.equal(customers.uri, EXAMPLE_URIS.quickstart, "the URI the service derived from the flow");
    assert.match(customers.createdAt, /^\d{4}-/);

    e2e.aws.emulator.clearRequests();
    const again = await stack.preview({ expectNoChanges: true });
    assert.deepEqual(again.changes, { same: 3 });
    assert.deepEqual(writes(e2e.aws), []);

    await destroyCustomersAndOrders(e2e, stack);
  });

  it("runs the same preview checks as the dynamic provider: failures at the path and nearest-name hints, warnings shown, nothing written", async () => {
    const { flowDefinition, ...noFlow } = s3FlowIntegration();
    // One resource: the engine stops at the first resource whose check fails.
    const bad = await tsProject(
      [
        [
          "customers",
          { ...noFlow, domainName: undefined, domainname: "retail", flowDefiniton: flowDefinition, tags: { "aws:team": "crm" } },
        ],
      ],
      { anyKey: true },
    );
    const failed = await bad.preview({ mayFail: true });
    assert.notEqual(failed.code, 0, "preview fails");
    const errors = failed.errors.join("\n");
    assert.match(errors, /flowDefiniton.*did you mean flowDefinition\?/);
    assert.match(errors, /domainname.*did you mean domainName\?/);
    assert.match(errors, /tags\["aws:team"\]/);

    // An event integration naming no object type: no source shows AWS refusing it, so check warns.
    const { objectTypeNames: _o, ...untyped } = orders;
    const warned = await tsProject([["orders", untyped]], { anyKey: true });
    const preview = await warned.preview();
    assert.deepEqual(stepsOf(preview), [["orders", "create"]]);
    assert.match(
      diagnostics(preview),
      /warning: integration in domain retail \(uri [^)]+\): objectTypeName is required unless objectTypeNames is set/,
    );

    assert.deepEqual(writes(e2e.aws), [], "nothing is written");
    assert.deepEqual(await integrationsIn(e2e.aws, "retail"), []);
  });
});
