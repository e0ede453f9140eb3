/** A failed check, as Pulumi shows it at preview: the input path in the program's spelling and the rule. */
export interface CheckFailure {
  property: string;
  reason: string;
}
