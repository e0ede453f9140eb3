/** The smallest set of tag calls that turns one tag map into another. */
export interface TagChanges {
  /** Keys to add or whose value changes: one TagResource call. */
  set: Record<string, string>;
  /** Keys to remove: one UntagResource call. */
  remove: string[];
}

export function diffTags(olds: Record<string, string> | undefined, news: Record<string, string> | undefined): TagChanges {
  const o = olds ?? {};
  const n = news ?? {};
  const set: Record<string, string> = {};
  for (const [k, v] of Object.entries(n)) if (o[k] !== v) set[k] = v;
  const remove = Object.keys(o).filter((k) => !(k in n)).sort();
  return { set, remove };
}

export function hasTagChanges(c: TagChanges): boolean {
  return Object.keys(c.set).length > 0 || c.remove.length > 0;
}
