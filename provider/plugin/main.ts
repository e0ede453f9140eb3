/** The plugin's entry point: `pulumi-resource-customer-profiles-integration <engine address>`. */
import { PluginHost } from "./host";
import { serve } from "./server";

serve(new PluginHost(), process.argv.slice(2)).catch((err) => {
  console.error(`pulumi-resource-customer-profiles-integration: ${err?.stack ?? err}`);
  process.exit(1);
});
