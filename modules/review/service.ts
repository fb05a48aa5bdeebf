import { and, eq, sql } from "drizzle-orm";
import type { DB } from "../../db/client";
import { moduleFacts, signoffs } from "../../db/schema";
import { recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import type { LiveDocuments } from "../collaboration/server";
import type { DocJSON } from "../documents/json";
import { storyProblems } from "../documents/stories";
import { writingHints } from "../documents/writing-hints";
import { recordSnapshot } from "../history/service";
import { graphicDetailWords } from "../organisations/writing-words";
import { ForbiddenError, InvalidError } from "../shared/errors";
import { newId } from "../shared/ids";
import { listCollaborators } from "../workshop/collaborators";
import { loadModule } from "../workshop/module-access";
import { setModuleStatus } from "../workshop/status";
import { checklistHints, SAFETY_CHECKS, type SafetyCheckId } from "./checklist";
import { publicationOf, statusLabel } from "./publication";
import { openSuggestionsOf, refuseOpenSuggestions } from "./suggestions";

export type SignoffState = "signed_off" | "stale" | "changes_requested" | "waiting";

export function currentRevision(db: DB, moduleId: string): number {
  return (
    db.select({ r: moduleFacts.revision }).from(moduleFacts).where(eq(moduleFacts.moduleId, moduleId)).get()?.r ?? 1
  );
}

/**
 * Where review stands: each current collaborator's latest word, judged against the current
 * revision. A sign-off for an older revision is stale: the module changed after it. Call it after a
 * scoped load of the module.
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

/** The module's status as people read it: a published one names its version and says whether the draft moved on. */
export function moduleStatus(ctx: Context, documents: LiveDocuments, moduleId: string) {
  const { module } = loadModule(ctx, moduleId);
  const publication =
    module.status === "published" ? publicationOf(ctx.db, moduleId, documents.current(moduleId)) : null;
  return { status: module.status, label: statusLabel(module.status, publication), publication };
}

/** Each point of the safety checklist, with what the document itself suggests about it. */
function facilitatorChecklist(doc: DocJSON) {
  const hints = checklistHints(doc);
  return SAFETY_CHECKS.map((c) => ({ id: c.id, label: c.label, hint: hints[c.id].hint }));
}

/**
 * The Review page: where review stands for the revision the live document is at now (so people sign
 * off what they see), the latest publication, and for facilitators what the document suggests for
 * each point of the safety checklist.
 */
export async function reviewPage(ctx: Context, documents: LiveDocuments, moduleId: string) {
  const { module, role, access } = loadModule(ctx, moduleId);
  await documents.settle(moduleId);
  const doc = documents.current(moduleId);
  return {
    moduleId,
    status: module.status,
    publication: publicationOf(ctx.db, moduleId, doc),
    review: reviewState(ctx.db, moduleId),
    me: ctx.actor.userId,
    myRole: role,
    canFacilitate: access.facilitate,
    checklist: role === "facilitator" ? facilitatorChecklist(doc) : null,
    // For everyone who reviews, the panel too: hints never block signing off or publishing.
    writingHints: writingHints(doc, { graphicWords: graphicDetailWords(ctx) }),
    openSuggestions: openSuggestionsOf(ctx.db, moduleId, doc),
  };
}

/** Only the module's current collaborators sign off, and only while it is in review. */
function loadForSignoff(ctx: Context, moduleId: string) {
  const opened = loadModule(ctx, moduleId);
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
 * Signs off the revision the person saw. It must still be the current one, once the live document's
 * latest edits are counted, and has no open suggestions. Facilitators answer the safety checklist, and the answers are kept with
 * their sign-off.
 */
export async function signOff(
  ctx: Context,
  documents: LiveDocuments,
  moduleId: string,
  input: { revision: number; checks: Partial<Record<SafetyCheckId, boolean>> },
) {
  loadForSignoff(ctx, moduleId);
  await documents.settle(moduleId);
  const [storyProblem] = storyProblems(documents.current(moduleId));
  if (storyProblem) throw new InvalidError(storyProblem, "form");
  refuseOpenSuggestions(documents.current(moduleId), "Sign-off");
  recordSignOff(ctx, moduleId, input);
}

/** A sign-off against the revision as stored now: `signOff` brings it up to date with the live document first. */
export function recordSignOff(
  ctx: Context,
  moduleId: string,
  input: { revision: number; checks: Partial<Record<SafetyCheckId, boolean>> },
) {
  inTransaction(ctx, (tx) => {
    const { db, actor, now } = tx;
    const { role } = loadForSignoff(tx, moduleId);
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
    tx.events.emit({ type: "review.changed", moduleId });
  });
}

export async function requestChanges(
  ctx: Context,
  documents: LiveDocuments,
  moduleId: string,
  input: { revision: number; note: string },
) {
  loadForSignoff(ctx, moduleId);
  await documents.settle(moduleId);
  inTransaction(ctx, (tx) => {
    loadForSignoff(tx, moduleId);
    const revision = requireCurrent(tx.db, moduleId, input.revision);
    tx.db
      .insert(signoffs)
      .values({
        id: newId(),
        moduleId,
        userId: tx.actor.userId,
        revision,
        decision: "changes_requested",
        note: input.note,
        createdAt: tx.now,
      })
      .run();
    tx.events.emit({ type: "review.changed", moduleId });
  });
}

/**
 * Moves a draft into review, snapshotting what everyone is asked to agree: the live document, with
 * its latest edits counted.
 */
export async function startReview(ctx: Context, documents: LiveDocuments, moduleId: string) {
  loadModule(ctx, moduleId, "facilitate");
  await documents.settle(moduleId);
  beginReview(ctx, moduleId, documents.current(moduleId));
}

/**
 * Moves a module into review with `doc` as what everyone is asked to agree. A published module goes
 * back into review only once its draft differs from the latest version (one withdrawn from new
 * courses is a draft again, and may be reviewed and published as it is).
 */
export function beginReview(ctx: Context, moduleId: string, doc: DocJSON) {
  inTransaction(ctx, (tx) => {
    const { db, actor, now } = tx;
    const { module } = loadModule(tx, moduleId, "facilitate");
    if (module.status === "archived") throw new InvalidError("Bring the module back from the archive first.");
    if (module.status === "in_review") return;
    const publication = module.status === "published" ? publicationOf(db, moduleId, doc) : null;
    if (publication && !publication.draftChanged) {
      throw new InvalidError(
        `Nothing has changed since version ${publication.version} was published, so there is nothing new to review. Make the changes in Write first.`,
      );
    }
    setModuleStatus(db, moduleId, "in_review", now);
    recordSnapshot(db, { moduleId, name: "Review started", kind: "review", userId: actor.userId, doc }, now);
    recordAudit(
      db,
      {
        orgId: actor.orgId,
        actorUserId: actor.userId,
        action: "module.review_started",
        targetType: "module",
        targetId: moduleId,
      },
      now,
    );
    tx.events.emit({ type: "review.changed", moduleId });
  });
}

/** Takes a module out of review without publishing (for more work). Sign-offs stay as history. */
export function returnToDraft(ctx: Context, moduleId: string) {
  inTransaction(ctx, (tx) => {
    const { module } = loadModule(tx, moduleId, "facilitate");
    if (module.status !== "in_review") return;
    setModuleStatus(tx.db, moduleId, "draft", tx.now);
    tx.events.emit({ type: "review.changed", moduleId });
  });
}
