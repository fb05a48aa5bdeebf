/**
 * A document stored before every change was checked on arrival may hold what the editor's schema
 * cannot load. Everything the server does with a stored document must still work, without that part.
 */

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { moduleSnapshots } from "../../db/schema";
import { contextFor } from "../auth/context";
import { validateDoc } from "../documents/json";
import { renderDocumentHTML } from "../documents/render";
import { compareDocs } from "../history/diff";
import { getSnapshot, listSnapshots, recordSnapshot, restoreSnapshot } from "../history/service";
import { getModuleVersion, listModuleVersions, publishModule } from "../publishing/service";
import { checklistHints, SAFETY_CHECKS } from "../review/checklist";
import { reviewState, signOff, startReview } from "../review/service";
import { newId } from "../shared/ids";
import { storeCollab } from "../testing/collab";
import { addParagraph, updateFrom } from "../testing/collab-harness";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { setCollaborator } from "../workshop/collaborators";
import { createModule } from "../workshop/service";
import { FRAGMENT } from "./protocol";
import { appendUpdate, loadYDoc } from "./store";

const ALL_CHECKS = Object.fromEntries(SAFETY_CHECKS.map((c) => [c.id, true]));
const KEPT = "Kept: agree your hours with your organisation.";
const DROPPED = "Dropped: an unknown block.";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

/** A module whose stored log holds an unknown node and an unknown mark beside ordinary text. */
function poisonedModule() {
  const { db } = database;
  const org = makeOrganisation(db);
  const fran = org.member(["facilitator"], "Fran Mills");
  const priya = org.member(["co_designer"], "Priya Shah");
  const { id: moduleId } = createModule(db, {
    orgId: org.org.id,
    createdBy: fran.user.id,
    title: "Holding boundaries",
    topic: "boundaries",
    customTopic: "",
    summary: "",
    estimatedMinutes: 20,
  });
  setCollaborator(contextFor(db, fran.actor), moduleId, priya.user.id, "co_designer");
  const poison = updateFrom(loadYDoc(db, moduleId), (doc) => {
    addParagraph(doc, KEPT);
    const unknown = new Y.XmlElement("evilNode");
    unknown.insert(0, [new Y.XmlText(DROPPED)]);
    doc.getXmlFragment(FRAGMENT).push([unknown]);
    const paragraph = doc.getXmlFragment(FRAGMENT).get(1) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).format(0, 5, { blink: {} });
  });
  appendUpdate(db, moduleId, poison, priya.user.id, new Date());
  return { db, fran, priya, moduleId, collab: storeCollab(db) };
}

describe("a stored document holding what the schema cannot load", () => {
  it("is read as a valid document without the unknown part, for the module page and the review page", async () => {
    const { db, moduleId, collab } = poisonedModule();
    const doc = collab.current(moduleId);
    expect(validateDoc(doc)).toEqual({ ok: true });
    const html = renderDocumentHTML(doc);
    expect(html).toContain(KEPT);
    expect(html).not.toContain("Dropped");
    expect(checklistHints(doc)).toBeDefined();
    await collab.settle(moduleId);
    expect(reviewState(db, moduleId).revision).toBeGreaterThan(0);
  });

  it("is snapshotted, shown, compared and restored from history", async () => {
    const { db, fran, moduleId, collab } = poisonedModule();
    const snapshotId = recordSnapshot(db, {
      moduleId,
      name: "Before the workshop",
      kind: "manual",
      userId: fran.user.id,
      doc: collab.current(moduleId),
    });
    const snapshot = getSnapshot(db, moduleId, snapshotId);
    expect(renderDocumentHTML(snapshot.doc)).toContain(KEPT);
    expect(compareDocs(snapshot.doc, collab.current(moduleId))).toBeDefined();
    await restoreSnapshot(contextFor(db, fran.actor), collab, moduleId, snapshotId);
    expect(listSnapshots(contextFor(db, fran.actor), moduleId).snapshots.map((s) => s.name)).toContain(
      "Before restoring “Before the workshop”",
    );
    expect(renderDocumentHTML(collab.current(moduleId))).toContain(KEPT);
  });

  it("is published with the unknown part left out", async () => {
    const { db, fran, priya, moduleId, collab } = poisonedModule();
    await collab.settle(moduleId);
    await startReview(contextFor(db, fran.actor), collab, moduleId);
    const { revision } = reviewState(db, moduleId);
    await signOff(contextFor(db, fran.actor), collab, moduleId, { revision, checks: ALL_CHECKS });
    await signOff(contextFor(db, priya.actor), collab, moduleId, { revision, checks: {} });
    const published = await publishModule(contextFor(db, fran.actor), collab, moduleId, {
      changelog: "First version.",
    });
    expect(listModuleVersions(contextFor(db, fran.actor), moduleId).map((v) => v.version)).toEqual([1]);
    const version = getModuleVersion(db, fran.actor.orgId, published.id);
    expect(validateDoc(version.doc)).toEqual({ ok: true });
    expect(version.html).toContain(KEPT);
    expect(version.html).not.toContain("Dropped");
  });

  it("also shows and restores a snapshot whose saved copy holds an unknown node", async () => {
    const { db, fran, moduleId, collab } = poisonedModule();
    const id = newId();
    db.insert(moduleSnapshots)
      .values({
        id,
        moduleId,
        name: "Saved before the check",
        kind: "manual",
        revision: 1,
        doc: {
          type: "doc",
          content: [
            { type: "paragraph", content: [{ type: "text", text: KEPT }] },
            { type: "evilNode", content: [{ type: "text", text: DROPPED }] },
          ],
        },
        createdBy: fran.user.id,
        createdAt: new Date(),
      })
      .run();
    const snapshot = getSnapshot(db, moduleId, id);
    const html = renderDocumentHTML(snapshot.doc);
    expect(html).toContain(KEPT);
    expect(html).not.toContain("Dropped");
    await restoreSnapshot(contextFor(db, fran.actor), collab, moduleId, id);
    expect(validateDoc(collab.current(moduleId))).toEqual({ ok: true });
    expect(renderDocumentHTML(collab.current(moduleId))).toContain(KEPT);
  });
});
