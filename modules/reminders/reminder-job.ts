import type { DB } from "../../db/client";
import { queueEmail } from "../email/outbox";
import { daysBetween, formatDay, todayInLondon } from "../shared/dates";
import { learnersWithDueDates, type ReminderKind, recordReminder } from "./due";
import { reminderDays } from "./policy";

/** The gentle note after a due date goes only this soon after it: someone joining long after is not chased. */
export const AFTER_DUE_DAYS = 14;

/** Which reminder, if any, is due today for a course due on `dueOn`. */
export function reminderFor(today: string, dueOn: string, daysBefore: number): ReminderKind | null {
  if (daysBefore === 0) return null;
  const left = daysBetween(today, dueOn);
  if (left >= 0 && left <= daysBefore) return "before";
  if (left < 0 && -left <= AFTER_DUE_DAYS) return "after";
  return null;
}

/**
 * One pass: each learner with an unfinished assigned course gets the reminder due today, once. What
 * was sent is recorded in the transaction that queues the email, so a pass run hourly, daily or twice
 * at once sends each reminder a single time; a pass that misses the days before sends only the note
 * after. Days are London calendar days, like due dates.
 */
export function runReminders(db: DB, now: Date) {
  const outcome = { before: 0, after: 0 };
  const today = todayInLondon(now);
  db.transaction((tx) => {
    const days = new Map<string, number>();
    for (const learner of learnersWithDueDates(tx)) {
      if (!days.has(learner.orgId)) days.set(learner.orgId, reminderDays(tx, learner.orgId));
      const kind = reminderFor(today, learner.dueOn, days.get(learner.orgId) ?? 0);
      if (!kind || !recordReminder(tx, learner.assignmentId, learner.userId, kind, now)) continue;
      queueEmail(
        tx,
        {
          orgId: learner.orgId,
          kind: kind === "before" ? "due_reminder" : "after_due_note",
          to: learner.email,
          params: {
            name: learner.name,
            orgName: learner.orgName,
            course: learner.courseTitle,
            dueOn: formatDay(learner.dueOn),
            path: `/learn/e/${learner.enrolmentId}`,
          },
          ref: learner.assignmentId,
        },
        now,
      );
      outcome[kind] += 1;
    }
  });
  return outcome;
}

/** Runs the pass now and then every hour in the background; how often changes nothing about what is sent. */
export function startReminders(db: DB, options: { everyMs?: number } = {}) {
  const tick = () => {
    try {
      runReminders(db, new Date());
    } catch (error) {
      console.error("Reminder pass failed:", error instanceof Error ? error.message : "unknown error");
    }
  };
  tick();
  const timer = setInterval(tick, options.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
