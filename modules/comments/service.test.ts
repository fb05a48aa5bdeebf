import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextFor } from "../auth/context";
import type { DomainEvent } from "../events/bus";
import { testDatabase } from "../testing/database";
import { p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { createModule } from "../workshop/service";
import { hideComment, markRead, moduleThreads, reply, setResolved, startThread } from "./service";

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.close());

describe("the comment threads of a module", () => {
  it("keep the order they were written in, even when written within the same instant", () => {
    const { db } = database;
    const org = makeOrganisation(db);
    const fran = org.member(["facilitator"], "Fran Mills");
    const doc = { type: "doc", content: [p(text("Supervision should happen every month."))] };
    const { id: moduleId } = createModule(db, {
      orgId: org.org.id,
      createdBy: fran.user.id,
      title: "Supervision",
      topic: "supervision",
      customTopic: "",
      summary: "",
      estimatedMinutes: 10,
      doc,
    });
    const at = new Date("2027-01-15T12:00:00Z");
    const bodies = ["First thought", "Second thought", "Third thought"];
    const threadIds = bodies.map((body) =>
      startThread(contextFor(db, fran.actor, at), moduleId, { quote: "every month", body }),
    );
    const [first] = threadIds;
    if (!first) throw new Error("no thread");
    for (const body of ["Reply one", "Reply two", "Reply three"])
      reply(contextFor(db, fran.actor, at), moduleId, first, body);

    const { threads } = moduleThreads(contextFor(db, fran.actor), moduleId, doc);
    expect(threads.map((t) => t.id)).toEqual(threadIds);
    expect(threads[0]?.comments.map((c) => c.body)).toEqual(["First thought", "Reply one", "Reply two", "Reply three"]);
  });
});

describe("changes to a module's comments", () => {
  it("are told to open editors once saved; resolving a resolved thread, or reading, tells nothing", () => {
    const { db } = database;
    const org = makeOrganisation(db);
    const fran = org.member(["facilitator"], "Fran Mills");
    const { id: moduleId } = createModule(db, {
      orgId: org.org.id,
      createdBy: fran.user.id,
      title: "Supervision",
      topic: "supervision",
      customTopic: "",
      summary: "",
      estimatedMinutes: 10,
      doc: { type: "doc", content: [p(text("Supervision should happen every month."))] },
    });
    const told: DomainEvent[] = [];
    const ctx = contextFor(db, fran.actor, new Date(), { emit: (event) => told.push(event) });
    const threadId = startThread(ctx, moduleId, { quote: "every month", body: "How often?" });
    const replyId = reply(ctx, moduleId, threadId, "Every month at least.");
    setResolved(ctx, moduleId, threadId, true);
    setResolved(ctx, moduleId, threadId, true);
    hideComment(ctx, moduleId, replyId, "Said twice.");
    markRead(ctx, moduleId);
    expect(told).toEqual(Array.from({ length: 4 }, () => ({ type: "comments.changed", moduleId })));
  });
});
