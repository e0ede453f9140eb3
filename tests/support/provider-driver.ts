/**
 * The provider driven in-process the way Pulumi's dynamic provider drives it: check, then
 * create/diff/update/delete/read, with `__provider` carried in the properties as the engine
 * carries it; settings changed through the environment as a user changes them.
 */
import { strict as assert } from "assert";
import type * as pulumi from "@pulumi/pulumi";
import { IntegrationProvider } from "../../provider";
import { resetClients, resetConnectorProfileCatalog } from "../../provider/testing";
import type { IntegrationInputs, IntegrationOutputs } from "../../sdk/types";

/** What the engine carries in every resource's properties; a partial state must keep it. */
export const SERIALIZED_PROVIDER = "serialized-provider-sentinel";

type Props = Record<string, any>;

export interface Created {
  id: string;
  outs: IntegrationOutputs;
}

/** One provider process, as `pulumi up` runs it. */
export class Engine {
  readonly provider = new IntegrationProvider();

  /** A provider configured as the engine configures it, with no stack config. */
  static async start(): Promise<Engine> {
    const engine = new Engine();
    await engine.provider.configure({
      config: {
        get: () => undefined,
        require: () => {
          throw new Error("unset");
        },
      } as never,
    });
    return engine;
  }

  /** A new resource: check, then create with the checked inputs. */
  async create(inputs: IntegrationInputs): Promise<Created> {
    const checked = await this.provider.check({}, inputs as Props);
    assert.deepEqual(checked.failures, []);
    const result = await this.provider.create({ ...checked.inputs, __provider: SERIALIZED_PROVIDER });
    return { id: result.id, outs: { ...result.outs, __provider: SERIALIZED_PROVIDER } as IntegrationOutputs };
  }

  /**
   * A changed resource: check → diff → update, as the engine does, for an in-place update. Returns
   * the diff and the new state (the old one when the diff finds nothing to do).
   */
  async step(
    id: string,
    olds: IntegrationOutputs,
    inputs: IntegrationInputs,
  ): Promise<{ diff: pulumi.dynamic.DiffResult; outs: IntegrationOutputs }> {
    const checked = await this.provider.check(olds, inputs as Props);
    assert.deepEqual(checked.failures, []);
    const news = { ...checked.inputs, __provider: SERIALIZED_PROVIDER };
    const diff = await this.provider.diff(id, olds, news);
    if (!diff.changes) return { diff, outs: olds };
    assert.deepEqual(diff.replaces ?? [], [], "an in-place update");
    const result = await this.provider.update(id, olds, news);
    return { diff, outs: { ...result.outs, __provider: SERIALIZED_PROVIDER } as IntegrationOutputs };
  }

  /** check → diff → update; returns the new state, or the old one when there is nothing to do. */
  async update(id: string, olds: IntegrationOutputs, inputs: IntegrationInputs): Promise<IntegrationOutputs> {
    return (await this.step(id, olds, inputs)).outs;
  }

  async delete(id: string, props: IntegrationOutputs): Promise<void> {
    await this.provider.delete(id, props);
  }

  /** A refresh: the host hands the provider's read back with `__provider` carried over, as the engine's host does. */
  async read(id: string, props: Props) {
    const result = await this.provider.read!(id, props);
    const carried = (p?: Props): Props | undefined => (p ? { ...p, __provider: props.__provider } : p);
    return { ...result, props: carried(result.props), ...(result.inputs ? { inputs: carried(result.inputs) } : {}) };
  }

  async diff(id: string, olds: Props, inputs: IntegrationInputs) {
    const checked = await this.provider.check(olds, inputs as Props);
    return this.provider.diff(id, olds, { ...checked.inputs, __provider: SERIALIZED_PROVIDER });
  }
}

/**
 * Runs `fn` with environment variables set (undefined unsets one) and fresh AWS clients, then
 * puts both back: clients read their settings when they are created.
 */
export async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(vars)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetClients();
  resetConnectorProfileCatalog();
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetClients();
    resetConnectorProfileCatalog();
  }
}

/** Small timeouts and few attempts, for specs about what happens when the endpoint does not answer. */
export const IMPATIENT = {
  PULUMI_CUSTOMER_PROFILES_CONNECT_TIMEOUT_MS: "250",
  PULUMI_CUSTOMER_PROFILES_REQUEST_TIMEOUT_MS: "250",
  AWS_MAX_ATTEMPTS: "3",
};

/** Everything written to the console or stderr while `fn` runs. */
export async function capturingOutput<T>(fn: () => Promise<T>): Promise<{ result?: T; error?: unknown; output: string }> {
  const lines: string[] = [];
  const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
  const saved = methods.map((m) => console[m]);
  const stderrWrite = process.stderr.write;
  for (const m of methods) console[m] = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  process.stderr.write = ((chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    return { result: await fn(), output: lines.join("\n") };
  } catch (error) {
    return { error, output: lines.join("\n") };
  } finally {
    methods.forEach((m, i) => (console[m] = saved[i] as never));
    process.stderr.write = stderrWrite;
  }
}
