import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { auditEvents, memberships, moduleDocs, modules } from "../../db/schema";
import { appendUpdate, loadYDoc } from "../collaboration/store";
import { FRAGMENT } from "../collaboration/ydoc";
import { findNodes } from "../documents/sections";
import { NotFoundError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { comment, doc, everything, p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { createModule } from "../workshop/service";
import { canonicalDoc } from "./canonical";
import { parseModuleFile } from "./parse";
import { defaultAuthor, exportModule, IMPORTED_CREDIT, importModuleFiles } from "./service";
import { listStarterModules } from "./starter";

const good = (title: string) =>
  [
    "---",
    `title: ${title}`,
    "topic: supervision",
    "estimatedMinutes: 15",
    "---",
    "",
    "## Asking",
    "",
    "Ask for it.",
    "",
  ].join("\n");
const bad = [
  "---",
  "title: Broken",
  "topic: supervision",
  "estimatedMinutes: 15",
  "---",
  "",
  ":::reflect",
  ":::",
  "",
].join("\n");

describe("importing content files", () => {
  let database: ReturnType<typeof testDatabase>;
  beforeEach(() => {
    database = testDatabase();
  });
  afterEach(() => database.close());

  const countRows = () => ({
    modules: database.db.select({ n: sql<number>`count(*)` }).from(modules).get()?.n,
    docs: database.db.select({ n: sql<number>`count(*)` }).from(moduleDocs).get()?.n,
    created: database.db
      .select({ n: sql<number>`count(*)` })
      .from(auditEvents)
      .where(eq(auditEvents.action, "module.created"))
      .get()?.n,
  });

  it("creates a draft module per file, credited as imported content", () => {
    const { db } = database;
    const { org, admin } = makeOrganisation(db);
    const result = importModuleFiles(db, {
      orgId: org.id,
      createdBy: admin.user.id,
      files: [
        { name: "a.md", text: good("First") },
        { name: "b.md", text: good("Second") },
      ],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.modules.map((m) => [m.title, m.file])).toEqual([
      ["First", "a.md"],
      ["Second", "b.md"],
    ]);
    const rows = db.select().from(modules).all();
    expect(rows.map((r) => [r.title, r.topic, r.status, r.originCredit, r.estimatedMinutes])).toEqual([
      ["First", "supervision", "draft", IMPORTED_CREDIT, 15],
      ["Second", "supervision", "draft", IMPORTED_CREDIT, 15],
    ]);
    expect(countRows()).toEqual({ modules: 2, docs: 2, created: 2 });
  });

  it("writes nothing when one file of the batch is broken, and reports every broken file", () => {
    const { db } = database;
    const { org, admin } = makeOrganisation(db);
    const result = importModuleFiles(db, {
      orgId: org.id,
      createdBy: admin.user.id,
      files: [
        { name: "good.md", text: good("Fine") },
        { name: "bad.md", text: bad },
        { name: "worse.md", text: "No front matter at all." },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.file}:${e.line}`)).toEqual(["bad.md:7", "worse.md:1"]);
    expect(countRows()).toEqual({ modules: 0, docs: 0, created: 0 });
  });

  it("writes all the modules in one transaction: a failure on the second undoes the first", () => {
    const { db } = database;
    const { org, admin } = makeOrganisation(db);
    // A real failure from the database itself, partway through the batch.
    db.$client.exec(`CREATE TEMP TRIGGER refuse_second BEFORE INSERT ON modules
      WHEN (SELECT count(*) FROM modules) >= 1 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    expect(() =>
      importModuleFiles(db, {
        orgId: org.id,
        createdBy: admin.user.id,
        files: [
          { name: "a.md", text: good("First") },
          { name: "b.md", text: good("Second") },
        ],
      }),
    ).toThrow(/disk full/);
    expect(countRows()).toEqual({ modules: 0, docs: 0, created: 0 });
  });

  it("takes part in the caller's transaction", () => {
    const { db } = database;
    const { org, admin } = makeOrganisation(db);
    expect(() =>
      db.transaction(() => {
        importModuleFiles(db, {
          orgId: org.id,
          createdBy: admin.user.id,
          files: [{ name: "a.md", text: good("First") }],
        });
        throw new Error("the caller changed its mind");
      }),
    ).toThrow("the caller changed its mind");
    expect(countRows()).toEqual({ modules: 0, docs: 0, created: 0 });
  });

  it("credits whoever the caller names, or no one", () => {
    const { db } = database;
    const { org, admin } = makeOrganisation(db);
    const files = [{ name: "a.md", text: good("First") }];
    importModuleFiles(db, { orgId: org.id, createdBy: admin.user.id, originCredit: "North East pilot", files });
    importModuleFiles(db, { orgId: org.id, createdBy: admin.user.id, originCredit: null, files });
    expect(
      db
        .select({ credit: modules.originCredit })
        .from(modules)
        .all()
        .map((r) => r.credit),
    ).toEqual(["North East pilot", null]);
  });
});

describe("exporting a module", () => {
  let database: ReturnType<typeof testDatabase>;
  beforeEach(() => {
    database = testDatabase();
  });
  afterEach(() => database.close());

  it.each(listStarterModules().map((s) => [s.slug, s] as const))(
    "%s: import then export gives back the file",
    (_slug, starter) => {
      const { db } = database;
      const { org, admin } = makeOrganisation(db);
      const result = importModuleFiles(db, {
        orgId: org.id,
        createdBy: admin.user.id,
        files: [{ name: starter.fileName, text: starter.text }],
      });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(exportModule(db, result.modules[0]?.id ?? "")).toBe(starter.text);
    },
  );

  it("gives back what the author wrote through the collaborative store: loose lists and emphasis markers", () => {
    const { db } = database;
    const { org, admin } = makeOrganisation(db);
    const text = [
      "---",
      "title: As written",
      "topic: boundaries",
      "estimatedMinutes: 5",
      "---",
      "",
      "## Spaced out",
      "",
      "- One thing, ***said firmly***.",
      "",
      "- Another, **kindly***and briefly*.",
      "  1. Tight inside",
      "  2. Still tight",
      "",
      "- A third.",
      "",
      ":::takeaways",
      "1. Loose",
      "",
      "2. Takeaways",
      ":::",
      "",
    ].join("\n");
    const result = importModuleFiles(db, { orgId: org.id, createdBy: admin.user.id, files: [{ name: "a.md", text }] });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(exportModule(db, result.modules[0]?.id ?? "")).toBe(text);
  });

  it("exports every block and mark through the collaborative store, without comments", () => {
    const { db } = database;
    const { org, admin } = makeOrganisation(db);
    const details = {
      title: "Everything",
      topic: "other" as const,
      customTopic: "Testing",
      summary: "All of it.",
      estimatedMinutes: 12,
    };
    const withComment = doc(p(text("Talk about "), text("this", comment("t-1"))), ...(everything.content ?? []));
    const { id } = createModule(db, { ...details, orgId: org.id, createdBy: admin.user.id, doc: withComment });
    const file = exportModule(db, id);
    expect(file).not.toContain("t-1");
    // The images travel beside the file, as in a zip download: each found again by its path.
    const parsed = parseModuleFile(file, "everything.md", (pathInZip) => {
      const image = findNodes(everything, "image").find((n) => `images/${n.attrs?.imageId}.webp` === pathInZip);
      return image ? { imageId: image.attrs?.imageId, width: image.attrs?.width, height: image.attrs?.height } : null;
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.module.details).toEqual(details);
    expect(parsed.module.doc).toEqual(canonicalDoc(doc(p(text("Talk about this")), ...(everything.content ?? []))));
  });

  it("exports the latest edits, not only the first version", () => {
    const { db } = database;
    const { org, admin } = makeOrganisation(db);
    const [starter] = listStarterModules();
    if (!starter) throw new Error("expected a starter module");
    const { id } = createModule(db, { ...starter.details, orgId: org.id, createdBy: admin.user.id, doc: starter.doc });
    // An edit as the editor sends it: a Yjs update that adds a paragraph, appended to the store.
    const ydoc = loadYDoc(db, id);
    const before = Y.encodeStateVector(ydoc);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("Added by a co-designer.")]);
    const fragment = ydoc.getXmlFragment(FRAGMENT);
    fragment.insert(fragment.length, [paragraph]);
    appendUpdate(db, id, Y.encodeStateAsUpdate(ydoc, before), admin.user.id, new Date());
    expect(exportModule(db, id)).toBe(`${starter.text}\nAdded by a co-designer.\n`);
  });

  it("says so when there is no such module", () => {
    expect(() => exportModule(database.db, "missing")).toThrow(NotFoundError);
  });
});

describe("the default author of an import", () => {
  let database: ReturnType<typeof testDatabase>;
  beforeEach(() => {
    database = testDatabase();
  });
  afterEach(() => database.close());

  it("is the longest-standing facilitator, else the longest-standing admin", () => {
    const { db } = database;
    const { org, admin, member } = makeOrganisation(db);
    expect(defaultAuthor(db, org.id)).toBe(admin.user.id);
    const first = member(["facilitator"], "First Facilitator");
    const second = member(["facilitator"], "Another Facilitator");
    // Both may join within the same millisecond; make the second one unmistakably later.
    db.update(memberships)
      .set({ createdAt: new Date(Date.now() + 60_000) })
      .where(eq(memberships.id, second.actor.membershipId))
      .run();
    expect(defaultAuthor(db, org.id)).toBe(first.user.id);
  });

  it("is nobody in an organisation that does not exist", () => {
    expect(defaultAuthor(database.db, "no-such-org")).toBeNull();
  });
});
