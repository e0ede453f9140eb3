/**
 * Finds the real AWS CLIs (v1 from pip, v2 from Debian's awscli package) and runs them against
 * an endpoint with nothing from the machine's own AWS configuration leaking in.
 */
import { execFile, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export interface AwsCli {
  path: string;
  major: 1 | 2;
  version: string;
}

function versionOf(bin: string): string | undefined {
  const r = spawnSync(bin, ["--version"], { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) return undefined;
  return `${r.stdout}${r.stderr}`.trim().split(/\s+/)[0];
}

function candidates(): string[] {
  const fromPath = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, "aws"));
  // Where pip (through pyenv) and Debian's awscli put them, whatever PATH says.
  const known = [path.join(os.homedir(), ".pyenv", "shims", "aws"), "/root/.pyenv/shims/aws", "/usr/bin/aws", "/usr/local/bin/aws"];
  return [...new Set([...known, ...fromPath])].filter((p) => {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The first AWS CLI of the given major version, by absolute path. */
export function findAwsCli(major: 1 | 2): AwsCli | undefined {
  for (const p of candidates()) {
    const version = versionOf(p);
    if (version?.startsWith(`aws-cli/${major}.`)) return { path: p, major, version };
  }
  return undefined;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON, or undefined when the command printed nothing. */
  json: any;
}

export interface CliTarget {
  /** The local endpoint; undefined to let the CLI reach AWS itself (a verified run, PCPI_VERIFY_AWS=1). */
  url?: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/**
 * Asynchronous on purpose: the endpoint usually runs in this same process, and a synchronous
 * spawn would block the event loop that has to answer the CLI.
 */
export async function runAwsCli(cli: AwsCli, target: CliTarget, args: string[]): Promise<CliResult> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "aws-cli-home-"));
  const empty = path.join(home, "empty");
  fs.writeFileSync(empty, "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    AWS_ACCESS_KEY_ID: target.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: target.credentials.secretAccessKey,
    AWS_DEFAULT_REGION: target.region,
    AWS_CONFIG_FILE: empty,
    AWS_SHARED_CREDENTIALS_FILE: empty,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_PAGER: "",
  };
  if (target.credentials.sessionToken) env.AWS_SESSION_TOKEN = target.credentials.sessionToken;
  if (process.env.PYENV_ROOT) env.PYENV_ROOT = process.env.PYENV_ROOT;
  // v1 has no pager and so no --no-cli-pager option.
  const common = [
    ...(target.url ? ["--endpoint-url", target.url] : []),
    "--output",
    "json",
    ...(cli.major === 2 ? ["--no-cli-pager"] : []),
  ];
  try {
    const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(cli.path, [...common, ...args], { encoding: "utf8", env, timeout: 120_000 }, (err, stdout, stderr) => {
        const status = err ? (typeof err.code === "number" ? err.code : null) : 0;
        resolve({ status, stdout, stderr });
      });
    });
    return { ...r, json: r.status === 0 && r.stdout.trim() ? JSON.parse(r.stdout) : undefined };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** A timestamp as either CLI prints it: epoch seconds (v1) or ISO-8601 (v2). */
export function cliTime(value: unknown): Date {
  return typeof value === "number" ? new Date(value * 1000) : new Date(String(value));
}
