import { strict as assert } from "assert";
import { drift } from "../../scripts/generate-model";
import { modelsDirOrSkip } from "./models-dir";

/**
 * Every generated file (model/generated/*, sdk/enums.generated.ts, sdk/types.generated.ts) is what
 * `npm run generate` makes of the botocore models today: regenerated into a temporary folder and
 * compared byte for byte, so a hand edit or a model update without regeneration fails here.
 */
describe("the generated files", function () {
  this.timeout(60_000);

  it("are exactly what npm run generate makes of ../shared/aws-models", function () {
    const dir = modelsDirOrSkip(this);
    assert.deepEqual(drift(dir), [], "run `npm run generate` and commit the result");
  });
});
