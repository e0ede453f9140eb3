/**
 * The REST-JSON protocol (Customer Profiles, AppFlow): input members come from URI labels, the
 * query string, headers and the JSON body as the operation's input shape binds them; output and
 * errors are written the way the AWS SDKs read them back.
 */
import type { OperationModel, ServiceModel, StructureShape } from "../../model/types";
import { ServiceError } from "../errors";
import type { RouteMatch } from "../routes";
import { fromJson, fromText, toJson } from "./shapes";
import type { WireRequest, WireResponse } from "./wire";

export function parseRestJsonInput(model: ServiceModel, match: RouteMatch, req: WireRequest): Record<string, unknown> {
  const { route, labels } = match;
  const input: Record<string, unknown> = {};
  if (route.body.length > 0 && req.body.length > 0) {
    let doc: unknown;
    try {
      doc = JSON.parse(req.body.toString("utf8"));
    } catch {
      throw new ServiceError("SerializationException", "Unable to parse the request body as JSON.", 400);
    }
    if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
      throw new ServiceError("SerializationException", "The request body must be a JSON object.", 400);
    }
    const body = doc as Record<string, unknown>;
    for (const b of route.body) {
      const v = fromJson(model, b.shape, body[b.member]);
      if (v !== undefined) input[b.member] = v;
    }
  }
  for (const b of route.uri) {
    if (labels[b.wireName] !== undefined) input[b.member] = labels[b.wireName];
  }
  for (const b of route.query) {
    const values = req.query[b.wireName];
    if (values) input[b.member] = fromText(model, b.shape, values);
  }
  for (const b of route.headers) {
    const value = req.headers[b.wireName.toLowerCase()];
    if (value !== undefined) {
      const isList = model.shapes[b.shape].type === "list";
      input[b.member] = fromText(model, b.shape, isList ? value.split(",").map((s) => s.trim()) : [value]);
    }
  }
  return input;
}

export function restJsonOutput(
  model: ServiceModel,
  op: OperationModel,
  output: Record<string, unknown> | undefined,
  requestId: string,
): WireResponse {
  const headers: Record<string, string> = { "Content-Type": "application/json", "x-amzn-RequestId": requestId };
  let status = op.http.responseCode ?? 200;
  const shape = op.output ? (model.shapes[op.output] as StructureShape) : undefined;
  for (const [name, ref] of Object.entries(shape?.members ?? {})) {
    const v = output?.[name];
    if (v === undefined || v === null) continue;
    if (ref.location === "header") headers[ref.locationName ?? name] = String(v);
    else if (ref.location === "statusCode") status = Number(v);
  }
  const body = op.output ? toJson(model, op.output, output ?? {}) : {};
  return { status, headers, body: JSON.stringify(body ?? {}) };
}

/**
 * The status comes from the error shape in the model; the message member is spelled as that shape
 * spells it (`Message` for Customer Profiles, `message` for AppFlow). Errors the front door raises
 * before the service sees the request are not modelled and use AWS's lower-case `message`.
 */
export function restJsonError(model: ServiceModel, err: ServiceError, requestId: string): WireResponse {
  const shape = model.shapes[err.code];
  const errorShape = shape?.type === "structure" && shape.error ? shape : undefined;
  const status = err.status ?? errorShape?.error?.httpStatusCode ?? 400;
  const messageMember = Object.keys(errorShape?.members ?? {}).find((m) => m.toLowerCase() === "message") ?? "message";
  return {
    status,
    headers: {
      "Content-Type": "application/json",
      "x-amzn-RequestId": requestId,
      "x-amzn-ErrorType": err.code,
    },
    body: JSON.stringify({ [messageMember]: err.message }),
  };
}
