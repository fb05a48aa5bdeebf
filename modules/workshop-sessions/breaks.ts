import type { AgendaItem } from "../../db/schema";
import { dayOf, londonInstant } from "../shared/dates";
import { startMinute } from "./agenda";

export type BreakWindow = { from: Date; until: Date };

type SessionClock = {
  agenda: AgendaItem[];
  startedAt: Date;
  breakUntil: Date | null;
  breakResumedAt: Date | null;
};

/**
 * The agenda's breaks as instants. Agenda times are the room's wall clock, and Alongside is a UK
 * service, so they are read by London's clock on the day the session started (an agenda never runs
 * past midnight: it fits in 8 hours and is read in time order). A break that had begun when a
 * facilitator pressed "Resume now" is over.
 */
export function scheduledBreaks(session: SessionClock): BreakWindow[] {
  const day = dayOf(session.startedAt);
  return session.agenda
    .filter((item) => item.kind === "break")
    .map((item) => {
      const from = londonInstant(day, startMinute(item));
      return { from, until: new Date(from.getTime() + item.minutes * 60_000) };
    })
    .filter((window) => !session.breakResumedAt || window.from > session.breakResumedAt);
}

/**
 * Until when the session is on a break at a moment, or null: a break a facilitator called, or a
 * scheduled one the clock is inside. The server's guard and the editor's timer both read this.
 */
export function breakAt(session: SessionClock, now: Date): Date | null {
  const manual = session.breakUntil && session.breakUntil > now ? session.breakUntil : null;
  const scheduled = scheduledBreaks(session).find((window) => window.from <= now && now < window.until)?.until ?? null;
  if (manual && scheduled) return new Date(Math.max(manual.getTime(), scheduled.getTime()));
  return manual ?? scheduled;
}
