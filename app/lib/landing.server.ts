import type { AppLoadContext } from "@remix-run/node";
import { homeFor } from "../../modules/auth/policy";
import { actorFor } from "../../modules/organisations/service";
import { standingOf } from "../../modules/workshop/service";
import { getSession } from "./auth.server";

/** Where a signed-in person's start page is; null for visitors. */
export async function landingTarget(request: Request, context: AppLoadContext): Promise<string | null> {
  const session = await getSession(request, context);
  if (!session) return null;
  const actor = session.currentOrgId ? actorFor(context.runtime.db, session.currentOrgId, session.user.id) : null;
  return actor ? homeFor(actor, standingOf(context.runtime.db, actor)) : "/account";
}
