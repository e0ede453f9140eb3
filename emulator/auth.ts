/**
 * SigV4 verification: the signature a request carries is recomputed with @smithy/signature-v4 over
 * what actually arrived (method, path as sent, query, the signed headers, the body's hash), scoped
 * to the region and service the client named, and compared in constant time. Every AWS client
 * this endpoint must accept (SDK v3, botocore in CLI v1 and v2) URI-encodes the already-encoded
 * REST path once more before signing, which is the signer's `uriEscapePath: true`.
 */
import { timingSafeEqual } from "node:crypto";
import { Sha256 } from "@aws-crypto/sha256-js";
import {
  ALGORITHM_IDENTIFIER,
  createScope,
  getCanonicalHeaders,
  getSigningKey,
  SignatureV4Base,
  type SignatureV4,
} from "@smithy/signature-v4";
import { ServiceError } from "./errors";
import { REGION_NAME as REGION } from "../model/arn";
import type { WireRequest } from "./protocol/wire";

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** What the Authorization header claims: who signed, for which region and service, over which headers. */
export interface SigningScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

export type AuthFailure =
  | { kind: "missing" }
  | { kind: "incomplete"; detail: string }
  | { kind: "unknown-key" }
  | { kind: "mismatch" }
  | { kind: "skew"; detail: string }
  | { kind: "scope"; detail: string };

type SignableRequest = Parameters<SignatureV4["sign"]>[0];

const ALGORITHM = ALGORITHM_IDENTIFIER;

/**
 * How far a request's X-Amz-Date may be from the endpoint's clock, per SigV4 signing name. AWS
 * documents no figure; these are read from the messages AWS returns, which state the window
 * ("(<now> - 15 min.)"). The message text is the same in every family; the error code and body
 * follow the protocol (see authError).
 */
const CLOCK_SKEW_MINUTES: ReadonlyMap<string, number> = new Map([
  // STS: 15 minutes. aws/aws-cli#6676 (https://github.com/aws/aws-cli/issues/6676), GetCallerIdentity:
  // "SignatureDoesNotMatch ... Signature expired: 20220127T001427Z is now earlier than 20220127T014428Z
  // (20220127T015928Z - 15 min.)"; the other side, "Signature not yet current: ... is still later
  // than ... (... + 15 min.)", is quoted for sts:GetCallerIdentity in QT-DevOps/DevOpsIssues#989.
  ["sts", 15],
  // Customer Profiles and AppFlow: 5 minutes. No public report quotes either service's skew message
  // (searched: "Signature expired" with profile / appflow / customer-profiles). Both are REST-JSON
  // services whose front door answers in API Gateway's form (x-amzn-ErrorType header, body
  // {"message": ...}), and a REST-JSON service behind API Gateway allows 5 minutes:
  // aws/aws-cli#6833 (https://github.com/aws/aws-cli/issues/6833, Amplify, x-amz-apigw-id in the
  // answer): {"message":"Signature expired: 20220331T094828Z is now earlier than 20220331T095852Z
  // (20220331T100352Z - 5 min.)"}. An inference, so `PCPI_VERIFY_AWS=1 npm run test:aws` runs the
  // skew specs against AWS (tests/integration/emulator/verified.test.ts) to confirm or refute it.
  ["profile", 5],
  ["appflow", 5],
]);
/** For a signing name the table does not list: the common API Gateway window above. */
const DEFAULT_SKEW_MINUTES = 5;

function clockSkewMinutes(signingName: string): number {
  return CLOCK_SKEW_MINUTES.get(signingName) ?? DEFAULT_SKEW_MINUTES;
}
const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
const CONTENT_SHA256 = "x-amz-content-sha256";

export function readSigningScope(headers: Record<string, string>): SigningScope | AuthFailure {
  const header = headers["authorization"];
  if (!header) return { kind: "missing" };
  if (!header.startsWith(`${ALGORITHM} `)) {
    return { kind: "incomplete", detail: `Authorization header requires the '${ALGORITHM}' algorithm.` };
  }
  const params: Record<string, string> = {};
  for (const part of header.slice(ALGORITHM.length + 1).split(",")) {
    const i = part.indexOf("=");
    if (i > 0) params[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  const missing = ["Credential", "SignedHeaders", "Signature"].filter((p) => !params[p]);
  if (missing.length > 0) {
    return {
      kind: "incomplete",
      detail: missing.map((p) => `Authorization header requires '${p}' parameter.`).join(" ") + ` Authorization=${header}`,
    };
  }
  const scope = params.Credential.split("/");
  if (scope.length !== 5 || scope[4] !== "aws4_request") {
    return {
      kind: "incomplete",
      detail: `Credential should be scoped to a valid region, service and terminated by 'aws4_request'. Credential=${params.Credential}`,
    };
  }
  return {
    accessKeyId: scope[0],
    date: scope[1],
    region: scope[2],
    service: scope[3],
    signedHeaders: params.SignedHeaders.split(";").map((h) => h.trim().toLowerCase()),
    signature: params.Signature,
  };
}

export function isAuthFailure(v: SigningScope | AuthFailure): v is AuthFailure {
  return "kind" in v;
}

function parseAmzDate(s: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : undefined;
}

function formatAmzDate(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

/**
 * Recomputes a received request's signature with the signer's own canonicalisation (path double
 * escaping, query and header canonical forms, string to sign). The derived signing key depends only
 * on (day, region, service) for our one key pair, so it is derived once per scope and kept.
 */
class ReceivedRequestSigner extends SignatureV4Base {
  private readonly signingKeys = new Map<string, Promise<Uint8Array>>();

  constructor(private readonly credentials: Credentials) {
    super({ credentials, region: "", service: "", sha256: Sha256, uriEscapePath: true, applyChecksum: false });
  }

  private signingKey(shortDate: string, region: string, service: string): Promise<Uint8Array> {
    const key = `${shortDate}/${region}/${service}`;
    let derived = this.signingKeys.get(key);
    if (!derived) {
      if (this.signingKeys.size > 64) this.signingKeys.clear();
      derived = getSigningKey(Sha256, this.credentials, shortDate, region, service);
      this.signingKeys.set(key, derived);
    }
    return derived;
  }

  async signatureOf(request: SignableRequest, scope: SigningScope, longDate: string, payloadHash: string): Promise<string> {
    // Every header the client listed is canonical here, even those the SDK signer would never sign itself.
    const canonicalHeaders = getCanonicalHeaders(request, undefined, new Set(scope.signedHeaders));
    const canonicalRequest = this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
    const stringToSign = await this.createStringToSign(
      longDate,
      createScope(scope.date, scope.region, scope.service),
      canonicalRequest,
      ALGORITHM_IDENTIFIER,
    );
    const hmac = new Sha256(await this.signingKey(scope.date, scope.region, scope.service));
    hmac.update(Buffer.from(stringToSign, "utf8"));
    return toHex(await hmac.digest());
  }
}

export class SignatureVerifier {
  private readonly signer: ReceivedRequestSigner;

  constructor(
    private readonly credentials: Credentials,
    private readonly region: string,
  ) {
    this.signer = new ReceivedRequestSigner(credentials);
  }

  /** Checks in the order AWS reports them: key, scope, clock, then the signature itself. */
  async verify(req: WireRequest, scope: SigningScope, expectedService: string, now = new Date()): Promise<AuthFailure | undefined> {
    if (scope.accessKeyId !== this.credentials.accessKeyId) return { kind: "unknown-key" };
    // Every region is served, each with its own state (services/index.ts Backends); a scope that
    // names no region of AWS's form is refused as AWS refuses it.
    if (scope.region !== this.region && !REGION.test(scope.region)) {
      // AWS names the region it was given: "Credential should be scoped to a valid region, not
      // 'eu-west-1'. " as a REST-JSON front door's {"message"} (joona/aws-es-curl#15,
      // https://github.com/joona/aws-es-curl/issues/15, trailing space included), and "... not
      // 'us-west-1'." from STS (aws/aws-sdk-net#73) and other query/XML services (aws/aws-sdk-php#732,
      // aws/aws-sdk-ruby#508). authError trims the trailing space for the query protocol.
      return { kind: "scope", detail: `Credential should be scoped to a valid region, not '${scope.region}'. ` };
    }
    if (scope.service !== expectedService) {
      return { kind: "scope", detail: `Credential should be scoped to correct service: '${expectedService}'. ` };
    }
    const amzDate = req.headers["x-amz-date"];
    const signedAt = amzDate ? parseAmzDate(amzDate) : undefined;
    if (!amzDate || !signedAt || !scope.signedHeaders.includes("x-amz-date")) {
      return {
        kind: "incomplete",
        detail: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
      };
    }
    if (amzDate.slice(0, 8) !== scope.date) {
      return {
        kind: "scope",
        detail: `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scope.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
      };
    }
    const minutes = clockSkewMinutes(expectedService);
    const window = minutes * 60 * 1000;
    const skew = signedAt.getTime() - now.getTime();
    if (skew < -window) {
      return {
        kind: "skew",
        detail: `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(new Date(now.getTime() - window))} (${formatAmzDate(now)} - ${minutes} min.)`,
      };
    }
    if (skew > window) {
      return {
        kind: "skew",
        detail: `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(new Date(now.getTime() + window))} (${formatAmzDate(now)} + ${minutes} min.)`,
      };
    }

    const bodyHash = await this.hashBody(req.body);
    const claimedHash = req.headers[CONTENT_SHA256];
    // The signature covers the claimed hash, not the body; a body that does not match it was altered.
    if (claimedHash !== undefined && claimedHash !== UNSIGNED_PAYLOAD && claimedHash !== bodyHash) return { kind: "mismatch" };

    const headers: Record<string, string> = {};
    for (const name of scope.signedHeaders) {
      if (req.headers[name] !== undefined) headers[name] = req.headers[name];
    }
    const query: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(req.query)) query[k] = v.length === 1 ? v[0] : v;
    const request = { method: req.method, protocol: "http:", hostname: "", path: req.rawPath, query, headers } as SignableRequest;

    const expected = Buffer.from(await this.signer.signatureOf(request, scope, amzDate, claimedHash ?? bodyHash));
    const given = Buffer.from(scope.signature);
    return expected.length === given.length && timingSafeEqual(expected, given) ? undefined : { kind: "mismatch" };
  }

  private async hashBody(body: Buffer): Promise<string> {
    const h = new Sha256();
    h.update(body);
    return toHex(await h.digest());
  }
}

const SIGNATURE_MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
const INVALID_TOKEN = "The security token included in the request is invalid.";

/** The same failure under the names each protocol family's front door uses. */
export function authError(failure: AuthFailure, protocol: "rest-json" | "query"): ServiceError {
  const rest = protocol === "rest-json";
  switch (failure.kind) {
    case "missing":
      return rest
        ? new ServiceError("MissingAuthenticationTokenException", "Missing Authentication Token", 403)
        : new ServiceError("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
    case "incomplete":
      return rest
        ? new ServiceError("IncompleteSignatureException", failure.detail, 403)
        : new ServiceError("IncompleteSignature", failure.detail, 400);
    case "unknown-key":
      return new ServiceError(rest ? "UnrecognizedClientException" : "InvalidClientTokenId", INVALID_TOKEN, 403);
    case "mismatch":
      return new ServiceError(rest ? "InvalidSignatureException" : "SignatureDoesNotMatch", SIGNATURE_MISMATCH, 403);
    case "skew":
    case "scope":
      return new ServiceError(
        rest ? "InvalidSignatureException" : "SignatureDoesNotMatch",
        rest ? failure.detail : failure.detail.trimEnd(),
        403,
      );
  }
}
