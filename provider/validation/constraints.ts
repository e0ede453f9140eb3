/** Every constraint of the API model, checked on the program's inputs. */
import { customerProfilesModel } from "../../model/generated/customer-profiles";
import { validate } from "../../model/validate";
import { toApi } from "../mapping";
import { isPlainObject, lowerFirst, memberOf, setOwn, upperFirst, visitShape } from "../../model/visit";
import { isUnknown } from "./unknown";
import { describeValue, propertyOf, reasonOf } from "./violations";
import type { CheckFailure } from "./types";

const PUT = customerProfilesModel.operations.PutIntegration.input!;

const isEmptyObject = (v: unknown) => isPlainObject(v) && Object.keys(v).length === 0;

/**
 * The inputs as the API will receive them, so that check judges what create sends:
 * - a member written in the API's own spelling (`FlowName` for `flowName`) is reported and left
 *   out: the mapping passes keys it does not know through as written, so it would land on the
 *   API member itself and pass, or override the program's `flowName`;
 * - an empty map or structure is left out, as the request mapping (mapping.ts toApi) leaves it
 *   out of what create sends (so `tags: {}` is no tags, not a map below TagMap's minimum of one entry).
 */
function asSent(shapeName: string, value: unknown, path: string, out: CheckFailure[]): unknown {
  return visitShape(customerProfilesModel, shapeName, value, {
    structure(shape, obj) {
      const kept: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(obj)) {
        const at = path ? `${path}.${k}` : k;
        const camel = lowerFirst(k);
        if (k !== camel && memberOf(shape, k)) {
          out.push({ property: at, reason: `is not a member of this type (did you mean ${camel}?)` });
          continue;
        }
        if (isEmptyObject(v)) continue;
        const ref = memberOf(shape, upperFirst(k));
        setOwn(kept, k, ref ? asSent(ref.shape, v, at, out) : v);
      }
      return kept;
    },
    list: (shape, items) => items.map((v, i) => asSent(shape.member.shape, v, `${path}[${i}]`, out)),
    map(shape, obj) {
      const kept: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(obj)) {
        if (!isEmptyObject(v)) setOwn(kept, k, asSent(shape.value.shape, v, `${path}[${JSON.stringify(k)}]`, out));
      }
      return kept;
    },
    other: (_shape, v) => v,
  });
}

/** The inputs (camelCase, without `region`) checked against PutIntegration's request shape. */
export function constraintFailures(inputs: Record<string, unknown>): CheckFailure[] {
  // region and adoptExisting are the provider's own, never sent to the API.
  const { region: _region, adoptExisting: _adopt, ...members } = inputs;
  const misspelt: CheckFailure[] = [];
  const request = toApi(PUT, asSent(PUT, members, "", misspelt));
  const violations = validate(customerProfilesModel, PUT, request, { unknownMembers: "error", isUnknown });
  if (_adopt !== undefined && !isUnknown(_adopt) && typeof _adopt !== "boolean") {
    misspelt.push({ property: "adoptExisting", reason: `must be a boolean${describeValue("type", _adopt)}` });
  }
  return [...misspelt, ...violations.map((v) => ({ property: propertyOf(v), reason: reasonOf(v) }))];
}
