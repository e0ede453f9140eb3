/**
 * The one place where this package departs from the official API models.
 *
 * Each entry names a constraint that the published model states but the live service does
 * not (or cannot) enforce as written. The generator drops these from the constraints table,
 * so neither the provider's preview checks nor the local endpoint reject input AWS accepts.
 * Add an entry only with the evidence in `why`.
 */
export interface ModelOverride {
  service: "customer-profiles" | "appflow" | "sts";
  shape: string;
  drop: "pattern" | "min" | "max" | "enum";
  why: string;
}

export const modelOverrides: ModelOverride[] = [
  {
    service: "customer-profiles",
    shape: "TagArn",
    drop: "pattern",
    why:
      "The model gives TagArn the pattern ^arn:[a-z0-9]{1,10}:profile$, which matches no resource ARN " +
      "(every real ARN has region, account and resource parts); TagResource/UntagResource/ListTagsForResource " +
      "accept real integration and domain ARNs.",
  },
];
