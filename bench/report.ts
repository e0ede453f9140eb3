/**
 * One shape for every benchmark's figures, printed as aligned tables and written as JSON (and a
 * Markdown copy, which is what a README section is pasted from). The runner owns when; this
 * module only owns how.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export type Cell = string | number | boolean | null | undefined;

export interface Table {
  title: string;
  columns: string[];
  rows: Cell[][];
}

export interface Target {
  what: string;
  target: string;
  measured: string;
  met: boolean;
}

export interface Section {
  id: string;
  title: string;
  tables: Table[];
  targets: Target[];
  notes: string[];
  /** Every raw figure behind the tables, for whoever wants to recompute them. */
  data: unknown;
  seconds?: number;
}

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  pulumi: string;
  commit: string;
  /** 1-, 5- and 15-minute load averages when the run started and ended: other work on the machine skews times. */
  loadAverage: { start: number[]; end?: number[] };
}

export interface Results {
  startedAt: string;
  quick: boolean;
  selection: string[];
  machine: Machine;
  seconds: number;
  sections: Section[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: path.resolve(__dirname, ".."), encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

export function machineInfo(pulumiVersion: string, loadAtStart: number[]): Machine {
  const cpus = os.cpus();
  const dirty = git(["status", "--porcelain", "--", "provider", "sdk", "emulator", "index.ts"]) !== "";
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    pulumi: pulumiVersion,
    commit: `${git(["rev-parse", "--short", "HEAD"])}${dirty ? " (+ uncommitted provider/sdk/emulator changes)" : ""}`,
    loadAverage: { start: loadAtStart.map(round2), end: os.loadavg().map(round2) },
  };
}

/** Numbers as a reader wants them: integers plain, others to `digits` places. */
export function fmt(v: Cell, digits = 2): string {
  if (v === null || v === undefined) return "–";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return "–";
    return Number.isInteger(v) ? String(v) : v.toFixed(digits);
  }
  return v;
}

export function renderTable(t: Table): string {
  const cells = [t.columns, ...t.rows.map((r) => r.map((c) => fmt(c)))];
  const widths = t.columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (c ?? "").padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [t.title, line(t.columns), line(widths.map((w) => "-".repeat(w))), ...cells.slice(1).map(line)].join("\n");
}

function markdownTable(t: Table): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  return [
    `**${t.title}**`,
    "",
    `| ${t.columns.map(esc).join(" | ")} |`,
    `|${t.columns.map(() => "---").join("|")}|`,
    ...t.rows.map((r) => `| ${r.map((c) => esc(fmt(c))).join(" | ")} |`),
  ].join("\n");
}

function targetsTable(targets: Target[]): Table {
  return {
    title: "Targets",
    columns: ["what", "target", "measured", "met"],
    rows: targets.map((t) => [t.what, t.target, t.measured, t.met ? "met" : "MISSED"]),
  };
}

export function machineLine(m: Machine): string {
  const load = `load average ${m.loadAverage.start[0]} at start, ${m.loadAverage.end?.[0] ?? "?"} at end`;
  return `${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node.js ${m.node}, pulumi ${m.pulumi}, commit ${m.commit}; ${load}`;
}

export function renderText(r: Results): string {
  const out = [
    `Machine: ${machineLine(r.machine)}`,
    `Mode: ${r.quick ? "quick" : "full"}; ran ${r.selection.join(", ")} in ${r.seconds.toFixed(0)} s`,
  ];
  for (const s of r.sections) {
    out.push("", `=== ${s.title}${s.seconds !== undefined ? ` (${s.seconds.toFixed(0)} s)` : ""} ===`);
    for (const t of s.tables) out.push("", renderTable(t));
    if (s.targets.length > 0) out.push("", renderTable(targetsTable(s.targets)));
    for (const n of s.notes) out.push(`* ${n}`);
  }
  return out.join("\n");
}

export function renderMarkdown(r: Results): string {
  const out = [
    `# Benchmark results`,
    "",
    `Machine: ${machineLine(r.machine)}. Mode: ${r.quick ? "quick" : "full"}; ${r.seconds.toFixed(0)} s. Started ${r.startedAt}.`,
  ];
  for (const s of r.sections) {
    out.push("", `## ${s.title}`);
    for (const t of s.tables) out.push("", markdownTable(t));
    if (s.targets.length > 0) out.push("", markdownTable(targetsTable(s.targets)));
    if (s.notes.length > 0) out.push("", ...s.notes.map((n) => `* ${n}`));
  }
  return `${out.join("\n")}\n`;
}

/** Written through a temporary file, so an interrupted run never leaves half a JSON behind. */
export function writeResults(r: Results, jsonPath: string): string[] {
  fs.mkdirSync(path.dirname(jsonPath), { recursive: true });
  const mdPath = jsonPath.replace(/\.json$/, "") + ".md";
  for (const [p, text] of [
    [jsonPath, `${JSON.stringify(r, null, 2)}\n`],
    [mdPath, renderMarkdown(r)],
  ] as const) {
    fs.writeFileSync(`${p}.tmp`, text);
    fs.renameSync(`${p}.tmp`, p);
  }
  return [jsonPath, mdPath];
}
