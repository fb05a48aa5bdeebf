import type { AppLoadContext } from "@remix-run/node";
import { navigationFor } from "../../modules/auth/policy";
import { getOrganisation } from "../../modules/organisations/service";
import { standingOf } from "../../modules/workshop/service";
import { currentActor } from "./auth.server";

/** What the header needs on every page: who is signed in, where, and the areas they can open. */
export async function loadShell(request: Request, context: AppLoadContext) {
  const current = await currentActor(request, context);
  if (!current) return { user: null, organisation: null, nav: [] };
  const { session, actor } = current;
  const org = actor ? getOrganisation(context.runtime.db, actor.orgId) : undefined;
  return {
    user: { name: session.user.name },
    organisation: org ? { name: org.name } : null,
    nav: actor ? navigationFor(actor, standingOf(context.runtime.db, actor)) : [],
  };
}
