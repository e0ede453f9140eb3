/** The record of what the endpoint received, for tests to assert what the API saw. */
import type { RequestRecord } from "./types";

/** Dates become ISO strings so the in-process log and GET /_emulator/requests read the same. */
function jsonSafe(input: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  return input === undefined ? undefined : (JSON.parse(JSON.stringify(input)) as Record<string, unknown>);
}

/** A long-running endpoint must not grow without bound; tests never come near this. */
const MAX_RECORDS = 50_000;

export class RequestLog {
  private records: RequestRecord[] = [];

  add(record: RequestRecord): void {
    this.records.push({ ...record, input: jsonSafe(record.input) });
    if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS);
  }

  list(): RequestRecord[] {
    return this.records.map((r) => ({ ...r, input: r.input && structuredClone(r.input) }));
  }

  clear(): void {
    this.records = [];
  }
}
