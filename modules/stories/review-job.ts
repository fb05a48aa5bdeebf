import { and, eq, isNull, lte } from "drizzle-orm";
import type { DB } from "../../db/client";
import { moduleCollaborators, modules, storyReviews, users } from "../../db/schema";
import { loadDocumentJSON } from "../collaboration/store";
import { queueEmail } from "../email/outbox";
import { notify } from "../notices/service";
import { formatDay, todayInLondon } from "../shared/dates";
import { storiesIn } from "./told";

/** How long a storyteller has to answer before the module's facilitators are told there was no answer. */
export const ANSWER_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

const STORIES_PAGE = "/account/stories";

/**
 * One pass: each storyteller whose story's review date has come is asked, once, to confirm or
 * withdraw it (a notice and an email, both to their stories page; the email they may turn off). Whoever has not answered after ANSWER_DAYS keeps
 * their story (nothing is withdrawn for them), and the module's facilitators are told once, so they
 * can ask in person. Days are London calendar days, like review dates.
 */
export function runStoryReviews(db: DB, now: Date) {
  const outcome = { asked: 0, facilitatorsTold: 0 };
  const today = todayInLondon(now);
  db.transaction((tx) => {
    const orgs = tx.selectDistinct({ orgId: modules.orgId }).from(modules).all();
    for (const { orgId } of orgs) {
      for (const story of storiesIn(tx, orgId, (id) => loadDocumentJSON(tx, id))) {
        if (!story.reviewOn || story.reviewOn > today || !story.storytellerId) continue;
        const asked = tx
          .insert(storyReviews)
          .values({
            orgId,
            moduleId: story.moduleId,
            storyId: story.id,
            reviewOn: story.reviewOn,
            storytellerId: story.storytellerId,
            askedAt: now,
          })
          .onConflictDoNothing()
          .run();
        if (asked.changes === 0) continue;
        notify(
          tx,
          orgId,
          [story.storytellerId],
          {
            kind: "story.review",
            title: `Your story in “${story.moduleTitle}” has reached its review date`,
            body: "Is it still all right to share it? Keep it as it is, or withdraw it: either is fine, and no reason is needed.",
            link: STORIES_PAGE,
          },
          now,
        );
        const teller = tx
          .select({ name: users.name, email: users.email })
          .from(users)
          .where(eq(users.id, story.storytellerId))
          .get();
        if (teller) {
          queueEmail(
            tx,
            {
              orgId,
              kind: "story_review",
              to: teller.email,
              params: {
                name: teller.name,
                module: story.moduleTitle,
                reviewOn: formatDay(story.reviewOn),
                path: STORIES_PAGE,
              },
              ref: story.moduleId,
            },
            now,
          );
        }
        outcome.asked += 1;
      }
    }
    const unanswered = tx
      .select({
        orgId: storyReviews.orgId,
        moduleId: storyReviews.moduleId,
        storyId: storyReviews.storyId,
        reviewOn: storyReviews.reviewOn,
        title: modules.title,
      })
      .from(storyReviews)
      .innerJoin(modules, eq(modules.id, storyReviews.moduleId))
      .where(
        and(
          isNull(storyReviews.answer),
          isNull(storyReviews.facilitatorToldAt),
          lte(storyReviews.askedAt, new Date(now.getTime() - ANSWER_DAYS * DAY_MS)),
        ),
      )
      .all();
    for (const review of unanswered) {
      const facilitators = tx
        .select({ userId: moduleCollaborators.userId })
        .from(moduleCollaborators)
        .where(
          and(
            eq(moduleCollaborators.moduleId, review.moduleId),
            eq(moduleCollaborators.role, "facilitator"),
            isNull(moduleCollaborators.removedAt),
          ),
        )
        .all()
        .map((c) => c.userId);
      notify(
        tx,
        review.orgId,
        facilitators,
        {
          kind: "story.unanswered",
          title: `A storyteller has not answered about their story in “${review.title}”`,
          body: `They were asked ${ANSWER_DAYS} days ago whether it may still be shared. Nothing was withdrawn; you may want to ask them yourself.`,
          link: `/workshop/${review.moduleId}`,
        },
        now,
      );
      tx.update(storyReviews)
        .set({ facilitatorToldAt: now })
        .where(
          and(
            eq(storyReviews.moduleId, review.moduleId),
            eq(storyReviews.storyId, review.storyId),
            eq(storyReviews.reviewOn, review.reviewOn),
          ),
        )
        .run();
      outcome.facilitatorsTold += 1;
    }
  });
  return outcome;
}

/** Runs the pass now and then every hour in the background, as the reminders do. */
export function startStoryReviews(db: DB, options: { everyMs?: number } = {}) {
  const tick = () => {
    try {
      runStoryReviews(db, new Date());
    } catch (error) {
      console.error("Story review pass failed:", error instanceof Error ? error.message : "unknown error");
    }
  };
  tick();
  const timer = setInterval(tick, options.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
