/**
 * A seeded fuzz of the endpoint, bounded by count so that every run, on any machine, sends the same
 * malformed requests, derived from the models: every body member of the wrong JSON type, labels outside their pattern or length,
 * query members of the wrong type, truncated or too-deep JSON, bytes that are not UTF-8, built-in
 * names as keys — signed like the SDKs sign them and sent to every operation of every service.
 * None may be a 5xx, crash the endpoint or print a stack trace, and none may change the state
 * (the state file, rewritten by every applied write, stays byte for byte the same).
 */
import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { startEmulator, type Emulator } from "../../../emulator";
import { appflowModel } from "../../../model/generated/appflow";
import { customerProfilesModel } from "../../../model/generated/customer-profiles";
import type { ServiceModel, Shape } from "../../../model/types";
import {
  clientsFor,
  createConnectorProfile,
  createDomainWithObjectTypes,
  signedRequest,
  type RawResponse,
} from "../../support/emulator-harness";
import { PutIntegrationCommand } from "@aws-sdk/client-customer-profiles";

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed11);
/** Malformed requests per run (FUZZ_RUNS to send more); with the seed, the very same ones every run. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const BUILTINS = Object.getOwnPropertyNames(Object.prototype);

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** A JSON value that is not of the shape's type. */
function wrongType(shape: Shape): fc.Arbitrary<unknown> {
  const notString = fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...BUILTINS, "a"), fc.string(), { maxKeys: 3 }),
  );
  switch (shape.type) {
    case "string":
      return notString;
    case "integer":
    case "long":
    case "double":
    case "float":
      return fc.oneof(fc.string({ minLength: 1 }), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }), fc.constant({}));
    case "boolean":
      return fc.oneof(fc.string({ minLength: 1 }), fc.integer(), fc.constant([]));
    case "timestamp":
      return fc.oneof(fc.boolean(), fc.constant({}), fc.array(fc.integer(), { maxLength: 2 }), fc.constantFrom("yesterday", "not-a-date"));
    case "structure":
      return fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer(), { maxLength: 2 }), fc.boolean());
    case "list":
      return fc.oneof(fc.string(), fc.integer(), fc.dictionary(fc.constantFrom(...BUILTINS), fc.integer(), { minKeys: 1, maxKeys: 2 }));
    case "map":
      return fc.oneof(fc.string(), fc.integer(), fc.array(fc.string(), { maxLength: 2 }));
    case "blob":
      return fc.oneof(fc.integer(), fc.constant({}), fc.boolean());
  }
}

/** A label value outside its constraints: too long, or with characters a name pattern refuses. */
function badLabel(shape: Shape): fc.Arbitrary<string> {
  const max = shape.max ?? 2048;
  return fc.oneof(
    fc.constant("x".repeat(max + 1)),
    fc.constantFrom("bad name!", "a b", "ü", "%00", "../..", "a;b"),
    fc.constantFrom(...BUILTINS).map((b) => `${b}!`),
  );
}

function requestsFor(model: ServiceModel, signingName: string): fc.Arbitrary<{ op: string; req: FuzzRequest; signing: string }>[] {
  return Object.entries(model.operations).map(([op, o]) => {
    const input = o.input ? (model.shapes[o.input] as Extract<Shape, { type: "structure" }>) : undefined;
    const members = Object.entries(input?.members ?? {});
    const labels = members.filter(([, r]) => r.location === "uri");
    const query = members.filter(([, r]) => r.location === "querystring");
    const body = members.filter(([, r]) => !r.location);
    const bodyArb = fc
      .record(Object.fromEntries(body.map(([name, r]) => [name, wrongType(model.shapes[r.shape])])), { requiredKeys: [] })
      .filter((b) => body.length === 0 || Object.keys(b).length > 0);
    // Built-in names are valid names of resources that do not exist: the request is still refused.
    const labelArb = fc.tuple(...labels.map(([, r]) => fc.oneof(badLabel(model.shapes[r.shape]), fc.constantFrom(...BUILTINS))));
    // Not `__proto__` as a query key: @smithy/signature-v4 leaves it out of the canonical query it
    // signs (it collects keys in a plain object), so AWS would refuse such a request as we do.
    const queryArb = fc.array(
      fc.tuple(
        fc.constantFrom(...query.map(([, r]) => r.locationName ?? ""), ...BUILTINS.filter((b) => b !== "__proto__")),
        fc.oneof(fc.constantFrom("-1", "abc", "0", "1e9999", ""), fc.string()),
      ),
      { maxLength: 3 },
    );
    const rawBody = (doc: Record<string, unknown>) =>
      fc.oneof(
        { weight: 6, arbitrary: fc.constant(JSON.stringify(doc)) },
        { weight: 1, arbitrary: fc.constant(JSON.stringify(doc).slice(0, -1)) },
        { weight: 1, arbitrary: fc.integer({ min: 65, max: 5000 }).map((n) => "[".repeat(n) + "]".repeat(n)) },
        { weight: 1, arbitrary: fc.constant("\u00ff\u00fe\u0000{") },
        {
          weight: 1,
          arbitrary: fc.constant(
            JSON.stringify(BUILTINS.reduce((a, b) => Object.defineProperty(a, b, { value: 1, enumerable: true }), {})),
          ),
        },
      );
    return fc.tuple(bodyArb, labelArb, queryArb).chain(([doc, labelValues, q]) =>
      rawBody(doc as Record<string, unknown>).map((text) => {
        let uri = o.http.requestUri;
        labels.forEach(
          ([name, r], i) => (uri = uri.replace(new RegExp(`\\{${r.locationName ?? name}\\+?\\}`), encodeURIComponent(labelValues[i]))),
        );
        const qs = q.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
        const pathWithQuery = qs ? `${uri}${uri.includes("?") ? "&" : "?"}${qs}` : uri;
        // Framed as the SDKs frame it: an unframed body on a GET would be read as the next request.
        const headers = { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) };
        return { op, signing: signingName, req: { method: o.http.method, path: pathWithQuery, headers, body: text } };
      }),
    );
  });
}

/** STS speaks the query protocol: a form body with Action and Version, here with wrong or missing ones. */
const stsRequests = fc
  .tuple(
    fc.constantFrom("GetCallerIdentity", "AssumeRole", "", ...BUILTINS),
    fc.constantFrom("2011-06-15", "2099-01-01", ""),
    fc.array(fc.tuple(fc.constantFrom(...BUILTINS, "x"), fc.string()), { maxLength: 3 }),
  )
  .filter(([action, version]) => !(action === "GetCallerIdentity" && version === "2011-06-15"))
  .map(([action, version, extra]) => ({
    op: `sts:${action}`,
    signing: "sts",
    req: (() => {
      const body = new URLSearchParams([["Action", action], ["Version", version], ...extra]).toString();
      return {
        method: "POST",
        path: "/",
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(Buffer.byteLength(body)) },
        body,
      };
    })(),
  }));

describe("emulator: seeded fuzz of every operation with malformed requests", function () {
  this.timeout(300_000);
  let dir: string;
  let stateFile: string;
  let emulator: Emulator;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-fuzz-"));
    stateFile = path.join(dir, "state.json");
    emulator = await startEmulator({ stateFile });
    const { customerProfiles, appflow } = clientsFor(emulator);
    // Something for the fuzz to damage, were it able to.
    await createDomainWithObjectTypes(customerProfiles, "retail");
    await createConnectorProfile(appflow, "salesforce-prod");
    await customerProfiles.send(
      new PutIntegrationCommand({
        DomainName: "retail",
        Uri: "arn:aws:sqs:us-east-1:123456789012:q",
        ObjectTypeName: "Contact",
        Tags: { team: "crm" },
      }),
    );
  });
  after(async () => {
    await emulator?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`no 5xx, no crash, no stack trace and no state change, in ${RUNS} malformed requests`, async () => {
    const before = fs.readFileSync(stateFile, "utf8");
    const arbitraries = [...requestsFor(customerProfilesModel, "profile"), ...requestsFor(appflowModel, "appflow"), stsRequests];
    const perOperation = new Map<string, number>();
    const forbidden: string[] = [];
    const statuses = new Map<number, number>();
    let stderr = "";
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      stderr += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      return true;
    }) as typeof process.stderr.write;
    const started = Date.now();
    try {
      await fc.assert(
        fc.asyncProperty(fc.oneof(...arbitraries), async ({ op, req, signing }) => {
          let res: RawResponse;
          try {
            res = await signedRequest(emulator, req, { service: signing as "profile" | "appflow" | "sts" });
          } catch (e) {
            throw new Error(`${op}: no answer (${(e as Error).message}) to ${req.method} ${req.path.slice(0, 200)}`, { cause: e });
          }
          perOperation.set(op, (perOperation.get(op) ?? 0) + 1);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 403) forbidden.push(`${op} ${req.method} ${req.path.slice(0, 120)}: ${res.body.slice(0, 160)}`);
          assert.ok(
            res.status < 500,
            `${op}: ${res.status} ${res.body.slice(0, 300)} for ${req.method} ${req.path.slice(0, 200)} ${String(req.body).slice(0, 200)}`,
          );
          if (signing !== "sts")
            assert.ok(
              res.headers["x-amzn-errortype"] || res.status < 300,
              `${op}: an error without x-amzn-ErrorType: ${res.status} ${JSON.stringify(res.headers)} ${res.body.slice(0, 200)}`,
            );
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    } finally {
      process.stderr.write = write;
    }
    const total = [...perOperation.values()].reduce((a, b) => a + b, 0);
    const ops = Object.keys(customerProfilesModel.operations).length + Object.keys(appflowModel.operations).length;
    console.log(
      `      ${total} malformed requests in ${Date.now() - started} ms (seed ${SEED}) over ${perOperation.size} operation keys; ` +
        `statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    for (const op of [...Object.keys(customerProfilesModel.operations), ...Object.keys(appflowModel.operations)]) {
      assert.ok((perOperation.get(op) ?? 0) > 0, `${op} was never fuzzed`);
    }
    assert.ok(perOperation.size >= ops);
    // Every request was signed as the SDKs sign: one refused at the door did not test the operation.
    assert.deepEqual(forbidden.slice(0, 5), [], `${forbidden.length} fuzzed requests were refused as unauthenticated`);
    assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace on stderr");
    assert.equal(fs.readFileSync(stateFile, "utf8"), before, "no fuzzed request changed the state");
    // And the endpoint still serves.
    const health = await fetch(`${emulator.url}/_emulator/health`);
    assert.equal(health.status, 200);
  });
});
