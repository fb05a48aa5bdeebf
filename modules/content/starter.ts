import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DB } from "../../db/client";
import { NotFoundError } from "../shared/errors";
import { MODULE_TOPICS } from "../workshop/schemas";
import { createModule } from "../workshop/service";
import { type ModuleFile, parseModuleFile } from "./parse";
import { formatError } from "./problems";
import { importModuleFiles } from "./service";

export const STARTER_CREDIT = "Alongside starter content";

/**
 * Found from this file's location, not the working directory: the CLI, tests and the server all
 * start elsewhere, and in the server's bundle this code lives in build/ rather than modules/content/.
 */
function findStarterFolder(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth++) {
    const candidate = path.join(dir, "content", "starter");
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error("The starter content folder (content/starter) is missing.");
}

const STARTER_FOLDER = findStarterFolder();

export type StarterModule = ModuleFile & { slug: string; fileName: string; text: string };

function starterFiles(): { slug: string; fileName: string; text: string }[] {
  return fs
    .readdirSync(STARTER_FOLDER)
    .filter((name) => name.endsWith(".md"))
    .map((fileName) => ({
      slug: fileName.replace(/\.md$/, ""),
      fileName,
      text: fs.readFileSync(path.join(STARTER_FOLDER, fileName), "utf8"),
    }));
}

function read(file: { slug: string; fileName: string; text: string }): StarterModule {
  const result = parseModuleFile(file.text, `content/starter/${file.fileName}`);
  // The starter files ship with the code and are checked by its tests: a broken one is a bug.
  if (!result.ok) throw new Error(`Starter content is broken:\n${result.errors.map(formatError).join("\n")}`);
  return { ...file, ...result.module };
}

/** The starter modules in curriculum order (the order of the module topics). */
export function listStarterModules(): StarterModule[] {
  const rank = (m: StarterModule) => MODULE_TOPICS.indexOf(m.details.topic);
  return starterFiles()
    .map(read)
    .sort((a, b) => rank(a) - rank(b) || a.details.title.localeCompare(b.details.title));
}

/** One starter module by its slug (its file name without .md), or null when there is none. */
export function starterModule(slug: string): StarterModule | null {
  const file = starterFiles().find((f) => f.slug === slug);
  return file ? read(file) : null;
}

/** Imports every starter module into an organisation as drafts, credited to Alongside. */
export function importStarterPack(db: DB, input: { orgId: string; createdBy: string }, now = new Date()) {
  const files = listStarterModules().map((m) => ({ name: `content/starter/${m.fileName}`, text: m.text }));
  const result = importModuleFiles(db, { ...input, originCredit: STARTER_CREDIT, files }, now);
  if (!result.ok) throw new Error(`Starter content is broken:\n${result.errors.map(formatError).join("\n")}`);
  return result.modules;
}

/** A new draft module from one starter module, for a facilitator to adapt with their co-designers. */
export function startFromStarter(db: DB, input: { orgId: string; createdBy: string; slug: string }, now = new Date()) {
  const starter = starterModule(input.slug);
  if (!starter) throw new NotFoundError("That starter module");
  return db.transaction((tx) =>
    createModule(
      tx,
      {
        ...starter.details,
        orgId: input.orgId,
        createdBy: input.createdBy,
        doc: starter.doc,
        originCredit: STARTER_CREDIT,
      },
      now,
    ),
  );
}
