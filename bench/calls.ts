/**
 * API calls per operation, counted by the local endpoint while the real engine runs a small
 * program: preview, then the operation itself (`up --skip-preview`, `refresh`, `destroy`), so a
 * user's `pulumi up` costs the two added. A call that names one of the program's integrations
 * (by URI, ARN or flow name) is that resource's; one that names none is made once per provider
 * process (STS's account lookup, AppFlow's batched connector-profile check). With several
 * integrations in the program, every one of them must show the same calls, or the table says so.
 */
import { PutIntegrationCommand } from "@aws-sdk/client-customer-profiles";
import type { FlowDefinitionConflict, RequestRecord } from "../emulator/types";
import { isWrite } from "../testing/local-aws";
import type { OperationResult, Stack } from "../testing/pulumi";
import { Bench, integrationIndex } from "./harness";
import type { Section, Target } from "./report";

const DOMAIN = "retail";
const URI_PREFIX = "arn:aws:events:us-east-1:123456789012:event-source/aws.partner/bench.example/1/source";

/**
 * The CloudFormation handler of AWS::CustomerProfiles::Integration (aws-cloudformation/
 * aws-cloudformation-resource-providers-customer-profiles, aws-customerprofiles-integration/src/
 * main/java/software/amazon/customerprofiles/integration/), read from its source, per resource:
 * - CreateHandler: GetIntegration when the model has a Uri, then PutIntegration; without a Uri
 *   (a flow, whose URI the service derives) only PutIntegration.
 * - UpdateHandler, for every update whatever changed: GetIntegration, UntagResource of every
 *   previous tag key (when there were any), PutIntegration carrying the desired tags. It never
 *   calls TagResource: the tags come back through PutIntegration.
 * - ReadHandler (refresh, import): GetIntegration. DeleteHandler: DeleteIntegration.
 * A no-op deployment never reaches the handler.
 */
const HANDLER = {
  createWithUri: { reads: 1, writes: 1, calls: "GetIntegration + PutIntegration" },
  createFlow: { reads: 0, writes: 1, calls: "PutIntegration" },
  updateWithTags: { reads: 1, writes: 2, calls: "GetIntegration + UntagResource(all) + PutIntegration(all tags)" },
  noop: { reads: 0, writes: 0, calls: "none" },
  read: { reads: 1, writes: 0, calls: "GetIntegration" },
  delete: { reads: 0, writes: 1, calls: "DeleteIntegration" },
} as const;

type HandlerCount = (typeof HANDLER)[keyof typeof HANDLER];

const TAGS = {
  initial: { team: "crm", env: "bench" },
  added: { team: "crm", env: "bench", owner: "data" },
  removed: { team: "crm", owner: "data" },
  both: { team: "crm", cost: "cc-1" },
  changed: { team: "commerce", cost: "cc-1" },
};

interface Step {
  name: string;
  config?: Record<string, unknown>;
  action: "up" | "refresh" | "destroy";
  handler: HandlerCount;
  /** Calls per resource set as the target, beyond "no more than the handler". */
  exactly?: { calls: number; noPut?: boolean };
  /** At most this many calls per resource (a flow change takes 3 or fewer). */
  atMost?: number;
  /** A new stack, on an endpoint that already holds the program's integrations ("existing") or nothing. */
  freshStack?: "existing";
  /** The step may fail; the failure is a finding, not the end of the run. */
  mayFail?: boolean;
  previewInQuick?: boolean;
}

interface Scenario {
  kind: "event" | "flow";
  /**
   * What the endpoint does with a FlowDefinition whose flow exists: AWS's documented conflict (the
   * default) or an upsert. Flow changes must cost the same under both.
   */
  behaviour?: FlowDefinitionConflict;
  steps: Step[];
}

/** The flow scenario, run once per endpoint behaviour. */
const flowSteps = (): Step[] => [
  { name: "create", config: { tags: TAGS.initial }, action: "up", handler: HANDLER.createFlow, previewInQuick: true },
  { name: "no-op up", action: "up", handler: HANDLER.noop, exactly: { calls: 0 } },
  {
    name: "flow update (description)",
    config: { flowDescription: "Contacts, edited" },
    action: "up",
    handler: HANDLER.updateWithTags,
    atMost: 3,
  },
  {
    name: "attribute update (objectTypeName)",
    config: { objectTypeName: "CustomerCsv" },
    action: "up",
    handler: HANDLER.updateWithTags,
    atMost: 3,
  },
  {
    name: "flow + attribute update",
    config: { flowDescription: "Contacts, edited again", objectTypeName: "SalesforceContact" },
    action: "up",
    handler: HANDLER.updateWithTags,
    atMost: 3,
  },
  { name: "refresh", action: "refresh", handler: HANDLER.read },
  { name: "delete (destroy)", action: "destroy", handler: HANDLER.delete },
];

const scenarioName = (s: Scenario) => (s.behaviour ? `${s.kind} (endpoint: ${s.behaviour})` : s.kind);

const SCENARIOS: Scenario[] = [
  {
    kind: "event",
    steps: [
      { name: "create", config: { tags: TAGS.initial }, action: "up", handler: HANDLER.createWithUri, previewInQuick: true },
      { name: "no-op up", action: "up", handler: HANDLER.noop, exactly: { calls: 0 }, previewInQuick: true },
      {
        name: "tags: add only",
        config: { tags: TAGS.added },
        action: "up",
        handler: HANDLER.updateWithTags,
        exactly: { calls: 1, noPut: true },
        previewInQuick: true,
      },
      {
        name: "tags: remove only",
        config: { tags: TAGS.removed },
        action: "up",
        handler: HANDLER.updateWithTags,
        exactly: { calls: 1, noPut: true },
      },
      {
        name: "tags: add + remove",
        config: { tags: TAGS.both },
        action: "up",
        handler: HANDLER.updateWithTags,
        exactly: { calls: 2, noPut: true },
      },
      {
        name: "tags: change a value",
        config: { tags: TAGS.changed },
        action: "up",
        handler: HANDLER.updateWithTags,
        exactly: { calls: 1, noPut: true },
      },
      {
        name: "attribute update (objectTypeName)",
        config: { objectTypeName: "SegmentProfile" },
        action: "up",
        handler: HANDLER.updateWithTags,
      },
      { name: "refresh", action: "refresh", handler: HANDLER.read },
      { name: "delete (destroy)", action: "destroy", handler: HANDLER.delete },
      {
        name: "import (import resource option)",
        freshStack: "existing",
        config: { tags: TAGS.initial, existing: "import" },
        action: "up",
        handler: HANDLER.read,
        mayFail: true,
      },
      {
        name: "adopt (adoptExisting), as declared",
        freshStack: "existing",
        config: { tags: TAGS.initial, existing: "adopt" },
        action: "up",
        handler: HANDLER.read,
      },
      {
        name: "adopt (adoptExisting), a tag added",
        freshStack: "existing",
        config: { tags: TAGS.added, existing: "adopt" },
        action: "up",
        handler: HANDLER.updateWithTags,
      },
      { name: "read by id (Integration.get)", freshStack: "existing", config: { existing: "get" }, action: "up", handler: HANDLER.read },
    ],
  },
  { kind: "flow", behaviour: "conflict", steps: flowSteps() },
  { kind: "flow", behaviour: "upsert", steps: flowSteps() },
];

/** Calls attributed to the integrations (per resource, equal for each) and to the process (one-time). */
interface Split {
  perResource: Record<string, number>;
  oneTime: Record<string, number>;
  /** Operations whose count differed between integrations: "op: min–max". */
  uneven: string[];
}

function split(requests: RequestRecord[], n: number): Split {
  const perIndex = new Map<string, number[]>();
  const oneTime: Record<string, number> = {};
  for (const r of requests) {
    const i = integrationIndex(r);
    if (i === undefined) oneTime[r.operation] = (oneTime[r.operation] ?? 0) + 1;
    else {
      const counts = perIndex.get(r.operation) ?? new Array<number>(n).fill(0);
      counts[i] = (counts[i] ?? 0) + 1;
      perIndex.set(r.operation, counts);
    }
  }
  const perResource: Record<string, number> = {};
  const uneven: string[] = [];
  for (const [op, counts] of perIndex) {
    perResource[op] = counts.reduce((a, b) => a + b, 0) / n;
    const [lo, hi] = [Math.min(...counts), Math.max(...counts)];
    if (lo !== hi) uneven.push(`${op}: ${lo}–${hi}`);
  }
  return { perResource, oneTime, uneven };
}

/** What one step cost. */
interface Measured {
  preview?: Split;
  run: Split;
  /** The engine's steps for the program's resources (the stack left out), e.g. { update: 3 }. */
  changes: Record<string, number>;
  /** The engine's error, when the step failed. */
  error?: string;
}

const isWriteOp = (operation: string) => isWrite({ operation } as RequestRecord);
const sum = (m: Record<string, number>, pick: (op: string) => boolean = () => true) =>
  Object.entries(m).reduce((t, [op, n]) => (pick(op) ? t + n : t), 0);
const describe = (m: Record<string, number>) =>
  Object.keys(m).length === 0
    ? "none"
    : Object.entries(m)
        .map(([op, n]) => (n === 1 ? op : `${op} ×${+n.toFixed(2)}`))
        .join(" + ");

function firstError(r: OperationResult): string | undefined {
  if (r.code === 0) return undefined;
  const text = r.errors.join("\n") || r.stderr || r.stdout;
  return (
    text
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l && !/^(error: )?(preview|update) failed$/.test(l)) ?? `exit ${r.code}`
  );
}

async function runStep(bench: Bench, stack: Stack, step: Step, n: number, withPreview: boolean): Promise<Measured> {
  if (step.config) await stack.setConfig(step.config);
  let preview: Split | undefined;
  let previewError: string | undefined;
  // refresh and destroy read or delete what the state holds: there is no program preview to count.
  if (step.action === "up" && withPreview) {
    const previewed = await bench.requestsDuring(() => stack.preview({ mayFail: step.mayFail }));
    preview = split(previewed.requests, n);
    previewError = firstError(previewed.result);
  }
  const { result, requests } = await bench.requestsDuring<OperationResult>(() => stack[step.action]({ mayFail: step.mayFail }));
  const changes: Record<string, number> = {};
  for (const { op } of result.steps) changes[op] = (changes[op] ?? 0) + 1;
  return { preview, run: split(requests, n), changes, error: previewError ?? firstError(result) };
}

/** Integrations that exist before the program names them, as the adoption steps need. */
async function createOutsidePulumi(bench: Bench, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await bench.aws.customerProfiles.send(
      new PutIntegrationCommand({ DomainName: DOMAIN, Uri: `${URI_PREFIX}-${i}`, ObjectTypeName: "ShopifyOrder", Tags: TAGS.initial }),
    );
  }
}

async function runScenario(bench: Bench, scenario: Scenario, n: number): Promise<Measured[]> {
  const base = { count: n, kind: scenario.kind, domainName: DOMAIN, uriPrefix: URI_PREFIX };
  const measured: Measured[] = [];
  let stack: Stack | undefined;
  for (const step of scenario.steps) {
    bench.log(`  calls: ${scenarioName(scenario)} ×${n}: ${step.name}`);
    if (!stack || step.freshStack) {
      await bench.seed();
      // Seeding resets the endpoint, and a reset restores its default behaviour.
      if (scenario.behaviour) bench.aws.emulator.setBehaviour({ flowDefinitionConflict: scenario.behaviour });
      if (step.freshStack === "existing") await createOutsidePulumi(bench, n);
      stack = await bench.stack("integrations", base);
    }
    // Quick runs preview only where a preview is a target of its own.
    const withPreview = !bench.options.quick || step.previewInQuick === true;
    measured.push(await runStep(bench, stack, step, n, withPreview));
  }
  return measured;
}

interface Row {
  kind: string;
  operation: string;
  changes: Record<string, number>;
  split: Split;
  previewSplit?: Split;
  handler: HandlerCount;
  exactly?: Step["exactly"];
  atMost?: number;
  error?: string;
}

export async function run(bench: Bench): Promise<Section> {
  const n = bench.options.quick ? 2 : 3;
  const rows: Row[] = [];
  const raw: Record<string, Measured[]> = {};
  for (const scenario of SCENARIOS) {
    const measured = await runScenario(bench, scenario, n);
    raw[scenarioName(scenario)] = measured;
    scenario.steps.forEach((step, i) => {
      const m = measured[i];
      rows.push({
        kind: scenarioName(scenario),
        operation: step.name,
        changes: m.changes,
        split: m.run,
        previewSplit: m.preview,
        handler: step.handler,
        exactly: step.exactly,
        atMost: step.atMost,
        error: m.error,
      });
    });
  }

  const targets: Target[] = [];
  for (const r of rows) {
    const reads = sum(r.split.perResource, (op) => !isWriteOp(op));
    const writes = sum(r.split.perResource, isWriteOp);
    const label = `${r.kind} ${r.operation}`;
    if (r.error) {
      targets.push({ what: `${label}: works with the real engine`, target: "succeeds", measured: `fails: ${r.error}`, met: false });
      continue;
    }
    const handlerCalls = r.handler.reads + r.handler.writes;
    for (const u of [...r.split.uneven, ...(r.previewSplit?.uneven ?? [])]) {
      targets.push({ what: `${label}: same calls for every integration`, target: "equal", measured: u, met: false });
    }
    targets.push({
      what: `${label}: calls per resource`,
      target: `≤ handler (${handlerCalls})`,
      measured: `${+(reads + writes).toFixed(2)} (${describe(r.split.perResource)})`,
      met: reads + writes <= handlerCalls,
    });
    if (r.atMost !== undefined) {
      targets.push({
        what: `${label}: calls per resource`,
        target: `≤ ${r.atMost}`,
        measured: `${+(reads + writes).toFixed(2)} (${describe(r.split.perResource)})`,
        met: reads + writes <= r.atMost,
      });
    }
    if (r.exactly) {
      const allWrites = writes + sum(r.split.oneTime, isWriteOp);
      const puts = (r.split.perResource.PutIntegration ?? 0) + (r.split.oneTime.PutIntegration ?? 0);
      if (r.exactly.calls === 0) {
        targets.push({ what: `${label}: write calls`, target: "0", measured: String(allWrites), met: allWrites === 0 });
      } else {
        targets.push({
          what: `${label}: calls per resource, no PutIntegration`,
          target: `${r.exactly.calls}, no PutIntegration`,
          measured: `${+(reads + writes).toFixed(2)}, PutIntegration ×${puts}`,
          met: reads + writes === r.exactly.calls && puts === 0,
        });
      }
    }
    if (r.previewSplit) {
      const previewWrites = sum(r.previewSplit.perResource, isWriteOp) + sum(r.previewSplit.oneTime, isWriteOp);
      if (previewWrites > 0) targets.push({ what: `${label}: preview writes`, target: "0", measured: String(previewWrites), met: false });
    }
  }
  const previewWriteFree = rows.every(
    (r) => !r.previewSplit || sum(r.previewSplit.perResource, isWriteOp) + sum(r.previewSplit.oneTime, isWriteOp) === 0,
  );
  if (previewWriteFree) targets.push({ what: "every preview: write calls", target: "0", measured: "0", met: true });

  const fmtChanges = (c: Record<string, number>) =>
    Object.entries(c)
      .map(([op, k]) => `${op} ${k}`)
      .join(", ");
  return {
    id: "calls",
    title: "API calls per operation (real engine, counted by the local endpoint)",
    tables: [
      {
        title: `Per integration (program of ${n} integrations); one-time = per provider process, whatever the number of integrations`,
        columns: [
          "program",
          "operation",
          "engine steps",
          "reads",
          "writes",
          "per resource",
          "one-time",
          "preview (per resource / one-time)",
          "CFN handler",
        ],
        rows: rows.map((r) => [
          r.kind,
          r.operation,
          r.error ? "FAILED (see targets)" : fmtChanges(r.changes),
          sum(r.split.perResource, (op) => !isWriteOp(op)),
          sum(r.split.perResource, isWriteOp),
          describe(r.split.perResource),
          describe(r.split.oneTime),
          r.previewSplit ? `${describe(r.previewSplit.perResource)} / ${describe(r.previewSplit.oneTime)}` : "–",
          `${r.handler.reads + r.handler.writes}: ${r.handler.calls}`,
        ]),
      },
    ],
    targets,
    notes: [
      "event = an EventBridge source by URI; flow = a Salesforce AppFlow flow whose URI the service derives, run against both endpoint behaviours for a FlowDefinition whose flow exists (conflict: AWS's documented answer, the default; upsert).",
      "The operation is `pulumi up --skip-preview` / `refresh` / `destroy`; a plain `pulumi up` adds the preview column (a separate provider process, so its one-time calls repeat).",
      "CFN handler counts are read from the public source of the AWS::CustomerProfiles::Integration handler (see bench/calls.ts), not measured.",
    ],
    data: { integrations: n, rows, raw },
  };
}
