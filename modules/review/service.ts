import { and, desc, eq, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { moduleFacts, modules, signoffs } from "../../db/schema";
import { recordAudit } from "../audit/service";
import type { Actor } from "../auth/policy";
import type { DocJSON } from "../documents/json";
import { takeSnapshot } from "../history/service";
import { publicationOf } from "../publishing/publication";
import { ForbiddenError, InvalidError } from "../shared/errors";
import { newId } from "../shared/ids";
import { listCollaborators } from "../workshop/collaborators";
import { openModule, requireFacilitation } from "../workshop/service";
import { SAFETY_CHECKS, type SafetyCheckId } from "./checklist";

export type SignoffState = "signed_off" | "stale" | "changes_requested" | "waiting";

export function currentRevision(db: DB, moduleId: string): number {
  return (
    db.select({ r: moduleFacts.revision }).from(moduleFacts).where(eq(moduleFacts.moduleId, moduleId)).get()?.r ?? 1
  );
}

/**
 * Where review stands: each current collaborator's latest word, judged against the current
 * revision. A sign-off for an older revision is stale: the module changed after it.
 */
export function reviewState(db: DB, moduleId: string) {
  const revision = currentRevision(db, moduleId);
  const latest = db
    .select()
    .from(signoffs)
    .where(
      and(
        eq(signoffs.moduleId, moduleId),
        sql`${signoffs.createdAt} = (select max(s2.created_at) from ${signoffs} s2 where s2.module_id = ${signoffs.moduleId} and s2.user_id = ${signoffs.userId})`,
      ),
    )
    .all();
  const byUser = new Map(latest.map((s) => [s.userId, s]));
  const people = listCollaborators(db, moduleId).map((c) => {
    const s = byUser.get(c.userId);
    const state: SignoffState = !s
      ? "waiting"
      : s.decision === "changes_requested"
        ? "changes_requested"
        : s.revision === revision
          ? "signed_off"
          : "stale";
    return {
      userId: c.userId,
      name: c.name,
      role: c.role,
      state,
      revision: s?.revision ?? null,
      note: s?.note ?? "",
      at: s?.createdAt ?? null,
    };
  });
  const waitingFor = people.filter((p) => p.state !== "signed_off");
  return { revision, people, ready: people.length > 0 && waitingFor.length === 0, waitingFor };
}

function requireReviewer(db: DB, actor: Actor, moduleId: string) {
  const opened = openModule(db, actor, moduleId);
  if (!opened.role) throw new ForbiddenError("Only the module's collaborators sign it off.");
  if (opened.module.status !== "in_review") {
    throw new InvalidError("This module is not in review yet. A facilitator starts the review.", "form");
  }
  return opened;
}

function requireCurrent(db: DB, moduleId: string, revision: number) {
  const current = currentRevision(db, moduleId);
  if (revision !== current) {
    throw new InvalidError(
      `The module has changed since you opened this page (you saw revision ${revision}; it is now revision ${current}). Read the latest version, then sign off again.`,
      "revision",
    );
  }
  return current;
}

/**
 * Signs off the revision the person saw. It must still be the current one. Facilitators answer
 * the safety checklist, and the answers are kept with their sign-off.
 */
export function signOff(
  db: DB,
  actor: Actor,
  moduleId: string,
  input: { revision: number; checks: Partial<Record<SafetyCheckId, boolean>> },
  now = new Date(),
) {
  const { role } = requireReviewer(db, actor, moduleId);
  const revision = requireCurrent(db, moduleId, input.revision);
  let checklist: Record<string, boolean> | null = null;
  if (role === "facilitator") {
    const unanswered = SAFETY_CHECKS.filter((c) => !input.checks[c.id]);
    if (unanswered.length > 0) {
      throw new InvalidError(
        "As a facilitator, confirm each point of the safety checklist before you sign off. If one is not true yet, ask for changes instead.",
        unanswered[0]?.id,
      );
    }
    checklist = Object.fromEntries(SAFETY_CHECKS.map((c) => [c.id, true]));
  }
  db.insert(signoffs)
    .values({
      id: newId(),
      moduleId,
      userId: actor.userId,
      revision,
      decision: "signed_off",
      checklist,
      createdAt: now,
    })
    .run();
  recordAudit(
    db,
    {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      action: "module.signed_off",
      targetType: "module",
      targetId: moduleId,
      detail: { revision },
    },
    now,
  );
}

export function requestChanges(
  db: DB,
  actor: Actor,
  moduleId: string,
  input: { revision: number; note: string },
  now = new Date(),
) {
  requireReviewer(db, actor, moduleId);
  const revision = requireCurrent(db, moduleId, input.revision);
  db.insert(signoffs)
    .values({
      id: newId(),
      moduleId,
      userId: actor.userId,
      revision,
      decision: "changes_requested",
      note: input.note,
      createdAt: now,
    })
    .run();
}

/**
 * Moves a draft into review, snapshotting what everyone is asked to agree. A published module goes
 * back into review only once its draft differs from the latest version (one withdrawn from new
 * courses is a draft again, and may be reviewed and published as it is).
 */
export function startReview(db: DB, actor: Actor, moduleId: string, doc: DocJSON, now = new Date()) {
  const { module } = requireFacilitation(db, actor, moduleId);
  if (module.status === "archived") throw new InvalidError("Bring the module back from the archive first.");
  if (module.status === "in_review") return;
  const publication = module.status === "published" ? publicationOf(db, moduleId, doc) : null;
  if (publication && !publication.draftChanged) {
    throw new InvalidError(
      `Nothing has changed since version ${publication.version} was published, so there is nothing new to review. Make the changes in Write first.`,
    );
  }
  db.transaction((tx) => {
    tx.update(modules).set({ status: "in_review", updatedAt: now }).where(eq(modules.id, moduleId)).run();
    takeSnapshot(tx, { moduleId, name: "Review started", kind: "review", userId: actor.userId, doc }, now);
    recordAudit(
      tx,
      {
        orgId: actor.orgId,
        actorUserId: actor.userId,
        action: "module.review_started",
        targetType: "module",
        targetId: moduleId,
      },
      now,
    );
  });
}

/** Takes a module out of review without publishing (for more work). Sign-offs stay as history. */
export function returnToDraft(db: DB, actor: Actor, moduleId: string, now = new Date()) {
  const { module } = requireFacilitation(db, actor, moduleId);
  if (module.status !== "in_review") return;
  db.update(modules).set({ status: "draft", updatedAt: now }).where(eq(modules.id, moduleId)).run();
}

/** Sign-off history, newest first (for the activity feed and the review page). */
export function signoffHistory(db: DB, moduleId: string) {
  return db.select().from(signoffs).where(eq(signoffs.moduleId, moduleId)).orderBy(desc(signoffs.createdAt)).all();
}
