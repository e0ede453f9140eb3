/**
 * The two hosts side by side: `pulumi preview` and `pulumi up` of N EventBridge integrations
 * through the dynamic provider (bench/programs/integrations.ts) and through the provider plugin
 * (bench/programs/plugin.ts, the generated `plugin.Integration`), against the floor (N do-nothing
 * dynamic resources: the engine, language host and program with no provider work). Plus the
 * plugin's time to its first Check: in the engine (PULUMI_DEBUG_GRPC) and as a fresh process
 * (spawn to the port line the engine waits for). All in one run, variants interleaved within
 * each repetition so that drift in the machine's load falls on all of them alike.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { Stack } from "../testing/pulumi";
import { ms, readGrpcLog, type GrpcEntry } from "./grpc-log";
import { Bench, median, type Program } from "./harness";
import type { Section, Target } from "./report";
import { PACKAGE_NAME, PLUGIN_EXECUTABLE, RESOURCE_TOKEN } from "../provider/plugin/names";

const MAX_RATIO_TO_FLOOR = 1.15;

interface Variant {
  id: "floor" | "dynamic" | "plugin";
  program: Program;
}

const VARIANTS: Variant[] = [
  { id: "floor", program: "floor" },
  { id: "dynamic", program: "integrations" },
  { id: "plugin", program: "plugin" },
];

type Op = "preview" | "up";

/** A stack of `v`'s program; the plugin's from the installed package's bin directory, as users put it on PATH. */
async function stackFor(bench: Bench, v: Variant, n: number): Promise<Stack> {
  const config = { count: n, kind: "event", tags: { team: "crm" }, [`${PACKAGE_NAME}:region`]: "us-east-1" };
  const stack = await bench.stack(v.program, config);
  if (v.id !== "plugin") return stack;
  const bin = path.join(stack.dir, "node_modules", ".bin");
  if (!fs.existsSync(path.join(bin, PLUGIN_EXECUTABLE))) throw new Error(`no ${PLUGIN_EXECUTABLE} in ${bin}`);
  return new Stack({
    engine: bench.engine,
    dir: stack.dir,
    name: stack.name,
    env: { ...stack.env, PATH: `${bin}${path.delimiter}${stack.env.PATH}` },
  });
}

interface FirstCheck {
  /** The engine's first Check of an integration, request to answer. */
  checkMs: number;
  /** From the engine's first call to the provider process (it is up) to that Check's answer. */
  upToAnswerMs: number;
}

/** The first Check of an integration through `v`'s host, from the engine's gRPC log of a preview of one. */
async function firstCheck(bench: Bench, v: Variant): Promise<FirstCheck> {
  await bench.seed();
  const stack = await stackFor(bench, v, 1);
  const log = path.join(bench.workspace, `grpc-${stack.name}.log`);
  await new Stack({ engine: bench.engine, dir: stack.dir, name: stack.name, env: { ...stack.env, PULUMI_DEBUG_GRPC: log } }).preview();
  const entries = readGrpcLog(log);
  const ours = (e: GrpcEntry) =>
    e.method.startsWith("/pulumirpc.ResourceProvider/") &&
    (v.id === "plugin" ? !String(e.request?.urn ?? "").includes("pulumi-nodejs:dynamic") : true);
  const isIntegration = (e: GrpcEntry) =>
    String(e.request?.urn ?? "").includes(v.id === "plugin" ? RESOURCE_TOKEN : "pulumi-nodejs:dynamic");
  const check = entries.find((e) => ours(e) && e.method.endsWith("/Check") && isIntegration(e) && e.progress === "response_completed");
  // The dynamic provider's process is started for the first dynamic resource; the plugin's for its package.
  const first = entries.find(
    (e) =>
      ours(e) &&
      e.progress === "request_started" &&
      !e.method.endsWith("/GetPluginInfo") &&
      (v.id === "plugin" || e.method.endsWith("/Handshake")),
  );
  if (!check?.duration || !first) throw new Error(`no Check or first call of the ${v.id} host in ${log}`);
  return { checkMs: check.duration / 1e6, upToAnswerMs: ms(check.timestamp) - ms(first.timestamp) };
}

/** A fresh plugin process: spawn to the port line it prints for the engine. */
function spawnToPort(bin: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(bin, ["127.0.0.1:1"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d;
      if (/^\d+\s*$/m.test(out)) {
        const t = performance.now() - t0;
        child.kill();
        resolve(t);
      }
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (!/^\d+\s*$/m.test(out)) reject(new Error(`${bin} exited with ${code} before printing its port`));
    });
  });
}

export async function run(bench: Bench): Promise<Section> {
  const quick = bench.options.quick;
  const sizes = [10, 100];
  const repsFor = (n: number) => (quick ? 1 : n <= 10 ? 3 : 2);
  const times = new Map<string, number[]>();
  const key = (v: Variant, op: Op, n: number) => `${v.id}/${op}@${n}`;
  const ratios = new Map<string, number[]>();

  for (const n of sizes) {
    for (let rep = 0; rep < repsFor(n); rep++) {
      const thisRep = new Map<string, number>();
      for (const v of VARIANTS) {
        bench.log(`  hosts: ${v.id}, N=${n}, run ${rep + 1}/${repsFor(n)}`);
        await bench.seed();
        const stack = await stackFor(bench, v, n);
        for (const op of ["preview", "up"] as Op[]) {
          const t0 = performance.now();
          const result = op === "preview" ? await stack.preview() : await stack.up();
          const t = performance.now() - t0;
          const created = (result.changes.create ?? 0) - 1;
          if (created !== n) throw new Error(`${v.id} ${op}: expected ${n} creates, the engine reports ${JSON.stringify(result.changes)}`);
          times.set(key(v, op, n), [...(times.get(key(v, op, n)) ?? []), t]);
          thisRep.set(`${v.id}/${op}`, t);
        }
      }
      for (const v of VARIANTS.slice(1)) {
        for (const op of ["preview", "up"] as Op[]) {
          const r = thisRep.get(`${v.id}/${op}`)! / thisRep.get(`floor/${op}`)!;
          ratios.set(key(v, op, n), [...(ratios.get(key(v, op, n)) ?? []), r]);
        }
      }
    }
  }

  bench.log("  hosts: first Check");
  const checks = new Map<string, FirstCheck[]>();
  for (let rep = 0; rep < (quick ? 1 : 3); rep++) {
    for (const v of VARIANTS) checks.set(v.id, [...(checks.get(v.id) ?? []), await firstCheck(bench, v)]);
  }
  const pluginDir = await bench.projectDir("plugin");
  const spawnMs: number[] = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    spawnMs.push(await spawnToPort(path.join(pluginDir, "node_modules", ".bin", PLUGIN_EXECUTABLE), bench.env(pluginDir)));
  }

  const med = (k: string, m: Map<string, number[]>) => median(m.get(k) ?? []);
  const rows = sizes.flatMap((n) =>
    (["preview", "up"] as Op[]).map((op) => {
      const [floor, dynamic, plugin] = VARIANTS.map((v) => med(key(v, op, n), times));
      return {
        n,
        op,
        reps: repsFor(n),
        floor,
        dynamic,
        plugin,
        dynamicRatio: med(key(VARIANTS[1], op, n), ratios),
        pluginRatio: med(key(VARIANTS[2], op, n), ratios),
      };
    }),
  );
  const targets: Target[] = rows.flatMap((r) => [
    {
      what: `${r.op} of ${r.n} integrations: plugin / floor`,
      target: `≤ ${MAX_RATIO_TO_FLOOR}`,
      measured: r.pluginRatio.toFixed(2),
      met: r.pluginRatio <= MAX_RATIO_TO_FLOOR,
    },
    {
      what: `${r.op} of ${r.n} integrations: plugin faster than dynamic`,
      target: "plugin < dynamic",
      measured: `${Math.round(r.plugin)} vs ${Math.round(r.dynamic)} ms`,
      met: r.plugin < r.dynamic,
    },
  ]);
  const check = (id: Variant["id"], pick: (c: FirstCheck) => number) => median((checks.get(id) ?? []).map(pick));

  return {
    id: "plugin",
    title: "Hosts: the dynamic provider and the provider plugin against the floor, real engine",
    tables: [
      {
        title: "Wall time of `pulumi preview` and `pulumi up --skip-preview` creating N EventBridge integrations, median ms",
        columns: ["N", "operation", "runs", "floor", "dynamic", "plugin", "dynamic / floor", "plugin / floor"],
        rows: rows.map((r) => [
          r.n,
          r.op,
          r.reps,
          Math.round(r.floor),
          Math.round(r.dynamic),
          Math.round(r.plugin),
          r.dynamicRatio,
          r.pluginRatio,
        ]),
      },
      {
        title: "First Check of an integration, median ms",
        columns: ["host", "Check in the engine", "provider's first call to Check answered", "spawn to port (fresh process)"],
        rows: [
          ["floor (do-nothing dynamic)", check("floor", (c) => c.checkMs), check("floor", (c) => c.upToAnswerMs), null],
          ["dynamic", check("dynamic", (c) => c.checkMs), check("dynamic", (c) => c.upToAnswerMs), null],
          ["plugin", check("plugin", (c) => c.checkMs), check("plugin", (c) => c.upToAnswerMs), median(spawnMs)],
        ],
      },
    ],
    targets,
    notes: [
      "Ratios to the floor are the median of each repetition's own ratio (runs made side by side).",
      "The floor is N do-nothing dynamic resources: the engine, the Node.js language host, the program and one dynamic-provider process. The plugin variant has no dynamic-provider process but a plugin process instead.",
      "The plugin runs from the installed package's node_modules/.bin on PATH (the engine warns that it uses it from $PATH); installed with `pulumi plugin install --file` it is the same code.",
      "provider's first call to Check answered: from the engine's first call to the provider process (dynamic: Handshake; plugin: its first call after GetPluginInfo) to the first Check's answer.",
    ],
    data: { sizes, times: Object.fromEntries(times), ratios: Object.fromEntries(ratios), checks: Object.fromEntries(checks), spawnMs },
  };
}
