/**
 * Co-designers of a module that takes suggestions only: the server takes their suggestions, and
 * their withdrawing their own, and refuses anything else that would change the document with every
 * suggestion rejected, whichever client sends it.
 */
import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { contextFor } from "../auth/context";
import { newSuggestionId } from "../documents/suggestion-ids";
import { openSuggestions } from "../documents/suggestions";
import { createEventBus } from "../events/bus";
import {
  addParagraph,
  authenticateRaw,
  collabTestbed,
  contains,
  MSG_CLOSE,
  MSG_SYNC_STATUS,
  paragraphText,
  syncUpdateFrame,
  TEST_MS,
  until,
  updateFrom,
} from "../testing/collab-harness";
import { setSuggestionsOnly } from "../workshop/suggestions-only";
import { followAccessChanges } from "./follow-access";
import { CLOSE_REASONS, documentNameFor, FRAGMENT } from "./protocol";
import { loadDocumentJSON, loadYDoc } from "./store";
import { suggesterRefusal } from "./suggestion-guard";
import { yDocToRawJSON } from "./ydoc";

const SENTENCE = "Saying no kindly is a skill.";
const REFUSED = `document closed: ${CLOSE_REASONS.suggestOnly}`;

describe("a co-designer of a module that takes suggestions only", () => {
  const bed = collabTestbed();

  /** A module set to take suggestions only, with a sentence the facilitator wrote. */
  async function suggestOnlyModule() {
    const { db, people } = bed;
    const moduleId = bed.newModule();
    setSuggestionsOnly(contextFor(db, people.facilitator.actor), moduleId, true);
    const facilitator = await bed.connectSynced(people.facilitator, moduleId);
    addParagraph(facilitator.document, SENTENCE);
    await until(() => bed.rowsInserting(moduleId, "Saying no kindly").length > 0, "the sentence to be stored");
    return { moduleId, facilitator };
  }

  type Person = (typeof bed.people)["alice"];

  /** Sends one change as `person` from a hand-driven client, and says what the server answered. */
  async function send(person: Person, moduleId: string, change: (doc: Y.Doc) => void) {
    const name = documentNameFor(moduleId);
    const socket = await bed.raw(person);
    const local = await authenticateRaw(socket, name);
    socket.ws.send(syncUpdateFrame(name, updateFrom(local, change)));
    return Promise.race([
      socket.closed.then(({ code, reason }) => `socket closed: ${code} ${reason}`),
      socket
        .next(({ type, decoder }) => {
          if (type === MSG_CLOSE) return `document closed: ${decoding.readVarString(decoder)}`;
          if (type === MSG_SYNC_STATUS) return decoding.readVarUint(decoder) === 1 ? "saved" : "not saved";
          return null;
        }, "the server's answer")
        .catch(() => "no answer"),
    ]);
  }

  const suggestWords = (id: string) => (doc: Y.Doc) =>
    paragraphText(doc, 1).insert(SENTENCE.length, " Practise it.", { insertion: { id } });
  const suggestRemoving = (id: string) => (doc: Y.Doc) =>
    paragraphText(doc, 1).format(0, "Saying ".length, { deletion: { id } });

  it(
    "a direct edit is refused: neither applied, stored nor sent to anyone",
    async () => {
      const { db, people } = bed;
      const { moduleId, facilitator } = await suggestOnlyModule();
      const live = bed.serverDoc(moduleId);
      if (!live) throw new Error("the document is not loaded");
      const before = Y.encodeStateAsUpdate(live);
      const rowsBefore = bed.storedUpdates(moduleId);
      const stored = loadDocumentJSON(db, moduleId);

      for (const change of [
        (doc: Y.Doc) => paragraphText(doc, 1).insert(0, "Alice: "),
        (doc: Y.Doc) => paragraphText(doc, 1).delete(0, "Saying ".length),
        (doc: Y.Doc) => addParagraph(doc, "A paragraph of my own."),
        (doc: Y.Doc) => doc.getXmlFragment(FRAGMENT).delete(1, 1),
        (doc: Y.Doc) => paragraphText(doc, 1).format(0, 6, { bold: {} }),
      ]) {
        expect(await send(people.alice, moduleId, change)).toBe(REFUSED);
      }
      expect(Y.encodeStateAsUpdate(live)).toEqual(before);
      expect(bed.storedUpdates(moduleId)).toEqual(rowsBefore);
      expect(loadDocumentJSON(db, moduleId)).toEqual(stored);
      // The facilitator's copy never got any of it.
      expect(Y.encodeStateVector(facilitator.document)).toEqual(Y.encodeStateVector(live));
    },
    TEST_MS,
  );

  it(
    "suggestions in their own name are taken and seen live; withdrawing their own is allowed; accepting is not",
    async () => {
      const { db, people } = bed;
      const { moduleId, facilitator } = await suggestOnlyModule();
      const added = newSuggestionId(people.alice.user.id);
      const removed = newSuggestionId(people.alice.user.id);

      expect(await send(people.alice, moduleId, suggestWords(added))).toBe("saved");
      expect(await send(people.alice, moduleId, suggestRemoving(removed))).toBe("saved");
      await until(() => contains(facilitator.document, "Practise it."), "the facilitator to see the suggestion");
      expect(openSuggestions(loadDocumentJSON(db, moduleId))).toMatchObject([
        { id: removed, author: people.alice.user.id, kinds: ["deletion"], removed: "Saying" },
        { id: added, author: people.alice.user.id, kinds: ["insertion"], added: "Practise it." },
      ]);

      // Accepting either is the facilitator's to do.
      const acceptWords = (doc: Y.Doc) =>
        paragraphText(doc, 1).format(SENTENCE.length, " Practise it.".length, { insertion: null });
      const acceptRemoving = (doc: Y.Doc) => paragraphText(doc, 1).delete(0, "Saying ".length);
      expect(await send(people.alice, moduleId, acceptWords)).toBe(REFUSED);
      expect(await send(people.alice, moduleId, acceptRemoving)).toBe(REFUSED);

      // Withdrawing (rejecting) them is hers to do.
      const rejectWords = (doc: Y.Doc) => paragraphText(doc, 1).delete(SENTENCE.length, " Practise it.".length);
      const rejectRemoving = (doc: Y.Doc) => paragraphText(doc, 1).format(0, "Saying ".length, { deletion: null });
      expect(await send(people.alice, moduleId, rejectWords)).toBe("saved");
      expect(await send(people.alice, moduleId, rejectRemoving)).toBe("saved");
      await until(() => !contains(facilitator.document, "Practise it."), "the facilitator to see it withdrawn");
      expect(openSuggestions(loadDocumentJSON(db, moduleId))).toEqual([]);
      expect(loadYDoc(db, moduleId).getXmlFragment(FRAGMENT).toJSON()).toContain(SENTENCE);
    },
    TEST_MS,
  );

  it(
    "another person's suggestions are not theirs to reject, and no suggestion can be made in another's name",
    async () => {
      const { people } = bed;
      const { moduleId, facilitator } = await suggestOnlyModule();
      const bobs = newSuggestionId(people.bob.user.id);
      expect(await send(people.bob, moduleId, suggestWords(bobs))).toBe("saved");
      await until(() => contains(facilitator.document, "Practise it."), "the facilitator to see Bob's suggestion");

      const rejectBobs = (doc: Y.Doc) => paragraphText(doc, 1).delete(SENTENCE.length, " Practise".length);
      expect(await send(people.alice, moduleId, rejectBobs)).toBe(REFUSED);
      expect(await send(people.alice, moduleId, suggestRemoving(newSuggestionId(people.bob.user.id)))).toBe(REFUSED);
      expect(contains(facilitator.document, "Practise it.")).toBe(true);
    },
    TEST_MS,
  );

  it(
    "the facilitator accepts and rejects anyone's suggestions",
    async () => {
      const { db, people } = bed;
      const { moduleId } = await suggestOnlyModule();
      expect(await send(people.alice, moduleId, suggestWords(newSuggestionId(people.alice.user.id)))).toBe("saved");
      const accept = (doc: Y.Doc) =>
        paragraphText(doc, 1).format(SENTENCE.length, " Practise it.".length, { insertion: null });
      expect(await send(people.facilitator, moduleId, accept)).toBe("saved");
      await bed.main.collab.control.settle(moduleId);
      expect(openSuggestions(loadDocumentJSON(db, moduleId))).toEqual([]);
      expect(contains(loadYDoc(db, moduleId), `${SENTENCE} Practise it.`)).toBe(true);
    },
    TEST_MS,
  );

  it(
    "an open editor follows the setting at once: the connection is checked again and told it may only suggest",
    async () => {
      const { db, people } = bed;
      const moduleId = bed.newModule();
      const alice = await bed.connectSynced(people.alice, moduleId);
      const accessSaid: string[] = [];
      alice.provider.on("stateless", ({ payload }: { payload: string }) => accessSaid.push(payload));
      const closed = bed.nextClose(alice);
      const events = createEventBus();
      const stop = followAccessChanges(events, bed.main.collab.control);
      setSuggestionsOnly(contextFor(db, people.facilitator.actor, new Date(), events), moduleId, true);
      stop();
      expect((await closed).reason).toBe(CLOSE_REASONS.changed);
      await until(() => accessSaid.some((p) => JSON.parse(p).access === "suggest"), "the editor to be told");
    },
    TEST_MS,
  );

  it("costs two readings of the document per update: measured on a long module", () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 300; i++) addParagraph(doc, `Paragraph ${i}: ${SENTENCE} ${"Some more words. ".repeat(4)}`);
    const userId = "alice-user-id-000000000";
    const timings: number[] = [];
    for (let i = 0; i < 40; i++) {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      const update = updateFrom(copy, (d) =>
        paragraphText(d, 1 + i).insert(0, "x", { insertion: { id: newSuggestionId(userId) } }),
      );
      const started = performance.now();
      const refusal = suggesterRefusal(doc, Y.decodeUpdate(update), () => copy, userId);
      timings.push(performance.now() - started);
      expect(refusal).toBeNull();
      copy.destroy();
    }
    timings.sort((a, b) => a - b);
    const p95 = timings[Math.floor(timings.length * 0.95)] ?? 0;
    const words = JSON.stringify(yDocToRawJSON(doc)).length;
    console.log(`suggestion guard on a ${words}-character document: p95 ${p95.toFixed(1)} ms per update`);
    expect(p95).toBeLessThan(250);
  });
});
