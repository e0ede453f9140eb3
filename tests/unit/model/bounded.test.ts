import { strict as assert } from "assert";
import fc from "fast-check";
import { bound, quoteBounded, QUOTE_LIMIT } from "../../../model/bounded";

/** Text with astral characters (two UTF-16 units each) at every offset, so a cut can fall between the units of one. */
const mixed = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom("a", "é", "😀", "𝒳", "\n", '"'), minLength, maxLength });

const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("quoted values in one-line messages", () => {
  it("a value whose JSON fits is quoted whole", () => {
    fc.assert(
      fc.property(mixed(0, 40), (s) => {
        fc.pre(JSON.stringify(s).length <= QUOTE_LIMIT + 2);
        assert.equal(quoteBounded(s), JSON.stringify(s));
      }),
    );
  });

  it('a longer value keeps a prefix of its JSON, never half a character, and closes with …"', () => {
    fc.assert(
      fc.property(mixed(40, 200), (s) => {
        const json = JSON.stringify(s);
        fc.pre(json.length > QUOTE_LIMIT + 2);
        const out = quoteBounded(s);
        assert.ok(out.endsWith('…"'), out);
        const kept = out.slice(0, -2);
        assert.ok(json.startsWith(kept));
        assert.ok(kept.length >= QUOTE_LIMIT - 1 && kept.length <= QUOTE_LIMIT, String(kept.length));
        assert.doesNotMatch(out, lone, JSON.stringify(out));
      }),
      { numRuns: 500 },
    );
  });
});

describe("bounded messages", () => {
  it("never split a surrogate pair, and count what they leave out in characters", () => {
    fc.assert(
      fc.property(mixed(0, 120), fc.integer({ min: 1, max: 60 }), (s, limit) => {
        const out = bound(s, limit);
        assert.doesNotMatch(out, lone);
        const chars = [...s];
        if (chars.length <= limit) return assert.equal(out, s);
        assert.equal(out, `${chars.slice(0, limit).join("")}… (${chars.length - limit} more characters)`);
      }),
    );
  });
});
