import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { destroyQuickstart, E2E_TEST_TIMEOUT, useE2E } from "../support/e2e";
import { EXAMPLE_URIS, describeFlow, getIntegration, integrationsIn, SEEDED, writes } from "../../testing/local-aws";
import { engineEnv, stepsOf, Stack } from "../../testing/pulumi";
import {
  copyNodeModules,
  installedDependencies,
  installedWith,
  packedRelease,
  RELEASE_0_1_0,
  type ReleaseSources,
} from "../../testing/package";

/**
 * Every resource's state holds the loader 0.1.0 serialized into `__provider`: it requires
 * `pulumi-customer-profiles-integration/provider` and calls `createIntegrationProvider()`. That
 * entry point is a public contract: after a user upgrades the package, Pulumi runs the OLD loader
 * (from the state) against the NEW package for refresh and destroy, and for an update's old side.
 */
describe("Stacks deployed with 0.1.0, after upgrading to the current package (real pulumi CLI, local endpoint)", function () {
  this.timeout(E2E_TEST_TIMEOUT);
  this.slow(60_000);
  const e2e = useE2E({ examples: ["quickstart"] });
  let release: ReleaseSources;
  /** node_modules with 0.1.0, and with the current package, for the 0.1.0 quickstart's package.json. */
  let oldInstall: string;
  let newInstall: string;
  let stacks = 0;

  before(async function () {
    // The first run builds 0.1.0 and installs it (about a minute); later runs reuse both.
    this.timeout(15 * 60_000);
    release = await packedRelease(RELEASE_0_1_0);
    const packageJson = JSON.parse(fs.readFileSync(path.join(release.dir, "examples", "quickstart", "package.json"), "utf8"));
    oldInstall = await installedWith(packageJson, release.pkg, `examples/quickstart at ${RELEASE_0_1_0.tag}`);
    newInstall = await installedDependencies("quickstart");
  });

  /** A stack of 0.1.0's quickstart, installed with 0.1.0, as a user created it before upgrading. */
  async function stackOf010(config: Record<string, unknown> = {}): Promise<Stack> {
    const dir = path.join(e2e.workspace, `upgrade-${++stacks}`);
    const project = path.join(dir, "project");
    fs.mkdirSync(path.join(dir, "state"), { recursive: true });
    fs.cpSync(path.join(release.dir, "examples", "quickstart"), project, { recursive: true });
    await copyNodeModules(oldInstall, project);
    const stack = new Stack({
      engine: e2e.engine,
      dir: project,
      name: "upgrade",
      env: engineEnv(e2e.engine, { home: e2e.pulumiHome, backendDir: path.join(dir, "state"), aws: e2e.aws.pulumiEnv, typeCheck: false }),
    });
    return stack.init({ "aws:region": SEEDED.region, ...config });
  }

  /** What `npm install` of the new version does to the project: its node_modules become the current package's. */
  async function upgrade(stack: Stack): Promise<void> {
    await copyNodeModules(newInstall, stack.dir);
    // Told apart from 0.1.0 by its layout, which does not change with the version number.
    const lib = path.join(stack.dir, "node_modules", "pulumi-customer-profiles-integration", "dist");
    assert.ok(
      fs.existsSync(path.join(lib, "model")) && !fs.existsSync(path.join(lib, "provider", "model")),
      "the current package is installed",
    );
  }

  /** The `__provider` of each Integration in the state. */
  async function loaders(stack: Stack): Promise<string[]> {
    const { deployment } = await stack.exportState();
    return (deployment.resources ?? []).filter((r) => r.type.endsWith(":Integration")).map((r) => r.outputs.__provider as string);
  }

  it("0.1.0 is the tagged release and installs as 0.1.0, without model/ (the layout before it moved)", async () => {
    assert.equal(release.commit, RELEASE_0_1_0.commit);
    assert.equal(release.pkg.filename, "pulumi-customer-profiles-integration-0.1.0.tgz");
    assert.ok(fs.existsSync(path.join(oldInstall, "node_modules", "pulumi-customer-profiles-integration", "dist", "provider", "model")));
    assert.ok(!fs.existsSync(path.join(oldInstall, "node_modules", "pulumi-customer-profiles-integration", "dist", "model")));
  });

  it("refresh, a tag change, a flow attribute change, refresh again and destroy all work with the current package", async () => {
    const stack = await stackOf010();
    const created = await stack.up();
    assert.deepEqual(stepsOf(created), [["customers-from-s3", "create"]]);
    const [oldLoader] = await loaders(stack);
    assert.match(oldLoader, /pulumi-customer-profiles-integration\/provider/, "0.1.0's loader requires the package's provider entry point");
    assert.match(oldLoader, /createIntegrationProvider/);
    const before = await getIntegration(e2e.aws, "retail", EXAMPLE_URIS.quickstart);

    await upgrade(stack);

    // Refresh reads with the loader stored by 0.1.0, which now loads the current package.
    e2e.aws.emulator.clearRequests();
    const refreshed = await stack.refresh();
    assert.deepEqual(stepsOf(refreshed), [["customers-from-s3", "same"]]);
    assert.deepEqual(writes(e2e.aws), [], "refresh writes nothing");
    assert.ok(
      e2e.aws.emulator.requests().some((r) => r.operation === "GetIntegration"),
      "refresh read the integration",
    );

    // The unchanged program: nothing to do, nothing written.
    e2e.aws.emulator.clearRequests();
    const preview = await stack.preview();
    assert.deepEqual(preview.changes.update ?? 0, 0, `no update: ${JSON.stringify(preview.changes)}`);
    assert.deepEqual(writes(e2e.aws), []);

    // A tag change and a flow attribute change in one update.
    await stack.setConfig({ tags: { team: "data" }, bucketPrefix: "customers/2027/" });
    e2e.aws.emulator.clearRequests();
    const up = await stack.up();
    assert.deepEqual(stepsOf(up), [["customers-from-s3", "update"]]);
    // A flow change goes through AppFlow's UpdateFlow (docs/reliability.md "Flow changes"), whichever package deployed the flow.
    assert.deepEqual(
      writes(e2e.aws)
        .map((r) => r.operation)
        .sort(),
      ["TagResource", "UntagResource", "UpdateFlow"],
    );
    const after = await getIntegration(e2e.aws, "retail", EXAMPLE_URIS.quickstart);
    assert.deepEqual(after?.Tags, { team: "data" });
    assert.equal(after?.Uri, before?.Uri, "updated in place, under the same URI");
    const flow = await describeFlow(e2e.aws, "customers-from-s3");
    assert.equal(flow.sourceFlowConfig?.sourceConnectorProperties?.S3?.bucketPrefix, "customers/2027/");

    e2e.aws.emulator.clearRequests();
    const again = await stack.refresh();
    assert.deepEqual(stepsOf(again), [["customers-from-s3", "same"]]);
    assert.deepEqual(writes(e2e.aws), []);
    await stack.up({ expectNoChanges: true });

    await destroyQuickstart(e2e, stack);
  });

  it("destroy straight after the upgrade runs 0.1.0's loader against the current package and deletes the integration", async () => {
    const stack = await stackOf010();
    await stack.up();
    await upgrade(stack);
    e2e.aws.emulator.clearRequests();
    const destroyed = await stack.destroy();
    assert.deepEqual(stepsOf(destroyed), [["customers-from-s3", "delete"]]);
    assert.deepEqual(
      writes(e2e.aws).map((r) => r.operation),
      ["DeleteIntegration"],
    );
    assert.deepEqual(await integrationsIn(e2e.aws, "retail"), []);
  });
});
