/**
 * Errors a user can act on. Every AWS failure is rewritten to say which call failed, where,
 * and what to do about it. Messages are built from names and AWS's own message only, never
 * from request inputs; and AWS's message is scrubbed of the call's sensitive values (what the
 * model marks sensitive, e.g. a FlowDefinition) and of the credentials in the environment, so
 * neither can reach logs or state even when a service echoes them back.
 */
import { bound } from "../model/bounded";

/** A failure the provider explains itself; its message is shown to the user as is. */
export class ProviderError extends Error {
  /** The AWS error name behind it (ResourceNotFoundException, ThrottlingException…), if any. */
  readonly code?: string;
  /**
   * The call was a write whose effect is unknown: an attempt timed out, lost its connection or
   * got a 5xx after it may have been applied. Only reading the resource back can tell.
   */
  readonly outcomeUnknown: boolean;

  constructor(
    message: string,
    readonly cause?: unknown,
    details: { code?: string; outcomeUnknown?: boolean } = {},
  ) {
    super(message);
    this.name = "ProviderError";
    this.code = details.code;
    this.outcomeUnknown = details.outcomeUnknown ?? false;
  }
}

export interface CallContext {
  service: "Customer Profiles" | "AppFlow" | "STS";
  operation: string;
  region: string;
  domainName?: string;
  uri?: string;
  /** Object types a PutIntegration names: a missing one is the usual reason it is refused. */
  objectTypes?: string[];
  /** Values from the request that must never appear in a message, even if AWS echoes them. */
  sensitive?: string[];
  /** The endpoint the provider's config set for the service, which the call went to. */
  endpoint?: string;
}

/**
 * Each service's IAM action prefix, which is also its endpoint host prefix: the models give the
 * same name as `signingName` and `endpointPrefix` (profile, appflow, sts; model/generated/*.ts).
 */
const IAM_PREFIX: Record<CallContext["service"], string> = {
  "Customer Profiles": "profile",
  AppFlow: "appflow",
  STS: "sts",
};

const ENDPOINT_ENV: Record<CallContext["service"], string> = {
  "Customer Profiles": "AWS_ENDPOINT_URL_CUSTOMER_PROFILES",
  AppFlow: "AWS_ENDPOINT_URL_APPFLOW",
  STS: "AWS_ENDPOINT_URL_STS",
};

export function endpointOf(ctx: Pick<CallContext, "service" | "region" | "endpoint">): string {
  return (
    ctx.endpoint ||
    process.env[ENDPOINT_ENV[ctx.service]] ||
    process.env.AWS_ENDPOINT_URL ||
    `https://${IAM_PREFIX[ctx.service]}.${ctx.region}.amazonaws.com`
  );
}

const CREDENTIAL_ERRORS = new Set([
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "InvalidClientTokenId",
  "SignatureDoesNotMatch",
  "ExpiredToken",
  "ExpiredTokenException",
  "MissingAuthenticationTokenException",
  "MissingAuthenticationToken",
  "IncompleteSignature",
  "CredentialsProviderError",
]);

/** The endpoint did not answer in time, or at all. */
const NETWORK_ERRORS = new Set([
  "TimeoutError",
  "RequestTimeout",
  "AbortError",
  "CallDeadlineExceeded",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/**
 * Failures after which a write may have been applied: the request may have reached the service
 * before the answer was lost. A refused connection or an unknown host never sent anything.
 */
const MAYBE_APPLIED = new Set(["TimeoutError", "RequestTimeout", "AbortError", "CallDeadlineExceeded", "ECONNRESET", "ETIMEDOUT", "EPIPE"]);

export function errorName(err: unknown): string {
  const e = err as { name?: string; code?: string; Code?: string };
  return e?.name && e.name !== "Error" ? e.name : (e?.code ?? e?.Code ?? "Error");
}

function errorCode(err: unknown): string {
  return (err as { code?: string })?.code ?? "";
}

export function isNotFound(err: unknown): boolean {
  return errorName(err) === "ResourceNotFoundException" || (err instanceof ProviderError && err.code === "ResourceNotFoundException");
}

function metadata(err: unknown): { attempts?: number; httpStatusCode?: number } {
  return (err as { $metadata?: { attempts?: number; httpStatusCode?: number } })?.$metadata ?? {};
}

/**
 * Whether a failed write may nevertheless have been applied. An earlier attempt is as suspect
 * as the last: a call retried after a timeout and then throttled reports only the throttling.
 */
export function mayHaveBeenApplied(err: unknown): boolean {
  if (err instanceof ProviderError) return err.outcomeUnknown;
  const { attempts, httpStatusCode } = metadata(err);
  return (
    MAYBE_APPLIED.has(errorName(err)) ||
    MAYBE_APPLIED.has(errorCode(err)) ||
    (httpStatusCode !== undefined && httpStatusCode >= 500) ||
    (attempts ?? 1) > 1
  );
}

const REDACTED = "(redacted)";

/** Secrets the process holds that no message may repeat, whoever echoes them. */
function credentialValues(): string[] {
  return [process.env.AWS_SECRET_ACCESS_KEY, process.env.AWS_SESSION_TOKEN].filter((v): v is string => !!v && v.length >= 8);
}

/**
 * A secret as it may appear in a message: as is, percent-encoded (a URL or query string echoed
 * back: a session token's `/`, `+` and `=` become %2F, %2B, %3D), form-encoded (`+` for space),
 * and with either case of hex digits.
 */
function spellings(v: string): string[] {
  const encoded = encodeURIComponent(v);
  const lower = encoded.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());
  const form = new URLSearchParams({ v }).toString().slice(2);
  return [...new Set([v, encoded, lower, form, form.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())])];
}

function scrub(text: string, values: string[]): string {
  // Longest first, so a value that contains another is replaced whole.
  for (const v of [...new Set(values.filter(Boolean).flatMap(spellings))].sort((a, b) => b.length - a.length)) {
    text = text.split(v).join(REDACTED);
  }
  return text;
}

function awsMessage(err: unknown, ctx: CallContext): string {
  const m = scrub((err as { message?: string })?.message ?? String(err), [...(ctx.sensitive ?? []), ...credentialValues()]);
  return m.length > 500 ? `${m.slice(0, 500)}…` : m;
}

function subjectOf(ctx: CallContext): string {
  if (!ctx.domainName) return "";
  const types = ctx.objectTypes?.length
    ? ` (object type${ctx.objectTypes.length > 1 ? "s" : ""} ${ctx.objectTypes.map((t) => `"${t}"`).join(", ")})`
    : "";
  return ` for domain "${ctx.domainName}"${types}${ctx.uri ? ` and integration "${ctx.uri}"` : ""}`;
}

function networkMessage(err: unknown, ctx: CallContext, where: string, subject: string): string {
  const name = errorName(err);
  const { attempts } = metadata(err);
  const settings =
    `How long each attempt may take is set with PULUMI_CUSTOMER_PROFILES_CONNECT_TIMEOUT_MS and ` +
    `PULUMI_CUSTOMER_PROFILES_REQUEST_TIMEOUT_MS, how many attempts with AWS_MAX_ATTEMPTS.`;
  if (name === "CallDeadlineExceeded") {
    return (
      `No answer from ${endpointOf(ctx)} for ${where}${subject} (${(err as Error).message}). Either the endpoint ` +
      `did not answer, or the credentials could not be resolved (a credential_process or SSO login that does not ` +
      `finish). ${settings}`
    );
  }
  const code = errorCode(err) && errorCode(err) !== name ? ` ${errorCode(err)}` : "";
  const tries = attempts ? ` after ${attempts} attempt${attempts > 1 ? "s" : ""}` : "";
  return `No answer from ${endpointOf(ctx)} for ${where}${subject} (${name}${code}${tries}). Check the endpoint and the network. ${settings}`;
}

/** Rewrite an AWS SDK failure as an error that names the call and says how to fix it. */
export function explain(err: unknown, ctx: CallContext): ProviderError {
  if (err instanceof ProviderError) return err;
  const name = errorName(err);
  const where = `${ctx.service} ${ctx.operation} in ${ctx.region}`;
  const subject = subjectOf(ctx);
  const { attempts } = metadata(err);
  let message: string;
  if (name === "AccessDeniedException" || name === "AccessDenied") {
    message =
      `Access denied: ${where}${subject} was refused. The credentials in use need the IAM permission ` +
      `"${IAM_PREFIX[ctx.service]}:${ctx.operation}" on this resource. AWS said: ${awsMessage(err, ctx)}`;
  } else if (CREDENTIAL_ERRORS.has(name)) {
    message =
      `The AWS credentials were rejected by ${where} (${name}). Check AWS_ACCESS_KEY_ID / ` +
      `AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN or the profile (\`pulumi config set aws:profile <name>\`, ` +
      `AWS_PROFILE), and that they are not expired; \`aws sts get-caller-identity\` shows who they are.`;
  } else if (NETWORK_ERRORS.has(name) || NETWORK_ERRORS.has(errorCode(err))) {
    message = networkMessage(err, ctx, where, subject);
  } else if (name === "ThrottlingException" || name === "TooManyRequestsException" || name === "Throttling") {
    message =
      `${where}${subject} was still throttled after ${attempts ?? "several"} attempts. Retry the update, ` +
      `lower \`pulumi up --parallel\`, or raise AWS_MAX_ATTEMPTS.`;
  } else if (name === "ResourceNotFoundException") {
    message = `Not found: ${where}${subject}. AWS said: ${awsMessage(err, ctx)}`;
  } else {
    message = `${where}${subject} failed (${name}): ${awsMessage(err, ctx)}`;
  }
  // The SDK's error is not kept as the cause: its message is AWS's, unscrubbed, and Node prints
  // an error's cause with it. Names in the message (a 10 KB uri) are the user's: the whole is bounded.
  return new ProviderError(bound(message), undefined, { code: name, outcomeUnknown: mayHaveBeenApplied(err) });
}
