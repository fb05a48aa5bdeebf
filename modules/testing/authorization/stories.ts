import type { Context } from "../../auth/context";
import * as api from "../../stories/index";
import { storeCollab } from "../collab";
import { doc, p, text } from "../documents";
import { publishedModule } from "../published-module";
import { type CasesFor, EVERYONE } from "./cases";
import type { OrgWorld } from "./world";

/** A module of the organisation, published with a story the organisation's learner told. */
function learnersStory(ctx: Context, on: OrgWorld) {
  const storyteller = on.people.learner.userId;
  const { moduleId } = publishedModule(ctx.db, {
    orgId: on.orgId,
    by: on.people.facilitator.userId,
    title: "A story",
    doc: doc({
      type: "story",
      attrs: { id: "told", storyteller, credit: "named", scope: "module", reviewOn: "" },
      content: [p(text("What happened to me."))],
    }),
  });
  return { moduleId, storyId: "told" };
}

/** Stories are their storytellers': only they see their list, withdraw or confirm one. */
export const cases: CasesFor<typeof api> = {
  myStories: {
    allowed: EVERYONE,
    ownOnly: true,
    run: (ctx) => api.myStories(ctx, storeCollab(ctx.db)),
  },
  withdrawStory: {
    allowed: ["learner"],
    run: (ctx, on) => api.withdrawStory(ctx, storeCollab(ctx.db), learnersStory(ctx, on)),
  },
  confirmStory: {
    allowed: ["learner"],
    run: (ctx, on) => api.confirmStory(ctx, storeCollab(ctx.db), learnersStory(ctx, on)),
  },
  storytellerChoices: {
    allowed: ["facilitator", "co_designer"],
    run: (ctx, on) => api.storytellerChoices(ctx, on.moduleId),
  },
};
