import { strict as assert } from "assert";
import { findModelsDir, modelsDirCandidates } from "../../scripts/generate-model";

/**
 * The botocore models, found as `npm run generate` finds them (MODELS_DIR, else ../shared/aws-models
 * beside the checkout, reached through a symbolic link too). Without them a spec is skipped on a
 * developer's machine, and fails in CI (CI=true), where they are always beside the clone: a check
 * that silently skips there checks nothing.
 */
export function modelsDirOrSkip(ctx: Mocha.Context): string {
  const dir = findModelsDir();
  if (dir) return dir;
  if (process.env.CI) assert.fail(`CI has no botocore models: looked in ${modelsDirCandidates().join(", ")}; set MODELS_DIR`);
  ctx.skip();
}
