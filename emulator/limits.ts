/**
 * The endpoint's front-door bounds: how much a request may send, how long it may take to send it,
 * how many connections may be open, how deep its JSON may nest. All are applied before
 * authentication, so an unsigned request costs no more than a signed one.
 */
import type * as http from "node:http";

export interface Limits {
  /**
   * Bodies above this are refused with 413 while read. No payload quota is published for these
   * services; their largest model member is a few hundred KB, so 1 MiB fits every valid request.
   */
  maxBodyBytes: number;
  /** Deeper JSON is a 400 SerializationException; the models nest members about a dozen deep. */
  maxJsonDepth: number;
  /** Time to receive the request headers (slow-loris connections are closed after it). */
  headersTimeoutMs: number;
  /** Time to receive a whole request. */
  requestTimeoutMs: number;
  /** Connections beyond this are closed as they are accepted. */
  maxConnections: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 1024 * 1024,
  maxJsonDepth: 64,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  maxConnections: 256,
};

export type BodyResult =
  { kind: "ok"; body: Buffer } | { kind: "too-large"; received: number; declared?: number } | { kind: "aborted"; received: number };

/** Reads a body up to `max` bytes; stops reading as soon as it is known to be too large. */
export function readBodyLimited(req: http.IncomingMessage, max: number): Promise<BodyResult> {
  const declared = req.headers["content-length"] === undefined ? undefined : Number(req.headers["content-length"]);
  if (declared !== undefined && Number.isFinite(declared) && declared > max) {
    return Promise.resolve({ kind: "too-large", received: 0, declared });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const settle = (r: BodyResult) => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      resolve(r);
    };
    const onData = (c: Buffer) => {
      received += c.length;
      if (received > max) {
        req.pause();
        settle({ kind: "too-large", received });
        return;
      }
      chunks.push(c);
    };
    req.on("data", onData);
    req.on("end", () => settle({ kind: "ok", body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) }));
    req.on("aborted", () => settle({ kind: "aborted", received }));
    req.on("error", () => settle({ kind: "aborted", received }));
    req.on("close", () => settle({ kind: "aborted", received }));
  });
}

/** Whether JSON text nests deeper than `max` (strings skipped), found in one pass without parsing. */
export function jsonDepthExceeds(body: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
