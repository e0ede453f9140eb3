/** A stand-in for AppFlow DescribeConnectorProfiles that records every question it is asked. */
import type { ConnectorProfileSource, ProfileScope } from "../../../provider/validation/connector-profile-catalog";
import { setWarningSink } from "../../../provider/testing";

export interface RecordingSource extends ConnectorProfileSource {
  calls: { op: "describe" | "namesOfType"; region: string; names?: string[]; connectorType?: string }[];
  /** Resolves once `n` calls have been made. */
  called(n: number): Promise<void>;
}

/** `profiles` maps name → connector type per region ("*" for every region); `fail` makes every call throw it. */
export function recordingSource(
  profiles: Record<string, string>,
  options: { fail?: () => unknown; hang?: boolean; regions?: Record<string, Record<string, string>> } = {},
): RecordingSource {
  const inRegion = (scope: ProfileScope) => options.regions?.[scope.region] ?? profiles;
  const calls: RecordingSource["calls"] = [];
  const waiting: { n: number; resolve: () => void }[] = [];
  const record = (call: RecordingSource["calls"][number]) => {
    calls.push(call);
    for (const w of waiting.filter((w) => calls.length >= w.n)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  };
  const answer = <T>(value: () => T, signal: AbortSignal): Promise<T> => {
    if (options.fail) return Promise.reject(options.fail());
    if (options.hang) return new Promise<T>((_, reject) => signal.addEventListener("abort", () => reject(new Error("aborted"))));
    return new Promise((resolve) => setImmediate(() => resolve(value())));
  };
  return {
    calls,
    called: (n) => (calls.length >= n ? Promise.resolve() : new Promise((resolve) => waiting.push({ n, resolve }))),
    describe(names, scope, signal) {
      record({ op: "describe", region: scope.region, names: [...names] });
      const known = inRegion(scope);
      return answer(() => names.filter((n) => n in known).map((n) => ({ connectorProfileName: n, connectorType: known[n] })), signal);
    },
    namesOfType(connectorType, scope, signal) {
      record({ op: "namesOfType", region: scope.region, connectorType });
      const known = inRegion(scope);
      return answer(() => Object.keys(known).filter((n) => known[n] === connectorType), signal);
    },
  };
}

export function accessDenied(): Error {
  const e = new Error("User: arn:aws:iam::123456789012:user/ci is not authorized to perform: appflow:DescribeConnectorProfiles");
  e.name = "AccessDeniedException";
  return e;
}

/** The warnings check writes to stderr, collected afresh for each test of the calling suite. */
export function captureWarnings(): string[] {
  const lines: string[] = [];
  let restore: (() => void) | undefined;
  beforeEach(() => {
    lines.length = 0;
    restore = setWarningSink((l) => lines.push(l));
  });
  afterEach(() => restore?.());
  return lines;
}
