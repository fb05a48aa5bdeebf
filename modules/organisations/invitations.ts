import { and, desc, eq, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { cohortInvitees, invitations, organisations } from "../../db/schema";
import { hashNewPassword, insertUser, type NewAccount } from "../accounts/service";
import { recordAudit } from "../audit/service";
import type { Actor } from "../auth/policy";
import { isRole, type Role } from "../auth/roles";
import { joinCohort } from "../cohorts/service";
import { InvalidError, NotFoundError } from "../shared/errors";
import { hashToken, newId, newToken } from "../shared/ids";
import { addMembership } from "./service";

const DAY_MS = 24 * 60 * 60 * 1000;

export type InvitationInput = {
  label: string;
  roles: Role[];
  expiresInDays: number;
  maxUses: number;
  /** Joining through this invitation also puts the person in this cohort. */
  cohortId?: string | null;
};

/** Creates an invitation and returns its secret token: only its hash is stored, so the link is shown once. */
export function createInvitation(db: DB, secret: string, actor: Actor, input: InvitationInput, now = new Date()) {
  const token = newToken();
  const id = newId();
  db.transaction((tx) => {
    tx.insert(invitations)
      .values({
        id,
        orgId: actor.orgId,
        tokenHash: hashToken(token, secret),
        roles: input.roles,
        label: input.label,
        maxUses: input.maxUses,
        cohortId: input.cohortId ?? null,
        expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
        createdBy: actor.userId,
        createdAt: now,
      })
      .run();
    recordAudit(
      tx,
      {
        orgId: actor.orgId,
        actorUserId: actor.userId,
        action: "invitation.created",
        targetType: "invitation",
        targetId: id,
        detail: { roles: input.roles, maxUses: input.maxUses, expiresInDays: input.expiresInDays },
      },
      now,
    );
  });
  return { id, token };
}

export type InvitationState = "active" | "expired" | "used_up" | "revoked";

export function invitationState(
  inv: { revokedAt: Date | null; expiresAt: Date; uses: number; maxUses: number },
  now: Date,
): InvitationState {
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt <= now) return "expired";
  if (inv.uses >= inv.maxUses) return "used_up";
  return "active";
}

export function listInvitations(db: DB, orgId: string, now = new Date()) {
  return db
    .select()
    .from(invitations)
    .where(eq(invitations.orgId, orgId))
    .orderBy(desc(invitations.createdAt))
    .all()
    .map((inv) => ({
      id: inv.id,
      label: inv.label,
      roles: inv.roles.filter(isRole),
      uses: inv.uses,
      maxUses: inv.maxUses,
      expiresAt: inv.expiresAt,
      createdAt: inv.createdAt,
      state: invitationState(inv, now),
    }));
}

export function revokeInvitation(db: DB, actor: Actor, id: string, now = new Date()) {
  db.transaction((tx) => {
    const inv = tx.select().from(invitations).where(eq(invitations.id, id)).get();
    if (!inv || inv.orgId !== actor.orgId) throw new NotFoundError("That invitation");
    if (inv.revokedAt) return;
    tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, id)).run();
    recordAudit(
      tx,
      {
        orgId: actor.orgId,
        actorUserId: actor.userId,
        action: "invitation.revoked",
        targetType: "invitation",
        targetId: id,
      },
      now,
    );
  });
}

const STATE_MESSAGES: Record<Exclude<InvitationState, "active">, string> = {
  expired: "This invitation has expired. Ask the person who sent it for a new link.",
  used_up: "This invitation has already been used as many times as it allows. Ask for a new link.",
  revoked: "This invitation was withdrawn. Ask the person who sent it for a new link.",
};

/** The invitation behind a link, with a plain reason when it cannot be used. */
export function lookUpInvitation(db: DB, secret: string, token: string, now = new Date()) {
  const row = db
    .select({ invitation: invitations, orgName: organisations.name })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.orgId))
    .where(eq(invitations.tokenHash, hashToken(token, secret)))
    .get();
  if (!row)
    return { ok: false as const, message: "This invitation link is not valid. Check that you copied all of it." };
  const state = invitationState(row.invitation, now);
  if (state !== "active") return { ok: false as const, message: STATE_MESSAGES[state] };
  return {
    ok: true as const,
    invitation: {
      id: row.invitation.id,
      orgId: row.invitation.orgId,
      orgName: row.orgName,
      roles: row.invitation.roles.filter(isRole),
      cohortId: row.invitation.cohortId,
    },
  };
}

/**
 * Uses one place on the invitation and gives the person its roles. The use count is claimed with a
 * conditional UPDATE, so two people racing for the last place cannot both get in.
 */
function redeem(db: DB, secret: string, token: string, userId: string, now: Date) {
  const found = lookUpInvitation(db, secret, token, now);
  if (!found.ok) throw new InvalidError(found.message, "invitation");
  const claimed = db
    .update(invitations)
    .set({ uses: sql`${invitations.uses} + 1` })
    .where(
      and(
        eq(invitations.id, found.invitation.id),
        sql`${invitations.uses} < ${invitations.maxUses}`,
        sql`${invitations.revokedAt} is null`,
      ),
    )
    .run();
  if (claimed.changes !== 1) throw new InvalidError(STATE_MESSAGES.used_up, "invitation");
  addMembership(db, found.invitation.orgId, userId, found.invitation.roles, now);
  if (found.invitation.cohortId) {
    joinCohort(db, found.invitation.orgId, found.invitation.cohortId, userId, now);
    db.delete(cohortInvitees).where(eq(cohortInvitees.invitationId, found.invitation.id)).run();
  }
  recordAudit(
    db,
    {
      orgId: found.invitation.orgId,
      actorUserId: userId,
      action: "membership.joined",
      targetType: "invitation",
      targetId: found.invitation.id,
      detail: { roles: found.invitation.roles },
    },
    now,
  );
  return found.invitation;
}

/** Someone already signed in accepts an invitation. */
export function acceptInvitation(db: DB, secret: string, token: string, userId: string, now = new Date()) {
  return db.transaction((tx) => redeem(tx, secret, token, userId, now));
}

/** A new person signs up through an invitation link. */
export async function signUpWithInvitation(db: DB, secret: string, token: string, input: NewAccount, now = new Date()) {
  const hash = await hashNewPassword(input.password, input.email);
  return db.transaction((tx) => {
    const user = insertUser(tx, input, hash, now);
    const invitation = redeem(tx, secret, token, user.id, now);
    return { user, invitation };
  });
}
