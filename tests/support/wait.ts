/**
 * Waiting on what a spec waits for, never on the clock: a condition re-read until it holds
 * (bounded, failing with what was awaited), or a line on a stream.
 */
import { strict as assert } from "assert";
import { setTimeout as pause } from "node:timers/promises";

/** Resolves once `condition` holds; fails, naming `what`, if it has not within `limitMs`. */
export async function until(condition: () => boolean, what: string, limitMs = 20_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`gave up waiting: ${what}`);
    // Re-read every few ms: the spec goes on as soon as it holds, without spinning a core meanwhile.
    await pause(2);
  }
}

/**
 * Everything written to process.stderr while `fn` runs, with `seen(pattern)` to wait for a line
 * the code under test writes asynchronously (after the call that caused it has returned).
 */
export async function stderrOf(fn: (seen: (pattern: RegExp) => Promise<void>) => Promise<void>): Promise<string> {
  const write = process.stderr.write.bind(process.stderr);
  let out = "";
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const wake = () => {
    for (const w of [...waiters]) {
      if (!w.pattern.test(out)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  process.stderr.write = ((chunk: string | Uint8Array) => {
    out += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    wake();
    return true;
  }) as typeof process.stderr.write;
  const seen = (pattern: RegExp) =>
    new Promise<void>((resolve) => {
      waiters.push({ pattern, resolve });
      wake();
    });
  try {
    await fn(seen);
  } finally {
    process.stderr.write = write;
  }
  return out;
}
