import { z } from "zod";
import { accountFields } from "../accounts/schemas";

/** A new person's account, made as they join through an invitation link. */
export const joinNewAccountSchema = z.object(accountFields);
