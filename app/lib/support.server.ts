import type { AppLoadContext } from "@remix-run/node";
import { contextOf, currentActor } from "./auth.server";
import { organisations } from "./domain.server";

/**
 * The support resources for whoever is asking: their organisation's list, or the UK defaults for
 * someone not signed in (or in no organisation). This page never requires logging in.
 */
export async function supportFor(request: Request, context: AppLoadContext) {
  const current = await currentActor(request, context);
  if (!current?.actor) return { organisation: null, resources: organisations.VISITOR_SUPPORT };
  return organisations.supportNow(contextOf(context, current.actor));
}
