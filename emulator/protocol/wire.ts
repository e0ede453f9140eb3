/** A request as it came off the socket, and a response as it will go back. */

export interface WireRequest {
  method: string;
  /** Still percent-encoded: labels may carry an encoded `/`, and SigV4 signs the path as sent. */
  rawPath: string;
  /** Decoded; a key sent more than once keeps every value in order. */
  query: Record<string, string[]>;
  /** Lower-case names; repeated headers joined with ", " as Node does. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Plain RFC 3986 decoding: the AWS clients send a space as %20 and a plus as %2B, never `+` for space. */
export function parseQueryString(raw: string): Record<string, string[]> {
  // A query key is the caller's to choose (`__proto__`, `constructor`): no prototype to find.
  const out: Record<string, string[]> = Object.create(null);
  for (const pair of raw.split("&")) {
    if (!pair) continue;
    const i = pair.indexOf("=");
    const key = decode(i < 0 ? pair : pair.slice(0, i));
    const value = i < 0 ? "" : decode(pair.slice(i + 1));
    (out[key] ??= []).push(value);
  }
  return out;
}

/** Form bodies (the query protocol) encode a space as `+`. */
export function parseFormBody(body: Buffer): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of new URLSearchParams(body.toString("utf8"))) out[k] = v;
  return out;
}
