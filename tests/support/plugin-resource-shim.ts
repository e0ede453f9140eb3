/**
 * A stand-in for the plugin's generated TypeScript class: the plugin's resource as a plain
 * `pulumi.CustomResource` with its type token, every output registered, and enum namespaces whose
 * members are their values (the names pkg/v3's TypeScript generator gives the values these specs
 * use). It passes every key it is given to the engine, as a program in a language without the
 * SDK's types would; and it stands in for the generated class where the installed package has none.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { NODEJS_MODULE, RESOURCE_TOKEN } from "../../provider/plugin/names";
import schema = require("../../provider/plugin/schema.generated.json");

const OUTPUTS = Object.keys((schema.resources as Record<string, { properties: object }>)[RESOURCE_TOKEN].properties);

export const SHIM_SOURCE = `"use strict";
const pulumi = require("@pulumi/pulumi");
const OUTPUTS = ${JSON.stringify(OUTPUTS)};
class Integration extends pulumi.CustomResource {
  constructor(name, args, opts) {
    const props = Object.assign({}, args);
    for (const k of OUTPUTS) if (!(k in props)) props[k] = undefined;
    super(${JSON.stringify(RESOURCE_TOKEN)}, name, props, opts);
  }
}
const members = new Proxy({}, { get: (_t, k) => k });
module.exports = new Proxy({ Integration }, { get: (t, k) => (k in t ? t[k] : typeof k === "string" ? members : undefined) });
`;

/** Installs the stand-in as `moduleName` in a program's node_modules. */
export function installShim(projectDir: string, moduleName: string): void {
  const dir = path.join(projectDir, "node_modules", ...moduleName.split("/"));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: moduleName, version: "0.0.0", main: "index.js" }));
  fs.writeFileSync(path.join(dir, "index.js"), SHIM_SOURCE);
}

/** The stand-in's module name in a program's node_modules. */
export const SHIM_MODULE = "customer-profiles-integration-stand-in";

/**
 * The module a program imports the plugin's resource from: the package's generated class when the
 * installed package exports it (NODEJS_MODULE), else the stand-in, installed.
 */
export function pluginModule(projectDir: string): string {
  const pkg = JSON.parse(
    fs.readFileSync(path.join(projectDir, "node_modules", "pulumi-customer-profiles-integration", "package.json"), "utf8"),
  );
  if (pkg.exports?.["./plugin"]) return NODEJS_MODULE;
  installShim(projectDir, SHIM_MODULE);
  return SHIM_MODULE;
}
