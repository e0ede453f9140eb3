import { strict as assert } from "assert";
import { customerProfilesModel } from "../../model/generated/customer-profiles";
import { INPUT_KEYS } from "../../provider/normalize";
import { PACKAGE_NAME, RESOURCE_TOKEN, typeToken } from "../../provider/plugin/names";
import { compareIntegration } from "../../provider/diff";
import schema = require("../../provider/plugin/schema.generated.json");

/**
 * The plugin's package schema (generated from the API model by `npm run generate`) says what the
 * lifecycle core does: the inputs it takes, the state it records, the properties whose change
 * replaces an integration, and the model's enums and sensitive shapes.
 */
describe("the plugin's package schema", () => {
  const resource = (schema.resources as Record<string, any>)[RESOURCE_TOKEN];
  const types = schema.types as Record<string, any>;

  it("names the package, and its one resource by the package's index module", () => {
    assert.equal(schema.name, PACKAGE_NAME);
    assert.deepEqual(Object.keys(schema.resources), [RESOURCE_TOKEN]);
  });

  it("takes every PutIntegration member plus Pulumi's own region, adoptExisting and desiredFlowState, domainName required", () => {
    const put = customerProfilesModel.shapes.PutIntegrationRequest as { members: object };
    const expected = [
      ...Object.keys(put.members).map((m) => m[0].toLowerCase() + m.slice(1)),
      "region",
      "adoptExisting",
      "desiredFlowState",
    ];
    assert.deepEqual(Object.keys(resource.inputProperties).sort(), expected.sort());
    assert.deepEqual(resource.requiredInputs, ["domainName"]);
  });

  it("reports as outputs the state the core records: every input it keeps and what only the service knows", () => {
    const outputs = Object.keys(resource.properties);
    for (const k of INPUT_KEYS) assert.ok(outputs.includes(k), k);
    for (const k of ["arn", "createdAt", "lastUpdatedAt", "workflowId", "isUnstructured", "flowStatus", "lastRunStatus", "lastRunTime"]) {
      assert.ok(outputs.includes(k), k);
    }
    assert.ok(!outputs.includes("adoptExisting"), "adoptExisting is an instruction, not state");
  });

  it("documents every input with AWS's text (or Pulumi's, for its own)", () => {
    for (const [k, v] of Object.entries<any>(resource.inputProperties)) assert.ok(v.description?.length > 10, k);
    assert.match(types[typeToken("FlowDefinition")].properties.flowName.description, /Spaces are not allowed/);
  });

  it("marks the model's sensitive FlowDefinition secret, as input and as output", () => {
    assert.equal(resource.inputProperties.flowDefinition.secret, true);
    assert.equal(resource.properties.flowDefinition.secret, true);
  });

  it("gives every enum of the model as an enum type, with the model's values", () => {
    const sct = customerProfilesModel.shapes.SourceConnectorType as { enum: string[] };
    assert.deepEqual(
      types[typeToken("SourceConnectorType")].enum.map((e: { value: string }) => e.value),
      sct.enum,
    );
    assert.equal(resource.inputProperties.scope.$ref, `#/types/${typeToken("Scope")}`);
  });

  it("replaces on change exactly the properties whose change the core's diff replaces on", () => {
    const replaceOnChanges = [
      ...Object.entries<any>(resource.inputProperties)
        .filter(([, v]) => v.replaceOnChanges)
        .map(([k]) => k),
      ...Object.entries<any>(types[typeToken("FlowDefinition")].properties)
        .filter(([, v]) => v.replaceOnChanges)
        .map(([k]) => `flowDefinition.${k}`),
    ].sort();
    assert.deepEqual(replaceOnChanges, ["domainName", "flowDefinition.flowName", "flowDefinition.kmsArn", "region", "uri"]);
    const flow = (flowName: string, kmsArn: string) =>
      ({
        flowName,
        kmsArn,
        sourceFlowConfig: { connectorType: "S3", sourceConnectorProperties: {} },
        tasks: [],
        triggerConfig: { triggerType: "OnDemand" },
      }) as any;
    const old = { domainName: "d", uri: "u", region: "us-east-1", flowDefinition: flow("f", "k") } as any;
    const replaced = (desired: object, region = "us-east-1") => compareIntegration(old, { ...old, ...desired }, region).replaces;
    assert.deepEqual(replaced({ domainName: "e" }), ["domainName"]);
    assert.deepEqual(replaced({ uri: "v" }), ["uri"]);
    assert.deepEqual(replaced({}, "eu-west-1"), ["region"]);
    assert.deepEqual(replaced({ flowDefinition: flow("f", "k2") }), ["flowDefinition.kmsArn"]);
    assert.deepEqual(replaced({ uri: undefined, flowDefinition: flow("g", "k") }), ["flowDefinition.flowName"]);
  });

  it("offers region, profile, endpoint overrides and strict mode as provider config", () => {
    assert.deepEqual(Object.keys(schema.config.variables).sort(), ["endpoints", "profile", "region", "strict"]);
    assert.deepEqual(Object.keys(types[typeToken("Endpoints")].properties).sort(), ["appflow", "customerProfiles", "sts"]);
  });
});
