import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function markdownFiles(folder: string): string[] {
  return fs.readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return markdownFiles(relative);
    return entry.name.endsWith(".md") ? [relative] : [];
  });
}

/**
 * What a document points a reader to: Markdown links, and paths written out (`docs/…`, `../…`),
 * which readers follow just the same. A link shown as code (`![Alt](images/a.jpg)`, an example of
 * a format) is not one to follow.
 */
function referencesIn(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  const links = [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? "");
  const written = [...text.matchAll(/(?<![\w/.-])((?:\.\.?\/|docs\/)[\w./-]*[\w/])/g)].map((m) => m[1] ?? "");
  return [...links, ...written].filter((target) => !/^[a-z]+:/.test(target) && !target.startsWith("#"));
}

describe("the project's documents", () => {
  it("point only to files that exist in the repository", () => {
    const broken: string[] = [];
    for (const file of ["README.md", "e2e/README.md", ...markdownFiles("docs")]) {
      const text = fs.readFileSync(path.join(root, file), "utf8");
      for (const target of referencesIn(text)) {
        const clean = target.split("#")[0] ?? "";
        // Markdown links and ./ or ../ paths are relative to the document; docs/… to the repository.
        const resolved = clean.startsWith("docs/")
          ? path.join(root, clean)
          : path.resolve(path.dirname(path.join(root, file)), clean);
        const inside = resolved === root || resolved.startsWith(`${root}${path.sep}`);
        // An import path names a module without its extension ("./support/fixtures").
        const exists = fs.existsSync(resolved) || fs.existsSync(`${resolved}.ts`);
        if (!inside || !exists) broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
