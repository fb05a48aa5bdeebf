import type { Context } from "../auth/context";
import { loadDocumentJSON } from "../collaboration/store";
import { withoutSuggestions } from "../documents/suggestions";
import { gradeAnswer } from "../learning/grading";
import { type Part, sectionParts, versionSections } from "../learning/player";
import { contentNoteOf } from "../learning/section";
import { storiesShown } from "../learning/stories";
import { InvalidError, NotFoundError } from "../shared/errors";
import { loadModule } from "../workshop/module-access";

export type PreviewAnswer = { checkId: string; chosen: string[] };

/**
 * The draft as it is stored now (every change is saved as it arrives), with its open suggestions
 * rejected, cut into the learner's sections.
 */
function draftSection(ctx: Context, moduleId: string, index: number) {
  const { module } = loadModule(ctx, moduleId);
  const sections = versionSections(withoutSuggestions(loadDocumentJSON(ctx.db, moduleId)));
  const section = sections[index - 1];
  if (!section) throw new NotFoundError("That section");
  return { module, sections, section, parts: sectionParts(section) };
}

function checkIn(parts: Part[], checkId: string) {
  const check = parts.find((p): p is Extract<Part, { kind: "check" }> => p.kind === "check" && p.id === checkId);
  if (!check) throw new InvalidError("That question is not part of this section.");
  return check;
}

/**
 * One section of a module's draft, shaped as the learner's section page is, for anyone who may see
 * the draft. Nothing is read from or written to anyone's progress or journal: an answer tried in
 * preview travels in the address and is marked here, and reflections are never taken.
 */
export function previewSection(ctx: Context, moduleId: string, index: number, answer?: PreviewAnswer | null) {
  const { module, sections, section, parts } = draftSection(ctx, moduleId, index);
  const marked = (check: Extract<Part, { kind: "check" }>) => {
    if (answer?.checkId !== check.id) return null;
    try {
      const { chosen, correct } = gradeAnswer(check, answer.chosen);
      return { answer: chosen, correct };
    } catch {
      // An address edited by hand: the check shows as not yet answered.
      return null;
    }
  };
  return {
    module: { id: module.id, title: module.title, sectionCount: sections.length },
    section: { index: section.index, title: section.title, contentNote: contentNoteOf(section) },
    parts: storiesShown(ctx.db, module.id, parts).map((p) => {
      if (p.kind === "check") return { ...p, answer: marked(p) };
      if (p.kind === "reflection") return { ...p, saved: null };
      return p;
    }),
    previous: section.index > 1 ? section.index - 1 : null,
    next: section.index < sections.length ? section.index + 1 : null,
  };
}

/** Marks an answer tried in preview, refusing one that is not this section's question or its answers. */
export function checkPreviewAnswer(ctx: Context, moduleId: string, index: number, answer: PreviewAnswer) {
  const { parts } = draftSection(ctx, moduleId, index);
  const check = checkIn(parts, answer.checkId);
  return { checkId: check.id, ...gradeAnswer(check, answer.chosen) };
}
