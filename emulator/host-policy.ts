/**
 * Which Host and Origin a request may come with, checked before anything else: a web page can
 * make a browser send requests to the endpoint under the page's own host name (DNS rebinding) or
 * with the page's Origin.
 */
import type * as http from "node:http";
import * as os from "node:os";

const WILDCARDS = new Set(["0.0.0.0", "::", "[::]", ""]);

export function isWildcard(host: string): boolean {
  return WILDCARDS.has(host);
}

/** The addresses a wildcard bind is reachable at, for the banner and the Host check. */
export function interfaceAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a)
    .map((a) => a.address);
}

function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(1, h.indexOf("]") < 0 ? undefined : h.indexOf("]"));
  const colon = h.lastIndexOf(":");
  return colon >= 0 && h.indexOf(":") === colon ? h.slice(0, colon) : h;
}

/**
 * DNS rebinding and cross-site requests: a web page can make the browser send requests to the
 * endpoint, under the page's own host name (rebinding) or with the page's Origin. Only the names
 * this endpoint is reached by locally pass; a browser's Origin must be the endpoint's own.
 */
export class HostPolicy {
  private readonly names: Set<string>;

  constructor(bindHost: string, extra: string[] = []) {
    const names = ["localhost", "127.0.0.1", "::1", ...extra];
    if (isWildcard(bindHost)) names.push(...interfaceAddresses(), os.hostname());
    else names.push(bindHost);
    this.names = new Set(names.map((n) => hostName(n.includes(":") && !n.startsWith("[") ? `[${n}]` : n)));
  }

  /** Why a request is refused, or undefined when it may proceed. */
  refusal(headers: http.IncomingHttpHeaders): string | undefined {
    const host = headers.host;
    if (!host || !this.names.has(hostName(host))) {
      return `Host ${JSON.stringify((host ?? "").slice(0, 100))} is not a name this endpoint is served under (${[...this.names].slice(0, 6).join(", ")}…).`;
    }
    const origin = headers.origin;
    if (origin !== undefined) {
      let originHost: string | undefined;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = undefined;
      }
      if (originHost === undefined || originHost.toLowerCase() !== host.trim().toLowerCase()) {
        return `Cross-origin request from ${JSON.stringify(origin.slice(0, 100))} refused: the endpoint serves local tools, not web pages.`;
      }
    }
    return undefined;
  }
}
