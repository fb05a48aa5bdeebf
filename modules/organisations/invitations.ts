import { and, desc, eq, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { cohorts, invitations, organisations } from "../../db/schema";
import { recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import { type Actor, authorize } from "../auth/policy";
import { isRole, ROLE_LABELS, type Role } from "../auth/roles";
import { messagesAbout, queueEmail } from "../email/outbox";
import { InvalidError, NotFoundError } from "../shared/errors";
import { hashToken, newId, newToken } from "../shared/ids";

const DAY_MS = 24 * 60 * 60 * 1000;

export type InvitationInput = {
  label: string;
  roles: Role[];
  expiresInDays: number;
  maxUses: number;
  /** Joining through this invitation also puts the person in this cohort. */
  cohortId?: string | null;
  /** A personal invitation: only an account with this email may use it, and only once. */
  email?: string | null;
};

const LONG_DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});

/**
 * Creates an invitation and returns its secret token: only its hash is stored, so the link is shown
 * once. A personal invitation is also emailed to the person, in the same transaction: the message
 * carries the link, and the organisation's admins can read it on the outgoing email page.
 */
export function createInvitation(db: DB, secret: string, actor: Actor, input: InvitationInput, now = new Date()) {
  const token = newToken();
  const id = newId();
  const email = input.email ? input.email.toLowerCase() : null;
  const maxUses = email ? 1 : input.maxUses;
  db.transaction((tx) => {
    tx.insert(invitations)
      .values({
        id,
        orgId: actor.orgId,
        tokenHash: hashToken(token, secret),
        roles: input.roles,
        label: input.label,
        maxUses,
        cohortId: input.cohortId ?? null,
        email,
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
        detail: { roles: input.roles, maxUses, expiresInDays: input.expiresInDays, personal: email !== null },
      },
      now,
    );
    if (email) {
      const orgName =
        tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, actor.orgId)).get()
          ?.name ?? "";
      const cohortName = input.cohortId
        ? (tx.select({ name: cohorts.name }).from(cohorts).where(eq(cohorts.id, input.cohortId)).get()?.name ?? "")
        : "";
      queueEmail(
        tx,
        {
          orgId: actor.orgId,
          kind: "invitation",
          to: email,
          ref: id,
          params: {
            token,
            orgName,
            cohortName,
            inviterName: actor.name,
            roles: input.roles.map((r) => ROLE_LABELS[r]).join(", "),
            expiresOn: LONG_DATE.format(new Date(now.getTime() + input.expiresInDays * DAY_MS)),
          },
        },
        now,
      );
    }
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

/**
 * The organisation's invitations, newest first, as its admins see them: never their links, but for a
 * personal one the email that carried it, which an admin can open to pass the link on another way.
 */
export function listInvitations(ctx: Context) {
  authorize(ctx.actor, "organisation.manage");
  const rows = ctx.db
    .select()
    .from(invitations)
    .where(eq(invitations.orgId, ctx.actor.orgId))
    .orderBy(desc(invitations.createdAt))
    .all();
  const emails = messagesAbout(
    ctx.db,
    ctx.actor.orgId,
    rows.filter((inv) => inv.email !== null).map((inv) => inv.id),
  );
  return rows.map((inv) => ({
    id: inv.id,
    label: inv.label,
    roles: inv.roles.filter(isRole),
    uses: inv.uses,
    maxUses: inv.maxUses,
    /** Set when only this person may use it; null for a link anyone with it can use. */
    email: inv.email,
    expiresAt: inv.expiresAt,
    createdAt: inv.createdAt,
    state: invitationState(inv, ctx.now),
    emailId: emails.get(inv.id) ?? null,
  }));
}

/** An admin invites people into the organisation; the link carries the token and is shown once. */
export function invite(ctx: Context, secret: string, input: Omit<InvitationInput, "cohortId">) {
  authorize(ctx.actor, "organisation.manage");
  return inTransaction(ctx, (tx) => createInvitation(tx.db, secret, tx.actor, { ...input, cohortId: null }, tx.now));
}

/** Withdraws an invitation: its link stops working at once. Revoking one already revoked changes nothing. */
export function revokeInvitation(ctx: Context, invitationId: string) {
  inTransaction(ctx, (tx) => {
    const { db, actor, now } = tx;
    const inv = db
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.orgId, actor.orgId)))
      .get();
    if (!inv) throw new NotFoundError("That invitation");
    authorize(actor, "organisation.manage", inv);
    if (inv.revokedAt) return;
    db.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, inv.id)).run();
    recordAudit(
      db,
      {
        orgId: actor.orgId,
        actorUserId: actor.userId,
        action: "invitation.revoked",
        targetType: "invitation",
        targetId: inv.id,
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

const NOT_VALID = "This invitation link is not valid. Check that you copied all of it.";

/** The shape of the tokens newToken makes, with room to spare: anything else is not a link of ours. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** The invitation behind a link, with a plain reason when it cannot be used. */
export function lookUpInvitation(db: DB, secret: string, token: string, now = new Date()) {
  if (!TOKEN.test(token)) return { ok: false as const, message: NOT_VALID };
  const row = db
    .select({ invitation: invitations, orgName: organisations.name })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.orgId))
    .where(eq(invitations.tokenHash, hashToken(token, secret)))
    .get();
  if (!row) return { ok: false as const, message: NOT_VALID };
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
      email: row.invitation.email,
    },
  };
}

/** Whether the account with this email may use the invitation: anyone may use a link that is not personal. */
export function invitationIsFor(invitation: { email: string | null }, email: string): boolean {
  return invitation.email === null || invitation.email === email.toLowerCase();
}

/**
 * Takes one place on the invitation. The use count is claimed with a conditional UPDATE, so two
 * people racing for the last place cannot both get in.
 */
export function claimInvitationUse(db: DB, invitationId: string) {
  const claimed = db
    .update(invitations)
    .set({ uses: sql`${invitations.uses} + 1` })
    .where(
      and(
        eq(invitations.id, invitationId),
        sql`${invitations.uses} < ${invitations.maxUses}`,
        sql`${invitations.revokedAt} is null`,
      ),
    )
    .run();
  if (claimed.changes !== 1) throw new InvalidError(STATE_MESSAGES.used_up, "invitation");
}
