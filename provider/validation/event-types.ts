/**
 * The event types PutIntegration accepts as `ObjectTypeNames` keys.
 *
 * Source: the official model's documentation of PutIntegrationRequest.ObjectTypeNames
 * (botocore customer-profiles 2020-08-15, vendored in codegen/aws-models): "It supports the
 * following event types: SegmentIdentify, ShopifyCreateCustomers, ShopifyUpdateCustomers,
 * ShopifyCreateDraftOrders, ShopifyUpdateDraftOrders, ShopifyCreateOrders, and
 * ShopifyUpdatedOrders." The same sentence is in the PutIntegration API reference. The generated
 * model drops documentation, so the list lives here; tests/unit/validation compares it with the
 * botocore text so that a model update that adds an event type cannot go unnoticed.
 * (`ShopifyUpdatedOrders` is spelled as the service documents it, not `ShopifyUpdateOrders`.)
 */
export const OBJECT_TYPE_NAMES_EVENT_TYPES: readonly string[] = [
  "SegmentIdentify",
  "ShopifyCreateCustomers",
  "ShopifyUpdateCustomers",
  "ShopifyCreateDraftOrders",
  "ShopifyUpdateDraftOrders",
  "ShopifyCreateOrders",
  "ShopifyUpdatedOrders",
];
