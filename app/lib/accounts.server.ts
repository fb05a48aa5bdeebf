import type { AppLoadContext } from "@remix-run/node";
import { authenticate } from "../../modules/accounts/service";
import { homeFor } from "../../modules/auth/policy";
import { actorFor, organisationsOf } from "../../modules/organisations/service";
import { standingOf } from "../../modules/workshop/service";
import { startSession } from "./auth.server";

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
  const org = organisationsOf(db, result.user.id)[0];
  const actor = org ? actorFor(db, org.id, result.user.id) : null;
  const cookie = await startSession(request, context, result.user.id, org?.id ?? null);
  return { ok: true, cookie, home: actor ? homeFor(actor, standingOf(db, actor)) : "/account" };
}
