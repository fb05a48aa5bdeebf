import { strToU8, type Zippable, zipSync } from "fflate";

export type PackageFile = { path: string; content: string | Uint8Array };

/** Every entry dated the same, so one course version always makes the same bytes. */
const FIXED_DATE = new Date("2026-01-01T00:00:00Z");

/**
 * The archive, built whole in memory before a byte is sent: a download is complete or it is an error,
 * never half a package. Paths are checked so nothing can be written outside the package when unzipped.
 */
export function zipFiles(files: PackageFile[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) {
    if (!/^[a-z0-9][a-z0-9._/-]*$/i.test(file.path) || file.path.includes("..")) {
      throw new Error(`Not a safe path in a package: ${file.path}`);
    }
    if (file.path in entries) throw new Error(`Two files at one path in a package: ${file.path}`);
    const bytes = typeof file.content === "string" ? strToU8(file.content) : file.content;
    entries[file.path] = [bytes, { level: 6, mtime: FIXED_DATE }];
  }
  return zipSync(entries);
}
