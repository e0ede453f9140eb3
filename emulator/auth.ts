/**
 * SigV4 verification: the signature a request carries is recomputed with @smithy/signature-v4 over
 * what actually arrived (method, path as sent, query, the signed headers, the body's hash), scoped
 * to the region and service the client named, and compared in constant time. Every AWS client
 * this endpoint must accept (SDK v3, botocore in CLI v1 and v2) URI-encodes the already-encoded
 * REST path once more before signing, which is the signer's `uriEscapePath: true`.
 */
import { timingSafeEqual } from "node:crypto";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { ServiceError } from "./errors";
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

const ALGORITHM = "AWS4-HMAC-SHA256";
const MAX_SKEW_MS = 5 * 60 * 1000;
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
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

export class SignatureVerifier {
  /** One signer per (region, service); each caches its derived signing keys per day. */
  private readonly signers = new Map<string, SignatureV4>();

  constructor(
    private readonly credentials: Credentials,
    private readonly region: string,
  ) {}

  private signer(region: string, service: string): SignatureV4 {
    const key = `${region}/${service}`;
    let s = this.signers.get(key);
    if (!s) {
      s = new SignatureV4({
        credentials: this.credentials,
        region,
        service,
        sha256: Sha256,
        uriEscapePath: true,
        // Never add a header the client did not sign.
        applyChecksum: false,
      });
      this.signers.set(key, s);
    }
    return s;
  }

  /** Checks in the order AWS reports them: key, scope, clock, then the signature itself. */
  async verify(req: WireRequest, scope: SigningScope, expectedService: string, now = new Date()): Promise<AuthFailure | undefined> {
    if (scope.accessKeyId !== this.credentials.accessKeyId) return { kind: "unknown-key" };
    if (scope.region !== this.region) {
      return { kind: "scope", detail: "Credential should be scoped to a valid region. " };
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
    const skew = signedAt.getTime() - now.getTime();
    if (skew < -MAX_SKEW_MS) {
      return {
        kind: "skew",
        detail: `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(new Date(now.getTime() - MAX_SKEW_MS))} (${formatAmzDate(now)} - 5 min.)`,
      };
    }
    if (skew > MAX_SKEW_MS) {
      return {
        kind: "skew",
        detail: `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(new Date(now.getTime() + MAX_SKEW_MS))} (${formatAmzDate(now)} + 5 min.)`,
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
    const unsignableHeaders = new Set<string>();
    if (headers[CONTENT_SHA256] === undefined) {
      // Hand the signer the hash we computed instead of letting it hash the body again.
      headers[CONTENT_SHA256] = bodyHash;
      unsignableHeaders.add(CONTENT_SHA256);
    }
    const query: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(req.query)) query[k] = v.length === 1 ? v[0] : v;

    const signed = await this.signer(scope.region, scope.service).sign(
      { method: req.method, protocol: "http:", hostname: "", path: req.rawPath, query, headers } as SignableRequest,
      {
        signingDate: signedAt,
        signingRegion: scope.region,
        signingService: scope.service,
        signableHeaders: new Set(scope.signedHeaders),
        unsignableHeaders,
      },
    );
    const expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers["authorization"]))![1];
    const a = Buffer.from(expected);
    const b = Buffer.from(scope.signature);
    return a.length === b.length && timingSafeEqual(a, b) ? undefined : { kind: "mismatch" };
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
      return new ServiceError(rest ? "InvalidSignatureException" : "SignatureDoesNotMatch", failure.detail, 403);
  }
}
