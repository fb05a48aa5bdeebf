import type { DB } from "../../db/client";
import { contextFor } from "../auth/context";
import type { Actor } from "../auth/policy";
import { learnerPlace } from "../learning/place";
import { answerCheck, recordStep } from "../learning/steps";

/**
 * A learner working through one of their enrolments the way the section page does: each step
 * resolves its place (every id checked) and records through the player's own commands.
 */
export function learnerIn(db: DB, actor: Actor, enrolmentId: string) {
  const placeAt = (moduleVersionId: string, section: number, now: Date) => {
    const ctx = contextFor(db, actor, now);
    return { ctx, place: learnerPlace(ctx, { enrolmentId, moduleVersionId, section }) };
  };
  return {
    view(moduleVersionId: string, section: number, kind: "viewed" | "skipped" = "viewed", now = new Date()) {
      const { ctx, place } = placeAt(moduleVersionId, section, now);
      return recordStep(ctx, place, kind);
    },
    answer(moduleVersionId: string, section: number, checkId: string, chosen: string[], now = new Date()) {
      const { ctx, place } = placeAt(moduleVersionId, section, now);
      const { correct } = answerCheck(ctx, place, { checkId, chosen });
      return { correct };
    },
  };
}
