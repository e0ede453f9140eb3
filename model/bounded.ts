/**
 * Messages have a length bound: a value a user or a client chose (a 10 KB uri, a 50 MB body) is
 * echoed at most this far, with the count of what was left out, so a message stays readable and
 * a log line stays small. Shared by the provider's messages and the local endpoint's answers.
 */
export const MESSAGE_LIMIT = 1024;

export function bound(text: string, limit: number = MESSAGE_LIMIT): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… (${text.length - limit} more characters)`;
}

/** At most `limit` items of a list, and a last line saying how many were left out. */
export function boundList<T>(items: T[], limit: number, more: (n: number) => T): T[] {
  return items.length <= limit ? items : [...items.slice(0, limit), more(items.length - limit)];
}
