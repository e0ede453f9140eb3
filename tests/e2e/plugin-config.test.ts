import { strict as assert } from "assert";
import { E2E_TEST_TIMEOUT } from "../support/e2e";
import { stepsOf, type Stack } from "../../testing/pulumi";
import { EXAMPLE_URIS, integrationsIn } from "../../testing/local-aws";
import { PLUGIN_REGION, usePluginE2E, yamlProject } from "../support/e2e-plugin";

const ORDERS = `  orders:
    type: customer-profiles-integration:index:Integration
    properties:
      domainName: retail
      uri: ${EXAMPLE_URIS.shopifyOrders}
      objectTypeNames: { ShopifyCreateOrders: ShopifyOrder }
`;

/** No endpoint from the environment: a call that does not use the provider's endpoints reaches nothing. */
function withoutEndpointEnv(stack: Stack): void {
  for (const k of Object.keys(stack.env)) if (k.startsWith("AWS_ENDPOINT_URL")) delete stack.env[k];
  stack.env.AWS_ENDPOINT_URL = "http://127.0.0.1:9";
}

describe("The provider plugin's configuration, with the real pulumi CLI against the local endpoint", function () {
  this.timeout(E2E_TEST_TIMEOUT);
  this.slow(60_000);
  const e2e = usePluginE2E();

  it("takes the region from the package's config, else from AWS_REGION; without either, preview says which key to set", async () => {
    const stack = await e2e.project(yamlProject(`resources:\n${ORDERS}`), { config: { [PLUGIN_REGION]: undefined } });
    const without = await stack.preview({ mayFail: true });
    assert.notEqual(without.code, 0);
    assert.match(without.errors.join("\n"), /pulumi config set customer-profiles-integration:region/);

    stack.env.AWS_REGION = "us-east-1";
    assert.deepEqual(stepsOf(await stack.preview()), [["orders", "create"]]);
    delete stack.env.AWS_REGION;

    await stack.setConfig({ [PLUGIN_REGION]: "us-east-1" });
    const up = await stack.up();
    assert.equal(up.steps[0].newOutputs!.region, "us-east-1");
    await stack.destroy();
  });

  it("reaches the endpoints set in the package's config (pulumi config set --path …:endpoints.<service>)", async () => {
    const stack = await e2e.project(yamlProject(`resources:\n${ORDERS}`));
    withoutEndpointEnv(stack);
    for (const service of ["customerProfiles", "appflow", "sts"]) {
      const r = await stack.cli(["config", "set", "--path", `customer-profiles-integration:endpoints.${service}`, e2e.aws.emulator.url]);
      assert.equal(r.code, 0, r.stderr);
    }
    const up = await stack.up();
    assert.deepEqual(stepsOf(up), [["orders", "create"]]);
    assert.equal((await integrationsIn(e2e.aws, "retail")).length, 1);
    await stack.destroy();
    assert.deepEqual(await integrationsIn(e2e.aws, "retail"), []);
  });

  it("serves an explicit provider resource with its own region and endpoints", async () => {
    const stack = await e2e.project(
      yamlProject(`resources:
  local:
    type: pulumi:providers:customer-profiles-integration
    properties:
      region: us-east-1
      endpoints:
        customerProfiles: ${e2e.aws.emulator.url}
        appflow: ${e2e.aws.emulator.url}
        sts: ${e2e.aws.emulator.url}
${ORDERS}    options:
      provider: \${local}
`),
      { config: { [PLUGIN_REGION]: undefined } },
    );
    withoutEndpointEnv(stack);
    const up = await stack.up();
    assert.deepEqual(
      stepsOf(up).filter(([name]) => name === "orders"),
      [["orders", "create"]],
    );
    assert.equal(up.steps.find((s) => s.name === "orders")!.newOutputs!.region, "us-east-1");
    await stack.preview({ expectNoChanges: true });
    await stack.destroy();
    assert.deepEqual(await integrationsIn(e2e.aws, "retail"), []);
  });
});
