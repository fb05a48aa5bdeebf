import { z } from "zod";

/** Longer queries are cut to this many characters, and the page says so. */
export const MAX_QUERY_LENGTH = 200;
/** Words beyond this many are left out: each one is another lookup in the index. */
export const MAX_TERMS = 12;

export type SearchQuery = {
  /** What was searched for, as the box shows it again (cut to the limit). */
  text: string;
  /** The query was longer than the limit and was cut. */
  trimmed: boolean;
  /** The FTS5 expression, or null when there is no word to look for. */
  match: string | null;
};

/**
 * Turns what someone typed into an FTS5 expression that can never be a syntax error: every word
 * becomes a quoted string (quotes inside doubled), matched as a prefix, and all must appear. So
 * `"`, `*`, `:`, `-`, `NEAR(` and `AND` are only ever text. Control characters are dropped, which
 * also keeps the highlight markers (\u0001, \u0002) out of anything a person can type.
 */
export function parseQuery(raw: string): SearchQuery {
  const clean = raw.replace(/\p{Cc}/gu, " ");
  const trimmed = clean.length > MAX_QUERY_LENGTH;
  const text = (trimmed ? clean.slice(0, MAX_QUERY_LENGTH) : clean).trim();
  const terms = text
    .split(/\s+/)
    .filter((term) => /[\p{L}\p{N}]/u.test(term))
    .slice(0, MAX_TERMS);
  const match = terms.length === 0 ? null : terms.map((term) => `"${term.replaceAll('"', '""')}"*`).join(" ");
  return { text, trimmed, match };
}

/** The search box's value from the address: anything at all is a query, and a missing one is none. */
export const searchQuerySchema = z
  .string()
  .nullish()
  .transform((v) => parseQuery(v ?? ""));
