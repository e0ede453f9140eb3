import { strict as assert } from "assert";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { IntegrationProvider } from "../../provider";
import { settingsFromVariables } from "../../provider/plugin/config";
import { PluginHost } from "../../provider/plugin/host";
import { RESOURCE_TOKEN } from "../../provider/plugin/names";
import * as grpc from "@grpc/grpc-js";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { correctedHandlers, warnThroughEngine } from "../../provider/plugin/server";
import { setWarningSink, warn } from "../../provider/validation/warnings";
import { eventIntegration, s3FlowIntegration } from "../support/fixtures";

const URN = `urn:pulumi:dev::proj::${RESOURCE_TOKEN}::orders`;

/** Calls one gRPC handler as grpc-js would, and resolves with its answer. */
function callHandler(handler: (call: any, cb: (err: unknown, value?: any) => void) => unknown, request: unknown): Promise<any> {
  return new Promise((resolve, reject) => handler({ request }, (err, value) => (err ? reject(err) : resolve(value))));
}

function configureRequest(variables: Record<string, string>): provproto.ConfigureRequest {
  const req = new provproto.ConfigureRequest();
  for (const [k, v] of Object.entries(variables)) req.getVariablesMap().set(k, v);
  return req;
}

/**
 * The plugin host is a thin adapter: its config comes from the engine's Configure variables
 * (which @pulumi/pulumi/provider's own server drops), and its diff reports what the lifecycle core
 * decided, in the engine's terms.
 */
describe("the provider plugin's host", () => {
  describe("config", () => {
    it("reads region, profile and endpoints from the package's Configure variables, in either key form", () => {
      assert.deepEqual(
        settingsFromVariables({
          "customer-profiles-integration:config:region": "eu-west-1",
          "customer-profiles-integration:profile": "crm",
          "customer-profiles-integration:config:endpoints": '{"customerProfiles":"http://127.0.0.1:4566","sts":""}',
          "aws:config:region": "us-west-2",
        }),
        {
          region: "eu-west-1",
          profile: "crm",
          endpoints: { customerProfiles: "http://127.0.0.1:4566" },
          regionKey: "customer-profiles-integration:region",
        },
      );
    });

    it("leaves what is unset to the standard AWS chain, and asks for the plugin's own region key", async () => {
      const settings = settingsFromVariables({});
      assert.deepEqual(settings, { regionKey: "customer-profiles-integration:region" });
      const saved = [process.env.AWS_REGION, process.env.AWS_DEFAULT_REGION, process.env.AWS_CONFIG_FILE];
      delete process.env.AWS_REGION;
      delete process.env.AWS_DEFAULT_REGION;
      process.env.AWS_CONFIG_FILE = "/nonexistent/aws-config";
      try {
        const core = new IntegrationProvider();
        core.useSettings(settings);
        const { failures } = await core.check({}, eventIntegration());
        assert.match(failures!.find((f) => f.property === "region")!.reason, /pulumi config set customer-profiles-integration:region/);
      } finally {
        const restore = (k: string, v?: string) => (v === undefined ? delete process.env[k] : (process.env[k] = v));
        restore("AWS_REGION", saved[0]);
        restore("AWS_DEFAULT_REGION", saved[1]);
        restore("AWS_CONFIG_FILE", saved[2]);
      }
    });

    it("refuses endpoints that are not an object of known services, saying how to set one", () => {
      assert.throws(
        () => settingsFromVariables({ "customer-profiles-integration:config:endpoints": "http://x" }),
        /pulumi config set --path/,
      );
      assert.throws(
        () => settingsFromVariables({ "customer-profiles-integration:config:endpoints": '{"s3":"http://x"}' }),
        /endpoints\.s3/,
      );
    });

    it("passes the Configure variables on to the lifecycle core and takes plain values from the engine", async () => {
      const core = new IntegrationProvider();
      const handlers = correctedHandlers(new PluginHost(core), {});
      const resp = await callHandler(
        handlers.configure,
        configureRequest({ "customer-profiles-integration:config:region": "ap-southeast-2" }),
      );
      assert.equal(resp.getAcceptsecrets(), false);
      assert.equal(resp.getAcceptresources(), false);
      // The region the core resolves is the configured one: a diff to another region replaces.
      const c = await core.changes("retail/x", { ...eventIntegration(), region: "ap-southeast-2" }, eventIntegration());
      assert.deepEqual(c.replaces, []);
      const moved = await core.changes("retail/x", { ...eventIntegration(), region: "us-east-1" }, eventIntegration());
      assert.deepEqual(moved.replaces, ["region"]);
    });

    it("leaves every other call to @pulumi/pulumi/provider's server", () => {
      const own = { create: () => "the server's create" };
      const handlers = correctedHandlers(new PluginHost(), own as never);
      assert.equal((handlers.create as any)(), "the server's create");
    });
  });

  describe("diff, as the engine receives it", () => {
    async function diffResponse(olds: object, news: object): Promise<provproto.DiffResponse> {
      const core = new IntegrationProvider();
      core.useSettings({ region: "us-east-1" });
      const req = new provproto.DiffRequest();
      req.setId("retail/x");
      req.setUrn(URN);
      req.setOlds(structproto.Struct.fromJavaScript(olds as never));
      req.setNews(structproto.Struct.fromJavaScript(news as never));
      return callHandler(correctedHandlers(new PluginHost(core), {}).diff, req);
    }
    const state = (inputs: object) => ({ ...inputs, region: "us-east-1", arn: "arn:x", createdAt: "2026-01-01T00:00:00.000Z" });
    const { DIFF_SOME, DIFF_NONE } = provproto.DiffResponse.DiffChanges;

    it("reports no change, with the outputs that never change in place as stables", async () => {
      const d = await diffResponse(state(eventIntegration()), eventIntegration());
      assert.equal(d.getChanges(), DIFF_NONE);
      assert.deepEqual(d.getDiffsList(), []);
      assert.deepEqual(d.getStablesList(), ["arn", "createdAt", "uri", "domainName", "region"]);
    });

    it("reports a tag change as an in-place update of tags alone", async () => {
      const d = await diffResponse(state(eventIntegration()), eventIntegration({ tags: { team: "data" } }));
      assert.equal(d.getChanges(), DIFF_SOME);
      assert.deepEqual(d.getDiffsList(), ["tags"]);
      assert.deepEqual(d.getReplacesList(), []);
    });

    it("reports a new flow name of a derived URI as a replacement that must delete first only when the name is kept", async () => {
      const old = state({ ...s3FlowIntegration(), uri: "arn:aws:appflow:us-east-1:123456789012:flow/customers-from-s3" });
      const renamed = s3FlowIntegration();
      renamed.flowDefinition!.flowName = "customers-v2";
      const d = await diffResponse(old, renamed);
      assert.deepEqual(d.getReplacesList(), ["flowDefinition.flowName"]);
      assert.deepEqual(d.getDiffsList(), ["flowDefinition"]);
      assert.deepEqual(d.getStablesList(), []);
      assert.equal(d.getDeletebeforereplace(), false);
      const moved = await diffResponse(old, { ...s3FlowIntegration(), domainName: "other" });
      assert.deepEqual(moved.getReplacesList(), ["domainName"]);
      assert.equal(moved.getDeletebeforereplace(), true);
    });

    it("fails a diff without prior state with the core's advice, not a TypeError", async () => {
      const core = new IntegrationProvider();
      await assert.rejects(new PluginHost(core).diff("retail/x", URN, null as never, eventIntegration()), /got no prior state/);
    });
  });

  describe("check", () => {
    it("refuses a misspelt input at its path, naming the real property, as {property, reason}", async () => {
      const host = new PluginHost();
      const { failures } = await host.check(URN, {}, { domainname: "retail", uri: "u", objectTypeName: "X", region: "us-east-1" });
      assert.deepEqual(
        failures!.filter((f) => f.property === "domainname"),
        [{ property: "domainname", reason: "is not a member of this type (did you mean domainName?)" }],
      );
      const restore = setWarningSink(() => {});
      const flow = await host
        .check(URN, {}, { domainName: "retail", flowDefiniton: s3FlowIntegration().flowDefinition, region: "us-east-1" })
        .finally(restore);
      assert.ok(
        flow.failures!.some((f) => f.property === "flowDefiniton" && /did you mean flowDefinition\?/.test(f.reason)),
        JSON.stringify(flow.failures),
      );
    });

    it("refuses a resource type it does not manage", async () => {
      await assert.rejects(
        new PluginHost().check("urn:pulumi:dev::proj::other:index:Thing::x", {}, {}),
        /unknown resource type other:index:Thing/,
      );
    });

    it("serves the generated schema with the package's version", async () => {
      const host = new PluginHost();
      const schema = JSON.parse(await host.getSchema());
      assert.equal(schema.version, require("../../package.json").version);
      assert.equal(schema.language.nodejs.packageName, "pulumi-customer-profiles-integration/plugin");
      assert.ok(schema.resources[RESOURCE_TOKEN]);
    });
  });

  describe("warnings", () => {
    it("go to the engine's log as warnings, and check answers only once the engine has them", async () => {
      const logged: { severity: number; message: string }[] = [];
      const engine = new grpc.Server();
      engine.addService(EngineService, {
        log(call: any, callback: any) {
          // The engine takes its time: check must still not answer before the warning arrived.
          setTimeout(() => {
            logged.push({ severity: call.request.getSeverity(), message: call.request.getMessage() });
            callback(null, new (require("google-protobuf/google/protobuf/empty_pb").Empty)());
          }, 50);
        },
      } as never);
      const port = await new Promise<number>((resolve, reject) =>
        engine.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
      );
      const restore = setWarningSink(() => {});
      try {
        warnThroughEngine(`127.0.0.1:${port}`);
        const serverCheck = (_call: unknown, cb: (err: unknown, value?: unknown) => void) => {
          warn("integration in domain retail: a thing worth knowing");
          cb(undefined, "checked");
        };
        const answer = await callHandler(correctedHandlers(new PluginHost(), { check: serverCheck }).check, {});
        assert.equal(answer, "checked");
        assert.deepEqual(logged, [{ severity: 2, message: "integration in domain retail: a thing worth knowing" }]);
      } finally {
        restore();
        engine.forceShutdown();
      }
    });
  });
});
