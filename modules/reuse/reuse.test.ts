import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  commentThreads,
  moduleCollaborators,
  moduleDocUpdates,
  moduleSnapshots,
  modules,
  moduleVersions,
  signoffs,
} from "../../db/schema";
import { contextFor } from "../auth/context";
import { appendUpdate, loadDocumentJSON, loadYDoc } from "../collaboration/store";
import { startThread } from "../comments/service";
import { recordSnapshot } from "../history/service";
import { beginReview, currentRevision, recordSignOff } from "../review/service";
import { searchModules } from "../search/index";
import { parseQuery } from "../search/query";
import { ForbiddenError, NotFoundError } from "../shared/errors";
import { addParagraph } from "../testing/collab-harness";
import { testDatabase } from "../testing/database";
import { comment, doc, p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { setCollaborator } from "../workshop/collaborators";
import { createModule, setArchived } from "../workshop/service";
import { duplicateModule, listTemplates, newModuleFromTemplate, setTemplate, templateStanding } from "./index";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

function world() {
  const { db } = database;
  const org = makeOrganisation(db, "Northern Peer Support");
  const other = makeOrganisation(db, "Another Service");
  const fran = org.member(["facilitator"], "Fran Facilitator");
  const gina = org.member(["facilitator"], "Gina Facilitator");
  const cody = org.member(["co_designer"], "Cody Codesigner");
  const rita = org.member(["co_designer"], "Rita Reviewer");
  const oscar = other.member(["facilitator"], "Oscar Outsider");
  const { id: moduleId } = createModule(db, {
    orgId: org.org.id,
    createdBy: fran.user.id,
    title: "Holding boundaries",
    topic: "other",
    customTopic: "Peer work",
    summary: "Saying no and staying kind.",
    estimatedMinutes: 25,
    originCredit: "Alongside starter content",
    doc: doc(p(text("Peer support is a relationship between equals.")), p(text("Agree your hours."))),
  });
  const fctx = contextFor(db, fran.actor);
  setCollaborator(fctx, moduleId, cody.user.id, "co_designer");
  setCollaborator(fctx, moduleId, rita.user.id, "reviewer");
  return { db, org, fran, gina, cody, rita, oscar, moduleId, ctx: (a: typeof fran.actor) => contextFor(db, a) };
}

/** The module as it is when it has lived a while: comments, an edit by a co-designer, history, a review. */
function withAHistory(w: ReturnType<typeof world>) {
  const { db, moduleId } = w;
  const threadId = startThread(w.ctx(w.cody.actor), moduleId, { quote: "equals", body: "Is this the right word?" });
  // The comment's anchor lives in the document, as the editor puts it there.
  const ydoc = loadYDoc(db, moduleId);
  const before = Y.encodeStateVector(ydoc);
  addParagraph(ydoc, "A line Cody wrote.");
  appendUpdate(db, moduleId, Y.encodeStateAsUpdate(ydoc, before), w.cody.user.id, new Date());
  const withAnchor = doc(
    p(text("Peer support is a relationship between "), text("equals", comment(threadId)), text(".")),
  );
  recordSnapshot(db, { moduleId, name: "First draft", kind: "manual", userId: w.cody.user.id, doc: withAnchor });
  const current = loadDocumentJSON(db, moduleId);
  beginReview(w.ctx(w.fran.actor), moduleId, current);
  const revision = currentRevision(db, moduleId);
  const checks = { contentNotes: true, signpost: true, plainLanguage: true };
  recordSignOff(w.ctx(w.rita.actor), moduleId, { revision, checks });
  return { threadId };
}

const rows = <T>(list: T[]) => list.length;

describe("duplicating a module", () => {
  it("makes a draft with the same details and document, credited only to the person who duplicated it", () => {
    const w = world();
    withAHistory(w);
    const { id } = duplicateModule(w.ctx(w.gina.actor), w.moduleId);
    const copy = w.db.select().from(modules).where(eq(modules.id, id)).get();
    expect(copy).toMatchObject({
      orgId: w.org.org.id,
      title: "Copy of Holding boundaries",
      topic: "other",
      customTopic: "Peer work",
      summary: "Saying no and staying kind.",
      estimatedMinutes: 25,
      status: "draft",
      originCredit: null,
      createdBy: w.gina.user.id,
    });
    const text = JSON.stringify(loadDocumentJSON(w.db, id));
    expect(text).toContain("Agree your hours.");
    expect(text).toContain("A line Cody wrote.");
    const people = w.db.select().from(moduleCollaborators).where(eq(moduleCollaborators.moduleId, id)).all();
    expect(people.map((c) => [c.userId, c.role])).toEqual([[w.gina.user.id, "facilitator"]]);
  });

  it("carries none of the comments, sign-offs, history, versions or edits of the original", () => {
    const w = world();
    withAHistory(w);
    const { id } = duplicateModule(w.ctx(w.fran.actor), w.moduleId);
    expect(rows(w.db.select().from(commentThreads).where(eq(commentThreads.moduleId, id)).all())).toBe(0);
    expect(rows(w.db.select().from(signoffs).where(eq(signoffs.moduleId, id)).all())).toBe(0);
    expect(rows(w.db.select().from(moduleSnapshots).where(eq(moduleSnapshots.moduleId, id)).all())).toBe(0);
    expect(rows(w.db.select().from(moduleVersions).where(eq(moduleVersions.moduleId, id)).all())).toBe(0);
    expect(rows(w.db.select().from(moduleDocUpdates).where(eq(moduleDocUpdates.moduleId, id)).all())).toBe(0);
    // The original keeps all of it.
    expect(rows(w.db.select().from(signoffs).where(eq(signoffs.moduleId, w.moduleId)).all())).toBe(1);
  });

  it("takes comment anchors out of the copied text", () => {
    const w = world();
    const { threadId } = withAHistory(w);
    // The anchor as the editor leaves it in the live document.
    const ydoc = loadYDoc(w.db, w.moduleId);
    const fragment = ydoc.getXmlFragment("default");
    const before = Y.encodeStateVector(ydoc);
    const first = fragment.get(0) as Y.XmlElement;
    (first.get(0) as Y.XmlText).format(0, 4, { comment: { threadId } });
    appendUpdate(w.db, w.moduleId, Y.encodeStateAsUpdate(ydoc, before), w.cody.user.id, new Date());
    expect(JSON.stringify(loadDocumentJSON(w.db, w.moduleId))).toContain(threadId);
    const { id } = duplicateModule(w.ctx(w.fran.actor), w.moduleId);
    const copied = JSON.stringify(loadDocumentJSON(w.db, id));
    expect(copied).not.toContain(threadId);
    expect(copied).toContain("Peer support is a relationship between equals.");
  });

  it("is found by search as soon as it exists", () => {
    const w = world();
    const { id } = duplicateModule(w.ctx(w.fran.actor), w.moduleId);
    const found = searchModules(w.ctx(w.fran.actor), parseQuery("copy hours")).map((m) => m.id);
    expect(found).toEqual([id]);
  });

  it("is for facilitators who can open the module, in its organisation", () => {
    const w = world();
    expect(() => duplicateModule(w.ctx(w.cody.actor), w.moduleId)).toThrow(ForbiddenError);
    expect(() => duplicateModule(w.ctx(w.oscar.actor), w.moduleId)).toThrow(NotFoundError);
  });
});

describe("templates", () => {
  it("are marked by a facilitator, offered to the organisation, and start new modules as duplicates", () => {
    const w = world();
    withAHistory(w);
    expect(listTemplates(w.ctx(w.gina.actor))).toEqual([]);
    setTemplate(w.ctx(w.fran.actor), w.moduleId, true);
    setTemplate(w.ctx(w.fran.actor), w.moduleId, true);
    expect(templateStanding(w.ctx(w.fran.actor), w.moduleId)).toMatchObject({ template: true, canMark: true });
    expect(listTemplates(w.ctx(w.gina.actor))).toEqual([
      { id: w.moduleId, title: "Holding boundaries", summary: "Saying no and staying kind.", minutes: 25 },
    ]);
    expect(listTemplates(w.ctx(w.oscar.actor))).toEqual([]);

    const { id } = newModuleFromTemplate(w.ctx(w.gina.actor), w.moduleId);
    const copy = w.db.select().from(modules).where(eq(modules.id, id)).get();
    expect(copy).toMatchObject({ title: "Holding boundaries", status: "draft", createdBy: w.gina.user.id });
    expect(rows(w.db.select().from(signoffs).where(eq(signoffs.moduleId, id)).all())).toBe(0);
    expect(rows(w.db.select().from(commentThreads).where(eq(commentThreads.moduleId, id)).all())).toBe(0);
    expect(listTemplates(w.ctx(w.gina.actor)).map((t) => t.id)).toEqual([w.moduleId]);

    setTemplate(w.ctx(w.fran.actor), w.moduleId, false);
    expect(listTemplates(w.ctx(w.gina.actor))).toEqual([]);
    expect(() => newModuleFromTemplate(w.ctx(w.gina.actor), w.moduleId)).toThrow(NotFoundError);
  });

  it("are not offered once archived, nor to another organisation, nor marked by co-designers", () => {
    const w = world();
    setTemplate(w.ctx(w.fran.actor), w.moduleId, true);
    expect(() => newModuleFromTemplate(w.ctx(w.oscar.actor), w.moduleId)).toThrow(NotFoundError);
    expect(() => setTemplate(w.ctx(w.cody.actor), w.moduleId, false)).toThrow(ForbiddenError);
    expect(() => setTemplate(w.ctx(w.oscar.actor), w.moduleId, false)).toThrow(NotFoundError);
    expect(() => newModuleFromTemplate(w.ctx(w.cody.actor), w.moduleId)).toThrow(ForbiddenError);
    setArchived(w.ctx(w.fran.actor), w.moduleId, true);
    expect(listTemplates(w.ctx(w.fran.actor))).toEqual([]);
    expect(() => newModuleFromTemplate(w.ctx(w.fran.actor), w.moduleId)).toThrow(NotFoundError);
  });
});
