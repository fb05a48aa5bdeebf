/**
 * Compaction folds the update log into one stored state. Deleted content must not live on in it:
 * the stored state stays near the size of the document people see, however often it is rewritten.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { moduleDocs } from "../../db/schema";
import { contextFor } from "../auth/context";
import { startFromStarter } from "../content/starter";
import { contentOf } from "../documents/facts";
import { getSnapshot, recordSnapshot, restoreSnapshot } from "../history/service";
import { storeCollab } from "../testing/collab";
import { addParagraph, collabTestbed, TEST_MS, until } from "../testing/collab-harness";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { FRAGMENT } from "./protocol";
import { appendUpdate, compactDocument, loadYDoc } from "./store";

const storedState = (db: ReturnType<typeof testDatabase>["db"], moduleId: string) =>
  db.select().from(moduleDocs).where(eq(moduleDocs.moduleId, moduleId)).get()?.state ?? Buffer.alloc(0);

/** What the document takes once loaded and encoded afresh: the size of what people actually have. */
const liveSize = (db: ReturnType<typeof testDatabase>["db"], moduleId: string) =>
  Y.encodeStateAsUpdate(loadYDoc(db, moduleId)).byteLength;

describe("compacting a module's stored document", () => {
  let database: ReturnType<typeof testDatabase>;
  beforeEach(() => {
    database = testDatabase();
  });
  afterEach(() => database.close());

  function starterModule() {
    const { db } = database;
    const org = makeOrganisation(db);
    const fran = org.member(["facilitator"], "Fran Mills");
    const { id: moduleId } = startFromStarter(db, { orgId: org.org.id, createdBy: fran.user.id, slug: "conflict" });
    return { db, fran, moduleId, collab: storeCollab(db) };
  }

  it("leaves deleted text out of the stored state", () => {
    const { db, fran, moduleId } = starterModule();
    const doc = loadYDoc(db, moduleId);
    const secret = "A sentence that was written and then deleted.";
    const write = (change: (d: Y.Doc) => void) => {
      const before = Y.encodeStateVector(doc);
      change(doc);
      appendUpdate(db, moduleId, Y.encodeStateAsUpdate(doc, before), fran.user.id, new Date());
    };
    write((d) => addParagraph(d, secret));
    write((d) => {
      const fragment = d.getXmlFragment(FRAGMENT);
      fragment.delete(fragment.length - 1, 1);
    });
    compactDocument(db, moduleId, new Date());
    expect(storedState(db, moduleId).includes(Buffer.from(secret))).toBe(false);
    expect(loadYDoc(db, moduleId).getXmlFragment(FRAGMENT).toString()).not.toContain(secret);
  });

  it(
    "keeps the stored size near the live size through many restores and rewrites",
    async () => {
      const { db, fran, moduleId, collab } = starterModule();
      const original = recordSnapshot(db, {
        moduleId,
        name: "The starter",
        kind: "manual",
        userId: fran.user.id,
        doc: collab.current(moduleId),
      });
      await collab.change(moduleId, fran.user.id, (doc) => {
        const fragment = doc.getXmlFragment(FRAGMENT);
        fragment.delete(0, fragment.length);
        addParagraph(doc, "A much shorter module.");
      });
      const short = recordSnapshot(db, {
        moduleId,
        name: "Short",
        kind: "manual",
        userId: fran.user.id,
        doc: collab.current(moduleId),
      });
      for (let round = 0; round < 60; round += 1) {
        await restoreSnapshot(contextFor(db, fran.actor), collab, moduleId, round % 2 === 0 ? original : short);
        if (round % 5 === 4) compactDocument(db, moduleId, new Date());
      }
      await restoreSnapshot(contextFor(db, fran.actor), collab, moduleId, original);
      compactDocument(db, moduleId, new Date());

      const live = liveSize(db, moduleId);
      expect(live).toBeGreaterThan(5_000);
      expect(storedState(db, moduleId).byteLength).toBeLessThan(live * 1.5);
      // What was compacted is still the document that was restored.
      expect(contentOf(collab.current(moduleId))).toEqual(contentOf(getSnapshot(db, moduleId, original).doc));
    },
    TEST_MS,
  );
});

describe("compaction on the collaboration server", () => {
  const bed = collabTestbed();

  it(
    "stores a state near the live size after many restores while people are connected",
    async () => {
      const { db, main, people } = bed;
      const moduleId = bed.newModule();
      const alice = await bed.connectSynced(people.alice, moduleId);
      for (let i = 0; i < 20; i += 1) addParagraph(alice.document, `Line ${i}: ${"words people wrote ".repeat(20)}`);
      const live = bed.serverDoc(moduleId);
      await until(() => live && live.getXmlFragment(FRAGMENT).length === 21, "the server to have every line");
      const snapshot = recordSnapshot(db, {
        moduleId,
        name: "Twenty lines",
        kind: "manual",
        userId: people.facilitator.user.id,
        doc: main.collab.control.current(moduleId),
      });
      for (let round = 0; round < 30; round += 1) {
        await restoreSnapshot(contextFor(db, people.facilitator.actor), main.collab.control, moduleId, snapshot);
      }
      await until(
        () => alice.document.getXmlFragment(FRAGMENT).length === 21 && alice.provider.unsyncedChanges === 0,
        "Alice to have the restored text",
      );
      const lastLogged = bed.storedUpdates(moduleId).at(-1)?.id;
      await until(
        () => bed.storedDoc(moduleId)?.compactedThrough === lastLogged,
        "the server to compact after its store",
        15_000,
      );
      const liveBytes = live ? Y.encodeStateAsUpdate(live).byteLength : 0;
      expect(bed.storedDoc(moduleId)?.state.byteLength).toBeLessThan(liveBytes * 1.5);
    },
    TEST_MS,
  );
});
