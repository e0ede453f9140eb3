/**
 * Conversions between wire values and the values the service state holds, driven by the model's
 * shapes: timestamps become Dates on the way in and epoch seconds on the way out, members the
 * model does not define are dropped (the services ignore them), and only modelled output members
 * are ever written, so nothing stored but unmodelled (a credential, say) can leak into a response.
 */
import type { ServiceModel } from "../../model/types";
import { shapeOf, transform, type Transform } from "../../model/visit";
import { parseTimestamp } from "../../model/timestamp";

/** A wire timestamp: epoch seconds (a number, or digits in a query string or header) or ISO-8601. */
function wireTimestamp(v: unknown): Date | unknown {
  const ms = parseTimestamp(typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v);
  return ms === undefined ? v : new Date(ms);
}

/** JSON → state: the model's members only (the services ignore others); null items of lists and maps stay null. */
const fromJsonTransform: Transform<undefined> = {
  mismatched: "keep",
  nulls: "keep",
  // Keys are user data (a tag may be called __proto__ or toString): no prototype to collide with (model/dict).
  prototypeFreeMaps: true,
  *members(shape, value) {
    for (const [name, ref] of Object.entries(shape.members)) {
      if (value[name] !== undefined && value[name] !== null) yield [name, ref, value[name], undefined];
    }
  },
  leaf: (shape, value) => (shape.type === "timestamp" ? wireTimestamp(value) : value),
};

/** A JSON value as the state model wants it; values of the wrong type pass through for the validator to name. */
export function fromJson(model: ServiceModel, shapeName: string, value: unknown): unknown {
  return transform(model, shapeName, value, fromJsonTransform, undefined);
}

/** A query-string or header value, typed by its shape. Lists arrive as repeated values. */
export function fromText(model: ServiceModel, shapeName: string, values: string[]): unknown {
  const shape = shapeOf(model, shapeName);
  if (shape.type === "list") return values.map((v) => fromText(model, shape.member.shape, [v]));
  const text = values[0];
  switch (shape.type) {
    case "integer":
    case "long":
    case "double":
    case "float": {
      const n = Number(text);
      return text.trim() !== "" && !Number.isNaN(n) ? n : text;
    }
    case "boolean":
      return text === "true" ? true : text === "false" ? false : text;
    case "timestamp":
      return wireTimestamp(text);
    default:
      return text;
  }
}

export type TimestampFormat = "unixTimestamp" | "iso8601";

function formatTimestamp(v: unknown, format: string | undefined): unknown {
  const d = v instanceof Date ? v : new Date(v as string | number);
  if (Number.isNaN(d.getTime())) return undefined;
  return format === "iso8601" ? d.toISOString() : d.getTime() / 1000;
}

/** State → JSON: the model's members only, none bound to the URL or headers; timestamps in their wire format. */
const toJsonTransform: Transform<TimestampFormat> = {
  mismatched: "drop",
  emptyEntries: "omit",
  *members(shape, value, defaultFormat) {
    for (const [name, ref] of Object.entries(shape.members)) {
      if (!ref.location) yield [name, ref, value[name], defaultFormat];
    }
  },
  leaf(shape, value, ref, defaultFormat) {
    if (shape.type === "timestamp") return formatTimestamp(value, ref?.timestampFormat ?? shape.timestampFormat ?? defaultFormat);
    if (shape.type === "blob") return Buffer.isBuffer(value) ? value.toString("base64") : value;
    return value;
  },
};

/** A state value projected onto an output shape, ready for JSON. */
export function toJson(
  model: ServiceModel,
  shapeName: string,
  value: unknown,
  defaultTimestampFormat: TimestampFormat = "unixTimestamp",
  timestampFormat?: string,
): unknown {
  return transform(model, shapeName, value, toJsonTransform, defaultTimestampFormat, { shape: shapeName, timestampFormat });
}
