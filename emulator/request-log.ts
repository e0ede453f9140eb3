/**
 * The record of what the endpoint received, for tests to assert what the API saw. Bounded in
 * count and in bytes (the JSON size of the inputs kept), oldest dropped first, so a long-running
 * endpoint fed large requests keeps a bounded log. Inputs arrive already redacted (server.ts,
 * model/redact.ts): no secret is kept here to be served back.
 */
import type { RequestRecord } from "./types";

/** A long-running endpoint must not grow without bound; tests never come near these. */
const MAX_RECORDS = 50_000;
const MAX_LOG_BYTES = 64 * 1024 * 1024;

export class RequestLog {
  private records: RequestRecord[] = [];
  private sizes: number[] = [];
  private bytes = 0;
  private head = 0;

  constructor(
    private readonly maxRecords = MAX_RECORDS,
    private readonly maxBytes = MAX_LOG_BYTES,
  ) {}

  add(record: RequestRecord): void {
    // Dates become ISO strings so the in-process log and GET /_emulator/requests read the same.
    const text = record.input === undefined ? undefined : JSON.stringify(record.input);
    const size = 256 + (text?.length ?? 0);
    this.records.push({ ...record, input: text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>) });
    this.sizes.push(size);
    this.bytes += size;
    while (this.records.length - this.head > this.maxRecords || (this.bytes > this.maxBytes && this.records.length - this.head > 1)) {
      this.bytes -= this.sizes[this.head];
      this.head++;
    }
    // Compact now and then rather than shifting the array on every eviction.
    if (this.head > 1024 && this.head * 2 > this.records.length) {
      this.records = this.records.slice(this.head);
      this.sizes = this.sizes.slice(this.head);
      this.head = 0;
    }
  }

  list(): RequestRecord[] {
    return this.records.slice(this.head).map((r) => ({ ...r, input: r.input && structuredClone(r.input) }));
  }

  /** Bytes the kept inputs take, as counted against MAX_LOG_BYTES. */
  size(): number {
    return this.bytes;
  }

  clear(): void {
    this.records = [];
    this.sizes = [];
    this.bytes = 0;
    this.head = 0;
  }
}
