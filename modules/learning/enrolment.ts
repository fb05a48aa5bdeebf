import { and, eq, inArray, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { courseCompletions, enrolments } from "../../db/schema";
import type { Enrolment } from "./service";

/**
 * Moves people's enrolments in a course onto another of its versions, for those still working on it:
 * anyone who completed the course keeps the version they finished. The place to resume is dropped,
 * as the new version may not have it; progress stays, since completion follows the module. Returns
 * the enrolments moved, as they are now, for their completion to be derived again.
 */
export function moveEnrolments(
  db: DB,
  input: { orgId: string; courseId: string; userIds: readonly string[]; courseVersionId: string },
  now: Date,
): Enrolment[] {
  if (input.userIds.length === 0) return [];
  const moving = db
    .select()
    .from(enrolments)
    .where(
      and(
        eq(enrolments.orgId, input.orgId),
        eq(enrolments.courseId, input.courseId),
        inArray(enrolments.userId, [...input.userIds]),
        sql`not exists (select 1 from ${courseCompletions} cc where cc.enrolment_id = ${enrolments.id})`,
      ),
    )
    .all();
  const moved = { courseVersionId: input.courseVersionId, resumeModuleVersionId: null, resumeSection: null };
  for (const e of moving) {
    db.update(enrolments)
      .set({ ...moved, updatedAt: now })
      .where(eq(enrolments.id, e.id))
      .run();
  }
  return moving.map((e) => ({ ...e, ...moved, updatedAt: now }));
}
