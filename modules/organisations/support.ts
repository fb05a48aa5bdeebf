import { and, asc, eq, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { supportResources } from "../../db/schema";
import { recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import { authorize } from "../auth/policy";
import { NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";
import type { SupportResourceInput } from "./schemas";
import { getOrganisation } from "./service";
import { defaultsReview, SUPPORT_DEFAULTS } from "./support-defaults";

export type SupportResource = typeof supportResources.$inferSelect;

export function listSupportResources(db: DB, orgId: string): SupportResource[] {
  return db
    .select()
    .from(supportResources)
    .where(eq(supportResources.orgId, orgId))
    .orderBy(asc(supportResources.position))
    .all();
}

/** A resource someone can actually reach: it has a phone number, a text number or a website. */
export function isReachable(resource: Pick<SupportResource, "phone" | "sms" | "web">): boolean {
  return [resource.phone, resource.sms, resource.web].some((v) => v.trim() !== "");
}

/**
 * What learners and everyone else are shown: only resources with a way to reach them. A default
 * still waiting for its details (such as "Your supervisor") stays on the admin's list, marked.
 */
export function reachableSupportResources(db: DB, orgId: string): SupportResource[] {
  return listSupportResources(db, orgId).filter(isReachable);
}

/**
 * What someone not signed in is shown on Support now: the UK defaults that can be reached. They are
 * not rows of any organisation, so they carry ids of their own.
 */
export const VISITOR_SUPPORT: readonly (SupportResourceInput & { id: string })[] = SUPPORT_DEFAULTS.resources
  .filter(isReachable)
  .map(({ key, name, purpose, phone, sms, web, hours, nations, populations, source }) => ({
    id: `default-${key}`,
    name,
    purpose,
    phone,
    sms,
    web,
    hours,
    nations,
    populations,
    source,
  }));

/** The support resources a person of the organisation is shown in training and on Support now. */
export function supportForLearners(ctx: Context): SupportResource[] {
  return reachableSupportResources(ctx.db, ctx.actor.orgId);
}

/** Support now for a member: their organisation's reachable resources, and whose choice they are. */
export function supportNow(ctx: Context) {
  return { organisation: getOrganisation(ctx.db, ctx.actor.orgId)?.name ?? null, resources: supportForLearners(ctx) };
}

/** Every resource as the admins keep them, in order, each saying whether learners can see it yet. */
export function supportToManage(ctx: Context) {
  authorize(ctx.actor, "organisation.manage");
  return listSupportResources(ctx.db, ctx.actor.orgId).map((r) => ({ ...r, reachable: isReachable(r) }));
}

/**
 * The resources learners cannot see yet because no one has added a way to reach them (the
 * organisation's own supervisor, to begin with): the admins are reminded on every admin page.
 */
export function supportStillToComplete(ctx: Context): string[] {
  authorize(ctx.actor, "organisation.manage");
  return listSupportResources(ctx.db, ctx.actor.orgId)
    .filter((r) => !isReachable(r))
    .map((r) => r.name);
}

/** Whether the default details are past the date by which they must be checked against the services again. */
export function supportDefaultsReview(ctx: Context) {
  authorize(ctx.actor, "organisation.manage");
  return defaultsReview(ctx.now);
}

function resourceInOrg(db: DB, orgId: string, id: string) {
  const row = db
    .select()
    .from(supportResources)
    .where(and(eq(supportResources.id, id), eq(supportResources.orgId, orgId)))
    .get();
  if (!row) throw new NotFoundError("That support resource");
  return row;
}

/** One resource, for the admin's edit page. */
export function supportResource(ctx: Context, id: string): SupportResource {
  const row = resourceInOrg(ctx.db, ctx.actor.orgId, id);
  authorize(ctx.actor, "organisation.manage", row);
  return row;
}

function audit(tx: Context, change: string, id: string) {
  recordAudit(
    tx.db,
    {
      orgId: tx.actor.orgId,
      actorUserId: tx.actor.userId,
      action: "support_resources.changed",
      targetType: "support_resource",
      targetId: id,
      detail: { change },
    },
    tx.now,
  );
}

export function addSupportResource(ctx: Context, input: SupportResourceInput) {
  authorize(ctx.actor, "organisation.manage");
  return inTransaction(ctx, (tx) => {
    const { db, actor, now } = tx;
    const last = db
      .select({ max: sql<number | null>`max(${supportResources.position})` })
      .from(supportResources)
      .where(eq(supportResources.orgId, actor.orgId))
      .get();
    const id = newId();
    db.insert(supportResources)
      .values({ ...input, id, orgId: actor.orgId, position: (last?.max ?? -1) + 1, updatedAt: now })
      .run();
    audit(tx, "added", id);
    return id;
  });
}

export function updateSupportResource(ctx: Context, id: string, input: SupportResourceInput) {
  inTransaction(ctx, (tx) => {
    const row = supportResource(tx, id);
    tx.db
      .update(supportResources)
      .set({ ...input, updatedAt: tx.now })
      .where(and(eq(supportResources.id, row.id), eq(supportResources.orgId, row.orgId)))
      .run();
    audit(tx, "updated", row.id);
  });
}

export function deleteSupportResource(ctx: Context, id: string) {
  inTransaction(ctx, (tx) => {
    const row = supportResource(tx, id);
    tx.db
      .delete(supportResources)
      .where(and(eq(supportResources.id, row.id), eq(supportResources.orgId, row.orgId)))
      .run();
    audit(tx, "deleted", row.id);
  });
}

/** Swaps a resource with its neighbour, so the order learners see can be set from the keyboard. */
export function moveSupportResource(ctx: Context, id: string, direction: "up" | "down") {
  inTransaction(ctx, (tx) => {
    const row = supportResource(tx, id);
    const { db, actor } = tx;
    const all = listSupportResources(db, actor.orgId);
    const index = all.findIndex((r) => r.id === row.id);
    const other = all[direction === "up" ? index - 1 : index + 1];
    if (!other) return;
    db.update(supportResources)
      .set({ position: other.position })
      .where(and(eq(supportResources.id, row.id), eq(supportResources.orgId, actor.orgId)))
      .run();
    db.update(supportResources)
      .set({ position: row.position })
      .where(and(eq(supportResources.id, other.id), eq(supportResources.orgId, actor.orgId)))
      .run();
    audit(tx, `moved ${direction}`, id);
  });
}
