/**
 * The API model shared by the provider and the local endpoint: the generated tables, their types
 * and validator, the pattern compiler, the overrides with their evidence, and the ARN helpers.
 * Nothing here knows about Pulumi or HTTP.
 */
export * from "./types";
export * from "./validate";
export { compilePattern } from "./pattern";
export { modelOverrides } from "./overrides";
export { partitionOf, arn, integrationArn } from "./arn";
