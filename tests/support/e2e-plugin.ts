/**
 * Mocha hooks for the provider plugin's end-to-end specs: the real pulumi CLI, the YAML and
 * Node.js language hosts, and the plugin as users install it (the packed package's
 * `pulumi-resource-customer-profiles-integration` bin, found on PATH and nowhere else), against
 * one local endpoint per spec file. Each project gets an empty PULUMI_HOME and state backend.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strict as assert } from "assert";
import { engineEnv, stepsOf, Stack, type Engine } from "../../testing/pulumi";
import { copyNodeModules, installedDependencies } from "../../testing/package";
import { flowNames, integrationsIn, SEEDED, seedExampleData, startLocalAwsForExamples, type LocalAws } from "../../testing/local-aws";
import { requireEngine } from "./e2e";
import { PACKAGE_NAME, PLUGIN_EXECUTABLE } from "../../provider/plugin/names";

export interface PluginE2E {
  engine: Engine;
  aws: LocalAws;
  /** node_modules/.bin of the installed package: the one directory that holds the plugin. */
  pluginDir: string;
  /**
   * A new stack of a project made of `files` (Pulumi.yaml and the program), configured with the
   * plugin's region and `config`; `nodeModules` installs @pulumi/pulumi for a Node.js program.
   */
  project(files: Record<string, string>, options?: { config?: Record<string, unknown>; nodeModules?: boolean }): Promise<Stack>;
}

/** The config key of the plugin's region, as a user sets it. */
export const PLUGIN_REGION = `${PACKAGE_NAME}:region`;

export function usePluginE2E(): PluginE2E {
  const e2e = {} as PluginE2E;
  let workspace = "";
  let install = "";
  let projects = 0;

  before(async function () {
    e2e.engine = await requireEngine(this);
    if (!fs.existsSync(path.join(e2e.engine.binDir, "pulumi-language-yaml"))) {
      throw new Error(`no pulumi-language-yaml beside pulumi in ${e2e.engine.binDir}: run scripts/ensure-pulumi.sh`);
    }
    // The quickstart's install holds @pulumi/pulumi and this package from its packed tarball.
    install = await installedDependencies("quickstart");
    e2e.pluginDir = path.join(install, "node_modules", ".bin");
    if (!fs.existsSync(path.join(e2e.pluginDir, PLUGIN_EXECUTABLE)))
      throw new Error(`the installed package has no ${PLUGIN_EXECUTABLE} bin`);
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), "pcpi-plugin-e2e-"));
    e2e.aws = await startLocalAwsForExamples();
    e2e.project = async (files, options = {}) => {
      const dir = path.join(workspace, String(++projects));
      const home = path.join(dir, "pulumi-home");
      for (const d of [home, path.join(dir, "state"), path.join(dir, "project")]) fs.mkdirSync(d, { recursive: true });
      for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, "project", name), text);
      if (options.nodeModules) await copyNodeModules(install, path.join(dir, "project"));
      const env = engineEnv(e2e.engine, { home, backendDir: path.join(dir, "state"), aws: e2e.aws.pulumiEnv, typeCheck: false });
      env.PATH = [e2e.pluginDir, env.PATH].join(path.delimiter);
      const stack = new Stack({ engine: e2e.engine, dir: path.join(dir, "project"), name: "e2e", env });
      const config = Object.entries({ [PLUGIN_REGION]: SEEDED.region, ...options.config }).filter(([, v]) => v !== undefined);
      return stack.init(Object.fromEntries(config));
    };
  });

  beforeEach(async () => {
    await seedExampleData(e2e.aws);
  });

  after(async () => {
    await e2e.aws?.close();
    if (workspace && !process.env.PCPI_E2E_KEEP) fs.rmSync(workspace, { recursive: true, force: true });
  });

  return e2e;
}

/** A YAML project: Pulumi.yaml with `body` (resources:, outputs:) below the header. */
export function yamlProject(body: string): Record<string, string> {
  return { "Pulumi.yaml": `name: plugin-e2e\nruntime: yaml\n${body}` };
}

/**
 * Every diagnostic of a `--json` preview, the language host's and the engine's log included
 * (OperationResult.errors keeps only errors), without colour codes.
 */
export function diagnostics(r: { stdout: string }): string {
  try {
    const doc = JSON.parse(r.stdout) as { diagnostics?: { message: string }[] };
    return (
      (doc.diagnostics ?? [])
        .map((d) => d.message)
        .join("")
        // eslint-disable-next-line no-control-regex -- the ANSI colour codes the engine writes
        .replace(/\u001b\[[0-9;]*m/g, "")
    );
  } catch {
    // A run that failed before the engine started prints no JSON.
    return r.stdout;
  }
}

/** `pulumi destroy` of a stack holding `customers` (a flow integration) and `orders`: both deleted, nothing left behind. */
export async function destroyCustomersAndOrders(e2e: PluginE2E, stack: Stack): Promise<void> {
  const destroyed = await stack.destroy();
  assert.deepEqual(stepsOf(destroyed), [
    ["customers", "delete"],
    ["orders", "delete"],
  ]);
  assert.deepEqual(await integrationsIn(e2e.aws, SEEDED.domainName), []);
  assert.deepEqual(await flowNames(e2e.aws), []);
}
