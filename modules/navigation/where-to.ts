import type { Context } from "../auth/context";
import { homeFor, navigationFor } from "../auth/policy";
import { getOrganisation } from "../organisations/service";
import { standingOf } from "../workshop/service";

/**
 * The header on every page for a member: the organisation they are in and the areas they can open,
 * from their roles and their place on modules.
 */
export function header(ctx: Context) {
  const org = getOrganisation(ctx.db, ctx.actor.orgId);
  return {
    organisation: org ? { name: org.name } : null,
    nav: navigationFor(ctx.actor, standingOf(ctx.db, ctx.actor)),
  };
}

/** Where a member's start page is: their most hands-on area, or their account when none is open to them. */
export function startPage(ctx: Context): string {
  return homeFor(ctx.actor, standingOf(ctx.db, ctx.actor));
}
