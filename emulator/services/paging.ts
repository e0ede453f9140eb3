/**
 * Key-ordered paging with opaque tokens. A token names the last key a page returned, so paging
 * stays correct when items are added or removed between calls.
 */

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface Pager {
  defaultMaxResults: number;
  /** The service's own error for a token it did not issue. */
  invalidToken: () => Error;
}

function encodeToken(lastKey: string): string {
  return Buffer.from(JSON.stringify({ after: lastKey }), "utf8").toString("base64url");
}

function decodeToken(token: string): string | undefined {
  try {
    // The token is the caller's to forge: only an object's own `after` string counts.
    const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (typeof parsed !== "object" || parsed === null || !Object.hasOwn(parsed, "after")) return undefined;
    const after = (parsed as { after: unknown }).after;
    return typeof after === "string" ? after : undefined;
  } catch {
    return undefined;
  }
}

/** `items` need not be sorted; pages follow the order of `keyOf`. */
export function paginate<T>(
  pager: Pager,
  items: T[],
  keyOf: (item: T) => string,
  maxResults: number | undefined,
  nextToken: string | undefined,
): Page<T> {
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  let rest = sorted;
  if (nextToken !== undefined) {
    const after = decodeToken(nextToken);
    if (after === undefined) throw pager.invalidToken();
    rest = sorted.filter((i) => keyOf(i) > after);
  }
  const size = maxResults ?? pager.defaultMaxResults;
  const page = rest.slice(0, size);
  return {
    items: page,
    nextToken: rest.length > size ? encodeToken(keyOf(page[page.length - 1])) : undefined,
  };
}
