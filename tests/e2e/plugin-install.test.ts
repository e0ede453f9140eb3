import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { E2E_TEST_TIMEOUT, requireEngine } from "../support/e2e";
import { engineEnv, stepsOf, Stack, type Engine } from "../../testing/pulumi";
import {
  EXAMPLE_URIS,
  getIntegration,
  seedExampleData,
  SEEDED,
  startLocalAwsForExamples,
  writes,
  type LocalAws,
} from "../../testing/local-aws";
import { packedPackage, REPO_ROOT, run, runOrThrow } from "../../testing/package";
import { PACKAGE_NAME, PLUGIN_EXECUTABLE, RESOURCE_TOKEN } from "../../provider/plugin/names";

/**
 * Installing the plugin as docs/plugin-install.md tells a user to: the tarball made by
 * scripts/plugin-tarball.sh, `pulumi plugin install resource ... --file` into an empty
 * PULUMI_HOME, then a YAML program served by it, with a PATH that holds the engine and Node.js
 * and no copy of the plugin.
 */
describe("Installing the provider plugin from its tarball, with the real pulumi CLI", function () {
  this.timeout(E2E_TEST_TIMEOUT);
  this.slow(60_000);
  const version: string = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).version;
  let engine: Engine;
  let aws: LocalAws;
  let workspace = "";
  let tarball = "";
  let env: NodeJS.ProcessEnv;

  before(async function () {
    engine = await requireEngine(this);
    this.timeout(15 * 60_000);
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), "pcpi-plugin-install-"));
    const { tarball: packed } = await packedPackage();
    const made = await runOrThrow("bash", [path.join(REPO_ROOT, "scripts", "plugin-tarball.sh"), path.join(workspace, "out")], {
      cwd: REPO_ROOT,
      env: { ...process.env, PLUGIN_PACKAGE: packed },
    });
    tarball = made.stdout.trim().split("\n").pop()!;
    aws = await startLocalAwsForExamples();
    const home = path.join(workspace, "pulumi-home");
    fs.mkdirSync(home);
    fs.mkdirSync(path.join(workspace, "state"));
    env = engineEnv(engine, { home, backendDir: path.join(workspace, "state"), aws: aws.pulumiEnv });
    // The engine, Node.js and the system's tools; nothing else, so no plugin on PATH.
    env.PATH = [engine.binDir, path.dirname(process.execPath), "/usr/bin", "/bin"].join(path.delimiter);
  });

  after(async () => {
    await aws?.close();
    if (workspace && !process.env.PCPI_E2E_KEEP) fs.rmSync(workspace, { recursive: true, force: true });
  });

  it("is a tarball named as the engine names plugin downloads, with the executable at its root", async () => {
    assert.equal(path.basename(tarball).replace(/-(linux|darwin|windows)-(amd64|arm64)\.tar\.gz$/, ""), `${PLUGIN_EXECUTABLE}-v${version}`);
    const listing = await runOrThrow("tar", ["-tzf", tarball]);
    assert.ok(listing.stdout.split("\n").includes(`./${PLUGIN_EXECUTABLE}`), "the executable at the root");
    for (const dir of (env.PATH ?? "").split(path.delimiter)) {
      assert.ok(!fs.existsSync(path.join(dir, PLUGIN_EXECUTABLE)), `${dir} holds no ${PLUGIN_EXECUTABLE}`);
    }
  });

  it("installs into an empty PULUMI_HOME with pulumi plugin install --file", async () => {
    const pulumi = path.join(engine.binDir, "pulumi");
    await runOrThrow(pulumi, ["plugin", "install", "resource", PACKAGE_NAME, version, "--file", tarball], { env });
    const ls = await runOrThrow(pulumi, ["plugin", "ls", "--json"], { env });
    const plugins = JSON.parse(ls.stdout) as { name: string; kind: string; version: string }[];
    assert.deepEqual(
      plugins.map((p) => [p.name, p.kind, p.version]),
      [[PACKAGE_NAME, "resource", version]],
    );
  });

  it("installs from a release URL with pulumi plugin install --server, as a published release would serve it", async () => {
    // A loopback server standing in for a release's download URL: it serves the directory the script wrote.
    const served: string[] = [];
    const server = http.createServer((req, res) => {
      served.push(req.url ?? "");
      const file = path.join(path.dirname(tarball), path.basename(req.url ?? ""));
      if (!fs.existsSync(file)) return void res.writeHead(404).end();
      // The engine checks the length it is told against the bytes it gets.
      res.writeHead(200, { "content-type": "application/gzip", "content-length": fs.statSync(file).size });
      fs.createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const home = path.join(workspace, "pulumi-home-server");
      fs.mkdirSync(home);
      const serverEnv = { ...env, PULUMI_HOME: home };
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const pulumi = path.join(engine.binDir, "pulumi");
      await runOrThrow(pulumi, ["plugin", "install", "resource", PACKAGE_NAME, version, "--server", url], { env: serverEnv });
      assert.deepEqual(served, [`/${path.basename(tarball)}`]);
      const ls = await runOrThrow(pulumi, ["plugin", "ls", "--json"], { env: serverEnv });
      assert.deepEqual(
        JSON.parse(ls.stdout).map((p: { name: string }) => p.name),
        [PACKAGE_NAME],
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("serves a YAML program from the installed plugin: preview, up, destroy", async () => {
    await seedExampleData(aws);
    const dir = path.join(workspace, "project");
    fs.mkdirSync(dir);
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      `name: plugin-install
runtime: yaml
resources:
  orders:
    type: ${RESOURCE_TOKEN}
    properties:
      domainName: ${SEEDED.domainName}
      uri: ${EXAMPLE_URIS.shopifyOrders}
      objectTypeName: ShopifyOrder
      tags: { team: crm }
outputs:
  arn: \${orders.arn}
`,
    );
    const stack = await new Stack({ engine, dir, name: "install", env }).init({ [`${PACKAGE_NAME}:region`]: SEEDED.region });

    const preview = await stack.preview();
    assert.deepEqual(stepsOf(preview), [["orders", "create"]]);
    assert.deepEqual(writes(aws), [], "preview writes nothing");

    const up = await stack.up();
    assert.deepEqual(stepsOf(up), [["orders", "create"]]);
    assert.equal((await getIntegration(aws, SEEDED.domainName, EXAMPLE_URIS.shopifyOrders))?.Tags?.team, "crm");
    await stack.preview({ expectNoChanges: true });

    await stack.destroy();
    assert.equal(await getIntegration(aws, SEEDED.domainName, EXAMPLE_URIS.shopifyOrders), undefined);
    const rm = await run(path.join(engine.binDir, "pulumi"), ["stack", "rm", "--yes", "--stack", "install", "--non-interactive"], {
      cwd: dir,
      env,
    });
    assert.equal(rm.code, 0, rm.stderr);
  });
});
