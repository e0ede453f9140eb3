/**
 * The one walker over the model's shapes. Every piece of code that follows a value down a shape —
 * validation, the SDK ↔ API mapping, the sensitive-value scan, the preview's constraint check, the
 * endpoint's JSON, text and XML codecs, the FlowDefinition → AppFlow translation and the generator —
 * goes through `visitShape` (one case per kind of shape) or `transform` (a value rebuilt shape by
 * shape), instead of repeating the structure/list/map switch.
 */
import { setOwn } from "./dict";
import type { MemberRef, ServiceModel, Shape, StructureShape } from "./types";

export type ListShape = Extract<Shape, { type: "list" }>;
export type MapShape = Extract<Shape, { type: "map" }>;
export type Obj = Record<string, unknown>;

/** A JSON-like object: not null, an array, a Date or binary data (a Buffer or other typed array). */
export function isPlainObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date) && !ArrayBuffer.isView(v);
}

/** `FlowName` → `flowName`: the API's member names as a program spells them. */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** `flowName` → `FlowName`. */
export function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// A user-chosen key (a tag called __proto__) must land as an entry, never as the prototype: model/dict.
export { setOwn } from "./dict";

export function shapeOf(model: ServiceModel, name: string): Shape {
  if (!Object.hasOwn(model.shapes, name)) throw new Error(`model has no shape ${name}`);
  return model.shapes[name];
}

/** The member of a structure by its model name, for a name that may come from user data. */
export function memberOf(shape: StructureShape, name: string): MemberRef | undefined {
  return Object.hasOwn(shape.members, name) ? shape.members[name] : undefined;
}

/** One case per kind of shape. `other` gets scalars, and values that do not fit their structure, list or map. */
export interface ShapeVisitor<R> {
  structure(shape: StructureShape, value: Obj): R;
  list(shape: ListShape, value: unknown[]): R;
  map(shape: MapShape, value: Obj): R;
  other(shape: Shape, value: unknown): R;
}

export function visitShape<R>(model: ServiceModel, shapeName: string, value: unknown, visitor: ShapeVisitor<R>): R {
  const shape = shapeOf(model, shapeName);
  switch (shape.type) {
    case "structure":
      return isPlainObject(value) ? visitor.structure(shape, value) : visitor.other(shape, value);
    case "list":
      return Array.isArray(value) ? visitor.list(shape, value) : visitor.other(shape, value);
    case "map":
      return isPlainObject(value) ? visitor.map(shape, value) : visitor.other(shape, value);
    default:
      return visitor.other(shape, value);
  }
}

/** Whether a shape nests other shapes (and `other` was handed a value of the wrong kind for it). */
function isAggregate(shape: Shape): shape is StructureShape | ListShape | MapShape {
  return shape.type === "structure" || shape.type === "list" || shape.type === "map";
}

/** A structure member to carry over: its key in the result, its member (none: kept as written), its value, its context. */
export type MemberEntry<C> = [key: string, ref: MemberRef | undefined, value: unknown, ctx: C];

/** How `transform` rebuilds a value: which members to keep and how, and what scalars become. */
export interface Transform<C> {
  members(shape: StructureShape, value: Obj, ctx: C): Iterable<MemberEntry<C>>;
  /** A scalar; `ref` is the member it was reached through (its timestampFormat, say), if any. */
  leaf(shape: Shape, value: unknown, ref: MemberRef | undefined, ctx: C): unknown;
  /** The context of a list's items or a map's values; the parent's when not given. */
  below?(shape: ListShape | MapShape, ctx: C): C;
  /** A value of the wrong kind for its structure, list or map: kept as written (for a validator to name) or dropped. */
  mismatched: "keep" | "drop";
  /** A null list item or map value: kept as null, or dropped to undefined (the default). */
  nulls?: "keep" | "drop";
  /** A map entry whose value comes out undefined: kept as an entry (the default) or left out. */
  emptyEntries?: "keep" | "omit";
  /** Maps come out prototype-free (model/dict), for code that looks keys up by user-chosen names. */
  prototypeFreeMaps?: boolean;
}

/**
 * A value rebuilt shape by shape. Undefined and null become undefined; a structure keeps the
 * entries `members` yields whose value is not undefined; lists and maps keep their items and keys.
 */
export function transform<C>(model: ServiceModel, shapeName: string, value: unknown, t: Transform<C>, ctx: C, ref?: MemberRef): unknown {
  if (value === undefined || value === null) return undefined;
  const item = (r: MemberRef, v: unknown, c: C): unknown =>
    v === null && t.nulls === "keep" ? null : transform(model, r.shape, v, t, c, r);
  return visitShape(model, shapeName, value, {
    structure(shape, obj) {
      const out: Obj = {};
      for (const [key, r, v, c] of t.members(shape, obj, ctx)) {
        const w = r ? transform(model, r.shape, v, t, c, r) : v;
        if (w !== undefined) setOwn<unknown>(out, key, w);
      }
      return out;
    },
    list(shape, items) {
      const c = t.below ? t.below(shape, ctx) : ctx;
      return items.map((v) => item(shape.member, v, c));
    },
    map(shape, obj) {
      const c = t.below ? t.below(shape, ctx) : ctx;
      const out: Obj = t.prototypeFreeMaps ? Object.create(null) : {};
      for (const [k, v] of Object.entries(obj)) {
        const w = item(shape.value, v, c);
        if (w !== undefined || t.emptyEntries !== "omit") setOwn<unknown>(out, k, w);
      }
      return out;
    },
    other(shape, v) {
      if (isAggregate(shape)) return t.mismatched === "keep" ? v : undefined;
      return t.leaf(shape, v, ref, ctx);
    },
  });
}

/** A step down a shape, as validation paths name them; a map's key itself (`mapKey`) has no shape below it. */
export type Step = { member: string } | { index: number } | { key: string } | { mapKey: string };

/** The shape a path of members, list indexes and map values leads to; undefined where the path leaves the model. */
export function shapeAt(model: ServiceModel, shapeName: string, path: readonly Step[]): string | undefined {
  let name = shapeName;
  for (const step of path) {
    const shape = shapeOf(model, name);
    if ("member" in step && shape.type === "structure" && memberOf(shape, step.member)) name = shape.members[step.member].shape;
    else if ("index" in step && shape.type === "list") name = shape.member.shape;
    else if ("key" in step && shape.type === "map") name = shape.value.shape;
    else return undefined;
  }
  return name;
}

/** Every shape reachable from `root` (itself included), each once, depth first in member order. */
export function reachableShapes(model: ServiceModel, root: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const ref of memberRefs(shapeOf(model, name))) visit(ref.shape);
  };
  visit(root);
  return [...seen];
}

/** The member references of a shape: a structure's members, a list's member, a map's key and value. */
export function memberRefs(shape: Shape): MemberRef[] {
  switch (shape.type) {
    case "structure":
      return Object.values(shape.members);
    case "list":
      return [shape.member];
    case "map":
      return [shape.key, shape.value];
    default:
      return [];
  }
}
