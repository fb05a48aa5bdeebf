import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { modules, users } from "../../db/schema";
import { loadDocumentJSON } from "../collaboration/store";
import { DEMO_ORG_SLUG, seedDemo } from "../demo/seed";
import { type DocJSON, validateDoc } from "../documents/json";
import { childOf, childrenOf, findNodes, splitSections, textOf } from "../documents/sections";
import { SENSITIVE_TOPIC_PATTERNS } from "../documents/sensitivity";
import { getOrganisationBySlug } from "../organisations/service";
import { NotFoundError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { canonicalDoc } from "./canonical";
import { learnerTexts, readability } from "./readability";
import { importStarterPack, listStarterModules, STARTER_CREDIT, starterModule, startFromStarter } from "./starter";

const starters = listStarterModules();
const each = starters.map((s) => [s.slug, s] as const);

/**
 * The highest Flesch-Kincaid grade a starter module may have. The modules measure between 3.2
 * and 4.1 (about a reading age of 9); 5 leaves room for edits while staying well inside the aim
 * of a reading age of 12 (grade 7).
 */
const MAX_GRADE = 5;

const SENSITIVE = SENSITIVE_TOPIC_PATTERNS;

describe("the starter modules", () => {
  it("are the five modules of the curriculum, in order, one per topic", () => {
    expect(starters.map((s) => [s.slug, s.details.topic, s.details.title])).toEqual([
      ["boundaries", "boundaries", "Boundaries and role clarity"],
      ["conflict", "conflict", "Conflict and abuse from people you support"],
      ["self-care", "self_care", "Emotional labour and self-care"],
      ["trauma-triggers", "trauma_triggers", "Trauma triggers and disclosures"],
      ["supervision", "supervision", "Getting support and supervision"],
    ]);
  });

  it.each(each)("%s is a valid, canonical document", (_slug, starter) => {
    expect(validateDoc(starter.doc)).toEqual({ ok: true });
    expect(canonicalDoc(starter.doc)).toEqual(starter.doc);
  });

  it.each(each)(`%s reads at Flesch-Kincaid grade ${MAX_GRADE} or below`, (_slug, starter) => {
    const measured = readability(learnerTexts(starter));
    expect(measured.words).toBeGreaterThan(800);
    expect(measured.grade).toBeLessThanOrEqual(MAX_GRADE);
  });

  it.each(each)("%s has 4 to 7 sections, every one titled", (_slug, starter) => {
    const sections = splitSections(starter.doc);
    expect(sections.length).toBeGreaterThanOrEqual(4);
    expect(sections.length).toBeLessThanOrEqual(7);
    // No untitled introduction: every step a learner walks through has a heading.
    expect(starter.doc.content?.[0]).toMatchObject({ type: "heading", attrs: { level: 2 } });
  });

  it.each(each)("%s has a content note wherever a section touches a sensitive topic", (_slug, starter) => {
    for (const section of splitSections(starter.doc)) {
      const text = `${section.title} ${section.nodes.map(textOf).join(" ")}`;
      for (const [topic, words] of Object.entries(SENSITIVE)) {
        if (words.test(text)) {
          expect(section.contentNoteTopics, `"${section.title}" mentions ${topic}`).toContain(topic);
        }
      }
      // A content note comes first, so the learner sees it before anything it warns about.
      const note = section.nodes.findIndex((n) => n.type === "contentNote");
      if (note !== -1) expect(note, `the content note in "${section.title}" comes first`).toBe(0);
    }
  });

  it.each(each)("%s has the training blocks the curriculum asks for", (_slug, starter) => {
    const count = (type: string) => findNodes(starter.doc, type).length;
    expect(count("reflectionPrompt")).toBeGreaterThanOrEqual(2);
    expect(count("knowledgeCheck")).toBeGreaterThanOrEqual(3);
    expect(count("scenario")).toBeGreaterThanOrEqual(1);
    expect(count("keyTakeaway")).toBeGreaterThanOrEqual(1);
    expect(count("supportSignpost")).toBeGreaterThanOrEqual(1);
  });

  it("links the supervision module to the learner's own supervision pages", () => {
    const supervision = JSON.stringify(starterModule("supervision")?.doc ?? {});
    expect(supervision).toContain('"href":"/learn/supervision"');
  });

  it("invites a self-care plan in the self-care module", () => {
    const selfCare = starterModule("self-care");
    expect(findNodes(selfCare?.doc ?? { type: "doc" }, "selfCarePlan")).toHaveLength(1);
  });

  it.each(each)("%s gives feedback on every option and has a right answer in every check", (_slug, starter) => {
    for (const check of findNodes(starter.doc, "knowledgeCheck")) {
      const options = childrenOf(check, "checkOption");
      const question = textOf(childOf(check, "checkQuestion") ?? {});
      expect(question.trim(), "question").not.toBe("");
      for (const option of options) {
        expect(textOf(childOf(option, "optionText") ?? {}).trim(), question).not.toBe("");
        expect(textOf(childOf(option, "optionFeedback") ?? {}).trim(), question).not.toBe("");
      }
      const right = options.filter((o) => o.attrs?.correct === true).length;
      expect(right, question).toBeGreaterThanOrEqual(1);
      if (!check.attrs?.multiple) expect(right, question).toBe(1);
    }
  });

  it.each(each)("%s discusses every scenario response", (_slug, starter) => {
    for (const scenario of findNodes(starter.doc, "scenario")) {
      expect(textOf(childOf(scenario, "scenarioSituation") ?? {}).trim()).not.toBe("");
      for (const response of childrenOf(scenario, "scenarioResponse")) {
        expect(textOf(childOf(response, "responseDiscussion") ?? {}).trim()).not.toBe("");
      }
    }
  });

  it.each(each)("%s ends with key takeaways and a support signpost", (_slug, starter) => {
    const last = splitSections(starter.doc).at(-1);
    const types = last?.nodes.map((n) => n.type) ?? [];
    expect(types).toContain("keyTakeaway");
    expect(types.at(-1)).toBe("supportSignpost");
  });

  it("sends people to safeguarding and crisis support, never to clinical advice", () => {
    const trauma = starterModule("trauma-triggers");
    const text = learnerTexts(trauma as NonNullable<typeof trauma>).join(" ");
    for (const step of [/ask directly/i, /safeguarding procedure/i, /116 123/, /999/, /not there to assess risk/i]) {
      expect(text).toMatch(step);
    }
  });

  it("finds a module by slug, and nothing for anything else", () => {
    expect(starterModule("conflict")?.details.title).toBe("Conflict and abuse from people you support");
    expect(starterModule("../package")).toBeNull();
    expect(starterModule("nothing-here")).toBeNull();
  });
});

describe("using the starter modules", () => {
  let database: ReturnType<typeof testDatabase>;
  beforeEach(() => {
    database = testDatabase();
  });
  afterEach(() => database.close());

  it("imports the whole pack as drafts credited to Alongside", () => {
    const { db } = database;
    const { org, member } = makeOrganisation(db);
    const facilitator = member(["facilitator"]);
    const imported = importStarterPack(db, { orgId: org.id, createdBy: facilitator.user.id });
    expect(imported.map((m) => m.title)).toEqual(starters.map((s) => s.details.title));
    const rows = db.select().from(modules).where(eq(modules.orgId, org.id)).all();
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row).toMatchObject({ status: "draft", originCredit: STARTER_CREDIT, createdBy: facilitator.user.id });
      const starter = starters.find((s) => s.details.title === row.title);
      expect(canonicalDoc(loadDocumentJSON(db, row.id))).toEqual(starter?.doc);
    }
  });

  it("starts one draft from a starter module, as often as asked", () => {
    const { db } = database;
    const { org, admin } = makeOrganisation(db);
    const first = startFromStarter(db, { orgId: org.id, createdBy: admin.user.id, slug: "self-care" });
    const second = startFromStarter(db, { orgId: org.id, createdBy: admin.user.id, slug: "self-care" });
    expect(first.id).not.toBe(second.id);
    const row = db.select().from(modules).where(eq(modules.id, first.id)).get();
    expect(row).toMatchObject({
      title: "Emotional labour and self-care",
      topic: "self_care",
      status: "draft",
      originCredit: STARTER_CREDIT,
    });
    expect(canonicalDoc(loadDocumentJSON(db, first.id))).toEqual(starterModule("self-care")?.doc as DocJSON);
  });

  it("refuses a starter module that does not exist", () => {
    const { db } = database;
    const { org, admin } = makeOrganisation(db);
    expect(() => startFromStarter(db, { orgId: org.id, createdBy: admin.user.id, slug: "nope" })).toThrow(
      NotFoundError,
    );
    expect(db.select().from(modules).all()).toHaveLength(0);
  });

  it("is part of the demo seed, created by the demo facilitator, once", async () => {
    const { db } = database;
    await seedDemo(db);
    await seedDemo(db);
    const org = getOrganisationBySlug(db, DEMO_ORG_SLUG);
    const rows = db
      .select()
      .from(modules)
      .where(eq(modules.orgId, org?.id ?? ""))
      .all();
    expect(rows.map((r) => r.title).sort()).toEqual(starters.map((s) => s.details.title).sort());
    expect(rows.every((r) => r.originCredit === STARTER_CREDIT)).toBe(true);
    const facilitator = db.select().from(users).where(eq(users.email, "facilitator@example.org")).get();
    expect(new Set(rows.map((r) => r.createdBy))).toEqual(new Set([facilitator?.id]));
  });
});
