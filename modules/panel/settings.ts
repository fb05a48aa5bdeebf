import { eq } from "drizzle-orm";
import type { DB } from "../../db/client";
import { panelSettings, type RubricItem } from "../../db/schema";
import { recordAudit } from "../audit/service";
import { type Context, inTransaction } from "../auth/context";
import { authorize } from "../auth/policy";
import { newId } from "../shared/ids";
import { DEFAULT_RUBRIC } from "./rubric-file";

function settingsRow(db: DB, orgId: string) {
  return db.select().from(panelSettings).where(eq(panelSettings.orgId, orgId)).get();
}

/** Whether the organisation waits for the panel and a safeguarding reviewer before publishing. */
export function isPanelRequired(db: DB, orgId: string): boolean {
  return settingsRow(db, orgId)?.required ?? false;
}

/** The organisation's rubric: its own, or the default one until its admins change it. */
export function orgRubric(db: DB, orgId: string): readonly RubricItem[] {
  return settingsRow(db, orgId)?.rubric ?? DEFAULT_RUBRIC;
}

export function panelRequirement(ctx: Context) {
  authorize(ctx.actor, "organisation.manage");
  return { required: isPanelRequired(ctx.db, ctx.actor.orgId) };
}

/** The rubric as admins edit it, and whether it is still the default. */
export function rubricToManage(ctx: Context) {
  authorize(ctx.actor, "organisation.manage");
  const items = orgRubric(ctx.db, ctx.actor.orgId);
  return { items, isDefault: items === DEFAULT_RUBRIC };
}

function save(ctx: Context, change: { required?: boolean; rubric?: RubricItem[] }) {
  inTransaction(ctx, ({ db, actor, now }) => {
    db.insert(panelSettings)
      .values({ orgId: actor.orgId, required: change.required ?? false, rubric: change.rubric ?? null, updatedAt: now })
      .onConflictDoUpdate({ target: panelSettings.orgId, set: { ...change, updatedAt: now } })
      .run();
    recordAudit(
      db,
      { orgId: actor.orgId, actorUserId: actor.userId, action: "organisation.panel_signoff_changed" },
      now,
    );
  });
}

export function setPanelRequired(ctx: Context, input: { required: boolean }) {
  authorize(ctx.actor, "organisation.manage");
  save(ctx, { required: input.required });
}

/**
 * Saves the rubric from its questions, one to a line. A question kept word for word keeps its id, so
 * a form open while the rubric changes still answers the right questions; a new or reworded one gets
 * a new id. Earlier answers keep the wording they were given to.
 */
export function setRubric(ctx: Context, input: { questions: string[] }) {
  authorize(ctx.actor, "organisation.manage");
  const known = new Map(orgRubric(ctx.db, ctx.actor.orgId).map((i) => [i.question.toLowerCase(), i.id]));
  const rubric = input.questions.map((question) => ({
    id: known.get(question.toLowerCase()) ?? `q-${newId()}`,
    question,
  }));
  save(ctx, { rubric });
}
