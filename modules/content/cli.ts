/**
 * Imports content files into an organisation, or exports a module as a file.
 *
 *   npm run content:import -- <file|folder>… --org <slug> [--database path] [--credit text]
 *   npm run content:export -- <moduleId> [--database path] [--out file]
 *
 * Images travel beside the content file, as in the browser's zip: `![Alt](images/leaf.png)` is read
 * from the file's own folder on import, and written there (images/<id>.webp) on export with --out.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { type Connection, closeDatabase, openDatabase } from "../../db/client";
import { getOrganisationBySlug } from "../organisations/service";
import { imagesAskedFor } from "./images-asked-for";
import { moduleImageFiles } from "./images-beside";
import { importWithImages } from "./import-with-images";
import { type ContentFile, defaultAuthor, exportModule, IMPORTED_CREDIT, moduleOrganisation } from "./service";

const USAGE = `Usage:
  npm run content:import -- <file|folder>... --org <slug> [--database path] [--credit text]
  npm run content:export -- <moduleId> [--database path] [--out file]`;

class UsageError extends Error {}

/** A folder contributes its .md files (and those of its sub-folders), in name order. */
function collectFiles(target: string): ContentFile[] {
  if (!fs.existsSync(target)) throw new UsageError(`${target}: no such file or folder`);
  if (fs.statSync(target).isDirectory()) {
    return fs
      .readdirSync(target)
      .sort()
      .flatMap((name) => {
        const full = path.join(target, name);
        return fs.statSync(full).isDirectory() || name.endsWith(".md") ? collectFiles(full) : [];
      });
  }
  return [{ name: target, text: fs.readFileSync(target, "utf8") }];
}

async function runImport(db: Connection, targets: string[], org: string | undefined, credit: string | undefined) {
  if (targets.length === 0 || !org) throw new UsageError("Name the files or folders to import, and --org.");
  const files = targets.flatMap(collectFiles);
  if (files.length === 0) throw new UsageError(`No .md files found in ${targets.join(", ")}.`);
  const organisation = getOrganisationBySlug(db, org);
  if (!organisation) throw new UsageError(`No organisation has the slug "${org}".`);
  const createdBy = defaultAuthor(db, organisation.id);
  if (!createdBy) throw new UsageError(`${organisation.name} has no facilitator or admin to credit the import to.`);
  const asked = imagesAskedFor(files);
  const result = asked.ok
    ? await importWithImages(
        db,
        { orgId: organisation.id, createdBy, originCredit: credit ?? IMPORTED_CREDIT, files, images: asked.images },
        new Date(),
      )
    : asked;
  if (!result.ok) {
    for (const problem of result.problems) console.error(problem);
    console.error(
      `Nothing was imported: fix the ${result.problems.length === 1 ? "problem" : "problems"} above and run the import again.`,
    );
    return 1;
  }
  console.log(
    `Imported ${result.modules.length} module${result.modules.length === 1 ? "" : "s"} into ${organisation.name}, as drafts:`,
  );
  for (const m of result.modules) console.log(`  ${m.title}  (id ${m.id}, from ${m.file})`);
  return 0;
}

async function runExport(db: Connection, ids: string[], out: string | undefined) {
  const [moduleId, ...extra] = ids;
  if (!moduleId || extra.length > 0) throw new UsageError("Name one module id to export.");
  const text = exportModule(db, moduleId);
  const images = await moduleImageFiles(db, moduleOrganisation(db, moduleId), moduleId);
  if (!out) {
    if (images.length > 0) {
      throw new UsageError(
        `This module has ${images.length} image${images.length === 1 ? "" : "s"}: name a file with --out, and they are written beside it.`,
      );
    }
    process.stdout.write(text);
    return 0;
  }
  fs.writeFileSync(out, text);
  for (const image of images) {
    const where = path.join(path.dirname(out), image.name);
    fs.mkdirSync(path.dirname(where), { recursive: true });
    fs.writeFileSync(where, image.bytes);
  }
  console.log(
    `Wrote ${out}${images.length > 0 ? `, with ${images.length} image${images.length === 1 ? "" : "s"} beside it` : ""}`,
  );
  return 0;
}

const VALUED = new Set(["--org", "--database", "--credit", "--out"]);

/**
 * Module ids are random base64url, so some begin with "-", which parseArgs would take for an option.
 * Every option here is long, so an argument with a single dash (not an option's value) is moved
 * after "--", where it stays a positional.
 */
function dashedAsPositionals(argv: string[]) {
  if (argv.includes("--")) return argv;
  const dashed = (arg: string, i: number) => /^-[^-]/.test(arg) && !VALUED.has(argv[i - 1] ?? "");
  const moved = argv.filter(dashed);
  return moved.length > 0 ? [...argv.filter((arg, i) => !dashed(arg, i)), "--", ...moved] : argv;
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: dashedAsPositionals(argv),
    allowPositionals: true,
    options: {
      org: { type: "string" },
      database: { type: "string" },
      credit: { type: "string" },
      out: { type: "string" },
    },
  });
  const [command, ...rest] = positionals;
  if (command !== "import" && command !== "export") throw new UsageError("Choose import or export.");
  const db = openDatabase(values.database ?? (process.env.DATABASE_PATH || "data/alongside.sqlite"));
  try {
    return command === "import"
      ? await runImport(db, rest, values.org, values.credit)
      : await runExport(db, rest, values.out);
  } finally {
    closeDatabase(db);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const usage =
    error instanceof UsageError ||
    (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"));
  console.error(error instanceof Error ? error.message : String(error));
  if (usage) console.error(USAGE);
  process.exitCode = 1;
}
