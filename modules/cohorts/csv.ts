import { z } from "zod";
import { csvText, unneutralisedCell } from "../shared/csv";
import { email as emailField, personName } from "../shared/fields";
import { readRecords } from "./csv-records";

export type CsvRow = { line: number; name: string; email: string; problem: string | null };
export type CsvResult = { ok: true; rows: CsvRow[] } | { ok: false; message: string };

const MAX_ROWS = 2000;
const COLUMNS = ["name", "email"] as const;
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
  const read = readRecords(text, COLUMNS);
  if (!read.ok) return read;
  const [header, ...body] = read.records;
  const columns = (header?.cells ?? []).map((h) => h.toLowerCase());
  const nameAt = columns.indexOf("name");
  const emailAt = columns.indexOf("email");
  if (nameAt === -1 || emailAt === -1) {
    const missing =
      nameAt === -1 && emailAt === -1
        ? `The name and email columns are missing.${oneCellHint(header?.cells ?? [])}`
        : `The ${nameAt === -1 ? "name" : "email"} column is missing.`;
    return { ok: false, message: `The first row must name the columns. ${missing}` };
  }
  if (body.length === 0) return { ok: false, message: "The file has a header but no learners." };
  if (body.length > MAX_ROWS) return { ok: false, message: `Upload at most ${MAX_ROWS} learners at a time.` };
  const seen = new Map<string, number>();
  const rows = body.map(({ cells, line }): CsvRow => {
    // The confirm step sends back the list we wrote, where a name like "=Ann" was neutralised.
    const name = unneutralisedCell(cells[nameAt] ?? "");
    const email = unneutralisedCell(cells[emailAt] ?? "");
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

/** A first row read as one cell was most likely separated by something we do not split on: say what it was. */
function oneCellHint(cells: string[]) {
  const [only] = cells;
  if (cells.length !== 1 || !only) return "";
  const shown = only.length > 60 ? `${only.slice(0, 60)}…` : only;
  return ` The first row reads “${shown}”: separate the columns with commas, semicolons or tabs.`;
}

/** The rows that passed, as a learner list again (carried through the preview's confirm step). */
export function acceptedRowsCsv(rows: CsvRow[]): string {
  return csvText([["name", "email"], ...rows.filter((r) => !r.problem).map((r) => [r.name, r.email])]);
}
