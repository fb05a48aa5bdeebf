import { and, eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { cohortInvitees, memberships, users } from "../../db/schema";
import type { Actor } from "../auth/policy";
import { createInvitation } from "../organisations/invitations";
import type { CsvRow } from "./csv";
import { getCohort, joinCohort } from "./service";

const INVITATION_DAYS = 30;

/** A link anyone with it can use to join the cohort as a learner (and the organisation, if they are new). */
export function cohortInvitationLink(db: DB, secret: string, actor: Actor, cohortId: string, now = new Date()) {
  const cohort = getCohort(db, actor.orgId, cohortId);
  return createInvitation(
    db,
    secret,
    actor,
    {
      label: `Cohort link: ${cohort.name}`,
      roles: ["learner"],
      expiresInDays: INVITATION_DAYS,
      maxUses: 500,
      cohortId,
    },
    now,
  );
}

export type ImportResult = {
  added: { name: string; email: string }[];
  invited: { name: string; email: string; token: string }[];
};

/**
 * Adds the good rows of a learner list, all or nothing. People who are already members of the
 * organisation join the cohort at once; everyone else gets a personal invitation link to pass on,
 * which only an account with their email can use (an existing account elsewhere is never added to
 * this organisation without the person's say).
 */
export function importLearners(
  db: DB,
  secret: string,
  actor: Actor,
  cohortId: string,
  rows: CsvRow[],
  now = new Date(),
): ImportResult {
  return db.transaction((tx) => {
    const cohort = getCohort(tx, actor.orgId, cohortId);
    const result: ImportResult = { added: [], invited: [] };
    for (const row of rows) {
      if (row.problem) continue;
      const member = tx
        .select({ userId: users.id })
        .from(users)
        .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, actor.orgId)))
        .where(eq(users.email, row.email))
        .get();
      if (member) {
        joinCohort(tx, actor.orgId, cohortId, member.userId, now);
        result.added.push({ name: row.name, email: row.email });
        continue;
      }
      const invitation = createInvitation(
        tx,
        secret,
        actor,
        {
          label: `${row.name} (${cohort.name})`,
          roles: ["learner"],
          expiresInDays: INVITATION_DAYS,
          maxUses: 1,
          cohortId,
          email: row.email,
        },
        now,
      );
      tx.insert(cohortInvitees)
        .values({ cohortId, invitationId: invitation.id, name: row.name, email: row.email, addedAt: now })
        .run();
      result.invited.push({ name: row.name, email: row.email, token: invitation.token });
    }
    return result;
  });
}
