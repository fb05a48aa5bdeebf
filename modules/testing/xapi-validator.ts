import validation from "@learninglocker/xapi-validation";

/**
 * The package is CommonJS with its function as `exports.default`: vitest hands that function over as
 * the default import, Playwright's loader hands over the exports object, so both are accepted.
 */
const validateStatement: typeof validation =
  typeof validation === "function" ? validation : (validation as unknown as { default: typeof validation }).default;

/**
 * Learning Locker's own statement validator, the one its LRS runs on every statement it receives:
 * what it reports, one line per problem naming where it is. An empty list is a valid statement.
 */
export function validatorProblems(statement: unknown): string[] {
  // The statement as it travels: JSON, so undefined fields are gone as they are on the wire.
  const warnings = validateStatement(JSON.parse(JSON.stringify(statement)));
  return warnings.map((w) => `${w.path.join(".")}: ${w.name}`);
}
