/**
 * The package as users get it: `npm pack`ed and `npm install`ed into a copy of an example, never
 * imported from this checkout. Installs are cached under the OS temp dir, keyed by the tarball's
 * hash and the example's dependencies, so a rerun with unchanged sources installs nothing.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..");
export const EXAMPLES = ["quickstart", "salesforce", "events"] as const;
export type ExampleName = (typeof EXAMPLES)[number];

const CACHE_ROOT = path.join(os.tmpdir(), "pulumi-customer-profiles-integration-e2e");
/** Installs of older tarballs kept per dependency set, for a checkout switching back and forth. */
const INSTALLS_KEPT = 3;
/** An older install is removed only when no run has used it for this long: another may be using it now. */
const INSTALL_IDLE_MS = 60 * 60_000;

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking the event loop: an in-process endpoint must keep answering. */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; echo?: boolean | "stderr" } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d;
      if (options.echo === true) process.stdout.write(d);
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d;
      if (options.echo) process.stderr.write(d);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

export async function runOrThrow(command: string, args: string[], options: Parameters<typeof run>[2] = {}): Promise<CommandResult> {
  const r = await run(command, args, options);
  if (r.code !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited with ${r.code}\n${tail(r.stderr || r.stdout)}`);
  }
  return r;
}

export function tail(text: string, lines = 40): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((e) => newestMtime(path.join(p, e))));
}

/**
 * `npm test` and `npm run demo` build first; a spec run on its own may find dist/ older than
 * the sources, and would then test a package that no longer matches them.
 */
export async function buildIfStale(): Promise<void> {
  const built = path.join(REPO_ROOT, "dist", "index.js");
  const sources = ["index.ts", "sdk", "model", "provider", "emulator", "package.json", "tsconfig.json", "tsconfig.build.json"];
  const newest = Math.max(...sources.map((s) => newestMtime(path.join(REPO_ROOT, s))));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newest) return;
  const tsc = require.resolve("typescript/bin/tsc", { paths: [REPO_ROOT] });
  await runOrThrow(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: REPO_ROOT });
}

export interface PackedPackage {
  /** The tarball, stored under its hash. */
  tarball: string;
  sha256: string;
  /** The name npm pack gave it. */
  filename: string;
}

let packed: Promise<PackedPackage> | undefined;

/** The package as `npm pack` makes it, once per process. */
export function packedPackage(): Promise<PackedPackage> {
  return (packed ??= (async () => {
    await buildIfStale();
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "pcpi-pack-"));
    try {
      // buildIfStale built dist/ just now: skip the prepare script's second build.
      const r = await runOrThrow("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], { cwd: REPO_ROOT });
      const [{ filename }] = JSON.parse(r.stdout) as { filename: string }[];
      const bytes = fs.readFileSync(path.join(scratch, filename));
      const hash = sha256(bytes);
      const tarball = path.join(CACHE_ROOT, "tarballs", `${hash}.tgz`);
      if (!fs.existsSync(tarball)) {
        fs.mkdirSync(path.dirname(tarball), { recursive: true });
        fs.writeFileSync(`${tarball}.${process.pid}`, bytes);
        fs.renameSync(`${tarball}.${process.pid}`, tarball);
      }
      return { tarball, sha256: hash, filename };
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  })());
}

export function exampleDir(example: ExampleName): string {
  return path.join(REPO_ROOT, "examples", example);
}

function readPackageJson(example: ExampleName): { dependencies?: object; devDependencies?: object } {
  return JSON.parse(fs.readFileSync(path.join(exampleDir(example), "package.json"), "utf8"));
}

const installs = new Map<string, Promise<string>>();

/**
 * A directory whose node_modules holds the example's dependencies, with this package from the
 * packed tarball in place of the registry version package.json names. Examples with the same
 * dependencies share one install.
 */
export function installedDependencies(example: ExampleName, log: (line: string) => void = () => {}): Promise<string> {
  return packedPackage().then((pkg) => installedWith(readPackageJson(example), pkg, `examples/${example}`, log));
}

/**
 * A directory whose node_modules holds `packageJson`'s dependencies with `pkg` (a packed tarball)
 * standing in for this package: an example's, or an older release's example (tests/e2e/upgrade).
 */
export function installedWith(
  packageJson: { dependencies?: object; devDependencies?: object },
  pkg: Pick<PackedPackage, "tarball" | "sha256">,
  label: string,
  log: (line: string) => void = () => {},
): Promise<string> {
  const { dependencies, devDependencies } = packageJson;
  const depsHash = sha256(JSON.stringify({ dependencies, devDependencies }));
  const key = sha256(`${pkg.sha256}\n${depsHash}`).slice(0, 20);
  let install = installs.get(key);
  if (!install) {
    install = installInto(
      path.join(CACHE_ROOT, "installs", `${depsHash.slice(0, 12)}-${key}`),
      { dependencies, devDependencies },
      label,
      pkg.tarball,
      log,
    );
    installs.set(key, install);
  }
  return install;
}

async function installInto(dir: string, packageJson: object, label: string, tarball: string, log: (line: string) => void): Promise<string> {
  if (fs.existsSync(path.join(dir, "node_modules"))) {
    log(`reusing the install in ${dir}`);
    fs.utimesSync(dir, new Date(), new Date());
    return dir;
  }
  log(`npm install of ${label}'s dependencies, this package from its tarball, into ${dir}`);
  const staging = `${dir}.staging-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.writeFileSync(path.join(staging, "package.json"), JSON.stringify({ name: "pcpi-install", private: true, ...packageJson }, null, 2));
  // The tarball stands in for the "^x.y.z" in package.json, as for a user before publication;
  // --no-save keeps that range, so the working copies' package.json stays the example's own.
  await runOrThrow("npm", ["install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund", tarball], { cwd: staging });
  try {
    fs.renameSync(staging, dir);
  } catch (err) {
    // Another run finished the same install first; theirs is as good as ours.
    if (!fs.existsSync(path.join(dir, "node_modules"))) throw err;
    fs.rmSync(staging, { recursive: true, force: true });
  }
  pruneOldInstalls(path.dirname(dir), path.basename(dir).split("-")[0]);
  return dir;
}

function pruneOldInstalls(root: string, depsPrefix: string): void {
  const same = fs
    .readdirSync(root)
    .filter((e) => e.startsWith(`${depsPrefix}-`) && !e.includes(".staging-"))
    .map((e) => ({ dir: path.join(root, e), mtime: fs.statSync(path.join(root, e)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of same.slice(INSTALLS_KEPT)) {
    if (Date.now() - old.mtime > INSTALL_IDLE_MS) fs.rmSync(old.dir, { recursive: true, force: true });
  }
}

/** A copy of the example's own files at `dest`, with its dependencies installed (see `installDependencies`). */
export async function workingCopy(example: ExampleName, dest: string, options: { log?: (line: string) => void } = {}): Promise<void> {
  fs.mkdirSync(dest, { recursive: true });
  for (const entry of fs.readdirSync(exampleDir(example))) {
    if (entry === "node_modules" || entry === "bin" || entry === "package-lock.json" || /^Pulumi\..+\.yaml$/.test(entry)) continue;
    fs.cpSync(path.join(exampleDir(example), entry), path.join(dest, entry), { recursive: true });
  }
  await installDependencies(example, dest, options);
}

/**
 * `dir`/node_modules from the cached install: hard links where the file system allows (fast,
 * and a distinct path, so moving the directory moves its dependencies with it), else a plain
 * copy. `linked: false` always copies, for a directory the user may later `npm install` into,
 * which would write through hard links into the cache.
 */
export async function installDependencies(
  example: ExampleName,
  dir: string,
  options: { linked?: boolean; log?: (line: string) => void } = {},
): Promise<void> {
  await copyNodeModules(await installedDependencies(example, options.log), dir, options.linked);
}

/** `from`/node_modules as `dir`/node_modules, replacing what was there (see installDependencies). */
export async function copyNodeModules(fromDir: string, dir: string, linked = true): Promise<void> {
  const from = path.join(fromDir, "node_modules");
  const to = path.join(dir, "node_modules");
  fs.rmSync(to, { recursive: true, force: true });
  if (linked && (await run("cp", ["-al", from, to])).code === 0) return;
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
}

/** Release 0.1.0, the first whose stacks users hold (tests/e2e/upgrade.test.ts deploys with it). */
export const RELEASE_0_1_0 = { tag: "v0.1.0", commit: "2fb726a79d4d2c4f0e8df6f4f1bb257fbbd62c3c" } as const;

export interface ReleaseSources {
  /** The release's files, from `git archive` (removed with the OS temp dir's cache, never here). */
  dir: string;
  commit: string;
  pkg: PackedPackage;
}

const releases = new Map<string, Promise<ReleaseSources>>();

/**
 * An earlier release as its users installed it: its sources from `git archive` of the tag (or,
 * in a clone without tags, the commit), built with this checkout's dependencies and TypeScript,
 * and `npm pack`ed. Cached under the OS temp dir keyed by commit, so a rerun builds nothing.
 */
export function packedRelease(release: { tag: string; commit: string }): Promise<ReleaseSources> {
  let found = releases.get(release.commit);
  if (!found) {
    found = buildRelease(release);
    releases.set(release.commit, found);
  }
  return found;
}

async function buildRelease(release: { tag: string; commit: string }): Promise<ReleaseSources> {
  const resolve = async (): Promise<string> => {
    for (const ref of [release.tag, release.commit]) {
      const r = await run("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: REPO_ROOT });
      if (r.code === 0) return r.stdout.trim();
    }
    return "";
  };
  let commit = await resolve();
  if (commit !== release.commit) {
    // A clone made without tags or shallow: ask its origin for the commit (ignored when there is none).
    await run("git", ["fetch", "--quiet", "origin", release.commit], { cwd: REPO_ROOT });
    commit = await resolve();
  }
  if (commit !== release.commit) {
    throw new Error(
      `neither the tag ${release.tag} nor the commit ${release.commit} is in this clone` +
        (commit ? ` (${release.tag} is ${commit})` : "") +
        `: fetch it with \`git fetch origin tag ${release.tag}\` (a shallow clone needs \`git fetch --unshallow\`)`,
    );
  }
  const root = path.join(CACHE_ROOT, "releases", commit);
  const sources = path.join(root, "src");
  const tarballs = path.join(root, "pack");
  if (!fs.existsSync(tarballs)) {
    const staging = `${root}.staging-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(path.join(staging, "src"), { recursive: true });
    fs.mkdirSync(path.join(staging, "pack"));
    const archive = path.join(staging, "src.tar");
    await runOrThrow("git", ["archive", "--format=tar", "-o", archive, commit], { cwd: REPO_ROOT });
    await runOrThrow("tar", ["-xf", archive, "-C", path.join(staging, "src")]);
    fs.rmSync(archive);
    // The release's own build, with this checkout's installed compiler and type packages.
    fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(staging, "src", "node_modules"), "dir");
    const tsc = require.resolve("typescript/bin/tsc", { paths: [REPO_ROOT] });
    await runOrThrow(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: path.join(staging, "src") });
    await runOrThrow("npm", ["pack", "--ignore-scripts", "--pack-destination", path.join(staging, "pack")], {
      cwd: path.join(staging, "src"),
    });
    fs.rmSync(path.join(staging, "src", "node_modules"));
    try {
      fs.renameSync(staging, root);
    } catch (err) {
      // Another run built it first.
      if (!fs.existsSync(tarballs)) throw err;
      fs.rmSync(staging, { recursive: true, force: true });
    }
  }
  const [filename] = fs.readdirSync(tarballs).filter((f) => f.endsWith(".tgz"));
  const tarball = path.join(tarballs, filename);
  return { dir: sources, commit, pkg: { tarball, filename, sha256: sha256(fs.readFileSync(tarball)) } };
}
