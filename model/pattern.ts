/**
 * The one place where model patterns are compiled; the provider's preview checks and the local
 * endpoint both test values through it (model/validate.ts).
 *
 * AWS matches a member's pattern against the WHOLE value, not a substring of it:
 * - github.com/aws/aws-cli issue 790: DynamoDB refuses the table name `"name"` (quotes included)
 *   against the unanchored botocore pattern `[a-zA-Z0-9_.-]+`, which a substring search accepts;
 * - AWS's Smithy models (codegen/aws-models/smithy, e.g. customer-profiles-2020-08-15.json) write
 *   the same patterns anchored: FlowName `^[a-zA-Z0-9][\w!@#.-]+$`, BucketName `^\S+$`,
 *   FlowDescription `^[\w!@#\-.?,\s]*$`, RoleArn `^arn:aws:iam:.*:[0-9]+:`.
 * So a pattern is compiled as `^(?:pattern)$`: `my flow`, `-lead`, `my bucket` and an ARN with
 * leading text are refused, and FlowDescription, whose pattern matches the empty string, refuses
 * a description holding any character outside its class (`$`, `/`, `:` ...).
 *
 * The one exception is a pattern that is exactly `.*`: the Smithy models keep it unanchored,
 * which accepts every value, while `^(?:.*)$` would refuse a value holding a line break
 * (`.` does not match one, in Java as in JavaScript). No source shows AWS refusing such a value,
 * so `.*` accepts everything. tests/unit/validation/patterns.test.ts drives every pattern of the
 * generated models against the Smithy model's form of it.
 *
 * The patterns are Java regular expressions. Most read the same in JavaScript; ranges written with
 * surrogate pairs (\uD800\uDC00-\uDBFF\uDFFF) need the `u` flag, while a few escapes are only
 * legal without it.
 */
const cache = new Map<string, RegExp>();

/** The pattern as a whole-value regular expression source. */
function wholeValue(pattern: string): string {
  return pattern === ".*" ? "" : `^(?:${pattern})$`;
}

export function compilePattern(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    const source = wholeValue(pattern);
    try {
      re = new RegExp(source, "u");
    } catch {
      re = new RegExp(source);
    }
    cache.set(pattern, re);
  }
  return re;
}
