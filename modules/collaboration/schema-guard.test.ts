/**
 * Nothing the editor's schema cannot load is ever stored: such an update is refused before it is
 * applied, and a document stored before that check is repaired as it is opened.
 */
import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { validateDoc } from "../documents/json";
import { newBlock } from "../documents/templates";
import {
  addParagraph,
  authenticateRaw,
  collabTestbed,
  contains,
  MSG_CLOSE,
  MSG_SYNC_STATUS,
  paragraphs,
  paragraphText,
  type RawClient,
  syncUpdateFrame,
  TEST_MS,
  until,
  updateFrom,
} from "../testing/collab-harness";
import { CLOSE_REASONS, documentNameFor, FRAGMENT } from "./protocol";
import { appendUpdate, loadYDoc } from "./store";
import { jsonToYDoc, yDocToJSON, yDocToRawJSON } from "./ydoc";

function element(name: string, ...children: (Y.XmlElement | Y.XmlText)[]) {
  const node = new Y.XmlElement(name);
  node.insert(0, children);
  return node;
}

/** A training block built the way the editor stores it. */
function block(type: Parameters<typeof newBlock>[0]) {
  const fragment = jsonToYDoc({ type: "doc", content: [newBlock(type)] }).getXmlFragment(FRAGMENT);
  return fragment.get(0).clone() as Y.XmlElement;
}

/** The next thing the server says about an update: saved, not saved, or the document closed and why. */
function answerTo(client: RawClient) {
  return Promise.race([
    client
      .next(({ type, decoder }) => {
        if (type === MSG_CLOSE) return `closed: ${decoding.readVarString(decoder)}`;
        if (type === MSG_SYNC_STATUS) return decoding.readVarUint(decoder) === 1 ? "saved" : "not saved";
        return null;
      }, "the server's answer")
      .catch(() => "no answer"),
    client.closed.then(({ code, reason }) => `socket closed: ${code} ${reason}`),
  ]);
}

const unloadable: [string, (doc: Y.Doc) => void][] = [
  [
    "a node the schema does not know",
    (doc) => doc.getXmlFragment(FRAGMENT).push([element("evilNode", new Y.XmlText("x"))]),
  ],
  ["a mark the schema does not know", (doc) => paragraphText(doc, 1).format(0, 4, { blink: {} })],
  [
    "text straight in the document, outside any paragraph",
    (doc) => doc.getXmlFragment(FRAGMENT).push([new Y.XmlText("loose")]),
  ],
  [
    "a heading inside a paragraph",
    (doc) => doc.getXmlFragment(FRAGMENT).push([element("paragraph", element("heading", new Y.XmlText("h")))]),
  ],
  [
    "a knowledge check with one answer",
    (doc) => {
      const check = block("knowledgeCheck");
      check.delete(2, 1);
      doc.getXmlFragment(FRAGMENT).push([check]);
    },
  ],
  [
    "a comment anchor without a thread",
    (doc) => paragraphText(doc, 1).format(0, 4, { "comment--AAAAAAAA": { threadId: "z".repeat(50_000) } }),
  ],
  ["a value in a shared type of its own", (doc) => doc.getMap("notes").set("note", "z".repeat(200 * 1024))],
];

describe("the schema guard on the collaboration server", () => {
  const bed = collabTestbed();

  async function moduleWithALine() {
    const moduleId = bed.newModule();
    const alice = await bed.connectSynced(bed.people.alice, moduleId);
    const bob = await bed.connectSynced(bed.people.bob, moduleId);
    addParagraph(alice.document, "Agree your hours with your organisation.");
    await until(() => contains(bob.document, "Agree your hours"), "Bob to see Alice's line");
    await until(() => bed.rowsInserting(moduleId, "Agree your hours").length > 0, "the line to be stored");
    const live = bed.serverDoc(moduleId);
    if (!live) throw new Error("the document is not loaded");
    return { moduleId, alice, bob, live };
  }

  it.each(unloadable)(
    "refuses a co-designer's update that holds %s: it is not applied, stored or passed on",
    async (_label, change) => {
      const { moduleId, alice, bob, live } = await moduleWithALine();
      const name = documentNameFor(moduleId);
      const before = Y.encodeStateAsUpdate(live);
      const rowsBefore = bed.storedUpdates(moduleId);

      const attacker = await bed.raw(bed.people.alice);
      const local = await authenticateRaw(attacker, name);
      attacker.ws.send(syncUpdateFrame(name, updateFrom(local, change)));
      expect(await answerTo(attacker)).toBe(`closed: ${CLOSE_REASONS.unsupported}`);

      expect(Y.encodeStateAsUpdate(live)).toEqual(before);
      expect(bed.storedUpdates(moduleId)).toEqual(rowsBefore);
      expect(validateDoc(yDocToRawJSON(loadYDoc(bed.db, moduleId)))).toEqual({ ok: true });
      // The others carry on, and have nothing of it.
      addParagraph(bob.document, "Bob: still writing.");
      await until(() => contains(alice.document, "Bob: still writing."), "Alice to see Bob's next line");
      expect([...alice.document.share.keys()]).toEqual([FRAGMENT]);
      expect(Y.encodeStateVector(alice.document)).toEqual(Y.encodeStateVector(live));
    },
    TEST_MS,
  );

  it(
    "takes the changes the editor makes: typing, new paragraphs, formatting, comments and training blocks",
    async () => {
      const { moduleId, alice, live } = await moduleWithALine();
      const text = paragraphText(alice.document, 1);
      text.insert(text.length, " Tell people early.");
      text.delete(0, "Agree ".length);
      text.format(0, 4, { bold: {} });
      text.format(5, 5, { "comment--AAAAAAAA": { threadId: "AAAAAAAAAAAAAAAAAAAAAA" } });
      alice.document.getXmlFragment(FRAGMENT).push([block("knowledgeCheck"), block("scenario")]);
      addParagraph(alice.document, "And a last line.");
      await until(() => contains(live, "And a last line."), "the server to have every change");
      expect(yDocToJSON(live)).toEqual(yDocToJSON(alice.document));
      expect(yDocToJSON(loadYDoc(bed.db, moduleId))).toEqual(yDocToJSON(alice.document));
      const words = (paragraphText(live, 1).toDelta() as { insert: string }[]).map((run) => run.insert).join("");
      expect(words).toBe("your hours with your organisation. Tell people early.");
    },
    TEST_MS,
  );

  it(
    "judges typing by where it lands: text hidden in a block that cannot hold text is refused once it has words",
    async () => {
      const { moduleId, live } = await moduleWithALine();
      const name = documentNameFor(moduleId);
      const attacker = await bed.raw(bed.people.alice);
      const local = await authenticateRaw(attacker, name);
      // An empty text inside a knowledge check holds no words, so the document is still valid.
      const check = block("knowledgeCheck");
      const hidden = new Y.XmlText();
      check.insert(1, [hidden]);
      attacker.ws.send(
        syncUpdateFrame(
          name,
          updateFrom(local, (doc) => doc.getXmlFragment(FRAGMENT).push([check])),
        ),
      );
      expect(await answerTo(attacker)).toBe("saved");
      expect(validateDoc(yDocToRawJSON(live))).toEqual({ ok: true });

      const rowsBefore = bed.storedUpdates(moduleId);
      attacker.ws.send(
        syncUpdateFrame(
          name,
          updateFrom(local, () => hidden.insert(0, "Words where none may go.")),
        ),
      );
      expect(await answerTo(attacker)).toBe(`closed: ${CLOSE_REASONS.unsupported}`);
      expect(bed.storedUpdates(moduleId)).toEqual(rowsBefore);
      expect(validateDoc(yDocToRawJSON(live))).toEqual({ ok: true });
    },
    TEST_MS,
  );

  it(
    "opens a stored document that already holds such content: the unknown parts are removed, as a logged change by no one",
    async () => {
      const { db, people } = bed;
      const moduleId = bed.newModule();
      const seed = loadYDoc(db, moduleId);
      const poison = updateFrom(seed, (doc) => {
        addParagraph(doc, "Kept: the words people wrote.");
        doc.getXmlFragment(FRAGMENT).push([element("evilNode", new Y.XmlText("Dropped: an unknown block."))]);
        paragraphText(doc, 1).format(0, 5, { blink: {} });
        doc.getMap("notes").set("note", "z".repeat(10_000));
      });
      appendUpdate(db, moduleId, poison, people.alice.user.id, new Date());
      expect(validateDoc(yDocToRawJSON(loadYDoc(db, moduleId))).ok).toBe(false);

      const alice = await bed.connectSynced(people.alice, moduleId);
      expect(paragraphs(alice.document)).toEqual(["", "Kept: the words people wrote."]);
      expect(validateDoc(yDocToRawJSON(alice.document))).toEqual({ ok: true });
      expect(alice.document.getMap("notes").size).toBe(0);
      const repair = bed.storedUpdates(moduleId).at(-1);
      expect(repair?.userId).toBeNull();
      expect(validateDoc(yDocToRawJSON(loadYDoc(db, moduleId)))).toEqual({ ok: true });

      // Editing carries on as usual.
      addParagraph(alice.document, "Alice: a new line.");
      await until(() => bed.rowsInserting(moduleId, "Alice: a new line.").length > 0, "Alice's line to be stored");
      expect(paragraphs(loadYDoc(db, moduleId))).toEqual(["", "Kept: the words people wrote.", "Alice: a new line."]);
    },
    TEST_MS,
  );
});
