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
import { maxBackoffSetting } from "./retry";

/** The SDK's ceiling on one backoff (20 s, or PULUMI_CUSTOMER_PROFILES_MAX_BACKOFF_MS). */
const SDK_MAX_BACKOFF_MS = 20_000;
/** The most a Retry-After hint may add to a backoff. */
const RETRY_AFTER_MS = 5_000;
/**
 * Credential resolution, signing and parsing, which no per-attempt timeout covers (10 s, or
 * PULUMI_CUSTOMER_PROFILES_CALL_OVERHEAD_MS, which tests lower to reach the deadline quickly).
 */
const OVERHEAD_ENV = "PULUMI_CUSTOMER_PROFILES_CALL_OVERHEAD_MS";
const DEFAULT_OVERHEAD_MS = 10_000;

function overheadMs(): number {
  const v = Number(process.env[OVERHEAD_ENV]);
  return process.env[OVERHEAD_ENV] && Number.isFinite(v) && v > 0 ? v : DEFAULT_OVERHEAD_MS;
}

export interface SdkClient {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
  config: { maxAttempts?: number | (() => Promise<number>) };
}

/** How long one call may take in all, with `attempts` attempts. */
function callDeadlineMs(attempts: number): number {
  const { connectionTimeout, requestTimeout } = timeouts();
  const backoff = (maxBackoffSetting() ?? SDK_MAX_BACKOFF_MS) + RETRY_AFTER_MS;
  return attempts * (connectionTimeout + requestTimeout) + (attempts - 1) * backoff + overheadMs();
}

async function attemptsOf(client: SdkClient): Promise<number> {
  const m = client.config.maxAttempts;
  return typeof m === "function" ? m() : (m ?? 1);
}

/**
 * Runs `ask` with a signal that aborts after `ms`; the result then rejects with `expired()`. The
 * deadline settles first and aborts second: an aborted call rejects at once, and the deadline is
 * the truer reason. The one whole-call deadline of the provider (AWS calls, connector-profile lookups).
 */
export function withDeadline<T>(ms: number, expired: () => Error, ask: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = expired();
      reject(err);
      controller.abort(err);
    }, ms);
  });
  return Promise.race([ask(controller.signal), deadline]).finally(() => clearTimeout(timer));
}

export async function send<T>(client: SdkClient, command: unknown, ctx: CallContext): Promise<T> {
  try {
    const deadlineMs = callDeadlineMs(await attemptsOf(client));
    const expired = () =>
      Object.assign(new Error(`no answer within ${deadlineMs} ms, all attempts included`), { name: "CallDeadlineExceeded" });
    return (await withDeadline(deadlineMs, expired, (abortSignal) => client.send(command, { abortSignal }))) as T;
  } catch (err) {
    throw explain(err, ctx);
  }
}
