/**
 * The provider object Pulumi serializes into every resource's state (`__provider`) and runs in
 * its dynamic-provider process. It holds no code of the provider itself, only a loader: on the
 * engine's first Configure call it requires the real provider from the installed package, by
 * package name (never an absolute path, so state written on one machine or checkout works on
 * another), and takes over its methods. This keeps `__provider` near 700 bytes, where a
 * provider that closes over AWS SDK clients serializes to tens of KB and often fails to.
 * Requires @pulumi/pulumi 3.150 or later, whose dynamic provider calls `configure` before
 * anything else (the package's peer dependency says so); every byte here is stored twice in
 * the state of every integration, so nothing else is kept in it.
 */
import type * as pulumi from "@pulumi/pulumi";

export const lazyProvider = {
  async configure(this: Record<string, unknown>, req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    const real = require("pulumi-customer-profiles-integration/provider").createIntegrationProvider();
    for (const m of ["check", "diff", "create", "read", "update", "delete"]) this[m] = real[m].bind(real);
    await real.configure(req);
  },
} as unknown as pulumi.dynamic.ResourceProvider;
