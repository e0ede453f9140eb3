/**
 * AWS model patterns are Java regular expressions, unanchored (a value must contain a match,
 * as Smithy's @pattern says). Most read the same in JavaScript; ranges written with surrogate
 * pairs (\uD800\uDC00-\uDBFF\uDFFF) need the `u` flag, while a few escapes are only legal without it.
 */
const cache = new Map<string, RegExp>();

export function compilePattern(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(pattern, "u");
    } catch {
      re = new RegExp(pattern);
    }
    cache.set(pattern, re);
  }
  return re;
}
