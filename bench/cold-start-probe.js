/**
 * A fresh dynamic-provider process's first Check, without the engine: run by bench/cold-start.ts
 * with plain node (no ts-node, whose own loading would swamp the figure), in the program's
 * directory, as cmd/dynamic-provider/index.js of @pulumi/pulumi runs it:
 *   1. load what that process loads before it can take a request (its own requires);
 *   2. getProvider(): requireFromString(__provider).handler(), then configure with the stack's config;
 *   3. check(olds, news).
 * Input (JSON file named by argv[2]): { news, config, project }. Output: one JSON line of times
 * in ms since the process started (performance.now()).
 */
"use strict";
const { performance } = require("node:perf_hooks");
const fs = require("node:fs");
const path = require("node:path");

async function main() {
  const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const started = performance.now();

  const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [process.cwd()] }));
  const fromPulumi = (id) => require(require.resolve(id, { paths: [pulumiDir] }));
  const own = (rel) => require(path.join(pulumiDir, rel));
  fromPulumi("source-map-support/register");
  fromPulumi("@grpc/grpc-js");
  own("metadata");
  own("runtime/rpc");
  own("version");
  const { Config } = own("cmd/dynamic-provider/config");
  for (const p of ["any_pb", "empty_pb", "struct_pb"]) fromPulumi(`google-protobuf/google/protobuf/${p}`);
  for (const p of ["plugin_pb", "provider_grpc_pb", "provider_pb", "status_pb"]) own(`proto/${p}`);
  own("runtime");
  const requireFromString = fromPulumi("require-from-string");
  const ready = performance.now();

  // What the engine's first Check makes the process do (getProvider, then provider.check).
  const provider = requireFromString(input.news.__provider).handler();
  if (provider.configure) await provider.configure({ config: new Config(input.config, input.project) });
  const configured = performance.now();
  const result = await provider.check({}, input.news);
  const answered = performance.now();

  process.stdout.write(
    `${JSON.stringify({ started, ready, configured, answered, failures: (result.failures || []).map((f) => f.reason) })}\n`,
  );
  // Open sockets (the AWS SDK's keep-alive agent) must not keep the probe alive.
  process.exit(0);
}

main().catch((err) => {
  process.stderr.write(`${(err && err.stack) || err}\n`);
  process.exit(1);
});
