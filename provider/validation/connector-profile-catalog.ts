/**
 * What AppFlow says about connector profiles, asked as seldom as possible. Pulumi checks many
 * resources at once and they share a few profiles, so lookups are coalesced and remembered per
 * region (and AWS profile) for the life of the provider process:
 * - names asked for within a short window become one DescribeConnectorProfiles call (≤100 names);
 * - a name is fetched once: later lookups, in flight or after, share that answer, "not found"
 *   and "could not tell" included, so a preview of an unchanged stack asks nothing again;
 * - every call has a deadline, so an endpoint that never answers delays check, never hangs it.
 */
import type { Endpoints } from "../config";
import { withDeadline } from "../send";

export interface ConnectorProfileInfo {
  connectorProfileName: string;
  connectorType: string;
}

/** Where the integration's AppFlow calls go. */
export interface ProfileScope {
  region: string;
  /** The shared-config profile of the credentials (stack config aws:profile). */
  profile?: string;
  /** The AppFlow endpoint, when it is not AWS's own: a different endpoint holds different profiles. */
  endpoint?: string;
  /** Endpoint overrides from the provider's config, for the client that asks. */
  endpoints?: Endpoints;
}

/** The two questions the catalog asks AppFlow; the real answers come from DescribeConnectorProfiles. */
export interface ConnectorProfileSource {
  /** Those of `names` (at most 100) that exist, with their connector types. */
  describe(names: string[], scope: ProfileScope, signal: AbortSignal): Promise<ConnectorProfileInfo[]>;
  /** The names of the profiles of one connector type. */
  namesOfType(connectorType: string, scope: ProfileScope, signal: AbortSignal): Promise<string[]>;
}

export type ProfileLookup = { status: "found"; connectorType: string } | { status: "missing" } | { status: "unverified"; error: unknown };

export type TypeListing = { status: "listed"; names: string[] } | { status: "unverified"; error: unknown };

export interface CatalogOptions {
  /** How long names are collected before one call asks for all of them. */
  windowMs?: number;
  /** The most names one DescribeConnectorProfiles call takes (the API's limit is 100). */
  batchSize?: number;
  /** How long one question may take, retries included, before the cross-check gives up on it. */
  timeoutMs?: number;
}

export class DeadlineExceeded extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms / 1000}s`);
    this.name = "DeadlineExceeded";
  }
}

interface ScopeState {
  lookups: Map<string, Promise<ProfileLookup>>;
  waiting: Map<string, (l: ProfileLookup) => void>;
  timer?: ReturnType<typeof setTimeout>;
  listings: Map<string, Promise<TypeListing>>;
}

export class ConnectorProfileCatalog {
  private readonly scopes = new Map<string, ScopeState>();
  private readonly windowMs: number;
  private readonly batchSize: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly source: ConnectorProfileSource,
    options: CatalogOptions = {},
  ) {
    this.windowMs = options.windowMs ?? 10;
    this.batchSize = Math.min(options.batchSize ?? 100, 100);
    this.timeoutMs = options.timeoutMs ?? 20_000;
  }

  lookup(name: string, scope: ProfileScope): Promise<ProfileLookup> {
    const st = this.state(scope);
    let answer = st.lookups.get(name);
    if (!answer) {
      answer = new Promise<ProfileLookup>((resolve) => st.waiting.set(name, resolve));
      st.lookups.set(name, answer);
      st.timer ??= setTimeout(() => this.flush(scope, st), this.windowMs);
    }
    return answer;
  }

  namesOfType(connectorType: string, scope: ProfileScope): Promise<TypeListing> {
    const st = this.state(scope);
    let listing = st.listings.get(connectorType);
    if (!listing) {
      listing = this.withDeadline((signal) => this.source.namesOfType(connectorType, scope, signal)).then(
        (names): TypeListing => ({ status: "listed", names }),
        (error): TypeListing => ({ status: "unverified", error }),
      );
      st.listings.set(connectorType, listing);
    }
    return listing;
  }

  private state(scope: ProfileScope): ScopeState {
    const key = `${scope.region}\u0000${scope.profile ?? ""}\u0000${scope.endpoint ?? ""}`;
    let st = this.scopes.get(key);
    if (!st) {
      st = { lookups: new Map(), waiting: new Map(), listings: new Map() };
      this.scopes.set(key, st);
    }
    return st;
  }

  private flush(scope: ProfileScope, st: ScopeState): void {
    st.timer = undefined;
    const batch = [...st.waiting];
    st.waiting.clear();
    for (let i = 0; i < batch.length; i += this.batchSize) {
      void this.answer(batch.slice(i, i + this.batchSize), scope);
    }
  }

  private async answer(batch: [string, (l: ProfileLookup) => void][], scope: ProfileScope): Promise<void> {
    const names = batch.map(([n]) => n);
    try {
      const found = await this.withDeadline((signal) => this.source.describe(names, scope, signal));
      const typeOf = new Map(found.map((p) => [p.connectorProfileName, p.connectorType]));
      for (const [name, resolve] of batch) {
        const connectorType = typeOf.get(name);
        resolve(connectorType === undefined ? { status: "missing" } : { status: "found", connectorType });
      }
    } catch (error) {
      for (const [, resolve] of batch) resolve({ status: "unverified", error });
    }
  }

  private withDeadline<T>(ask: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return withDeadline(this.timeoutMs, () => new DeadlineExceeded(this.timeoutMs), ask);
  }
}
