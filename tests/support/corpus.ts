/**
 * The corpus of PutIntegration requests written by others (tests/corpus/*.json, one file per source),
 * and what a spec needs to run one: the request as a program writes it, and the resources it refers to.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CreateConnectorProfileCommand, type ConnectorType } from "@aws-sdk/client-appflow";
import { fromApi } from "../../provider/mapping";
import { customerProfilesModel } from "../../model/generated/customer-profiles";
import type { EmulatorHandle } from "./aws-env";
import { createDomainWithObjectTypes } from "./emulator-harness";

export type Api = Record<string, any>;
export interface CorpusFile {
  source: string;
  title: string;
  placeholders: Record<string, string>;
  /** `warnings`: the properties check warns about (rules no source shows AWS enforcing); none when absent. */
  valid?: { name: string; request: Api; warnings?: string[] }[];
  base?: Api;
  invalid?: { name: string; set: Record<string, string>; checkPath: string; awsPath: string; pattern: string }[];
  /** Requests AWS refuses beyond the model's constraints, with the message the source quotes. */
  refused?: { name: string; request: Api; checkPath: string; awsError: string; awsMessage: string }[];
}

const DIR = path.join(__dirname, "../corpus");
export const corpus: [string, CorpusFile][] = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => [f, JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")) as CorpusFile]);

export const PUT = customerProfilesModel.operations.PutIntegration.input!;
/** The request as a Pulumi program writes it: camelCase, through the provider's own mapping. */
export const asProgram = (request: Api) => fromApi(PUT, request) as Record<string, unknown>;

export function withSet(base: Api, set: Record<string, string>): Api {
  const out = JSON.parse(JSON.stringify(base)) as Api;
  for (const [at, value] of Object.entries(set)) {
    const keys = at.split(".");
    let o = out;
    for (const k of keys.slice(0, -1)) o = o[k];
    o[keys[keys.length - 1]] = value;
  }
  return out;
}

/** Whatever a request refers to: its domain, its object types and its flow's connector profile. */
export async function seedFor(aws: EmulatorHandle, request: Api): Promise<void> {
  const objectTypes = [request.ObjectTypeName, ...Object.values(request.ObjectTypeNames ?? {})].filter(
    (n): n is string => typeof n === "string" && /^[a-zA-Z_][a-zA-Z_0-9-]*$/.test(n),
  );
  await createDomainWithObjectTypes(aws.customerProfiles, request.DomainName, objectTypes);
  const source = request.FlowDefinition?.SourceFlowConfig;
  if (source?.ConnectorProfileName && source.ConnectorType !== "S3") {
    const type = source.ConnectorType as string;
    const instanceUrl = `https://example.${type.toLowerCase()}.example.com`;
    await aws.appflow.send(
      new CreateConnectorProfileCommand({
        connectorProfileName: source.ConnectorProfileName,
        connectorType: type as ConnectorType,
        connectionMode: "Public",
        connectorProfileConfig: {
          connectorProfileProperties: { [type]: { instanceUrl } },
          connectorProfileCredentials: { [type]: { accessToken: "corpus-token", clientId: "corpus-id", clientSecret: "corpus-secret" } },
        },
      }),
    );
  }
}
