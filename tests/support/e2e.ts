/**
 * Mocha hooks for the end-to-end specs: the real pulumi CLI runs the examples, installed from the
 * packed package, against one local endpoint per spec file; each test gets its own stack, state
 * backend and copy of the example. With CI=true a missing engine fails the suite; elsewhere the
 * suite is skipped and says how to get one.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strict as assert } from "assert";
import { inCI, skipUnlessCI } from "./skip";
import { LOCAL_MAX_BACKOFF_MS } from "./aws-env";
import { engineEnv, findEngine, Stack, stepsOf, type Engine } from "../../testing/pulumi";
import { installedDependencies, workingCopy, type ExampleName } from "../../testing/package";
import {
  flowNames,
  integrationsIn,
  SEEDED,
  seedExampleData,
  startLocalAwsForExamples,
  writes,
  type LocalAws,
} from "../../testing/local-aws";

export interface E2E {
  engine: Engine;
  aws: LocalAws;
  /** Where this file's projects, state backends and PULUMI_HOME live; removed afterwards. */
  workspace: string;
  pulumiHome: string;
  /**
   * A new stack of a fresh copy of the example, configured with `aws:region` and `config`
   * (a key set to undefined is left unset, `aws:region` included).
   */
  stack(example: ExampleName, config?: Record<string, unknown>): Promise<Stack>;
}

/** Generous: every pulumi run starts an engine, a language host, Node and a provider process. */
export const E2E_TEST_TIMEOUT = 5 * 60_000;

/**
 * The pulumi engine for a suite's `before` hook. In CI it may still have to be built (and installs
 * made) from nothing, and its absence fails the run; elsewhere the suite is skipped with one line.
 */
export async function requireEngine(ctx: Mocha.Context): Promise<Engine> {
  ctx.timeout(inCI() ? 45 * 60_000 : 15 * 60_000);
  const lookup = await findEngine({ build: inCI() });
  if ("unavailable" in lookup) skipUnlessCI(ctx, `the end-to-end specs need the Pulumi engine: ${lookup.unavailable}`);
  return (lookup as { engine: Engine }).engine;
}

export function useE2E(options: { examples: ExampleName[]; domains?: string[] }): E2E {
  const e2e = {} as E2E;
  let stacks = 0;

  before(async function () {
    e2e.engine = await requireEngine(this);
    await Promise.all(options.examples.map((example) => installedDependencies(example)));
    e2e.workspace = fs.mkdtempSync(path.join(os.tmpdir(), "pcpi-e2e-"));
    e2e.pulumiHome = path.join(e2e.workspace, "pulumi-home");
    fs.mkdirSync(e2e.pulumiHome);
    e2e.aws = await startLocalAwsForExamples();
    e2e.stack = async (example, config = {}) => {
      const dir = path.join(e2e.workspace, `${++stacks}-${example}`);
      const stack = new Stack({
        engine: e2e.engine,
        dir: path.join(dir, "project"),
        name: "e2e",
        env: engineEnv(e2e.engine, {
          home: e2e.pulumiHome,
          backendDir: path.join(dir, "state"),
          // The provider's retries without seconds of backoff: the local endpoint answers at once.
          aws: { ...e2e.aws.pulumiEnv, PULUMI_CUSTOMER_PROFILES_MAX_BACKOFF_MS: LOCAL_MAX_BACKOFF_MS },
          typeCheck: false,
        }),
      });
      fs.mkdirSync(path.join(dir, "state"), { recursive: true });
      await workingCopy(example, stack.dir);
      const all = Object.entries({ "aws:region": SEEDED.region, ...config }).filter(([, v]) => v !== undefined);
      return stack.init(Object.fromEntries(all));
    };
  });

  beforeEach(async () => {
    await seedExampleData(e2e.aws, options.domains);
  });

  after(async () => {
    await e2e.aws?.close();
    if (e2e.workspace && !process.env.PCPI_E2E_KEEP) fs.rmSync(e2e.workspace, { recursive: true, force: true });
  });

  return e2e;
}

/** `pulumi destroy` of the quickstart: one delete step, one DeleteIntegration, no integration and no flow left. */
export async function destroyQuickstart(e2e: E2E, stack: Stack): Promise<void> {
  e2e.aws.emulator.clearRequests();
  const destroyed = await stack.destroy();
  assert.deepEqual(stepsOf(destroyed), [["customers-from-s3", "delete"]]);
  assert.deepEqual(
    writes(e2e.aws).map((r) => r.operation),
    ["DeleteIntegration"],
  );
  assert.deepEqual(await integrationsIn(e2e.aws, "retail"), []);
  assert.deepEqual(await flowNames(e2e.aws), []);
}
