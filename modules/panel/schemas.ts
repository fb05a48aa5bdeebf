import { z } from "zod";
import { PANEL_KINDS, RUBRIC_ANSWERS } from "../../db/schema";

export type PanelKind = (typeof PANEL_KINDS)[number];
export type RubricAnswerValue = (typeof RUBRIC_ANSWERS)[number];

const QUESTION_MAX = 300;
const QUESTIONS_MAX = 30;

/** The organisation's rubric as admins type it: one question to a line, each kept once. */
export const rubricSchema = z.object({
  questions: z
    .string({ message: "Write at least one question." })
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim().replace(/\s+/g, " "))
        .filter((line) => line.length > 0),
    )
    .superRefine((lines, ctx) => {
      if (lines.length === 0)
        ctx.addIssue({
          code: "custom",
          message: "Keep at least one question: the panel and safeguarding reviewers answer each one.",
        });
      if (lines.length > QUESTIONS_MAX)
        ctx.addIssue({ code: "custom", message: `Keep the rubric to ${QUESTIONS_MAX} questions.` });
      const seen = new Set<string>();
      for (const line of lines) {
        if (line.length > QUESTION_MAX)
          ctx.addIssue({ code: "custom", message: `Each question can be at most ${QUESTION_MAX} characters.` });
        const key = line.toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: "custom", message: `“${line}” is there twice: keep it once.` });
        seen.add(key);
      }
    }),
});

export const panelRequiredSchema = z.object({ required: z.literal("yes").optional() }).transform((v) => ({
  required: v.required === "yes",
}));

const NOTE_MAX = 2000;

/**
 * A panel or safeguarding form: the revision the person saw, which role they answer as, and for each
 * question `answer-<id>` and `note-<id>`. The questions are the organisation's own, so the use case
 * checks that every one is answered.
 */
export const panelSignoffSchema = z
  .object({
    revision: z.coerce.number({ message: "Reload the page and try again." }).int().min(1),
    kind: z.enum(PANEL_KINDS, { message: "Reload the page and try again." }),
  })
  .catchall(z.unknown())
  .superRefine((value, ctx) => {
    for (const [key, v] of Object.entries(value)) {
      if (key.startsWith("answer-") && !(RUBRIC_ANSWERS as readonly unknown[]).includes(v))
        ctx.addIssue({ code: "custom", path: [key], message: "Choose Yes, Not yet or Not applicable." });
      if (key.startsWith("note-") && typeof v === "string" && v.length > NOTE_MAX)
        ctx.addIssue({ code: "custom", path: [key], message: "Keep each note to 2,000 characters." });
    }
  })
  .transform((value) => {
    const answers: Record<string, RubricAnswerValue> = {};
    const notes: Record<string, string> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key.startsWith("answer-")) answers[key.slice(7)] = v as RubricAnswerValue;
      if (key.startsWith("note-") && typeof v === "string" && v.trim()) notes[key.slice(5)] = v.trim();
    }
    return { revision: value.revision, kind: value.kind, answers, notes };
  });

export type PanelSignoffInput = z.infer<typeof panelSignoffSchema>;
