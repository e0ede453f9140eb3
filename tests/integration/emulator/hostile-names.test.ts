/**
 * Names are data. A property-based spec: every Object.prototype name
 * (always, as fast-check examples) and names generated from each model pattern go through the
 * endpoint's operations over real HTTP with the real SDK — create, get, list, tag, untag, delete,
 * a restart from the state file — and through the provider's check, create, diff and update; each
 * must behave as for any other name.
 */
import { setWarningSink } from "../../../provider/testing";
import { strict as assert } from "assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import {
  CreateConnectorProfileCommand,
  DeleteConnectorProfileCommand,
  DescribeConnectorProfilesCommand,
  DescribeFlowCommand,
} from "@aws-sdk/client-appflow";
import {
  CreateDomainCommand,
  DeleteDomainCommand,
  DeleteIntegrationCommand,
  DeleteProfileObjectTypeCommand,
  GetDomainCommand,
  GetIntegrationCommand,
  GetProfileObjectTypeCommand,
  ListDomainsCommand,
  ListIntegrationsCommand,
  ListProfileObjectTypesCommand,
  ListTagsForResourceCommand,
  PutIntegrationCommand,
  PutProfileObjectTypeCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-customer-profiles";
import { startEmulator, type Emulator } from "../../../emulator";
import { appflowModel } from "../../../model/generated/appflow";
import { customerProfilesModel } from "../../../model/generated/customer-profiles";
import { compilePattern } from "../../../model/pattern";
import { IntegrationProvider } from "../../../provider";
import type { IntegrationOutputs } from "../../../sdk/types";
import { clientsFor, domainArn, expectErrorNamed, integrationArn, s3Flow } from "../../support/emulator-harness";

const BUILTINS = Object.getOwnPropertyNames(Object.prototype);
const SEED = 0x11;
const RUNS = Number(process.env.HOSTILE_NAMES_RUNS ?? 40);

function stringShape(model: typeof customerProfilesModel, name: string): { re: RegExp; min: number; max: number } {
  const s = model.shapes[name] as { pattern?: string; min?: number; max?: number };
  return { re: s.pattern ? compilePattern(s.pattern) : /^/, min: s.min ?? 0, max: s.max ?? 1024 };
}

const PATTERNS = {
  domain: stringShape(customerProfilesModel, "name"),
  objectType: stringShape(customerProfilesModel, "typeName"),
  tagKey: stringShape(customerProfilesModel, "TagKey"),
  flow: stringShape(customerProfilesModel, "FlowName"),
  connectorProfile: stringShape(appflowModel, "ConnectorProfileName"),
};
type Kind = keyof typeof PATTERNS;
const fits = (kind: Kind, name: string) => {
  const p = PATTERNS[kind];
  return p.re.test(name) && name.length >= p.min && name.length <= p.max;
};

/** Names drawn from a model pattern (the patterns are JavaScript-compatible character classes), or a built-in. */
function names(kind: Kind): fc.Arbitrary<string> {
  const p = PATTERNS[kind];
  const source = p.re.source.replace(/\(\?!aws:\)/, "");
  return fc.oneof(
    fc.constantFrom(...BUILTINS),
    fc.stringMatching(new RegExp(source.startsWith("^") ? source : `^${source}$`)).filter((n) => fits(kind, n) && n.length <= 64),
  );
}

/** One own entry of a map, whatever the key (a literal `{ [k]: v }` would set a prototype for `__proto__`). */
function entry(k: string, v: string): Record<string, string> {
  return Object.defineProperty({}, k, { value: v, enumerable: true, writable: true, configurable: true }) as Record<string, string>;
}

describe("emulator and provider: names are data (property-based)", function () {
  this.timeout(300_000);
  let dir: string;
  let emulator: Emulator;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-names-"));
    emulator = await startEmulator({ stateFile: path.join(dir, "state.json") });
  });
  after(async () => {
    await emulator?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a domain, object type, integration, tag, connector profile and flow of any such name behave as any other, restart included", async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        names("domain"),
        names("objectType"),
        names("tagKey"),
        names("connectorProfile"),
        names("flow"),
        async (domain, objectType, tagKey, profile, flow) => {
          runs++;
          emulator.reset();
          const { customerProfiles: cp, appflow: af } = clientsFor(emulator);
          try {
            // Domains.
            await cp.send(new CreateDomainCommand({ DomainName: domain, DefaultExpirationDays: 1 }));
            assert.equal((await cp.send(new GetDomainCommand({ DomainName: domain }))).DomainName, domain);
            await expectErrorNamed(
              cp.send(new CreateDomainCommand({ DomainName: domain, DefaultExpirationDays: 1 })),
              "BadRequestException",
              400,
              /already exists/,
            );
            assert.deepEqual(
              (await cp.send(new ListDomainsCommand({}))).Items?.map((d) => d.DomainName),
              [domain],
            );
            const other = domain === "other" ? "other2" : "other";
            await expectErrorNamed(cp.send(new GetDomainCommand({ DomainName: other })), "ResourceNotFoundException", 404);

            // Object types.
            await cp.send(
              new PutProfileObjectTypeCommand({
                DomainName: domain,
                ObjectTypeName: objectType,
                Description: "d",
                AllowProfileCreation: true,
                Keys: { k: [{ StandardIdentifiers: ["PROFILE"], FieldNames: ["k"] }] },
                Fields: { k: { Source: "_source.k", Target: "_profile.AccountNumber", ContentType: "STRING" } },
              }),
            );
            assert.equal(
              (await cp.send(new GetProfileObjectTypeCommand({ DomainName: domain, ObjectTypeName: objectType }))).ObjectTypeName,
              objectType,
            );
            assert.deepEqual(
              (await cp.send(new ListProfileObjectTypesCommand({ DomainName: domain }))).Items?.map((t) => t.ObjectTypeName),
              [objectType],
            );

            // Integrations: the name as the Uri, and as an ObjectTypeNames key and value.
            const put = await cp.send(
              new PutIntegrationCommand({
                DomainName: domain,
                Uri: objectType,
                ObjectTypeNames: entry(tagKey, objectType),
                Tags: entry(tagKey, "created"),
              }),
            );
            assert.deepEqual(Object.entries(put.ObjectTypeNames ?? {}), [[tagKey, objectType]]);
            const got = await cp.send(new GetIntegrationCommand({ DomainName: domain, Uri: objectType }));
            assert.deepEqual(Object.entries(got.Tags ?? {}), [[tagKey, "created"]]);
            assert.deepEqual(
              (await cp.send(new ListIntegrationsCommand({ DomainName: domain }))).Items?.map((i) => i.Uri),
              [objectType],
            );

            // Tags: add, list, remove by a key of that name.
            if (fits("tagKey", tagKey)) {
              const arn = domainArn(emulator, domain);
              await cp.send(new TagResourceCommand({ resourceArn: arn, tags: { ...entry(tagKey, "v"), plain: "p" } }));
              assert.deepEqual(
                Object.entries((await cp.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags ?? {}).sort(),
                [
                  [tagKey, "v"],
                  ["plain", "p"],
                ].sort(),
              );
              await cp.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: [tagKey] }));
              assert.deepEqual(Object.entries((await cp.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags ?? {}), [
                ["plain", "p"],
              ]);
              const iarn = integrationArn(emulator, domain, objectType);
              await cp.send(new UntagResourceCommand({ resourceArn: iarn, tagKeys: [tagKey] }));
              assert.equal((await cp.send(new GetIntegrationCommand({ DomainName: domain, Uri: objectType }))).Tags, undefined);
            }

            // AppFlow: a connector profile and a flow of that name.
            await af.send(
              new CreateConnectorProfileCommand({
                connectorProfileName: profile,
                connectorType: "Salesforce",
                connectionMode: "Public",
                connectorProfileConfig: { connectorProfileProperties: { Salesforce: { instanceUrl: "https://x.my.salesforce.com" } } },
              }),
            );
            assert.deepEqual(
              (await af.send(new DescribeConnectorProfilesCommand({ connectorProfileNames: [profile] }))).connectorProfileDetails?.map(
                (p) => p.connectorProfileName,
              ),
              [profile],
            );
            if (fits("flow", flow)) {
              const flowPut = await cp.send(
                new PutIntegrationCommand({ DomainName: domain, ObjectTypeName: objectType, FlowDefinition: s3Flow(flow) }),
              );
              assert.equal((await af.send(new DescribeFlowCommand({ flowName: flow }))).flowName, flow);
              await cp.send(new DeleteIntegrationCommand({ DomainName: domain, Uri: flowPut.Uri }));
              await expectErrorNamed(af.send(new DescribeFlowCommand({ flowName: flow })), "ResourceNotFoundException", 404);
            }

            // Survives a restart from the state file, then deletes as any other name.
            await emulator.close();
            emulator = await startEmulator({ stateFile: path.join(dir, "state.json") });
            const again = clientsFor(emulator);
            assert.equal(
              (await again.customerProfiles.send(new GetIntegrationCommand({ DomainName: domain, Uri: objectType }))).Uri,
              objectType,
            );
            await again.customerProfiles.send(new DeleteIntegrationCommand({ DomainName: domain, Uri: objectType }));
            await again.customerProfiles.send(new DeleteProfileObjectTypeCommand({ DomainName: domain, ObjectTypeName: objectType }));
            await again.appflow.send(new DeleteConnectorProfileCommand({ connectorProfileName: profile }));
            await again.customerProfiles.send(new DeleteDomainCommand({ DomainName: domain }));
            await expectErrorNamed(
              again.customerProfiles.send(new GetDomainCommand({ DomainName: domain })),
              "ResourceNotFoundException",
              404,
            );
            assert.deepEqual((await again.customerProfiles.send(new ListDomainsCommand({}))).Items, []);
            for (const c of [again.customerProfiles, again.appflow, again.sts]) c.destroy();
          } finally {
            cp.destroy();
            af.destroy();
          }
        },
      ),
      {
        seed: SEED,
        numRuns: RUNS,
        examples: BUILTINS.map((n) => [n, n, n, n, n] as [string, string, string, string, string]),
        endOnFailure: true,
      },
    );
    console.log(`      ${runs} runs: all ${BUILTINS.length} Object.prototype names, then generated ones; seed ${SEED}`);
  });

  it("the provider checks, creates, diffs and updates tags and object-type names of any such name", async () => {
    const provider = new IntegrationProvider();
    await provider.configure({
      config: {
        get: () => undefined,
        require: () => {
          throw new Error("unset");
        },
      } as never,
    });
    const saved = { ...process.env };
    Object.assign(process.env, emulator.env);
    let runs = 0;
    try {
      await fc.assert(
        fc.asyncProperty(names("tagKey"), async (key) => {
          runs++;
          emulator.reset();
          const { customerProfiles: cp } = clientsFor(emulator);
          await cp.send(new CreateDomainCommand({ DomainName: "retail", DefaultExpirationDays: 1 }));
          await cp.send(
            new PutProfileObjectTypeCommand({
              DomainName: "retail",
              ObjectTypeName: "Order",
              Description: "d",
              AllowProfileCreation: true,
              Keys: { k: [{ StandardIdentifiers: ["PROFILE"], FieldNames: ["k"] }] },
              Fields: { k: { Source: "_source.k", Target: "_profile.AccountNumber", ContentType: "STRING" } },
            }),
          );
          // An ObjectTypeNames key is an event type: a built-in name is treated as any unknown one is (a
          // warning naming it, README "Preview checks"), never a crash, and kept as written.
          const warnings: string[] = [];
          const restore = setWarningSink((line) => warnings.push(line));
          try {
            const odd = await provider.check({}, {
              domainName: "retail",
              uri: "arn:aws:sqs:us-east-1:123456789012:orders",
              objectTypeNames: entry(key, "Order"),
            } as never);
            assert.ok(
              odd.failures!.every((f) => f.property.startsWith("objectTypeNames")),
              JSON.stringify(odd.failures),
            );
            assert.ok(
              odd.failures!.length > 0 || warnings.some((w) => w.includes(`objectTypeNames[${JSON.stringify(key)}]`)),
              JSON.stringify({ failures: odd.failures, warnings }),
            );
            assert.deepEqual(Object.entries((odd.inputs as { objectTypeNames: Record<string, string> }).objectTypeNames), [[key, "Order"]]);
          } finally {
            restore();
          }
          const inputs = {
            domainName: "retail",
            uri: "arn:aws:sqs:us-east-1:123456789012:orders",
            objectTypeName: "Order",
            tags: { ...entry(key, "v"), team: "crm" },
          };
          const checked = await provider.check({}, inputs as never);
          assert.deepEqual(checked.failures, []);
          assert.deepEqual(
            Object.entries((checked.inputs as typeof inputs).tags).sort(),
            [
              [key, "v"],
              ["team", "crm"],
            ].sort(),
            "normalisation keeps the tag",
          );
          const created = await provider.create(checked.inputs!);
          const outs = created.outs as IntegrationOutputs;
          assert.deepEqual(
            Object.entries(outs.tags ?? {}).sort(),
            [
              [key, "v"],
              ["team", "crm"],
            ].sort(),
          );
          // Unchanged program: no diff.
          assert.equal((await provider.diff(created.id, outs as never, checked.inputs!)).changes, false);
          // Remove the tag: one UntagResource of that key, state without it, and no diff after.
          const next = (await provider.check(outs as never, { ...inputs, tags: { team: "crm" } } as never)).inputs!;
          assert.equal((await provider.diff(created.id, outs as never, next)).changes, true);
          emulator.clearRequests();
          const updated = (await provider.update(created.id, outs as never, next)).outs as IntegrationOutputs;
          assert.deepEqual(
            emulator.requests().map((r) => [r.operation, r.input?.tagKeys]),
            [["UntagResource", [key]]],
          );
          assert.deepEqual(updated.tags, { team: "crm" });
          assert.deepEqual((await cp.send(new GetIntegrationCommand({ DomainName: "retail", Uri: inputs.uri }))).Tags, { team: "crm" });
          assert.equal((await provider.diff(created.id, updated as never, next)).changes, false);
          cp.destroy();
        }),
        { seed: SEED, numRuns: Math.ceil(RUNS / 2), examples: BUILTINS.map((n) => [n] as [string]), endOnFailure: true },
      );
    } finally {
      for (const k of Object.keys(process.env)) if (!Object.hasOwn(saved, k)) delete process.env[k];
      Object.assign(process.env, saved);
    }
    console.log(`      ${runs} provider runs: all ${BUILTINS.length} Object.prototype names, then generated ones; seed ${SEED}`);
  });
});
