import { z } from "zod";
import { idSchema } from "../shared/ids";

/** Dismissing one notice names it; dismissing them all names none. A malformed id dismisses nothing. */
export const dismissSchema = z.object({ noticeId: idSchema.optional().catch(undefined) });
