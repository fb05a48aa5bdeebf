/**
 * While a workshop session is on a break the server takes no change to the module from anyone: a
 * raw client's update is refused, and neither applied nor stored; once the session resumes, edits
 * are taken again.
 */
import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { contextFor } from "../auth/context";
import { restoreSnapshot, takeSnapshot } from "../history/service";
import {
  addParagraph,
  authenticateRaw,
  collabTestbed,
  contains,
  MSG_CLOSE,
  MSG_SYNC_STATUS,
  syncUpdateFrame,
  TEST_MS,
  until,
  updateFrom,
} from "../testing/collab-harness";
import { resumeSession, startSession, takeBreak } from "../workshop-sessions/service";
import { breakRefusal } from "./break-guard";
import { CLOSE_REASONS, documentNameFor } from "./protocol";
import { loadDocumentJSON } from "./store";

const AGENDA = [{ kind: "part" as const, title: "Welcome", start: "10:00", minutes: 30 }];

describe("breaks on the collaboration server", () => {
  // The server's clock, which a test may set; otherwise the real time.
  let clockAt: Date | null = null;
  const bed = collabTestbed({ clock: () => clockAt ?? new Date() });
  const storedText = (moduleId: string) => JSON.stringify(loadDocumentJSON(bed.db, moduleId));

  /** What the server answers a raw client's update: its document closed with a reason, or saved. */
  async function sendRaw(person: (typeof bed.people)["facilitator"], moduleId: string, words: string) {
    const name = documentNameFor(moduleId);
    const socket = await bed.raw(person);
    const local = await authenticateRaw(socket, name);
    socket.ws.send(
      syncUpdateFrame(
        name,
        updateFrom(local, (doc) => addParagraph(doc, words)),
      ),
    );
    return Promise.race([
      socket.closed.then(({ code, reason }) => `socket closed: ${code} ${reason}`),
      socket.next(({ type, decoder }) => {
        if (type === MSG_CLOSE) return `document closed: ${decoding.readVarString(decoder)}`;
        if (type === MSG_SYNC_STATUS) return decoding.readVarUint(decoder) === 1 ? "saved" : "not saved";
        return null;
      }, "the server's answer"),
    ]);
  }

  it(
    "refuses a raw client's update during a break, the facilitator's too, and leaves the stored document unchanged",
    async () => {
      const { people, db, main } = bed;
      const moduleId = bed.newModule();
      const alice = await bed.connectSynced(people.alice, moduleId);
      addParagraph(alice.document, "Before the break.");
      await until(() => storedText(moduleId).includes("Before the break."), "the first line to be stored");

      const fran = contextFor(db, people.facilitator.actor);
      startSession(fran, main.collab.control, moduleId, { agenda: AGENDA });
      takeBreak(fran, moduleId, { minutes: 10 });
      const live = bed.serverDoc(moduleId);
      if (!live) throw new Error("the document is not loaded");
      const before = Y.encodeStateAsUpdate(live);
      const stored = storedText(moduleId);
      const rows = bed.storedUpdates(moduleId).length;

      expect(await sendRaw(people.bob, moduleId, "Typed during the break.")).toBe(
        `document closed: ${CLOSE_REASONS.onBreak}`,
      );
      expect(await sendRaw(people.facilitator, moduleId, "The facilitator during the break.")).toBe(
        `document closed: ${CLOSE_REASONS.onBreak}`,
      );
      await main.collab.control.settle(moduleId);
      expect(Y.encodeStateAsUpdate(live)).toEqual(before);
      expect(bed.storedUpdates(moduleId)).toHaveLength(rows);
      expect(storedText(moduleId)).toBe(stored);

      resumeSession(fran, moduleId);
      expect(await sendRaw(people.bob, moduleId, "After the break.")).toBe("saved");
      await until(() => contains(live, "After the break."), "the edit after the break to be taken");
    },
    TEST_MS,
  );

  it(
    "refuses a raw client's update inside a scheduled break with nobody pressing anything, and takes it after Resume now",
    async () => {
      const { people, db } = bed;
      const moduleId = bed.newModule();
      // London keeps GMT in December, so these wall-clock times are UTC too.
      const at = (time: string) => new Date(`2026-12-01T${time}:00Z`);
      const agenda = [
        { kind: "part" as const, title: "Welcome", start: "10:00", minutes: 20 },
        { kind: "break" as const, title: "Break", start: "10:20", minutes: 10 },
      ];
      startSession(contextFor(db, people.facilitator.actor, at("10:00")), bed.main.collab.control, moduleId, {
        agenda,
      });
      try {
        clockAt = at("10:19");
        expect(await sendRaw(people.bob, moduleId, "Just before the break.")).toBe("saved");
        clockAt = at("10:21");
        const rows = bed.storedUpdates(moduleId).length;
        expect(await sendRaw(people.bob, moduleId, "Inside the scheduled break.")).toBe(
          `document closed: ${CLOSE_REASONS.onBreak}`,
        );
        expect(bed.storedUpdates(moduleId)).toHaveLength(rows);

        resumeSession(contextFor(db, people.facilitator.actor, at("10:22")), moduleId);
        clockAt = at("10:23");
        expect(await sendRaw(people.bob, moduleId, "After Resume now.")).toBe("saved");
      } finally {
        clockAt = null;
      }
    },
    TEST_MS,
  );

  it(
    "refuses a restore during a break with a plain reason, changing nothing, but never a storyteller's withdrawal",
    async () => {
      const { people, db, main } = bed;
      const moduleId = bed.newModule();
      const fran = contextFor(db, people.facilitator.actor);
      const control = main.collab.control;
      const snapshotId = await takeSnapshot(fran, control, moduleId, "Before the workshop");
      await control.change(moduleId, people.facilitator.user.id, (doc) =>
        addParagraph(doc, "Written in the workshop."),
      );
      startSession(fran, control, moduleId, { agenda: AGENDA });
      takeBreak(fran, moduleId, { minutes: 10 });
      const before = JSON.stringify(control.current(moduleId));

      await expect(restoreSnapshot(fran, control, moduleId, snapshotId)).rejects.toThrow(
        "The session is on a break, so the module stays as it is until it resumes. Bring back that version after the break.",
      );
      expect(JSON.stringify(control.current(moduleId))).toBe(before);

      await control.change(moduleId, people.alice.user.id, (doc) => addParagraph(doc, "Withdrawn."), "consent");
      expect(JSON.stringify(control.current(moduleId))).toContain("Withdrawn.");
    },
    TEST_MS,
  );

  it("takes a sync that brings nothing new during a break, and anything when there is no break", () => {
    const empty = Y.decodeUpdate(Y.encodeStateAsUpdate(new Y.Doc()));
    const doc = new Y.Doc();
    const some = Y.decodeUpdate(updateFrom(doc, (d) => addParagraph(d, "Words")));
    expect(breakRefusal(empty, true)).toBeNull();
    expect(breakRefusal(some, false)).toBeNull();
    expect(breakRefusal(some, true)).toMatchObject({ reason: CLOSE_REASONS.onBreak });
  });
});
