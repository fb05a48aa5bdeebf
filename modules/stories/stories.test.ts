import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, emailOutbox, moduleSnapshots, moduleVersions, storyWithdrawals } from "../../db/schema";
import { contextFor } from "../auth/context";
import { loadDocumentJSON } from "../collaboration/store";
import { exportModule } from "../content/service";
import type { DocJSON } from "../documents/json";
import { storyProblems } from "../documents/stories";
import { turnOff } from "../email/preferences";
import { renderMessage } from "../email/render";
import { recordSnapshot } from "../history/service";
import { sectionParts, versionSections } from "../learning/player";
import { storiesShown } from "../learning/stories";
import { unreadNotices } from "../notices/service";
import { createModuleVersion } from "../publishing/service";
import { searchModules, searchQuerySchema } from "../search/index";
import { ForbiddenError, NotFoundError } from "../shared/errors";
import { storeCollab } from "../testing/collab";
import { testDatabase } from "../testing/database";
import { doc, p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { publishedModule } from "../testing/published-module";
import { getModule } from "../workshop/service";
import { confirmStory, myStories, withdrawStory } from "./index";
import { ANSWER_DAYS, runStoryReviews } from "./review-job";

let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.close());

const WORDS = "Marigold lighthouse evenings taught me patience";

const story = (storyteller: string, attrs: Record<string, unknown> = {}) => ({
  type: "story",
  attrs: { id: "story-a", storyteller, credit: "named", scope: "organisation", reviewOn: "2027-01-10", ...attrs },
  content: [p(text(`${WORDS}.`))],
});

function world() {
  const org = makeOrganisation(t.db);
  const facilitator = org.member(["facilitator"], "Fran Facilitator");
  const teller = org.member(["co_designer", "learner"], "Tess Teller");
  const other = org.member(["co_designer"], "Olly Other");
  const elsewhere = makeOrganisation(t.db, "Another Service").member(["learner"], "Eve Elsewhere");
  const moduleDoc = doc(
    { type: "heading", attrs: { level: 2 }, content: [text("Late messages")] },
    story(teller.user.id),
  );
  const published = publishedModule(t.db, {
    orgId: org.org.id,
    by: facilitator.user.id,
    title: "Out of hours",
    doc: moduleDoc,
  });
  const module = getModule(t.db, published.moduleId);
  if (!module) throw new Error("module missing");
  // A second version and a snapshot in history, both holding the story.
  createModuleVersion(t.db, { module, doc: moduleDoc, changelog: "Again.", publishedBy: facilitator.user.id });
  recordSnapshot(t.db, { moduleId: module.id, name: "Before", kind: "manual", userId: null, doc: moduleDoc });
  const documents = storeCollab(t.db);
  const ctx = (person: { actor: Parameters<typeof contextFor>[1] }) => contextFor(t.db, person.actor);
  return { org, facilitator, teller, other, elsewhere, published, documents, ctx };
}

const allVersionText = () =>
  t.db
    .select({ doc: moduleVersions.doc, html: moduleVersions.html })
    .from(moduleVersions)
    .all()
    .map((v) => JSON.stringify(v.doc) + v.html)
    .join("\n");

describe("a story and its storyteller", () => {
  it("lists every story a person told, with every version it is in", () => {
    const w = world();
    const mine = myStories(w.ctx(w.teller), w.documents);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      moduleTitle: "Out of hours",
      inDraft: true,
      versions: [1, 2],
      scope: "organisation",
    });
    expect(mine[0]?.opening).toContain("Marigold lighthouse");
    expect(myStories(w.ctx(w.other), w.documents)).toEqual([]);
  });

  it("learners read it credited as the storyteller chose", () => {
    const w = world();
    const version = t.db.select().from(moduleVersions).where(eq(moduleVersions.id, w.published.versionId)).get();
    const section = versionSections(version?.doc as DocJSON)[0];
    if (!section) throw new Error("no section");
    const [shown] = storiesShown(t.db, w.published.moduleId, sectionParts(section));
    expect(shown).toMatchObject({ kind: "story", creditName: "Tess Teller", withdrawn: false });
  });

  it("once withdrawn, leaves none of its words in any version, snapshot, draft, search or content file", async () => {
    const w = world();
    await withdrawStory(w.ctx(w.teller), w.documents, { moduleId: w.published.moduleId, storyId: "story-a" });

    expect(allVersionText()).not.toContain("Marigold");
    expect(allVersionText()).not.toContain(w.teller.user.id);
    expect(allVersionText()).toContain("This story was withdrawn by the person who shared it.");
    const snapshots = t.db
      .select()
      .from(moduleSnapshots)
      .where(eq(moduleSnapshots.moduleId, w.published.moduleId))
      .all();
    expect(JSON.stringify(snapshots)).not.toContain("Marigold");
    expect(snapshots.map((s) => s.kind)).toContain("withdrawal");
    expect(JSON.stringify(loadDocumentJSON(t.db, w.published.moduleId))).not.toContain("Marigold");
    expect(exportModule(t.db, w.published.moduleId)).not.toContain("Marigold");
    expect(searchModules(w.ctx(w.facilitator), searchQuerySchema.parse("marigold"))).toEqual([]);
    const fts = t.db.$client
      .prepare("select count(*) as n from module_search where module_search match 'marigold'")
      .get();
    expect(fts).toEqual({ n: 0 });

    // A learner's page reads the withdrawal even from parts made before it.
    const parts = sectionParts({
      index: 1,
      title: "x",
      nodes: [story(w.teller.user.id)],
      contentNoteTopics: [],
      customTopics: [],
    });
    expect(storiesShown(t.db, w.published.moduleId, parts)).toEqual([
      { kind: "story", id: "story-a", html: "", creditName: null, withdrawn: true },
    ]);
    // History and the log say it happened, never what it said.
    const audit = t.db.select().from(auditEvents).where(eq(auditEvents.action, "story.withdrawn")).all();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain("Marigold");
    expect(myStories(w.ctx(w.teller), w.documents)).toEqual([]);
  });

  it("is published as withdrawn later, even when the draft brings the story back", () => {
    const w = world();
    t.db
      .insert(storyWithdrawals)
      .values({ orgId: w.org.org.id, moduleId: w.published.moduleId, storyId: "story-a", withdrawnAt: new Date() })
      .run();
    const module = getModule(t.db, w.published.moduleId);
    if (!module) throw new Error("module missing");
    const created = createModuleVersion(t.db, {
      module,
      doc: doc(story(w.teller.user.id)),
      changelog: "Undone in the draft.",
      publishedBy: w.facilitator.user.id,
    });
    const row = t.db.select().from(moduleVersions).where(eq(moduleVersions.id, created.id)).get();
    expect(JSON.stringify(row?.doc) + row?.html).not.toContain("Marigold");
  });

  it("can be withdrawn by no one but its storyteller, with a clear reason", async () => {
    const w = world();
    const ref = { moduleId: w.published.moduleId, storyId: "story-a" };
    await expect(withdrawStory(w.ctx(w.other), w.documents, ref)).rejects.toThrow(
      new ForbiddenError("Only the person who shared this story can withdraw it."),
    );
    await expect(withdrawStory(w.ctx(w.facilitator), w.documents, ref)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(withdrawStory(w.ctx(w.elsewhere), w.documents, ref)).rejects.toBeInstanceOf(NotFoundError);
    expect(() => confirmStory(w.ctx(w.other), w.documents, ref)).toThrow(ForbiddenError);
    expect(allVersionText()).toContain("Marigold");
  });
});

describe("consent scopes", () => {
  it("refuse a story with no scope, or no storyteller, naming the section", () => {
    const missing = doc(
      { type: "heading", attrs: { level: 2 }, content: [text("Late messages")] },
      story("someone", { scope: "" }),
      story("", { id: "story-b" }),
    );
    expect(storyProblems(missing)).toEqual([
      "The story in “Late messages” has no consent scope: choose how far its storyteller agreed it may be shared.",
      "The story in “Late messages” needs its storyteller: choose who told it.",
    ]);
    expect(storyProblems(doc(story("someone")))).toEqual([]);
  });
});

describe("the review of a story", () => {
  const at = (day: string) => new Date(`${day}T12:00:00Z`);
  const noticesOf = (w: ReturnType<typeof world>, person: { user: { id: string } }) =>
    unreadNotices(t.db, w.org.org.id, person.user.id);

  it("asks the storyteller once when the date comes, and tells the facilitator when they do not answer", () => {
    const w = world();
    expect(runStoryReviews(t.db, at("2027-01-09"))).toEqual({ asked: 0, facilitatorsTold: 0 });
    expect(runStoryReviews(t.db, at("2027-01-10"))).toEqual({ asked: 1, facilitatorsTold: 0 });
    expect(runStoryReviews(t.db, at("2027-01-11"))).toEqual({ asked: 0, facilitatorsTold: 0 });
    const asked = noticesOf(w, w.teller);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ link: "/account/stories" });
    expect(JSON.stringify(asked)).not.toContain("Marigold");
    expect(myStories(w.ctx(w.teller), w.documents)[0]).toMatchObject({ askedToReview: true });

    const later = new Date(at("2027-01-10").getTime() + (ANSWER_DAYS + 1) * 24 * 60 * 60 * 1000);
    expect(runStoryReviews(t.db, later)).toEqual({ asked: 0, facilitatorsTold: 1 });
    expect(runStoryReviews(t.db, later)).toEqual({ asked: 0, facilitatorsTold: 0 });
    expect(noticesOf(w, w.facilitator).map((n) => n.link)).toEqual([`/workshop/${w.published.moduleId}`]);
    // No answer withdraws nothing.
    expect(allVersionText()).toContain("Marigold");
    expect(t.db.select().from(storyWithdrawals).all()).toEqual([]);
  });

  it("also asks the storyteller once by email, naming the module and the date but none of the story's words", () => {
    const w = world();
    runStoryReviews(t.db, at("2027-01-10"));
    runStoryReviews(t.db, at("2027-01-11"));
    const mail = t.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "story_review")).all();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ toAddress: w.teller.user.email.toLowerCase(), status: "waiting" });
    const sent = renderMessage(mail[0] as never, { origin: "https://alongside.test", secret: "s".repeat(32) });
    expect(sent.text).toContain("Out of hours");
    expect(sent.text).toContain("10 January 2027");
    expect(sent.text).toContain("https://alongside.test/account/stories");
    const everything = JSON.stringify(sent) + JSON.stringify(mail[0]);
    for (const word of ["Marigold", "lighthouse", "evenings", "patience"]) expect(everything).not.toContain(word);
  });

  it("sends no email to a storyteller who turned these emails off, and still asks them in the app", () => {
    const w = world();
    turnOff(t.db, w.teller.user.email, "story_review", at("2027-01-01"));
    expect(runStoryReviews(t.db, at("2027-01-10"))).toEqual({ asked: 1, facilitatorsTold: 0 });
    const mail = t.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "story_review")).all();
    expect(mail.map((m) => m.status)).toEqual(["unsubscribed"]);
    expect(noticesOf(w, w.teller)).toHaveLength(1);
  });

  it("tells no facilitator once the storyteller confirmed", () => {
    const w = world();
    runStoryReviews(t.db, at("2027-01-10"));
    confirmStory(w.ctx(w.teller), w.documents, { moduleId: w.published.moduleId, storyId: "story-a" });
    expect(myStories(w.ctx(w.teller), w.documents)[0]).toMatchObject({ askedToReview: false, confirmed: true });
    expect(runStoryReviews(t.db, at("2027-03-01"))).toEqual({ asked: 0, facilitatorsTold: 0 });
    expect(noticesOf(w, w.facilitator)).toEqual([]);
  });
});
