import { and, desc, eq, ne, sql } from "drizzle-orm";
import {
  membershipRoles,
  memberships,
  supervisionPages,
  supervisionShareHistory,
  supervisionShares,
  users,
} from "../../db/schema";
import { type Context, inTransaction } from "../auth/context";
import { authorize } from "../auth/policy";
import { roleHolders } from "../organisations/role-holders";
import { InvalidError, NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";
import { copyOf, supervisionPage } from "./pages";

/**
 * Sharing a supervision page: one copy, with one named supervisor of the learner's organisation,
 * taken when the learner shares it. The supervisor reads that copy and nothing else of the learner.
 */

/** The supervisor with this id, when they are one in the learner's organisation and not the learner. */
function supervisorQuery(ctx: Context, supervisorId: string) {
  return ctx.db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(
      membershipRoles,
      and(eq(membershipRoles.membershipId, memberships.id), eq(membershipRoles.role, "supervisor")),
    )
    .where(
      and(
        eq(memberships.orgId, ctx.actor.orgId),
        ne(memberships.userId, ctx.actor.userId),
        eq(memberships.userId, supervisorId),
      ),
    );
}

/** The people a learner may share with: their organisation's supervisors, themself aside. */
export function supervisorsToShareWith(ctx: Context) {
  authorize(ctx.actor, "learning.take");
  return roleHolders(ctx.db, ctx.actor.orgId, ["supervisor"])
    .filter((holder) => holder.userId !== ctx.actor.userId)
    .map((holder) => ({ id: holder.userId, name: holder.name }));
}

/** A person who is a member but no supervisor, or no member at all, is told apart for a clear message. */
function supervisorFor(ctx: Context, supervisorId: string) {
  const supervisor = supervisorQuery(ctx, supervisorId).get();
  if (supervisor) return supervisor;
  const member = ctx.db
    .select({ name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, ctx.actor.orgId), eq(memberships.userId, supervisorId)))
    .get();
  if (member && supervisorId !== ctx.actor.userId) {
    throw new InvalidError(
      `${member.name} is not a supervisor here, so nothing was shared. Choose one of the supervisors listed.`,
      "supervisorId",
    );
  }
  throw new InvalidError(
    "That person is not a supervisor in your organisation, so nothing was shared. Choose one of the supervisors listed.",
    "supervisorId",
  );
}

function record(ctx: Context, entry: { pageTitle: string; supervisorName: string; action: "shared" | "revoked" }) {
  ctx.db
    .insert(supervisionShareHistory)
    .values({ id: newId(), orgId: ctx.actor.orgId, userId: ctx.actor.userId, ...entry, at: ctx.now })
    .run();
}

function currentShare(ctx: Context, pageId: string) {
  return ctx.db
    .select({ id: supervisionShares.id, supervisorId: supervisionShares.supervisorId, name: users.name })
    .from(supervisionShares)
    .innerJoin(users, eq(users.id, supervisionShares.supervisorId))
    .where(
      and(
        eq(supervisionShares.pageId, pageId),
        eq(supervisionShares.learnerId, ctx.actor.userId),
        eq(supervisionShares.orgId, ctx.actor.orgId),
      ),
    )
    .get();
}

/** Who the page is shared with now, and when, for its owner. */
export function shareOf(ctx: Context, pageId: string) {
  const page = supervisionPage(ctx, pageId);
  const share = ctx.db
    .select({ supervisorName: users.name, sharedAt: supervisionShares.sharedAt })
    .from(supervisionShares)
    .innerJoin(users, eq(users.id, supervisionShares.supervisorId))
    .where(and(eq(supervisionShares.pageId, page.id), eq(supervisionShares.learnerId, ctx.actor.userId)))
    .get();
  return share ?? null;
}

/**
 * Shares a snapshot of the page as it reads now. Sharing again replaces the one copy, with the same
 * supervisor or another: the page is never in two people's hands.
 */
export function sharePage(ctx: Context, pageId: string, supervisorId: string) {
  return inTransaction(ctx, (tx) => {
    const page = supervisionPage(tx, pageId);
    const supervisor = supervisorFor(tx, supervisorId);
    const previous = currentShare(tx, page.id);
    if (previous && previous.supervisorId !== supervisor.id) {
      record(tx, { pageTitle: page.title, supervisorName: previous.name, action: "revoked" });
    }
    tx.db.delete(supervisionShares).where(eq(supervisionShares.pageId, page.id)).run();
    tx.db
      .insert(supervisionShares)
      .values({
        id: newId(),
        orgId: tx.actor.orgId,
        pageId: page.id,
        learnerId: tx.actor.userId,
        supervisorId: supervisor.id,
        copy: copyOf(page),
        sharedAt: tx.now,
      })
      .run();
    record(tx, { pageTitle: page.title, supervisorName: supervisor.name, action: "shared" });
    return { supervisorName: supervisor.name };
  });
}

/** Takes the copy back at once; the supervisor's next request finds nothing. */
export function revokeShare(ctx: Context, pageId: string) {
  return inTransaction(ctx, (tx) => {
    const page = supervisionPage(tx, pageId);
    const share = currentShare(tx, page.id);
    if (!share) throw new InvalidError("This page is not shared with anyone.");
    tx.db.delete(supervisionShares).where(eq(supervisionShares.id, share.id)).run();
    record(tx, { pageTitle: page.title, supervisorName: share.name, action: "revoked" });
    return { supervisorName: share.name };
  });
}

/** Deletes the page for good; a copy shared from it goes with it, and the history says so. */
export function deleteSupervisionPage(ctx: Context, pageId: string) {
  inTransaction(ctx, (tx) => {
    const page = supervisionPage(tx, pageId);
    const share = currentShare(tx, page.id);
    if (share) record(tx, { pageTitle: page.title, supervisorName: share.name, action: "revoked" });
    tx.db.delete(supervisionPages).where(eq(supervisionPages.id, page.id)).run();
  });
}

/** The learner's own record of what they shared with whom, and took back, newest first. */
export function shareHistory(ctx: Context) {
  authorize(ctx.actor, "learning.take");
  return ctx.db
    .select({
      id: supervisionShareHistory.id,
      pageTitle: supervisionShareHistory.pageTitle,
      supervisorName: supervisionShareHistory.supervisorName,
      action: supervisionShareHistory.action,
      at: supervisionShareHistory.at,
    })
    .from(supervisionShareHistory)
    .where(
      and(eq(supervisionShareHistory.userId, ctx.actor.userId), eq(supervisionShareHistory.orgId, ctx.actor.orgId)),
    )
    .orderBy(desc(supervisionShareHistory.at), desc(sql`rowid`))
    .all();
}

/** The copies shared with this supervisor, by learner: a title and a date, opened one at a time. */
export function sharedWithMe(ctx: Context) {
  authorize(ctx.actor, "supervision.receive");
  return ctx.db
    .select({
      id: supervisionShares.id,
      title: sql<string>`json_extract(${supervisionShares.copy}, '$.title')`,
      learnerName: users.name,
      sharedAt: supervisionShares.sharedAt,
    })
    .from(supervisionShares)
    .innerJoin(users, eq(users.id, supervisionShares.learnerId))
    .where(and(eq(supervisionShares.orgId, ctx.actor.orgId), eq(supervisionShares.supervisorId, ctx.actor.userId)))
    .orderBy(desc(supervisionShares.sharedAt))
    .all();
}

/** One copy shared with this supervisor; anyone else's, or a revoked one, is not there. */
export function sharedCopy(ctx: Context, shareId: string) {
  const row = ctx.db
    .select({ copy: supervisionShares.copy, learnerName: users.name, sharedAt: supervisionShares.sharedAt })
    .from(supervisionShares)
    .innerJoin(users, eq(users.id, supervisionShares.learnerId))
    .where(
      and(
        eq(supervisionShares.id, shareId),
        eq(supervisionShares.orgId, ctx.actor.orgId),
        eq(supervisionShares.supervisorId, ctx.actor.userId),
      ),
    )
    .get();
  if (!row) throw new NotFoundError("That shared page");
  authorize(ctx.actor, "supervision.receive");
  return { ...row.copy, learnerName: row.learnerName, sharedAt: row.sharedAt };
}
