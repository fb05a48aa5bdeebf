/** A title as letters without their accents, digits and hyphens: the same on every system, safe in a header. */
export function fileSlug(title: string, max = 60): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}

/**
 * A course's download file name. A title with nothing left of it (only symbols, or a script with no
 * Latin letters) is named "course": the course page says so, rather than refusing the export.
 */
export function packageFileName(title: string, version: number, suffix: string): string {
  return `${fileSlug(title) || "course"}-v${version}-${suffix}`;
}
