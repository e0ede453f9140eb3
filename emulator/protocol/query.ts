/**
 * The AWS query protocol (STS): a form-encoded `Action=...&Version=...` body answered in XML,
 * `<OpResponse><OpResult>...</OpResult><ResponseMetadata>...` on success and `<ErrorResponse>`
 * on failure.
 */
import type { ServiceModel, StructureShape } from "../../model/types";
import { visitShape } from "../../model/visit";
import { ServiceError } from "../errors";
import { fromText } from "./shapes";
import { parseFormBody, type WireRequest, type WireResponse } from "./wire";

export interface QueryCall {
  action: string | undefined;
  version: string | undefined;
  params: Record<string, string>;
}

export function parseQueryCall(req: WireRequest): QueryCall {
  const params = req.method === "POST" ? parseFormBody(req.body) : {};
  // GET with the call in the URL is also legal in the query protocol.
  for (const [k, v] of Object.entries(req.query)) params[k] ??= v[0];
  const { Action: action, Version: version, ...rest } = params;
  return { action, version, params: rest };
}

/** Top-level scalars and `Name.member.N` lists, which is all the STS operations here take. */
export function parseQueryInput(
  model: ServiceModel,
  inputShape: string | undefined,
  params: Record<string, string>,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const shape = inputShape ? (model.shapes[inputShape] as StructureShape) : undefined;
  for (const [name, ref] of Object.entries(shape?.members ?? {})) {
    const key = ref.locationName ?? name;
    if (params[key] !== undefined) {
      input[name] = fromText(model, ref.shape, [params[key]]);
      continue;
    }
    const items = Object.keys(params)
      .map((k) => new RegExp(`^${key}\\.member\\.(\\d+)$`).exec(k))
      .filter((m): m is RegExpExecArray => !!m)
      .sort((a, b) => Number(a[1]) - Number(b[1]))
      .map((m) => params[m[0]]);
    if (items.length > 0) input[name] = fromText(model, ref.shape, items);
  }
  return input;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);
}

function xmlValue(model: ServiceModel, shapeName: string, value: unknown): string {
  return visitShape(model, shapeName, value, {
    structure: (shape, obj) =>
      Object.entries(shape.members)
        .filter(([name]) => obj[name] !== undefined)
        .map(([name, ref]) => xmlElement(ref.locationName ?? name, model, ref.shape, obj[name]))
        .join(""),
    list: (shape, items) => items.map((v) => xmlElement("member", model, shape.member.shape, v)).join(""),
    map: (shape, obj) =>
      Object.entries(obj)
        .map(([k, v]) => `<entry><key>${escapeXml(k)}</key>${xmlElement("value", model, shape.value.shape, v)}</entry>`)
        .join(""),
    other: (shape, v) =>
      shape.type === "timestamp" ? (v instanceof Date ? v : new Date(v as string)).toISOString() : escapeXml(String(v)),
  });
}

function xmlElement(tag: string, model: ServiceModel, shapeName: string, value: unknown): string {
  return `<${tag}>${xmlValue(model, shapeName, value)}</${tag}>`;
}

export function queryOutput(
  model: ServiceModel,
  operation: string,
  outputShape: string | undefined,
  output: Record<string, unknown> | undefined,
  requestId: string,
): WireResponse {
  const ns = model.metadata.xmlNamespace ? ` xmlns="${model.metadata.xmlNamespace}"` : "";
  const result = outputShape ? xmlElement(`${operation}Result`, model, outputShape, output ?? {}) : "";
  return {
    status: 200,
    headers: { "Content-Type": "text/xml", "x-amzn-RequestId": requestId },
    body:
      `<${operation}Response${ns}>${result}` +
      `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>\n`,
  };
}

export function queryError(model: ServiceModel, err: ServiceError, requestId: string): WireResponse {
  const shape = model.shapes[err.code];
  const status = err.status ?? (shape?.type === "structure" ? shape.error?.httpStatusCode : undefined) ?? 400;
  const ns = model.metadata.xmlNamespace ? ` xmlns="${model.metadata.xmlNamespace}"` : "";
  return {
    status,
    headers: { "Content-Type": "text/xml", "x-amzn-RequestId": requestId },
    body:
      `<ErrorResponse${ns}><Error><Type>${status >= 500 ? "Receiver" : "Sender"}</Type>` +
      `<Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message></Error>` +
      `<RequestId>${requestId}</RequestId></ErrorResponse>\n`,
  };
}
