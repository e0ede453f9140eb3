import { strict as assert } from "assert";
import { E2E_TEST_TIMEOUT } from "../support/e2e";
import { stepsOf, type Stack } from "../support/e2e-engine";
import { EXAMPLE_URIS, flowNames, integrationsIn, writes } from "../support/e2e-aws";
import { diagnostics, usePluginE2E } from "../support/e2e-plugin";
import { installShim } from "../support/plugin-resource-shim";
import { s3FlowIntegration } from "../support/fixtures";

/** The module pkg/v3's generator imports the package's resources from (`pulumi import` prints it). */
const SDK_MODULE = "@pulumi/customer-profiles-integration";

/** A TypeScript program of the plugin's resources, each `[name, args]`. */
function program(resources: [string, object][]): string {
  const body = resources.map(([name, args]) => `new cpi.Integration(${JSON.stringify(name)}, ${JSON.stringify(args)});`).join("\n");
  return `import * as cpi from ${JSON.stringify(SDK_MODULE)};\n${body}\n`;
}

const orders = { domainName: "retail", uri: EXAMPLE_URIS.shopifyOrders, objectTypeNames: { ShopifyCreateOrders: "ShopifyOrder" }, tags: { team: "crm" } };

describe("The provider plugin serving a TypeScript program, with the real pulumi CLI against the local endpoint", function () {
  this.timeout(E2E_TEST_TIMEOUT);
  this.slow(60_000);
  const e2e = usePluginE2E();

  async function tsProject(source: string): Promise<Stack> {
    const stack = await e2e.project(
      {
        "Pulumi.yaml": "name: plugin-e2e-ts\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n",
        "index.ts": source,
        "package.json": JSON.stringify({ name: "plugin-e2e-ts", private: true, main: "index.ts" }),
      },
      { nodeModules: true },
    );
    // Until the generated TypeScript class ships in the package, a CustomResource with the type token stands in.
    installShim(stack.dir, SDK_MODULE);
    return stack;
  }

  it("deploys a flow integration and an event integration, previews the same program with no changes, and destroys them", async () => {
    const stack = await tsProject(program([["customers", s3FlowIntegration()], ["orders", orders]]));
    const up = await stack.up();
    assert.deepEqual(stepsOf(up), [["customers", "create"], ["orders", "create"]]);
    assert.deepEqual(writes(e2e.aws).map((r) => r.operation), ["PutIntegration", "PutIntegration"]);
    const customers = up.steps.find((s) => s.name === "customers")!.newOutputs!;
    assert.equal(customers.uri, EXAMPLE_URIS.quickstart, "the URI the service derived from the flow");
    assert.match(customers.createdAt, /^\d{4}-/);

    e2e.aws.emulator.clearRequests();
    const again = await stack.preview({ expectNoChanges: true });
    assert.deepEqual(again.changes, { same: 3 });
    assert.deepEqual(writes(e2e.aws), []);

    const destroyed = await stack.destroy();
    assert.deepEqual(stepsOf(destroyed), [["customers", "delete"], ["orders", "delete"]]);
    assert.deepEqual(await integrationsIn(e2e.aws, "retail"), []);
    assert.deepEqual(await flowNames(e2e.aws), []);
  });

  it("runs the same preview checks as the dynamic provider: failures at the path and nearest-name hints, warnings shown, nothing written", async () => {
    const { flowDefinition, ...noFlow } = s3FlowIntegration();
    // One resource: the engine stops at the first resource whose check fails.
    const bad = await tsProject(program([
      ["customers", { ...noFlow, domainName: undefined, domainname: "retail", flowDefiniton: flowDefinition, tags: { "aws:team": "crm" } }],
    ]));
    const failed = await bad.preview({ mayFail: true });
    assert.notEqual(failed.code, 0, "preview fails");
    const errors = failed.errors.join("\n");
    assert.match(errors, /flowDefiniton.*did you mean flowDefinition\?/);
    assert.match(errors, /domainname.*did you mean domainName\?/);
    assert.match(errors, /tags\["aws:team"\]/);

    // An event integration naming no object type: no source shows AWS refusing it, so check warns.
    const { objectTypeNames: _o, ...untyped } = orders;
    const warned = await tsProject(program([["orders", untyped]]));
    const preview = await warned.preview();
    assert.deepEqual(stepsOf(preview), [["orders", "create"]]);
    assert.match(diagnostics(preview), /warning: integration in domain retail \(uri [^)]+\): objectTypeName is required unless objectTypeNames is set/);

    assert.deepEqual(writes(e2e.aws), [], "nothing is written");
    assert.deepEqual(await integrationsIn(e2e.aws, "retail"), []);
  });
});
