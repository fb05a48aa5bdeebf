import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { moduleSearchText } from "../../db/schema";
import { contextFor } from "../auth/context";
import { indexUnreadDocuments, refreshFacts } from "../collaboration/store";
import { addCourseModule, createCourse, removeCourseModule, updateCourse } from "../courses/service";
import { ForbiddenError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { doc, p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { publishedModule } from "../testing/published-module";
import { setCollaborator } from "../workshop/collaborators";
import { createModule, setArchived, updateModuleDetails } from "../workshop/service";
import { searchCourses, searchModules } from "./index";
import { MAX_QUERY_LENGTH, parseQuery } from "./query";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

const DETAILS = { topic: "boundaries", customTopic: "", summary: "", estimatedMinutes: 10 } as const;

function world() {
  const { db } = database;
  const org = makeOrganisation(db, "Northern Peer Support");
  const other = makeOrganisation(db, "Another Service");
  const fran = org.member(["facilitator"], "Fran Facilitator");
  const cody = org.member(["co_designer"], "Cody Codesigner");
  const tara = org.member(["trainer"], "Tara Trainer");
  const lee = org.member(["learner"], "Lee Learner");
  const oscar = other.member(["facilitator"], "Oscar Outsider");
  const make = (orgId: string, by: string, title: string, body: string, summary = "") =>
    createModule(db, { ...DETAILS, orgId, createdBy: by, title, summary, doc: doc(p(text(body))) }).id;
  const ctx = (actor: typeof fran.actor) => contextFor(db, actor);
  return { db, org, fran, cody, tara, lee, oscar, make, ctx };
}

const titles = (results: { title: { text: string }[] }[]) => results.map((r) => r.title.map((s) => s.text).join(""));
const q = (text: string) => parseQuery(text);

describe("searching the Workshop's modules", () => {
  it("finds modules by title, summary and text, with the matching words marked", () => {
    const w = world();
    w.make(w.org.org.id, w.fran.user.id, "Saying no kindly", "Nothing here about the word.", "On boundaries at work");
    w.make(w.org.org.id, w.fran.user.id, "After a hard call", "Debrief with your supervisor before you go home.");
    w.make(w.org.org.id, w.fran.user.id, "Unrelated", "Nothing to see.");
    const fran = w.ctx(w.fran.actor);

    const bySummary = searchModules(fran, q("boundaries"));
    expect(titles(bySummary)).toEqual(["Saying no kindly"]);
    expect(bySummary[0]?.summary).toContainEqual({ text: "boundaries", mark: true });

    const byText = searchModules(fran, q("supervisor"));
    expect(titles(byText)).toEqual(["After a hard call"]);
    expect(byText[0]?.excerpt).toContainEqual({ text: "supervisor", mark: true });

    const byTitle = searchModules(fran, q("KIND"));
    expect(byTitle[0]?.title).toEqual([
      { text: "Saying no ", mark: false },
      { text: "kindly", mark: true },
    ]);
  });

  it("matches word stems and the start of a word, and needs every word", () => {
    const w = world();
    w.make(w.org.org.id, w.fran.user.id, "Breaks", "Taking breaks between calls keeps you well.");
    const fran = w.ctx(w.fran.actor);
    expect(titles(searchModules(fran, q("break call")))).toEqual(["Breaks"]);
    expect(titles(searchModules(fran, q("betw")))).toEqual(["Breaks"]);
    expect(searchModules(fran, q("breaks weekend"))).toEqual([]);
  });

  it("finds only the organisation's own modules", () => {
    const w = world();
    w.make(w.org.org.id, w.fran.user.id, "Ours", "Grounding exercise.");
    w.make(w.oscar.actor.orgId, w.oscar.user.id, "Theirs", "Grounding exercise.");
    expect(titles(searchModules(w.ctx(w.fran.actor), q("grounding")))).toEqual(["Ours"]);
    expect(titles(searchModules(w.ctx(w.oscar.actor), q("grounding")))).toEqual(["Theirs"]);
  });

  it("shows a co-designer only the modules they work on, and the organisation's facilitators all of them", () => {
    const w = world();
    const shared = w.make(w.org.org.id, w.fran.user.id, "Shared", "Grounding exercise.");
    w.make(w.org.org.id, w.fran.user.id, "Not shared", "Grounding exercise.");
    setCollaborator(w.ctx(w.fran.actor), shared, w.cody.user.id, "co_designer");
    expect(titles(searchModules(w.ctx(w.cody.actor), q("grounding")))).toEqual(["Shared"]);
    expect(titles(searchModules(w.ctx(w.fran.actor), q("grounding"))).sort()).toEqual(["Not shared", "Shared"]);
    expect(titles(searchModules(w.ctx(w.fran.actor), q("grounding"), { mine: true })).sort()).toEqual([
      "Not shared",
      "Shared",
    ]);
  });

  it("leaves archived modules out unless they are asked for", () => {
    const w = world();
    const id = w.make(w.org.org.id, w.fran.user.id, "Old", "Grounding exercise.");
    setArchived(w.ctx(w.fran.actor), id, true);
    expect(searchModules(w.ctx(w.fran.actor), q("grounding"))).toEqual([]);
    expect(titles(searchModules(w.ctx(w.fran.actor), q("grounding"), { status: "archived" }))).toEqual(["Old"]);
  });

  it("is closed to people who cannot open the Workshop", () => {
    const w = world();
    expect(() => searchModules(w.ctx(w.lee.actor), q("grounding"))).toThrow(ForbiddenError);
    expect(() => searchModules(w.ctx(w.tara.actor), q("grounding"))).toThrow(ForbiddenError);
  });

  it("treats FTS5 syntax as plain text and never errors", () => {
    const w = world();
    w.make(w.org.org.id, w.fran.user.id, "Near and far", "Staying near: a person's pace - not yours.");
    const fran = w.ctx(w.fran.actor);
    for (const typed of [
      '"',
      '""',
      "*",
      "NEAR(",
      "NEAR(near far, 2)",
      ":",
      "title:near",
      "-near",
      "near -",
      "AND",
      "near OR",
      "NOT near",
      "^near",
      "(near",
      "near)",
      "{title}: near",
      "person's",
      '"near',
      "near*",
      "' or 1=1 --",
      "\u0001near\u0002",
    ]) {
      expect(() => searchModules(fran, q(typed)), typed).not.toThrow();
    }
    expect(titles(searchModules(fran, q("NEAR(")))).toEqual(["Near and far"]);
    expect(titles(searchModules(fran, q("title:near")))).toEqual([]);
    expect(titles(searchModules(fran, q('"near')))).toEqual(["Near and far"]);
    expect(searchModules(fran, q("*"))).toEqual([]);
  });

  it("cuts a very long query to the limit and says so", () => {
    const w = world();
    w.make(w.org.org.id, w.fran.user.id, "Grounding", "Grounding exercise.");
    const long = q(`grounding ${"x".repeat(10_000)}`);
    expect(long.trimmed).toBe(true);
    expect(long.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(() => searchModules(w.ctx(w.fran.actor), long)).not.toThrow();
    const many = q(Array.from({ length: 2_000 }, () => "grounding").join(" "));
    expect(titles(searchModules(w.ctx(w.fran.actor), many))).toEqual(["Grounding"]);
  });

  it("returns markup in a module's text as text, never as marks", () => {
    const w = world();
    w.make(w.org.org.id, w.fran.user.id, "<b>Bold</b> title", "Before <script>alert('grounding')</script> after.");
    const [result] = searchModules(w.ctx(w.fran.actor), q("grounding"));
    expect(result?.excerpt.map((s) => s.text).join("")).toContain("<script>alert('");
    expect(result?.excerpt.filter((s) => s.mark)).toEqual([{ text: "grounding", mark: true }]);
    expect(result?.title.map((s) => s.text).join("")).toBe("<b>Bold</b> title");
  });
});

describe("keeping the module index current", () => {
  it("follows a change of title or summary", () => {
    const w = world();
    const id = w.make(w.org.org.id, w.fran.user.id, "Draft title", "Body words.");
    const fran = w.ctx(w.fran.actor);
    updateModuleDetails(fran, id, { ...DETAILS, title: "Holding hope", summary: "For long journeys" });
    expect(titles(searchModules(fran, q("hope")))).toEqual(["Holding hope"]);
    expect(titles(searchModules(fran, q("journeys")))).toEqual(["Holding hope"]);
    expect(searchModules(fran, q("draft"))).toEqual([]);
  });

  it("follows the document when the store saves new content, and forgets words that were removed", () => {
    const w = world();
    const id = w.make(w.org.org.id, w.fran.user.id, "Module", "The old wording.");
    const fran = w.ctx(w.fran.actor);
    refreshFacts(w.db, id, doc(p(text("A fresh paragraph about resilience."))), w.fran.user.id, new Date());
    expect(titles(searchModules(fran, q("resilience")))).toEqual(["Module"]);
    expect(searchModules(fran, q("wording"))).toEqual([]);
  });

  it("reads the text of documents written before search existed, once", () => {
    const w = world();
    const id = w.make(w.org.org.id, w.fran.user.id, "Module", "Written long ago about compassion.");
    w.db.update(moduleSearchText).set({ body: null }).where(eq(moduleSearchText.moduleId, id)).run();
    expect(searchModules(w.ctx(w.fran.actor), q("compassion"))).toEqual([]);
    expect(indexUnreadDocuments(w.db)).toBe(1);
    expect(titles(searchModules(w.ctx(w.fran.actor), q("compassion")))).toEqual(["Module"]);
    expect(indexUnreadDocuments(w.db)).toBe(0);
  });

  it("drops a module's words when the module is deleted with its organisation", () => {
    const w = world();
    w.make(w.oscar.actor.orgId, w.oscar.user.id, "Theirs", "Grounding exercise.");
    w.db.$client.prepare("delete from organisations where id = ?").run(w.oscar.actor.orgId);
    const left = w.db.$client.prepare("select count(*) as n from module_search where module_search match 'grounding'");
    expect(left.get()).toEqual({ n: 0 });
  });
});

describe("searching the course list", () => {
  function courseWorld() {
    const w = world();
    const module = publishedModule(w.db, {
      orgId: w.org.org.id,
      by: w.fran.user.id,
      title: "Handling disclosures",
      doc: doc(p(text("Body."))),
    });
    const tara = w.ctx(w.tara.actor);
    const { id: courseId } = createCourse(tara, {
      title: "Foundations",
      description: "Where new peer supporters begin.",
      openToAll: false,
    });
    return { ...w, module, tara, courseId };
  }
  const courseTitles = (results: { title: { text: string }[] }[]) => titles(results);

  it("finds courses by title, description and the titles of their modules", () => {
    const w = courseWorld();
    expect(courseTitles(searchCourses(w.tara, q("foundations")))).toEqual(["Foundations"]);
    expect(courseTitles(searchCourses(w.tara, q("supporters")))).toEqual(["Foundations"]);
    expect(searchCourses(w.tara, q("disclosures"))).toEqual([]);
    addCourseModule(w.tara, w.courseId, w.module.moduleId);
    const [found] = searchCourses(w.tara, q("disclosures"));
    expect(found?.modules).toContainEqual({ text: "disclosures", mark: true });
  });

  it("follows changes to the course, its modules and their titles", () => {
    const w = courseWorld();
    addCourseModule(w.tara, w.courseId, w.module.moduleId);
    updateModuleDetails(w.ctx(w.fran.actor), w.module.moduleId, { ...DETAILS, title: "Hearing hard things" });
    expect(courseTitles(searchCourses(w.tara, q("hearing")))).toEqual(["Foundations"]);
    expect(searchCourses(w.tara, q("disclosures"))).toEqual([]);
    removeCourseModule(w.tara, w.courseId, w.module.moduleId);
    expect(searchCourses(w.tara, q("hearing"))).toEqual([]);
    updateCourse(w.tara, w.courseId, { title: "Beginnings", description: "", openToAll: false });
    expect(courseTitles(searchCourses(w.tara, q("beginnings")))).toEqual(["Beginnings"]);
    expect(searchCourses(w.tara, q("foundations"))).toEqual([]);
  });

  it("finds only the organisation's courses, and only for people who compose them", () => {
    const w = courseWorld();
    createCourse(w.ctx(w.oscar.actor), { title: "Foundations elsewhere", description: "", openToAll: false });
    expect(courseTitles(searchCourses(w.tara, q("foundations")))).toEqual(["Foundations"]);
    expect(courseTitles(searchCourses(w.ctx(w.oscar.actor), q("foundations")))).toEqual(["Foundations elsewhere"]);
    expect(() => searchCourses(w.ctx(w.lee.actor), q("foundations"))).toThrow(ForbiddenError);
    expect(() => searchCourses(w.ctx(w.cody.actor), q("foundations"))).toThrow(ForbiddenError);
  });

  it("treats FTS5 syntax as plain text and never errors", () => {
    const w = courseWorld();
    for (const typed of ['"', "*", "NEAR(", ":", "-", "summary:x", '")']) {
      expect(() => searchCourses(w.tara, q(typed)), typed).not.toThrow();
    }
  });
});
