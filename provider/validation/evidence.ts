/**
 * What each check rule rests on, and the level that follows from it. A rule states the kind of
 * its evidence and cites it; it never states its level, so a rule cannot fail a preview on the
 * strength of a guess.
 */
import type { CheckFailure } from "./types";

/**
 * - `refusal-seen`: AWS was seen refusing such an input (an error message quoted in public).
 * - `documented-constraint`: AWS's model or reference says the input is refused or required.
 * - `provider-input`: the value is the provider's own to read (never sent, or sent only after the
 *   provider converts it); the provider's code is the authority on what it can use.
 * - `no-evidence`: nothing shows AWS refusing it; the rule is advice.
 */
export type EvidenceKind = "refusal-seen" | "documented-constraint" | "provider-input" | "no-evidence";

/**
 * Where a claim can be read: a public page, or a file in this repository (the vendored models,
 * the provider's own code) that contains `quote`. Whitespace in a file quote is compared loosely,
 * so a quote may span the model's JSON lines.
 */
export type Citation = { url: string; quote: string } | { file: string; quote: string };

export interface Evidence {
  kind: EvidenceKind;
  sources: readonly Citation[];
  /** What the sources add up to, when the quotes alone do not say it. */
  note?: string;
}

export type Level = "error" | "warning";

/**
 * A `provider-input` rule is an error: check never rewrites input, so a value the provider could
 * only use by guessing (a region naming no endpoint, a date that would roll over) must be refused
 * at its path rather than sent as something else.
 */
const LEVELS: Readonly<Record<EvidenceKind, Level>> = {
  "refusal-seen": "error",
  "documented-constraint": "error",
  "provider-input": "error",
  "no-evidence": "warning",
};

function levelOf(kind: EvidenceKind): Level {
  return LEVELS[kind];
}

/** A failure, or with `warning` set, something to tell the user that AWS would accept. */
export interface Finding extends CheckFailure {
  warning?: true;
}

export interface SemanticContext {
  /** The region the integration resolves to (inputs, stack config or environment). */
  region?: string;
}

export type Inputs = Record<string, unknown>;

export interface RuleDefinition {
  name: string;
  evidence: Evidence;
  check(inputs: Inputs, ctx: SemanticContext): CheckFailure[];
}

export interface SemanticRule extends RuleDefinition {
  /** "error" fails the preview; "warning" is said once on stderr and the preview goes on. */
  readonly level: Level;
}

export function rule(def: RuleDefinition): SemanticRule {
  return { ...def, level: levelOf(def.evidence.kind) };
}
