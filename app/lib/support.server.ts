import type { AppLoadContext } from "@remix-run/node";
import { actorFor, getOrganisation } from "../../modules/organisations/service";
import { DEFAULT_SUPPORT_RESOURCES, isReachable, reachableSupportResources } from "../../modules/organisations/support";
import { getSession } from "./auth.server";

/**
 * The support resources for whoever is asking: their organisation's list, or the UK defaults for
 * someone not signed in. This page never requires logging in.
 */
export async function supportFor(request: Request, context: AppLoadContext) {
  const session = await getSession(request, context);
  const { db } = context.runtime;
  const actor = session?.currentOrgId ? actorFor(db, session.currentOrgId, session.user.id) : null;
  if (!actor)
    return {
      organisation: null,
      resources: DEFAULT_SUPPORT_RESOURCES.filter(isReachable).map((r, i) => ({ ...r, id: `default-${i}` })),
    };
  return {
    organisation: getOrganisation(db, actor.orgId)?.name ?? null,
    resources: reachableSupportResources(db, actor.orgId),
  };
}
