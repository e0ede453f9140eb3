/**
 * Cold start: how long a fresh dynamic-provider process takes to answer its first Check, loading
 * the provider package included. Two ways:
 * - in the engine: `pulumi preview` with PULUMI_DEBUG_GRPC, whose log times every gRPC call the
 *   engine makes to the provider process (the first Check, and the Handshake that marks the
 *   process as up); the same log holds the exact Check request and Configure config;
 * - by hand: that Check request replayed in a new plain-node process (bench/cold-start-probe.js)
 *   doing what cmd/dynamic-provider does, timed from process start.
 * The floor program's first Check (an inline provider without check) is the engine's own share.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { Stack } from "../testing/pulumi";
import { ms, readGrpcLog, type GrpcEntry } from "./grpc-log";
import { Bench, median, type Program } from "./harness";
import type { Section, Target } from "./report";

const MAX_FIRST_CHECK_MS = 300;

interface EngineSample {
  /** The engine's first Check to the dynamic provider, request to answer. */
  firstCheckMs: number;
  /** From the provider process's Handshake (it is up and listening) to that Check's answer. */
  readyToAnswerMs: number;
  checkRequest: any;
  config: Record<string, string>;
}

async function inEngine(bench: Bench, program: Program, config: Record<string, unknown>): Promise<EngineSample> {
  await bench.seed();
  const stack = await bench.stack(program, { ...config, count: 1 });
  const log = path.join(bench.workspace, `grpc-${stack.name}.log`);
  const traced = new Stack({ engine: bench.engine, dir: stack.dir, name: stack.name, env: { ...stack.env, PULUMI_DEBUG_GRPC: log } });
  await traced.preview();
  const entries = readGrpcLog(log);
  const provider = (e: GrpcEntry, method: string) => e.method === `/pulumirpc.ResourceProvider/${method}`;
  const isDynamic = (e: GrpcEntry) => String(e.request?.urn ?? "").includes("::pulumi-nodejs:dynamic");
  const check = entries.find((e) => provider(e, "Check") && isDynamic(e) && e.progress === "response_completed");
  const handshake = entries.find((e) => provider(e, "Handshake") && e.progress === "request_started");
  const configure = entries.find((e) => provider(e, "Configure") && e.request?.args);
  if (!check?.duration || !handshake || !configure) throw new Error(`no Check, Handshake or Configure of the dynamic provider in ${log}`);
  return {
    firstCheckMs: check.duration / 1e6,
    readyToAnswerMs: ms(check.timestamp) - ms(handshake.timestamp),
    checkRequest: check.request,
    config: configure.request.args,
  };
}

interface ProbeSample {
  /** Parent's view: spawn to the answer's line on stdout. */
  spawnToAnswerMs: number;
  /** Child's view, ms since its process started. */
  ready: number;
  configured: number;
  answered: number;
  failures: string[];
}

function spawnTimed(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ stdout: string; firstLineMs: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstLineMs: number | undefined;
    let stdout = "";
    let stderr = "";
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (d: Buffer) => {
      stdout += d;
      if (firstLineMs === undefined && stdout.includes("\n")) firstLineMs = performance.now() - t0;
    });
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`node ${args.join(" ")} exited with ${code}: ${stderr}`));
      else resolve({ stdout, firstLineMs: firstLineMs ?? performance.now() - t0 });
    });
  });
}

async function probe(bench: Bench, projectDir: string, sample: EngineSample, project: string): Promise<ProbeSample> {
  const input = path.join(bench.workspace, `probe-${process.pid}.json`);
  fs.writeFileSync(input, JSON.stringify({ news: sample.checkRequest.news, config: sample.config, project }));
  const { stdout, firstLineMs } = await spawnTimed([path.join(__dirname, "cold-start-probe.js"), input], projectDir, bench.env(projectDir));
  return { spawnToAnswerMs: firstLineMs, ...JSON.parse(stdout.split("\n")[0]) };
}

export async function run(bench: Bench): Promise<Section> {
  const reps = bench.options.quick ? 1 : 3;
  const probes = bench.options.quick ? 3 : 7;
  const programs: { label: string; program: Program; config: Record<string, unknown> }[] = [
    { label: "event integration", program: "integrations", config: { kind: "event", tags: { team: "crm" } } },
    { label: "flow integration (1 DescribeConnectorProfiles)", program: "integrations", config: { kind: "flow", tags: { team: "crm" } } },
    { label: "floor (inline do-nothing provider)", program: "floor", config: {} },
  ];

  const engine = new Map<string, EngineSample[]>();
  for (let rep = 0; rep < reps; rep++) {
    for (const p of programs) {
      bench.log(`  cold start: ${p.label}, preview ${rep + 1}/${reps}`);
      engine.set(p.label, [...(engine.get(p.label) ?? []), await inEngine(bench, p.program, p.config)]);
    }
  }

  // The node binary's own start, the part of any process start no provider can remove.
  const nodeOnly: number[] = [];
  const byHand = new Map<string, ProbeSample[]>();
  for (let i = 0; i < probes; i++) {
    nodeOnly.push((await spawnTimed(["-e", "console.log(0)"], bench.workspace, process.env)).firstLineMs);
    for (const p of programs.filter((p) => p.program === "integrations")) {
      bench.log(`  cold start: ${p.label}, fresh process ${i + 1}/${probes}`);
      const dir = await bench.projectDir(p.program);
      byHand.set(p.label, [...(byHand.get(p.label) ?? []), await probe(bench, dir, engine.get(p.label)![0], `pcpi-bench-${p.program}`)]);
    }
  }

  const targets: Target[] = [];
  for (const p of programs.filter((p) => p.program === "integrations")) {
    const inEngineMs = median(engine.get(p.label)!.map((s) => s.firstCheckMs));
    targets.push({
      what: `${p.label}: first Check in the engine`,
      target: `≤ ${MAX_FIRST_CHECK_MS} ms`,
      measured: `${inEngineMs.toFixed(0)} ms`,
      met: inEngineMs <= MAX_FIRST_CHECK_MS,
    });
    const afterReady = median(byHand.get(p.label)!.map((s) => s.answered - s.ready));
    targets.push({
      what: `${p.label}: fresh process, Check received → answered`,
      target: `≤ ${MAX_FIRST_CHECK_MS} ms`,
      measured: `${afterReady.toFixed(0)} ms`,
      met: afterReady <= MAX_FIRST_CHECK_MS,
    });
  }
  const failures = [...byHand.values()].flat().flatMap((s) => s.failures);

  return {
    id: "cold-start",
    title: "Cold start: a fresh provider process's first Check",
    tables: [
      {
        title: `In the engine (pulumi preview, PULUMI_DEBUG_GRPC timings), median of ${reps}, ms`,
        columns: ["program", "first Check (request → answer)", "provider process up (Handshake) → first Check answered"],
        rows: programs.map((p) => [
          p.label,
          median(engine.get(p.label)!.map((s) => s.firstCheckMs)),
          median(engine.get(p.label)!.map((s) => s.readyToAnswerMs)),
        ]),
      },
      {
        title: `Fresh node process replaying the engine's Check (bench/cold-start-probe.js), median of ${probes}, ms since process start`,
        columns: [
          "program",
          "pulumi host modules loaded",
          "configure done (provider package loaded)",
          "Check answered",
          "Check received → answered",
          "spawn → answer (parent's clock)",
        ],
        rows: [
          ...programs
            .filter((p) => p.program === "integrations")
            .map((p) => {
              const s = byHand.get(p.label)!;
              return [
                p.label,
                median(s.map((x) => x.ready)),
                median(s.map((x) => x.configured)),
                median(s.map((x) => x.answered)),
                median(s.map((x) => x.answered - x.ready)),
                median(s.map((x) => x.spawnToAnswerMs)),
              ];
            }),
          ["node -e (start and print, nothing loaded)", null, null, null, null, median(nodeOnly)],
        ],
      },
    ],
    targets,
    notes: [
      "The Check replayed is the engine's own request for the program's resource (from the gRPC log), `__provider` included; the config is the engine's Configure.",
      ...(failures.length > 0 ? [`The replayed Checks reported failures: ${[...new Set(failures)].join("; ")}`] : []),
    ],
    data: {
      reps,
      probes,
      inEngine: Object.fromEntries(
        [...engine].map(([k, v]) => [k, v.map(({ firstCheckMs, readyToAnswerMs }) => ({ firstCheckMs, readyToAnswerMs }))]),
      ),
      byHand: Object.fromEntries(byHand),
      nodeOnlyMs: nodeOnly,
    },
  };
}
