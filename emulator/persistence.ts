/**
 * State on disk.
 *
 * Format 2 (format 1 tagged dates as `{"$date": …}`, which a user's map key could forge): every
 * object, Map, list and date is written as a one-key node — {"object": [[k, v]…]}, {"map": [[k,
 * v]…]}, {"list": […]}, {"date": "ISO-8601"} — and every other value is a JSON scalar. A user's
 * name only ever appears as a string inside an entry pair, never as a JSON key, so no name can
 * pass for a tag. Decoding checks every node and names the path of the first that is wrong;
 * objects come back without a prototype (model/dict) and Maps as Maps.
 *
 * Each save writes a temporary file beside the target, fsyncs it and renames it over the target,
 * so a crash mid-write leaves the previous state whole. A save that fails removes its temporary
 * file and throws a StateFileError; the caller (server.ts) then puts back the last saved state.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const FORMAT_VERSION = 2;

/** A state file that cannot be read, understood or written; the message names the file. */
export class StateFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
    readonly code?: string,
  ) {
    super(`state file ${file}: ${detail}`);
    this.name = "StateFileError";
  }
}

/**
 * The file-system calls a save makes, replaceable so that specs can make a disk fail (ENOSPC,
 * EROFS) at any step without privileges. Production code never changes them.
 */
export const persistenceIo = {
  openSync: fs.openSync,
  writeSync: fs.writeSync,
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  unlinkSync: fs.unlinkSync,
  mkdirSync: fs.mkdirSync,
};

type Encoded =
  | null
  | boolean
  | number
  | string
  | { object: [string, Encoded][] }
  | { map: [string, Encoded][] }
  | { list: Encoded[] }
  | { date: string };

function encode(v: unknown): Encoded | undefined {
  if (v === undefined || typeof v === "function" || typeof v === "symbol") return undefined;
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) return { date: v.toISOString() };
  if (Buffer.isBuffer(v)) return v.toString("base64");
  if (Array.isArray(v)) return { list: v.map((x) => encode(x) ?? null) };
  const pairs = (entries: Iterable<[string, unknown]>): [string, Encoded][] => {
    const out: [string, Encoded][] = [];
    for (const [k, x] of entries) {
      const e = encode(x);
      if (e !== undefined) out.push([k, e]);
    }
    return out;
  };
  if (v instanceof Map) return { map: pairs(v.entries()) };
  return { object: pairs(Object.entries(v as object)) };
}

function decode(node: unknown, where: string, fail: (detail: string) => never): unknown {
  if (node === null || typeof node === "boolean" || typeof node === "string" || typeof node === "number") return node;
  if (typeof node !== "object" || Array.isArray(node))
    return fail(`${where}: ${Array.isArray(node) ? "a bare list" : typeof node} is not a state value`);
  const keys = Object.keys(node);
  if (keys.length !== 1)
    return fail(`${where}: a node has exactly one of object, map, list, date; found ${keys.slice(0, 5).join(", ") || "none"}`);
  const [tag] = keys;
  const body = (node as Record<string, unknown>)[tag];
  const entries = (): [string, unknown][] => {
    if (!Array.isArray(body)) return fail(`${where}: ${tag} must hold a list of [key, value] pairs`);
    return body.map((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string") {
        return fail(`${where}: ${tag} entry ${i} is not a [string key, value] pair`);
      }
      return [pair[0], decode(pair[1], `${where}[${JSON.stringify(pair[0]).slice(0, 80)}]`, fail)];
    });
  };
  switch (tag) {
    case "date": {
      const d = typeof body === "string" ? new Date(body) : undefined;
      if (!d || Number.isNaN(d.getTime())) return fail(`${where}: date ${JSON.stringify(body)?.slice(0, 80)} is not an ISO-8601 time`);
      return d;
    }
    case "list":
      if (!Array.isArray(body)) return fail(`${where}: list must hold a list`);
      return body.map((x, i) => decode(x, `${where}[${i}]`, fail));
    case "map":
      return new Map(entries());
    case "object": {
      const out = Object.create(null) as Record<string, unknown>;
      for (const [k, x] of entries()) out[k] = x;
      return out;
    }
    default:
      return fail(`${where}: unknown node kind ${JSON.stringify(tag).slice(0, 80)}`);
  }
}

/**
 * The saved state, or undefined when there is no file yet. `check` says what is wrong with a
 * decoded state of the wrong layout (undefined when it is right).
 */
export function loadState(file: string, check: (state: unknown) => string | undefined = () => undefined): unknown | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    throw new StateFileError(file, `cannot be read (${code ?? (e as Error).message})`, code);
  }
  const fail = (detail: string): never => {
    throw new StateFileError(file, detail);
  };
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch (e) {
    return fail(`is not JSON (${(e as Error).message.slice(0, 200)}); move it aside to start with an empty state`);
  }
  if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope)) return fail("is not a state file (no envelope object)");
  const format = (envelope as Record<string, unknown>).format;
  if (format !== FORMAT_VERSION) {
    const was = JSON.stringify(format)?.slice(0, 40) ?? "missing";
    return fail(
      `format ${was} is not supported (this emulator reads format ${FORMAT_VERSION}` +
        `${format === 1 ? "; format 1 was written by an earlier version, move the file aside to start afresh" : ""})`,
    );
  }
  if (!Object.hasOwn(envelope, "state")) return fail("has no state member");
  const state = decode((envelope as Record<string, unknown>).state, "state", fail);
  const wrong = check(state);
  if (wrong) return fail(`does not have the emulator's layout: ${wrong}`);
  return state;
}

/** The file's contents for a state; what saveState writes. */
function encodeState(state: unknown): string {
  return JSON.stringify({ format: FORMAT_VERSION, savedAt: new Date().toISOString(), state: encode(state) ?? null });
}

/** The state a saved image holds (the inverse of encodeState), for putting back the last saved state. */
export function decodeImage(file: string, image: string): unknown {
  const fail = (detail: string): never => {
    throw new StateFileError(file, detail);
  };
  return decode((JSON.parse(image) as { state: unknown }).state, "state", fail);
}

let sequence = 0;

function tempPrefix(file: string): string {
  return `.${path.basename(file)}.`;
}

/** Removes temporary files an interrupted save of this state file left behind; returns their names. */
export function cleanTempFiles(file: string): string[] {
  const dir = path.dirname(path.resolve(file));
  const prefix = tempPrefix(file);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const stale = names.filter((n) => n.startsWith(prefix) && /\.\d+\.\d+\.tmp$/.test(n));
  for (const n of stale) fs.rmSync(path.join(dir, n), { force: true });
  return stale;
}

/**
 * Writes the state and returns the image written. On any failure nothing is left behind but the
 * previous file, and a StateFileError names the file and the system's error code.
 */
export function saveState(file: string, state: unknown): string {
  const image = encodeState(state);
  writeImage(file, image);
  return image;
}

function writeImage(file: string, image: string): void {
  const io = persistenceIo;
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `${tempPrefix(file)}${process.pid}.${++sequence}.tmp`);
  let opened = false;
  try {
    io.mkdirSync(dir, { recursive: true });
    const fd = io.openSync(tmp, "wx");
    opened = true;
    try {
      const bytes = Buffer.from(image, "utf8");
      let off = 0;
      while (off < bytes.length) off += io.writeSync(fd, bytes, off, bytes.length - off);
      io.fsyncSync(fd);
    } finally {
      io.closeSync(fd);
    }
    io.renameSync(tmp, file);
  } catch (e) {
    if (opened) {
      try {
        io.unlinkSync(tmp);
      } catch {
        /* already gone */
      }
    }
    const code = (e as NodeJS.ErrnoException).code;
    throw new StateFileError(file, `cannot be written (${code ?? (e as Error).message})`, code);
  }
}
