/**
 * Reading a program's inputs for the check rules. An accessor returns a value only when it is
 * known and of the right type: a value still unknown at preview may turn out right, and a value
 * of the wrong type is already reported by the model's constraints.
 */
import { connectorByKey, sourceConnector, type SourceConnector } from "./connectors";
import { isUnknown, str } from "./unknown";
import { isPlainObject } from "../../model/visit";
import type { Inputs } from "./evidence";

export type Obj = Record<string, unknown>;

export const FLOW = "flowDefinition";
export const SOURCE = `${FLOW}.sourceFlowConfig`;
export const TRIGGER = `${FLOW}.triggerConfig`;
export const SCHEDULED = `${TRIGGER}.triggerProperties.scheduled`;
const taskPath = (i: number) => `${FLOW}.tasks[${i}]`;
export const keyPath = (path: string, key: string) => `${path}[${JSON.stringify(key)}]`;

/** A known object; undefined for anything else, including the unknown sentinel. */
export function obj(v: unknown): Obj | undefined {
  return isPlainObject(v) ? v : undefined;
}

/** Set in the program, known or not. */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

export { quoteBounded as quote } from "../../model/bounded";

export const list = (xs: readonly string[]) => xs.join(", ");

export function flowOf(inputs: Inputs): Obj | undefined {
  return obj(inputs.flowDefinition);
}

export function sourceOf(inputs: Inputs): Obj | undefined {
  return obj(flowOf(inputs)?.sourceFlowConfig);
}

/** The flow's source connector, when its type is known and one the model has. */
export function connectorOf(inputs: Inputs): SourceConnector | undefined {
  return sourceConnector(str(sourceOf(inputs)?.connectorType));
}

export function tasksOf(inputs: Inputs): { task: Obj; path: string }[] {
  const tasks = flowOf(inputs)?.tasks;
  if (!Array.isArray(tasks)) return [];
  return tasks.flatMap((t, i) => {
    const task = obj(t);
    return task ? [{ task, path: taskPath(i) }] : [];
  });
}

/**
 * The operator a task names under whichever connector key, with that key. An operator outside
 * that connector's enum is the model's to report; rules that depend on it stay silent.
 */
export function operatorOf(task: Obj): { key: string; operator: string } | undefined {
  const op = obj(task.connectorOperator);
  if (!op) return undefined;
  for (const [key, v] of Object.entries(op)) {
    const operator = str(v);
    if (operator !== undefined && connectorByKey(key)?.operators.includes(operator)) return { key, operator };
  }
  return undefined;
}

export function triggerTypeOf(inputs: Inputs): string | undefined {
  return str(obj(flowOf(inputs)?.triggerConfig)?.triggerType);
}

/** The schedule member: undefined when absent, "unknown" when it (or what holds it) is not yet known. */
export function scheduledOf(inputs: Inputs): Obj | "unknown" | undefined {
  const trigger = flowOf(inputs)?.triggerConfig;
  if (isUnknown(trigger)) return "unknown";
  const props = obj(trigger)?.triggerProperties;
  if (isUnknown(props)) return "unknown";
  const scheduled = obj(props)?.scheduled;
  if (isUnknown(scheduled)) return "unknown";
  return obj(scheduled);
}

export function knownSchedule(inputs: Inputs): Obj | undefined {
  const s = scheduledOf(inputs);
  return s === "unknown" ? undefined : s;
}
