/**
 * The AWS SDK client packages, each required on first use: a preview without flows never loads
 * AppFlow's, and a provider process that only checks loads neither (cold start).
 */
type Cp = typeof import("@aws-sdk/client-customer-profiles");
type Af = typeof import("@aws-sdk/client-appflow");
type Sts = typeof import("@aws-sdk/client-sts");

export const customerProfilesSdk = (): Cp => require("@aws-sdk/client-customer-profiles");
export const appflowSdk = (): Af => require("@aws-sdk/client-appflow");
export const stsSdk = (): Sts => require("@aws-sdk/client-sts");
