/**
 * Generates the compact API model tables from the official botocore models vendored in
 * codegen/aws-models (refreshed by `npm run models:update`).
 *
 *   npm run generate            (reads codegen/aws-models, or MODELS_DIR)
 *   npm run check:generated     (regenerates into a temporary folder; exits 1 if a committed file differs)
 *
 * Output, committed so that the package never reads the JSON models at install or run time:
 *   model/generated/<service>.ts  operations (HTTP binding, errors) + every shape they reach,
 *                                 with constraints (required, min/max, pattern, enum) and no docs
 *   model/generated/enums.ts          string-literal union types for every enum PutIntegration takes
 *   model/generated/program-types.ts  the PutIntegration request and GetIntegration response as a program
 *                                     spells them (camelCase members, ISO-8601 timestamps), FlowDefinition
 *                                     and every structure below it, each member documented with AWS's text
 *                                     (sdk/ re-exports both)
 *   provider/plugin/schema.generated.json  the provider plugin's Pulumi package schema (scripts/generate-schema.ts)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { modelOverrides } from "../model/overrides";
import { compilePattern } from "../model/pattern";
import type { ServiceModel, Shape, MemberRef, StructureShape } from "../model/types";
import { lowerFirst, memberRefs, reachableShapes } from "../model/visit";
import { pluginSchema } from "./generate-schema";

const root = path.resolve(__dirname, "..");

/** The vendored botocore models, or MODELS_DIR (to generate from another release). */
export const VENDORED_MODELS_DIR = path.join(root, "codegen", "aws-models");

export function modelsDir(): string {
  return process.env.MODELS_DIR ? path.resolve(process.env.MODELS_DIR) : VENDORED_MODELS_DIR;
}

export interface Source {
  service: "customer-profiles" | "appflow" | "sts";
  file: string;
  operations: string[];
}

export const sources: Source[] = [
  {
    service: "customer-profiles",
    file: "botocore-customer-profiles-2020-08-15.json",
    operations: [
      "CreateDomain",
      "GetDomain",
      "ListDomains",
      "DeleteDomain",
      "PutProfileObjectType",
      "GetProfileObjectType",
      "ListProfileObjectTypes",
      "DeleteProfileObjectType",
      "PutIntegration",
      "GetIntegration",
      "ListIntegrations",
      "DeleteIntegration",
      "TagResource",
      "UntagResource",
      "ListTagsForResource",
    ],
  },
  {
    service: "appflow",
    file: "botocore-appflow-2020-08-23.json",
    operations: [
      "CreateConnectorProfile",
      "DescribeConnectorProfiles",
      "DeleteConnectorProfile",
      "DescribeFlow",
      "ListFlows",
      "DeleteFlow",
      "UpdateFlow",
      "StartFlow",
      "StopFlow",
    ],
  },
  { service: "sts", file: "botocore-sts-2011-06-15.json", operations: ["GetCallerIdentity"] },
];

const KEPT_SHAPE_KEYS = ["type", "required", "min", "max", "pattern", "enum", "sensitive", "error", "exception", "timestampFormat"];
const KEPT_MEMBER_KEYS = ["shape", "location", "locationName", "timestampFormat", "idempotencyToken"];

function pick(obj: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}

function compactMember(m: Record<string, unknown>): MemberRef {
  return pick(m, KEPT_MEMBER_KEYS) as unknown as MemberRef;
}

function generate(src: Source, raw: RawModel): ServiceModel {
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
    for (const ref of memberRefs(s as Shape)) visit(ref.shape);
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
      "apiVersion",
      "endpointPrefix",
      "signingName",
      "protocol",
      "serviceId",
      "xmlNamespace",
    ]) as ServiceModel["metadata"],
    operations,
    shapes: sorted,
  };
}

export interface RawModel {
  metadata: Record<string, unknown>;
  operations: Record<string, any>;
  shapes: Record<string, any>;
}

function camelIdent(service: string): string {
  return service.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

const header = (from: string) => `// Generated by scripts/generate-model.ts from ${from}. Do not edit; run \`npm run generate\`.\n`;

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", nbsp: " " };

/**
 * botocore's HTML documentation as plain TSDoc text: paragraphs and list items on lines of their
 * own, `<code>` as backticks, links as markdown, every other tag dropped, entities decoded, and
 * nothing that could end the comment (`*\/`) or open a TSDoc tag (`@`, `{`).
 */
export function docText(html: string | undefined, opts: { tsdoc?: boolean; width?: number } = {}): string[] {
  if (!html) return [];
  const { tsdoc = true, width = 100 } = opts;
  const decoded = html
    .replace(/\s+/g, " ")
    .replace(/<a [^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/g, (_, href: string, label: string) => `[${label.trim()}](${href})`)
    .replace(/<\/?code>/g, "`")
    .replace(/<li>\s*<p>/g, "<li>")
    .replace(/<\/p>\s*<\/li>/g, "</li>")
    .replace(/<li>/g, "\n- ")
    .replace(/<\/(p|ul|ol|li)>|<(p|ul|ol)>|<br\s*\/?>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#(\d+)|[a-z]+);/g, (m, _e: string, code: string | undefined) =>
      code ? String.fromCharCode(Number(code)) : (ENTITIES[m.slice(1, -1)] ?? m),
    );
  // A schema description is no comment: each SDK generator escapes it for its own language.
  const text = tsdoc
    ? decoded
        .replace(/\*\//g, "*\\/")
        .replace(/@/g, "\\@")
        .replace(/([{}])/g, "\\$1")
    : decoded;
  const lines: string[] = [];
  let inList = false;
  for (const para of text.split("\n").map((l) => l.replace(/ +/g, " ").trim())) {
    if (!para) continue;
    const item = para.startsWith("- ");
    // A blank line between paragraphs, and around a list, not between its items.
    if (lines.length && !(item && inList)) lines.push("");
    inList = item;
    lines.push(...wrap(para, width).map((l, i) => (item && i > 0 ? `  ${l}` : l)));
  }
  return lines;
}

function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const word of line.split(" ")) {
    if (cur && cur.length + 1 + word.length > width) {
      out.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) out.push(cur);
  return out;
}

function docComment(lines: string[], indent: string): string {
  if (lines.length === 0) return "";
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ""}`).join("\n")}\n${indent} */\n`;
}

/**
 * How a timestamp member is typed: one a program writes takes what check and the request mapping
 * accept (provider/mapping.ts toApi), an ISO-8601 string or epoch seconds, the form AWS's docs
 * use; one the provider reads back from the API (GetIntegration's createdAt) is always an ISO string.
 */
type TimestampUse = "written" | "read";
const TIMESTAMP_TYPE: Record<TimestampUse, string> = { written: "string | number", read: "string" };
const TIMESTAMP_DOC: Record<TimestampUse, string> = {
  written:
    "An ISO-8601 string with a zone (`2027-01-01T00:00:00Z`, `2027-01-01T02:00:00+02:00`) or a bare date, or epoch seconds as a number (`1798761600`), the AWS docs' form. Kept as written; a different spelling of the same instant is no change.",
  read: "An ISO-8601 string in UTC, e.g. `2027-01-01T00:00:00.000Z`.",
};

/** The TypeScript type of a shape as a program writes it; structures and enums by their model names. */
function tsType(model: ServiceModel, name: string, use: TimestampUse = "written"): string {
  const s = model.shapes[name];
  switch (s.type) {
    case "structure":
      return name;
    case "list": {
      const item = tsType(model, s.member.shape, use);
      return /^[\w.]+$/.test(item) ? `${item}[]` : `Array<${item}>`;
    }
    case "map": {
      const key = model.shapes[s.key.shape];
      const value = tsType(model, s.value.shape, use);
      return key.type === "string" && key.enum ? `{ [K in ${s.key.shape}]?: ${value} }` : `{ [key: string]: ${value} }`;
    }
    case "string":
      return s.enum ? name : "string";
    case "timestamp":
      return TIMESTAMP_TYPE[use];
    case "boolean":
      return "boolean";
    case "blob":
      return "string";
    default:
      return "number";
  }
}

/**
 * One interface per structure: members camelCased, required as the model says, each documented
 * with the member's own text (else its shape's). Timestamps as `use` says (TimestampUse).
 */
function tsInterface(
  model: ServiceModel,
  raw: RawModel,
  name: string,
  exportedName: string,
  intro: string[],
  use: TimestampUse = "written",
): string {
  const shape = model.shapes[name] as StructureShape;
  const rawShape = raw.shapes[name];
  let out = docComment(
    [...intro, ...docText(rawShape.documentation)].filter((l, i, a) => l || (i > 0 && i < a.length - 1)),
    "",
  );
  out += `export interface ${exportedName} {\n`;
  const required = new Set(shape.required ?? []);
  for (const [member, ref] of Object.entries(shape.members)) {
    const rawMember = rawShape.members[member];
    const doc = docText(rawMember.documentation ?? raw.shapes[ref.shape].documentation);
    if (model.shapes[ref.shape].type === "timestamp") doc.push(...(doc.length ? [""] : []), TIMESTAMP_DOC[use]);
    out += docComment(doc, "  ");
    out += `  ${lowerFirst(member)}${required.has(member) ? "" : "?"}: ${tsType(model, ref.shape, use)};\n`;
  }
  return `${out}}\n`;
}

function sdkTypes(cp: ServiceModel, raw: RawModel, enums: string[]): string {
  const put = cp.operations.PutIntegration.input!;
  const get = cp.operations.GetIntegration.output!;
  const structures = reachableShapes(cp, "FlowDefinition").filter((n) => cp.shapes[n].type === "structure");
  const used = new Set([...reachableShapes(cp, put), ...reachableShapes(cp, get)]);
  let out = header("botocore-customer-profiles-2020-08-15.json");
  out += `import type { ${enums.filter((e) => used.has(e)).join(", ")} } from "./enums";\n`;
  out +=
    "\n" +
    tsInterface(cp, raw, put, put, ["The members of a `PutIntegration` request, as a program spells them. The documentation is AWS's."]);
  out +=
    "\n" +
    tsInterface(
      cp,
      raw,
      get,
      get,
      ["The members of a `GetIntegration` response, as a program spells them. The documentation is AWS's."],
      "read",
    );
  for (const name of structures) out += "\n" + tsInterface(cp, raw, name, name, []);
  return out;
}

/** Every generated file, by its path under the package root. */
export function generatedFiles(modelsDir: string, log: (line: string) => void = () => {}): Map<string, string> {
  const files = new Map<string, string>();
  const models: Record<string, ServiceModel> = {};
  const raws: Record<string, RawModel> = {};
  for (const src of sources) {
    const raw: RawModel = JSON.parse(fs.readFileSync(path.join(modelsDir, src.file), "utf8"));
    raws[src.service] = raw;
    const model = generate(src, raw);
    if (src.service === "sts") model.metadata.signingName = model.metadata.signingName ?? "sts";
    models[src.service] = model;
    const ident = camelIdent(src.service) + "Model";
    const body =
      header(src.file) +
      `import type { ServiceModel } from "../types";\n\n` +
      `export const ${ident}: ServiceModel = ${JSON.stringify(model, null, 1)};\n`;
    files.set(`model/generated/${src.service}.ts`, body);
    log(`${src.service}: ${Object.keys(model.operations).length} operations, ${Object.keys(model.shapes).length} shapes`);
  }

  // Enum unions for the SDK: every enum reachable from PutIntegration's input.
  const cp = models["customer-profiles"];
  const enums = reachableShapes(cp, cp.operations.PutIntegration.input!).filter((name) => {
    const s = cp.shapes[name];
    return s.type === "string" && !!s.enum;
  });
  let sdk = header("botocore-customer-profiles-2020-08-15.json");
  for (const name of enums.sort()) {
    const s = cp.shapes[name] as { enum: string[] };
    sdk += `\n/** The values the Customer Profiles API accepts for \`${name}\`. */\n`;
    sdk += `export type ${name} = ${s.enum.map((v) => JSON.stringify(v)).join(" | ")};\n`;
  }
  files.set("model/generated/enums.ts", sdk);
  log(`sdk enums: ${enums.join(", ")}`);
  files.set("model/generated/program-types.ts", sdkTypes(cp, raws["customer-profiles"], enums));
  files.set(
    "provider/plugin/schema.generated.json",
    pluginSchema(cp, raws["customer-profiles"], (html) => docText(html, { tsdoc: false, width: Infinity })),
  );
  return files;
}

/** The generated files that differ from the committed ones (or are missing). */
export function drift(modelsDir: string): string[] {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "generate-model-"));
  try {
    const out: string[] = [];
    for (const [rel, body] of generatedFiles(modelsDir)) {
      const fresh = path.join(tmp, rel);
      fs.mkdirSync(path.dirname(fresh), { recursive: true });
      fs.writeFileSync(fresh, body);
      const committed = path.join(root, rel);
      if (!fs.existsSync(committed) || fs.readFileSync(committed, "utf8") !== fs.readFileSync(fresh, "utf8")) out.push(rel);
    }
    return out;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function main(): void {
  const dir = modelsDir();
  if (!fs.existsSync(path.join(dir, "botocore-customer-profiles-2020-08-15.json"))) {
    console.error(`No botocore models in ${dir}.`);
    process.exit(2);
  }
  if (process.argv.includes("--check")) {
    const changed = drift(dir);
    if (changed.length) {
      console.error(`Generated files differ from ${dir}: ${changed.join(", ")}. Run \`npm run generate\`.`);
      process.exit(1);
    }
    console.log(`Generated files match ${dir}.`);
    return;
  }
  for (const [rel, body] of generatedFiles(dir, console.log)) fs.writeFileSync(path.join(root, rel), body);
}

if (require.main === module) main();
