import { and, eq, isNull } from "drizzle-orm";
import type { DB } from "../../db/client";
import { modules, reviewRequestPeople, reviewRequests } from "../../db/schema";
import { notify } from "../notices/service";
import { daysBetween, formatDay, todayInLondon } from "../shared/dates";

/** A person who has not answered is reminded in the app this many days before the date, or on it. */
export const REMIND_DAYS_BEFORE = 2;

/**
 * One pass: everyone asked who has not answered, whose request is due within the next two days
 * (London calendar days), gets one notice. The conditional update is the record: a second pass, or
 * a second process, finds it set and tells no one again. A date already passed is not chased.
 */
export function runReviewReminders(db: DB, now: Date) {
  const today = todayInLondon(now);
  let reminded = 0;
  db.transaction((tx) => {
    const waiting = tx
      .select({
        requestId: reviewRequestPeople.requestId,
        userId: reviewRequestPeople.userId,
        orgId: reviewRequests.orgId,
        moduleId: reviewRequests.moduleId,
        title: modules.title,
        dueOn: reviewRequests.dueOn,
      })
      .from(reviewRequestPeople)
      .innerJoin(reviewRequests, eq(reviewRequests.id, reviewRequestPeople.requestId))
      .innerJoin(modules, eq(modules.id, reviewRequests.moduleId))
      .where(and(isNull(reviewRequestPeople.answeredAt), isNull(reviewRequestPeople.remindedAt)))
      .all();
    for (const person of waiting) {
      const left = daysBetween(today, person.dueOn);
      if (left < 0 || left > REMIND_DAYS_BEFORE) continue;
      const marked = tx
        .update(reviewRequestPeople)
        .set({ remindedAt: now })
        .where(
          and(
            eq(reviewRequestPeople.requestId, person.requestId),
            eq(reviewRequestPeople.userId, person.userId),
            isNull(reviewRequestPeople.remindedAt),
          ),
        )
        .run();
      if (marked.changes !== 1) continue;
      notify(
        tx,
        person.orgId,
        [person.userId],
        {
          kind: "review_reminder",
          title: `A gentle reminder: your review of ${person.title} is due on ${formatDay(person.dueOn)}`,
          body: "When you have looked it over, say you are done on its Review tab.",
          link: `/workshop/${person.moduleId}/review`,
        },
        now,
      );
      reminded += 1;
    }
  });
  return { reminded };
}

/** Runs the pass now and then every hour in the background; how often changes nothing about what is sent. */
export function startReviewReminders(db: DB, options: { everyMs?: number } = {}) {
  const tick = () => {
    try {
      runReviewReminders(db, new Date());
    } catch (error) {
      console.error("Review reminder pass failed:", error instanceof Error ? error.message : "unknown error");
    }
  };
  tick();
  const timer = setInterval(tick, options.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
