/**
 * Conversions between wire values and the values the service state holds, driven by the model's
 * shapes: timestamps become Dates on the way in and epoch seconds on the way out, members the
 * model does not define are dropped (the services ignore them), and only modelled output members
 * are ever written, so nothing stored but unmodelled (a credential, say) can leak into a response.
 */
import type { ServiceModel } from "../../model/types";

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date) && !Buffer.isBuffer(v);
}

function parseTimestamp(v: unknown): Date | unknown {
  if (typeof v === "number" && Number.isFinite(v)) return new Date(v * 1000);
  if (typeof v === "string") {
    if (/^-?\d+(\.\d+)?$/.test(v.trim())) return new Date(Number(v) * 1000);
    const ms = Date.parse(v);
    if (!Number.isNaN(ms)) return new Date(ms);
  }
  return v;
}

/** A JSON value as the state model wants it; values of the wrong type pass through for the validator to name. */
export function fromJson(model: ServiceModel, shapeName: string, value: unknown): unknown {
  const shape = model.shapes[shapeName];
  if (value === null || value === undefined) return undefined;
  switch (shape.type) {
    case "structure": {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members)) {
        if (value[name] === undefined || value[name] === null) continue;
        out[name] = fromJson(model, ref.shape, value[name]);
      }
      return out;
    }
    case "list":
      return Array.isArray(value) ? value.map((v) => (v === null ? v : fromJson(model, shape.member.shape, v))) : value;
    case "map": {
      if (!isPlainObject(value)) return value;
      // Keys are user data (a tag may be called __proto__): no prototype to collide with (model/dict).
      const out: Record<string, unknown> = Object.create(null);
      for (const [k, v] of Object.entries(value)) out[k] = v === null ? v : fromJson(model, shape.value.shape, v);
      return out;
    }
    case "timestamp":
      return parseTimestamp(value);
    default:
      return value;
  }
}

/** A query-string or header value, typed by its shape. Lists arrive as repeated values. */
export function fromText(model: ServiceModel, shapeName: string, values: string[]): unknown {
  const shape = model.shapes[shapeName];
  switch (shape.type) {
    case "list":
      return values.map((v) => fromText(model, shape.member.shape, [v]));
    case "integer":
    case "long":
    case "double":
    case "float": {
      const n = Number(values[0]);
      return values[0].trim() !== "" && !Number.isNaN(n) ? n : values[0];
    }
    case "boolean":
      return values[0] === "true" ? true : values[0] === "false" ? false : values[0];
    case "timestamp":
      return parseTimestamp(values[0]);
    default:
      return values[0];
  }
}

export type TimestampFormat = "unixTimestamp" | "iso8601";

function formatTimestamp(v: unknown, format: string | undefined): unknown {
  const d = v instanceof Date ? v : new Date(v as string | number);
  if (Number.isNaN(d.getTime())) return undefined;
  return format === "iso8601" ? d.toISOString() : d.getTime() / 1000;
}

/** A state value projected onto an output shape, ready for JSON. */
export function toJson(
  model: ServiceModel,
  shapeName: string,
  value: unknown,
  defaultTimestampFormat: TimestampFormat = "unixTimestamp",
  timestampFormat?: string,
): unknown {
  if (value === undefined || value === null) return undefined;
  const shape = model.shapes[shapeName];
  switch (shape.type) {
    case "structure": {
      if (!isPlainObject(value)) return undefined;
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members)) {
        if (ref.location) continue;
        const v = toJson(model, ref.shape, value[name], defaultTimestampFormat, ref.timestampFormat);
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
    case "list":
      return Array.isArray(value)
        ? value.map((v) => toJson(model, shape.member.shape, v, defaultTimestampFormat, shape.member.timestampFormat))
        : undefined;
    case "map": {
      if (!isPlainObject(value)) return undefined;
      const out: Record<string, unknown> = Object.create(null);
      for (const [k, v] of Object.entries(value)) {
        const w = toJson(model, shape.value.shape, v, defaultTimestampFormat, shape.value.timestampFormat);
        if (w !== undefined) out[k] = w;
      }
      return out;
    }
    case "timestamp":
      return formatTimestamp(value, timestampFormat ?? shape.timestampFormat ?? defaultTimestampFormat);
    case "blob":
      return Buffer.isBuffer(value) ? value.toString("base64") : value;
    default:
      return value;
  }
}
