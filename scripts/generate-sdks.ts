/**
 * Generates the provider plugin's SDKs from its package schema (provider/plugin/schema.generated.json)
 * with pkg/v3's code generators (tools/sdkgen, built and cached by scripts/ensure-sdkgen.sh).
 *
 *   ts-node scripts/generate-sdks.ts            (run by `npm run generate`, after the schema)
 *   ts-node scripts/generate-sdks.ts --check    (exits 1 when a committed SDK file differs or is missing)
 *
 * Output, committed:
 *   sdk/plugin/    the TypeScript SDK, compiled with the package and exported as `plugin`
 *                  (`plugin.Integration`, `plugin.Provider`, `plugin.types`); package.json there
 *                  holds only the version the generated code asks the engine for
 *   sdks/python/   the Python package `pulumi_customer_profiles_integration`
 *   sdks/go/       the Go module, package `customerprofilesintegration`
 *   sdks/dotnet/   the .NET project, namespace `Pulumi.CustomerProfilesIntegration` (tools/sdkgen-dotnet:
 *                  .NET's generator is gone from pkg/v3 at the engine's version)
 * Each directory is generated output only: a file there that the generator does not write is drift.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "..");
const SCHEMA = path.join(root, "provider", "plugin", "schema.generated.json");

/** What each language's generator needs beyond the schema: package names, dependencies, layout. */
const LANGUAGE_INFO: Record<string, unknown> = {
  nodejs: { packageName: "pulumi-customer-profiles-integration" },
  python: {
    packageName: "pulumi_customer_profiles_integration",
    requires: { pulumi: ">=3.150.0,<4.0.0" },
    pyproject: { enabled: true },
    respectSchemaVersion: true,
  },
  go: {
    importBasePath: "pulumi-customer-profiles-integration/sdks/go/customerprofilesintegration",
    generateResourceContainerTypes: true,
    respectSchemaVersion: true,
  },
  csharp: { packageReferences: { Pulumi: "3.*" }, respectSchemaVersion: true },
};

interface Target {
  language: "nodejs" | "python" | "go" | "dotnet";
  /** The generator program under tools/ (scripts/ensure-sdkgen.sh builds it). */
  tool: "sdkgen" | "sdkgen-dotnet";
  /** Where the SDK is committed, relative to the repository root. */
  dir: string;
  /** Which generated files (paths relative to the generator's output) are kept. */
  keep(rel: string): boolean;
}

const TARGETS: Target[] = [
  // The npm package is the plugin's own; only the sources are kept, compiled by the package's tsconfig.
  { language: "nodejs", tool: "sdkgen", dir: "sdk/plugin", keep: (rel) => rel.endsWith(".ts") || rel === ".gitattributes" },
  { language: "python", tool: "sdkgen", dir: "sdks/python", keep: () => true },
  { language: "go", tool: "sdkgen", dir: "sdks/go", keep: () => true },
  { language: "dotnet", tool: "sdkgen-dotnet", dir: "sdks/dotnet", keep: () => true },
];

function packageVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;
}

/** The schema as the generators see it: the plugin's, with the package version and language settings. */
export function sdkSchema(): Record<string, unknown> {
  const schema = JSON.parse(fs.readFileSync(SCHEMA, "utf8"));
  return {
    ...schema,
    version: schema.version ?? packageVersion(),
    meta: { ...schema.meta, supportPack: true },
    language: { ...LANGUAGE_INFO, ...schema.language },
  };
}

function sdkgen(tool: Target["tool"]): string {
  const out = execFileSync("bash", [path.join(root, "scripts", "ensure-sdkgen.sh"), tool], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return out.trim().split("\n").pop()!;
}

function listFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p, base) : [path.relative(base, p).split(path.sep).join("/")];
  });
}

/** Every SDK file, keyed by its path relative to the repository root. */
export function generatedSdkFiles(log: (line: string) => void = () => {}): Map<string, Buffer> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "generate-sdks-"));
  try {
    const schemaFile = path.join(tmp, "schema.json");
    fs.writeFileSync(schemaFile, JSON.stringify(sdkSchema(), null, 2));
    const files = new Map<string, Buffer>();
    for (const t of TARGETS) {
      const out = path.join(tmp, t.language);
      execFileSync(sdkgen(t.tool), ["-schema", schemaFile, "-language", t.language, "-out", out], {
        stdio: ["ignore", "ignore", "inherit"],
      });
      const kept = listFiles(out).filter((rel) => t.keep(rel));
      for (const rel of kept) files.set(`${t.dir}/${rel}`, fs.readFileSync(path.join(out, rel)));
      log(`${t.language}: ${kept.length} files in ${t.dir}`);
    }
    // The generated TypeScript reads the version it asks the engine for from ./package.json.
    files.set("sdk/plugin/package.json", Buffer.from(JSON.stringify({ version: packageVersion() }, null, 2) + "\n"));
    return files;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The SDK files that differ from the committed ones, are missing, or are committed but no longer generated. */
export function sdkDrift(): string[] {
  const files = generatedSdkFiles();
  const out: string[] = [];
  for (const [rel, body] of files) {
    const committed = path.join(root, rel);
    if (!fs.existsSync(committed) || !fs.readFileSync(committed).equals(body)) out.push(rel);
  }
  for (const t of TARGETS) {
    for (const rel of listFiles(path.join(root, t.dir))) {
      if (!files.has(`${t.dir}/${rel}`)) out.push(`${t.dir}/${rel} (not generated)`);
    }
  }
  return out;
}

function main(): void {
  if (process.argv.includes("--check")) {
    const changed = sdkDrift();
    if (changed.length) {
      console.error(`SDKs differ from ${path.relative(root, SCHEMA)}: ${changed.join(", ")}. Run \`npm run generate\`.`);
      process.exit(1);
    }
    console.log(`SDKs match ${path.relative(root, SCHEMA)}.`);
    return;
  }
  const files = generatedSdkFiles(console.log);
  for (const t of TARGETS) fs.rmSync(path.join(root, t.dir), { recursive: true, force: true });
  for (const [rel, body] of files) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), body);
  }
}

if (require.main === module) main();
