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
