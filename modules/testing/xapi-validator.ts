import validateStatement from "@learninglocker/xapi-validation";

/**
 * Learning Locker's own statement validator, the one its LRS runs on every statement it receives:
 * what it reports, one line per problem naming where it is. An empty list is a valid statement.
 */
export function validatorProblems(statement: unknown): string[] {
  // The statement as it travels: JSON, so undefined fields are gone as they are on the wire.
  const warnings = validateStatement(JSON.parse(JSON.stringify(statement)));
  return warnings.map((w) => `${w.path.join(".")}: ${w.name}`);
}
