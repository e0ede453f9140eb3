/**
 * The compact form of an AWS API model that the generator emits (scripts/generate-model.ts).
 * It keeps what code needs at run time — wire locations and constraints — and drops the
 * documentation, so the provider and the local endpoint share one source of truth without
 * shipping or reading the ~800 KB botocore files.
 */
export interface ServiceModel {
  metadata: {
    apiVersion: string;
    endpointPrefix: string;
    signingName: string;
    protocol: "rest-json" | "query";
    serviceId: string;
    xmlNamespace?: string;
  };
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
}

export interface OperationModel {
  http: { method: string; requestUri: string; responseCode?: number };
  input?: string;
  output?: string;
  errors: string[];
}

export interface MemberRef {
  shape: string;
  location?: "uri" | "querystring" | "header" | "headers" | "statusCode";
  locationName?: string;
  timestampFormat?: string;
  idempotencyToken?: boolean;
}

interface Constrained {
  min?: number;
  max?: number;
  sensitive?: boolean;
}

export type Shape =
  | (Constrained & {
      type: "structure";
      members: Record<string, MemberRef>;
      required?: string[];
      error?: { httpStatusCode: number; code?: string; senderFault?: boolean };
      exception?: boolean;
    })
  | (Constrained & { type: "list"; member: MemberRef })
  | (Constrained & { type: "map"; key: MemberRef; value: MemberRef })
  | (Constrained & { type: "string"; pattern?: string; enum?: string[] })
  | (Constrained & { type: "integer" | "long" | "double" | "float" })
  | (Constrained & { type: "boolean" })
  | (Constrained & { type: "timestamp"; timestampFormat?: string })
  | (Constrained & { type: "blob" });

export type StructureShape = Extract<Shape, { type: "structure" }>;
