import { useEffect, useId, useState } from "react";
import { useHydrated } from "~/lib/hydrated";

const keyFor = (sessionId: string) => `alongside.check-in.${sessionId}`;

/**
 * A private check-in at the start of a session. It is kept in this browser's storage only: it is in
 * no form and never sent to the server, so no one else, facilitators included, can see it.
 */
export function CheckIn({ sessionId }: { sessionId: string }) {
  const hydrated = useHydrated();
  const id = useId();
  const [text, setText] = useState("");
  const [kept, setKept] = useState(false);
  const [said, setSaid] = useState("");

  useEffect(() => {
    const stored = window.localStorage.getItem(keyFor(sessionId)) ?? "";
    setText(stored);
    setKept(stored !== "");
  }, [sessionId]);

  if (!hydrated) {
    return <p className="muted">A private check-in is offered here when JavaScript is on.</p>;
  }
  return (
    <details className="check-in">
      <summary>Private check-in</summary>
      <label htmlFor={id}>How are you arriving today?</label>
      <p className="hint" id={`${id}-hint`}>
        Only for you. It stays in this browser and is never sent to Alongside: no one else sees it.
      </p>
      <textarea
        id={id}
        aria-describedby={`${id}-hint`}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="actions">
        <button
          type="button"
          className="button-secondary small"
          onClick={() => {
            window.localStorage.setItem(keyFor(sessionId), text);
            setKept(text !== "");
            setSaid(text ? "Kept in this browser." : "");
          }}
        >
          Keep it here
        </button>
        {kept || text ? (
          <button
            type="button"
            className="button-secondary small"
            onClick={() => {
              window.localStorage.removeItem(keyFor(sessionId));
              setText("");
              setKept(false);
              setSaid("Cleared from this browser.");
            }}
          >
            Clear it
          </button>
        ) : null}
      </div>
      <p role="status" className="muted">
        {said}
      </p>
    </details>
  );
}
