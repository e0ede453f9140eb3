/**
 * Runs the emulator's CLI in a child process: the compiled bin that `customer-profiles-emulator`
 * runs (package.json "bin"), built first when older than the sources (`buildCli`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import { buildIfStale } from "../../testing/package";

export const CLI_SOURCE = path.resolve(__dirname, "../../emulator/cli.ts");
/** What package.json's "bin" names. */
export const CLI_BIN = path.resolve(__dirname, "../../dist/emulator/cli.js");

/** A `before` hook's work: dist/ as new as the sources. */
export async function buildCli(): Promise<void> {
  await buildIfStale();
}

export interface CliProcess {
  child: ChildProcess;
  /** Everything printed to stdout so far. */
  output(): string;
  /** Everything printed to stderr so far. */
  errors(): string;
  /** Resolves with the URL once the CLI has printed it, or rejects if the process ends first. */
  url: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once stderr matches `pattern`, or rejects if the process ends first. */
  stderrMatches(pattern: RegExp): Promise<void>;
}

export function runCli(args: string[]): CliProcess {
  const child = spawn(process.execPath, [CLI_BIN, ...args], {
    cwd: path.resolve(__dirname, "../.."),
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      const m = /listening on (http:\/\/\S+)/.exec(stdout);
      if (m) resolve(m[1]);
    });
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    void exited.then(({ code }) => reject(new Error(`CLI exited (${code}) before listening: ${stderr}`)));
  });
  url.catch(() => undefined);
  const stderrMatches = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const look = () => pattern.test(stderr) && resolve();
      look();
      child.stderr!.on("data", look);
      void exited.then(() => reject(new Error(`CLI exited before printing ${pattern} on stderr: ${stderr}`)));
    });
  return { child, output: () => stdout, errors: () => stderr, url, exited, stderrMatches };
}
