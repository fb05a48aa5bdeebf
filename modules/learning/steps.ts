import type { Context } from "../auth/context";
import { recordProgress } from "../progress/record";
import { InvalidError } from "../shared/errors";
import { gradeAnswer } from "./grading";
import { saveReflection } from "./journal";
import type { LearnerPlace, Place } from "./place";
import { checkInSection, nextPlace, reflectionInSection } from "./section";
import { planOf, rememberPlace } from "./service";

/**
 * What a learner does in a section, each against a place already resolved by `learnerPlace`, so the
 * enrolment, module version and section are known to belong together before anything is written.
 */

export const NOTHING_TO_SKIP =
  "This section has no content note, so there is nothing to skip. Read it at your own pace, then choose Next.";

/**
 * The learner finished reading a section ("viewed") or chose to skip it for now, with no penalty.
 * Skipping is for sections with a content note: anywhere else it would let someone reach the end
 * without reading. Returns where the learner goes next, or null at the end of the course.
 */
export function recordStep(ctx: Context, place: LearnerPlace, kind: "viewed" | "skipped"): Place | null {
  if (kind === "skipped" && place.section.contentNotes.length === 0) throw new InvalidError(NOTHING_TO_SKIP);
  const { enrolment, version, module, section } = place;
  ctx.db.transaction((tx) => {
    const step = { kind, moduleId: module.moduleId, moduleVersionId: module.versionId, section: section.index };
    recordProgress(tx, planOf(tx, enrolment, version), step, ctx.now);
    rememberPlace(tx, enrolment.id, step, ctx.now);
  });
  return nextPlace(ctx.db, version, { moduleVersionId: module.versionId, section: section.index });
}

const NOT_IN_SECTION = "That question is not part of this section.";

/**
 * Checks an answer to one of the section's knowledge checks. A check id that is not in this section,
 * or option ids that are not that check's, are refused; a wrong answer can simply be tried again.
 */
export function answerCheck(ctx: Context, place: LearnerPlace, input: { checkId: string; chosen: string[] }) {
  const { enrolment, version, module, section } = place;
  const check = checkInSection(ctx.db, module.versionId, section.index, input.checkId);
  if (!check) throw new InvalidError(NOT_IN_SECTION);
  const { chosen, correct } = gradeAnswer(check, input.chosen);
  ctx.db.transaction((tx) => {
    const step = {
      kind: "answered" as const,
      moduleId: module.moduleId,
      moduleVersionId: module.versionId,
      section: section.index,
      checkId: check.id,
      correct,
      answer: chosen,
    };
    recordProgress(tx, planOf(tx, enrolment, version), step, ctx.now);
    rememberPlace(tx, enrolment.id, step, ctx.now);
  });
  return { checkId: check.id, correct };
}

/**
 * Saves the learner's private answer to one of the section's reflection prompts into their journal,
 * as its own entry for this course: the same prompt answered in another course is another entry.
 */
export function reflect(ctx: Context, place: LearnerPlace, input: { promptId: string; body: string }) {
  const { enrolment, version, module, section } = place;
  const prompt = reflectionInSection(ctx.db, module.versionId, section.index, input.promptId);
  if (!prompt) throw new InvalidError(NOT_IN_SECTION);
  const id = saveReflection(
    ctx.db,
    ctx.actor,
    {
      enrolmentId: enrolment.id,
      moduleVersionId: module.versionId,
      promptId: prompt.id,
      prompt: prompt.prompt,
      context: `${version.title}: ${module.title}`,
      body: input.body,
    },
    ctx.now,
  );
  return { id, promptId: prompt.id };
}
