import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { images, modules } from "../../db/schema";
import { loadDocumentJSON } from "../collaboration/store";
import { findNodes } from "../documents/sections";
import { photo } from "../images/test-images";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { IMPORTED_CREDIT } from "./service";
import { listStarterModules } from "./starter";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const STARTER = path.join(ROOT, "content/starter");

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "modules/content/cli.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("the content CLI", () => {
  let database: ReturnType<typeof testDatabase>;
  let folder: string;
  beforeEach(() => {
    database = testDatabase();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "alongside-content-"));
  });
  afterEach(() => {
    database.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("imports a folder into an organisation, credited to its first facilitator", () => {
    const { db, file } = database;
    const { org, member } = makeOrganisation(db, "CLI Peer Service");
    const facilitator = member(["facilitator"], "Fran");
    member(["facilitator"], "Later Facilitator");

    const run = cli("import", STARTER, "--org", org.slug, "--database", file);
    expect(run.stderr).toBe("");
    expect(run.status, `the export printed: ${run.stdout}`).toBe(0);
    expect(run.stdout).toContain("Imported 5 modules into CLI Peer Service, as drafts:");
    for (const starter of listStarterModules()) expect(run.stdout).toContain(starter.details.title);

    const rows = db.select().from(modules).all();
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r.createdBy))).toEqual(new Set([facilitator.user.id]));
    expect(new Set(rows.map((r) => r.originCredit))).toEqual(new Set([IMPORTED_CREDIT]));
  });

  it("takes a credit, and single files", () => {
    const { db, file } = database;
    const { org, admin } = makeOrganisation(db);
    const run = cli(
      "import",
      path.join(STARTER, "conflict.md"),
      "--org",
      org.slug,
      "--database",
      file,
      "--credit",
      "Peer forum 2024",
    );
    expect(run.status).toBe(0);
    expect(db.select().from(modules).all()).toMatchObject([
      {
        title: "Conflict and abuse from people you support",
        originCredit: "Peer forum 2024",
        createdBy: admin.user.id,
      },
    ]);
  });

  it("prints every problem as file:line: message, imports nothing and exits 1", () => {
    const { db, file } = database;
    const { org } = makeOrganisation(db);
    fs.copyFileSync(path.join(STARTER, "boundaries.md"), path.join(folder, "a-good.md"));
    fs.writeFileSync(
      path.join(folder, "b-bad.md"),
      ["---", "title: Broken", "topic: feelings", "estimatedMinutes: 10", "---", "", ":::reflection", ":::", ""].join(
        "\n",
      ),
    );
    fs.writeFileSync(path.join(folder, "notes.txt"), "Not a module: skipped.");

    const run = cli("import", folder, "--org", org.slug, "--database", file);
    expect(run.status).toBe(1);
    const bad = path.join(folder, "b-bad.md");
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      `${bad}:3: Unknown topic "feelings". Use one of: boundaries, conflict, self_care, trauma_triggers, supervision, other.`,
      `${bad}:7: This reflection prompt is empty: write the question the learner will answer privately.`,
      "Nothing was imported: fix the problems above and run the import again.",
    ]);
    expect(db.select().from(modules).all()).toHaveLength(0);
  });

  it("refuses an organisation that does not exist", () => {
    const run = cli("import", STARTER, "--org", "nowhere", "--database", database.file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('No organisation has the slug "nowhere".');
  });

  it("explains how to use it when the arguments are wrong", () => {
    const run = cli("import", STARTER, "--database", database.file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Name the files or folders to import, and --org.");
    expect(run.stderr).toContain("Usage:");
  });

  it("takes a module id that begins with a dash as the id, not as an option", () => {
    // Ids are random base64url, so about one in 64 begins with "-".
    const plain = cli("export", "AAAAAAAAAAAAAAAAAAAAAA", "--database", database.file);
    const dashed = cli("export", "-AAAAAAAAAAAAAAAAAAAAA", "--database", database.file);
    expect(dashed.status).toBe(1);
    expect(dashed.stderr).not.toContain("Unknown option");
    expect(dashed.stderr).toBe(plain.stderr.replace("AAAAAAAAAAAAAAAAAAAAAA", "-AAAAAAAAAAAAAAAAAAAAA"));
  });

  it("exports a module to a file that imports back the same", () => {
    const { db, file } = database;
    const { org } = makeOrganisation(db);
    const imported = cli("import", path.join(STARTER, "supervision.md"), "--org", org.slug, "--database", file);
    expect(imported.status, `the import printed: ${imported.stdout}${imported.stderr}`).toBe(0);
    const [row] = db.select().from(modules).all();
    expect(row, "the module the import made").toBeDefined();
    const out = path.join(folder, "exported.md");

    const run = cli("export", row?.id ?? "", "--database", file, "--out", out);
    expect(run.stderr).toBe("");
    expect(run.status, `the export printed: ${run.stdout}`).toBe(0);
    expect(fs.readFileSync(out, "utf8")).toBe(fs.readFileSync(path.join(STARTER, "supervision.md"), "utf8"));
    expect(cli("export", row?.id ?? "", "--database", file).stdout).toBe(fs.readFileSync(out, "utf8"));
  });

  it("reads the images a file names from beside it, and writes them beside the file it exports", async () => {
    const { db, file } = database;
    const { org } = makeOrganisation(db);
    const source = path.join(folder, "source");
    fs.mkdirSync(path.join(source, "pictures"), { recursive: true });
    fs.writeFileSync(path.join(source, "pictures", "bench.jpg"), await photo(900, 600));
    fs.writeFileSync(path.join(folder, "outside.jpg"), await photo(300, 200));
    const lesson = (image: string) =>
      [
        "---",
        "title: A bench",
        "topic: boundaries",
        "estimatedMinutes: 10",
        "---",
        "",
        "## Sitting",
        "",
        image,
        "",
      ].join("\n");

    fs.writeFileSync(path.join(source, "lesson.md"), lesson("![A bench by a river](../outside.jpg)"));
    const climbing = cli("import", source, "--org", org.slug, "--database", file);
    expect(climbing.status).toBe(1);
    expect(climbing.stderr).toContain(
      `${path.join(source, "lesson.md")}:9: “../outside.jpg” is not a file beside this one`,
    );

    fs.writeFileSync(path.join(source, "lesson.md"), lesson("![A bench by a river](pictures/missing.jpg)"));
    const missing = cli("import", source, "--org", org.slug, "--database", file);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`${path.join(source, "lesson.md")}:9: “pictures/missing.jpg” is missing`);
    expect(db.select().from(modules).all()).toHaveLength(0);

    fs.writeFileSync(path.join(source, "lesson.md"), lesson("![A bench by a river](pictures/bench.jpg)"));
    const imported = cli("import", source, "--org", org.slug, "--database", file);
    expect(imported.status, `the import printed: ${imported.stdout}${imported.stderr}`).toBe(0);
    const [row] = db.select().from(modules).all();
    const [image] = findNodes(loadDocumentJSON(db, row?.id ?? ""), "image");
    expect(image?.attrs).toMatchObject({ alt: "A bench by a river", width: 900, height: 600 });
    expect(
      db
        .select()
        .from(images)
        .all()
        .map((i) => ({ id: i.id, orgId: i.orgId })),
    ).toEqual([{ id: image?.attrs?.imageId, orgId: org.id }]);

    const toStdout = cli("export", row?.id ?? "", "--database", file);
    expect(toStdout.status).toBe(1);
    expect(toStdout.stderr).toContain(
      "This module has 1 image: name a file with --out, and they are written beside it.",
    );

    const out = path.join(folder, "exported", "a-bench.md");
    fs.mkdirSync(path.dirname(out));
    const exported = cli("export", row?.id ?? "", "--database", file, "--out", out);
    expect(exported.status, `the export printed: ${exported.stdout}${exported.stderr}`).toBe(0);
    expect(exported.stdout).toContain("with 1 image beside it");
    const written = path.join(folder, "exported", "images", `${image?.attrs?.imageId}.webp`);
    expect(fs.readFileSync(out, "utf8")).toContain(`![A bench by a river](images/${image?.attrs?.imageId}.webp)`);
    expect(fs.statSync(written).size).toBeGreaterThan(0);

    const again = cli("import", out, "--org", org.slug, "--database", file);
    expect(again.status, `the import printed: ${again.stdout}${again.stderr}`).toBe(0);
    expect(db.select().from(images).all()).toHaveLength(2);
  }, 120_000);
});
