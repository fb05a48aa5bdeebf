import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { AgendaItem } from "../../db/schema";
import { users, workshopSessionPeople, workshopSessions } from "../../db/schema";
import { type Context, inTransaction } from "../auth/context";
import type { LiveDocuments } from "../collaboration/server";
import { InvalidError, NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";
import { loadModule } from "../workshop/module-access";
import { sectionsOf, summarise, takingPart } from "./summary";

const running = (moduleId: string) => and(eq(workshopSessions.moduleId, moduleId), isNull(workshopSessions.endedAt));

const NOT_RUNNING = "No session is running on this module now.";

/**
 * The session running on a module now, for everyone on the module: its agenda, when it started, and
 * the break it is on (until when); and whether this person runs it.
 */
export function liveSession(ctx: Context, moduleId: string) {
  const { access } = loadModule(ctx, moduleId);
  const session = ctx.db
    .select({
      id: workshopSessions.id,
      agenda: workshopSessions.agenda,
      startedAt: workshopSessions.startedAt,
      breakUntil: workshopSessions.breakUntil,
    })
    .from(workshopSessions)
    .where(running(moduleId))
    .get();
  const onBreak = session?.breakUntil && session.breakUntil > ctx.now ? session.breakUntil : null;
  return { session: session ? { ...session, breakUntil: onBreak } : null, canRun: access.facilitate };
}

/**
 * A facilitator starts a session with its agenda. The module's sections as they stand are kept, so
 * the summary can say what changed; a module runs one session at a time.
 */
export function startSession(
  ctx: Context,
  documents: Pick<LiveDocuments, "current">,
  moduleId: string,
  input: { agenda: AgendaItem[] },
) {
  loadModule(ctx, moduleId, "facilitate");
  const sectionsAtStart = sectionsOf(documents.current(moduleId));
  return inTransaction(ctx, (tx) => {
    loadModule(tx, moduleId, "facilitate");
    if (tx.db.select({ id: workshopSessions.id }).from(workshopSessions).where(running(moduleId)).get()) {
      throw new InvalidError("A session is already running on this module. End it before starting another.");
    }
    const id = newId();
    tx.db
      .insert(workshopSessions)
      .values({ id, moduleId, agenda: input.agenda, sectionsAtStart, startedBy: tx.actor.userId, startedAt: tx.now })
      .run();
    tx.events.emit({ type: "workshop_session.changed", moduleId });
    return { id };
  });
}

function runningSession(ctx: Context, moduleId: string) {
  loadModule(ctx, moduleId, "facilitate");
  const session = ctx.db.select().from(workshopSessions).where(running(moduleId)).get();
  if (!session) throw new InvalidError(NOT_RUNNING);
  return session;
}

/** A facilitator calls a break: for its minutes nobody's change to the module is taken, facilitators' included. */
export function takeBreak(ctx: Context, moduleId: string, input: { minutes: number }) {
  return inTransaction(ctx, (tx) => {
    const session = runningSession(tx, moduleId);
    const breakUntil = new Date(tx.now.getTime() + input.minutes * 60_000);
    tx.db.update(workshopSessions).set({ breakUntil }).where(eq(workshopSessions.id, session.id)).run();
    tx.events.emit({ type: "workshop_session.changed", moduleId });
    return { breakUntil };
  });
}

/** A facilitator ends a break early: editing opens again for everyone at once. */
export function resumeSession(ctx: Context, moduleId: string) {
  return inTransaction(ctx, (tx) => {
    const session = runningSession(tx, moduleId);
    if (!session.breakUntil || session.breakUntil <= tx.now) throw new InvalidError("The session is not on a break.");
    tx.db.update(workshopSessions).set({ breakUntil: null }).where(eq(workshopSessions.id, session.id)).run();
    tx.events.emit({ type: "workshop_session.changed", moduleId });
    return { id: session.id };
  });
}

/**
 * A facilitator ends the session: its summary (sections edited, open comments and suggestions) and
 * who took part are kept for the module's facilitators.
 */
export function endSession(ctx: Context, documents: Pick<LiveDocuments, "current">, moduleId: string) {
  runningSession(ctx, moduleId);
  const doc = documents.current(moduleId);
  return inTransaction(ctx, (tx) => {
    const session = runningSession(tx, moduleId);
    const summary = summarise(tx.db, moduleId, session.sectionsAtStart, doc);
    const people = new Set(takingPart(tx.db, moduleId, session.startedAt, tx.now));
    if (session.startedBy) people.add(session.startedBy);
    tx.db
      .update(workshopSessions)
      .set({ endedAt: tx.now, endedBy: tx.actor.userId, breakUntil: null, summary })
      .where(eq(workshopSessions.id, session.id))
      .run();
    if (people.size > 0) {
      tx.db
        .insert(workshopSessionPeople)
        .values([...people].map((userId) => ({ sessionId: session.id, userId })))
        .run();
    }
    tx.events.emit({ type: "workshop_session.changed", moduleId });
    return { id: session.id };
  });
}

/** The module's ended sessions, newest first, for its facilitators. */
export function pastSessions(ctx: Context, moduleId: string) {
  loadModule(ctx, moduleId, "facilitate");
  return ctx.db
    .select({ id: workshopSessions.id, startedAt: workshopSessions.startedAt, endedAt: workshopSessions.endedAt })
    .from(workshopSessions)
    .where(and(eq(workshopSessions.moduleId, moduleId)))
    .orderBy(desc(workshopSessions.startedAt))
    .all()
    .filter((session) => session.endedAt !== null);
}

/** One ended session's summary and who took part, for the module's facilitators only. */
export function sessionSummary(ctx: Context, moduleId: string, sessionId: string) {
  loadModule(ctx, moduleId, "facilitate");
  const session = ctx.db
    .select()
    .from(workshopSessions)
    .where(and(eq(workshopSessions.id, sessionId), eq(workshopSessions.moduleId, moduleId)))
    .get();
  if (!session?.endedAt || !session.summary) throw new NotFoundError("That session summary");
  const people = ctx.db
    .select({ name: users.name })
    .from(workshopSessionPeople)
    .innerJoin(users, eq(users.id, workshopSessionPeople.userId))
    .where(eq(workshopSessionPeople.sessionId, sessionId))
    .orderBy(asc(users.name))
    .all()
    .map((row) => row.name);
  return {
    id: session.id,
    agenda: session.agenda,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    summary: session.summary,
    people,
  };
}
