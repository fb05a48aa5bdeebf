import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import { ForbiddenError } from "../shared/errors";
import { storeCollab } from "../testing/collab";
import { addParagraph } from "../testing/collab-harness";
import { testDatabase } from "../testing/database";
import { doc, p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { createModule, setArchived } from "../workshop/service";
import { listSnapshots, restoreSnapshot, takeSnapshot } from "./service";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

/** A module with one snapshot, taken before its text was rewritten. */
async function rewrittenModule() {
  const { db } = database;
  const org = makeOrganisation(db);
  const fran = org.member(["facilitator"], "Fran Mills");
  const sam = org.member(["facilitator"], "Sam Taylor");
  const { id: moduleId } = createModule(db, {
    orgId: org.org.id,
    createdBy: fran.user.id,
    title: "Saying no kindly",
    topic: "boundaries",
    customTopic: "",
    summary: "",
    estimatedMinutes: 10,
    doc: doc(p(text("A clear no can be kind."))),
  });
  const documents = storeCollab(db);
  const snapshotId = await takeSnapshot(contextFor(db, fran.actor), documents, moduleId, "The first draft");
  await documents.change(moduleId, fran.user.id, (d) => addParagraph(d, "Saying no is hard at first."));
  return { db, fran, sam, moduleId, documents, snapshotId };
}

describe("restoring a snapshot", () => {
  it("is refused on an archived module, which stays as it is", async () => {
    const { db, fran, moduleId, documents, snapshotId } = await rewrittenModule();
    setArchived(contextFor(db, fran.actor), moduleId, true);
    const before = documents.current(moduleId);
    await expect(restoreSnapshot(contextFor(db, fran.actor), documents, moduleId, snapshotId)).rejects.toThrow(
      ForbiddenError,
    );
    expect(documents.current(moduleId)).toEqual(before);
    expect(listSnapshots(contextFor(db, fran.actor), moduleId).snapshots.map((s) => s.name)).toEqual([
      "The first draft",
    ]);
  });

  it("is refused to a facilitator of the organisation who may not edit the module", async () => {
    const { db, sam, moduleId, documents, snapshotId } = await rewrittenModule();
    await expect(restoreSnapshot(contextFor(db, sam.actor), documents, moduleId, snapshotId)).rejects.toThrow(
      ForbiddenError,
    );
  });
});
