import { parse } from "csv-parse/sync";

export type CsvRecord = { line: number; cells: string[] };
export type RecordsResult = { ok: true; records: CsvRecord[] } | { ok: false; message: string };

/** Spreadsheets save "CSV" with commas, or with semicolons where the comma is the decimal mark, or tabs. */
const DELIMITERS = [",", ";", "\t"] as const;

// As lenient as csv-parse allows: a stray quote inside a cell that is not quoted is kept as text.
const LENIENT = { bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true, trim: true };

type Parsed = { record: string[]; info: { lines: number } };

/**
 * The records of a CSV text, each with the line of the file it starts on, separated by whichever
 * delimiter makes the first row hold every one of `columns` (commas when none does).
 */
export function readRecords(text: string, columns: readonly string[]): RecordsResult {
  // csv-parse counts a line break inside a quoted cell written as \r\n (or a lone \r) differently from
  // one between records, so line numbers drifted in files saved on Windows: one kind of line break
  // keeps its count and ours in step.
  const normalised = text.replace(/\r\n?/g, "\n");
  const delimiter = delimiterFor(normalised, columns);
  let parsed: Parsed[];
  try {
    // With `info`, each record says on which line it ends. (csv-parse's types do not model it.)
    parsed = parse(normalised, { ...LENIENT, delimiter, info: true }) as unknown as Parsed[];
  } catch (error) {
    return { ok: false, message: `This file could not be read as CSV (${problemOf(error, normalised, delimiter)}).` };
  }
  return {
    ok: true,
    records: parsed.map(({ record, info }) => ({ line: info.lines - newlinesIn(record), cells: record })),
  };
}

/** The first row's cells under one delimiter, or null when that row cannot be read with it. */
function firstRow(text: string, delimiter: string): string[] | null {
  try {
    const [row] = parse(text, { ...LENIENT, delimiter, to: 1 }) as string[][];
    return row ?? [];
  } catch {
    return null;
  }
}

function delimiterFor(text: string, columns: readonly string[]): string {
  const found = DELIMITERS.find((delimiter) => {
    const cells = firstRow(text, delimiter)?.map((c) => c.toLowerCase()) ?? [];
    return columns.every((column) => cells.includes(column));
  });
  return found ?? ",";
}

function newlinesIn(record: string[]) {
  return record.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);
}

type ParseError = { code?: string; lines?: number; records?: number; message?: string };

/** What is wrong, in plain words, with the line it is on. */
function problemOf(error: unknown, text: string, delimiter: string): string {
  const { code, lines, records = 0, message } = (error ?? {}) as ParseError;
  if (code === "CSV_QUOTE_NOT_CLOSED") {
    // csv-parse reports the end of the file; the quote opened on the first line of the record after
    // the last one it could read.
    return `line ${recordStartAfter(text, delimiter, records)} opens a quote that never closes: add the closing quote, or remove it`;
  }
  if (code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE" || code === "CSV_INVALID_CLOSING_QUOTE") {
    return `line ${lines} has text right after a closing quote: quote the whole cell, or remove the quotes`;
  }
  return lines ? `line ${lines}: ${message ?? "unknown problem"}` : (message ?? "unknown problem");
}

/** The line on which the record after the first `count` records starts (blank lines are skipped). */
function recordStartAfter(text: string, delimiter: string, count: number): number {
  let ended = 0;
  if (count > 0) {
    const read = parse(text, { ...LENIENT, delimiter, info: true, to: count }) as unknown as Parsed[];
    ended = read.at(-1)?.info.lines ?? 0;
  }
  const lines = text.split("\n");
  let index = ended;
  while (index < lines.length - 1 && lines[index]?.trim() === "") index += 1;
  return index + 1;
}
