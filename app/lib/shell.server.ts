import type { AppLoadContext } from "@remix-run/node";
import { contextOf, currentActor } from "./auth.server";
import { navigation } from "./domain.server";

/** What the header needs on every page: who is signed in, where, and the areas they can open. */
export async function loadShell(request: Request, context: AppLoadContext) {
  const current = await currentActor(request, context);
  if (!current) return { user: null, organisation: null, nav: [] };
  const { session, actor } = current;
  const header = actor ? navigation.header(contextOf(context, actor)) : { organisation: null, nav: [] };
  return { user: { name: session.user.name }, ...header };
}
