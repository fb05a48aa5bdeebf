/**
 * A locked part cannot be changed by anyone until it is unlocked: the server compares each locked
 * part before and after every update, and refuses the update when they differ.
 */
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { contextFor } from "../auth/context";
import { listStarterModules } from "../content/starter";
import type { DocJSON } from "../documents/json";
import { restoreSnapshot, takeSnapshot } from "../history/service";
import { lockPart, unlockPart } from "../locks/service";
import { collabTestbed, contains, TEST_MS, until, updateFrom } from "../testing/collab-harness";
import { doc, p, text } from "../testing/documents";
import { setCollaborator } from "../workshop/collaborators";
import { lockRefusal } from "./lock-guard";
import { FRAGMENT } from "./protocol";
import { loadDocumentJSON } from "./store";
import { jsonToYDoc, yDocToRawJSON } from "./ydoc";

const heading = (id: string, words: string): DocJSON => ({
  type: "heading",
  attrs: { level: 2, id },
  content: [text(words)],
});
const takeaway = (id: string, words: string): DocJSON => ({
  type: "keyTakeaway",
  attrs: { id },
  content: [p(text(words))],
});

const AGREED = "We agreed this together.";
const module = doc(
  heading("agreed", "Why no can be kind"),
  p(text(AGREED)),
  takeaway("takeaway", "A clear no is caring."),
  heading("open", "Still drafting"),
  p(text("Anything can change here.")),
);

/** The XmlText inside the n-th top-level node of the fragment (its first child, for a paragraph). */
function textIn(document: Y.Doc, index: number): Y.XmlText {
  const node = document.getXmlFragment(FRAGMENT).get(index) as Y.XmlElement;
  const first = node.get(0);
  return (first instanceof Y.XmlText ? first : (first as Y.XmlElement).get(0)) as Y.XmlText;
}

describe("locked parts on the collaboration server", () => {
  const bed = collabTestbed();

  async function lockedModule() {
    const { db, main, people } = bed;
    const moduleId = bed.newModule();
    setCollaborator(contextFor(db, people.facilitator.actor), moduleId, people.facilitator.user.id, "facilitator");
    const alice = await bed.connectSynced(people.alice, moduleId);
    const nodes = jsonToYDoc(module).getXmlFragment(FRAGMENT).toArray();
    alice.document.transact(() => {
      const fragment = alice.document.getXmlFragment(FRAGMENT);
      fragment.delete(0, fragment.length);
      fragment.insert(
        0,
        nodes.map((node) => node.clone() as Y.XmlElement),
      );
    });
    await until(() => contains(loadYDocOf(moduleId), AGREED), "the module to be stored");
    const ctx = contextFor(db, people.facilitator.actor);
    lockPart(ctx, main.collab.control, moduleId, { nodeId: "agreed", reason: "Agreed at the first workshop" });
    lockPart(ctx, main.collab.control, moduleId, { nodeId: "takeaway", reason: "" });
    return { moduleId, alice };
  }

  const loadYDocOf = (moduleId: string) => jsonToYDoc(loadDocumentJSON(bed.db, moduleId));
  const storedText = (moduleId: string) => JSON.stringify(loadDocumentJSON(bed.db, moduleId));

  it(
    "refuses a co-designer's edit inside a locked section, and leaves the stored document as it was",
    async () => {
      const { moduleId } = await lockedModule();
      const before = storedText(moduleId);
      const bob = await bed.connectSynced(bed.people.bob, moduleId);
      const closed = bed.nextClose(bob);
      textIn(bob.document, 1).insert(0, "Not quite: ");
      expect(await closed).toMatchObject({ reason: "locked-part" });
      await bed.main.collab.control.settle(moduleId);
      expect(storedText(moduleId)).toBe(before);
      expect(JSON.stringify(bed.main.collab.control.current(moduleId))).not.toContain("Not quite");
    },
    TEST_MS,
  );

  it(
    "refuses the facilitator too, on a locked block, and on deleting a locked part",
    async () => {
      const { moduleId } = await lockedModule();
      const before = storedText(moduleId);
      const fran = await bed.connectSynced(bed.people.facilitator, moduleId);
      const closed = bed.nextClose(fran);
      textIn(fran.document, 2).insert(0, "Always: ");
      expect(await closed).toMatchObject({ reason: "locked-part" });

      const bob = await bed.connectSynced(bed.people.bob, moduleId);
      const bobClosed = bed.nextClose(bob);
      bob.document.getXmlFragment(FRAGMENT).delete(2, 1);
      expect(await bobClosed).toMatchObject({ reason: "locked-part" });
      expect(storedText(moduleId)).toBe(before);
    },
    TEST_MS,
  );

  it(
    "takes edits elsewhere, and edits to a part once it is unlocked",
    async () => {
      const { moduleId, alice } = await lockedModule();
      const closes: string[] = [];
      alice.provider.on("close", ({ event }: { event: { reason: string } }) => closes.push(String(event.reason)));
      textIn(alice.document, 4).insert(0, "Still open: ");
      await until(() => storedText(moduleId).includes("Still open: "), "the edit outside the locks to be stored");

      unlockPart(contextFor(bed.db, bed.people.facilitator.actor), moduleId, { nodeId: "agreed" });
      textIn(alice.document, 1).insert(0, "Now: ");
      await until(() => storedText(moduleId).includes("Now: "), "the edit to the unlocked section to be stored");
      expect(closes).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "refuses a facilitator's restore that would change a locked part, and takes it once the part is unlocked",
    async () => {
      const { moduleId } = await lockedModule();
      const ctx = contextFor(bed.db, bed.people.facilitator.actor);
      const control = bed.main.collab.control;
      unlockPart(ctx, moduleId, { nodeId: "agreed" });
      const snapshotId = await takeSnapshot(ctx, control, moduleId, "Before the wording was agreed");
      await control.change(moduleId, bed.people.facilitator.user.id, (d) => textIn(d, 1).insert(0, "Agreed: "));
      lockPart(ctx, control, moduleId, { nodeId: "agreed", reason: "" });
      const before = JSON.stringify(control.current(moduleId));

      await expect(restoreSnapshot(ctx, control, moduleId, snapshotId)).rejects.toThrow(
        "Part of this module is locked, and bringing back that version would change it. Unlock it first.",
      );
      expect(JSON.stringify(control.current(moduleId))).toBe(before);

      unlockPart(ctx, moduleId, { nodeId: "agreed" });
      await restoreSnapshot(ctx, control, moduleId, snapshotId);
      expect(JSON.stringify(control.current(moduleId))).not.toContain("Agreed: ");
    },
    TEST_MS,
  );

  it(
    "lets a storyteller's withdrawal change a locked part all the same: a lock never holds back consent",
    async () => {
      const { moduleId } = await lockedModule();
      const control = bed.main.collab.control;
      // Withdrawing a story replaces its words inside whatever part holds it.
      await control.change(moduleId, bed.people.alice.user.id, (d) => textIn(d, 2).insert(0, "Withdrawn: "), "consent");
      expect(JSON.stringify(control.current(moduleId))).toContain("Withdrawn: ");
    },
    TEST_MS,
  );

  it("judges an update on a starter-sized module quickly, and a module without locks at no cost", () => {
    const starter = listStarterModules()[0];
    if (!starter) throw new Error("The starter pack is empty");
    const base = jsonToYDoc(starter.doc);
    const parts = yDocToRawJSON(base).content ?? [];
    const firstHeading = parts.findIndex((node) => node.type === "heading");
    // The starter's headings have no ids yet: give the first one an id to lock it by.
    (base.getXmlFragment(FRAGMENT).get(firstHeading) as Y.XmlElement).setAttribute("id", "locked-heading");
    const copy = () => {
      const next = new Y.Doc();
      Y.applyUpdate(next, Y.encodeStateAsUpdate(base));
      return next;
    };
    const scratch = copy();
    const last = scratch.getXmlFragment(FRAGMENT).length - 1;
    const update = updateFrom(scratch, (d) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("A new thought.")]);
      d.getXmlFragment(FRAGMENT).insert(last, [paragraph]);
    });
    const decoded = Y.decodeUpdate(update);
    const after = () => {
      const next = copy();
      Y.applyUpdate(next, update);
      return next;
    };
    const runs = 50;
    const time = (locked: string[]) => {
      const refusals = [];
      const start = performance.now();
      for (let i = 0; i < runs; i++) refusals.push(lockRefusal(base, decoded, after, locked));
      const each = (performance.now() - start) / runs;
      expect(refusals.every((refusal) => refusal === null)).toBe(true);
      return each;
    };
    time(["locked-heading"]);
    const withLocks = time(["locked-heading"]);
    const without = time([]);
    console.info(
      `Lock guard, ${starter.details.title} (${JSON.stringify(starter.doc).length} bytes of JSON): ` +
        `${withLocks.toFixed(2)} ms per update with a lock, ${without.toFixed(3)} ms without`,
    );
    expect(without).toBeLessThan(0.01);
    expect(withLocks).toBeLessThan(25);
  });
});
