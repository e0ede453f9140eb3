/**
 * Errors a user can act on. Every AWS failure is rewritten to say which call failed, where,
 * and what to do about it. Messages are built from names and AWS's own message only: never
 * from request inputs, so a credential or a FlowDefinition cannot leak into logs or state.
 */

/** A failure the provider explains itself; its message is shown to the user as is. */
export class ProviderError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
    this.name = "ProviderError";
  }
}

export interface CallContext {
  service: "Customer Profiles" | "AppFlow" | "STS";
  operation: string;
  region: string;
  domainName?: string;
  uri?: string;
}

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

const HOST_PREFIX: Record<CallContext["service"], string> = {
  "Customer Profiles": "profile",
  AppFlow: "appflow",
  STS: "sts",
};

export function endpointOf(ctx: Pick<CallContext, "service" | "region">): string {
  return (
    process.env[ENDPOINT_ENV[ctx.service]] ||
    process.env.AWS_ENDPOINT_URL ||
    `https://${HOST_PREFIX[ctx.service]}.${ctx.region}.amazonaws.com`
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

const NETWORK_ERRORS = new Set(["TimeoutError", "RequestTimeout", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);

export function errorName(err: unknown): string {
  const e = err as { name?: string; code?: string; Code?: string };
  return e?.name && e.name !== "Error" ? e.name : e?.code ?? e?.Code ?? "Error";
}

export function isNotFound(err: unknown): boolean {
  return errorName(err) === "ResourceNotFoundException";
}

function awsMessage(err: unknown): string {
  const m = (err as { message?: string })?.message ?? String(err);
  return m.length > 500 ? `${m.slice(0, 500)}…` : m;
}

/** Rewrite an AWS SDK failure as an error that names the call and says how to fix it. */
export function explain(err: unknown, ctx: CallContext): ProviderError {
  if (err instanceof ProviderError) return err;
  const name = errorName(err);
  const where = `${ctx.service} ${ctx.operation} in ${ctx.region}`;
  const subject = ctx.domainName
    ? ` for domain "${ctx.domainName}"${ctx.uri ? ` and integration "${ctx.uri}"` : ""}`
    : "";
  const attempts = (err as { $metadata?: { attempts?: number } })?.$metadata?.attempts;
  let message: string;
  if (name === "AccessDeniedException" || name === "AccessDenied") {
    message =
      `Access denied: ${where}${subject} was refused. The credentials in use need the IAM permission ` +
      `"${IAM_PREFIX[ctx.service]}:${ctx.operation}" on this resource. AWS said: ${awsMessage(err)}`;
  } else if (CREDENTIAL_ERRORS.has(name)) {
    message =
      `The AWS credentials were rejected by ${where} (${name}). Check AWS_ACCESS_KEY_ID / ` +
      `AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN or the profile (\`pulumi config set aws:profile <name>\`, ` +
      `AWS_PROFILE), and that they are not expired; \`aws sts get-caller-identity\` shows who they are.`;
  } else if (NETWORK_ERRORS.has(name) || NETWORK_ERRORS.has((err as { code?: string })?.code ?? "")) {
    message =
      `No answer from ${endpointOf(ctx)} for ${where}${subject} (${name}${attempts ? ` after ${attempts} attempts` : ""}). ` +
      `Check the endpoint and network; timeouts are set with PULUMI_CUSTOMER_PROFILES_CONNECT_TIMEOUT_MS and ` +
      `PULUMI_CUSTOMER_PROFILES_REQUEST_TIMEOUT_MS.`;
  } else if (name === "ThrottlingException" || name === "TooManyRequestsException") {
    message =
      `${where}${subject} was still throttled after ${attempts ?? "several"} attempts. Retry the update, ` +
      `lower \`pulumi up --parallel\`, or raise AWS_MAX_ATTEMPTS.`;
  } else if (name === "ResourceNotFoundException") {
    message = `Not found: ${where}${subject}. AWS said: ${awsMessage(err)}`;
  } else {
    message = `${where}${subject} failed (${name}): ${awsMessage(err)}`;
  }
  return new ProviderError(message, err);
}

/** Run one AWS call, turning its failure into an actionable ProviderError. */
export async function call<T>(ctx: CallContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw explain(err, ctx);
  }
}
