import type { AppLoadContext } from "@remix-run/node";
import { navigationFor } from "../../modules/auth/policy";
import { actorFor, getOrganisation } from "../../modules/organisations/service";
import { getSession } from "./auth.server";

/** What the header needs on every page: who is signed in, where, and the areas their roles open. */
export async function loadShell(request: Request, context: AppLoadContext) {
  const session = await getSession(request, context);
  if (!session) return { user: null, organisation: null, nav: [] };
  const { db } = context.runtime;
  const actor = session.currentOrgId ? actorFor(db, session.currentOrgId, session.user.id) : null;
  const org = actor ? getOrganisation(db, actor.orgId) : undefined;
  return {
    user: { name: session.user.name },
    organisation: org ? { name: org.name } : null,
    nav: actor ? navigationFor(actor) : [],
  };
}
