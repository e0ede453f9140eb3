/**
 * The engine's steps, driven in-process: what `pulumi up` does with a resource, one call at a time,
 * so provider specs read as the lifecycle they check.
 */
import { strict as assert } from "assert";
import type * as pulumi from "@pulumi/pulumi";
import { IntegrationProvider } from "../../provider";
import type { IntegrationInputs, IntegrationOutputs } from "../../sdk/types";

/** A provider configured as the engine configures it, with no stack config. */
export async function configuredProvider(): Promise<IntegrationProvider> {
  const p = new IntegrationProvider();
  await p.configure({ config: { get: () => undefined, require: () => { throw new Error("unset"); } } as never });
  return p;
}

export function engineSteps(provider: () => IntegrationProvider) {
  return {
    /** A new resource: check, then create with the checked inputs. */
    async create(inputs: IntegrationInputs) {
      const checked = await provider().check({}, inputs as never);
      assert.deepEqual(checked.failures, []);
      const result = await provider().create(checked.inputs!);
      return { id: result.id, outs: result.outs as IntegrationOutputs };
    },
    /** A changed resource: check, diff (handed to `onDiff` before anything is written), update. */
    async update(id: string, olds: IntegrationOutputs, inputs: IntegrationInputs, onDiff?: (d: pulumi.dynamic.DiffResult) => void) {
      const checked = await provider().check(olds, inputs as never);
      assert.deepEqual(checked.failures, []);
      const d = await provider().diff(id, olds, checked.inputs!);
      onDiff?.(d);
      const result = await provider().update(id, olds, checked.inputs!);
      return { diff: d, outs: result.outs as IntegrationOutputs };
    },
  };
}
