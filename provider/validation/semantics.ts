/**
 * The registry of PutIntegration's rules that its model cannot express, in the order they report.
 * Each family lives in rules/; each rule cites its evidence, and its level follows from the
 * evidence's kind (evidence.ts). The table in docs/rules-and-evidence.md lists them.
 */
import { OBJECT_TYPE_RULES } from "./rules/object-types";
import { TARGET_RULES } from "./rules/target";
import { SOURCE_RULES } from "./rules/source";
import { TASK_RULES } from "./rules/tasks";
import { SCHEDULE_RULES } from "./rules/schedule";
import { FLOW_RULES } from "./rules/flows";
import type { Finding, Inputs, SemanticContext, SemanticRule } from "./evidence";

export type { Finding, SemanticContext, SemanticRule } from "./evidence";

export const SEMANTIC_RULES: readonly SemanticRule[] = [
  ...OBJECT_TYPE_RULES,
  ...TARGET_RULES,
  ...SOURCE_RULES,
  ...TASK_RULES,
  ...SCHEDULE_RULES,
  ...FLOW_RULES,
];

export function semanticFindings(inputs: Inputs, ctx: SemanticContext): Finding[] {
  return SEMANTIC_RULES.flatMap((r) => r.check(inputs, ctx).map((f): Finding => (r.level === "warning" ? { ...f, warning: true } : f)));
}
