import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { E2E_TEST_TIMEOUT } from "../support/e2e";
import { changedInputs, stepsOf, type Stack } from "../../testing/pulumi";
import { describeFlow, EXAMPLE_URIS, flowNames, getIntegration, integrationsIn, writes } from "../../testing/local-aws";
import { diagnostics, usePluginE2E, yamlProject } from "../support/e2e-plugin";

/** The quickstart's S3-flow integration as a YAML program writes it. */
function s3Integration(options: { tags?: string; bucketPrefix?: string; extra?: string } = {}): string {
  return `resources:
  customers:
    type: customer-profiles-integration:index:Integration
    properties:
      domainName: retail
      objectTypeName: CustomerCsv
      tags: ${options.tags ?? "{ team: crm }"}
      flowDefinition:
        flowName: customers-from-s3
        kmsArn: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
        sourceFlowConfig:
          connectorType: S3
          sourceConnectorProperties:
            s3: { bucketName: retail-exports, bucketPrefix: ${options.bucketPrefix ?? "customers/"} }
        tasks:
          - sourceFields: [email, name]
            connectorOperator: { s3: PROJECTION }
            taskType: Filter
        triggerConfig: { triggerType: OnDemand }
${options.extra ?? ""}outputs:
  arn: \${customers.arn}
`;
}

function rewrite(stack: Stack, body: string): void {
  fs.writeFileSync(path.join(stack.dir, "Pulumi.yaml"), yamlProject(body)["Pulumi.yaml"]);
}

describe("The provider plugin serving a YAML program, with the real pulumi CLI against the local endpoint", function () {
  this.timeout(E2E_TEST_TIMEOUT);
  this.slow(60_000);
  const e2e = usePluginE2E();

  it("runs the whole lifecycle: preview, up, refresh, a tag change, a flow change, destroy", async () => {
    const stack = await e2e.project(yamlProject(s3Integration()));

    const preview = await stack.preview();
    assert.deepEqual(stepsOf(preview), [["customers", "create"]]);
    assert.deepEqual(writes(e2e.aws), [], "preview writes nothing");

    const up = await stack.up();
    assert.deepEqual(stepsOf(up), [["customers", "create"]]);
    assert.equal(up.outputs.arn, `arn:aws:profile:us-east-1:123456789012:domains/retail/integrations/${EXAMPLE_URIS.quickstart}`);
    assert.deepEqual(
      writes(e2e.aws).map((r) => r.operation),
      ["PutIntegration"],
    );
    assert.equal((await getIntegration(e2e.aws, "retail", EXAMPLE_URIS.quickstart))?.Tags?.team, "crm");
    await stack.preview({ expectNoChanges: true });

    e2e.aws.emulator.clearRequests();
    const refreshed = await stack.refresh();
    assert.equal(refreshed.code, 0);
    assert.deepEqual(writes(e2e.aws), [], "refresh only reads");
    await stack.preview({ expectNoChanges: true });

    rewrite(stack, s3Integration({ tags: "{ team: data, owner: ana }" }));
    e2e.aws.emulator.clearRequests();
    const retag = await stack.preview();
    assert.deepEqual(stepsOf(retag), [["customers", "update"]]);
    assert.deepEqual(changedInputs(retag.steps[0]), ["tags"]);
    await stack.up();
    assert.deepEqual(
      writes(e2e.aws).map((r) => r.operation),
      ["TagResource"],
      "a tags-only change never rewrites the integration",
    );
    assert.deepEqual((await getIntegration(e2e.aws, "retail", EXAMPLE_URIS.quickstart))?.Tags, { team: "data", owner: "ana" });

    rewrite(stack, s3Integration({ tags: "{ team: data, owner: ana }", bucketPrefix: "customers/2027/" }));
    e2e.aws.emulator.clearRequests();
    const reflow = await stack.up();
    assert.deepEqual(stepsOf(reflow), [["customers", "update"]]);
    assert.deepEqual(
      writes(e2e.aws).map((r) => r.operation),
      ["UpdateFlow"],
    );
    const flow = await describeFlow(e2e.aws, "customers-from-s3");
    assert.equal(flow.sourceFlowConfig?.sourceConnectorProperties?.S3?.bucketPrefix, "customers/2027/");
    await stack.preview({ expectNoChanges: true });

    e2e.aws.emulator.clearRequests();
    const destroyed = await stack.destroy();
    assert.deepEqual(stepsOf(destroyed), [["customers", "delete"]]);
    assert.deepEqual(
      writes(e2e.aws).map((r) => r.operation),
      ["DeleteIntegration"],
    );
    assert.deepEqual(await integrationsIn(e2e.aws, "retail"), []);
    assert.deepEqual(await flowNames(e2e.aws), []);
  });

  it("fails preview on a misspelt input naming the real property, on a value of the wrong type and on a bad value at its path; nothing is written", async () => {
    const misspelt = await e2e.project(
      yamlProject(`resources:
  orders:
    type: customer-profiles-integration:index:Integration
    properties:
      domainname: retail
      uri: ${EXAMPLE_URIS.shopifyOrders}
      objectTypeNames: { ShopifyCreateOrders: ShopifyOrder }
  customers:
    type: customer-profiles-integration:index:Integration
    properties:
      domainName: retail
      objectTypeName: CustomerCsv
      flowDefiniton: { flowName: customers-from-s3 }
`),
    );
    const first = await misspelt.preview({ mayFail: true });
    assert.notEqual(first.code, 0, "preview fails");
    // pulumi-language-yaml checks a program against the schema before the engine asks the plugin,
    // listing the real properties nearest first; the plugin's own check says the same for programs
    // in languages that pass any key (tests/e2e/plugin-typescript.test.ts).
    const said = diagnostics(first);
    assert.match(said, /domainname[\s\S]*(did you mean domainName\?|Existing properties are: domainName)/);
    assert.match(said, /flowDefiniton[\s\S]*(did you mean flowDefinition\?|Existing properties are: flowDefinition)/);

    const wrongType = await e2e.project(
      yamlProject(
        s3Integration().replace(
          "triggerConfig: { triggerType: OnDemand }",
          "triggerConfig: { triggerType: OnDemand, triggerProperties: { scheduled: { scheduleExpression: [rate] } } }",
        ),
      ),
    );
    const second = await wrongType.preview({ mayFail: true });
    assert.notEqual(second.code, 0, "preview fails");
    assert.match(
      diagnostics(second),
      /triggerProperties:[\s\S]*scheduled:[\s\S]*scheduleExpression: Cannot assign 'List<string>' to 'string'/,
    );

    // What the schema cannot say, the plugin's check refuses at its path, as for the dynamic provider.
    const badValues = await e2e.project(
      yamlProject(s3Integration({ tags: '{ "aws:team": crm }' }).replace("bucketName: retail-exports", "bucketName: x")),
    );
    const third = await badValues.preview({ mayFail: true });
    assert.notEqual(third.code, 0, "preview fails");
    const errors = third.errors.join("\n");
    assert.match(errors, /flowDefinition\.sourceFlowConfig\.sourceConnectorProperties\.s3\.bucketName\b.*\(got "x"\)/);
    assert.match(errors, /tags\["aws:team"\]/);

    assert.deepEqual(writes(e2e.aws), [], "nothing is written");
    assert.deepEqual(await integrationsIn(e2e.aws, "retail"), []);
    assert.deepEqual(await flowNames(e2e.aws), []);
  });
});
