/**
 * The test hooks over HTTP, for an emulator running in another process (the CLI, a CI service
 * container) — the same operations the in-process handle offers.
 */
import type { FaultConfig, RequestRecord } from "./types";

/** A header a browser will not send cross-site without a preflight: hooks that change state require it or a JSON body. */
export const HOOK_HEADER = "x-emulator-hook";

export interface EmulatorControl {
  health(): Promise<{ status: string; region: string; accountId: string; services: string[] }>;
  requests(): Promise<RequestRecord[]>;
  clearRequests(): Promise<void>;
  reset(): Promise<void>;
  setFaults(f: FaultConfig): Promise<void>;
}

export function connectEmulator(url: string): EmulatorControl {
  const call = async (method: string, hook: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${url.replace(/\/+$/, "")}/_emulator/${hook}`, {
      method,
      // Hooks that change state answer only requests a web page could not send unasked (server.ts).
      headers: method === "GET" ? undefined : { "Content-Type": "application/json", [HOOK_HEADER]: "1" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} /_emulator/${hook}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    health: async () => (await call("GET", "health")) as Awaited<ReturnType<EmulatorControl["health"]>>,
    requests: async () => (await call("GET", "requests")) as RequestRecord[],
    clearRequests: async () => void (await call("DELETE", "requests")),
    reset: async () => void (await call("POST", "reset")),
    setFaults: async (f) => void (await call("PUT", "faults", f)),
  };
}
