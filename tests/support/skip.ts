/**
 * The one skip policy. A spec whose prerequisite is missing (an AWS CLI, mount privileges, the
 * Pulumi engine) is skipped with one line saying what is missing, except under CI (CI=true), where
 * it fails instead: CI must never pass a spec it did not run.
 */
export const inCI = (env: NodeJS.ProcessEnv = process.env): boolean => env.CI === "true" || env.CI === "1";

/** Skips the running spec or hook with `reason` (printed once), or throws it under CI. */
export function skipUnlessCI(ctx: Mocha.Context, reason: string): never {
  if (inCI()) throw new Error(`CI must run this spec, but ${reason}`);
  console.log(`      skipped: ${reason}`);
  ctx.skip();
}
