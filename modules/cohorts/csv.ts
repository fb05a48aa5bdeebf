import { parse } from "csv-parse/sync";
import { z } from "zod";
import { csvText, unneutralisedCell } from "../shared/csv";
import { email as emailField, personName } from "../shared/fields";

export type CsvRow = { line: number; name: string; email: string; problem: string | null };
export type CsvResult = { ok: true; rows: CsvRow[] } | { ok: false; message: string };

const MAX_ROWS = 2000;
const rowSchema = z.object({ name: personName, email: emailField });

/**
 * Reads a learner list (columns "name" and "email", in any order, any letter case). Every row is
 * checked and kept with a plain reason when it cannot be used; the file as a whole fails only when
 * it is not UTF-8 text, has no usable header, or is not CSV at all.
 */
export function parseLearnerCsv(
  bytes: Uint8Array,
  alreadyIn: Set<string> = new Set(),
  alreadyInvited: Set<string> = new Set(),
): CsvResult {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      message: "This file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8” and upload it again.",
    };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record says on which line it ends: blank lines are skipped and a quoted cell
    // can span lines, so a record's position is not its line in the spreadsheet.
    // (csv-parse's types do not model `info`, hence the cast.)
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    return {
      ok: false,
      message: `This file could not be read as CSV (${error instanceof Error ? error.message : "unknown problem"}).`,
    };
  }
  const [header, ...body] = records;
  const columns = (header?.record ?? []).map((h) => h.toLowerCase());
  const nameAt = columns.indexOf("name");
  const emailAt = columns.indexOf("email");
  if (nameAt === -1 || emailAt === -1) {
    const missing =
      nameAt === -1 && emailAt === -1
        ? "The name and email columns are missing."
        : `The ${nameAt === -1 ? "name" : "email"} column is missing.`;
    return { ok: false, message: `The first row must name the columns. ${missing}` };
  }
  if (body.length === 0) return { ok: false, message: "The file has a header but no learners." };
  if (body.length > MAX_ROWS) return { ok: false, message: `Upload at most ${MAX_ROWS} learners at a time.` };
  const seen = new Map<string, number>();
  const rows = body.map(({ record, info }): CsvRow => {
    const line = info.lines - newlinesIn(record);
    // The confirm step sends back the list we wrote, where a name like "=Ann" was neutralised.
    const name = unneutralisedCell(record[nameAt] ?? "");
    const email = unneutralisedCell(record[emailAt] ?? "");
    const parsed = rowSchema.safeParse({ name, email });
    if (!parsed.success)
      return { line, name, email, problem: parsed.error.issues[0]?.message ?? "This row is not valid." };
    const normalised = parsed.data.email;
    const first = seen.get(normalised);
    if (first !== undefined) return { line, name, email, problem: `This email is already on line ${first}.` };
    seen.set(normalised, line);
    if (alreadyIn.has(normalised)) return { line, name, email, problem: "Already in this cohort." };
    if (alreadyInvited.has(normalised)) {
      return { line, name, email, problem: "Already invited to this cohort, and not joined yet." };
    }
    return { line, name: parsed.data.name, email: normalised, problem: null };
  });
  return { ok: true, rows };
}

function newlinesIn(record: string[]) {
  return record.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);
}

/** The rows that passed, as a learner list again (carried through the preview's confirm step). */
export function acceptedRowsCsv(rows: CsvRow[]): string {
  return csvText([["name", "email"], ...rows.filter((r) => !r.problem).map((r) => [r.name, r.email])]);
}
