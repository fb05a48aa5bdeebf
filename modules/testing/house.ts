import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The shape of the code base, read from its source files: which feature writes which table, which
 * feature imports which, and which files import across the layers. The layout test asserts the rules;
 * `npm run house` prints the figures.
 */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function filesUnder(folder: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true })) {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(relative));
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(relative);
  }
  return out;
}

const isTest = (file: string) =>
  /\.test\.tsx?$/.test(file) || file.startsWith("modules/testing/") || file.startsWith("e2e/");

export type SourceFile = { file: string; text: string };

export function sources(folders = ["app", "modules", "db"]): SourceFile[] {
  return folders
    .flatMap((f) => filesUnder(f))
    .map((file) => ({ file, text: fs.readFileSync(path.join(ROOT, file), "utf8") }));
}

/** The feature a file belongs to: `modules/<feature>/…`, or null outside modules/. */
export function featureOf(file: string): string | null {
  const match = /^modules\/([^/]+)\//.exec(file);
  return match?.[1] ?? null;
}

/** Import specifiers of a file, resolved to repository paths where they are relative. */
export function importsOf({ file, text }: SourceFile): string[] {
  const found = [...text.matchAll(/(?:import|export)\s[^;]*?from\s+"([^"]+)"/g)].map((m) => m[1] ?? "");
  return found.map((spec) => {
    if (spec.startsWith("~/")) return path.join("app", spec.slice(2));
    if (spec.startsWith(".")) return path.normalize(path.join(path.dirname(file), spec));
    return spec;
  });
}

/** Table variables written by a file (drizzle insert, update or delete), by their schema names. */
export function tablesWrittenBy({ text }: SourceFile): string[] {
  return [...new Set([...text.matchAll(/\.(?:insert|update|delete)\((\w+)\)/g)].map((m) => m[1] ?? ""))];
}

/** For each table, the features whose production code writes it. */
export function tableWriters(files = sources(["modules"])): Map<string, Set<string>> {
  const writers = new Map<string, Set<string>>();
  for (const source of files) {
    const feature = featureOf(source.file);
    if (!feature || isTest(source.file)) continue;
    for (const table of tablesWrittenBy(source)) {
      const set = writers.get(table) ?? new Set<string>();
      set.add(feature);
      writers.set(table, set);
    }
  }
  return writers;
}

/** Pairs of features whose production code imports each other. */
export function mutualImports(files = sources(["modules"])): [string, string][] {
  const edges = new Set<string>();
  for (const source of files) {
    const from = featureOf(source.file);
    if (!from || isTest(source.file)) continue;
    for (const target of importsOf(source)) {
      const to = featureOf(target);
      if (to && to !== from) edges.add(`${from}>${to}`);
    }
  }
  return [...edges].map((e) => e.split(">") as [string, string]).filter(([a, b]) => a < b && edges.has(`${b}>${a}`));
}

/** Imports that run against the layers: routes to db/, modules/ to app/, db/ up to modules/, production to the test kit. */
export function layerViolations(files = sources()): string[] {
  const found: string[] = [];
  for (const source of files) {
    for (const target of importsOf(source)) {
      const { file } = source;
      if (file.startsWith("app/") && target.startsWith("db/")) found.push(`${file} imports ${target}`);
      if (file.startsWith("modules/") && target.startsWith("app/")) found.push(`${file} imports ${target}`);
      if (file.startsWith("db/") && !isTest(file) && target.startsWith("modules/"))
        found.push(`${file} imports ${target}`);
      if (!isTest(file) && target.startsWith("modules/testing")) found.push(`${file} imports ${target}`);
    }
  }
  return found;
}
