import { and, asc, eq, isNull } from "drizzle-orm";
import { memberships, modules, storyReviews, users } from "../../db/schema";
import { type Context, inTransaction } from "../auth/context";
import type { LiveDocuments } from "../collaboration/server";
import { ForbiddenError, NotFoundError } from "../shared/errors";
import { loadModule } from "../workshop/module-access";
import { recordWithdrawal, withdrawInDraft } from "./erase";
import type { StoryRefInput } from "./schemas";
import { storiesIn } from "./told";

const NOT_YOURS = "Only the person who shared this story can withdraw it.";

/**
 * Every story the person told, in every module of their organisation and every version of it, with
 * its review date and whether they were asked to look at it again. Anyone may ask: a story is theirs
 * whatever their roles.
 */
export function myStories(ctx: Context, documents: LiveDocuments) {
  const { db, actor } = ctx;
  const stories = storiesIn(db, actor.orgId, (id) => documents.current(id), { storytellerId: actor.userId });
  const asked = db
    .select()
    .from(storyReviews)
    .where(and(eq(storyReviews.storytellerId, actor.userId), eq(storyReviews.orgId, actor.orgId)))
    .all();
  return stories.map((story) => {
    const review = asked.find(
      (r) => r.moduleId === story.moduleId && r.storyId === story.id && r.reviewOn === story.reviewOn,
    );
    return { ...story, askedToReview: Boolean(review && !review.answer), confirmed: review?.answer === "confirmed" };
  });
}

/** The story as its storyteller may act on it: in their organisation (else not found), and theirs (else refused). */
function ownStory(ctx: Context, documents: LiveDocuments, input: StoryRefInput) {
  const { db, actor } = ctx;
  const module = db
    .select({ id: modules.id, orgId: modules.orgId })
    .from(modules)
    .where(and(eq(modules.id, input.moduleId), eq(modules.orgId, actor.orgId)))
    .get();
  if (!module) throw new NotFoundError("That story");
  const story = storiesIn(db, actor.orgId, (id) => documents.current(id), { moduleId: module.id }).find(
    (s) => s.id === input.storyId,
  );
  if (!story) throw new NotFoundError("That story");
  if (story.storytellerId !== actor.userId) throw new ForbiddenError(NOT_YOURS);
  return story;
}

/**
 * Withdraws a story, at once and without a reason: the live draft loses it (everyone editing sees its
 * place marked withdrawn), then every published version, snapshot and the search index lose it too,
 * and the withdrawal is recorded so every page and export says so from now on.
 */
export async function withdrawStory(ctx: Context, documents: LiveDocuments, input: StoryRefInput) {
  const story = ownStory(ctx, documents, input);
  const { actor, now } = ctx;
  if (story.inDraft) {
    await documents.change(story.moduleId, actor.userId, (doc) => withdrawInDraft(doc, story.id), "consent");
    await documents.settle(story.moduleId);
  }
  inTransaction(ctx, (tx) => {
    recordWithdrawal(tx.db, { orgId: actor.orgId, moduleId: story.moduleId, storyId: story.id }, actor.userId, now);
    tx.db
      .update(storyReviews)
      .set({ answer: "withdrawn", answeredAt: now })
      .where(
        and(eq(storyReviews.moduleId, story.moduleId), eq(storyReviews.storyId, story.id), isNull(storyReviews.answer)),
      )
      .run();
  });
  return { moduleTitle: story.moduleTitle };
}

/** The storyteller, asked to look at their story again, is happy for it to stay as it is. */
export function confirmStory(ctx: Context, documents: LiveDocuments, input: StoryRefInput) {
  const story = ownStory(ctx, documents, input);
  const { db, now } = ctx;
  db.update(storyReviews)
    .set({ answer: "confirmed", answeredAt: now })
    .where(
      and(eq(storyReviews.moduleId, story.moduleId), eq(storyReviews.storyId, story.id), isNull(storyReviews.answer)),
    )
    .run();
  return { moduleTitle: story.moduleTitle };
}

/** The members a story in this module may be told by, for the editor's story form. */
export function storytellerChoices(ctx: Context, moduleId: string) {
  const { db, actor } = ctx;
  loadModule(ctx, moduleId, "edit");
  return db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, actor.orgId))
    .orderBy(asc(users.name))
    .all();
}
