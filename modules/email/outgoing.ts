import { and, desc, eq } from "drizzle-orm";
import { emailOutbox } from "../../db/schema";
import type { Context } from "../auth/context";
import { authorize } from "../auth/policy";
import { NotFoundError } from "../shared/errors";
import { isEmailKind, KIND_FACTS } from "./kinds";
import { type Links, renderMessage } from "./render";
import { TEMPLATES } from "./templates";

/** How far a message has got, in the words the outgoing email page uses. */
export type Delivery =
  | { status: "waiting" }
  | { status: "retrying"; attempts: number; lastError: string; nextAttemptAt: Date }
  | { status: "sent"; sentAt: Date }
  | { status: "unsubscribed" };

type Row = typeof emailOutbox.$inferSelect;

function deliveryOf(row: Row): Delivery {
  if (row.status === "sent") return { status: "sent", sentAt: row.sentAt ?? row.createdAt };
  if (row.status === "unsubscribed") return { status: "unsubscribed" };
  if (row.attempts > 0) {
    return {
      status: "retrying",
      attempts: row.attempts,
      lastError: row.lastError ?? "",
      nextAttemptAt: row.nextAttemptAt,
    };
  }
  return { status: "waiting" };
}

const kindLabel = (kind: string) => (isEmailKind(kind) ? KIND_FACTS[kind].label : kind);

/** The organisation's email, newest first, with how far each has got: what left in its name. */
export function outgoingEmail(ctx: Context) {
  authorize(ctx.actor, "organisation.manage");
  return ctx.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.orgId, ctx.actor.orgId))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(500)
    .all()
    .map((row) => ({
      id: row.id,
      kind: kindLabel(row.kind),
      to: row.toAddress,
      subject: isEmailKind(row.kind) ? TEMPLATES[row.kind](row.params).subject : "",
      createdAt: row.createdAt,
      delivery: deliveryOf(row),
    }));
}

/**
 * One message of the organisation as its admins may read it: as sent, except that a private link
 * (a password reset, a new address to confirm) and the recipient's unsubscribe link are left out.
 * Another organisation's message is not found.
 */
export function outgoingMessage(ctx: Context, messageId: string, links: Links) {
  const row = ctx.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.id, messageId), eq(emailOutbox.orgId, ctx.actor.orgId)))
    .get();
  if (!row || !isEmailKind(row.kind)) throw new NotFoundError("That message");
  authorize(ctx.actor, "organisation.manage", { orgId: row.orgId ?? "" });
  const rendered = renderMessage({ ...row, kind: row.kind }, links, { forOthers: true });
  return {
    id: row.id,
    kind: kindLabel(row.kind),
    to: row.toAddress,
    subject: rendered.subject,
    text: rendered.text,
    privateLink: KIND_FACTS[row.kind].privateLink,
    createdAt: row.createdAt,
    delivery: deliveryOf(row),
  };
}
