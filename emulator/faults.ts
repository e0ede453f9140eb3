/**
 * Fault injection. A seeded PRNG (mulberry32) draws once per request that a rule with a
 * probabilistic fault matches, so the same seed and the same request sequence fault the same
 * requests every run. The decision is made before the operation runs: a faulted request never
 * touches state.
 */
import type { FaultConfig, FaultRule } from "./types";

export type FaultDecision = { kind: "none"; latencyMs: number } | { kind: "drop" | "hang" | "throttle" | "error"; latencyMs: number };

const DEFAULT_SEED = 0x5eed;
/** The longest delay a Node timer can wait: 2^31-1 ms. */
const MAX_LATENCY_MS = 2 ** 31 - 1;
const RATES = ["dropRate", "hangRate", "throttleRate", "errorRate"] as const;
const KIND_OF_RATE = { dropRate: "drop", hangRate: "hang", throttleRate: "throttle", errorRate: "error" } as const;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rejects a config the injector cannot honour, with the offending path, before it replaces the current one. */
export function checkFaultConfig(config: unknown): FaultConfig {
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new TypeError("fault config must be an object: { seed?, rules? }");
  }
  const c = config as Record<string, unknown>;
  if (c.seed !== undefined && (typeof c.seed !== "number" || !Number.isFinite(c.seed))) {
    throw new TypeError("seed must be a finite number");
  }
  if (c.rules !== undefined && !Array.isArray(c.rules)) throw new TypeError("rules must be a list");
  ((c.rules as unknown[]) ?? []).forEach((rule, i) => {
    if (typeof rule !== "object" || rule === null) throw new TypeError(`rules[${i}] must be an object`);
    const r = rule as Record<string, unknown>;
    for (const key of Object.keys(r)) {
      if (![...RATES, "service", "operation", "latencyMs"].includes(key)) throw new TypeError(`rules[${i}].${key} is not a fault setting`);
    }
    for (const key of ["service", "operation"]) {
      if (r[key] !== undefined && typeof r[key] !== "string") throw new TypeError(`rules[${i}].${key} must be a string`);
    }
    for (const key of RATES) {
      const v = r[key];
      if (v !== undefined && (typeof v !== "number" || !(v >= 0 && v <= 1))) {
        throw new TypeError(`rules[${i}].${key} must be a number from 0 to 1`);
      }
    }
    if (r.latencyMs !== undefined && (typeof r.latencyMs !== "number" || !(r.latencyMs >= 0))) {
      throw new TypeError(`rules[${i}].latencyMs must be a non-negative number`);
    }
    // Node's timers hold a signed 32-bit delay: a longer one fires after 1 ms (with a warning), the
    // opposite of what was asked (https://nodejs.org/api/timers.html#settimeoutcallback-delay-args).
    if (typeof r.latencyMs === "number" && r.latencyMs > MAX_LATENCY_MS) {
      throw new TypeError(`rules[${i}].latencyMs must be at most ${MAX_LATENCY_MS} (about 24.8 days), got ${r.latencyMs}`);
    }
  });
  return c as FaultConfig;
}

export class FaultInjector {
  private rules: FaultRule[] = [];
  private random: () => number = mulberry32(DEFAULT_SEED);

  configure(config: FaultConfig): void {
    const checked = checkFaultConfig(config);
    this.rules = (checked.rules ?? []).map((r) => ({ ...r }));
    this.random = mulberry32(checked.seed ?? DEFAULT_SEED);
  }

  /** The first rule that names this service and operation (or leaves them open) decides. */
  decide(service: string, operation: string): FaultDecision {
    const rule = this.rules.find(
      (r) => (r.service === undefined || r.service === service) && (r.operation === undefined || r.operation === operation),
    );
    const latencyMs = rule?.latencyMs ?? 0;
    if (!rule || RATES.every((k) => !rule[k])) return { kind: "none", latencyMs };
    // One draw per request, partitioned by the rates in a fixed order, so the sequence depends on the seed alone.
    const u = this.random();
    let edge = 0;
    for (const key of RATES) {
      edge += rule[key] ?? 0;
      if (u < edge) return { kind: KIND_OF_RATE[key], latencyMs };
    }
    return { kind: "none", latencyMs };
  }
}
