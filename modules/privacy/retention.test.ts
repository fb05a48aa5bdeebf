import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  emailOutbox,
  enrolments,
  reflections,
  retentionAnnouncements,
  supervisionPages,
  supervisionShareHistory,
  supervisionShares,
} from "../../db/schema";
import { contextFor } from "../auth/context";
import { renderMessage } from "../email/render";
import { formerLearnerTotals } from "../progress/personal-data";
import { testDatabase } from "../testing/database";
import { cohortWithProgress } from "../testing/xapi-cohort";
import { retentionSetting, setRetention } from "./index";
import { runRetention } from "./retention-job";

const LINKS = { origin: "https://alongside.example.org", secret: "retention-test-secret-retention-test" };

let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.close());

const DAY = 24 * 60 * 60 * 1000;

/** The world's learners did everything "now"; the clock is moved on from their last activity. */
function world() {
  const w = cohortWithProgress(t.db);
  const last = new Date(
    t.db.all<{ last: number }>(sql`select max(at) as last from progress_events`)[0]?.last ?? Date.now(),
  );
  setRetention(contextFor(t.db, w.org.admin.actor), { months: 6 });
  const ann = w.learners.ann.user.id;
  t.db
    .insert(reflections)
    .values({
      id: "r-ann",
      userId: ann,
      orgId: w.org.org.id,
      prompt: "What helps?",
      body: "Walking helps.",
      createdAt: last,
      updatedAt: last,
    })
    .run();
  return { w, last, ann };
}

describe("retention", () => {
  it("is off until an admin sets it", () => {
    const w = cohortWithProgress(t.db);
    const ctx = contextFor(t.db, w.org.admin.actor);
    expect(retentionSetting(ctx)).toEqual({ months: null });
    expect(runRetention(t.db, new Date(Date.now() + 5 * 365 * DAY))).toEqual({
      announced: 0,
      removed: 0,
      cancelled: 0,
    });
    setRetention(ctx, { months: 12 });
    expect(retentionSetting(ctx)).toEqual({ months: 12 });
  });

  it("announces a removal 30 days ahead, then removes progress and journal, keeping the counts", () => {
    const { w, last, ann } = world();
    const sent = () => t.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "retention_notice")).all();

    // Five months on: not yet within 30 days of six months.
    expect(runRetention(t.db, new Date(last.getTime() + 140 * DAY)).announced).toBe(0);

    const announcedAt = new Date(last.getTime() + 160 * DAY);
    const first = runRetention(t.db, announcedAt);
    expect(first.announced).toBe(5);
    const row = t.db.select().from(retentionAnnouncements).where(eq(retentionAnnouncements.userId, ann)).get();
    expect(row?.announcedAt).toEqual(announcedAt);
    expect(row?.removeOn.getTime()).toBeGreaterThanOrEqual(announcedAt.getTime() + 30 * DAY);
    const toAnn = sent().find((m) => m.params.name === "Ann Achebe");
    expect(toAnn).toMatchObject({ orgId: w.org.org.id, status: "waiting" });
    const read = toAnn ? renderMessage({ ...toAnn, kind: "retention_notice" }, LINKS) : null;
    expect(read?.subject).toMatch(/will be removed on/);
    expect(read?.unsubscribeUrl).toBeNull();
    expect(sent().every((m) => !JSON.stringify(m).includes("Walking helps."))).toBe(true);

    // Told once: a second pass the next day tells nobody again, and removes nothing early.
    expect(runRetention(t.db, new Date(announcedAt.getTime() + DAY))).toEqual({
      announced: 0,
      removed: 0,
      cancelled: 0,
    });
    expect(sent()).toHaveLength(5);

    const removal = runRetention(t.db, row?.removeOn ?? new Date());
    expect(removal.removed).toBe(5);
    expect(t.db.select().from(enrolments).where(eq(enrolments.userId, ann)).all()).toEqual([]);
    expect(t.db.select().from(reflections).where(eq(reflections.userId, ann)).all()).toEqual([]);
    expect(formerLearnerTotals(t.db, w.org.org.id)).toContainEqual(
      expect.objectContaining({ courseId: w.course.id, moduleId: "", started: 5, completed: 2 }),
    );
    const logged = t.db.all<{ action: string; detail: string | null }>(
      sql`select action, detail from audit_events where action = 'retention.removed'`,
    );
    expect(logged).toHaveLength(5);
    expect(logged.every((r) => r.detail === null)).toBe(true);
  });

  it("removes the supervision pages made from the journal, and the copy shared from them, with the journal", () => {
    const { w, last, ann } = world();
    const orgId = w.org.org.id;
    t.db
      .insert(supervisionPages)
      .values({
        id: "p-ann",
        orgId,
        userId: ann,
        title: "Before Thursday",
        points: "Saying no to late calls",
        entryIds: ["r-ann"],
        createdAt: last,
        updatedAt: last,
      })
      .run();
    const copy = {
      title: "Before Thursday",
      points: "Saying no to late calls",
      entries: [{ prompt: "What helps?", context: "", body: "Walking helps." }],
    };
    t.db
      .insert(supervisionShares)
      .values({
        id: "s-ann",
        orgId,
        pageId: "p-ann",
        learnerId: ann,
        supervisorId: w.sam.user.id,
        copy,
        sharedAt: last,
      })
      .run();
    t.db
      .insert(supervisionShareHistory)
      .values({
        id: "h-ann",
        orgId,
        userId: ann,
        pageTitle: "Before Thursday",
        supervisorName: "Sam",
        action: "shared",
        at: last,
      })
      .run();
    runRetention(t.db, new Date(last.getTime() + 160 * DAY));
    const removeOn = t.db.select().from(retentionAnnouncements).where(eq(retentionAnnouncements.userId, ann)).get();
    runRetention(t.db, removeOn?.removeOn ?? new Date());
    expect(t.db.select().from(supervisionPages).all()).toEqual([]);
    expect(t.db.select().from(supervisionShares).all()).toEqual([]);
    expect(t.db.select().from(supervisionShareHistory).all()).toEqual([]);
  });

  it("cancels the removal for a learner who is active again after being told", () => {
    const { last, ann } = world();
    const announcedAt = new Date(last.getTime() + 160 * DAY);
    runRetention(t.db, announcedAt);
    t.db
      .update(reflections)
      .set({ updatedAt: new Date(announcedAt.getTime() + DAY) })
      .where(eq(reflections.userId, ann))
      .run();
    const later = runRetention(t.db, new Date(announcedAt.getTime() + 31 * DAY));
    expect(later.cancelled).toBe(1);
    expect(later.removed).toBe(4);
    expect(t.db.select().from(enrolments).where(eq(enrolments.userId, ann)).all()).toHaveLength(1);
  });

  it("writes the message from the facts alone, with the day in words and a way to keep the record", () => {
    const message = renderMessage(
      {
        kind: "retention_notice",
        toAddress: "ann@example.org",
        params: { name: "Ann", orgName: "Riverside", months: "24", removeOn: "5 March 2027" },
      },
      LINKS,
    );
    expect(message.subject).toBe("Your training record at Riverside will be removed on 5 March 2027");
    expect(message.text).toContain("for 24 months after they were last active");
    expect(message.text).toContain("https://alongside.example.org/login");
  });
});
