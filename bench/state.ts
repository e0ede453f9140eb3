/**
 * What the provider costs in the state file: the serialized provider (`__provider`) that Pulumi
 * stores in every resource's inputs and outputs, and the bytes each integration adds to
 * `pulumi stack export`. The marginal bytes per integration come from two stack sizes, so the
 * stack's own fixed part (the stack resource, the default provider, the manifest) drops out.
 */
import { Bench, median } from "./harness";
import type { Program } from "./harness";
import type { Section, Target } from "./report";

const MAX_PROVIDER_BYTES = 2048;

interface Measured {
  program: string;
  integrations: number;
  exportBytes: number;
  /** `__provider` of each of the program's resources, inputs and outputs. */
  providerBytes: number[];
  /** One resource's entry in the export, as JSON. */
  resourceBytes: number[];
  inputsBytes: number[];
  outputsBytes: number[];
}

const bytes = (v: unknown) => Buffer.byteLength(typeof v === "string" ? v : JSON.stringify(v ?? null));

async function measure(bench: Bench, program: Program, label: string, config: Record<string, unknown>, n: number): Promise<Measured> {
  bench.log(`  state: ${label} ×${n}`);
  await bench.seed();
  const stack = await bench.stack(program, { ...config, count: n });
  await stack.up();
  const { text, deployment } = await stack.exportState();
  const mine = (deployment.resources ?? []).filter((r: any) => r.type.startsWith("pulumi-nodejs:dynamic"));
  return {
    program: label,
    integrations: n,
    exportBytes: Buffer.byteLength(text),
    providerBytes: mine.flatMap((r: any) => [bytes(r.inputs?.__provider), bytes(r.outputs?.__provider)]),
    resourceBytes: mine.map((r: any) => bytes(r)),
    inputsBytes: mine.map((r: any) => bytes(r.inputs)),
    outputsBytes: mine.map((r: any) => bytes(r.outputs)),
  };
}

export async function run(bench: Bench): Promise<Section> {
  const [small, large] = [1, 10];
  const programs: { program: Program; label: string; config: Record<string, unknown> }[] = [
    { program: "integrations", label: "event integration", config: { kind: "event", tags: { team: "crm", env: "bench" } } },
    { program: "integrations", label: "flow integration", config: { kind: "flow", tags: { team: "crm", env: "bench" } } },
    { program: "floor", label: "do-nothing dynamic resource (floor)", config: {} },
  ];
  const pairs: [Measured, Measured][] = [];
  // The floor is a reference, not a target: a quick run leaves it out.
  for (const p of programs.filter((p) => !bench.options.quick || p.program !== "floor"))
    pairs.push([await measure(bench, p.program, p.label, p.config, small), await measure(bench, p.program, p.label, p.config, large)]);

  const targets: Target[] = pairs
    .filter(([a]) => !a.program.includes("floor"))
    .map(([a, b]) => {
      const most = Math.max(...a.providerBytes, ...b.providerBytes);
      return {
        what: `${a.program}: __provider bytes per resource`,
        target: `≤ ${MAX_PROVIDER_BYTES}`,
        measured: String(most),
        met: most <= MAX_PROVIDER_BYTES,
      };
    });

  return {
    id: "state",
    title: "State size (pulumi stack export)",
    tables: [
      {
        title: `Bytes; per resource = (export at ${large} − export at ${small}) / ${large - small}`,
        columns: [
          "resource",
          `export, ${small}`,
          `export, ${large}`,
          "per resource",
          "resource JSON",
          "inputs",
          "outputs",
          "__provider (each of inputs, outputs)",
          "__provider share",
        ],
        rows: pairs.map(([a, b]) => {
          const provider = median(b.providerBytes);
          const resource = median(b.resourceBytes);
          return [
            a.program,
            a.exportBytes,
            b.exportBytes,
            Math.round((b.exportBytes - a.exportBytes) / (large - small)),
            resource,
            median(b.inputsBytes),
            median(b.outputsBytes),
            provider,
            `${Math.round(((2 * provider) / resource) * 100)}%`,
          ];
        }),
      },
    ],
    targets,
    notes: [
      "`per resource` is in the export's own (indented) formatting; `resource JSON` and its parts are compact JSON.",
      "Pulumi stores `__provider` twice per resource (inputs and outputs); the floor's is what an inline provider with one method serializes to.",
    ],
    data: { sizes: [small, large], measured: pairs },
  };
}
