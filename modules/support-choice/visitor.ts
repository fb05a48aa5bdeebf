import { VISITOR_SUPPORT } from "../organisations/index";
import { fitsByName, rankForChoice, type SupportChoice } from "./rank";
import { supportChoiceSchema } from "./schemas";

/*
 * Someone not signed in keeps their choice in their own browser (docs/decisions/0030): it is never
 * stored here, and signing in neither reads nor copies it. What comes back from the browser may have
 * been changed by anyone, so it is checked as strictly as the form it came from.
 */

/** The visitor's choice from what their browser sent, or null for nothing, nothing answered, or anything forged. */
export function visitorChoice(stored: unknown): SupportChoice | null {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return null;
  const parsed = supportChoiceSchema.safeParse(stored);
  if (!parsed.success) return null;
  const populations = [...new Set(parsed.data.populations)];
  if (!parsed.data.nation && populations.length === 0) return null;
  return { nation: parsed.data.nation, populations };
}

/** Support now for a visitor: the UK defaults, what fits their choice first. */
export function supportNowForVisitor(choice: SupportChoice | null) {
  return rankForChoice(VISITOR_SUPPORT, choice).map((r) => ({ ...r, forYou: fitsByName(r, choice) }));
}
