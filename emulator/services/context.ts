/** What every service's state model knows about the account it plays. */
export interface AccountContext {
  region: string;
  accountId: string;
  /** The identity requests are made as (STS GetCallerIdentity's Arn). */
  callerArn: string;
}

/**
 * What a request was accepted despite: an input no published source shows AWS refusing, which the
 * endpoint therefore accepts (no evidence of a refusal means no refusal) and records here, so the
 * request log shows it (RequestRecord.notes) and tests can still see the choice being made.
 */
export class Notes {
  private pending: string[] = [];

  add(note: string): void {
    this.pending.push(note);
  }

  /** The notes of the request just run, emptied for the next one. */
  take(): string[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}

/**
 * A timestamp for an update that is strictly later than the previous one, so "LastUpdatedAt moved"
 * holds even when two writes land in the same millisecond.
 */
export function updatedAfter(previous: Date | undefined): Date {
  const now = Date.now();
  return new Date(previous && previous.getTime() >= now ? previous.getTime() + 1 : now);
}

/** A service's operations, each taking the parsed input (model member names) and returning the output. */
export type OperationTable = Record<string, (input: Record<string, unknown>) => Record<string, unknown> | undefined>;

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/** An SDK request type once the model's `required` list has been enforced: required members are present. */
export type Validated<T> = Omit<T, RequiredKeys<T>> & { [K in RequiredKeys<T>]: NonNullable<T[K]> };

/**
 * Binds a handler written against the SDK's request type. The server validates every input against
 * the model before a handler runs, so required members are present and typed as the model says.
 */
export function handler<I>(fn: (input: Validated<I>) => object | void): OperationTable[string] {
  return (input) => (fn(input as unknown as Validated<I>) ?? {}) as Record<string, unknown>;
}
