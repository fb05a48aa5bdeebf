import { z } from "zod";
import { isSuggestionId } from "../documents/suggestion-ids";

export const COMMENT_MAX = 2000;

export const commentBody = z
  .string({ message: "Write a comment first." })
  .trim()
  .min(1, "Write a comment first.")
  .max(COMMENT_MAX, {
    error: (issue) =>
      `Keep a comment to ${COMMENT_MAX.toLocaleString("en-GB")} characters. This one has ${String(issue.input).length.toLocaleString("en-GB")}.`,
  });

const id = z.string().regex(/^[A-Za-z0-9_-]{22}$/, "That comment could not be found.");

export const newThreadSchema = z.object({
  quote: z.string().trim().min(1, "Select some text to comment on first.").max(500, "Select less text to comment on."),
  body: commentBody,
});

export const replySchema = z.object({ threadId: id, body: commentBody });

export const threadActionSchema = z.object({ threadId: id });

export const hideSchema = z.object({
  commentId: id,
  reason: z
    .string({ message: "Say why you are hiding it." })
    .trim()
    .min(1, "Say why you are hiding it.")
    .max(300, "Keep the reason to 300 characters."),
});

const suggestionId = z
  .string({ message: "That suggestion could not be found." })
  .refine(isSuggestionId, "That suggestion could not be found.");

export const suggestionReplySchema = z.object({ suggestionId, body: commentBody });

/** One suggestion or several (all of one person's, decided at once). */
export const settleSuggestionSchema = z.object({
  suggestionIds: z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(suggestionId).min(1).max(500)),
  outcome: z.enum(["accepted", "rejected"], { message: "Say whether the suggestion was accepted or rejected." }),
});
