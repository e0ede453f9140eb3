/**
 * `npm run models:update -- [<botocore version>] [--from <wheel or botocore folder>]`: replaces
 * the botocore models in codegen/aws-models with that release's (the newest when none is named),
 * prints what changed for our operations (the models:diff report) and regenerates model/generated
 * and the SDK types.
 * Review the report before committing: a new member needs a decision in check and the mapping.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { VENDORED_MODELS_DIR } from "../generate-model";
import { botocoreRelease, parseArgs } from "./botocore-release";
import { printReport, releaseChanges } from "./diff";

function main(): void {
  const { version, from } = parseArgs(process.argv.slice(2));
  const release = botocoreRelease(version, from);
  printReport(release, releaseChanges(release));

  for (const [file, text] of release.files) fs.writeFileSync(path.join(VENDORED_MODELS_DIR, file), text);
  // The README's table says which release each botocore file is from.
  const readme = path.join(VENDORED_MODELS_DIR, "README.md");
  fs.writeFileSync(readme, fs.readFileSync(readme, "utf8").replace(/\| botocore \d+\.\d+\.\d+ \|/g, `| botocore ${release.version} |`));
  console.log(`Wrote botocore ${release.version}'s models to codegen/aws-models; regenerating.`);
  execFileSync(
    process.execPath,
    [require.resolve("ts-node/dist/bin"), "--transpile-only", path.join(__dirname, "..", "generate-model.ts")],
    {
      stdio: "inherit",
    },
  );
}

try {
  main();
} catch (e) {
  console.error(`models:update: ${(e as Error).message}`);
  process.exit(1);
}
