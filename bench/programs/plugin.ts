/**
 * The bench program through the provider plugin: `count` EventBridge integrations as
 * bench/programs/integrations.ts declares them (kind "event"), with the plugin's generated
 * TypeScript class (`plugin.Integration`) instead of the dynamic one. The engine runs the plugin
 * process; the program serializes no provider code.
 */
import * as pulumi from "@pulumi/pulumi";

const { plugin } = require("pulumi-customer-profiles-integration") as typeof import("../../index");

const config = new pulumi.Config();
const count = config.requireNumber("count");
const domainName = config.get("domainName") ?? "retail";
const uriPrefix = config.get("uriPrefix") ?? "arn:aws:events:us-east-1:123456789012:event-source/aws.partner/bench.example/1/source";
const tags = config.getObject<Record<string, string>>("tags");

for (let i = 0; i < count; i++) {
  new plugin.Integration(`integration-${i}`, { domainName, uri: `${uriPrefix}-${i}`, objectTypeName: "ShopifyOrder", tags });
}
