import { z } from "zod";
import type { Context } from "../auth/context";
import { authorize } from "../auth/policy";
import { listStarterModules, startFromStarter } from "./starter";

/** Which starter module to begin from: one that is not there is "not found" when it is looked up. */
export const starterChoiceSchema = z.object({ slug: z.string({ message: "Choose a starter module." }).max(100) });

/** The starter modules a facilitator may begin a new module from, in curriculum order. */
export function starterModules(ctx: Context) {
  authorize(ctx.actor, "module.create");
  return listStarterModules().map((s) => ({
    slug: s.slug,
    title: s.details.title,
    summary: s.details.summary,
    minutes: s.details.estimatedMinutes,
  }));
}

/** A new draft module from one starter module, with the facilitator who made it as its first collaborator. */
export function newModuleFromStarter(ctx: Context, slug: string) {
  authorize(ctx.actor, "module.create");
  return startFromStarter(ctx.db, { orgId: ctx.actor.orgId, createdBy: ctx.actor.userId, slug }, ctx.now);
}
