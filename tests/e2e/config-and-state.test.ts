import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { destroyQuickstart, E2E_TEST_TIMEOUT, useE2E } from "../support/e2e";
import { stepsOf } from "../../testing/pulumi";
import { integrationsIn, writes } from "../../testing/local-aws";

describe("Inputs, stack config and state, with the real pulumi CLI against the local endpoint", function () {
  this.timeout(E2E_TEST_TIMEOUT);
  this.slow(30_000);
  const e2e = useE2E({ examples: ["quickstart"] });

  it("a bad input fails preview naming each property's path, and nothing is written", async () => {
    const stack = await e2e.stack("quickstart", { bucketName: "x", tags: { "aws:team": "crm" } });
    const preview = await stack.preview({ mayFail: true });
    assert.notEqual(preview.code, 0, "preview fails");
    const errors = preview.errors.join("\n");
    assert.match(errors, /flowDefinition\.sourceFlowConfig\.sourceConnectorProperties\.s3\.bucketName\b.*\(got "x"\)/);
    assert.match(errors, /tags\["aws:team"\]/);
    assert.deepEqual(writes(e2e.aws), []);
    assert.deepEqual(await integrationsIn(e2e.aws, "retail"), []);
  });

  it("the region comes from stack config aws:region, which the engine hands to the dynamic provider; without any region, preview says how to set one", async () => {
    // The pulumi processes never see AWS_REGION or AWS_DEFAULT_REGION (see LocalAws.pulumiEnv).
    const stack = await e2e.stack("quickstart", { "aws:region": undefined });
    const without = await stack.preview({ mayFail: true });
    assert.notEqual(without.code, 0);
    assert.match(without.errors.join("\n"), /pulumi config set aws:region/);

    await stack.setConfig({ "aws:region": "us-east-1" });
    const up = await stack.up();
    assert.deepEqual(stepsOf(up), [["customers-from-s3", "create"]]);
    assert.equal(up.steps[0].newOutputs!.region, "us-east-1");
    assert.match(up.steps[0].newOutputs!.arn, /^arn:aws:profile:us-east-1:/);
  });

  it("moving the project folder between up and destroy still destroys: nothing in the state depends on where the program was", async () => {
    const stack = await e2e.stack("quickstart");
    await stack.up();
    const original = stack.dir;
    assert.ok(!(await stack.exportState()).text.includes(original), "the state names no path of the project");

    stack.moveTo(path.join(e2e.workspace, "moved", "elsewhere", "quickstart"));
    assert.ok(!fs.existsSync(original));
    await destroyQuickstart(e2e, stack);
  });

  it("runs on the local engine alone: nothing is downloaded into PULUMI_HOME's plugins", async () => {
    const stack = await e2e.stack("quickstart");
    await stack.preview();
    const plugins = path.join(e2e.pulumiHome, "plugins");
    assert.deepEqual(fs.existsSync(plugins) ? fs.readdirSync(plugins) : [], []);
  });
});
