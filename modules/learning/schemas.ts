import { z } from "zod";

export const REFLECTION_MAX = 5000;

const blockId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "That answer did not match this question.");

export const answerSchema = z.object({
  checkId: blockId,
  option: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(blockId).min(1, "Choose an answer first.").max(6, "That answer did not match this question."),
  ),
});

export const reflectionBody = z
  .string({ message: "Write something first, or leave it for later." })
  .trim()
  .min(1, "Write something first, or leave it for later.")
  .max(REFLECTION_MAX, {
    error: (issue) =>
      `Keep a journal entry to ${REFLECTION_MAX.toLocaleString("en-GB")} characters. This one has ${String(issue.input).trim().length.toLocaleString("en-GB")}; you could split it into two.`,
  });

export const reflectionSchema = z.object({ promptId: blockId, body: reflectionBody });

export const journalEntrySchema = z.object({ body: reflectionBody });
