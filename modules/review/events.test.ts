import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import { startFromStarter } from "../content/starter";
import type { DomainEvent } from "../events/bus";
import { publishModule, unpublishModule } from "../publishing/service";
import { InvalidError } from "../shared/errors";
import { storeCollab } from "../testing/collab";
import { testDatabase } from "../testing/database";
import { makeOrganisation } from "../testing/fixtures";
import { setCollaborator } from "../workshop/collaborators";
import { requestChanges, returnToDraft, signOff, startReview } from "./service";

const ALL_CHECKS = { contentNotes: true, signpost: true, plainLanguage: true };

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

describe("changes to a module's review", () => {
  it("are told to open review pages and editors once saved; what changes nothing tells nothing", async () => {
    const { db } = database;
    const org = makeOrganisation(db);
    const fran = org.member(["facilitator"], "Fran Mills");
    const priya = org.member(["co_designer"], "Priya Shah");
    const { id: moduleId } = startFromStarter(db, { orgId: org.org.id, createdBy: fran.user.id, slug: "self-care" });
    setCollaborator(contextFor(db, fran.actor), moduleId, priya.user.id, "co_designer");
    const documents = storeCollab(db);
    const told: DomainEvent[] = [];
    const events = { emit: (event: DomainEvent) => told.push(event) };
    const as = (person: typeof fran) => contextFor(db, person.actor, new Date(), events);

    await startReview(as(fran), documents, moduleId);
    await startReview(as(fran), documents, moduleId);
    await requestChanges(as(priya), documents, moduleId, { revision: 1, note: "A word on rest, please." });
    returnToDraft(as(fran), moduleId);
    returnToDraft(as(fran), moduleId);
    await startReview(as(fran), documents, moduleId);
    await signOff(as(fran), documents, moduleId, { revision: 1, checks: ALL_CHECKS });
    await expect(publishModule(as(fran), documents, moduleId, { changelog: "First version." })).rejects.toThrow(
      InvalidError,
    );
    await signOff(as(priya), documents, moduleId, { revision: 1, checks: {} });
    await publishModule(as(fran), documents, moduleId, { changelog: "First version." });
    unpublishModule(as(fran), moduleId);
    unpublishModule(as(fran), moduleId);

    expect(told).toEqual(Array.from({ length: 8 }, () => ({ type: "review.changed", moduleId })));
  });
});
