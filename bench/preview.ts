/**
 * What a preview costs when many flow integrations share a few AppFlow connector profiles: the
 * connector-profile cross-check must stay a handful of batched DescribeConnectorProfiles calls,
 * not one per integration. Measured on an empty stack (everything to create) and on a deployed,
 * unchanged one, beside the do-nothing floor program previewed at the same size.
 */
import { isWrite } from "../testing/local-aws";
import { Bench, ProcessSampler, byOperation, median, type Role, type RoleUsage } from "./harness";
import type { Section, Target } from "./report";

const PROFILES = ["salesforce-prod", "salesforce-eu", "salesforce-apac"];
const MAX_APPFLOW_CALLS = PROFILES.length;
const ROLES: Role[] = ["engine", "language host", "program", "provider"];

interface PreviewRun {
  ms: number;
  usage: Partial<Record<Role, RoleUsage>>;
  appflowCalls: number;
  totalCalls: number;
  writes: number;
  byOperation: Record<string, number>;
}

interface Case {
  integrations: number;
  state: "empty" | "deployed, unchanged";
  runs: PreviewRun[];
  floor: { ms: number; usage: Partial<Record<Role, RoleUsage>> }[];
}

/** A preview's wall time and its processes' CPU and memory. */
async function sampled<T>(dir: string, fn: () => Promise<T>): Promise<{ result: T; usage: Partial<Record<Role, RoleUsage>> }> {
  const sampler = new ProcessSampler(dir).start();
  const result = await fn();
  return { result, usage: sampler.stop() };
}

export async function run(bench: Bench): Promise<Section> {
  const sizes = [10, 100];
  const repsFor = (n: number) => (bench.options.quick ? 1 : n <= 10 ? 5 : 3);
  // A quick run skips deploying (the slowest part) and so previews the empty stacks only.
  const states = bench.options.quick ? (["empty"] as const) : (["empty", "deployed, unchanged"] as const);
  const cases: Case[] = [];
  for (const n of sizes) {
    await bench.seed(PROFILES);
    const stack = await bench.stack("integrations", { count: n, kind: "flow", connectorProfiles: PROFILES, tags: { team: "crm" } });
    const floor = await bench.stack("floor", { count: n });
    for (const state of states) {
      if (state !== "empty") {
        bench.log(`  preview: deploying ${n} flow integrations`);
        await stack.up();
        await floor.up();
      }
      const c: Case = { integrations: n, state, runs: [], floor: [] };
      for (let rep = 0; rep < repsFor(n); rep++) {
        bench.log(`  preview: ${n} integrations, ${state}, run ${rep + 1}/${repsFor(n)}`);
        const {
          result: { requests, ms },
          usage,
        } = await sampled(stack.dir, () => bench.requestsDuring(() => stack.preview()));
        c.runs.push({
          ms,
          usage,
          appflowCalls: requests.filter((r) => r.service === "appflow").length,
          totalCalls: requests.length,
          writes: requests.filter(isWrite).length,
          byOperation: byOperation(requests),
        });
        // Interleaved, so drift over the run falls on both alike.
        const floorRun = await sampled(floor.dir, () => bench.requestsDuring(() => floor.preview()));
        c.floor.push({ ms: floorRun.result.ms, usage: floorRun.usage });
      }
      cases.push(c);
    }
  }

  const targets: Target[] = cases.map((c) => {
    const most = Math.max(...c.runs.map((r) => r.appflowCalls));
    return {
      what: `preview of ${c.integrations} flow integrations sharing ${PROFILES.length} profiles (${c.state}): AppFlow calls`,
      target: `≤ ${MAX_APPFLOW_CALLS}`,
      measured: String(most),
      met: most <= MAX_APPFLOW_CALLS,
    };
  });
  const writes = Math.max(...cases.flatMap((c) => c.runs.map((r) => r.writes)));
  targets.push({ what: "every preview: write calls", target: "0", measured: String(writes), met: writes === 0 });

  const ops = (m: Record<string, number>) =>
    Object.entries(m)
      .map(([op, k]) => `${op} ${k}`)
      .join(", ") || "none";
  return {
    id: "preview",
    title: `Preview cost (real engine; flow integrations sharing ${PROFILES.length} connector profiles)`,
    tables: [
      {
        title: "Medians; floor = the same number of do-nothing dynamic resources",
        columns: [
          "integrations",
          "stack",
          "previews",
          "AppFlow calls",
          "total calls",
          "calls (last run)",
          "wall ms",
          "floor wall ms",
          "ratio to floor",
        ],
        rows: cases.map((c) => {
          const ms = median(c.runs.map((r) => r.ms));
          const floorMs = median(c.floor.map((f) => f.ms));
          return [
            c.integrations,
            c.state,
            c.runs.length,
            median(c.runs.map((r) => r.appflowCalls)),
            median(c.runs.map((r) => r.totalCalls)),
            ops(c.runs[c.runs.length - 1].byOperation),
            Math.round(ms),
            Math.round(floorMs),
            // Each preview beside the floor's that ran right after it, so drift in the machine's load cancels.
            median(c.runs.map((r, i) => r.ms / c.floor[i].ms)),
          ];
        }),
      },
      {
        title: "CPU seconds of each process during the preview, median (sampled from /proc every 100 ms)",
        columns: ["integrations", "stack", "what ran", "engine (pulumi)", "language host", "program", "provider", "sum"],
        rows: cases.flatMap((c) =>
          [
            ["integrations", c.runs.map((r) => r.usage)],
            ["floor", c.floor.map((f) => f.usage)],
          ].map(([label, usages]) => {
            const list = usages as Partial<Record<Role, RoleUsage>>[];
            const parts = ROLES.map((role) => median(list.map((u) => u[role]?.cpuSeconds ?? 0)));
            return [c.integrations, c.state, label as string, ...parts, parts.reduce((a, b) => a + b, 0)];
          }),
        ),
      },
    ],
    targets,
    notes: [
      "Wall time is the whole `pulumi preview` process: CLI, language host, program, provider process.",
      "Each preview is a new provider process, so the connector-profile answers cached within one process are asked again once per preview.",
    ],
    data: { profiles: PROFILES, cases },
  };
}
