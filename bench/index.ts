/**
 * The benchmark runner: `npm run bench [-- --only calls,state] [--quick] [--out FILE]`.
 * Benchmarks, not tests: figures are compared within one run (ratios, medians) and nothing
 * fails on a time. Progress goes to stderr; the tables to stdout; the figures to
 * bench/results/latest.json (and .md).
 */
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { Bench } from "./harness";
import { machineInfo, renderText, writeResults, type Results, type Section } from "./report";
import * as calls from "./calls";
import * as preview from "./preview";
import * as state from "./state";
import * as engine from "./engine";
import * as coldStart from "./cold-start";
import * as emulator from "./emulator";
import * as plugin from "./plugin";

const BENCHMARKS: Record<string, (bench: Bench) => Promise<Section>> = {
  calls: calls.run,
  preview: preview.run,
  state: state.run,
  engine: engine.run,
  "cold-start": coldStart.run,
  emulator: emulator.run,
  plugin: plugin.run,
};

const USAGE = `usage: npm run bench -- [--only ${Object.keys(BENCHMARKS).join(",")}] [--quick] [--out FILE]`;

function parseArgs(argv: string[]): { only: string[]; quick: boolean; out: string } {
  let only = Object.keys(BENCHMARKS);
  let quick = false;
  let out = path.join(__dirname, "results", "latest.json");
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === "--quick") quick = true;
    else if (a === "--only" || a.startsWith("--only="))
      only = value()
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    else if (a === "--out" || a.startsWith("--out=")) out = path.resolve(value());
    else if (a === "--help" || a === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  const unknown = only.filter((o) => !(o in BENCHMARKS));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(", ")}\n${USAGE}`);
  // Always in the order of BENCHMARKS, whatever order --only named them in.
  return { only: Object.keys(BENCHMARKS).filter((b) => only.includes(b)), quick, out };
}

async function main(): Promise<void> {
  const { only, quick, out } = parseArgs(process.argv.slice(2));
  // The SDK warns that its releases after early January 2027 need Node 22: this package already needs 22 or 24 (engines), so the notice is noise in a report.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const startedAt = new Date().toISOString();
  const loadAtStart = os.loadavg();
  const t0 = performance.now();
  log(`${quick ? "quick" : "full"} run: ${only.join(", ")}`);
  const bench = await Bench.start({ quick, log });
  const sections: Section[] = [];
  try {
    for (const id of only) {
      log(`${id} ...`);
      const t = performance.now();
      const section = await BENCHMARKS[id](bench);
      section.seconds = (performance.now() - t) / 1000;
      sections.push(section);
      log(`${id} done in ${section.seconds.toFixed(0)} s`);
    }
  } finally {
    await bench.close();
  }
  const results: Results = {
    startedAt,
    quick,
    selection: only,
    machine: machineInfo(bench.engine.version, loadAtStart),
    seconds: (performance.now() - t0) / 1000,
    sections,
  };
  console.log(renderText(results));
  const written = writeResults(results, out);
  log(`wrote ${written.map((p) => path.relative(process.cwd(), p)).join(" and ")}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
