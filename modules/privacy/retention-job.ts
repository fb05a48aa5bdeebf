import type { DB } from "../../db/client";
import { recordAudit } from "../audit/service";
import { queueEmail } from "../email/outbox";
import { eraseLearning } from "../learning/personal-data";
import { keepAsCounts } from "../progress/personal-data";
import { eraseSelfCarePlan } from "../self-care/personal-data";
import { eraseLearnerSupervision } from "../supervision/personal-data";
import {
  learnersWithActivity,
  openAnnouncement,
  personOf,
  policies,
  recordAnnouncement,
  settleAnnouncement,
} from "./retention-records";

export const NOTICE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** How a removal day is written to the learner. */
function dayOf(date: Date) {
  return date.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/London",
  });
}

export function addMonths(date: Date, months: number): Date {
  const next = new Date(date);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}

/**
 * One pass over every organisation with a retention period. A learner inactive for that long, less
 * 30 days, is told the day their progress and journal there will go; on that day, if they have not
 * been active since being told, both are removed, with the supervision pages made from the journal
 * (what they did is kept as counts with no one in them). Activity after the announcement cancels it.
 */
export function runRetention(db: DB, now: Date) {
  const outcome = { announced: 0, removed: 0, cancelled: 0 };
  db.transaction((tx) => {
    for (const policy of policies(tx)) {
      for (const learner of learnersWithActivity(tx, policy.orgId)) {
        const open = openAnnouncement(tx, policy.orgId, learner.userId);
        if (open && learner.lastActiveAt > open.announcedAt) {
          settleAnnouncement(tx, open.id, now, true);
          outcome.cancelled += 1;
          continue;
        }
        if (open) {
          if (now < open.removeOn) continue;
          keepAsCounts(tx, learner.userId, policy.orgId);
          eraseLearning(tx, learner.userId, policy.orgId);
          eraseLearnerSupervision(tx, learner.userId, policy.orgId);
          eraseSelfCarePlan(tx, learner.userId, policy.orgId);
          settleAnnouncement(tx, open.id, now, false);
          recordAudit(
            tx,
            { orgId: policy.orgId, action: "retention.removed", targetType: "user", targetId: learner.userId },
            now,
          );
          outcome.removed += 1;
          continue;
        }
        const due = addMonths(learner.lastActiveAt, policy.months);
        if (due.getTime() - NOTICE_DAYS * DAY_MS > now.getTime()) continue;
        const person = personOf(tx, learner.userId);
        if (!person) continue;
        const removeOn = new Date(Math.max(due.getTime(), now.getTime() + NOTICE_DAYS * DAY_MS));
        recordAnnouncement(tx, { orgId: policy.orgId, userId: learner.userId, announcedAt: now, removeOn });
        // The email goes in the transaction that records the announcement: told exactly when recorded.
        queueEmail(
          tx,
          {
            orgId: policy.orgId,
            kind: "retention_notice",
            to: person.email,
            params: {
              name: person.name,
              orgName: policy.organisation,
              months: String(policy.months),
              removeOn: dayOf(removeOn),
            },
          },
          now,
        );
        outcome.announced += 1;
      }
    }
  });
  return outcome;
}

/** Runs the pass now and then every few hours in the background, like the xAPI sender. */
export function startRetention(db: DB, options: { everyMs?: number } = {}) {
  const tick = () => {
    try {
      runRetention(db, new Date());
    } catch (error) {
      // Only the error's message: the job handles journals, which never go to a log.
      console.error("Retention pass failed:", error instanceof Error ? error.message : "unknown error");
    }
  };
  tick();
  const timer = setInterval(tick, options.everyMs ?? 6 * 60 * 60 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
