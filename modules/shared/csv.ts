import { stringify } from "csv-stringify/sync";

/**
 * A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets
 * (OWASP's list for CSV injection), so a learner named "=HYPERLINK(…)" could make a trainer's
 * spreadsheet fetch or run something.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The neutralised form of such a cell: a leading single quote makes spreadsheets show it as text. */
const NEUTRALISED = /^'(?=[=+\-@\t\r])/;

function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Rows as CSV text, with every cell a spreadsheet would evaluate neutralised. Every CSV we write goes here. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return stringify(rows.map((row) => row.map(safeCell)));
}

/**
 * A CSV file to download: the same text after a UTF-8 byte order mark, without which Excel reads the
 * file in the computer's legacy encoding and shows "Zoë" as "ZoÃ«".
 */
export function csvFile(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${csvText(rows)}`;
}

/** A cell as it was before `csvText` neutralised it, so that our own CSV reads back to the same values. */
export function unneutralisedCell(value: string): string {
  return value.replace(NEUTRALISED, "");
}
