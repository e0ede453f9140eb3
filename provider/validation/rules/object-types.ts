/** Rules on how an integration names the object types it ingests into. */
import { OBJECT_TYPE_NAMES_EVENT_TYPES } from "../event-types";
import { isUnknown } from "../unknown";
import { isSet, keyPath, list, obj, quote } from "../accessors";
import { rule, type Finding, type Inputs } from "../evidence";
import { API_PUT_INTEGRATION, CUSTOMER_PROFILES_MODEL } from "./sources";

function objectTypeNameXorNames(inputs: Inputs): Finding[] {
  const { objectTypeName, objectTypeNames } = inputs;
  // An unknown value may resolve to nothing; only known presence counts.
  if (isUnknown(objectTypeName) || isUnknown(objectTypeNames)) return [];
  const hasName = isSet(objectTypeName);
  const names = obj(objectTypeNames);
  const hasNames = isSet(objectTypeNames) && !(names && Object.keys(names).length === 0);
  if (hasName && hasNames) {
    return [
      {
        property: "objectTypeNames",
        reason:
          "must not be set together with objectTypeName: set exactly one — objectTypeName for a single object type, " +
          "objectTypeNames to map event types to object types",
      },
    ];
  }
  if (!hasName && !hasNames) {
    return [
      {
        property: "objectTypeName",
        reason:
          "is required unless objectTypeNames is set: exactly one of objectTypeName and objectTypeNames names the " +
          "object type(s) the integration ingests into",
      },
    ];
  }
  return [];
}

function objectTypeNamesAreSupportedEventTypes(inputs: Inputs): Finding[] {
  const names = obj(inputs.objectTypeNames);
  if (!names) return [];
  return Object.keys(names)
    .filter((k) => !OBJECT_TYPE_NAMES_EVENT_TYPES.includes(k))
    .map((k) => {
      const near = OBJECT_TYPE_NAMES_EVENT_TYPES.find((t) => t.toLowerCase() === k.toLowerCase());
      return {
        property: keyPath("objectTypeNames", k),
        reason:
          `key ${quote(k)} is not an event type PutIntegration supports` +
          (near ? ` (did you mean ${near}?)` : "") +
          `; the supported event types are: ${list(OBJECT_TYPE_NAMES_EVENT_TYPES)}`,
      };
    });
}

export const OBJECT_TYPE_RULES = [
  rule({
    name: "objectTypeNameXorNames",
    check: objectTypeNameXorNames,
    evidence: {
      kind: "no-evidence",
      sources: [{ file: CUSTOMER_PROFILES_MODEL, quote: `"PutIntegrationRequest":{ "type":"structure", "required":["DomainName"],` }],
      note: "ObjectTypeName and ObjectTypeNames are both optional; no source shows a refusal of both or neither",
    },
  }),
  rule({
    name: "objectTypeNamesAreSupportedEventTypes",
    check: objectTypeNamesAreSupportedEventTypes,
    evidence: {
      kind: "no-evidence",
      sources: [
        { url: API_PUT_INTEGRATION, quote: "It supports the following event types" },
        { file: CUSTOMER_PROFILES_MODEL, quote: "It supports the following event types: <code>SegmentIdentify</code>" },
      ],
      note: "a list of what is supported, not a refusal of anything else (see event-types.ts)",
    },
  }),
];
