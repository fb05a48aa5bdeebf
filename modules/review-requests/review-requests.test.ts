import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emailOutbox, notices } from "../../db/schema";
import { contextFor } from "../auth/context";
import { InvalidError, NotFoundError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { moduleWithPeople } from "../testing/review-module";
import {
  answerReviewRequest,
  moduleReviewRequests,
  myReviewRequests,
  requestReview,
  reviewRequestSchema,
} from "./index";
import { runReviewReminders } from "./reminder-job";

let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.close());

/** Noon in London on a calendar day. */
const at = (day: string) => new Date(`${day}T12:00:00Z`);

describe("asking for a review by a date", () => {
  it("refuses a date that has passed, with a clear message, in the form and in the domain", () => {
    const w = moduleWithPeople(t.db);
    const parsed = reviewRequestSchema.safeParse({ people: w.jo.user.id, dueOn: "2020-01-06" });
    expect(parsed.error?.issues[0]?.message).toBe(
      "Choose today or a later date: the review cannot be due on a day that has passed.",
    );
    const asking = () =>
      requestReview(contextFor(t.db, w.fran.actor, at("2027-03-10")), w.moduleId, {
        people: [w.jo.user.id],
        dueOn: "2027-03-09",
        note: "",
      });
    expect(asking).toThrow(InvalidError);
    expect(asking).toThrow("Choose today or a later date");
    // Today is still fine.
    requestReview(contextFor(t.db, w.fran.actor, at("2027-03-10")), w.moduleId, {
      people: [w.jo.user.id],
      dueOn: "2027-03-10",
      note: "",
    });
  });

  it("refuses a date that is not a real one, or none", () => {
    const message = (dueOn: string) =>
      reviewRequestSchema.safeParse({ people: "aaaaaaaaaaaaaaaaaaaaaa", dueOn }).error?.issues[0]?.message;
    expect(message("")).toBe("Give the date to review by, like 2027-03-01.");
    expect(message("2027-02-30")).toBe("Enter a real date, like 2027-03-01.");
  });

  it("asks only the module's collaborators", () => {
    const w = moduleWithPeople(t.db);
    const asking = () =>
      requestReview(contextFor(t.db, w.fran.actor, at("2027-03-01")), w.moduleId, {
        people: [w.jo.user.id, w.sam.user.id],
        dueOn: "2027-03-12",
        note: "",
      });
    expect(asking).toThrow("Only people who work on this module can be asked to review it.");
    expect(moduleReviewRequests(contextFor(t.db, w.fran.actor), w.moduleId).all).toEqual([]);
  });

  it("is seen by the people asked, who answer done; the facilitator sees who has not answered yet", () => {
    const w = moduleWithPeople(t.db);
    const fran = contextFor(t.db, w.fran.actor, at("2027-03-01"));
    const { id } = requestReview(fran, w.moduleId, {
      people: [w.jo.user.id, w.pri.user.id],
      dueOn: "2027-03-12",
      note: "The new section on saying no, please.",
    });

    const jo = contextFor(t.db, w.jo.actor, at("2027-03-02"));
    expect(myReviewRequests(jo)).toEqual([
      { id, moduleId: w.moduleId, moduleTitle: "Saying no kindly", dueOn: "2027-03-12", askedBy: "Fran Mills" },
    ]);
    expect(moduleReviewRequests(jo, w.moduleId)).toMatchObject({
      mine: [{ id, dueOn: "2027-03-12", askedBy: "Fran Mills", note: "The new section on saying no, please." }],
      all: null,
      canRequest: false,
    });
    expect(t.db.select().from(notices).where(eq(notices.userId, w.jo.user.id)).all()).toMatchObject([
      {
        title: "Fran Mills asked you to review Saying no kindly by 12 March 2027",
        link: `/workshop/${w.moduleId}/review`,
      },
    ]);

    answerReviewRequest(jo, w.moduleId, { requestId: id, note: "Looks kind and clear." });
    expect(myReviewRequests(jo)).toEqual([]);
    expect(moduleReviewRequests(jo, w.moduleId).mine).toEqual([]);

    const seen = moduleReviewRequests(fran, w.moduleId).all?.[0];
    expect(seen?.answered).toEqual([{ name: "Jo Lee", note: "Looks kind and clear.", at: at("2027-03-02") }]);
    expect(seen?.waiting).toEqual([{ userId: w.pri.user.id, name: "Pri Shah" }]);
  });

  it("refuses a forged answer: someone not asked, another module's request, another organisation's", () => {
    const w = moduleWithPeople(t.db);
    const { id } = requestReview(contextFor(t.db, w.fran.actor, at("2027-03-01")), w.moduleId, {
      people: [w.jo.user.id],
      dueOn: "2027-03-12",
      note: "",
    });
    // Pri is on the module but was not asked.
    expect(() => answerReviewRequest(contextFor(t.db, w.pri.actor), w.moduleId, { requestId: id, note: "" })).toThrow(
      NotFoundError,
    );
    const other = moduleWithPeople(t.db, "Another module");
    expect(() =>
      answerReviewRequest(contextFor(t.db, other.jo.actor), other.moduleId, { requestId: id, note: "" }),
    ).toThrow(NotFoundError);
    expect(moduleReviewRequests(contextFor(t.db, w.fran.actor), w.moduleId).all?.[0]?.waiting).toHaveLength(1);
  });

  it("emails the people asked at once, naming the module and linking to its Review tab", () => {
    const w = moduleWithPeople(t.db);
    requestReview(contextFor(t.db, w.fran.actor, at("2027-03-01")), w.moduleId, {
      people: [w.jo.user.id],
      dueOn: "2027-03-12",
      note: "",
    });
    const mail = t.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "review_request")).all();
    expect(mail.map((m) => [m.toAddress, m.params.module, m.params.path, m.params.dueOn])).toEqual([
      [w.jo.user.email.toLowerCase(), "Saying no kindly", `/workshop/${w.moduleId}/review`, "12 March 2027"],
    ]);
  });
});

describe("reminders of a review as its date nears", () => {
  it("tell each person who has not answered once, two days before, and never those who answered", () => {
    const w = moduleWithPeople(t.db);
    const { id } = requestReview(contextFor(t.db, w.fran.actor, at("2027-03-01")), w.moduleId, {
      people: [w.jo.user.id, w.pri.user.id],
      dueOn: "2027-03-12",
      note: "",
    });
    answerReviewRequest(contextFor(t.db, w.pri.actor), w.moduleId, { requestId: id, note: "" });
    const reminders = (userId: string) =>
      t.db
        .select()
        .from(notices)
        .where(eq(notices.userId, userId))
        .all()
        .filter((n) => n.kind === "review_reminder");

    expect(runReviewReminders(t.db, at("2027-03-09"))).toEqual({ reminded: 0 });
    expect(runReviewReminders(t.db, at("2027-03-10"))).toEqual({ reminded: 1 });
    for (const day of ["2027-03-10", "2027-03-11", "2027-03-12", "2027-03-13"]) {
      expect(runReviewReminders(t.db, at(day))).toEqual({ reminded: 0 });
    }
    expect(reminders(w.jo.user.id).map((n) => n.title)).toEqual([
      "A gentle reminder: your review of Saying no kindly is due on 12 March 2027",
    ]);
    expect(reminders(w.pri.user.id)).toEqual([]);
  });
});
