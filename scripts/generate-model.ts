/**
 * Generates the compact API model tables from the official botocore models in ../shared/aws-models.
 *
 *   npm run generate            (reads ../shared/aws-models, or MODELS_DIR)
 *
 * Output, committed so that the package never reads ../shared at install or run time:
 *   model/generated/<service>.ts  operations (HTTP binding, errors) + every shape they reach,
 *                                          with constraints (required, min/max, pattern, enum) and no docs
 *   sdk/enums.generated.ts                 string-literal union types for every enum PutIntegration takes
 */
import * as fs from "fs";
import * as path from "path";
import { modelOverrides } from "../model/overrides";
import { compilePattern } from "../model/pattern";
import type { ServiceModel, Shape, MemberRef } from "../model/types";

const root = path.resolve(__dirname, "..");
const modelsDir = process.env.MODELS_DIR ?? path.resolve(root, "..", "shared", "aws-models");

interface Source {
  service: "customer-profiles" | "appflow" | "sts";
  file: string;
  operations: string[];
}

const sources: Source[] = [
  {
    service: "customer-profiles",
    file: "botocore-customer-profiles-2020-08-15.json",
    operations: [
      "CreateDomain", "GetDomain", "ListDomains", "DeleteDomain",
      "PutProfileObjectType", "GetProfileObjectType", "ListProfileObjectTypes", "DeleteProfileObjectType",
      "PutIntegration", "GetIntegration", "ListIntegrations", "DeleteIntegration",
      "TagResource", "UntagResource", "ListTagsForResource",
    ],
  },
  {
    service: "appflow",
    file: "botocore-appflow-2020-08-23.json",
    operations: [
      "CreateConnectorProfile", "DescribeConnectorProfiles", "DeleteConnectorProfile",
      "DescribeFlow", "ListFlows", "DeleteFlow", "UpdateFlow",
    ],
  },
  { service: "sts", file: "botocore-sts-2011-06-15.json", operations: ["GetCallerIdentity"] },
];

const KEPT_SHAPE_KEYS = [
  "type", "required", "min", "max", "pattern", "enum", "sensitive", "error", "exception", "timestampFormat",
];
const KEPT_MEMBER_KEYS = ["shape", "location", "locationName", "timestampFormat", "idempotencyToken"];

function pick(obj: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}

function compactMember(m: Record<string, unknown>): MemberRef {
  return pick(m, KEPT_MEMBER_KEYS) as unknown as MemberRef;
}

function generate(src: Source): ServiceModel {
  const raw = JSON.parse(fs.readFileSync(path.join(modelsDir, src.file), "utf8"));
  const shapes: Record<string, Shape> = {};
  const visit = (name: string | undefined) => {
    if (!name || shapes[name]) return;
    const s = raw.shapes[name];
    if (!s) throw new Error(`${src.file}: shape ${name} is referenced but not defined`);
    const out = pick(s, KEPT_SHAPE_KEYS) as Record<string, any>;
    if (typeof out.pattern === "string") compilePattern(out.pattern); // fail generation, not a request, on a bad regex
    if (s.type === "structure") {
      out.members = {};
      for (const [mn, m] of Object.entries<any>(s.members)) out.members[mn] = compactMember(m);
    } else if (s.type === "list") {
      out.member = compactMember(s.member);
    } else if (s.type === "map") {
      out.key = compactMember(s.key);
      out.value = compactMember(s.value);
    }
    for (const o of modelOverrides) {
      if (o.service === src.service && o.shape === name) delete out[o.drop];
    }
    shapes[name] = out as Shape;
    if (s.type === "structure") for (const m of Object.values<any>(s.members)) visit(m.shape);
    if (s.type === "list") visit(s.member.shape);
    if (s.type === "map") {
      visit(s.key.shape);
      visit(s.value.shape);
    }
  };
  const operations: ServiceModel["operations"] = {};
  for (const op of src.operations) {
    const o = raw.operations[op];
    if (!o) throw new Error(`${src.file}: no operation ${op}`);
    operations[op] = {
      http: pick(o.http, ["method", "requestUri", "responseCode"]) as any,
      input: o.input?.shape,
      output: o.output?.shape,
      errors: (o.errors ?? []).map((e: { shape: string }) => e.shape),
    };
    visit(o.input?.shape);
    visit(o.output?.shape);
    for (const e of o.errors ?? []) visit(e.shape);
  }
  // Every service can answer with these even where an operation does not model them.
  for (const e of ["ThrottlingException", "InternalServerException", "AccessDeniedException", "ValidationException"]) {
    if (raw.shapes[e]) visit(e);
  }
  const sorted: Record<string, Shape> = {};
  for (const k of Object.keys(shapes).sort()) sorted[k] = shapes[k];
  return {
    metadata: pick(raw.metadata, [
      "apiVersion", "endpointPrefix", "signingName", "protocol", "serviceId", "xmlNamespace",
    ]) as ServiceModel["metadata"],
    operations,
    shapes: sorted,
  };
}

function camelIdent(service: string): string {
  return service.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

const header = (from: string) =>
  `// Generated by scripts/generate-model.ts from ${from}. Do not edit; run \`npm run generate\`.\n`;

function main(): void {
  const outDir = path.join(root, "model", "generated");
  fs.mkdirSync(outDir, { recursive: true });
  const models: Record<string, ServiceModel> = {};
  for (const src of sources) {
    const model = generate(src);
    if (src.service === "sts") model.metadata.signingName = model.metadata.signingName ?? "sts";
    models[src.service] = model;
    const ident = camelIdent(src.service) + "Model";
    const body =
      header(src.file) +
      `import type { ServiceModel } from "../types";\n\n` +
      `export const ${ident}: ServiceModel = ${JSON.stringify(model, null, 1)};\n`;
    fs.writeFileSync(path.join(outDir, `${src.service}.ts`), body);
    console.log(`${src.service}: ${Object.keys(model.operations).length} operations, ${Object.keys(model.shapes).length} shapes`);
  }

  // Enum unions for the SDK: every enum reachable from PutIntegration's input.
  const cp = models["customer-profiles"];
  const enums: string[] = [];
  const seen = new Set<string>();
  const walk = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const s = cp.shapes[name];
    if (s.type === "string" && s.enum) enums.push(name);
    if (s.type === "structure") Object.values(s.members).forEach((m) => walk(m.shape));
    if (s.type === "list") walk(s.member.shape);
    if (s.type === "map") {
      walk(s.key.shape);
      walk(s.value.shape);
    }
  };
  walk(cp.operations.PutIntegration.input!);
  let sdk = header("botocore-customer-profiles-2020-08-15.json");
  for (const name of enums.sort()) {
    const s = cp.shapes[name] as { enum: string[] };
    sdk += `\n/** The values the Customer Profiles API accepts for \`${name}\`. */\n`;
    sdk += `export type ${name} = ${s.enum.map((v) => JSON.stringify(v)).join(" | ")};\n`;
  }
  fs.writeFileSync(path.join(root, "sdk", "enums.generated.ts"), sdk);
  console.log(`sdk enums: ${enums.join(", ")}`);
}

main();
