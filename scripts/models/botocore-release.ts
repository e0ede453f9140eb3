/**
 * The service JSON of one botocore release, as the files codegen/aws-models keeps
 * (botocore-<service>-<api-version>.json). The release is the wheel PyPI serves
 * (`pip download botocore==X --no-deps`), or, with `--from`, a wheel file or an installed botocore
 * package folder, for a machine that cannot reach PyPI.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { sources } from "../generate-model";

/** botocore keeps each model at data/<service>/<api-version>/service-2.json, gzipped since 1.32. */
function memberPaths(file: string): string[] {
  const m = /^botocore-(.+)-(\d{4}-\d{2}-\d{2})\.json$/.exec(file);
  if (!m) throw new Error(`${file}: not named botocore-<service>-<api-version>.json`);
  const base = `botocore/data/${m[1]}/${m[2]}/service-2.json`;
  return [`${base}.gz`, base];
}

const decode = (name: string, bytes: Buffer): string => (name.endsWith(".gz") ? zlib.gunzipSync(bytes) : bytes).toString("utf8");

/** Reads named members of a wheel (a zip) through Python's zipfile: pip brings Python, nothing else needed. */
function readWheel(wheel: string, names: string[]): Map<string, Buffer> {
  const script = [
    "import base64, json, sys, zipfile",
    "z = zipfile.ZipFile(sys.argv[1]); have = set(z.namelist())",
    "print(json.dumps({n: base64.b64encode(z.read(n)).decode() for n in sys.argv[2:] if n in have}))",
  ].join("\n");
  const out = execFileSync("python3", ["-c", script, wheel, ...names], { maxBuffer: 512 * 1024 * 1024 });
  const found = JSON.parse(out.toString("utf8")) as Record<string, string>;
  return new Map(Object.entries(found).map(([n, b64]) => [n, Buffer.from(b64, "base64")]));
}

function readFolder(botocoreDir: string, names: string[]): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const name of names) {
    const file = path.join(botocoreDir, name.replace(/^botocore\//, ""));
    if (fs.existsSync(file)) found.set(name, fs.readFileSync(file));
  }
  return found;
}

/** The release's version: from the wheel's name, or from an installed package's __init__.py. */
export function releaseVersion(from: string): string {
  if (from.endsWith(".whl")) {
    const m = /botocore-([^-]+)-/.exec(path.basename(from));
    if (m) return m[1];
  } else {
    const init = path.join(from, "__init__.py");
    const m = fs.existsSync(init) ? /__version__ = '([^']+)'/.exec(fs.readFileSync(init, "utf8")) : null;
    if (m) return m[1];
  }
  throw new Error(`${from}: cannot tell which botocore release this is`);
}

/** Downloads the wheel of `version` (else the newest release) from PyPI into `into`; returns the wheel's path. */
export function downloadWheel(version: string | undefined, into: string): string {
  execFileSync(
    "python3",
    ["-m", "pip", "download", version ? `botocore==${version}` : "botocore", "--no-deps", "--only-binary=:all:", "-d", into],
    {
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  const wheel = fs.readdirSync(into).find((f) => f.startsWith(version ? `botocore-${version}-` : "botocore-") && f.endsWith(".whl"));
  if (!wheel) throw new Error(`pip left no botocore ${version ?? ""} wheel in ${into}`);
  return path.join(into, wheel);
}

export interface Release {
  version: string;
  /** File name under codegen/aws-models -> its JSON text, as botocore publishes it. */
  files: Map<string, string>;
}

/** The models of a release: `from` (a wheel or a botocore folder) if given, else PyPI's wheel of `version`, else the newest. */
export function botocoreRelease(version: string | undefined, from?: string): Release {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "botocore-"));
  try {
    const source = from ?? downloadWheel(version, tmp);
    const actual = releaseVersion(source);
    if (version && version !== actual) throw new Error(`${source} is botocore ${actual}, not ${version}`);
    const wanted = sources.flatMap((s) => memberPaths(s.file));
    const found = source.endsWith(".whl") ? readWheel(source, wanted) : readFolder(source, wanted);
    const files = new Map<string, string>();
    for (const s of sources) {
      const name = memberPaths(s.file).find((n) => found.has(n));
      if (!name) throw new Error(`botocore ${actual} has no ${memberPaths(s.file).join(" or ")}`);
      files.set(s.file, decode(name, found.get(name)!));
    }
    return { version: actual, files };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** `<version>` and `--from <path>` from a command line. */
export function parseArgs(argv: string[]): { version?: string; from?: string } {
  const out: { version?: string; from?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--from") out.from = path.resolve(argv[++i] ?? "");
    else if (!out.version) out.version = argv[i];
    else throw new Error(`unexpected argument ${argv[i]}`);
  }
  return out;
}
