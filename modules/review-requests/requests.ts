import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { DB } from "../../db/client";
import { modules, reviewRequestPeople, reviewRequests, users } from "../../db/schema";
import { type Context, inTransaction } from "../auth/context";
import { notify } from "../notices/service";
import { tellPeople } from "../notifications/tell";
import { formatDay } from "../shared/dates";
import { InvalidError, NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";
import { listCollaborators } from "../workshop/collaborators";
import { loadModule } from "../workshop/module-access";
import { notInThePast, PAST_DATE } from "./schemas";

export type ReviewRequestInput = { people: string[]; dueOn: string; note: string };

/**
 * A facilitator asks some of the module's collaborators to review it by a date. Each is told in the
 * app and by email as they chose, in this transaction. Only people on the module can be asked.
 */
export function requestReview(ctx: Context, moduleId: string, input: ReviewRequestInput) {
  return inTransaction(ctx, (tx) => {
    const { module } = loadModule(tx, moduleId, "facilitate");
    if (!notInThePast(input.dueOn, tx.now)) throw new InvalidError(PAST_DATE, "dueOn");
    const onModule = new Set(listCollaborators(tx.db, moduleId).map((c) => c.userId));
    const people = [...new Set(input.people)];
    if (people.some((id) => !onModule.has(id))) {
      throw new InvalidError("Only people who work on this module can be asked to review it.", "people");
    }
    const id = newId();
    tx.db
      .insert(reviewRequests)
      .values({
        id,
        orgId: tx.actor.orgId,
        moduleId,
        requestedBy: tx.actor.userId,
        dueOn: input.dueOn,
        note: input.note,
        createdAt: tx.now,
      })
      .run();
    tx.db
      .insert(reviewRequestPeople)
      .values(people.map((userId) => ({ requestId: id, userId })))
      .run();
    notify(
      tx.db,
      tx.actor.orgId,
      people.filter((p) => p !== tx.actor.userId),
      {
        kind: "review_request",
        title: `${tx.actor.name} asked you to review ${module.title} by ${formatDay(input.dueOn)}`,
        body: input.note,
        link: `/workshop/${moduleId}/review`,
      },
      tx.now,
    );
    tellPeople(
      tx.db,
      {
        kind: "review_request",
        orgId: tx.actor.orgId,
        module: { id: moduleId, title: module.title },
        actor: { userId: tx.actor.userId, name: tx.actor.name },
        to: people,
        dueOn: input.dueOn,
      },
      tx.now,
    );
    return { id };
  });
}

/**
 * The person says they are done reviewing, with a note if they like. Only someone the request asked
 * can answer it: anyone else, or a request of another module or organisation, is not found.
 */
export function answerReviewRequest(ctx: Context, moduleId: string, input: { requestId: string; note: string }) {
  inTransaction(ctx, (tx) => {
    loadModule(tx, moduleId);
    const asked = tx.db
      .select({ answeredAt: reviewRequestPeople.answeredAt })
      .from(reviewRequestPeople)
      .innerJoin(reviewRequests, eq(reviewRequests.id, reviewRequestPeople.requestId))
      .where(
        and(
          eq(reviewRequestPeople.requestId, input.requestId),
          eq(reviewRequestPeople.userId, tx.actor.userId),
          eq(reviewRequests.moduleId, moduleId),
          eq(reviewRequests.orgId, tx.actor.orgId),
        ),
      )
      .get();
    if (!asked) throw new NotFoundError("That review request");
    tx.db
      .update(reviewRequestPeople)
      .set({ answeredAt: asked.answeredAt ?? tx.now, answerNote: input.note })
      .where(and(eq(reviewRequestPeople.requestId, input.requestId), eq(reviewRequestPeople.userId, tx.actor.userId)))
      .run();
  });
}

function requestsOf(db: DB, moduleId: string) {
  const asker = alias(users, "asker");
  return db
    .select({
      id: reviewRequests.id,
      dueOn: reviewRequests.dueOn,
      note: reviewRequests.note,
      createdAt: reviewRequests.createdAt,
      askedBy: asker.name,
    })
    .from(reviewRequests)
    .leftJoin(asker, eq(asker.id, reviewRequests.requestedBy))
    .where(eq(reviewRequests.moduleId, moduleId))
    .orderBy(desc(reviewRequests.createdAt))
    .all();
}

function peopleOf(db: DB, requestIds: string[]) {
  if (requestIds.length === 0) return [];
  return db
    .select({
      requestId: reviewRequestPeople.requestId,
      userId: reviewRequestPeople.userId,
      name: users.name,
      answeredAt: reviewRequestPeople.answeredAt,
      note: reviewRequestPeople.answerNote,
    })
    .from(reviewRequestPeople)
    .innerJoin(users, eq(users.id, reviewRequestPeople.userId))
    .where(inArray(reviewRequestPeople.requestId, requestIds))
    .orderBy(asc(users.name))
    .all();
}

/**
 * A module's review requests as the person sees them: the ones asking them that they have not
 * answered, and, for its facilitators, every request with who answered and who has not yet.
 */
export function moduleReviewRequests(ctx: Context, moduleId: string) {
  const { access } = loadModule(ctx, moduleId);
  const requests = requestsOf(ctx.db, moduleId);
  const people = peopleOf(
    ctx.db,
    requests.map((r) => r.id),
  );
  const mine = requests
    .filter((r) => people.some((p) => p.requestId === r.id && p.userId === ctx.actor.userId && !p.answeredAt))
    .map((r) => ({ id: r.id, dueOn: r.dueOn, note: r.note, askedBy: r.askedBy ?? "A former member" }));
  const all = access.facilitate
    ? requests.map((r) => {
        const asked = people.filter((p) => p.requestId === r.id);
        return {
          id: r.id,
          dueOn: r.dueOn,
          note: r.note,
          askedBy: r.askedBy ?? "A former member",
          answered: asked.filter((p) => p.answeredAt).map((p) => ({ name: p.name, note: p.note, at: p.answeredAt })),
          waiting: asked.filter((p) => !p.answeredAt).map((p) => ({ userId: p.userId, name: p.name })),
        };
      })
    : null;
  const candidates = access.facilitate
    ? listCollaborators(ctx.db, moduleId)
        .filter((c) => c.userId !== ctx.actor.userId)
        .map((c) => ({ userId: c.userId, name: c.name, role: c.role }))
    : [];
  return { mine, all, candidates, canRequest: access.facilitate };
}

/** The reviews the person has been asked for and not answered, on modules they are still on, soonest first. */
export function myReviewRequests(ctx: Context) {
  const asker = alias(users, "asker");
  return ctx.db
    .select({
      id: reviewRequests.id,
      moduleId: reviewRequests.moduleId,
      moduleTitle: modules.title,
      dueOn: reviewRequests.dueOn,
      askedBy: asker.name,
    })
    .from(reviewRequestPeople)
    .innerJoin(reviewRequests, eq(reviewRequests.id, reviewRequestPeople.requestId))
    .innerJoin(modules, and(eq(modules.id, reviewRequests.moduleId), eq(modules.orgId, ctx.actor.orgId)))
    .leftJoin(asker, eq(asker.id, reviewRequests.requestedBy))
    .where(and(eq(reviewRequestPeople.userId, ctx.actor.userId), isNull(reviewRequestPeople.answeredAt)))
    .orderBy(asc(reviewRequests.dueOn))
    .all()
    .map((r) => ({ ...r, askedBy: r.askedBy ?? "A former member" }));
}
