import { useEffect, useState } from "react";

export type AgendaItem = { kind: "part" | "break"; title: string; start: string; minutes: number };

const minuteOf = (start: string) => {
  const [h, m] = start.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** When an item ends, as "HH:MM". */
export function endOf(item: AgendaItem) {
  const end = minuteOf(item.start) + item.minutes;
  return `${String(Math.floor(end / 60) % 24).padStart(2, "0")}:${String(end % 60).padStart(2, "0")}`;
}

/**
 * Where the agenda stands at a moment of the day, by the clock of the room (the browser's): the item
 * on now, with the minutes left in it, and the item after.
 */
export function agendaAt(agenda: readonly AgendaItem[], at: Date) {
  const minute = at.getHours() * 60 + at.getMinutes();
  const nowIndex = agenda.findIndex(
    (item) => minute >= minuteOf(item.start) && minute < minuteOf(item.start) + item.minutes,
  );
  const now = nowIndex >= 0 ? agenda[nowIndex] : undefined;
  const next = agenda.find((item) => minuteOf(item.start) > minute);
  const left = now ? minuteOf(now.start) + now.minutes - minute : 0;
  return { now, next, left };
}

export const aboutMinutes = (n: number) => (n <= 1 ? "about a minute" : `about ${n} minutes`);

/** The time now, moving on every half minute: a calm clock needs no seconds. */
export function useClock(stepMs = 30_000) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), stepMs);
    return () => clearInterval(timer);
  }, [stepMs]);
  return now;
}

export type BreakWindow = { from: string | Date; until: string | Date };

const time = (at: string | Date) => new Date(at).getTime();

/** Until when a break is on at a moment: the one called (as loaded) or a scheduled one the moment is inside. */
function breakUntilAt(breakUntil: number, windows: readonly BreakWindow[], at: number): number | null {
  const inside = windows.filter((w) => time(w.from) <= at && at < time(w.until)).map((w) => time(w.until));
  const ends = [...inside, ...(breakUntil > at ? [breakUntil] : [])];
  return ends.length > 0 ? Math.max(...ends) : null;
}

/**
 * Until when the session is on a break now, or null. A called break ends by itself when its time is
 * up, and the agenda's breaks start and end on time, by this browser's clock, as on the server (whose
 * guard refuses changes in a break all the same): no message is needed at either moment.
 */
export function useBreakUntil(
  session: { breakUntil: string | Date | null; scheduledBreaks?: readonly BreakWindow[] } | null | undefined,
): Date | null {
  const until = session?.breakUntil ? time(session.breakUntil) : 0;
  const windows = session?.scheduledBreaks ?? [];
  const key = JSON.stringify(windows);
  const [at, setAt] = useState(() => Date.now());
  // biome-ignore lint/correctness/useExhaustiveDependencies: the windows are compared by their contents, as `key`
  useEffect(() => {
    const now = Date.now();
    setAt(now);
    const next = [until, ...windows.flatMap((w) => [time(w.from), time(w.until)])]
      .filter((moment) => moment > now)
      .sort((a, b) => a - b)[0];
    if (next === undefined) return;
    const timer = setTimeout(() => setAt(Date.now()), next - now);
    return () => clearTimeout(timer);
  }, [until, key, at]);
  const ends = breakUntilAt(until, windows, at);
  return ends === null ? null : new Date(ends);
}
