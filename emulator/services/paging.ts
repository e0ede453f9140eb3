/**
 * Key-ordered paging with opaque tokens. A token names the last key a page returned, so paging
 * stays correct when items are added or removed between calls.
 */

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface PageRequest {
  maxResults?: number;
  nextToken?: string;
  defaultMaxResults: number;
}

export class InvalidPageToken extends Error {
  constructor() {
    super("The nextToken is not valid.");
  }
}

function encodeToken(lastKey: string): string {
  return Buffer.from(JSON.stringify({ after: lastKey }), "utf8").toString("base64url");
}

function decodeToken(token: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { after?: unknown };
    if (typeof parsed.after === "string") return parsed.after;
  } catch {
    // fall through to the error below
  }
  throw new InvalidPageToken();
}

/** `items` need not be sorted; pages follow the order of `keyOf`. */
export function paginate<T>(items: T[], keyOf: (item: T) => string, request: PageRequest): Page<T> {
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const after = request.nextToken !== undefined ? decodeToken(request.nextToken) : undefined;
  const rest = after === undefined ? sorted : sorted.filter((i) => keyOf(i) > after);
  const size = request.maxResults ?? request.defaultMaxResults;
  const page = rest.slice(0, size);
  return {
    items: page,
    nextToken: rest.length > size ? encodeToken(keyOf(page[page.length - 1])) : undefined,
  };
}
