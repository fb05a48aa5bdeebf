import { formatDateTime } from "../layout";

type LockEntry = {
  id: string;
  label: string;
  reason: string | null;
  lockedAt: string | Date;
  lockedBy: string | null;
  unlockedAt: string | Date | null;
  unlockedBy: string | null;
};

const who = (name: string | null) => name ?? "a former member";

/** Each lock the module has had, newest first: which part, who locked it, when and why, and its unlocking. */
export function LockHistory({ entries }: { entries: LockEntry[] }) {
  return (
    <section aria-labelledby="lock-history-title">
      <h2 id="lock-history-title">Locked parts</h2>
      {entries.length === 0 ? (
        <p>No part of this module has been locked.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Locks on parts of this module, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col">Locked</th>
              <th scope="col">Unlocked</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>
                  {entry.label}
                  {entry.reason ? (
                    <>
                      <br />
                      <span className="muted">Why: {entry.reason}</span>
                    </>
                  ) : null}
                </td>
                <td>
                  {formatDateTime(entry.lockedAt)} by {who(entry.lockedBy)}
                </td>
                <td>
                  {entry.unlockedAt
                    ? `${formatDateTime(entry.unlockedAt)} by ${who(entry.unlockedBy)}`
                    : "Still locked"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
