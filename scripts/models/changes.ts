/**
 * What a newer botocore model adds, removes or changes in the shapes that the operations we use
 * reach: the review list for `npm run models:update`. Documentation-only edits are not changes.
 */
import type { RawModel } from "../generate-model";

export interface ModelChange {
  /** `Shape.Member` for a member, `Shape` for a shape's own constraints, the name for an operation. */
  path: string;
  kind: "added" | "removed" | "changed";
  /** What changed, e.g. `optional, shape Scope` or `max 255 -> 512`. */
  detail: string;
  /** Which of our operations reach it in the newer model. */
  operations: string[];
}

/** The constraints a shape carries that decide what a request may hold. */
const CONSTRAINT_KEYS = ["type", "min", "max", "pattern", "sensitive", "timestampFormat"] as const;
/** The member-level keys that decide how a member is sent. */
const MEMBER_KEYS = ["shape", "location", "locationName", "timestampFormat", "idempotencyToken"] as const;

type RawShape = Record<string, any>;

function refsOf(shape: RawShape | undefined): string[] {
  if (!shape) return [];
  if (shape.type === "structure") return Object.values<{ shape: string }>(shape.members ?? {}).map((m) => m.shape);
  if (shape.type === "list") return [shape.member.shape];
  if (shape.type === "map") return [shape.key.shape, shape.value.shape];
  return [];
}

/** Every shape an operation reaches (input, output, errors), mapped to the operations reaching it. */
function reach(model: RawModel, operations: string[]): Map<string, string[]> {
  const byShape = new Map<string, string[]>();
  for (const op of operations) {
    const o = model.operations[op];
    if (!o) continue;
    const stack: string[] = [o.input?.shape, o.output?.shape, ...(o.errors ?? []).map((e: { shape: string }) => e.shape)].filter(
      (s): s is string => typeof s === "string",
    );
    const seen = new Set<string>();
    while (stack.length) {
      const name = stack.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const ops = byShape.get(name) ?? [];
      if (!ops.includes(op)) ops.push(op);
      byShape.set(name, ops);
      stack.push(...refsOf(model.shapes[name]));
    }
  }
  return byShape;
}

const show = (v: unknown): string => (v === undefined ? "none" : JSON.stringify(v));

function constraintChanges(older: RawShape, newer: RawShape): string[] {
  const out: string[] = [];
  for (const k of CONSTRAINT_KEYS) if (show(older[k]) !== show(newer[k])) out.push(`${k} ${show(older[k])} -> ${show(newer[k])}`);
  const before: string[] = older.enum ?? [];
  const after: string[] = newer.enum ?? [];
  const added = after.filter((v) => !before.includes(v));
  const removed = before.filter((v) => !after.includes(v));
  if (added.length) out.push(`enum adds ${added.map(show).join(", ")}`);
  if (removed.length) out.push(`enum drops ${removed.map(show).join(", ")}`);
  return out;
}

function memberDetail(shape: RawShape, member: string): string {
  const required: string[] = shape.required ?? [];
  return `${required.includes(member) ? "required" : "optional"}, shape ${shape.members[member].shape}`;
}

/**
 * The changes from `older` to `newer` in what `operations` reach: operations appearing or going,
 * members added, removed or re-bound, required-ness, and each reached shape's constraints and enum
 * values. Sorted by path so that two runs over the same models print the same report.
 */
export function modelChanges(older: RawModel, newer: RawModel, operations: string[]): ModelChange[] {
  const changes: ModelChange[] = [];
  for (const op of operations) {
    const a = older.operations[op];
    const b = newer.operations[op];
    if (!a && b) changes.push({ path: op, kind: "added", detail: "operation", operations: [op] });
    else if (a && !b) changes.push({ path: op, kind: "removed", detail: "operation", operations: [op] });
    else if (a && b) {
      for (const k of ["input", "output"] as const) {
        if (a[k]?.shape !== b[k]?.shape) {
          changes.push({ path: op, kind: "changed", detail: `${k} ${show(a[k]?.shape)} -> ${show(b[k]?.shape)}`, operations: [op] });
        }
      }
      if (show(a.http) !== show(b.http))
        changes.push({ path: op, kind: "changed", detail: `http ${show(a.http)} -> ${show(b.http)}`, operations: [op] });
    }
  }
  const reachedAfter = reach(newer, operations);
  for (const [name, ops] of reachedAfter) {
    const b: RawShape = newer.shapes[name];
    const a: RawShape | undefined = older.shapes[name];
    if (!b) continue;
    if (!a) continue; // a new shape shows up as the member that refers to it
    const constraints = constraintChanges(a, b);
    if (constraints.length) changes.push({ path: name, kind: "changed", detail: constraints.join("; "), operations: ops });
    if (b.type !== "structure" || a.type !== "structure") continue;
    for (const member of Object.keys(b.members ?? {})) {
      if (!Object.hasOwn(a.members ?? {}, member)) {
        changes.push({ path: `${name}.${member}`, kind: "added", detail: memberDetail(b, member), operations: ops });
        continue;
      }
      const diffs: string[] = [];
      for (const k of MEMBER_KEYS) {
        const was = a.members[member][k];
        const is = b.members[member][k];
        if (show(was) !== show(is)) diffs.push(`${k} ${show(was)} -> ${show(is)}`);
      }
      const wasRequired = (a.required ?? []).includes(member);
      const isRequired = (b.required ?? []).includes(member);
      if (wasRequired !== isRequired) diffs.push(isRequired ? "now required" : "no longer required");
      if (diffs.length) changes.push({ path: `${name}.${member}`, kind: "changed", detail: diffs.join("; "), operations: ops });
    }
    for (const member of Object.keys(a.members ?? {})) {
      if (!Object.hasOwn(b.members ?? {}, member)) {
        changes.push({ path: `${name}.${member}`, kind: "removed", detail: memberDetail(a, member), operations: ops });
      }
    }
  }
  return changes.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

/** The report as lines, one change a line, under a heading per service. */
export function renderChanges(service: string, changes: ModelChange[]): string[] {
  if (changes.length === 0) return [`${service}: no changes in what our operations reach`];
  return [
    `${service}: ${changes.length} change${changes.length === 1 ? "" : "s"} in what our operations reach`,
    ...changes.map((c) => `  ${c.kind.padEnd(7)} ${c.path}: ${c.detail}  (${c.operations.join(", ")})`),
  ];
}
