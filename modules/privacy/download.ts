import { strToU8, zipSync } from "fflate";
import type { PersonalDataSet } from "./collect";
import { summaryHtml } from "./summary-html";

/** The zip a person (or the admin passing it on) downloads: data.json and summary.html. */
export function personalDataZip(data: PersonalDataSet): { fileName: string; bytes: Uint8Array } {
  const bytes = zipSync({
    "data.json": strToU8(JSON.stringify(data, null, 2)),
    "summary.html": strToU8(summaryHtml(data)),
  });
  return { fileName: `alongside-data-${data.exportedAt.slice(0, 10)}.zip`, bytes };
}
