import { Form, Link } from "@remix-run/react";
import { useHydrated } from "~/lib/hydrated";
import { type AgendaItem, aboutMinutes, agendaAt, endOf, useClock } from "./agenda-clock";
import { CheckIn } from "./check-in";

export type LiveSession = { id: string; agenda: AgendaItem[] };

const clockOf = (at: Date) => at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });

/** What is on now and what is next, as plain words: no countdown, no alarm, no colour that warns. */
function Timer({ agenda, breakUntil }: { agenda: AgendaItem[]; breakUntil: Date | null }) {
  const at = useClock();
  const { now, next, left } = agendaAt(agenda, at);
  const first = agenda[0];
  const on = breakUntil
    ? `Break until ${clockOf(breakUntil)}.`
    : now
      ? `Now: ${now.title}, until ${endOf(now)} (${aboutMinutes(left)} left).`
      : first && next === first
        ? `The agenda starts at ${first.start}.`
        : next
          ? "Between parts of the agenda."
          : "The agenda is done: end the session when you are ready.";
  return (
    <>
      <p role="timer" className="session-timer">
        {on}
      </p>
      <p className="session-next">{next ? `Next: ${next.title} at ${next.start}.` : "Nothing more on the agenda."}</p>
    </>
  );
}

/** The minutes left, outside the live region: they change every half minute and are not announced. */
function BreakEnds({ until }: { until: Date }) {
  const at = useClock();
  const minutes = Math.max(1, Math.ceil((until.getTime() - at.getTime()) / 60_000));
  return (
    <p>
      The session carries on at {clockOf(until)} ({aboutMinutes(minutes)}).
    </p>
  );
}

/**
 * Above the editor while a session runs: the calm timer and what is next, the break everyone is on
 * (called, or the agenda's own, until `breakUntil`),
 * a quiet way to step out, the private check-in, and for facilitators, calling a break, resuming
 * and ending. Facilitators' buttons are plain forms, so they work without JavaScript.
 */
export function SessionBar({
  moduleId,
  session,
  canRun,
  breakUntil,
  away,
  onAway,
}: {
  moduleId: string;
  session: LiveSession;
  canRun: boolean;
  breakUntil: Date | null;
  away: boolean;
  onAway: (away: boolean) => void;
}) {
  const hydrated = useHydrated();
  const action = `/workshop/${moduleId}/session`;
  const onBreak = breakUntil !== null;
  return (
    <section className="card session-bar" aria-labelledby="session-title">
      <h2 id="session-title">Live session</h2>
      {hydrated ? <Timer agenda={session.agenda} breakUntil={breakUntil} /> : null}
      {/* Announced once as a break starts; the timer and the minutes left stay quiet. */}
      <div role="status">
        {onBreak ? (
          <div className="session-break">
            <p>
              <strong>Taking a break.</strong> Editing is paused for everyone.
            </p>
            <p>
              If it helps: feel your feet on the floor, breathe out slowly, and notice three things you can see around
              you.
            </p>
          </div>
        ) : null}
      </div>
      {breakUntil && hydrated ? <BreakEnds until={breakUntil} /> : null}
      <details className="session-agenda">
        <summary>Agenda</summary>
        <ol>
          {session.agenda.map((item) => (
            <li key={`${item.start}-${item.title}`}>
              {item.start}–{endOf(item)} {item.title}
            </li>
          ))}
        </ol>
      </details>
      {hydrated ? (
        <div className="session-away">
          <button type="button" className="button-secondary small" onClick={() => onAway(!away)}>
            {away ? "Step back in" : "Step out"}
          </button>
          <p className="muted">
            {away
              ? "You have stepped out. Take the time you need; others only see that you are away."
              : "Step out quietly whenever you need to: others see only that you are away."}
          </p>
        </div>
      ) : null}
      <CheckIn sessionId={session.id} />
      {canRun ? (
        <div className="session-controls">
          {onBreak ? (
            <Form method="post" action={action}>
              <button type="submit" name="intent" value="resume">
                Resume now
              </button>
            </Form>
          ) : (
            <Form method="post" action={action} className="session-break-form">
              <label htmlFor="break-minutes">Break length in minutes</label>
              <input
                id="break-minutes"
                name="minutes"
                type="number"
                min={1}
                max={60}
                defaultValue={10}
                inputMode="numeric"
              />
              <button type="submit" name="intent" value="break">
                Take a break
              </button>
            </Form>
          )}
          <Form method="post" action={action}>
            <button type="submit" name="intent" value="end" className="button-secondary">
              End the session
            </button>
          </Form>
        </div>
      ) : null}
    </section>
  );
}

/** For a facilitator when no session runs: the way to start one from the editor. */
export function StartSessionLink({ moduleId, show }: { moduleId: string; show: boolean }) {
  return show ? <Link to={`/workshop/${moduleId}/session`}>Run a live session</Link> : null;
}
