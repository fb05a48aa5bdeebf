import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDatabase } from "../testing/database";
import { p, text } from "../testing/documents";
import { makeOrganisation } from "../testing/fixtures";
import { createModule } from "../workshop/service";
import { listThreads, reply, startThread } from "./service";

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
    const threadIds = bodies.map((body) => startThread(db, fran.actor, moduleId, { quote: "every month", body }, at));
    const [first] = threadIds;
    if (!first) throw new Error("no thread");
    for (const body of ["Reply one", "Reply two", "Reply three"]) reply(db, fran.actor, moduleId, first, body, at);

    const threads = listThreads(db, moduleId, fran.user.id, doc);
    expect(threads.map((t) => t.id)).toEqual(threadIds);
    expect(threads[0]?.comments.map((c) => c.body)).toEqual(["First thought", "Reply one", "Reply two", "Reply three"]);
  });
});
