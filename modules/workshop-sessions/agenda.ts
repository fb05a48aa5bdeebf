import type { AgendaItem } from "../../db/schema";

/** A session runs for at most this long, first start to last end: longer is not one sitting. */
export const SESSION_MAX_MINUTES = 8 * 60;
export const AGENDA_MAX_ITEMS = 30;
const TITLE_MAX = 120;

const LINE = /^(\d{1,2}):(\d{2})\s*[,\s]\s*(\d+)\s*(?:min(?:ute)?s?)?\s*[,\s]\s*(.+)$/i;

const minuteOfDay = (start: string) => {
  const [h, m] = start.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** When an item ends, as "HH:MM". */
export const endOf = (item: AgendaItem) => clock(minuteOfDay(item.start) + item.minutes);

export const startMinute = (item: AgendaItem) => minuteOfDay(item.start);

/**
 * Reads an agenda typed one item a line, "10:00, 30, Welcome and ground rules" (start, minutes,
 * title; a title "Break" makes a break), and checks it: every line readable, lengths positive, no
 * two items at once, and the whole within eight hours. The first problem is the message, naming the
 * line or the items that clash.
 */
export function readAgenda(text: string): { ok: true; items: AgendaItem[] } | { ok: false; message: string } {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return { ok: false, message: "Add at least one part to the agenda." };
  if (lines.length > AGENDA_MAX_ITEMS) {
    return { ok: false, message: `An agenda can have at most ${AGENDA_MAX_ITEMS} items.` };
  }
  const items: AgendaItem[] = [];
  for (const [n, line] of lines.entries()) {
    const match = LINE.exec(line);
    const at = `Line ${n + 1} (“${line.slice(0, 40)}”)`;
    if (!match)
      return {
        ok: false,
        message: `${at} needs a start time, a length in minutes and a title, like “10:00, 30, Welcome”.`,
      };
    const [, h, m, length, rawTitle] = match;
    const hours = Number(h);
    const mins = Number(m);
    if (hours > 23 || mins > 59) return { ok: false, message: `${at} has a start time that is not a time of day.` };
    const minutes = Number(length);
    if (minutes < 1) return { ok: false, message: `${at} needs a length of at least 1 minute.` };
    if (minutes > SESSION_MAX_MINUTES)
      return { ok: false, message: `${at} is longer than a session can be (8 hours).` };
    const title = (rawTitle ?? "").trim();
    if (title.length > TITLE_MAX)
      return { ok: false, message: `${at} has a title longer than ${TITLE_MAX} characters.` };
    items.push({ kind: /^break\b/i.test(title) ? "break" : "part", title, start: clock(hours * 60 + mins), minutes });
  }
  const ordered = [...items].sort((a, b) => startMinute(a) - startMinute(b));
  for (let i = 1; i < ordered.length; i++) {
    const before = ordered[i - 1] as AgendaItem;
    const next = ordered[i] as AgendaItem;
    if (startMinute(next) < startMinute(before) + before.minutes) {
      return {
        ok: false,
        message: `“${before.title}” (${before.start}–${endOf(before)}) and “${next.title}” (${next.start}–${endOf(next)}) overlap. Change a start time or a length so one ends before the other starts.`,
      };
    }
  }
  const first = ordered[0] as AgendaItem;
  const last = ordered[ordered.length - 1] as AgendaItem;
  if (startMinute(last) + last.minutes - startMinute(first) > SESSION_MAX_MINUTES) {
    return {
      ok: false,
      message: `The agenda runs from ${first.start} to ${endOf(last)}: a session can be at most 8 hours.`,
    };
  }
  return { ok: true, items: ordered };
}
