/**
 * The real Pulumi CLI, for end-to-end specs and the demo. scripts/ensure-pulumi.sh finds or
 * builds it; every run here is hermetic: a throwaway file state backend and PULUMI_HOME, no
 * plugin ever downloaded (the language host and dynamic-provider launcher come from PATH), and
 * nothing of the machine's own AWS configuration or credentials.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { REPO_ROOT, run, tail, type CommandResult } from "./package";

export interface Engine {
  /** Holds pulumi, pulumi-language-nodejs and pulumi-resource-pulumi-nodejs. */
  binDir: string;
  version: string;
}

export type EngineLookup = { engine: Engine } | { unavailable: string };

const ENSURE = path.join(REPO_ROOT, "scripts", "ensure-pulumi.sh");

function pinnedVersion(): string | undefined {
  const goMod = fs.readFileSync(path.join(REPO_ROOT, "tools", "pulumi", "go.mod"), "utf8");
  return /^\s*github\.com\/pulumi\/pulumi\/pkg\/v3\s+(v\S+)/m.exec(goMod)?.[1];
}

/** Whether ensure-pulumi.sh can answer at once, without a 10-minute Go build. */
function engineAtHand(): boolean {
  const onPath = (process.env.PATH ?? "").split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, "pulumi")));
  const cacheRoot = process.env.PULUMI_ENGINE_CACHE ?? path.join(os.homedir(), ".cache", "pulumi-customer-profiles-integration", "engine");
  const version = pinnedVersion();
  return onPath || (version !== undefined && fs.existsSync(path.join(cacheRoot, version, "bin", "pulumi")));
}

const HOW_TO_GET_ONE =
  "run `bash scripts/ensure-pulumi.sh` once (it builds pulumi from Go modules, 10+ minutes on 2 cores), " +
  "or put pulumi >= 3.181 with pulumi-language-nodejs and pulumi-resource-pulumi-nodejs on PATH";

/**
 * The engine, or why there is none. `build: true` lets ensure-pulumi.sh build it when missing
 * (CI, the demo); otherwise a missing engine is reported instead of built.
 */
export async function findEngine(options: { build?: boolean; echo?: boolean } = {}): Promise<EngineLookup> {
  if (!options.build && !engineAtHand()) return { unavailable: `no Pulumi engine found: ${HOW_TO_GET_ONE}` };
  // Its progress goes to stderr; stdout is only the directory.
  const r = await run("bash", [ENSURE], { cwd: REPO_ROOT, echo: options.echo ? "stderr" : false });
  const binDir = r.stdout.trim().split("\n").pop() ?? "";
  if (r.code !== 0 || !fs.existsSync(path.join(binDir, "pulumi"))) {
    return { unavailable: `scripts/ensure-pulumi.sh failed (exit ${r.code}):\n${tail(r.stderr, 15)}\nTo fix: ${HOW_TO_GET_ONE}` };
  }
  const v = await run(path.join(binDir, "pulumi"), ["version"], { env: { PATH: process.env.PATH, PULUMI_SKIP_UPDATE_CHECK: "true" } });
  return { engine: { binDir, version: v.stdout.trim() } };
}

/** What a Pulumi process sees: the engine and node on PATH, the endpoint's env, nothing else of ours. */
export function engineEnv(
  engine: Engine,
  options: { home: string; backendDir: string; aws: Record<string, string>; typeCheck?: boolean },
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: [engine.binDir, path.dirname(process.execPath), process.env.PATH].join(path.delimiter),
    HOME: process.env.HOME ?? os.homedir(),
    TMPDIR: os.tmpdir(),
    LANG: process.env.LANG ?? "C.UTF-8",
    PULUMI_HOME: options.home,
    PULUMI_BACKEND_URL: `file://${options.backendDir}`,
    // Local and throwaway: the passphrase protects nothing but has to exist.
    PULUMI_CONFIG_PASSPHRASE: "e2e-local-state-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
    // A plugin missing from PATH must fail the run, not be fetched from the internet.
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    // The SDK's notice about its own future Node.js plans is noise here (engines.node says what this package supports).
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    AWS_CONFIG_FILE: path.join(options.home, "no-aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: path.join(options.home, "no-aws-credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
    ...options.aws,
  };
  // Type-checking each program run costs seconds; the specs type-check each example once instead.
  if (options.typeCheck === false) env.PULUMI_NODEJS_TRANSPILE_ONLY = "true";
  return env;
}

/** One resource's step in a preview or an update, from Pulumi's JSON output. */
export interface Step {
  op: string;
  urn: string;
  type: string;
  /** The resource's name in the program. */
  name: string;
  oldInputs?: Record<string, any>;
  oldOutputs?: Record<string, any>;
  newInputs?: Record<string, any>;
  newOutputs?: Record<string, any>;
}

export interface OperationResult extends CommandResult {
  /** Steps of the program's resources (the stack itself left out), in the order they finished. */
  steps: Step[];
  /** Counts per operation, e.g. `{ create: 1, same: 1 }`. */
  changes: Record<string, number>;
  /** Error diagnostics. */
  errors: string[];
  /** The stack's outputs after the operation. */
  outputs: Record<string, any>;
}

/** Each resource's step as [name, op], in name order: what a spec compares with what it expects. */
export function stepsOf(r: OperationResult): [string, string][] {
  return [...r.steps].sort((a, b) => a.name.localeCompare(b.name)).map((s) => [s.name, s.op]);
}

/** The input members whose values differ between a step's old and new inputs, sorted. */
export function changedInputs(step: Step): string[] {
  const olds = step.oldInputs ?? {};
  const news = step.newInputs ?? {};
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  return [...keys].filter((k) => !isDeepStrictEqual(olds[k], news[k])).sort();
}

const STACK_TYPE = "pulumi:pulumi:Stack";

function toStep(m: any): Step {
  const urn: string = m.urn;
  return {
    op: m.op,
    urn,
    type: m.type ?? m.newState?.type ?? m.oldState?.type,
    name: urn.slice(urn.lastIndexOf("::") + 2),
    oldInputs: (m.old ?? m.oldState)?.inputs,
    oldOutputs: (m.old ?? m.oldState)?.outputs,
    newInputs: (m.new ?? m.newState)?.inputs,
    newOutputs: (m.new ?? m.newState)?.outputs,
  };
}

/** `pulumi preview --json` prints one document. */
function parsePreview(r: CommandResult): OperationResult {
  let doc: any = {};
  try {
    doc = JSON.parse(r.stdout);
  } catch {
    // A run that failed before the engine started prints no JSON; stderr says why.
  }
  const steps = (doc.steps ?? []).map(toStep);
  const stack = steps.find((s: Step) => s.type === STACK_TYPE);
  return {
    ...r,
    steps: steps.filter((s: Step) => s.type !== STACK_TYPE),
    changes: doc.changeSummary ?? {},
    errors: (doc.diagnostics ?? []).filter((d: any) => d.severity === "error").map((d: any) => d.message),
    outputs: stack?.newOutputs ?? {},
  };
}

/** `up`, `refresh` and `destroy` with `--json --skip-preview` stream engine events, one per line. */
function parseEvents(r: CommandResult): OperationResult {
  const events = r.stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .flatMap((l) => {
      try {
        return [JSON.parse(l)];
      } catch {
        return [];
      }
    });
  const finished = events.filter((e) => e.resOutputsEvent).map((e) => toStep(e.resOutputsEvent.metadata));
  const stack = finished.filter((s) => s.type === STACK_TYPE).pop();
  return {
    ...r,
    steps: finished.filter((s) => s.type !== STACK_TYPE),
    changes: events.find((e) => e.summaryEvent)?.summaryEvent.resourceChanges ?? {},
    errors: events.filter((e) => e.diagnosticEvent?.severity === "error").map((e) => e.diagnosticEvent.message as string),
    outputs: stack?.newOutputs ?? {},
  };
}

export interface StackOptions {
  engine: Engine;
  /** The Pulumi project directory. */
  dir: string;
  name: string;
  env: NodeJS.ProcessEnv;
  /** Echo the CLI's own (human) output, as the demo does. */
  echo?: boolean;
}

/** A stack of a project directory, driven through the pulumi CLI. */
export class Stack {
  dir: string;
  readonly name: string;
  readonly env: NodeJS.ProcessEnv;
  private readonly pulumiBin: string;
  private readonly echo: boolean;

  constructor(options: StackOptions) {
    this.dir = options.dir;
    this.name = options.name;
    this.env = options.env;
    this.pulumiBin = path.join(options.engine.binDir, "pulumi");
    this.echo = options.echo ?? false;
  }

  /** Runs `pulumi <args>` in the project directory against this stack; never throws on a non-zero exit. */
  cli(args: string[], options: { echo?: boolean } = {}): Promise<CommandResult> {
    // --stack always: the selected stack lives in PULUMI_HOME, keyed by the project's path.
    const all = [...args, "--stack", this.name, "--non-interactive", "--color", "never"];
    if (options.echo ?? this.echo) process.stdout.write(`\n$ pulumi ${args.join(" ")}\n`);
    return run(this.pulumiBin, all, { cwd: this.dir, env: this.env, echo: options.echo ?? this.echo });
  }

  private async ok(args: string[], options: { echo?: boolean } = {}): Promise<CommandResult> {
    const r = await this.cli(args, options);
    if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (exit ${r.code})${this.why(r, options.echo)}`);
    return r;
  }

  /** Creates the stack, with `aws:region` and the program's config. */
  async init(config: Record<string, unknown> = {}): Promise<this> {
    await this.ok(["stack", "init"]);
    await this.setConfig(config);
    return this;
  }

  /** `pulumi config set` for each key; objects are stored as JSON, which `config.getObject` reads. */
  async setConfig(config: Record<string, unknown>): Promise<void> {
    const pairs = Object.entries(config).flatMap(([k, v]) => ["--plaintext", `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`]);
    if (pairs.length > 0) await this.ok(["config", "set-all", ...pairs]);
  }

  async removeConfig(key: string): Promise<void> {
    await this.ok(["config", "rm", key]);
  }

  /**
   * `pulumi preview`; with `mayFail`, a failed preview is returned instead of thrown. When echoing
   * (the demo), `diff` shows the property-level diff instead of the summary.
   */
  async preview(options: { mayFail?: boolean; expectNoChanges?: boolean; diff?: boolean } = {}): Promise<OperationResult> {
    const args = ["preview", ...(options.expectNoChanges ? ["--expect-no-changes"] : [])];
    if (this.echo) return this.withoutSteps(await this.checked([...args, ...(options.diff ? ["--diff"] : [])], options.mayFail));
    return this.parsed(parsePreview(await this.cli([...args, "--json"])), args, options.mayFail);
  }

  up(options: { mayFail?: boolean; expectNoChanges?: boolean } = {}): Promise<OperationResult> {
    return this.operation(["up", "--yes", "--skip-preview", ...(options.expectNoChanges ? ["--expect-no-changes"] : [])], options.mayFail);
  }

  refresh(options: { mayFail?: boolean } = {}): Promise<OperationResult> {
    return this.operation(["refresh", "--yes", "--skip-preview"], options.mayFail);
  }

  destroy(options: { mayFail?: boolean } = {}): Promise<OperationResult> {
    return this.operation(["destroy", "--yes", "--skip-preview"], options.mayFail);
  }

  /** The state as `pulumi stack export` prints it: the checkpoint, text and parsed. */
  async exportState(): Promise<{ text: string; deployment: { resources?: any[] } }> {
    const r = await this.ok(["stack", "export"], { echo: false });
    return { text: r.stdout, deployment: JSON.parse(r.stdout).deployment };
  }

  /** Moves the whole project directory, as a user renaming or relocating a checkout would. */
  moveTo(newDir: string): void {
    fs.mkdirSync(path.dirname(newDir), { recursive: true });
    fs.renameSync(this.dir, newDir);
    this.dir = newDir;
  }

  private async operation(args: string[], mayFail = false): Promise<OperationResult> {
    if (this.echo) return this.withoutSteps(await this.checked(args, mayFail));
    return this.parsed(parseEvents(await this.cli([...args, "--json"])), args, mayFail);
  }

  private async checked(args: string[], mayFail = false): Promise<CommandResult> {
    return mayFail ? this.cli(args) : this.ok(args);
  }

  /** The end of the output, unless it was just shown. */
  private why(r: CommandResult, echo?: boolean): string {
    return (echo ?? this.echo) ? "" : `:\n${tail(`${r.stdout}\n${r.stderr}`)}`;
  }

  private withoutSteps(r: CommandResult): OperationResult {
    return { ...r, steps: [], changes: {}, errors: [], outputs: {} };
  }

  private parsed(r: OperationResult, args: string[], mayFail = false): OperationResult {
    if (r.code !== 0 && !mayFail) {
      const why = r.errors.length > 0 ? r.errors.join("\n") : tail(r.stderr || r.stdout);
      throw new Error(`pulumi ${args.join(" ")} failed (exit ${r.code}):\n${why}`);
    }
    return r;
  }
}
