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

/** Whether a break is on now: it ends by itself when its time is up, as it does on the server. */
export function useOnBreak(breakUntil: string | Date | null | undefined) {
  const until = breakUntil ? new Date(breakUntil).getTime() : 0;
  const [on, setOn] = useState(() => until > Date.now());
  useEffect(() => {
    const left = until - Date.now();
    setOn(left > 0);
    if (left <= 0) return;
    const timer = setTimeout(() => setOn(false), left);
    return () => clearTimeout(timer);
  }, [until]);
  return on;
}
