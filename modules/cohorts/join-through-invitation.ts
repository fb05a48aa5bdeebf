import { and, eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { cohortInvitees } from "../../db/schema";
import { joinCohort } from "./service";

/**
 * Someone used an invitation that carries a cohort (a cohort link, or a personal invitation from a
 * learner list): they join the cohort, and no longer wait on its list of people invited.
 */
export function joinThroughInvitation(
  db: DB,
  invitation: { orgId: string; cohortId: string; id: string },
  userId: string,
  now: Date,
) {
  joinCohort(db, invitation.orgId, invitation.cohortId, userId, now);
  db.delete(cohortInvitees)
    .where(and(eq(cohortInvitees.cohortId, invitation.cohortId), eq(cohortInvitees.invitationId, invitation.id)))
    .run();
}
