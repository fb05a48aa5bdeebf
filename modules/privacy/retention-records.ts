import { and, eq, isNull, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import {
  enrolments,
  organisations,
  progressEvents,
  reflections,
  retentionAnnouncements,
  retentionPolicies,
  users,
} from "../../db/schema";
import { newId } from "../shared/ids";

export function retentionMonths(db: DB, orgId: string): number | null {
  return (
    db
      .select({ months: retentionPolicies.months })
      .from(retentionPolicies)
      .where(eq(retentionPolicies.orgId, orgId))
      .get()?.months ?? null
  );
}

export function saveRetention(db: DB, orgId: string, months: number | null, by: string, now: Date) {
  if (months === null) {
    db.delete(retentionPolicies).where(eq(retentionPolicies.orgId, orgId)).run();
    return;
  }
  db.insert(retentionPolicies)
    .values({ orgId, months, updatedBy: by, updatedAt: now })
    .onConflictDoUpdate({ target: retentionPolicies.orgId, set: { months, updatedBy: by, updatedAt: now } })
    .run();
}

export const policies = (db: DB) =>
  db
    .select({ orgId: retentionPolicies.orgId, months: retentionPolicies.months, organisation: organisations.name })
    .from(retentionPolicies)
    .innerJoin(organisations, eq(organisations.id, retentionPolicies.orgId))
    .all();

/**
 * Each person with progress or a journal in the organisation, with when they were last active there:
 * their latest step, journal change or enrolment change.
 */
export function learnersWithActivity(db: DB, orgId: string) {
  const rows = db.all<{ userId: string; last: number }>(sql`
    select user_id as userId, max(at) as last from (
      select ${enrolments.userId} as user_id, ${enrolments.updatedAt} as at from ${enrolments} where ${enrolments.orgId} = ${orgId}
      union all
      select ${enrolments.userId}, ${progressEvents.at} from ${progressEvents}
        join ${enrolments} on ${enrolments.id} = ${progressEvents.enrolmentId} where ${enrolments.orgId} = ${orgId}
      union all
      select ${reflections.userId}, ${reflections.updatedAt} from ${reflections} where ${reflections.orgId} = ${orgId}
    ) group by user_id`);
  return rows.map((r) => ({ userId: r.userId, lastActiveAt: new Date(r.last) }));
}

export const personOf = (db: DB, userId: string) =>
  db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, userId)).get();

export const openAnnouncement = (db: DB, orgId: string, userId: string) =>
  db
    .select()
    .from(retentionAnnouncements)
    .where(
      and(
        eq(retentionAnnouncements.orgId, orgId),
        eq(retentionAnnouncements.userId, userId),
        isNull(retentionAnnouncements.settledAt),
      ),
    )
    .get();

export function recordAnnouncement(db: DB, row: { orgId: string; userId: string; announcedAt: Date; removeOn: Date }) {
  db.insert(retentionAnnouncements)
    .values({ id: newId(), ...row })
    .run();
}

export function settleAnnouncement(db: DB, id: string, now: Date, cancelled: boolean) {
  db.update(retentionAnnouncements).set({ settledAt: now, cancelled }).where(eq(retentionAnnouncements.id, id)).run();
}
