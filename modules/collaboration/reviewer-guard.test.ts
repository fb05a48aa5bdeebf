/**
 * Reviewers read and comment: their updates may add and remove comment anchors and nothing else, and
 * an anchor never changes the revision that people sign off.
 */
import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { contextFor } from "../auth/context";
import { SAFETY_CHECKS } from "../review/checklist";
import { reviewState, signOff, startReview } from "../review/service";
import { newId } from "../shared/ids";
import {
  addParagraph,
  anchorComment,
  anchoredWords,
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
import { CLOSE_REASONS, documentNameFor, FRAGMENT } from "./protocol";
import { loadYDoc } from "./store";

const ALL_CHECKS = Object.fromEntries(SAFETY_CHECKS.map((c) => [c.id, true]));
const SENTENCE = "Saying no kindly is a skill we can practise.";

describe("a reviewer on the collaboration server", () => {
  const bed = collabTestbed();

  /** A module with one sentence that everyone on it has signed off. */
  async function signedOffModule() {
    const { db, main, people } = bed;
    const moduleId = bed.newModule();
    const alice = await bed.connectSynced(people.alice, moduleId);
    addParagraph(alice.document, SENTENCE);
    await until(() => bed.rowsInserting(moduleId, "Saying no kindly").length > 0, "the sentence to be stored");
    await main.collab.control.settle(moduleId);
    await startReview(contextFor(db, people.facilitator.actor), main.collab.control, moduleId);
    const { revision } = reviewState(db, moduleId);
    for (const person of [people.facilitator, people.alice, people.bob, people.reviewer]) {
      await signOff(contextFor(db, person.actor), main.collab.control, moduleId, { revision, checks: ALL_CHECKS });
    }
    expect(reviewState(db, moduleId).ready).toBe(true);
    return { moduleId, alice, revision };
  }

  it(
    "anchors a comment on part of a sentence: it is stored and seen live, and every sign-off stays current",
    async () => {
      const { db, main, people } = bed;
      const { moduleId, alice, revision } = await signedOffModule();
      const reviewer = await bed.connectSynced(people.reviewer, moduleId);
      await until(() => contains(reviewer.document, "Saying no kindly"), "the reviewer to see the sentence");
      const closes: string[] = [];
      reviewer.provider.on("close", ({ event }: { event: { reason: string } }) => closes.push(String(event.reason)));

      const threadId = newId();
      anchorComment(reviewer.document, 1, "Saying ".length, "no kindly".length, threadId);
      await until(() => anchoredWords(alice.document, threadId) === "no kindly", "Alice to see the anchor");
      await until(
        () => bed.storedUpdates(moduleId).some((row) => row.userId === people.reviewer.user.id),
        "the anchor to be stored under the reviewer",
      );
      expect(closes).toEqual([]);
      expect(anchoredWords(loadYDoc(db, moduleId), threadId)).toBe("no kindly");

      // Removing it again is allowed too.
      paragraphText(reviewer.document, 1).format(0, SENTENCE.length, {
        [`comment--${Buffer.from(threadId).toString("base64").slice(0, 8)}`]: null,
      });
      await until(() => anchoredWords(alice.document, threadId) === "", "Alice to see the anchor go");
      expect(closes).toEqual([]);

      await main.collab.control.settle(moduleId);
      const review = reviewState(db, moduleId);
      expect(review.revision).toBe(revision);
      expect(review.ready).toBe(true);
    },
    TEST_MS,
  );

  it(
    "an editor's comment on part of a sentence does not make the sign-offs stale either",
    async () => {
      const { db, main } = bed;
      const { moduleId, alice, revision } = await signedOffModule();
      const threadId = newId();
      anchorComment(alice.document, 1, "Saying no ".length, "kindly".length, threadId);
      const live = bed.serverDoc(moduleId);
      await until(() => live && anchoredWords(live, threadId) === "kindly", "the server to have the anchor");
      await main.collab.control.settle(moduleId);
      expect(reviewState(db, moduleId)).toMatchObject({ revision, ready: true });
    },
    TEST_MS,
  );

  const outsideAnchors: [string, (doc: Y.Doc) => void][] = [
    ["a large value in a map of its own", (doc) => doc.getMap("notes").set("note", "z".repeat(200 * 1024))],
    ["text in a shared type of its own", (doc) => doc.getText("scratch").insert(0, "Hidden from the editor.")],
    [
      "an attribute on a paragraph",
      (doc) => (doc.getXmlFragment(FRAGMENT).get(1) as Y.XmlElement).setAttribute("x", "y"),
    ],
    ["an attribute on the text itself", (doc) => paragraphText(doc, 1).setAttribute("note", "z".repeat(1024))],
    ["bold on some words", (doc) => paragraphText(doc, 1).format(0, 6, { bold: {} })],
    ["a change to the words", (doc) => paragraphText(doc, 1).insert(0, "Reviewer: ")],
    ["a deleted paragraph", (doc) => doc.getXmlFragment(FRAGMENT).delete(1, 1)],
    [
      "a comment anchor carrying a large value instead of a thread",
      (doc) => paragraphText(doc, 1).format(0, 6, { "comment--AAAAAAAA": { threadId: "z".repeat(200 * 1024) } }),
    ],
  ];

  it.each(outsideAnchors)(
    "refuses a reviewer's update that holds %s: it is neither applied, stored nor sent to anyone",
    async (_label, change) => {
      const { people } = bed;
      const moduleId = bed.newModule();
      const name = documentNameFor(moduleId);
      const alice = await bed.connectSynced(people.alice, moduleId);
      addParagraph(alice.document, SENTENCE);
      await until(() => bed.rowsInserting(moduleId, "Saying no kindly").length > 0, "the sentence to be stored");
      const live = bed.serverDoc(moduleId);
      if (!live) throw new Error("the document is not loaded");
      const before = Y.encodeStateAsUpdate(live);
      const rowsBefore = bed.storedUpdates(moduleId);

      const socket = await bed.raw(people.reviewer);
      const local = await authenticateRaw(socket, name);
      socket.ws.send(syncUpdateFrame(name, updateFrom(local, change)));
      const outcome = await Promise.race([
        socket.closed.then(({ code, reason }) => `socket closed: ${code} ${reason}`),
        socket
          .next(({ type, decoder }) => {
            if (type === MSG_CLOSE) return `document closed: ${decoding.readVarString(decoder)}`;
            if (type === MSG_SYNC_STATUS) return decoding.readVarUint(decoder) === 1 ? "saved" : "not saved";
            return null;
          }, "the server's answer")
          .catch(() => "no answer"),
      ]);
      expect([
        `socket closed: 4403 ${CLOSE_REASONS.readOnly}`,
        `document closed: ${CLOSE_REASONS.unsupported}`,
      ]).toContain(outcome);

      expect(Y.encodeStateAsUpdate(live)).toEqual(before);
      expect(bed.storedUpdates(moduleId)).toEqual(rowsBefore);
      // Alice's copy never got it: what she has is exactly what the server has.
      addParagraph(alice.document, "Alice carries on.");
      await until(() => contains(live, "Alice carries on."), "Alice's next line to reach the server");
      expect([...alice.document.share.keys()]).toEqual([FRAGMENT]);
      expect(Y.encodeStateVector(alice.document)).toEqual(Y.encodeStateVector(live));
    },
    TEST_MS,
  );
});
