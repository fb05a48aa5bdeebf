/** Comments are quoted only briefly in email: the start of what was said, to recognise it by. */
export const QUOTE_LENGTH = 140;

export function briefly(body: string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  if (flat.length <= QUOTE_LENGTH) return flat;
  const cut = flat.slice(0, QUOTE_LENGTH);
  const space = cut.lastIndexOf(" ");
  return `${(space > QUOTE_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
