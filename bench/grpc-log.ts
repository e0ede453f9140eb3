/**
 * The engine's gRPC log (PULUMI_DEBUG_GRPC=<file>): one JSON entry per call, read by the benches
 * that time a provider's first Check.
 */
import * as fs from "node:fs";

export interface GrpcEntry {
  method: string;
  request?: any;
  progress: string;
  timestamp: string;
  /** Nanoseconds, on completed calls. */
  duration?: number;
}

export function readGrpcLog(file: string): GrpcEntry[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as GrpcEntry);
}

/** RFC 3339 with nanoseconds, to fractional milliseconds (Date.parse keeps only milliseconds). */
export function ms(timestamp: string): number {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(timestamp);
  if (!m) return Date.parse(timestamp);
  return Date.parse(`${m[1]}${m[3]}`) + Number(`0.${m[2] ?? "0"}`) * 1000;
}
