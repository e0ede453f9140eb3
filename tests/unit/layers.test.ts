import { strict as assert } from "assert";
import { readdirSync, readFileSync } from "fs";
import { dirname, join, relative, resolve, sep } from "path";
import * as ts from "typescript";

/**
 * The tree reads sdk → provider → model ← emulator: a layer imports only itself and the layers
 * below it, so the model never depends on how it is hosted or served.
 */
const ROOT = resolve(__dirname, "../..");
type Layer = "sdk" | "provider" | "model" | "emulator";
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  sdk: ["sdk", "provider", "model"],
  provider: ["provider", "model"],
  model: ["model"],
  emulator: ["emulator", "model"],
};
const LAYERS = Object.keys(MAY_IMPORT) as Layer[];

function layerOf(file: string): Layer | undefined {
  const top = relative(ROOT, file).split(sep)[0];
  return (LAYERS as string[]).includes(top) ? (top as Layer) : undefined;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesUnder(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** Every relative import, export-from, import() and require() of a file, resolved to the file or folder it names. */
function importsOf(file: string, text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .map((i) => i.fileName)
    .filter((f) => f.startsWith("."))
    .map((f) => resolve(dirname(file), f));
}

/** "from → to" for each import that climbs a layer. */
function upwardImports(files: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    const from = layerOf(file);
    if (!from) continue;
    for (const target of importsOf(file, text)) {
      const to = layerOf(target);
      if (to && !MAY_IMPORT[from].includes(to)) out.push(`${relative(ROOT, file)} → ${relative(ROOT, target)}`);
    }
  }
  return out;
}

describe("layers only point down (sdk → provider → model ← emulator)", () => {
  const files = new Map(LAYERS.flatMap((l) => sourcesUnder(join(ROOT, l))).map((f) => [f, readFileSync(f, "utf8")] as const));

  it("reads every layer's sources", () => {
    for (const l of LAYERS)
      assert.ok(
        [...files.keys()].some((f) => layerOf(f) === l),
        `no sources under ${l}/`,
      );
  });

  it("no file imports from a layer above its own", () => {
    assert.deepEqual(upwardImports(files), []);
  });

  it("names an upward import, of any form, as one", () => {
    const at = (p: string) => join(ROOT, p);
    const climbing = new Map([
      [at("model/x.ts"), 'import type { A } from "../sdk/types";'],
      [at("provider/x.ts"), 'export { B } from "../sdk";'],
      [at("emulator/x.ts"), 'const p = require("../provider/mapping");'],
      [at("emulator/services/x.ts"), 'const s = await import("../../sdk/integration");'],
      [at("provider/ok.ts"), 'import { validate } from "../model/validate";\nimport { x } from "@aws-sdk/client-sts";'],
    ]);
    assert.deepEqual(upwardImports(climbing), [
      "model/x.ts → sdk/types",
      "provider/x.ts → sdk",
      "emulator/x.ts → provider/mapping",
      "emulator/services/x.ts → sdk/integration",
    ]);
  });
});
