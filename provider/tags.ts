/** The smallest set of tag calls that turns one tag map into another. */
import { own, plainMap } from "../model/dict";

export interface TagChanges {
  /** Keys to add or whose value changes: one TagResource call. */
  set: Record<string, string>;
  /** Keys to remove: one UntagResource call. */
  remove: string[];
}

/**
 * Tag keys are data: `constructor`, `toString` or `__proto__` are keys like any other, so presence
 * is Object.hasOwn, never `in`, and every key of the result its own property (model/dict).
 */
export function diffTags(olds: Record<string, string> | undefined, news: Record<string, string> | undefined): TagChanges {
  const o = olds ?? {};
  const n = news ?? {};
  const set = plainMap(Object.entries(n).filter(([k, v]) => own(o, k) !== v));
  const remove = Object.keys(o)
    .filter((k) => !Object.hasOwn(n, k))
    .sort();
  return { set, remove };
}

export function hasTagChanges(c: TagChanges): boolean {
  return Object.keys(c.set).length > 0 || c.remove.length > 0;
}
