/**
 * What every benchmark shares: the real engine and the packed package from the end-to-end
 * harness (tests/support, reused as is), one local endpoint, and working copies of the bench
 * programs. Stacks are cheap and many; working copies are few (one per program), because each
 * holds a node_modules tree.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { SEEDED, seedConnectorProfile, seedExampleData, startLocalAwsForExamples, type LocalAws } from "../testing/local-aws";
import { engineEnv, findEngine, Stack, type Engine } from "../testing/pulumi";
import { workingCopy } from "../testing/package";
import type { RequestRecord } from "../emulator/types";

export type Program = "integrations" | "floor" | "plugin";

export interface BenchOptions {
  quick: boolean;
  log: (line: string) => void;
}

export class Bench {
  private stacks = 0;
  private readonly copies = new Map<Program, Promise<string>>();

  private constructor(
    readonly engine: Engine,
    readonly aws: LocalAws,
    readonly workspace: string,
    readonly options: BenchOptions,
  ) {}

  static async start(options: BenchOptions): Promise<Bench> {
    // Building the engine takes minutes the first time; a benchmark without it measures nothing.
    const lookup = await findEngine({ build: true });
    if ("unavailable" in lookup) throw new Error(lookup.unavailable);
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "pcpi-bench-"));
    fs.mkdirSync(path.join(workspace, "pulumi-home"));
    return new Bench(lookup.engine, await startLocalAwsForExamples(), workspace, options);
  }

  get log(): (line: string) => void {
    return this.options.log;
  }

  /** The project directory of a program: an example's install with the bench program as its index.ts. */
  projectDir(program: Program): Promise<string> {
    let copy = this.copies.get(program);
    if (!copy) {
      copy = (async () => {
        const dir = path.join(this.workspace, program);
        await workingCopy("quickstart", dir, { log: this.log });
        fs.copyFileSync(path.join(__dirname, "programs", `${program}.ts`), path.join(dir, "index.ts"));
        fs.writeFileSync(
          path.join(dir, "Pulumi.yaml"),
          `name: pcpi-bench-${program}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`,
        );
        fs.mkdirSync(path.join(dir, ".state"));
        return dir;
      })();
      this.copies.set(program, copy);
    }
    return copy;
  }

  /** A new stack of `program` (unique name, so its Pulumi.<stack>.yaml is its own), with `aws:region` and `config`. */
  async stack(program: Program, config: Record<string, unknown>): Promise<Stack> {
    const dir = await this.projectDir(program);
    const stack = new Stack({
      engine: this.engine,
      dir,
      name: `${program}-${++this.stacks}`,
      env: this.env(dir),
    });
    return stack.init({ "aws:region": SEEDED.region, ...config });
  }

  /** What a pulumi process (and a provider process started by hand) sees. */
  env(projectDir: string): NodeJS.ProcessEnv {
    return engineEnv(this.engine, {
      home: path.join(this.workspace, "pulumi-home"),
      backendDir: path.join(projectDir, ".state"),
      aws: this.aws.pulumiEnv,
      typeCheck: false,
    });
  }

  /** A wiped endpoint with the examples' domain and object types, and these Salesforce connector profiles. */
  async seed(connectorProfiles: string[] = [SEEDED.connectorProfileName]): Promise<void> {
    await seedExampleData(this.aws);
    for (const name of connectorProfiles) {
      if (name !== SEEDED.connectorProfileName) await seedConnectorProfile(this.aws, name, "Salesforce");
    }
    this.aws.emulator.clearRequests();
  }

  /** The endpoint's requests made while `fn` ran (the log is cleared first). */
  async requestsDuring<T>(fn: () => Promise<T>): Promise<{ result: T; requests: RequestRecord[]; ms: number }> {
    this.aws.emulator.clearRequests();
    const t0 = performance.now();
    const result = await fn();
    const ms = performance.now() - t0;
    return { result, requests: this.aws.emulator.requests(), ms };
  }

  async close(): Promise<void> {
    await this.aws.close();
    if (!process.env.PCPI_BENCH_KEEP) fs.rmSync(this.workspace, { recursive: true, force: true });
  }
}

export function byOperation(requests: RequestRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of requests) counts[r.operation] = (counts[r.operation] ?? 0) + 1;
  return counts;
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const t0 = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - t0 };
}

/**
 * Which of the bench program's integrations a call is about, from the names the program gives
 * them (`…source-<i>` URIs, `bench-contacts-<i>` flows); undefined for a call about none of
 * them (STS's account lookup, AppFlow's connector-profile check), which a process makes once.
 */
export function integrationIndex(r: RequestRecord): number | undefined {
  const m = /(?:source|bench-contacts)-(\d+)(?![\w-])/.exec(JSON.stringify(r.input ?? {}));
  return m ? Number(m[1]) : undefined;
}

/** The most calls the endpoint was answering at once, from arrival times and durations. */
export function maxInFlight(requests: RequestRecord[], operation?: string): number {
  const edges = requests
    .filter((r) => operation === undefined || r.operation === operation)
    .flatMap((r) => {
      const start = Date.parse(r.time);
      return [
        { at: start, d: 1 },
        { at: start + r.durationMs, d: -1 },
      ];
    })
    // An end and a start at the same millisecond do not overlap.
    .sort((a, b) => a.at - b.at || a.d - b.d);
  let now = 0;
  let most = 0;
  for (const e of edges) most = Math.max(most, (now += e.d));
  return most;
}

/** The processes of one `pulumi` run, told apart by their command lines. */
export type Role = "engine" | "language host" | "program" | "provider";

function roleOf(argv: string[]): Role | undefined {
  const bin = path.basename(argv[0] ?? "");
  if (bin === "pulumi") return "engine";
  if (bin === "pulumi-language-nodejs") return "language host";
  if (/[\\/]cmd[\\/]dynamic-provider([\\/]index\.js)?$/.test(argv[1] ?? "")) return "provider";
  if (/[\\/]@pulumi[\\/]pulumi[\\/]cmd[\\/]run([\\/]index\.js)?$/.test(argv[1] ?? "")) return "program";
  return undefined;
}

export interface RoleUsage {
  /** utime + stime, seconds, as last seen. */
  cpuSeconds: number;
  /** The largest VmHWM (the kernel's own peak RSS) among the role's processes. */
  peakRssBytes: number;
  processes: number;
}

/** Clock ticks per second of /proc/<pid>/stat times; 100 on every Linux this runs on. */
const CLK_TCK = 100;

/**
 * CPU time and peak resident memory of the processes a `pulumi` run starts in a project
 * directory, read from /proc while they run. VmHWM is the kernel's own high-water mark, so it
 * only has to be read before a process ends; CPU time is as of the last sample, so up to one
 * interval of a process's last work is missed. Linux only; elsewhere it reports nothing.
 */
export class ProcessSampler {
  private readonly seen = new Map<number, { role: Role; cpu: number; hwmKiB: number }>();
  private timer?: ReturnType<typeof setInterval>;

  constructor(private readonly projectDir: string) {}

  start(everyMs = 100): this {
    this.timer = setInterval(() => this.sample(), everyMs);
    return this;
  }

  stop(): Partial<Record<Role, RoleUsage>> {
    clearInterval(this.timer);
    this.sample();
    const usage: Partial<Record<Role, RoleUsage>> = {};
    for (const p of this.seen.values()) {
      const u = (usage[p.role] ??= { cpuSeconds: 0, peakRssBytes: 0, processes: 0 });
      u.cpuSeconds += p.cpu / CLK_TCK;
      u.peakRssBytes = Math.max(u.peakRssBytes, p.hwmKiB * 1024);
      u.processes++;
    }
    return usage;
  }

  private sample(): void {
    let entries: string[];
    try {
      entries = fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e));
    } catch {
      return;
    }
    for (const pid of entries) {
      try {
        // The launcher execs node in the same process, so a pid's command line is read every time.
        const role = roleOf(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0"));
        if (!role || fs.readlinkSync(`/proc/${pid}/cwd`) !== this.projectDir) continue;
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
        const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        this.seen.set(Number(pid), { role, cpu: Number(stat[11]) + Number(stat[12]), hwmKiB: hwm ? Number(hwm[1]) : 0 });
      } catch {
        // Ended between readdir and read.
      }
    }
  }
}
