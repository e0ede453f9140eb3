/**
 * The provider plugin's host: the engine's resource calls, as @pulumi/pulumi/provider hands them
 * over, mapped onto the one lifecycle core (provider/provider.ts) that the dynamic provider also
 * runs. Nothing here decides anything about an integration; it only translates:
 * - the plugin's calls carry a URN, and no serialized `__provider`;
 * - diff reports the members that changed, so the engine can show them and apply
 *   `replaceOnChanges` to what the core actually compares;
 * - read of an integration that is gone answers with an empty id, which the engine takes as deleted.
 */
import type * as pulumi from "@pulumi/pulumi";
import * as fs from "fs";
import * as path from "path";
import { IntegrationProvider } from "../provider";
import { STABLE_OUTPUTS, toDiffResult } from "../diff";
import { settingsFromVariables } from "./config";
import { NODEJS_MODULE, RESOURCE_TOKEN } from "./names";
// Imported, not read from disk, so the build copies it beside the compiled host.
import schema = require("./schema.generated.json");

type Props = Record<string, any>;

/** A diff as the plugin reports it: the dynamic provider's, plus the members that changed. */
export interface PluginDiff extends pulumi.provider.DiffResult {
  diffs: string[];
}

function packageVersion(): string {
  // dist/provider/plugin or provider/plugin: the package root is three levels up either way.
  for (const up of ["../../..", "../.."]) {
    const file = path.resolve(__dirname, up, "package.json");
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")).version;
  }
  return "0.0.0";
}

/**
 * The generated schema with the package's version and the module TypeScript programs import from
 * (a subpath, which the SDK generators do not take as a package name; they get their own settings).
 */
function schemaText(version: string): string {
  return JSON.stringify({ ...schema, version, language: { nodejs: { packageName: NODEJS_MODULE } } });
}

function requireIntegration(urn: string): void {
  const type = urn.split("::")[2]?.split("$").pop();
  if (type !== RESOURCE_TOKEN) throw new Error(`unknown resource type ${type} (this plugin manages ${RESOURCE_TOKEN})`);
}

export class PluginHost implements pulumi.provider.Provider {
  readonly version = packageVersion();
  private schemaCache?: string;

  constructor(private readonly core: IntegrationProvider = new IntegrationProvider()) {}

  /** The engine's Configure variables (provider/plugin/server.ts passes them on). */
  configure(variables: Record<string, string>): void {
    this.core.useSettings(settingsFromVariables(variables));
  }

  async getSchema(): Promise<string> {
    return (this.schemaCache ??= schemaText(this.version));
  }

  async check(urn: string, olds: Props, news: Props): Promise<pulumi.provider.CheckResult> {
    requireIntegration(urn);
    const { inputs, failures } = await this.core.check(olds, news);
    return { inputs, failures: failures ?? [] };
  }

  async diff(id: string, urn: string, olds: Props, news: Props): Promise<PluginDiff> {
    requireIntegration(urn);
    const c = await this.core.changes(id, olds, news);
    // Outputs that only a replacement changes are stable otherwise: previews of dependents stay known.
    return { ...toDiffResult(c), diffs: [...c.changed], stables: c.replaces.length ? [] : [...STABLE_OUTPUTS] };
  }

  async create(urn: string, inputs: Props): Promise<pulumi.provider.CreateResult> {
    requireIntegration(urn);
    return this.core.create(inputs);
  }

  async read(id: string, urn: string, props?: Props): Promise<pulumi.provider.ReadResult> {
    requireIntegration(urn);
    const found = await this.core.read(id, props ?? {});
    return found.id ? found : { id: "", props: {} };
  }

  async update(id: string, urn: string, olds: Props, news: Props): Promise<pulumi.provider.UpdateResult> {
    requireIntegration(urn);
    return this.core.update(id, olds, news);
  }

  async delete(id: string, urn: string, props: Props): Promise<void> {
    requireIntegration(urn);
    await this.core.delete(id, props);
  }
}
