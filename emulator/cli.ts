#!/usr/bin/env node
/**
 * customer-profiles-emulator [--port N] [--host H] [--region R] [--account-id A]
 *                            [--state-file F] [--access-key-id K] [--secret-access-key S]
 *                            [--flow-definition-conflict conflict|upsert] [--new-flow-status Draft|Active]
 *
 * Runs the endpoint in the foreground and prints the environment that points the AWS SDKs and
 * CLIs at it. SIGINT/SIGTERM close the server before exiting; every write was saved when it was
 * answered. `--host 0.0.0.0` (or `::`) warns that every interface is listening.
 */
import { startEmulator } from "./index";
import { interfaceAddresses, isWildcard } from "./host-policy";
import type { EmulatorOptions } from "./types";

const USAGE =
  "usage: customer-profiles-emulator [--port N] [--host H] [--region R] [--account-id A] " +
  "[--state-file F] [--access-key-id K] [--secret-access-key S] [--flow-definition-conflict conflict|upsert] [--new-flow-status Draft|Active]";

const FLAGS: Record<string, keyof EmulatorOptions> = {
  "--port": "port",
  "--host": "host",
  "--region": "region",
  "--account-id": "accountId",
  "--state-file": "stateFile",
  "--access-key-id": "accessKeyId",
  "--secret-access-key": "secretAccessKey",
  "--flow-definition-conflict": "flowDefinitionConflict",
  "--new-flow-status": "newFlowStatus",
};

export function parseArgs(argv: string[]): EmulatorOptions {
  const options: Record<string, string | number> = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === "--help" || flag === "-h") throw new UsageError(USAGE, 0);
    const key = FLAGS[flag];
    if (!key) throw new UsageError(`unknown option ${argv[i]}\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value\n${USAGE}`);
    if (key === "port") {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535, got ${value}`);
      options.port = port;
    } else if (key === "flowDefinitionConflict" && value !== "conflict" && value !== "upsert") {
      throw new UsageError(`--flow-definition-conflict must be conflict or upsert, got ${value}`);
    } else if (key === "newFlowStatus" && value !== "Draft" && value !== "Active") {
      throw new UsageError(`--new-flow-status must be Draft or Active, got ${value}`);
    } else {
      options[key] = value;
    }
  }
  return options as EmulatorOptions;
}

class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

async function main(): Promise<void> {
  let options: EmulatorOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    (e.exitCode === 0 ? process.stdout : process.stderr).write(`${e.message}\n`);
    process.exit(e.exitCode);
  }
  // Handlers first: a signal that arrives while the endpoint is still starting must also stop it
  // cleanly, not kill the process with its default action.
  const starting = startEmulator(options);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    starting
      .then((emulator) => emulator.close())
      .then(
        () => {
          process.stdout.write(`Stopped on ${signal}.\n`);
          process.exit(0);
        },
        (err) => {
          process.stderr.write(`failed to stop cleanly: ${(err as Error).message}\n`);
          process.exit(1);
        },
      );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  const emulator = await starting;
  const host = options.host ?? "127.0.0.1";
  if (isWildcard(host)) {
    // The URL below is where this machine reaches it; everyone who can reach the machine can too.
    const port = new URL(emulator.url).port;
    process.stderr.write(
      `WARNING: listening on all interfaces (${host.includes(":") ? `[${host}]` : host}:${port}), not just this machine: ` +
        `anyone who can reach it can call the endpoint and its test hooks with the configured key pair. ` +
        `Reachable at: ${interfaceAddresses()
          .map((a) => (a.includes(":") ? `[${a}]:${port}` : `${a}:${port}`))
          .join(", ")}\n`,
    );
  }
  const lines = [
    `Customer Profiles + AppFlow + STS emulator listening on ${emulator.url}${isWildcard(host) ? ` (bound to ${host.includes(":") ? `[${host}]` : host}: all interfaces)` : ""} (region ${emulator.region}, account ${emulator.accountId})`,
    ...(options.stateFile ? [`State file: ${options.stateFile}`] : []),
    "Point the AWS SDKs and CLI at it with:",
    ...Object.entries(emulator.env).map(([k, v]) => `export ${k}=${shellQuote(v)}`),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`customer-profiles-emulator: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
