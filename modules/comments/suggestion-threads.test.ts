import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import { newSuggestionId } from "../documents/suggestion-ids";
import { ForbiddenError, InvalidError, NotFoundError } from "../shared/errors";
import { storeCollab } from "../testing/collab";
import { testDatabase } from "../testing/database";
import { doc, p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { setCollaborator } from "../workshop/collaborators";
import { createModule } from "../workshop/service";
import { settleSuggestionSchema, suggestionReplySchema } from "./schemas";
import { moduleThreads } from "./service";
import { NOT_OPEN, replyToSuggestion, settleSuggestionThread } from "./suggestion-threads";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

/** A module where Jordan, a co-designer, suggested adding "Always." after Fran's sentence. */
function moduleWithSuggestion() {
  const { db } = database;
  const org = makeOrganisation(db);
  const fran = org.member(["facilitator"], "Fran Mills");
  const jordan = org.member(["co_designer"], "Jordan Lee");
  const rory = org.member(["co_designer"], "Rory Shaw");
  const suggestionId = newSuggestionId(jordan.user.id);
  const suggested = doc(
    p(text("Rest is part of the work."), text(" Always.", { type: "insertion", attrs: { id: suggestionId } })),
  );
  const { id: moduleId } = createModule(db, {
    orgId: org.org.id,
    createdBy: fran.user.id,
    title: "Self-care",
    topic: "self_care",
    customTopic: "",
    summary: "",
    estimatedMinutes: 10,
    doc: suggested,
  });
  setCollaborator(contextFor(db, fran.actor), moduleId, jordan.user.id, "co_designer");
  setCollaborator(contextFor(db, fran.actor), moduleId, rory.user.id, "reviewer");
  return { db, org, fran, jordan, rory, moduleId, suggestionId, suggested, documents: storeCollab(db) };
}

describe("replies to a suggestion", () => {
  it("are kept in the suggestion's own thread, with who wrote them, and count as news for the others", () => {
    const { db, fran, jordan, moduleId, suggestionId, suggested, documents } = moduleWithSuggestion();
    const at = new Date("2027-02-01T10:00:00Z");
    const threadId = replyToSuggestion(
      contextFor(db, fran.actor, at),
      documents,
      moduleId,
      suggestionId,
      "Why always?",
    );
    const again = replyToSuggestion(
      contextFor(db, jordan.actor, new Date("2027-02-01T10:05:00Z")),
      documents,
      moduleId,
      suggestionId,
      "It is easy to forget, @Fran.",
    );
    expect(again).toBe(threadId);

    const seen = moduleThreads(contextFor(db, jordan.actor), moduleId, suggested);
    expect(seen.threads).toEqual([
      expect.objectContaining({
        id: threadId,
        suggestionId,
        quote: "adding “Always.”",
        resolved: false,
        detached: false,
        outcome: null,
      }),
    ]);
    expect(seen.threads[0]?.comments.map((c) => [c.authorName, c.body, c.mine])).toEqual([
      ["Fran Mills", "Why always?", false],
      ["Jordan Lee", "It is easy to forget, @Fran.", true],
    ]);
    const forFran = moduleThreads(contextFor(db, fran.actor), moduleId, suggested);
    expect(forFran.unread).toBe(1);
    expect(forFran.threads[0]?.comments[1]).toMatchObject({ unread: true, mentionsMe: true });
  });

  it("stay, shown settled with what became of the suggestion, once it is accepted", () => {
    const { db, fran, moduleId, suggestionId, documents } = moduleWithSuggestion();
    replyToSuggestion(contextFor(db, fran.actor), documents, moduleId, suggestionId, "Good idea.");
    const accepted = doc(p(text("Rest is part of the work. Always.")));

    // Before the editor says how it was decided, the thread is settled since the suggestion is gone.
    expect(moduleThreads(contextFor(db, fran.actor), moduleId, accepted).threads[0]).toMatchObject({
      resolved: true,
      outcome: null,
    });
    settleSuggestionThread(contextFor(db, fran.actor), moduleId, suggestionId, "accepted");
    const [thread] = moduleThreads(contextFor(db, fran.actor), moduleId, accepted).threads;
    expect(thread).toMatchObject({ resolved: true, outcome: "accepted", quote: "adding “Always.”" });
    expect(thread?.comments.map((c) => c.body)).toEqual(["Good idea."]);
  });

  it("are refused, with a clear message, for a suggestion that is not open in the document", () => {
    const { db, fran, moduleId, documents, jordan } = moduleWithSuggestion();
    const call = () =>
      replyToSuggestion(contextFor(db, fran.actor), documents, moduleId, newSuggestionId(jordan.user.id), "Hello?");
    expect(call).toThrow(InvalidError);
    expect(call).toThrow(NOT_OPEN);
    expect(moduleThreads(contextFor(db, fran.actor), moduleId, documents.current(moduleId)).threads).toEqual([]);
  });

  it("are not found from another organisation, and only a facilitator or the suggester settles them", () => {
    const { db, fran, rory, moduleId, suggestionId, documents } = moduleWithSuggestion();
    const stranger = makeOrganisation(db).member(["facilitator"], "Sam Other");
    expect(() =>
      replyToSuggestion(contextFor(db, stranger.actor), documents, moduleId, suggestionId, "Forged."),
    ).toThrow(NotFoundError);
    replyToSuggestion(contextFor(db, fran.actor), documents, moduleId, suggestionId, "Let us talk.");
    expect(() => settleSuggestionThread(contextFor(db, rory.actor), moduleId, suggestionId, "rejected")).toThrow(
      ForbiddenError,
    );
    expect(() => settleSuggestionThread(contextFor(db, stranger.actor), moduleId, suggestionId, "rejected")).toThrow(
      NotFoundError,
    );
  });
});

describe("what a reply to a suggestion must be", () => {
  it("is some words, not too many, for a suggestion id, each with a plain message", () => {
    const id = newSuggestionId("someone");
    const empty = suggestionReplySchema.safeParse({ suggestionId: id, body: "   " });
    expect(empty.error?.issues[0]?.message).toBe("Write a comment first.");
    const long = suggestionReplySchema.safeParse({ suggestionId: id, body: "a".repeat(2001) });
    expect(long.error?.issues[0]?.message).toBe("Keep a comment to 2,000 characters. This one has 2,001.");
    const forged = suggestionReplySchema.safeParse({ suggestionId: "../../other", body: "Hi" });
    expect(forged.error?.issues[0]?.message).toBe("That suggestion could not be found.");
    expect(settleSuggestionSchema.safeParse({ suggestionIds: id, outcome: "maybe" }).success).toBe(false);
    expect(settleSuggestionSchema.parse({ suggestionIds: id, outcome: "accepted" }).suggestionIds).toEqual([id]);
  });
});
