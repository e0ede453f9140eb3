/**
 * Engine overhead: `pulumi up` creating N integrations, against the same engine creating N
 * do-nothing dynamic resources (the floor: engine, language host, program and provider process
 * with no work of the provider's own). At 0 ms added latency the ratio to the floor is the
 * provider's whole cost; at 50 ms per call it is compared with the ideal of running every
 * create's calls back to back at Pulumi's default parallelism. The variants are interleaved
 * within each repetition, so drift over the run falls on all of them alike.
 */
import * as os from "node:os";
import { Bench, ProcessSampler, integrationIndex, maxInFlight, median, type Role, type RoleUsage } from "./harness";
import type { Section, Target } from "./report";

const LATENCY_MS = 50;
const MAX_RATIO_TO_FLOOR = 1.3;

/**
 * `pulumi up`'s default --parallel: 4 × GOMAXPROCS, which is the number of CPUs (pulumi
 * pkg/cmd/pulumi/operations/up.go, defaultParallel), unless PULUMI_PARALLEL says otherwise.
 */
function defaultParallelism(): number {
  const fromEnv = Number(process.env.PULUMI_PARALLEL);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 4 * os.cpus().length;
}

interface Variant {
  id: "floor" | "0 ms" | "50 ms";
  program: "floor" | "integrations";
  latencyMs?: number;
}

const VARIANTS: Variant[] = [
  { id: "floor", program: "floor" },
  { id: "0 ms", program: "integrations", latencyMs: 0 },
  { id: "50 ms", program: "integrations", latencyMs: LATENCY_MS },
];

interface Run {
  ms: number;
  peakRssBytes?: number;
  /** CPU and memory of the run's processes, by role. */
  usage: Partial<Record<Role, RoleUsage>>;
  /** CPU seconds of this process, which is the local endpoint (and little else) while pulumi runs. */
  endpointCpuSeconds: number;
  calls: number;
  /** Calls about one integration (not the process's one-time calls), per integration. */
  callsPerCreate: number;
  maxInFlight: number;
}

export async function run(bench: Bench): Promise<Section> {
  const quick = bench.options.quick;
  const sizes = quick ? [1, 10, 50] : [1, 10, 50, 100];
  // Other work on a 2-core machine skews single runs by seconds: more runs where they are cheap.
  const repsFor = (n: number) => (quick ? 1 : n <= 10 ? 5 : 3);
  const parallelism = defaultParallelism();
  /** Each repetition's runs of every variant, in order, so ratios pair runs made side by side. */
  const runs = new Map<string, Run[]>();
  const key = (v: Variant, n: number) => `${v.id}@${n}`;

  for (const n of sizes) {
    for (let rep = 0; rep < repsFor(n); rep++) {
      for (const v of VARIANTS) {
        bench.log(`  engine: ${v.id === "floor" ? "floor" : `integrations at ${v.id}`}, N=${n}, run ${rep + 1}/${repsFor(n)}`);
        await bench.seed();
        const stack = await bench.stack(v.program, { count: n, kind: "event", tags: { team: "crm" } });
        if (v.latencyMs) bench.aws.emulator.setFaults({ rules: [{ latencyMs: v.latencyMs }] });
        const sampler = new ProcessSampler(stack.dir).start();
        const cpu0 = process.cpuUsage();
        const { result, requests, ms } = await bench.requestsDuring(() => stack.up());
        const cpu = process.cpuUsage(cpu0);
        const usage = sampler.stop();
        bench.aws.emulator.setFaults({});
        const created = (result.changes.create ?? 0) - 1;
        if (created !== n) throw new Error(`expected ${n} creates, the engine reports ${JSON.stringify(result.changes)}`);
        const perResource = requests.filter((r) => integrationIndex(r) !== undefined).length;
        const list = runs.get(key(v, n)) ?? [];
        list.push({
          ms,
          peakRssBytes: usage.provider?.peakRssBytes,
          usage,
          endpointCpuSeconds: (cpu.user + cpu.system) / 1e6,
          calls: requests.length,
          callsPerCreate: perResource / n,
          maxInFlight: maxInFlight(requests.filter((r) => integrationIndex(r) !== undefined)),
        });
        runs.set(key(v, n), list);
      }
    }
  }

  const med = (v: Variant, n: number, pick: (r: Run) => number | undefined) => {
    const xs = (runs.get(key(v, n)) ?? []).map(pick).filter((x): x is number => x !== undefined);
    return xs.length > 0 ? median(xs) : undefined;
  };
  const [floor, zero, slow] = VARIANTS;
  const mib = (b: number | undefined) => (b === undefined ? undefined : Math.round((b / 2 ** 20) * 10) / 10);
  /** Median over repetitions of a figure of the runs made side by side in one repetition. */
  const paired = (n: number, f: (floor: Run, zero: Run, slow: Run) => number) => {
    const [fs, zs, ss] = [floor, zero, slow].map((v) => runs.get(key(v, n)) ?? []);
    return median(fs.map((r, i) => f(r, zs[i], ss[i])));
  };
  const rows = sizes.map((n) => {
    const floorMs = med(floor, n, (r) => r.ms)!;
    const zeroMs = med(zero, n, (r) => r.ms)!;
    const slowMs = med(slow, n, (r) => r.ms)!;
    const callsPerCreate = med(slow, n, (r) => r.callsPerCreate)!;
    const ideal = Math.ceil(n / parallelism) * callsPerCreate * LATENCY_MS;
    return {
      n,
      reps: repsFor(n),
      floorMs,
      zeroMs,
      slowMs,
      ratioToFloor: paired(n, (f, z) => z.ms / f.ms),
      idealMs: ideal,
      ratioToIdeal: slowMs / ideal,
      excessOverFloorToIdeal: paired(n, (f, _z, s) => (s.ms - f.ms) / ideal),
      callsPerCreate,
      observedParallelism: med(slow, n, (r) => r.maxInFlight),
      cpu: (v: Variant, role: Role | "endpoint") =>
        med(v, n, (r) => (role === "endpoint" ? r.endpointCpuSeconds : (r.usage[role]?.cpuSeconds ?? 0))),
      rssFloor: mib(med(floor, n, (r) => r.peakRssBytes)),
      rssZero: mib(med(zero, n, (r) => r.peakRssBytes)),
      rssSlow: mib(med(slow, n, (r) => r.peakRssBytes)),
    };
  });

  const targets: Target[] = rows.map((r) => ({
    what: `up of ${r.n} integration${r.n > 1 ? "s" : ""} at 0 ms: time / floor`,
    target: `≤ ${MAX_RATIO_TO_FLOOR}`,
    measured: r.ratioToFloor.toFixed(2),
    met: r.ratioToFloor <= MAX_RATIO_TO_FLOOR,
  }));

  return {
    id: "engine",
    title: "Engine overhead: pulumi up (create), real engine",
    tables: [
      {
        title: `Wall time of \`pulumi up --skip-preview\`, median ms; parallelism ${parallelism} (pulumi's default: 4 × ${os.cpus().length} cores)`,
        columns: [
          "N",
          "runs",
          "floor",
          "0 ms",
          "0 ms / floor",
          `${LATENCY_MS} ms`,
          "ideal",
          `${LATENCY_MS} ms / ideal`,
          `(${LATENCY_MS} ms − floor) / ideal`,
          "calls per create",
          "calls in flight (max)",
        ],
        rows: rows.map((r) => [
          r.n,
          r.reps,
          Math.round(r.floorMs),
          Math.round(r.zeroMs),
          r.ratioToFloor,
          Math.round(r.slowMs),
          Math.round(r.idealMs),
          r.ratioToIdeal,
          r.excessOverFloorToIdeal,
          r.callsPerCreate,
          r.observedParallelism,
        ]),
      },
      {
        title: "Where the time goes: CPU seconds of each process during `pulumi up`, median (sampled from /proc every 100 ms)",
        columns: ["N", "variant", "engine (pulumi)", "language host", "program", "provider", "local endpoint", "sum", "wall s"],
        rows: rows.flatMap((r) =>
          [floor, zero, slow].map((v) => {
            const parts = (["engine", "language host", "program", "provider", "endpoint"] as const).map((role) => r.cpu(v, role) ?? 0);
            return [
              r.n,
              v.id,
              ...parts,
              parts.reduce((a, b) => a + b, 0),
              (v === floor ? r.floorMs : v === zero ? r.zeroMs : r.slowMs) / 1000,
            ];
          }),
        ),
      },
      {
        title: "Peak RSS of the dynamic-provider process (VmHWM), median MiB",
        columns: ["N", "floor", "integrations, 0 ms", `integrations, ${LATENCY_MS} ms`],
        rows: rows.map((r) => [r.n, r.rssFloor, r.rssZero, r.rssSlow]),
      },
    ],
    targets,
    notes: [
      `ideal = ceil(N / ${parallelism}) × calls per create × ${LATENCY_MS} ms: each create's calls back to back, ${parallelism} creates at a time, nothing else. The one-time STS GetCallerIdentity (${LATENCY_MS} ms once, before the first create) is not in it.`,
      `(${LATENCY_MS} ms − floor) / ideal compares what the integrations add over the floor with that ideal.`,
      "Ratios to the floor are the median of each repetition's own ratio (runs made side by side), so slow drift in the machine's load cancels; times are medians of all runs.",
      "calls in flight = the most calls about integrations the endpoint was answering at once during the 50 ms run: the parallelism the engine actually reached.",
      "The floor runs the same engine, language host and program shape with an inline provider that does nothing, so its time is what any dynamic provider costs.",
      "The local endpoint runs in the benchmark's own process on the same 2 cores, so its CPU competes with the engine's; against AWS that share would be elsewhere.",
    ],
    data: { parallelism, latencyMs: LATENCY_MS, sizes, runs: Object.fromEntries(runs), rows: rows.map(({ cpu: _cpu, ...r }) => r) },
  };
}
