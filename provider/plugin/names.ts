/**
 * The plugin's names, one place for the schema, the host and the docs: a Pulumi package is named
 * by what it manages (as pulumi-aws-native names its package, not its implementation), and its
 * plugin executable is `pulumi-resource-<package>`, which the engine looks for on PATH.
 */
export const PACKAGE_NAME = "customer-profiles-integration";

/** The one resource: `<package>:<module>:<type>`, in the package's only module. */
export const RESOURCE_TOKEN = `${PACKAGE_NAME}:index:Integration`;

/** The executable the engine starts for the package. */
export const PLUGIN_EXECUTABLE = `pulumi-resource-${PACKAGE_NAME}`;

/** The token of a schema type (a model structure or enum) by its model name. */
export function typeToken(name: string): string {
  return `${PACKAGE_NAME}:index:${name}`;
}

/**
 * Where a TypeScript program imports the plugin's resource from: the package's `./plugin` entry,
 * beside the dynamic resource at its root. The schema the plugin serves says so, so that the
 * TypeScript `pulumi import` prints imports from it.
 */
export const NODEJS_MODULE = "pulumi-customer-profiles-integration/plugin";
