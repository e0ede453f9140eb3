/**
 * GetIntegration throughput of the local endpoint, signature verification included, from one
 * AWS SDK v3 client. The endpoint runs in its own process by default (as the CLI would), so
 * client and server do not share an event loop; --in-process measures both on one.
 *
 *   npx ts-node bench/emulator-throughput.ts [--seconds 5] [--concurrency 16] [--in-process]
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import {
  CreateDomainCommand,
  CustomerProfilesClient,
  GetIntegrationCommand,
  PutIntegrationCommand,
  PutProfileObjectTypeCommand,
} from "@aws-sdk/client-customer-profiles";
import { connectEmulator, startEmulator } from "../emulator";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const SECONDS = option("seconds", 5);
const CONCURRENCY = option("concurrency", 16);
const IN_PROCESS = process.argv.includes("--in-process");
const CREDENTIALS = { accessKeyId: "bench", secretAccessKey: "bench-secret" };

interface Endpoint {
  url: string;
  stop: () => Promise<void>;
  /** CPU seconds the endpoint has used so far, when it can be read. */
  cpuSeconds: () => number | undefined;
}

/** utime + stime of a process from /proc (Linux), in seconds. */
function processCpuSeconds(pid: number): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

async function endpointInChild(): Promise<Endpoint> {
  const cli = path.resolve(__dirname, "../emulator/cli.ts");
  const child: ChildProcess = spawn(
    process.execPath,
    [
      "-r",
      "ts-node/register/transpile-only",
      cli,
      "--access-key-id",
      CREDENTIALS.accessKeyId,
      "--secret-access-key",
      CREDENTIALS.secretAccessKey,
    ],
    { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" } },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return {
    url,
    cpuSeconds: () => processCpuSeconds(child.pid!),
    stop: () =>
      new Promise((resolve) => {
        child.on("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function main(): Promise<void> {
  const endpoint = IN_PROCESS
    ? await startEmulator(CREDENTIALS).then((e): Endpoint => ({ url: e.url, stop: () => e.close(), cpuSeconds: () => undefined }))
    : await endpointInChild();
  const client = new CustomerProfilesClient({ endpoint: endpoint.url, region: "us-east-1", credentials: CREDENTIALS, maxAttempts: 1 });
  try {
    await client.send(new CreateDomainCommand({ DomainName: "bench", DefaultExpirationDays: 30 }));
    await client.send(new PutProfileObjectTypeCommand({ DomainName: "bench", ObjectTypeName: "Contact", Description: "bench" }));
    const { Uri } = await client.send(
      new PutIntegrationCommand({
        DomainName: "bench",
        Uri: "arn:aws:s3:::bench/contacts",
        ObjectTypeName: "Contact",
        Tags: { bench: "yes" },
      }),
    );
    const get = new GetIntegrationCommand({ DomainName: "bench", Uri });
    // Warm the connection pool and the JIT before measuring.
    await Promise.all(Array.from({ length: CONCURRENCY * 4 }, () => client.send(get)));
    await connectEmulator(endpoint.url).clearRequests();

    const latencies: number[] = [];
    let failures = 0;
    const deadline = performance.now() + SECONDS * 1000;
    const started = performance.now();
    const clientCpu0 = ownCpuSeconds();
    const endpointCpu0 = endpoint.cpuSeconds();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < deadline) {
          const t = performance.now();
          try {
            await client.send(get);
            latencies.push(performance.now() - t);
          } catch {
            failures++;
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const clientCpu = ownCpuSeconds() - clientCpu0;
    const endpointCpu1 = endpoint.cpuSeconds();
    const endpointCpu = endpointCpu0 !== undefined && endpointCpu1 !== undefined ? endpointCpu1 - endpointCpu0 : undefined;
    const perRequest = (seconds: number) => `${((seconds / latencies.length) * 1e6).toFixed(0)} µs`;
    const served = (await connectEmulator(endpoint.url).requests()).filter(
      (r) => r.operation === "GetIntegration" && r.status === 200,
    ).length;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(2);
    console.log(
      [
        `GetIntegration, SigV4 verified, ${CONCURRENCY} concurrent, ${elapsed.toFixed(1)} s, endpoint ${IN_PROCESS ? "in process" : "in its own process"}`,
        `  ${(latencies.length / elapsed).toFixed(0)} requests/s (${latencies.length} ok, ${failures} failed; endpoint logged ${served} answered 200)`,
        `  latency p50 ${pct(50)} ms, p99 ${pct(99)} ms`,
        IN_PROCESS
          ? `  CPU per request (client and endpoint together): ${perRequest(clientCpu)}`
          : `  CPU per request: SDK client ${perRequest(clientCpu)}, endpoint ${endpointCpu === undefined ? "n/a" : perRequest(endpointCpu)}`,
      ].join("\n"),
    );
    if (failures > 0 || served !== latencies.length) process.exitCode = 1;
  } finally {
    client.destroy();
    await endpoint.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
