import { and, desc, eq, isNull } from "drizzle-orm";
import type { AgendaItem } from "../../db/schema";
import { users, workshopSessionAttendance, workshopSessionPeople, workshopSessions } from "../../db/schema";
import { type Context, inTransaction } from "../auth/context";
import type { LiveDocuments } from "../collaboration/server";
import { InvalidError, NotFoundError } from "../shared/errors";
import { newId } from "../shared/ids";
import { loadModule } from "../workshop/module-access";
import { breakAt, scheduledBreaks } from "./breaks";
import { sectionsOf, summarise, takingPart } from "./summary";

const running = (moduleId: string) => and(eq(workshopSessions.moduleId, moduleId), isNull(workshopSessions.endedAt));

const NOT_RUNNING = "No session is running on this module now.";

/**
 * The session running on a module now, for everyone on the module: its agenda, when it started, the
 * break it is on (until when), and the scheduled breaks not yet over, so an open editor starts and
 * ends them on time by its own clock; and whether this person runs it.
 */
export function liveSession(ctx: Context, moduleId: string) {
  const { access } = loadModule(ctx, moduleId);
  const session = ctx.db
    .select({
      id: workshopSessions.id,
      agenda: workshopSessions.agenda,
      startedAt: workshopSessions.startedAt,
      breakUntil: workshopSessions.breakUntil,
      breakResumedAt: workshopSessions.breakResumedAt,
    })
    .from(workshopSessions)
    .where(running(moduleId))
    .get();
  if (!session) return { session: null, canRun: access.facilitate };
  const { breakResumedAt: _, ...shown } = session;
  return {
    session: {
      ...shown,
      breakUntil: breakAt(session, ctx.now),
      scheduledBreaks: scheduledBreaks(session).filter((window) => window.until > ctx.now),
    },
    canRun: access.facilitate,
  };
}

/**
 * A facilitator starts a session with its agenda. The module's sections as they stand are kept, so
 * the summary can say what changed, and whoever has the editor open already is there; a module runs
 * one session at a time.
 */
export function startSession(
  ctx: Context,
  documents: Pick<LiveDocuments, "current" | "present">,
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
    const present = documents.present(moduleId);
    if (present.length > 0) {
      tx.db
        .insert(workshopSessionAttendance)
        .values(present.map((userId) => ({ sessionId: id, userId })))
        .onConflictDoNothing()
        .run();
    }
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

/**
 * A facilitator calls a break the agenda does not have: for its minutes nobody's change to the module
 * is taken, facilitators' included. The agenda's own breaks start by themselves.
 */
export function takeBreak(ctx: Context, moduleId: string, input: { minutes: number }) {
  return inTransaction(ctx, (tx) => {
    const session = runningSession(tx, moduleId);
    const breakUntil = new Date(tx.now.getTime() + input.minutes * 60_000);
    tx.db.update(workshopSessions).set({ breakUntil }).where(eq(workshopSessions.id, session.id)).run();
    tx.events.emit({ type: "workshop_session.changed", moduleId });
    return { breakUntil };
  });
}

/**
 * A facilitator ends a break early, called or scheduled: editing opens again for everyone at once,
 * and the agenda's later breaks still start on time.
 */
export function resumeSession(ctx: Context, moduleId: string) {
  return inTransaction(ctx, (tx) => {
    const session = runningSession(tx, moduleId);
    if (!breakAt(session, tx.now)) throw new InvalidError("The session is not on a break.");
    tx.db
      .update(workshopSessions)
      .set({ breakUntil: null, breakResumedAt: tx.now })
      .where(eq(workshopSessions.id, session.id))
      .run();
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

/**
 * One ended session's summary and who took part, for the module's facilitators only: whoever changed
 * the module or commented, and whoever had its editor open while it ran.
 */
export function sessionSummary(ctx: Context, moduleId: string, sessionId: string) {
  loadModule(ctx, moduleId, "facilitate");
  const session = ctx.db
    .select()
    .from(workshopSessions)
    .where(and(eq(workshopSessions.id, sessionId), eq(workshopSessions.moduleId, moduleId)))
    .get();
  if (!session?.endedAt || !session.summary) throw new NotFoundError("That session summary");
  const named = (table: typeof workshopSessionPeople | typeof workshopSessionAttendance) =>
    ctx.db
      .select({ id: users.id, name: users.name })
      .from(table)
      .innerJoin(users, eq(users.id, table.userId))
      .where(eq(table.sessionId, sessionId))
      .all();
  const byId = new Map(
    [...named(workshopSessionPeople), ...named(workshopSessionAttendance)].map((p) => [p.id, p.name]),
  );
  const people = [...byId.values()].sort((a, b) => a.localeCompare(b));
  return {
    id: session.id,
    agenda: session.agenda,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    summary: session.summary,
    people,
  };
}
