import { afterAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { contextFor } from "../auth/context";
import { FRAGMENT } from "../collaboration/protocol";
import { jsonToYDoc } from "../collaboration/ydoc";
import type { DomainEvent } from "../events/bus";
import { ForbiddenError, InvalidError } from "../shared/errors";
import { storeCollab } from "../testing/collab";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { setCollaborator } from "../workshop/collaborators";
import { createModule } from "../workshop/service";
import { lockedNodeIds } from "./live-locks";
import { lockSchema } from "./schemas";
import { lockHistory, lockPart, moduleLocks, unlockPart } from "./service";

describe("locking agreed parts of a module", () => {
  const database = testDatabase();
  afterAll(() => database.close());
  const { db } = database;
  const org = makeOrganisation(db, "Northern Peer Support");
  const fran = org.member(["facilitator"], "Fran Mills");
  const jordan = org.member(["co_designer"], "Jordan Lee");
  const documents = storeCollab(db);
  const events: DomainEvent[] = [];
  const as = (person: typeof fran, at = new Date()) =>
    contextFor(db, person.actor, at, { emit: (e) => events.push(e) });

  async function module() {
    const { id } = createModule(db, {
      orgId: org.org.id,
      createdBy: fran.user.id,
      title: "Saying no kindly",
      topic: "boundaries",
      customTopic: "",
      summary: "",
      estimatedMinutes: 15,
    });
    setCollaborator(contextFor(db, fran.actor), id, jordan.user.id, "co_designer");
    const parts = jsonToYDoc({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2, id: "why" }, content: [{ type: "text", text: "Why no can be kind" }] },
        { type: "paragraph", content: [{ type: "text", text: "We agreed this." }] },
        { type: "keyTakeaway", attrs: { id: "takeaway" }, content: [{ type: "paragraph" }] },
      ],
    }).getXmlFragment(FRAGMENT);
    await documents.change(id, fran.user.id, (doc) =>
      doc.getXmlFragment(FRAGMENT).push(parts.toArray().map((node) => node.clone() as Y.XmlElement)),
    );
    return id;
  }

  it("keeps who locked a section, when and why, tells open editors, and lets a facilitator unlock it", async () => {
    const moduleId = await module();
    const lockedAt = new Date("2026-12-01T10:00:00Z");
    events.length = 0;
    const lock = lockPart(as(fran, lockedAt), documents, moduleId, { nodeId: "why", reason: "Agreed on Tuesday" });
    expect(lock.label).toBe("Section: “Why no can be kind”");
    expect(events).toEqual([{ type: "locks.changed", moduleId }]);
    expect(lockedNodeIds(db, moduleId)).toEqual(["why"]);
    expect(moduleLocks(as(jordan), documents, moduleId)).toEqual({
      canLock: false,
      open: [{ nodeId: "takeaway", kind: "block", label: "Key takeaway" }],
      locks: [
        {
          nodeId: "why",
          kind: "section",
          label: "Section: “Why no can be kind”",
          reason: "Agreed on Tuesday",
          lockedAt,
          lockedBy: "Fran Mills",
        },
      ],
    });

    const unlockedAt = new Date("2026-12-01T11:00:00Z");
    unlockPart(as(fran, unlockedAt), moduleId, { nodeId: "why" });
    expect(lockedNodeIds(db, moduleId)).toEqual([]);
    expect(events).toHaveLength(2);
    expect(lockHistory(as(jordan), moduleId)).toMatchObject([
      { label: "Section: “Why no can be kind”", lockedBy: "Fran Mills", unlockedBy: "Fran Mills", unlockedAt },
    ]);
  });

  it("refuses a co-designer's lock and unlock with a plain 403 message, and changes nothing", async () => {
    const moduleId = await module();
    expect(() => lockPart(as(jordan), documents, moduleId, { nodeId: "why", reason: "" })).toThrow(
      new ForbiddenError("Only the module's facilitators can do this."),
    );
    lockPart(as(fran), documents, moduleId, { nodeId: "takeaway", reason: "" });
    expect(() => unlockPart(as(jordan), moduleId, { nodeId: "takeaway" })).toThrow(ForbiddenError);
    expect(lockedNodeIds(db, moduleId)).toEqual(["takeaway"]);
  });

  it("explains a part that is not there, one locked already, and one not locked", async () => {
    const moduleId = await module();
    expect(() => lockPart(as(fran), documents, moduleId, { nodeId: "gone", reason: "" })).toThrow(InvalidError);
    lockPart(as(fran), documents, moduleId, { nodeId: "takeaway", reason: "" });
    expect(() => lockPart(as(fran), documents, moduleId, { nodeId: "takeaway", reason: "" })).toThrow(
      "Key takeaway is already locked.",
    );
    expect(() => unlockPart(as(fran), moduleId, { nodeId: "why" })).toThrow("That part is not locked.");
  });

  it("takes a reason of up to 300 characters", () => {
    expect(lockSchema.safeParse({ nodeId: "why", reason: "x".repeat(300) }).success).toBe(true);
    const long = lockSchema.safeParse({ nodeId: "why", reason: "x".repeat(301) });
    expect(long.success ? null : long.error.issues[0]?.message).toBe("Use at most 300 characters.");
  });
});
