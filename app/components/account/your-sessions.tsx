import { Form } from "@remix-run/react";
import { formatDateTime } from "~/components/layout";

type Session = {
  id: string;
  device: string;
  signedInAt: string | Date;
  lastSeenAt: string | Date;
  keptSignedIn: boolean;
  current: boolean;
};

/** Where the person is signed in, with a way to sign out of any other device, or all of them. */
export function YourSessions({ sessions, error }: { sessions: Session[]; error?: string }) {
  const others = sessions.filter((s) => !s.current);
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you are signed in</h2>
      <p>If you see a device you do not know, sign it out and change your password.</p>
      <ul className="plain-list stack">
        {sessions.map((s) => (
          <li key={s.id} aria-label={s.current ? `${s.device}, this device` : s.device}>
            <strong>{s.device}</strong> {s.current ? <span className="badge badge-accent">This device</span> : null}
            <br />
            <span className="muted">
              Signed in {formatDateTime(s.signedInAt)}, last used {formatDateTime(s.lastSeenAt)}
              {s.keptSignedIn ? ", kept signed in" : ""}
            </span>
            {s.current ? null : (
              <Form method="post" className="inline-form">
                <input type="hidden" name="sessionId" value={s.id} />{" "}
                <button type="submit" name="intent" value="endSession" className="button-quiet">
                  Sign out<span className="visually-hidden"> {s.device}</span>
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {error ? <p className="error-message">{error}</p> : null}
      {others.length > 0 ? (
        <Form method="post">
          <button type="submit" name="intent" value="endOtherSessions" className="button-secondary">
            Sign out everywhere else
          </button>
        </Form>
      ) : (
        <p className="muted">You are not signed in anywhere else.</p>
      )}
    </section>
  );
}
