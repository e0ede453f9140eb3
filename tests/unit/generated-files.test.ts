import { strict as assert } from "assert";
import { docText, drift, VENDORED_MODELS_DIR } from "../../scripts/generate-model";

/**
 * Every generated file (model/generated/* and the plugin's provider/plugin/schema.generated.json) is
 * what `npm run generate` makes of the botocore models today: regenerated into a temporary folder and
 * compared byte for byte, so a hand edit or a model update without regeneration fails here.
 */
describe("the generated files", function () {
  this.timeout(60_000);

  it("are exactly what npm run generate makes of the vendored models (codegen/aws-models)", () => {
    assert.deepEqual(drift(VENDORED_MODELS_DIR), [], "run `npm run generate` and commit the result");
  });

  it("turn botocore's HTML documentation into plain TSDoc text that cannot end the comment", () => {
    assert.deepEqual(
      docText('<p>The <code>FlowName</code> &amp; more.</p> <p>See <a href="https://docs.aws.amazon.com/x">the guide</a>.</p>'),
      ["The `FlowName` & more.", "", "See [the guide](https://docs.aws.amazon.com/x)."],
    );
    assert.deepEqual(docText("<p>One of:</p><ul><li><p>A</p></li><li>B</li></ul>"), ["One of:", "", "- A", "- B"]);
    const hostile = docText("<p>ends */ here, tags @param {x}</p>").join("\n");
    assert.ok(!hostile.includes("*/") && !/(^|[^\\])@/.test(hostile) && !/(^|[^\\])\{/.test(hostile), hostile);
    assert.deepEqual(docText(undefined), []);
  });
});
