/**
 * The local endpoint's own throughput, by the emulator engineer's bench/emulator-throughput.ts,
 * run as it is: the other benchmarks count and time through this endpoint, so a slow endpoint
 * would show up in their figures as the provider's cost.
 */
import * as path from "node:path";
import { run as runCommand } from "../testing/package";
import type { Bench } from "./harness";
import type { Section } from "./report";

export async function run(bench: Bench): Promise<Section> {
  const seconds = bench.options.quick ? 2 : 5;
  const script = path.join(__dirname, "emulator-throughput.ts");
  bench.log(`  emulator: ${path.basename(script)} --seconds ${seconds}`);
  const r = await runCommand(process.execPath, ["-r", "ts-node/register/transpile-only", script, "--seconds", String(seconds)], {
    cwd: path.resolve(__dirname, ".."),
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  });
  const out = r.stdout.trim();
  const number = (re: RegExp) => {
    const m = re.exec(out);
    return m ? Number(m[1]) : undefined;
  };
  return {
    id: "emulator",
    title: "Local endpoint throughput (bench/emulator-throughput.ts)",
    tables: [
      {
        title: `GetIntegration through the AWS SDK v3, SigV4 verified, ${seconds} s`,
        columns: ["requests/s", "p50 ms", "p99 ms", "exit"],
        rows: [[number(/(\d+) requests\/s/), number(/p50 ([\d.]+) ms/), number(/p99 ([\d.]+) ms/), r.code]],
      },
    ],
    targets: [],
    notes: out
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean),
    data: { seconds, exitCode: r.code, stdout: out, stderr: r.stderr.trim().split("\n").slice(-5).join("\n") },
  };
}
