/**
 * Names are data: a user may call a tag, an object type or a flow `constructor`, `toString` or
 * `__proto__`. A wire map (tags, object-type names, task properties) is held in an object with no
 * prototype, so no name finds an inherited member and `__proto__` is an ordinary own key; lookups
 * use Object.hasOwn, never `in`. Tables the code indexes by name use Map instead.
 */
export type Dict<T> = Record<string, T>;

/** A prototype-free copy of a map's own entries (or of entry pairs). */
export function dict<T>(from?: Record<string, T> | Iterable<readonly [string, T]>): Dict<T> {
  const out = Object.create(null) as Dict<T>;
  if (!from) return out;
  const entries = Symbol.iterator in Object(from) ? (from as Iterable<readonly [string, T]>) : Object.entries(from as Record<string, T>);
  // Plain assignment on a prototype-free object defines `__proto__` as an own key too.
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/**
 * Sets an own data property, `__proto__` included (plain assignment of `__proto__` would set the
 * prototype, or be ignored for a string). For maps handed to code that compares prototypes
 * (assert.deepStrictEqual, the engine), where a prototype-free object would not do.
 */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** An ordinary object of these entries, every key its own property (see setOwn). */
export function plainMap<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of entries) setOwn(out, k, v);
  return out;
}

/** The value a map holds under a key of its own, never an inherited one. */
export function own<T>(obj: Record<string, T> | undefined | null, key: string): T | undefined {
  return obj && Object.hasOwn(obj, key) ? obj[key] : undefined;
}
