/**
 * One AWS call, bounded in time and explained when it fails. The SDK's timeouts bound each
 * attempt; the deadline here bounds the call as a whole — every attempt, every backoff, and what
 * the SDK does before sending anything, such as resolving credentials through a
 * `credential_process` or an SSO refresh that may never return — so that no AWS call can hang a
 * deployment. It is derived from the timeouts and attempts in force, as an upper bound on what
 * the SDK itself may take: it fires only when something the SDK does not time out hangs.
 */
import { timeouts } from "./config";
import { explain, type CallContext } from "./errors";

/** The SDK's ceiling on one backoff (20 s) plus the most a Retry-After hint may add to it (5 s). */
const MAX_BACKOFF_MS = 25_000;
/** Credential resolution, signing and parsing, which no per-attempt timeout covers. */
const OVERHEAD_MS = 10_000;

export interface SdkClient {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
  config: { maxAttempts?: number | (() => Promise<number>) };
}

/** How long one call may take in all, with `attempts` attempts. */
export function callDeadlineMs(attempts: number): number {
  const { connectionTimeout, requestTimeout } = timeouts();
  return attempts * (connectionTimeout + requestTimeout) + (attempts - 1) * MAX_BACKOFF_MS + OVERHEAD_MS;
}

async function attemptsOf(client: SdkClient): Promise<number> {
  const m = client.config.maxAttempts;
  return typeof m === "function" ? m() : m ?? 1;
}

export async function send<T>(client: SdkClient, command: unknown, ctx: CallContext): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  try {
    const deadlineMs = callDeadlineMs(await attemptsOf(client));
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const err = Object.assign(new Error(`no answer within ${deadlineMs} ms, all attempts included`), {
          name: "CallDeadlineExceeded",
        });
        controller.abort(err);
        reject(err);
      }, deadlineMs);
    });
    return (await Promise.race([client.send(command, { abortSignal: controller.signal }), expired])) as T;
  } catch (err) {
    throw explain(err, ctx);
  } finally {
    clearTimeout(timer);
  }
}
