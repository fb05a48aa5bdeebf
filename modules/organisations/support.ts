import { and, asc, eq, sql } from "drizzle-orm";
import defaults from "../../content/support-resources.json";
import type { DB } from "../../db/client";
import { supportResources } from "../../db/schema";
import { recordAudit } from "../audit/service";
import type { Context } from "../auth/context";
import type { Actor } from "../auth/policy";
import { NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";
import type { SupportResourceInput } from "./schemas";

export type SupportResource = typeof supportResources.$inferSelect;

export const DEFAULT_SUPPORT_RESOURCES: readonly SupportResourceInput[] = defaults;

export function addDefaultSupportResources(db: DB, orgId: string, now: Date) {
  db.insert(supportResources)
    .values(DEFAULT_SUPPORT_RESOURCES.map((r, position) => ({ ...r, id: newId(), orgId, position, updatedAt: now })))
    .run();
}

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

/** The support resources a person of the organisation is shown in training and on Support now. */
export function supportForLearners(ctx: Context): SupportResource[] {
  return reachableSupportResources(ctx.db, ctx.actor.orgId);
}

function resourceInOrg(db: DB, orgId: string, id: string) {
  const row = db.select().from(supportResources).where(eq(supportResources.id, id)).get();
  if (!row || row.orgId !== orgId) throw new NotFoundError("That support resource");
  return row;
}

function audit(db: DB, actor: Actor, change: string, id: string, now: Date) {
  recordAudit(
    db,
    {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: "support_resources.changed",
      targetType: "support_resource",
      targetId: id,
      detail: { change },
    },
    now,
  );
}

export function addSupportResource(db: DB, actor: Actor, input: SupportResourceInput, now = new Date()) {
  return db.transaction((tx) => {
    const last = tx
      .select({ max: sql<number | null>`max(${supportResources.position})` })
      .from(supportResources)
      .where(eq(supportResources.orgId, actor.orgId))
      .get();
    const id = newId();
    tx.insert(supportResources)
      .values({ ...input, id, orgId: actor.orgId, position: (last?.max ?? -1) + 1, updatedAt: now })
      .run();
    audit(tx, actor, "added", id, now);
    return id;
  });
}

export function updateSupportResource(db: DB, actor: Actor, id: string, input: SupportResourceInput, now = new Date()) {
  db.transaction((tx) => {
    resourceInOrg(tx, actor.orgId, id);
    tx.update(supportResources)
      .set({ ...input, updatedAt: now })
      .where(eq(supportResources.id, id))
      .run();
    audit(tx, actor, "updated", id, now);
  });
}

export function deleteSupportResource(db: DB, actor: Actor, id: string, now = new Date()) {
  db.transaction((tx) => {
    resourceInOrg(tx, actor.orgId, id);
    tx.delete(supportResources).where(eq(supportResources.id, id)).run();
    audit(tx, actor, "deleted", id, now);
  });
}

/** Swaps a resource with its neighbour, so the order learners see can be set from the keyboard. */
export function moveSupportResource(db: DB, actor: Actor, id: string, direction: "up" | "down", now = new Date()) {
  db.transaction((tx) => {
    const row = resourceInOrg(tx, actor.orgId, id);
    const all = listSupportResources(tx, actor.orgId);
    const index = all.findIndex((r) => r.id === row.id);
    const other = all[direction === "up" ? index - 1 : index + 1];
    if (!other) return;
    tx.update(supportResources)
      .set({ position: other.position })
      .where(and(eq(supportResources.id, row.id), eq(supportResources.orgId, actor.orgId)))
      .run();
    tx.update(supportResources)
      .set({ position: row.position })
      .where(and(eq(supportResources.id, other.id), eq(supportResources.orgId, actor.orgId)))
      .run();
    audit(tx, actor, `moved ${direction}`, id, now);
  });
}
