/**
 * Messages have a length bound: a value a user or a client chose (a 10 KB uri, a 50 MB body) is
 * echoed at most this far, with the count of what was left out, so a message stays readable and
 * a log line stays small. Shared by the provider's messages and the local endpoint's answers.
 */
export const MESSAGE_LIMIT = 1024;

export function bound(text: string, limit: number = MESSAGE_LIMIT): string {
  // Characters are code points: a cut never splits a surrogate pair, and the count is what a reader sees.
  if (text.length <= limit) return text;
  const step = (i: number) => (text.codePointAt(i)! > 0xffff ? 2 : 1);
  let end = 0;
  for (let n = 0; end < text.length && n < limit; n++) end += step(end);
  if (end >= text.length) return text;
  let rest = 0;
  for (let i = end; i < text.length; i += step(i)) rest++;
  return `${text.slice(0, end)}… (${rest} more characters)`;
}

/** The longest quoted value a one-line message shows, in UTF-16 units of its JSON form. */
export const QUOTE_LIMIT = 64;

/**
 * A value quoted for a one-line message: its JSON form, cut after QUOTE_LIMIT units with an
 * ellipsis before the closing quote. The cut steps back rather than split a surrogate pair.
 */
export function quoteBounded(value: string): string {
  const s = JSON.stringify(value);
  if (s.length <= QUOTE_LIMIT + 2) return s;
  const code = s.charCodeAt(QUOTE_LIMIT - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? QUOTE_LIMIT - 1 : QUOTE_LIMIT;
  return `${s.slice(0, end)}…"`;
}

/**
 * The bound on a whole error message the local endpoint answers with: room for a few values
 * echoed whole up to emulator/validation-message.ts's MAX_ECHOED_CHARS (AWS echoes long values whole), while a
 * message can never grow with the size of the request.
 */
export const SERVICE_MESSAGE_LIMIT = 8 * 1024;

/** At most `limit` items of a list, and a last line saying how many were left out. */
export function boundList<T>(items: T[], limit: number, more: (n: number) => T): T[] {
  return items.length <= limit ? items : [...items.slice(0, limit), more(items.length - limit)];
}
