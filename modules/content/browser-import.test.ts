import { eq } from "drizzle-orm";
import { strToU8, zipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { modules } from "../../db/schema";
import { contextFor } from "../auth/context";
import { ForbiddenError, NotFoundError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { importUpload, moduleContentFile } from "./browser-import";
import { parseModuleFile } from "./parse";
import { listStarterModules } from "./starter";
import { MAX_CONTENT_FILE_BYTES, MAX_UPLOAD_FILES } from "./upload";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

const [first, second] = listStarterModules();
const GOOD = first?.text ?? "";
const ALSO_GOOD = second?.text ?? "";
const BROKEN = GOOD.replace(/^topic: .*$/m, "topic: juggling");

function world() {
  const org = makeOrganisation(database.db);
  const fran = org.member(["facilitator"], "Fran Facilitator");
  const cody = org.member(["co_designer"], "Cody Codesigner");
  const count = () => database.db.select().from(modules).where(eq(modules.orgId, org.org.id)).all().length;
  return { fran: contextFor(database.db, fran.actor), cody: contextFor(database.db, cody.actor), count };
}

const md = (name: string, text: string) => ({ name, bytes: strToU8(text) });
const zip = (name: string, files: Record<string, string | Uint8Array>) => ({
  name,
  bytes: zipSync(
    Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === "string" ? strToU8(v) : v])),
  ),
});

describe("importing content files in the browser", () => {
  it("makes a draft from one Markdown file, as the CLI does", async () => {
    const w = world();
    const result = await importUpload(w.fran, md("boundaries.md", GOOD));
    expect(result).toMatchObject({ ok: true, modules: [{ title: first?.details.title, file: "boundaries.md" }] });
    expect(w.count()).toBe(1);
  });

  it("makes a draft from each file of a zip, in folders too, leaving out what operating systems add", async () => {
    const w = world();
    const result = await importUpload(
      w.fran,
      zip("pack.zip", {
        "one.md": GOOD,
        "more/two.md": ALSO_GOOD,
        "__MACOSX/more/._two.md": "\u0000\u0005",
        ".DS_Store": "x",
        "README.txt": "Not a content file.",
      }),
    );
    expect(result.ok && result.modules.map((m) => m.file)).toEqual(["more/two.md", "one.md"]);
    expect(w.count()).toBe(2);
  });

  it("makes nothing when one file of the zip is broken, and names every problem by file and line", async () => {
    const w = world();
    const result = await importUpload(w.fran, zip("pack.zip", { "one.md": GOOD, "broken.md": BROKEN }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.file).toBe("pack.zip");
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems[0]).toMatch(/^broken\.md:\d+/);
    expect(w.count()).toBe(0);
  });

  it("refuses a zip with a path that climbs out of it, and makes nothing", async () => {
    const w = world();
    for (const path of ["../evil.md", "a/../../evil.md", "/etc/evil.md", "C:/evil.md", "a\\..\\evil.md"]) {
      const result = await importUpload(w.fran, zip("pack.zip", { "one.md": GOOD, [path]: GOOD }));
      expect(result, path).toMatchObject({ ok: false });
      expect(!result.ok && result.problems).toEqual([expect.stringContaining("a path outside the zip")]);
    }
    expect(w.count()).toBe(0);
  });

  it("refuses more than 200 content files", async () => {
    const w = world();
    const files = Object.fromEntries(Array.from({ length: MAX_UPLOAD_FILES + 1 }, (_, i) => [`m${i}.md`, GOOD]));
    const result = await importUpload(w.fran, zip("many.zip", files));
    expect(!result.ok && result.problems).toEqual([`“many.zip” holds more than ${MAX_UPLOAD_FILES} content files.`]);
    expect(w.count()).toBe(0);
  });

  it("refuses a huge content file, alone or in a zip, even one that packs small", async () => {
    const w = world();
    const huge = `${GOOD}\n${"A long line of text. ".repeat(MAX_CONTENT_FILE_BYTES / 20)}`;
    expect(await importUpload(w.fran, md("huge.md", huge))).toMatchObject({
      ok: false,
      problems: [expect.stringContaining("a content file can be at most 512 KB")],
    });
    const packed = zip("huge.zip", { "huge.md": huge });
    expect(packed.bytes.byteLength).toBeLessThan(MAX_CONTENT_FILE_BYTES / 10);
    expect(await importUpload(w.fran, packed)).toMatchObject({
      ok: false,
      problems: [expect.stringContaining("a content file can be at most 512 KB")],
    });
    expect(w.count()).toBe(0);
  });

  it("refuses what is not a zip nor Markdown, a broken zip, and a file that is not text", async () => {
    const w = world();
    expect(await importUpload(w.fran, md("photo.png", "\u0089PNG"))).toMatchObject({
      ok: false,
      problems: ["“photo.png” is neither a content file (.md) nor a zip of them."],
    });
    const pack = zip("pack.zip", { "one.md": GOOD });
    expect(await importUpload(w.fran, { name: "pack.zip", bytes: pack.bytes.slice(0, 40) })).toMatchObject({
      ok: false,
      problems: ["“pack.zip” could not be opened as a zip file."],
    });
    expect(
      await importUpload(w.fran, { name: "latin.md", bytes: new Uint8Array([0x74, 0xe9, 0x74, 0xe9]) }),
    ).toMatchObject({
      ok: false,
      problems: [expect.stringContaining("is not a text file")],
    });
    expect(await importUpload(w.fran, zip("empty.zip", { "notes.txt": "hello" }))).toMatchObject({
      ok: false,
      problems: ["“empty.zip” holds no content files (.md)."],
    });
    expect(await importUpload(w.fran, { name: "nothing.md", bytes: new Uint8Array() })).toMatchObject({ ok: false });
    expect(w.count()).toBe(0);
  });

  it("is for facilitators", async () => {
    const w = world();
    await expect(importUpload(w.cody, md("boundaries.md", GOOD))).rejects.toThrow(ForbiddenError);
  });
});

describe("downloading a module as a content file", () => {
  it("gives the module's content file, which imports again as the same module", async () => {
    const w = world();
    const made = await importUpload(w.fran, md("boundaries.md", GOOD));
    if (!made.ok) throw new Error(made.problems.join("\n"));
    const id = made.modules[0]?.id ?? "";
    const file = moduleContentFile(w.fran, id);
    expect(file.fileName).toMatch(/^[a-z0-9-]+\.md$/);
    const parsed = parseModuleFile(file.text, file.fileName);
    expect(parsed.ok && parsed.module.details.title).toBe(first?.details.title);
    expect(() => moduleContentFile(w.cody, id)).toThrow(ForbiddenError);
    const other = makeOrganisation(database.db, "Another").member(["facilitator"]);
    expect(() => moduleContentFile(contextFor(database.db, other.actor), id)).toThrow(NotFoundError);
  });
});
