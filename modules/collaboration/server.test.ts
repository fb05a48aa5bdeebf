/**
 * The collaboration server end to end: real WebSockets on a real HTTP server, real providers and
 * hand-written protocol frames, and a real SQLite file behind it.
 */

import { randomBytes } from "node:crypto";
import { eq, max } from "drizzle-orm";
import * as decoding from "lib0/decoding";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { moduleDocs, moduleDocUpdates } from "../../db/schema";
import { sessionCookie } from "../accounts/cookie";
import { contextFor } from "../auth/context";
import { createEventBus } from "../events/bus";
import { newId, newToken } from "../shared/ids";
import {
  addParagraph,
  authenticateRaw,
  type Client,
  collabTestbed,
  contains,
  MSG_CLOSE,
  MSG_SYNC_REPLY,
  MSG_SYNC_STATUS,
  openRawClient,
  paragraphs,
  startCollab,
  syncUpdateFrame,
  TEST_MS,
  until,
  updateFrom,
  WAIT_MS,
  within,
} from "../testing/collab-harness";
import { removeCollaborator, setCollaborator } from "../workshop/collaborators";
import { createModule } from "../workshop/service";
import { followAccessChanges } from "./follow-access";
import { CLOSE_REASONS, documentNameFor, FRAGMENT, MAX_DOCUMENT_BYTES, MAX_MESSAGE_BYTES } from "./protocol";
import { appendUpdate, compactDocument, loadYDoc } from "./store";
import { yDocFrom, yDocToJSON } from "./ydoc";

describe("the collaboration server", () => {
  const bed = collabTestbed();
  const {
    newModule,
    connect,
    connectSynced,
    connectBare,
    nextClose,
    raw,
    serverDoc,
    storedUpdates,
    rowsInserting,
    storedDoc,
  } = bed;
  let db: typeof bed.db;
  let main: typeof bed.main;
  let facilitator: typeof bed.people.facilitator;
  let alice: typeof bed.people.alice;
  let bob: typeof bed.people.bob;
  let reviewer: typeof bed.people.reviewer;
  let learner: typeof bed.people.learner;
  let outsider: typeof bed.people.outsider;
  let outsiderOrg: typeof bed.people.outsiderOrg;
  const cookieOf = bed.cookieOf;
  /** The facilitator's changes, told to live editors as the server's composition root wires it. */
  const events = createEventBus();
  const asFacilitator = () => contextFor(db, facilitator.actor, new Date(), events);

  beforeAll(() => {
    ({ db, main } = bed);
    ({ facilitator, alice, bob, reviewer, learner, outsider, outsiderOrg } = bed.people);
    followAccessChanges(events, main.collab.control);
  });

  /**
   * After a bad client was thrown out: the server document still has what it had, the clients that
   * were already connected still edit together and their edits are stored, the store rebuilds the
   * same document, and new connections are still accepted.
   */
  async function expectStillHealthy(
    moduleId: string,
    writer: Client,
    reader: Client,
    before: ReturnType<typeof yDocToJSON>,
    label: string,
  ) {
    const live = serverDoc(moduleId);
    expect(live, "the document is still loaded").toBeDefined();
    if (!live) return;
    expect(yDocToJSON(live)).toEqual(before);

    const line = `${label}: still working ${newId()}`;
    addParagraph(writer.document, line);
    await until(() => contains(reader.document, line), `the other client to see "${line}"`);
    const rows = await until(() => {
      const found = rowsInserting(moduleId, line);
      return found.length > 0 && found;
    }, "the edit to be stored");
    expect(rows.map((row) => row.userId)).toEqual([alice.user.id]);

    expect(yDocToJSON(live).content?.slice(0, -1)).toEqual(before.content);
    expect(yDocToJSON(loadYDoc(db, moduleId))).toEqual(yDocToJSON(live));

    const newcomer = await connectSynced(bob, moduleId);
    expect(paragraphs(newcomer.document)).toEqual(paragraphs(live));
  }

  it(
    "lets two people on one module see each other's changes, storing each update under its sender",
    async () => {
      const moduleId = newModule();
      const a = await connectSynced(alice, moduleId);
      const b = await connectSynced(bob, moduleId);

      addParagraph(a.document, "Alice: name the boundary before the conversation.");
      await until(() => contains(b.document, "Alice: name the boundary"), "Bob to see Alice's line");
      addParagraph(b.document, "Bob: and say what you will do if it is crossed.");
      await until(() => contains(a.document, "Bob: and say what"), "Alice to see Bob's line");

      expect(paragraphs(a.document)).toEqual(paragraphs(b.document));
      expect(paragraphs(a.document)).toEqual([
        "",
        "Alice: name the boundary before the conversation.",
        "Bob: and say what you will do if it is crossed.",
      ]);

      const aliceRows = rowsInserting(moduleId, "Alice: name the boundary");
      const bobRows = rowsInserting(moduleId, "Bob: and say what");
      expect(aliceRows.map((row) => row.userId)).toEqual([alice.user.id]);
      expect(bobRows.map((row) => row.userId)).toEqual([bob.user.id]);
      // Alice's edit arrived first, so it was logged first.
      expect(aliceRows[0]?.id).toBeLessThan(bobRows[0]?.id ?? 0);

      const live = serverDoc(moduleId);
      expect(live && paragraphs(live)).toEqual(paragraphs(a.document));
      expect(paragraphs(loadYDoc(db, moduleId))).toEqual(paragraphs(a.document));
    },
    TEST_MS,
  );

  describe("refuses connections", () => {
    it(
      "from a person of another organisation, even as a facilitator there",
      async () => {
        const moduleId = newModule();
        const client = connect(outsider, moduleId);
        await expect(within(client.synced, WAIT_MS, "a refusal")).rejects.toThrow("refused: permission-denied");
        expect(client.denied).toBe("permission-denied");
        expect(serverDoc(moduleId)).toBeUndefined();
      },
      TEST_MS,
    );

    it(
      "from a learner of the organisation who is not on the module",
      async () => {
        const moduleId = newModule();
        const client = connect(learner, moduleId);
        await expect(within(client.synced, WAIT_MS, "a refusal")).rejects.toThrow("refused: permission-denied");
        expect(serverDoc(moduleId)).toBeUndefined();
      },
      TEST_MS,
    );

    it(
      "for a module that does not exist, and for a module of another organisation",
      async () => {
        const missing = connect(alice, newId());
        await expect(within(missing.synced, WAIT_MS, "a refusal")).rejects.toThrow("refused: permission-denied");

        const theirs = createModule(db, {
          orgId: outsiderOrg.org.id,
          createdBy: outsider.user.id,
          title: "Their module",
          topic: "supervision",
          customTopic: "",
          summary: "",
          estimatedMinutes: 10,
        }).id;
        const forged = connect(alice, theirs);
        await expect(within(forged.synced, WAIT_MS, "a refusal")).rejects.toThrow("refused: permission-denied");
        expect(serverDoc(theirs)).toBeUndefined();
        expect(storedUpdates(theirs)).toEqual([]);
      },
      TEST_MS,
    );

    it(
      "for a document name that is not a module's, closing the socket as malformed",
      async () => {
        const provider = connectBare("module:../../etc/passwd", { Cookie: cookieOf(alice) });
        const closed = await within(
          new Promise<{ code: number; reason: string }>((resolve) =>
            provider.on("close", ({ event }: { event: { code: number; reason: string } }) =>
              resolve({ code: event.code, reason: String(event.reason) }),
            ),
          ),
          WAIT_MS,
          "the socket to close",
        );
        expect(closed).toEqual({ code: 4400, reason: CLOSE_REASONS.malformed });
        expect(provider.isAuthenticated).toBe(false);
        expect([...main.collab.hocuspocus.documents.keys()]).not.toContain("module:../../etc/passwd");
      },
      TEST_MS,
    );

    it(
      "without a session cookie, or with a forged one",
      async () => {
        const moduleId = newModule();
        const forged = (await sessionCookie(false).serialize(newToken())).split(";")[0] ?? "";
        const attempts: Record<string, string>[] = [{}, { Cookie: forged }];
        for (const headers of attempts) {
          const provider = connectBare(documentNameFor(moduleId), headers);
          const reason = await within(
            new Promise<string>((resolve) =>
              provider.on("authenticationFailed", ({ reason }: { reason: string }) => resolve(reason)),
            ),
            WAIT_MS,
            "a refusal",
          );
          expect(reason).toBe("permission-denied");
          expect(provider.isSynced).toBe(false);
        }
        expect(serverDoc(moduleId)).toBeUndefined();
      },
      TEST_MS,
    );

    it(
      "from another site (a cross-origin upgrade is dropped)",
      async () => {
        const moduleId = newModule();
        await expect(
          openRawClient(main.wsURL, { Cookie: cookieOf(alice), Origin: "https://elsewhere.example" }),
        ).rejects.toThrow();
        expect(serverDoc(moduleId)).toBeUndefined();
      },
      TEST_MS,
    );
  });

  it(
    "lets a reviewer read but not edit: their change is neither applied nor stored, and they still see others'",
    async () => {
      const moduleId = newModule();
      const name = documentNameFor(moduleId);
      const a = await connectSynced(alice, moduleId);
      const r = await connectSynced(reviewer, moduleId);
      addParagraph(a.document, "Alice: a line for the reviewer to read.");
      await until(() => contains(r.document, "Alice: a line for the reviewer"), "the reviewer to see Alice's line");
      const rowsBefore = storedUpdates(moduleId);

      // The reviewer's client sends a content change exactly as an editor would.
      const reviewerSocket = await raw(reviewer);
      const local = await authenticateRaw(reviewerSocket, name);
      reviewerSocket.ws.send(
        syncUpdateFrame(
          name,
          updateFrom(local, (d) => addParagraph(d, "Reviewer: I rewrote this.")),
        ),
      );
      // The server refuses it either as a read-only connection ("not saved") or by closing the socket.
      const answer = reviewerSocket
        .next(({ type, decoder }) => (type === MSG_SYNC_STATUS ? decoding.readVarUint(decoder) : null), "a sync status")
        .then((saved) => (saved === 1 ? "saved" : "not saved"))
        .catch(() => "no answer");
      const outcome = await Promise.race([answer, reviewerSocket.closed.then(({ code }) => `closed ${code}`)]);
      expect(["not saved", "closed 4403"]).toContain(outcome);

      const live = serverDoc(moduleId);
      expect(live && paragraphs(live)).toEqual(["", "Alice: a line for the reviewer to read."]);
      expect(storedUpdates(moduleId)).toEqual(rowsBefore);
      expect(rowsInserting(moduleId, "Reviewer:")).toEqual([]);
      expect(contains(loadYDoc(db, moduleId), "Reviewer:")).toBe(false);

      addParagraph(a.document, "Alice: a second line.");
      await until(() => contains(r.document, "Alice: a second line."), "the reviewer to see Alice's second line");
      expect(contains(a.document, "Reviewer:")).toBe(false);
      expect(contains(r.document, "Reviewer:")).toBe(false);
    },
    TEST_MS,
  );

  it(
    "disconnects a collaborator removed mid-session at once, and refuses their reconnection",
    async () => {
      const moduleId = newModule();
      const name = documentNameFor(moduleId);
      const a = await connectSynced(alice, moduleId);
      const b = await connectSynced(bob, moduleId);
      // Bob also has a second, hand-driven connection that keeps sending after the removal.
      const bobSocket = await raw(bob);
      const bobLocal = await authenticateRaw(bobSocket, name);
      addParagraph(b.document, "Bob: before removal.");
      await until(() => contains(a.document, "Bob: before removal."), "Alice to see Bob's line");
      Y.applyUpdate(bobLocal, Y.encodeStateAsUpdate(b.document));
      const lateEdit = updateFrom(bobLocal, (d) => addParagraph(d, "Bob: sent as the removal happened."));

      const closed = nextClose(b);
      const reconnectRefused = new Promise<string>((resolve) =>
        b.provider.on("authenticationFailed", ({ reason }: { reason: string }) => resolve(reason)),
      );
      removeCollaborator(asFacilitator(), moduleId, bob.user.id);
      // Already on its way when the server closes the socket: it must not be applied.
      bobSocket.ws.send(syncUpdateFrame(name, lateEdit));
      const revokedAt = Date.now();
      expect(await within(closed, 2_000, "Bob's socket to close")).toEqual({
        code: 4403,
        reason: CLOSE_REASONS.removed,
      });
      expect(await within(bobSocket.closed, 2_000, "Bob's second socket to close")).toEqual({
        code: 4403,
        reason: CLOSE_REASONS.removed,
      });
      expect(Date.now() - revokedAt).toBeLessThan(2_000);
      await until(
        () =>
          !serverDoc(moduleId)
            ?.getConnections()
            .some((c) => c.context.userId === bob.user.id),
        "the server to drop Bob's connections",
      );

      // Bob keeps typing offline; his provider reconnects by itself and is refused.
      addParagraph(b.document, "Bob: after removal.");
      expect(await within(reconnectRefused, WAIT_MS, "Bob's reconnection to be refused")).toBe("permission-denied");
      const fresh = connect(bob, moduleId);
      await expect(within(fresh.synced, WAIT_MS, "a refusal")).rejects.toThrow("refused: permission-denied");

      // Alice carries on; nothing Bob sent after the removal reached the document or the store.
      addParagraph(a.document, "Alice: after Bob left.");
      await until(() => rowsInserting(moduleId, "Alice: after Bob left.").length > 0, "Alice's line to be stored");
      const live = serverDoc(moduleId);
      expect(live && paragraphs(live)).toEqual(["", "Bob: before removal.", "Alice: after Bob left."]);
      expect(rowsInserting(moduleId, "Bob: sent as the removal happened.")).toEqual([]);
      expect(rowsInserting(moduleId, "Bob: after removal.")).toEqual([]);
      expect(paragraphs(loadYDoc(db, moduleId))).toEqual(paragraphs(live ?? new Y.Doc()));
    },
    TEST_MS,
  );

  it(
    "tells each editor what its person may do, and again after a change of role, which reconnects rather than removes",
    async () => {
      const moduleId = newModule();
      const b = connect(bob, moduleId);
      const told: string[] = [];
      b.provider.on("stateless", ({ payload }: { payload: string }) => told.push(payload));
      await within(b.synced, WAIT_MS, "Bob to sync");
      await until(() => told.includes(JSON.stringify({ access: "edit" })), "Bob to be told he may edit");

      const closed = nextClose(b);
      setCollaborator(asFacilitator(), moduleId, bob.user.id, "reviewer");
      expect(await within(closed, WAIT_MS, "Bob's socket to close")).toEqual({
        code: 4403,
        reason: CLOSE_REASONS.changed,
      });
      await until(() => told.includes(JSON.stringify({ access: "comment" })), "Bob to be told he may comment now");
      await until(
        () =>
          serverDoc(moduleId)
            ?.getConnections()
            .some((c) => c.context.userId === bob.user.id && c.context.commentOnly),
        "Bob to be connected again as a reviewer",
      );
    },
    TEST_MS,
  );

  describe("malformed input closes only the connection that sent it", () => {
    async function twoEditors() {
      const moduleId = newModule();
      const a = await connectSynced(alice, moduleId);
      const b = await connectSynced(bob, moduleId);
      addParagraph(a.document, "Alice: the content before the attack.");
      await until(() => contains(b.document, "Alice: the content before"), "Bob to see Alice's line");
      await until(() => rowsInserting(moduleId, "Alice: the content before").length > 0, "the line to be stored");
      const live = serverDoc(moduleId);
      if (!live) throw new Error("the document is not loaded");
      return { moduleId, a, b, before: yDocToJSON(live) };
    }

    it(
      "random bytes, from an anonymous socket and from a signed-in one",
      async () => {
        const { moduleId, a, b, before } = await twoEditors();
        for (const person of [undefined, alice, bob, undefined, alice]) {
          const attacker = await raw(person);
          attacker.ws.send(randomBytes(200 + Math.floor(Math.random() * 2_000)));
          expect(await within(attacker.closed, WAIT_MS, "the attacker's socket to close")).toEqual({
            code: 4400,
            reason: CLOSE_REASONS.malformed,
          });
        }
        // Random bytes after a proper authentication on the same document, too.
        const signedIn = await raw(alice);
        await authenticateRaw(signedIn, documentNameFor(moduleId));
        signedIn.ws.send(randomBytes(512));
        expect((await within(signedIn.closed, WAIT_MS, "the socket to close")).code).toBe(4400);

        await expectStillHealthy(moduleId, a, b, before, "random bytes");
      },
      TEST_MS,
    );

    it(
      "a truncated Yjs update from a properly authenticated client",
      async () => {
        const { moduleId, a, b, before } = await twoEditors();
        const attacker = await raw(alice);
        const local = await authenticateRaw(attacker, documentNameFor(moduleId));
        expect(paragraphs(local)).toEqual(paragraphs(a.document));

        const update = updateFrom(local, (doc) => addParagraph(doc, "Attacker: half of this line is missing."));
        const truncated = update.slice(0, Math.floor(update.byteLength / 2));
        expect(() => Y.decodeUpdate(truncated)).toThrow();
        attacker.ws.send(syncUpdateFrame(documentNameFor(moduleId), truncated));
        expect(await within(attacker.closed, WAIT_MS, "the attacker's socket to close")).toEqual({
          code: 4400,
          reason: CLOSE_REASONS.malformed,
        });
        expect(rowsInserting(moduleId, "Attacker")).toEqual([]);

        // The same bytes sent as a "sync reply", which Hocuspocus applies like a sync message.
        const second = await raw(bob);
        await authenticateRaw(second, documentNameFor(moduleId));
        second.ws.send(syncUpdateFrame(documentNameFor(moduleId), truncated, MSG_SYNC_REPLY));
        expect((await within(second.closed, WAIT_MS, "the second socket to close")).code).toBe(4400);

        await expectStillHealthy(moduleId, a, b, before, "truncated update");
      },
      TEST_MS,
    );

    it(
      "an oversized message (a paste over the message limit)",
      async () => {
        const { moduleId, a, b, before } = await twoEditors();
        const attacker = await raw(alice);
        const local = await authenticateRaw(attacker, documentNameFor(moduleId));
        const update = updateFrom(local, (doc) => addParagraph(doc, `Huge paste ${"z".repeat(MAX_MESSAGE_BYTES)}`));
        const message = syncUpdateFrame(documentNameFor(moduleId), update);
        expect(message.byteLength).toBeGreaterThan(MAX_MESSAGE_BYTES);
        attacker.ws.send(message);
        expect((await within(attacker.closed, WAIT_MS, "the attacker's socket to close")).code).toBe(1009);
        expect(rowsInserting(moduleId, "Huge paste")).toEqual([]);

        // Anonymous junk over the limit is cut off the same way, before anything reads it.
        const anonymous = await raw();
        anonymous.ws.send(randomBytes(MAX_MESSAGE_BYTES + 1));
        expect((await within(anonymous.closed, WAIT_MS, "the socket to close")).code).toBe(1009);

        await expectStillHealthy(moduleId, a, b, before, "oversized message");
      },
      TEST_MS,
    );
  });

  it(
    "refuses growth of a document over the size limit with document-full, but accepts deletions",
    async () => {
      const moduleId = newModule("A very long module");
      const seed = loadYDoc(db, moduleId);
      const bigText = "x".repeat(MAX_DOCUMENT_BYTES + 64 * 1024);
      appendUpdate(
        db,
        moduleId,
        updateFrom(seed, (doc) => addParagraph(doc, bigText)),
        facilitator.user.id,
        new Date(),
      );
      compactDocument(db, moduleId, new Date());

      const a = await connectSynced(alice, moduleId);
      const b = await connectSynced(bob, moduleId);
      const live = serverDoc(moduleId);
      if (!live) throw new Error("the document is not loaded");
      expect(Y.encodeStateAsUpdate(live).byteLength).toBeGreaterThan(MAX_DOCUMENT_BYTES);
      const rowsBefore = storedUpdates(moduleId).length;

      // Adding content is refused, with the reason the editor explains.
      const closed = nextClose(a);
      addParagraph(a.document, "Alice: one more line.");
      expect((await within(closed, WAIT_MS, "Alice's document to be closed")).reason).toBe(CLOSE_REASONS.documentFull);
      expect(contains(live, "Alice: one more line.")).toBe(false);
      expect(storedUpdates(moduleId)).toHaveLength(rowsBefore);

      // So is growth sent as a "sync reply" by a hand-written client.
      const sneaky = await raw(alice);
      const local = await authenticateRaw(sneaky, documentNameFor(moduleId));
      const growth = updateFrom(local, (doc) => addParagraph(doc, "Sneaky: growth as a sync reply."));
      sneaky.ws.send(syncUpdateFrame(documentNameFor(moduleId), growth, MSG_SYNC_REPLY));
      const reason = await sneaky.next(
        ({ type, decoder }) => (type === MSG_CLOSE ? decoding.readVarString(decoder) : null),
        "the server to close the sneaky client's document",
      );
      expect(reason).toBe(CLOSE_REASONS.documentFull);
      expect(contains(live, "Sneaky")).toBe(false);
      expect(storedUpdates(moduleId)).toHaveLength(rowsBefore);

      // Deleting is still accepted, stored, and seen.
      const bigParagraph = b.document.getXmlFragment(FRAGMENT).get(1);
      const text = bigParagraph instanceof Y.XmlElement ? bigParagraph.get(0) : null;
      if (!(text instanceof Y.XmlText)) throw new Error("the long paragraph is missing");
      expect(text.length).toBe(bigText.length);
      text.delete(0, 100_000);
      await until(() => paragraphs(live)[1]?.length === bigText.length - 100_000, "the deletion to reach the server");
      const rows = storedUpdates(moduleId).slice(rowsBefore);
      expect(rows.map((row) => row.userId)).toEqual([bob.user.id]);
      expect(Y.decodeUpdate(rows[0]?.update ?? new Uint8Array()).structs).toEqual([]);
      expect(paragraphs(loadYDoc(db, moduleId))[1]?.length).toBe(bigText.length - 100_000);
    },
    TEST_MS,
  );

  it.each([
    ["random bytes", (state: Uint8Array) => new Uint8Array(randomBytes(Math.max(64, state.byteLength)))],
    ["a truncated state", (state: Uint8Array) => state.slice(0, Math.floor(state.byteLength / 2))],
  ])(
    "refuses a document whose stored state is corrupt (%s) and never writes over it",
    async (_label, corrupt) => {
      const own = await startCollab(db);
      try {
        const moduleId = newModule();
        // A real history: a compacted state plus a logged update after it.
        const doc = loadYDoc(db, moduleId);
        appendUpdate(
          db,
          moduleId,
          updateFrom(doc, (d) => addParagraph(d, "Stored line one.")),
          alice.user.id,
          new Date(),
        );
        compactDocument(db, moduleId, new Date());
        appendUpdate(
          db,
          moduleId,
          updateFrom(doc, (d) => addParagraph(d, "Stored line two.")),
          bob.user.id,
          new Date(),
        );
        const good = storedDoc(moduleId);
        if (!good) throw new Error("no stored document");
        const broken = Buffer.from(corrupt(new Uint8Array(good.state)));
        db.update(moduleDocs).set({ state: broken }).where(eq(moduleDocs.moduleId, moduleId)).run();
        const storedBefore = storedDoc(moduleId);
        const updatesBefore = storedUpdates(moduleId);

        const client = connect(alice, moduleId, own);
        await expect(within(client.synced, WAIT_MS, "a refusal")).rejects.toThrow("refused: document-unavailable");
        expect(own.collab.hocuspocus.documents.has(documentNameFor(moduleId))).toBe(false);
        // A second attempt is refused the same way (nothing half-loaded was kept).
        const again = connect(bob, moduleId, own);
        await expect(within(again.synced, WAIT_MS, "a refusal")).rejects.toThrow("refused: document-unavailable");

        client.destroy();
        again.destroy();
        await own.collab.shutdown();

        const storedAfter = storedDoc(moduleId);
        expect(storedAfter?.state.equals(broken)).toBe(true);
        expect(storedAfter).toEqual(storedBefore);
        expect(storedUpdates(moduleId)).toEqual(updatesBefore);
      } finally {
        await own.stop();
      }
    },
    TEST_MS,
  );

  it(
    "compacts on shutdown: compacted_through reaches the last update and the state reproduces the document",
    async () => {
      const own = await startCollab(db);
      try {
        const moduleId = newModule();
        const a = await connectSynced(alice, moduleId, own);
        const b = await connectSynced(bob, moduleId, own);
        for (let i = 0; i < 5; i += 1) {
          addParagraph(a.document, `Alice ${i}`);
          addParagraph(b.document, `Bob ${i}`);
        }
        a.document.getXmlFragment(FRAGMENT).delete(0, 1);
        await until(
          () => paragraphs(a.document).length === 10 && paragraphs(b.document).join() === paragraphs(a.document).join(),
          "both clients to converge",
        );
        const live = serverDoc(moduleId, own);
        if (!live) throw new Error("the document is not loaded");
        await until(() => paragraphs(live).join() === paragraphs(a.document).join(), "the server to converge");
        const expected = yDocToJSON(live);

        const lastId = () =>
          db
            .select({ last: max(moduleDocUpdates.id) })
            .from(moduleDocUpdates)
            .where(eq(moduleDocUpdates.moduleId, moduleId))
            .get()?.last ?? 0;
        const lastBefore = lastId();
        // Still within the store debounce: nothing was compacted yet.
        expect(storedDoc(moduleId)?.compactedThrough).toBeLessThan(lastBefore);

        const aClosed = nextClose(a);
        await own.collab.shutdown();
        await within(aClosed, WAIT_MS, "Alice to be disconnected");
        expect(own.collab.hocuspocus.getDocumentsCount()).toBe(0);

        expect(lastId()).toBe(lastBefore);
        const stored = storedDoc(moduleId);
        expect(stored?.compactedThrough).toBe(lastBefore);
        const compacted = yDocFrom(new Uint8Array(stored?.state ?? []));
        expect(yDocToJSON(compacted)).toEqual(expected);
        expect(paragraphs(compacted)).toEqual(paragraphs(a.document));
        expect(yDocToJSON(loadYDoc(db, moduleId))).toEqual(expected);
      } finally {
        await own.stop();
      }
    },
    TEST_MS,
  );
});
