/**
 * Serves a PluginHost with @pulumi/pulumi/provider's gRPC server, correcting two of its answers:
 * - Configure: the server answers without passing the config on (pulumi/pulumi#10915, and
 *   provider/server.js `configure`), so the region, profile and endpoints a user sets would be
 *   dropped. Here the variables reach the host, and the engine is told the plugin takes plain
 *   values: secrets, resource references and outputs are resolved by the engine, as the lifecycle
 *   core (written for the dynamic provider) expects.
 * - Diff: the server drops `stables` and the changed members; here both reach the engine.
 * - Check's warnings: the engine shows a plugin's stderr only at debug level (unlike a dynamic
 *   provider's: sdk/go/common/resource/plugin/plugin.go, `unstructuredOutput`), so they go to
 *   the engine's log, and check answers once they are sent.
 * Every other call is the server's own. Its Server class is not exported, so the two handlers are
 * swapped where main registers it with gRPC.
 */
import * as path from "path";
import { setWarningSink } from "../validation/warnings";
import type { PluginHost } from "./host";

type Callback = (err: unknown, value?: unknown) => void;
type Call = { request: any };
type Handlers = Record<string, (call: Call, callback: Callback) => unknown>;

/** Modules as @pulumi/pulumi itself resolves them, so the patched gRPC Server is the one it uses. */
function fromPulumi<T>(id: string): T {
  const root = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
  return require(require.resolve(id, { paths: [root] })) as T;
}

/** Warnings sent to the engine's log and not yet acknowledged. */
const pendingLogs = new Set<Promise<void>>();

/** Routes check's warnings to the engine at `address` (the plugin's first argument). */
export function warnThroughEngine(address: string): void {
  const grpc = fromPulumi<any>("@grpc/grpc-js");
  const { EngineClient } = require("@pulumi/pulumi/proto/engine_grpc_pb");
  const engproto = require("@pulumi/pulumi/proto/engine_pb");
  const client = new EngineClient(address, grpc.credentials.createInsecure());
  setWarningSink((line) => {
    const req = new engproto.LogRequest();
    req.setSeverity(engproto.LogSeverity.WARNING);
    req.setMessage(line.replace(/^warning: /, ""));
    // A warning the engine did not take must not fail the check that found it.
    const sent = new Promise<void>((resolve) => client.log(req, () => resolve()));
    pendingLogs.add(sent);
    sent.then(() => pendingLogs.delete(sent));
  });
}

/** The handlers for Configure and Diff, given the server's own for everything else. */
export function correctedHandlers(host: PluginHost, server: Handlers): Handlers {
  const provproto = require("@pulumi/pulumi/proto/provider_pb");
  const overrides: Handlers = {
    check(call, callback) {
      return server.check.call(server, call, (err, value) => Promise.all(pendingLogs).then(() => callback(err, value)));
    },
    configure(call, callback) {
      try {
        const variables: Record<string, string> = {};
        for (const [k, v] of call.request.getVariablesMap().entries()) variables[k] = v;
        host.configure(variables);
        const resp = new provproto.ConfigureResponse();
        resp.setAcceptsecrets(false);
        resp.setAcceptresources(false);
        resp.setAcceptoutputs(false);
        resp.setSupportspreview(false);
        callback(undefined, resp);
      } catch (err) {
        callback(err);
      }
    },
    async diff(call, callback) {
      try {
        const req = call.request;
        const result = await host.diff(req.getId(), req.getUrn(), req.getOlds().toJavaScript(), req.getNews().toJavaScript());
        const resp = new provproto.DiffResponse();
        const { DIFF_SOME, DIFF_NONE } = provproto.DiffResponse.DiffChanges;
        resp.setChanges(result.changes ? DIFF_SOME : DIFF_NONE);
        resp.setReplacesList(result.replaces ?? []);
        resp.setStablesList(result.stables ?? []);
        resp.setDeletebeforereplace(!!result.deleteBeforeReplace);
        resp.setDiffsList(result.diffs);
        callback(undefined, resp);
      } catch (err) {
        callback(err);
      }
    },
  };
  return new Proxy(server, {
    get: (target, key, receiver) =>
      typeof key === "string" && Object.hasOwn(overrides, key) ? overrides[key] : Reflect.get(target, key, receiver),
  }) as Handlers;
}

/** Starts the plugin: prints its port for the engine and serves until the engine ends it. */
export async function serve(host: PluginHost, args: string[]): Promise<void> {
  const grpc = fromPulumi<{ Server: { prototype: { addService: (...a: any[]) => void } } }>("@grpc/grpc-js");
  const { ResourceProviderService } = require("@pulumi/pulumi/proto/provider_grpc_pb");
  const engine = require("@pulumi/pulumi/provider/internals").parseArgs(args)?.engineAddress;
  if (engine) warnThroughEngine(engine);
  const addService = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (this: unknown, service: unknown, implementation: Handlers) {
    const impl = service === ResourceProviderService ? correctedHandlers(host, implementation) : implementation;
    return addService.call(this, service, impl);
  };
  try {
    const { main } = require("@pulumi/pulumi/provider") as typeof import("@pulumi/pulumi/provider");
    await main(host, args);
  } finally {
    grpc.Server.prototype.addService = addService;
  }
}
