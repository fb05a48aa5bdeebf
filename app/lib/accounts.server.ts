import type { AppLoadContext } from "@remix-run/node";
import { authenticate } from "../../modules/accounts/service";
import { contextOf, firstActor, startSession } from "./auth.server";
import { navigation } from "./domain.server";

export { changePasswordSchema, loginSchema, profileSchema } from "../../modules/accounts/schemas";
export { changePassword, updateProfileName } from "../../modules/accounts/service";

const FAILED = "That email and password do not match an account. Check them and try again.";
const THROTTLED = "There have been too many attempts to log in. For your safety, please wait 15 minutes and try again.";

/** Checks the credentials and starts a fresh session in the person's first organisation. */
export async function logIn(
  request: Request,
  context: AppLoadContext,
  input: { email: string; password: string },
): Promise<{ ok: true; cookie: string; home: string } | { ok: false; message: string }> {
  const { db } = context.runtime;
  const result = await authenticate(db, { ...input, ip: context.ip });
  if (!result.ok) return { ok: false, message: result.reason === "throttled" ? THROTTLED : FAILED };
  const actor = firstActor(context, result.user.id);
  const cookie = await startSession(request, context, result.user.id, actor?.orgId ?? null);
  return { ok: true, cookie, home: actor ? navigation.startPage(contextOf(context, actor)) : "/account" };
}
