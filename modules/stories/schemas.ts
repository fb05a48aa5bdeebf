import { z } from "zod";
import { idSchema } from "../shared/ids";

/** A story is named by its module and its block's id (random, or written in a content file). */
export const storyRefSchema = z.object({
  moduleId: idSchema,
  storyId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "That story could not be found."),
});
export type StoryRefInput = z.infer<typeof storyRefSchema>;
