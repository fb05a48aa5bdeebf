import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { CommentEntry } from "./comment-entry";
import type { Thread } from "./comments-panel";

/** A comment thread about a suggestion, keyed by the suggestion's id; `outcome` once it is decided. */
export type SuggestionThread = Thread & { suggestionId: string | null; outcome: "accepted" | "rejected" | null };

type ActionResult = { ok: boolean; errors?: Record<string, string>; values?: Record<string, string | string[]> };

/** A facilitator hides a reply with a reason, as on any comment; it stays in place, saying who and why. */
function HideReply({ moduleId, commentId }: { moduleId: string; commentId: string }) {
  const fetcher = useFetcher<ActionResult>({ key: `hide-${commentId}` });
  const id = useId();
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.errors : undefined;
  return (
    <details className="hide-comment">
      <summary>Hide this reply</summary>
      <fetcher.Form method="post" action={`/workshop/${moduleId}/comments`}>
        <input type="hidden" name="commentId" value={commentId} />
        <label htmlFor={`${id}-reason`}>Why are you hiding it?</label>
        {error ? (
          <p className="error-message" id={`${id}-error`}>
            {error.reason ?? error.form}
          </p>
        ) : null}
        <input
          id={`${id}-reason`}
          name="reason"
          type="text"
          maxLength={300}
          aria-invalid={error?.reason ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <button type="submit" name="intent" value="hide" className="button-secondary small">
          Hide reply
        </button>
      </fetcher.Form>
    </details>
  );
}

function Replies({
  moduleId,
  thread,
  canModerate,
}: {
  moduleId: string;
  thread: SuggestionThread | undefined;
  canModerate: boolean;
}) {
  if (!thread || thread.comments.length === 0) return null;
  return (
    <ol className="comments" aria-label="Replies">
      {thread.comments.map((c) => (
        <CommentEntry key={c.id} comment={c}>
          {canModerate && !c.hidden ? <HideReply moduleId={moduleId} commentId={c.id} /> : null}
        </CommentEntry>
      ))}
    </ol>
  );
}

/**
 * The replies to one open suggestion, and a way to add one: "Reply" opens the box, "Send reply" posts
 * it. What was typed stays when the server refuses it, beside the reason.
 */
export function SuggestionReplies({
  moduleId,
  suggestionId,
  what,
  thread,
  canComment,
  canModerate,
}: {
  moduleId: string;
  suggestionId: string;
  what: string;
  thread: SuggestionThread | undefined;
  canComment: boolean;
  canModerate: boolean;
}) {
  const fetcher = useFetcher<ActionResult>({ key: `suggestion-reply-${suggestionId}` });
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.errors : undefined;
  useEffect(() => {
    if (open) box.current?.focus();
  }, [open]);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) {
      form.current?.reset();
      setOpen(false);
    }
  }, [fetcher.state, fetcher.data]);
  return (
    <>
      <Replies moduleId={moduleId} thread={thread} canModerate={canModerate} />
      {canComment && !open ? (
        <button type="button" className="button-link" onClick={() => setOpen(true)}>
          Reply<span className="visually-hidden"> to the suggestion {what}</span>
        </button>
      ) : null}
      {canComment && open ? (
        <fetcher.Form method="post" action={`/workshop/${moduleId}/comments`} ref={form} className="comment-form">
          <input type="hidden" name="suggestionId" value={suggestionId} />
          <label htmlFor={`${id}-reply`}>Your reply to the suggestion {what}</label>
          {error ? (
            <p className="error-message" id={`${id}-error`}>
              {error.body ?? error.suggestionId ?? error.form}
            </p>
          ) : null}
          <textarea
            ref={box}
            id={`${id}-reply`}
            name="body"
            rows={2}
            aria-invalid={error?.body ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            defaultValue={typeof fetcher.data?.values?.body === "string" ? fetcher.data.values.body : ""}
          />
          <div className="actions">
            <button type="submit" name="intent" value="suggestion-reply" className="small">
              {fetcher.state === "idle" ? "Send reply" : "Sending…"}
            </button>
            <button type="button" className="button-quiet small" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </fetcher.Form>
      ) : null}
    </>
  );
}

const OUTCOME = { accepted: "Accepted", rejected: "Rejected" } as const;

/** Suggestions decided since people replied to them: the conversation stays, with what became of it. */
export function DecidedSuggestions({
  moduleId,
  threads,
  canModerate,
}: {
  moduleId: string;
  threads: SuggestionThread[];
  canModerate: boolean;
}) {
  const decided = threads.filter((t) => t.suggestionId && t.resolved);
  const heading = useId();
  if (decided.length === 0) return null;
  return (
    <section className="comments-panel" aria-labelledby={heading}>
      <h2 id={heading}>Decided suggestions ({decided.length})</h2>
      <ul className="plain-list">
        {decided.map((t) => (
          <li key={t.id} className="thread thread-resolved" aria-label={`The suggestion ${t.quote}`}>
            <p>
              The suggestion {t.quote}{" "}
              <span className="badge">{t.outcome ? OUTCOME[t.outcome] : "Resolved: no longer open"}</span>
            </p>
            <Replies moduleId={moduleId} thread={t} canModerate={canModerate} />
          </li>
        ))}
      </ul>
    </section>
  );
}
