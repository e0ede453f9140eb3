/**
 * Two event-driven integrations: Shopify order events and Segment identify calls, each arriving
 * through an Amazon EventBridge partner event source. `objectTypeNames` says which object type
 * each event type is stored as. Both carry tags, which can change without rewriting either.
 */
import * as pulumi from "@pulumi/pulumi";
import { Integration } from "pulumi-customer-profiles-integration";

const config = new pulumi.Config();
const domainName = config.get("domainName") ?? "retail";
const tags = config.getObject<Record<string, string>>("tags") ?? { team: "commerce", env: pulumi.getStack() };

// An integration that already exists (created in the console or by a script) is taken over, not
// re-created, with `adoptExisting`: `pulumi config set adoptExisting true` before the first `pulumi up`.
// (Pulumi's `{ import }` option cannot reach dynamic providers: pulumi/pulumi#16175.)
const adoptExisting = config.getBoolean("adoptExisting");
// Only to show that limitation in this package's own tests: the import option, by id.
const importId = config.get("importId");

const shopifyOrders = new Integration(
  "shopify-orders",
  {
    domainName,
    uri: config.get("shopifyEventSource") ?? "arn:aws:events:us-east-1:123456789012:event-source/aws.partner/shopify.com/1234567/orders",
    objectTypeNames: {
      ShopifyCreateOrders: "ShopifyOrder",
      ShopifyUpdatedOrders: "ShopifyOrder",
    },
    tags,
    adoptExisting,
  },
  importId ? { import: importId } : undefined,
);

const segmentProfiles = new Integration("segment-identify", {
  domainName,
  uri: config.get("segmentEventSource") ?? "arn:aws:events:us-east-1:123456789012:event-source/aws.partner/segment.com/SEGMENT_ID/identify",
  objectTypeNames: { SegmentIdentify: "SegmentProfile" },
  tags,
});

export const shopifyOrdersArn = shopifyOrders.arn;
export const segmentProfilesArn = segmentProfiles.arn;
