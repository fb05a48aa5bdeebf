import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assignments, emailOutbox } from "../../db/schema";
import { contextFor } from "../auth/context";
import type { EmailKind } from "../email/kinds";
import { renderMessage } from "../email/render";
import { ForbiddenError } from "../shared/errors";
import { testDatabase } from "../testing/database";
import { cohortWithProgress } from "../testing/xapi-cohort";
import { reminderDaysSchema, reminderSetting, setReminderDays } from "./index";
import { runReminders } from "./reminder-job";

const LINKS = { origin: "https://alongside.example.org", secret: "reminder-test-secret-reminder-test-s" };

let t: ReturnType<typeof testDatabase>;
beforeEach(() => {
  t = testDatabase();
});
afterEach(() => t.close());

/** Noon in London on a calendar day, for a clock the job is run at. */
const at = (day: string) => new Date(`${day}T12:00:00Z`);

/** Ann and Bea have finished the course, Cal has only started; Gus left the cohort. Due 20 March 2027. */
function world() {
  const w = cohortWithProgress(t.db);
  t.db.update(assignments).set({ dueOn: "2027-03-20" }).where(eq(assignments.id, w.assignment.id)).run();
  const mail = () =>
    t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.ref, w.assignment.id))
      .all()
      .filter((m) => m.kind === "due_reminder" || m.kind === "after_due_note");
  return { w, mail, cal: w.learners.cal.user.email };
}

describe("due-date reminders", () => {
  it("sends one reminder the chosen days before, one note after, and never a second of either", () => {
    const { mail, cal } = world();
    expect(runReminders(t.db, at("2027-03-16"))).toEqual({ before: 0, after: 0 });

    expect(runReminders(t.db, at("2027-03-17"))).toEqual({ before: 1, after: 0 });
    expect(mail().map((m) => [m.kind, m.toAddress])).toEqual([["due_reminder", cal]]);
    // Passes every hour, every day up to the due date, send nothing more.
    for (const day of ["2027-03-17", "2027-03-18", "2027-03-19", "2027-03-20"]) {
      expect(runReminders(t.db, at(day))).toEqual({ before: 0, after: 0 });
    }

    expect(runReminders(t.db, at("2027-03-21"))).toEqual({ before: 0, after: 1 });
    expect(runReminders(t.db, at("2027-03-22"))).toEqual({ before: 0, after: 0 });
    expect(mail().map((m) => m.kind)).toEqual(["due_reminder", "after_due_note"]);
  });

  it("words both calmly, names the course and links to it, with an unsubscribe link", () => {
    const { w, mail } = world();
    runReminders(t.db, at("2027-03-18"));
    runReminders(t.db, at("2027-03-25"));
    const [before, after] = mail().map((m) => renderMessage({ ...m, kind: m.kind as EmailKind }, LINKS));
    expect(before?.subject).toBe("A gentle reminder: Essentials is due on 20 March 2027");
    expect(after?.subject).toBe("A gentle note about Essentials");
    for (const message of [before, after]) {
      expect(message?.text).toMatch(/\/learn\/e\/[\w-]+/);
      expect(message?.text).not.toMatch(/overdue|urgent|\blate\b|!/i);
      expect(message?.unsubscribeUrl).toMatch(/^https:\/\/alongside\.example\.org\/unsubscribe\//);
    }
    expect(before?.text).toContain(`Hello ${w.learners.cal.user.name}`);
  });

  it("sends nothing to learners who completed the course, or who left the cohort", () => {
    const { w, mail } = world();
    runReminders(t.db, at("2027-03-19"));
    runReminders(t.db, at("2027-03-21"));
    const to = new Set(mail().map((m) => m.toAddress));
    expect(to.has(w.learners.cal.user.email)).toBe(true);
    for (const person of [w.learners.ann, w.learners.bea, w.learners.gus, w.learners.hal]) {
      expect(to.has(person.user.email)).toBe(false);
    }
  });

  it("a pass that missed the days before sends only the note after", () => {
    const { mail } = world();
    expect(runReminders(t.db, at("2027-03-23"))).toEqual({ before: 0, after: 1 });
    expect(mail().map((m) => m.kind)).toEqual(["after_due_note"]);
  });

  it("follows the organisation's setting, and 0 sends none", () => {
    const { w, mail } = world();
    const admin = contextFor(t.db, w.org.admin.actor);
    expect(reminderSetting(admin)).toEqual({ days: 3 });
    setReminderDays(admin, { days: 7 });
    expect(reminderSetting(admin)).toEqual({ days: 7 });
    expect(runReminders(t.db, at("2027-03-13"))).toEqual({ before: 1, after: 0 });

    setReminderDays(admin, { days: 0 });
    expect(runReminders(t.db, at("2027-03-21"))).toEqual({ before: 0, after: 0 });
    expect(mail()).toHaveLength(1);
  });

  it("is set only by admins", () => {
    const { w } = world();
    expect(() => setReminderDays(contextFor(t.db, w.sam.actor), { days: 5 })).toThrow(ForbiddenError);
  });

  it("refuses a setting that is not a whole number from 0 to 30, with a clear message", () => {
    const message = (days: string) => reminderDaysSchema.safeParse({ days }).error?.issues[0]?.message;
    expect(reminderDaysSchema.parse({ days: " 5 " })).toEqual({ days: 5 });
    expect(reminderDaysSchema.parse({ days: "0" })).toEqual({ days: 0 });
    expect(message("")).toBe("Give a number of days, such as 3, or 0 for no reminders.");
    expect(message("two")).toBe("Give a whole number of days, such as 3, or 0 for no reminders.");
    expect(message("-1")).toBe("Give a whole number of days, such as 3, or 0 for no reminders.");
    expect(message("31")).toBe("Choose between 0 and 30 days.");
  });
});
