import { sql } from "drizzle-orm";
import { index, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { id, timestamp } from "./columns";
import { modules } from "./workshop";

/** One line of a session's agenda: a part of the work or a break, from a start time ("HH:MM") for some minutes. */
export type AgendaItem = { kind: "part" | "break"; title: string; start: string; minutes: number };

/** What a facilitator is given when a session ends: nothing of anyone's check-in, which never leaves their browser. */
export type SessionSummary = {
  sectionsEdited: { title: string; change: "added" | "removed" | "changed" }[];
  openComments: { quote: string; replies: number }[];
  openSuggestions: number;
};

/**
 * A live workshop session on a module: its agenda, the break it is on (until when), and once it has
 * ended, its summary. At most one session per module is running.
 */
export const workshopSessions = sqliteTable(
  "workshop_sessions",
  {
    id: id(),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    agenda: text("agenda", { mode: "json" }).$type<AgendaItem[]>().notNull(),
    /** The module's sections as the session started, each as JSON: what the summary compares with. */
    sectionsAtStart: text("sections_at_start", { mode: "json" }).$type<{ title: string; json: string }[]>().notNull(),
    startedBy: text("started_by").references(() => users.id, { onDelete: "set null" }),
    startedAt: timestamp("started_at").notNull(),
    /** While set and still ahead, the session is on a break and the server takes no change to the module. */
    breakUntil: timestamp("break_until"),
    /** When a facilitator last pressed "Resume now": a scheduled break that had begun by then is over. */
    breakResumedAt: timestamp("break_resumed_at"),
    endedBy: text("ended_by").references(() => users.id, { onDelete: "set null" }),
    endedAt: timestamp("ended_at"),
    summary: text("summary", { mode: "json" }).$type<SessionSummary>(),
  },
  (t) => [
    uniqueIndex("workshop_sessions_running_idx").on(t.moduleId).where(sql`${t.endedAt} is null`),
    index("workshop_sessions_module_idx").on(t.moduleId, t.startedAt),
  ],
);

/** Who took part in a session (changed the module or commented while it ran), named in its summary. */
export const workshopSessionPeople = sqliteTable(
  "workshop_session_people",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => workshopSessions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index("workshop_session_people_user_idx").on(t.userId)],
);

/**
 * Who opened the module's editor while a session ran, watching or not: the summary names them with
 * those who took part. Only the person and the session: nothing of when, stepping out or check-ins.
 */
export const workshopSessionAttendance = sqliteTable(
  "workshop_session_attendance",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => workshopSessions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index("workshop_session_attendance_user_idx").on(t.userId)],
);
