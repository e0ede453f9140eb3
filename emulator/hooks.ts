/**
 * The test hooks under /_emulator/: health, the request log, reset and fault injection. They skip
 * the AWS pipeline (no signature), so none that changes anything runs for a request a web page
 * could have sent on its own.
 */
import type * as http from "node:http";
import { bound } from "../model/bounded";
import { redactSensitive } from "../model/redact";
import { HOOK_HEADER } from "./control-client";
import { checkFaultConfig } from "./faults";
import type { WireRequest } from "./protocol/wire";
import type { RequestLog } from "./request-log";
import { SERVICES } from "./services";
import type { FaultConfig, RequestRecord } from "./types";

const CONTROL_PREFIX = "/_emulator/";

/** What the hooks read and change. */
export interface HookTarget {
  readonly region: string;
  readonly accountId: string;
  readonly log: RequestLog;
  /** Throws, with the state unchanged, when the emptied state cannot be saved. */
  reset(): void;
  setFaults(config: FaultConfig): void;
}

export function isHookPath(rawPath: string): boolean {
  return rawPath.startsWith(CONTROL_PREFIX);
}

function isNonSimple(headers: Record<string, string>): boolean {
  const type = (headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  return type === "application/json" || Object.hasOwn(headers, HOOK_HEADER);
}

function redactRecord(r: RequestRecord): RequestRecord {
  const service = SERVICES.find((s) => s.name === r.service);
  const shape = service && Object.hasOwn(service.model.operations, r.operation) ? service.model.operations[r.operation].input : undefined;
  return r.input && service && shape ? { ...r, input: redactSensitive(service.model, shape, r.input) as Record<string, unknown> } : r;
}

export function answerHook(wire: WireRequest, res: http.ServerResponse, target: HookTarget): void {
  const send = (status: number, body?: unknown) => {
    const text = body === undefined ? "" : JSON.stringify(body);
    res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
    res.end(text);
  };
  const endpoint = `${wire.method} ${wire.rawPath.replace(/\/+$/, "")}`;
  // A JSON content type or a custom header makes a browser ask first (a CORS preflight), which the
  // endpoint never grants: https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS#simple_requests
  if (wire.method !== "GET" && wire.method !== "HEAD" && !isNonSimple(wire.headers)) {
    return send(415, {
      message: `${endpoint} changes the endpoint's state, so it needs a JSON body (Content-Type: application/json) or the ${HOOK_HEADER} header.`,
    });
  }
  switch (endpoint) {
    case "GET /_emulator/health":
      return send(200, { status: "ok", region: target.region, accountId: target.accountId, services: SERVICES.map((s) => s.name) });
    case "GET /_emulator/requests":
      // Served over HTTP, every member the model marks sensitive is hidden (a FlowDefinition too).
      return send(200, target.log.list().map(redactRecord));
    case "DELETE /_emulator/requests":
      target.log.clear();
      return send(204);
    case "POST /_emulator/reset":
      try {
        target.reset();
      } catch (e) {
        return send(500, { message: bound((e as Error).message) });
      }
      return send(204);
    case "PUT /_emulator/faults": {
      let config: FaultConfig;
      try {
        config = checkFaultConfig(JSON.parse(wire.body.toString("utf8") || "{}"));
      } catch (e) {
        return send(400, { message: (e as Error).message });
      }
      target.setFaults(config);
      return send(204);
    }
    default:
      return send(404, { message: `${endpoint} is not an emulator hook. Hooks: GET health, GET|DELETE requests, POST reset, PUT faults.` });
  }
}
