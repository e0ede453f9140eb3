/**
 * State on disk. Each save writes a temporary file beside the target and renames it over the
 * target, so a crash mid-write leaves the previous state whole rather than a torn file.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const FORMAT_VERSION = 1;

interface Envelope {
  format: number;
  savedAt: string;
  state: unknown;
}

/** Dates are tagged so they come back as Dates, not as strings the state model would misread. */
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  return original instanceof Date ? { $date: original.toISOString() } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (typeof v.$date === "string" && Object.keys(v).length === 1) return new Date(v.$date);
  }
  return value;
}

export function loadState(file: string): unknown | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
  const envelope = JSON.parse(text, reviver) as Envelope;
  if (envelope.format !== FORMAT_VERSION) {
    throw new Error(`${file}: state format ${envelope.format} is not supported (expected ${FORMAT_VERSION})`);
  }
  return envelope.state;
}

let sequence = 0;

export function saveState(file: string, state: unknown): void {
  const envelope: Envelope = { format: FORMAT_VERSION, savedAt: new Date().toISOString(), state };
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${++sequence}.tmp`);
  const fd = fs.openSync(tmp, "w");
  try {
    fs.writeFileSync(fd, JSON.stringify(envelope, replacer));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
