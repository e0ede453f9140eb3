/**
 * How a failed AWS call is retried: throttling and transient failures (5xx, timeouts, dropped
 * connections) again, after a full-jitter exponential backoff, up to a number of attempts set
 * the standard AWS way — AWS_MAX_ATTEMPTS, else the profile's `max_attempts` — and in the mode
 * AWS_RETRY_MODE / `retry_mode` names.
 *
 * The defaults differ from the SDK's (3 attempts, standard mode with a retry quota shared by
 * every call on a client) because one provider process runs every resource of a `pulumi up`
 * through the same clients. Measured against the local endpoint with 30% of calls throttled and
 * 5% failing, 50 integrations created, updated and deleted through one client:
 *  - the quota fell from 500 to 47; a little more load and it runs dry, after which the SDK
 *    fails every throttled call at once — a deployment lost to a quota, not to AWS. As the
 *    Terraform AWS provider does, the quota is dropped: each call gets its own, which its
 *    bounded attempts can never exhaust;
 *  - one call needed 7 attempts; at a 35% failure rate each attempt more divides the chance of
 *    failing a resource by three, so the default is 12 (about 1–2 minutes of backoff under
 *    sustained throttling before a resource gives up);
 *  - adaptive mode took 83 s to create them and 76 s to delete them, against 3–31 s in standard
 *    mode: its client-side rate limiter, shared by every resource, cuts the sending rate to 0.5
 *    calls a second after a throttle seen before any rate was measured, and again on every
 *    throttle. It stays available with AWS_RETRY_MODE=adaptive, as the SDK implements it.
 */
import type { Provider, RetryErrorInfo, RetryStrategyV2, StandardRetryToken } from "@smithy/types";
import { ProviderError } from "./errors";

export const DEFAULT_MAX_ATTEMPTS = 12;
const DEFAULT_RETRY_MODE = "standard";

type UtilRetry = typeof import("@smithy/util-retry");
type ConfigProvider = typeof import("@smithy/node-config-provider");
const utilRetry = (): UtilRetry => require("@smithy/util-retry");
const configProvider = (): ConfigProvider => require("@smithy/node-config-provider");

/** AWS_MAX_ATTEMPTS, else the shared config profile's `max_attempts`, else DEFAULT_MAX_ATTEMPTS. */
export function maxAttemptsSetting(profile: string | undefined): Provider<number> {
  // Read as text and judged afterwards: a selector that throws makes the SDK's config chain
  // quietly fall through to the default, and "AWS_MAX_ATTEMPTS=many" would mean 12.
  const setting = configProvider().loadConfig<string>(
    {
      environmentVariableSelector: (env) => env.AWS_MAX_ATTEMPTS || undefined,
      configFileSelector: (p) => p.max_attempts || undefined,
      default: String(DEFAULT_MAX_ATTEMPTS),
    },
    { profile },
  );
  return async () => {
    const value = await setting();
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) {
      throw new ProviderError(
        `AWS_MAX_ATTEMPTS (or max_attempts in the AWS config file) must be a whole number of attempts, 1 or more; it is "${value}".`,
      );
    }
    return n;
  };
}

/** AWS_RETRY_MODE, else the profile's `retry_mode`, else standard. */
function retryModeSetting(profile: string | undefined): Provider<string> {
  return configProvider().loadConfig<string>(
    {
      environmentVariableSelector: (env) => env.AWS_RETRY_MODE || undefined,
      configFileSelector: (p) => p.retry_mode || undefined,
      default: DEFAULT_RETRY_MODE,
    },
    { profile },
  );
}

export const MAX_BACKOFF_ENV = "PULUMI_CUSTOMER_PROFILES_MAX_BACKOFF_MS";

/**
 * PULUMI_CUSTOMER_PROFILES_MAX_BACKOFF_MS: the longest wait before a retry, in ms (the SDK's is
 * 20 s). Against a local endpoint, as in tests, waits of a few ms exercise the same retries.
 */
export function maxBackoffSetting(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env[MAX_BACKOFF_ENV];
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new ProviderError(`${MAX_BACKOFF_ENV} must be a whole number of milliseconds, 0 or more; it is "${raw}".`);
  return n;
}

/** The SDK's full-jitter exponential backoff (a random wait up to base × 2^retry), capped at `maxMs`. */
function cappedBackoff(maxMs: number) {
  let base = 0;
  return {
    setDelayBase: (delay: number) => void (base = delay),
    computeNextBackoffDelay: (retries: number) => Math.floor(Math.random() * Math.min(base * 2 ** retries, maxMs)),
  };
}

/**
 * The SDK's standard strategy — its backoff, its reading of Retry-After, its classification of
 * what is retryable — with a fresh instance, and so a fresh quota, for every call.
 */
class StandardRetryPerCall implements RetryStrategyV2 {
  readonly mode = "standard";
  private readonly owner = new WeakMap<object, RetryStrategyV2>();

  constructor(private readonly maxAttempts: Provider<number>) {}

  async acquireInitialRetryToken(scope: string): Promise<StandardRetryToken> {
    const { StandardRetryStrategy } = utilRetry();
    const cap = maxBackoffSetting();
    const strategy =
      cap === undefined
        ? new StandardRetryStrategy(this.maxAttempts)
        : new StandardRetryStrategy({ maxAttempts: await this.maxAttempts(), backoff: cappedBackoff(cap) });
    return this.owned(await strategy.acquireInitialRetryToken(scope), strategy);
  }

  async refreshRetryTokenForRetry(token: StandardRetryToken, errorInfo: RetryErrorInfo): Promise<StandardRetryToken> {
    const strategy = this.owner.get(token)!;
    return this.owned((await strategy.refreshRetryTokenForRetry(token, errorInfo)) as StandardRetryToken, strategy);
  }

  recordSuccess(token: StandardRetryToken): void {
    this.owner.get(token)?.recordSuccess(token);
  }

  private owned(token: StandardRetryToken, strategy: RetryStrategyV2): StandardRetryToken {
    this.owner.set(token, strategy);
    return token;
  }
}

/** The retry strategy for one client: chosen on its first call, when the settings are read. */
export function retryStrategy(
  profile: string | undefined,
  maxAttempts: Provider<number>,
): RetryStrategyV2 & { readonly mode: string | undefined } {
  const mode = retryModeSetting(profile);
  let chosen: RetryStrategyV2 | undefined;
  let choosing: Promise<RetryStrategyV2> | undefined;
  // One choice per client even when its first calls start together: adaptive mode's rate
  // limiter only works if every call shares it.
  const choose = (): Promise<RetryStrategyV2> =>
    (choosing ??= mode().then(
      (m) => (chosen = m === "adaptive" ? new (utilRetry().AdaptiveRetryStrategy)(maxAttempts) : new StandardRetryPerCall(maxAttempts)),
    ));
  return {
    /** The mode in force once the first call has chosen it (the SDK reports it in its user agent). */
    get mode() {
      return chosen && "mode" in chosen ? String(chosen.mode) : undefined;
    },
    acquireInitialRetryToken: async (scope) => (await choose()).acquireInitialRetryToken(scope),
    refreshRetryTokenForRetry: async (token, errorInfo) => (await choose()).refreshRetryTokenForRetry(token, errorInfo),
    // A success follows an acquired token, so the strategy has been chosen by then.
    recordSuccess: (token) => chosen?.recordSuccess(token),
  };
}
