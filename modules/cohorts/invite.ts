import { and, eq } from "drizzle-orm";
import { cohortInvitees, memberships, users } from "../../db/schema";
import { type Context, inTransaction } from "../auth/context";
import { createInvitation } from "../organisations/invitations";
import { InvalidError } from "../shared/errors";
import { acceptedRowsCsv, type CsvRow, parseLearnerCsv } from "./csv";
import { cohortEmails, getCohort, joinCohort } from "./service";

const INVITATION_DAYS = 30;

/** A link anyone with it can use to join the cohort as a learner (and the organisation, if they are new). */
export function createCohortLink(ctx: Context, cohortId: string, keys: { secret: string }) {
  return inTransaction(ctx, (tx) => {
    const cohort = getCohort(tx, cohortId);
    const { token } = createInvitation(
      tx.db,
      keys.secret,
      tx.actor,
      {
        label: `Cohort link: ${cohort.name}`,
        roles: ["learner"],
        expiresInDays: INVITATION_DAYS,
        maxUses: 500,
        cohortId: cohort.id,
      },
      tx.now,
    );
    return { token };
  });
}

/** A learner list as it was uploaded; a browser sends an unnamed, empty file when none was chosen. */
export type UploadedList = { name: string; bytes: Uint8Array };

/** The rows of a learner list read against the cohort: people already in it or invited are marked. */
function readList(ctx: Context, cohortId: string, bytes: Uint8Array) {
  const { members, invited } = cohortEmails(ctx.db, ctx.actor.orgId, cohortId, ctx.now);
  const result = parseLearnerCsv(bytes, members, invited);
  if (!result.ok) throw new InvalidError(result.message, "file");
  return result.rows;
}

/**
 * The preview of a learner list before anything is added: every row with its line and a plain
 * problem when it cannot be used, and the rows that passed, to be confirmed.
 */
export function previewLearnerList(ctx: Context, cohortId: string, file: UploadedList | null) {
  const cohort = getCohort(ctx, cohortId);
  if (!file || file.bytes.length === 0) {
    throw new InvalidError(
      file && file.name !== ""
        ? "This file is empty. Its first row names the columns (name and email), then one learner per row."
        : "Choose a CSV file with a name and an email column.",
      "file",
    );
  }
  const rows = readList(ctx, cohort.id, file.bytes);
  return { rows, accepted: acceptedRowsCsv(rows) };
}

export type ImportResult = {
  added: { name: string; email: string }[];
  invited: { name: string; email: string }[];
};

/**
 * Adds the confirmed rows of a learner list, all or nothing. They come back from the preview and are
 * checked again, never trusted. People who are already members of the organisation join the cohort
 * at once; everyone else is emailed a personal invitation, which only an account with their email can
 * use (an existing account elsewhere is never added to this organisation without the person's say).
 * The emails are queued with the invitations, so a list that fails half-way sends none.
 */
export function importLearnerList(ctx: Context, cohortId: string, list: string, keys: { secret: string }) {
  return inTransaction(ctx, (tx): ImportResult => {
    const cohort = getCohort(tx, cohortId);
    const rows = readList(tx, cohort.id, new TextEncoder().encode(list));
    const result: ImportResult = { added: [], invited: [] };
    for (const row of rows) {
      if (row.problem) continue;
      if (addIfMember(tx, cohort.id, row)) {
        result.added.push({ name: row.name, email: row.email });
        continue;
      }
      const invitation = createInvitation(
        tx.db,
        keys.secret,
        tx.actor,
        {
          label: `${row.name} (${cohort.name})`,
          roles: ["learner"],
          expiresInDays: INVITATION_DAYS,
          maxUses: 1,
          cohortId: cohort.id,
          email: row.email,
        },
        tx.now,
      );
      tx.db
        .insert(cohortInvitees)
        .values({ cohortId: cohort.id, invitationId: invitation.id, name: row.name, email: row.email, addedAt: tx.now })
        .run();
      result.invited.push({ name: row.name, email: row.email });
    }
    return result;
  });
}

/** Puts a row's person in the cohort when they are already a member of the organisation. */
function addIfMember(ctx: Context, cohortId: string, row: CsvRow): boolean {
  const member = ctx.db
    .select({ userId: users.id })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, ctx.actor.orgId)))
    .where(eq(users.email, row.email))
    .get();
  if (!member) return false;
  joinCohort(ctx.db, ctx.actor.orgId, cohortId, member.userId, ctx.now);
  return true;
}
