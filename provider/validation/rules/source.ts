/** Rules on a flow's source: its connector profile and the connector properties it reads. */
import { connectorByKey, needsConnectorProfile } from "../connectors";
import { SOURCE, connectorOf, isSet, obj, sourceOf } from "../accessors";
import { rule, type Finding, type Inputs } from "../evidence";
import { APPFLOW_MODEL } from "./sources";

function connectorProfileNameRequired(inputs: Inputs): Finding[] {
  const source = sourceOf(inputs);
  const connector = connectorOf(inputs);
  if (!source || !connector || !needsConnectorProfile(connector) || isSet(source.connectorProfileName)) return [];
  return [
    {
      property: `${SOURCE}.connectorProfileName`,
      reason:
        `is required when connectorType is ${connector.connectorType}: it names the AppFlow connector profile ` +
        `that holds the ${connector.connectorType} connection (only S3 sources need none)`,
    },
  ];
}

function sourceConnectorPropertiesMatchConnectorType(inputs: Inputs): Finding[] {
  const connector = connectorOf(inputs);
  const props = obj(sourceOf(inputs)?.sourceConnectorProperties);
  if (!connector || !props) return [];
  const at = `${SOURCE}.sourceConnectorProperties`;
  const out: Finding[] = [];
  for (const [key, v] of Object.entries(props)) {
    if (!isSet(v) || key === connector.key || !connectorByKey(key)) continue;
    out.push({
      property: `${at}.${key}`,
      reason:
        `must not be set when connectorType is ${connector.connectorType}: sourceConnectorProperties holds ` +
        `exactly the member of the flow's source, ${connector.key}`,
    });
  }
  if (!isSet(props[connector.key])) {
    out.push({
      property: `${at}.${connector.key}`,
      reason: `is required when connectorType is ${connector.connectorType}: it says what to read from the source`,
    });
  }
  return out;
}

export const SOURCE_RULES = [
  rule({
    name: "connectorProfileNameRequired",
    check: connectorProfileNameRequired,
    evidence: {
      kind: "no-evidence",
      sources: [
        {
          url: "https://docs.aws.amazon.com/appflow/1.0/APIReference/API_SourceFlowConfig.html",
          quote: "The name of the connector profile.",
        },
        {
          file: APPFLOW_MODEL,
          quote: `"SourceFlowConfig":{ "type":"structure", "required":[ "connectorType", "sourceConnectorProperties" ],`,
        },
      ],
      note: "connectorProfileName is optional; no source shows a refusal",
    },
  }),
  rule({
    name: "sourceConnectorPropertiesMatchConnectorType",
    check: sourceConnectorPropertiesMatchConnectorType,
    evidence: {
      kind: "no-evidence",
      sources: [
        {
          url: "https://docs.aws.amazon.com/appflow/1.0/APIReference/API_SourceConnectorProperties.html",
          quote: "Specifies the information that is required to query a particular connector.",
        },
        { file: APPFLOW_MODEL, quote: "Specifies the information that is required to query a particular connector." },
      ],
      note: "one member per connector; no source shows a refusal",
    },
  }),
];
