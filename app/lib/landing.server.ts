import type { AppLoadContext } from "@remix-run/node";
import { contextOf, currentActor } from "./auth.server";
import { navigation } from "./domain.server";

/** Where a signed-in person's start page is; null for visitors. */
export async function landingTarget(request: Request, context: AppLoadContext): Promise<string | null> {
  const current = await currentActor(request, context);
  if (!current) return null;
  return current.actor ? navigation.startPage(contextOf(context, current.actor)) : "/account";
}
