/**
 * `npm run models:diff -- [<botocore version>] [--from <wheel or botocore folder>]`: what that
 * release (the newest on PyPI when none is named) adds, removes or changes, against the vendored models, in the shapes our operations
 * reach. Reads and writes nothing in the repository.
 */
import * as fs from "fs";
import * as path from "path";
import { sources, VENDORED_MODELS_DIR, type RawModel } from "../generate-model";
import { botocoreRelease, parseArgs, type Release } from "./botocore-release";
import { modelChanges, renderChanges, type ModelChange } from "./changes";

/** Each service's changes from the vendored model to the release's. */
export function releaseChanges(release: Release): Map<string, ModelChange[]> {
  const out = new Map<string, ModelChange[]>();
  for (const s of sources) {
    const vendored: RawModel = JSON.parse(fs.readFileSync(path.join(VENDORED_MODELS_DIR, s.file), "utf8"));
    const next: RawModel = JSON.parse(release.files.get(s.file)!);
    out.set(s.service, modelChanges(vendored, next, s.operations));
  }
  return out;
}

export function printReport(release: Release, changes: Map<string, ModelChange[]>): void {
  console.log(`botocore ${release.version} against codegen/aws-models:`);
  for (const [service, list] of changes) for (const line of renderChanges(service, list)) console.log(line);
}

if (require.main === module) {
  try {
    const { version, from } = parseArgs(process.argv.slice(2));
    const release = botocoreRelease(version, from);
    printReport(release, releaseChanges(release));
  } catch (e) {
    console.error(`models:diff: ${(e as Error).message}`);
    process.exit(1);
  }
}
