import { and, asc, eq, isNull, notExists } from "drizzle-orm";
import { memberships, moduleCollaborators, users } from "../../db/schema";
import type { Context } from "../auth/context";
import { colourFor } from "../collaboration/protocol";
import type { LiveDocuments } from "../collaboration/server";
import { renderDocumentHTML } from "../documents/render";
import { listCollaborators } from "./collaborators";
import { loadModule } from "./module-access";
import { TOPIC_LABELS } from "./schemas";
import { moduleFactsOf } from "./service";

/** What every page of a module shows at its top. */
export function moduleHeading(ctx: Context, moduleId: string) {
  const { module } = loadModule(ctx, moduleId);
  return {
    id: module.id,
    title: module.title,
    status: module.status,
    topicLabel: module.topic === "other" ? module.customTopic : TOPIC_LABELS[module.topic],
    originCredit: module.originCredit,
  };
}

/**
 * The Write page: what the person may do in the editor, the document as it stands (for the page
 * before the editor loads, and to place comment threads), and who can be mentioned.
 */
export function editorPage(ctx: Context, documents: LiveDocuments, moduleId: string) {
  const { access, module } = loadModule(ctx, moduleId);
  const doc = documents.current(moduleId);
  const { actor } = ctx;
  return {
    moduleId,
    user: { id: actor.userId, name: actor.name, color: colourFor(actor.userId) },
    canEdit: access.edit,
    canComment: access.comment,
    canModerate: access.facilitate,
    previewHTML: renderDocumentHTML(doc),
    people: listCollaborators(ctx.db, moduleId).map((c) => c.name),
    // Suggestions carry their author's id; the editor names them from this.
    names: Object.fromEntries(listCollaborators(ctx.db, moduleId).map((c) => [c.userId, c.name])),
    suggestOnly: access.edit && !access.facilitate && module.suggestionsOnly,
    doc,
  };
}

/** Members of the organisation who are not on the module now, who may be added to it. */
function candidatesFor(ctx: Context, moduleId: string) {
  return ctx.db
    .select({ userId: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, ctx.actor.orgId),
        notExists(
          ctx.db
            .select({ userId: moduleCollaborators.userId })
            .from(moduleCollaborators)
            .where(
              and(
                eq(moduleCollaborators.moduleId, moduleId),
                eq(moduleCollaborators.userId, memberships.userId),
                isNull(moduleCollaborators.removedAt),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(users.name))
    .all();
}

/** The Details and people page: the module's details and figures, who is on it, and who could be. */
export function modulePeople(ctx: Context, moduleId: string) {
  const { module, access } = loadModule(ctx, moduleId);
  return {
    module: {
      id: module.id,
      title: module.title,
      topic: module.topic,
      customTopic: module.customTopic,
      summary: module.summary,
      estimatedMinutes: module.estimatedMinutes,
      archived: module.status === "archived",
      suggestionsOnly: module.suggestionsOnly,
    },
    facts: moduleFactsOf(ctx.db, moduleId),
    collaborators: listCollaborators(ctx.db, moduleId).map((c) => ({
      userId: c.userId,
      name: c.name,
      role: c.role,
      addedAt: c.addedAt,
    })),
    candidates: access.facilitate ? candidatesFor(ctx, moduleId) : [],
    me: ctx.actor.userId,
    canFacilitate: access.facilitate,
  };
}
