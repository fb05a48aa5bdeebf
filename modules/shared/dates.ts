import { addDays, differenceInCalendarDays, format, isValid, parseISO } from "date-fns";

/** Alongside is a UK service: calendar days (due dates, cohort dates) are days in London. */
const LONDON_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in London, as YYYY-MM-DD. */
export function todayInLondon(now = new Date()): string {
  return LONDON_DAY.format(now);
}

export function dayOf(instant: Date): string {
  return LONDON_DAY.format(instant);
}

export function isCalendarDate(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) && isValid(parseISO(value)) && format(parseISO(value), "yyyy-MM-dd") === value
  );
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** Every calendar date from `from` to `to`, inclusive. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = parseISO(from); format(d, "yyyy-MM-dd") <= to; d = addDays(d, 1)) days.push(format(d, "yyyy-MM-dd"));
  return days;
}

export function formatDay(value: string): string {
  return format(parseISO(value), "d MMMM yyyy");
}

const LONDON_PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** How far London's clock is ahead of UTC at an instant, in milliseconds (0 in winter, an hour in summer). */
function londonOffsetMs(instant: Date): number {
  const part = (type: string) => Number(LONDON_PARTS.formatToParts(instant).find((p) => p.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
  return wall - Math.floor(instant.getTime() / 60_000) * 60_000;
}

/** The instant London's clocks show a minute of a calendar day (YYYY-MM-DD), such as a workshop's "10:20". */
export function londonInstant(day: string, minuteOfDay: number): Date {
  const [year, month, date] = day.split("-").map(Number);
  const asUtc = Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1, 0, minuteOfDay);
  const first = asUtc - londonOffsetMs(new Date(asUtc));
  // Read the offset again at the instant found, so a time just after a change of the clocks is right.
  return new Date(asUtc - londonOffsetMs(new Date(first)));
}
