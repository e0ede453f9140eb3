/**
 * Request routing compiled once from the official models: each operation's method and
 * requestUri template become a matcher, and each input member's wire location becomes a binding,
 * so no request re-reads the model to find out where its members live.
 */
import type { OperationModel, ServiceModel, StructureShape } from "../model/types";

type Segment = { literal: string } | { label: string; greedy: boolean };

export interface MemberBinding {
  member: string;
  shape: string;
  /** Name on the wire: the URI label, query key or header name. */
  wireName: string;
}

export interface Route {
  operation: string;
  model: OperationModel;
  method: string;
  segments: Segment[];
  /** Query keys that the requestUri template fixes (`/x?list-type=2`). */
  fixedQuery: Record<string, string>;
  uri: MemberBinding[];
  query: MemberBinding[];
  headers: MemberBinding[];
  /** Members carried in the JSON body. */
  body: MemberBinding[];
  /** Literal segments first: `/a/b` must win over `/a/{x}`. */
  specificity: number;
}

export interface RouteMatch {
  route: Route;
  /** Label values, percent-decoded. */
  labels: Record<string, string>;
}

function compileTemplate(requestUri: string): { segments: Segment[]; fixedQuery: Record<string, string> } {
  const [path, qs] = requestUri.split("?", 2);
  const segments: Segment[] = path
    .split("/")
    .filter((s) => s !== "")
    .map((s) => {
      const m = /^\{([^}]+?)(\+)?\}$/.exec(s);
      return m ? { label: m[1], greedy: !!m[2] } : { literal: s };
    });
  const fixedQuery: Record<string, string> = {};
  for (const pair of (qs ?? "").split("&").filter(Boolean)) {
    const [k, v = ""] = pair.split("=", 2);
    fixedQuery[k] = v;
  }
  return { segments, fixedQuery };
}

function compileRoute(model: ServiceModel, operation: string, op: OperationModel): Route {
  const { segments, fixedQuery } = compileTemplate(op.http.requestUri);
  const route: Route = {
    operation,
    model: op,
    method: op.http.method.toUpperCase(),
    segments,
    fixedQuery,
    uri: [],
    query: [],
    headers: [],
    body: [],
    specificity: segments.filter((s) => "literal" in s).length * 1000 + segments.length,
  };
  const input = op.input ? (model.shapes[op.input] as StructureShape) : undefined;
  for (const [member, ref] of Object.entries(input?.members ?? {})) {
    const binding = { member, shape: ref.shape, wireName: ref.locationName ?? member };
    if (ref.location === "uri") route.uri.push(binding);
    else if (ref.location === "querystring") route.query.push(binding);
    else if (ref.location === "header") route.headers.push(binding);
    else if (!ref.location) route.body.push(binding);
  }
  return route;
}

function decodeSegment(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

export class RouteTable {
  private readonly routes: Route[];

  constructor(readonly model: ServiceModel) {
    this.routes = Object.entries(model.operations)
      .map(([name, op]) => compileRoute(model, name, op))
      .sort((a, b) => b.specificity - a.specificity);
  }

  byOperation(operation: string): Route | undefined {
    return this.routes.find((r) => r.operation === operation);
  }

  /** `rawPath` as it arrived, still percent-encoded, so an encoded `/` inside a label stays in the label. */
  match(method: string, rawPath: string, query: Record<string, string[]>): RouteMatch | undefined {
    const parts = rawPath.split("/").filter((s) => s !== "");
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const labels = matchSegments(route.segments, parts);
      if (!labels) continue;
      if (Object.entries(route.fixedQuery).some(([k, v]) => !query[k] || (v !== "" && !query[k].includes(v)))) {
        continue;
      }
      return { route, labels };
    }
    return undefined;
  }
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if ("literal" in seg) {
      if (parts[i] !== seg.literal) return undefined;
      continue;
    }
    if (seg.greedy) {
      const rest = parts.slice(i);
      if (rest.length === 0) return undefined;
      const decoded = rest.map(decodeSegment);
      if (decoded.some((d) => d === undefined)) return undefined;
      labels[seg.label] = decoded.join("/");
      return labels;
    }
    if (parts[i] === undefined) return undefined;
    const value = decodeSegment(parts[i]);
    if (value === undefined || value === "") return undefined;
    labels[seg.label] = value;
  }
  return parts.length === segments.length ? labels : undefined;
}
