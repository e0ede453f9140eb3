/**
 * During `pulumi preview` an input computed from a resource not yet created arrives as this
 * sentinel (the engine's rpc.unknownValue). Checks skip such values: they are not known to be wrong.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(v: unknown): boolean {
  return v === UNKNOWN;
}

/** The value if it is a known string: not another type, and not still unknown at preview. */
export function str(v: unknown): string | undefined {
  return typeof v === "string" && !isUnknown(v) ? v : undefined;
}

/** True if the value, or anything inside it, is still unknown. */
export function containsUnknown(v: unknown): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v && typeof v === "object") return Object.values(v).some(containsUnknown);
  return false;
}
