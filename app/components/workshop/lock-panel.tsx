import { Form } from "@remix-run/react";
import { ErrorSummary, Field, type FormState, fieldValue } from "~/components/form";
import { formatDateTime } from "~/components/layout";

export type LockRow = {
  nodeId: string;
  label: string;
  reason: string | null;
  lockedAt: Date | string;
  lockedBy: string | null;
};
export type OpenPart = { nodeId: string; label: string };

/** The sentence a lock is shown with, here and in the editor. */
export function lockSentence(lock: Pick<LockRow, "lockedBy" | "lockedAt" | "reason">): string {
  const who = lock.lockedBy ?? "A former member";
  const why = lock.reason ? ` Why: ${lock.reason}` : "";
  return `Locked by ${who} on ${formatDateTime(lock.lockedAt)}.${why}`;
}

export function LockIcon() {
  return (
    <svg className="lock-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M5 7V5a3 3 0 0 1 6 0v2h1a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h1Zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2Z"
      />
    </svg>
  );
}

/**
 * Beside the editor: the parts locked once they were agreed, and for facilitators, locking another
 * part (with an optional reason) or unlocking one.
 */
export function LockPanel({
  locks,
  open,
  canLock,
  state,
}: {
  locks: LockRow[];
  open: OpenPart[];
  canLock: boolean;
  state: (FormState & { intent?: string }) | undefined;
}) {
  // Messages show with the lock form; without one (not a facilitator, nothing left to lock), at the top.
  const atTop = state?.intent === "unlock" || !canLock || open.length === 0;
  const lockState = atTop ? undefined : state;
  if (!canLock && locks.length === 0 && !state?.errors) return null;
  return (
    <section className="card lock-panel" aria-labelledby="locks-title">
      <h2 id="locks-title">Agreed parts</h2>
      <p className="muted">
        A locked section or block cannot be changed by anyone until a facilitator unlocks it. Comments stay open.
      </p>
      {atTop ? <ErrorSummary state={state} /> : null}
      {locks.length > 0 ? (
        <ul className="lock-list">
          {locks.map((lock) => (
            <li key={lock.nodeId}>
              <p>
                <LockIcon /> <strong>{lock.label}</strong>
              </p>
              <p>{lockSentence(lock)}</p>
              {canLock ? (
                <Form method="post">
                  <input type="hidden" name="nodeId" value={lock.nodeId} />
                  <button type="submit" name="intent" value="unlock" className="button-secondary small">
                    Unlock <span className="visually-hidden">{lock.label}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>Nothing is locked yet.</p>
      )}
      {canLock && open.length > 0 ? (
        <Form method="post" className="stack" noValidate>
          <h3>Lock a part</h3>
          <ErrorSummary state={lockState} />
          <div className="field">
            <label htmlFor="lock-part">Part</label>
            <select id="lock-part" name="nodeId" defaultValue={fieldValue(lockState, "nodeId")}>
              {open.map((part) => (
                <option key={part.nodeId} value={part.nodeId}>
                  {part.label}
                </option>
              ))}
            </select>
          </div>
          <Field
            label="Why (optional)"
            name="reason"
            hint="For example: agreed at the Tuesday workshop"
            state={lockState}
            maxLength={300}
          />
          <div className="actions">
            <button type="submit" name="intent" value="lock">
              Lock this part
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
