import { useFetcher } from "@remix-run/react";
import { type MutableRefObject, useEffect, useId, useRef, useState } from "react";
import type { EditorApi } from "~/editor/collaborative-editor";
import type { Anchor } from "~/editor/comment-anchors";
import { type Comment, CommentEntry } from "./comment-entry";

export type Thread = {
  id: string;
  quote: string;
  resolved: boolean;
  detached: boolean;
  comments: Comment[];
  unread: number;
};

type ActionResult = {
  ok: boolean;
  intent?: string;
  threadId?: string | null;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
};

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p className="error-message" id={id}>
      {message}
    </p>
  ) : null;
}

function NewThreadForm({
  moduleId,
  draft,
  api,
  onDone,
}: {
  moduleId: string;
  draft: { quote: string; anchor: Anchor };
  api: MutableRefObject<EditorApi | null>;
  onDone: (threadId: string | null) => void;
}) {
  const fetcher = useFetcher<ActionResult>({ key: "new-thread" });
  const id = useId();
  const anchored = useRef(false);
  useEffect(() => {
    const result = fetcher.data;
    if (fetcher.state !== "idle" || !result?.ok || !result.threadId || anchored.current) return;
    anchored.current = true;
    api.current?.anchorThread(result.threadId, draft.anchor);
    onDone(result.threadId);
  }, [fetcher.state, fetcher.data, api, draft.anchor, onDone]);
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.errors : undefined;
  return (
    <fetcher.Form method="post" action={`/workshop/${moduleId}/comments`} className="comment-form">
      <p className="muted">Commenting on:</p>
      <blockquote className="comment-quote">{draft.quote}</blockquote>
      <input type="hidden" name="quote" value={draft.quote} />
      <label htmlFor={`${id}-body`}>Your comment</label>
      <p className="hint" id={`${id}-hint`}>
        Mention someone with @ and their name, for example @Jordan.
      </p>
      <FieldError id={`${id}-error`} message={error?.body ?? error?.quote ?? error?.form} />
      <textarea
        id={`${id}-body`}
        name="body"
        rows={3}
        // biome-ignore lint/a11y/noAutofocus: the person just chose to write a comment
        autoFocus
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        aria-invalid={error?.body ? true : undefined}
        defaultValue={typeof fetcher.data?.values?.body === "string" ? fetcher.data.values.body : ""}
      />
      <div className="actions">
        <button type="submit" name="intent" value="start" disabled={fetcher.state !== "idle"}>
          {fetcher.state === "idle" ? "Post comment" : "Posting…"}
        </button>
        <button type="button" className="button-quiet" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </fetcher.Form>
  );
}

function ThreadItem({
  moduleId,
  thread,
  canComment,
  canModerate,
  names,
  api,
  focused,
}: {
  moduleId: string;
  thread: Thread;
  canComment: boolean;
  canModerate: boolean;
  names: string[];
  api: MutableRefObject<EditorApi | null>;
  focused: boolean;
}) {
  const replyFetcher = useFetcher<ActionResult>({ key: `reply-${thread.id}` });
  const stateFetcher = useFetcher<ActionResult>({ key: `state-${thread.id}` });
  const hideFetcher = useFetcher<ActionResult>({ key: `hide-${thread.id}` });
  const form = useRef<HTMLFormElement>(null);
  const item = useRef<HTMLLIElement>(null);
  const id = useId();
  const action = `/workshop/${moduleId}/comments`;
  const replyError = replyFetcher.data && !replyFetcher.data.ok ? replyFetcher.data.errors : undefined;
  const hideError = hideFetcher.data && !hideFetcher.data.ok ? hideFetcher.data.errors : undefined;

  useEffect(() => {
    if (replyFetcher.state === "idle" && replyFetcher.data?.ok) form.current?.reset();
  }, [replyFetcher.state, replyFetcher.data]);
  useEffect(() => {
    if (focused) item.current?.scrollIntoView({ block: "nearest" });
  }, [focused]);

  return (
    <li
      ref={item}
      className={`thread${thread.resolved ? " thread-resolved" : ""}${focused ? " thread-focused" : ""}`}
      aria-labelledby={`${id}-quote`}
    >
      <blockquote className="comment-quote" id={`${id}-quote`}>
        {thread.quote}
      </blockquote>
      <p className="thread-tags">
        {thread.resolved ? <span className="badge">Resolved</span> : null}
        {thread.detached ? <span className="badge">Detached: the words were removed</span> : null}
        {thread.unread > 0 ? <span className="badge badge-accent">{thread.unread} new</span> : null}
        {!thread.detached ? (
          <button type="button" className="button-link" onClick={() => api.current?.revealThread(thread.id)}>
            Show in the text
          </button>
        ) : null}
      </p>
      <ol className="comments">
        {thread.comments.map((c) => (
          <CommentEntry key={c.id} comment={c} names={names}>
            {canModerate && !c.hidden ? (
              <details className="hide-comment">
                <summary>Hide this comment</summary>
                <hideFetcher.Form method="post" action={action}>
                  <input type="hidden" name="commentId" value={c.id} />
                  <label htmlFor={`${id}-${c.id}-reason`}>Why are you hiding it?</label>
                  <FieldError id={`${id}-${c.id}-reason-error`} message={hideError?.reason ?? hideError?.form} />
                  <input id={`${id}-${c.id}-reason`} name="reason" type="text" maxLength={300} />
                  <button type="submit" name="intent" value="hide" className="button-secondary small">
                    Hide comment
                  </button>
                </hideFetcher.Form>
              </details>
            ) : null}
          </CommentEntry>
        ))}
      </ol>
      {canComment ? (
        <>
          <replyFetcher.Form method="post" action={action} ref={form} className="comment-form">
            <input type="hidden" name="threadId" value={thread.id} />
            <label htmlFor={`${id}-reply`}>Reply</label>
            <FieldError id={`${id}-reply-error`} message={replyError?.body ?? replyError?.form} />
            <textarea
              id={`${id}-reply`}
              name="body"
              rows={2}
              aria-invalid={replyError?.body ? true : undefined}
              aria-describedby={replyError ? `${id}-reply-error` : undefined}
              defaultValue={typeof replyFetcher.data?.values?.body === "string" ? replyFetcher.data.values.body : ""}
            />
            <div className="actions">
              <button type="submit" name="intent" value="reply" className="small">
                Reply
              </button>
            </div>
          </replyFetcher.Form>
          <stateFetcher.Form method="post" action={action}>
            <input type="hidden" name="threadId" value={thread.id} />
            <button
              type="submit"
              name="intent"
              value={thread.resolved ? "reopen" : "resolve"}
              className="button-quiet small"
            >
              {thread.resolved ? "Reopen" : "Resolve"}
              <span className="visually-hidden"> the thread about “{thread.quote.slice(0, 40)}”</span>
            </button>
          </stateFetcher.Form>
        </>
      ) : null}
    </li>
  );
}

/**
 * The comments beside the editor: start a thread on selected words, reply, resolve and reopen;
 * facilitators hide comments with a reason. Threads whose words were deleted stay, marked detached.
 */
export function CommentsPanel({
  moduleId,
  threads,
  unread,
  canComment,
  canModerate,
  people,
  api,
  anchoredIds,
  selectionAvailable,
  focusedThreadId,
}: {
  moduleId: string;
  threads: Thread[];
  unread: number;
  canComment: boolean;
  canModerate: boolean;
  people: string[];
  api: MutableRefObject<EditorApi | null>;
  anchoredIds: string[] | null;
  selectionAvailable: boolean;
  focusedThreadId: string | null;
}) {
  const [draft, setDraft] = useState<{ quote: string; anchor: Anchor } | null>(null);
  const [show, setShow] = useState<"open" | "resolved" | "all">("open");
  const [hint, setHint] = useState<string | null>(null);
  // Once there are words selected, the reminder to select some has done its job.
  useEffect(() => {
    if (selectionAvailable) setHint(null);
  }, [selectionAvailable]);
  const readFetcher = useFetcher({ key: "comments-read" });
  const live = anchoredIds ? new Set(anchoredIds) : null;
  const shown = threads
    .map((t) => (live ? { ...t, detached: !live.has(t.id) } : t))
    .filter((t) => show === "all" || (show === "resolved" ? t.resolved : !t.resolved));

  const begin = () => {
    const captured = api.current?.captureSelection() ?? null;
    if (!captured) {
      setHint("Select the words you want to comment on in the module first.");
      return;
    }
    setHint(null);
    setDraft(captured);
  };

  return (
    <aside className="comments-panel" aria-labelledby="comments-title">
      <h2 id="comments-title">
        Comments{" "}
        {unread > 0 ? (
          <span className="badge badge-accent">{unread} unread</span>
        ) : (
          <span className="visually-hidden">(none unread)</span>
        )}
      </h2>
      {canComment ? (
        draft ? (
          <NewThreadForm moduleId={moduleId} draft={draft} api={api} onDone={() => setDraft(null)} />
        ) : (
          <>
            <button type="button" onClick={begin} aria-describedby="comment-help" className="button-secondary">
              Comment on selected words
            </button>
            <p className="hint" id="comment-help">
              {hint ??
                (selectionAvailable ? "Ready: your selection will be quoted." : "Select words in the module first.")}
            </p>
          </>
        )
      ) : null}
      <fieldset className="comment-filter">
        <legend>Show</legend>
        {(["open", "resolved", "all"] as const).map((value) => (
          <label key={value} className="radio inline">
            <input type="radio" name="show" value={value} checked={show === value} onChange={() => setShow(value)} />
            {value === "open" ? "Open" : value === "resolved" ? "Resolved" : "All"}
          </label>
        ))}
      </fieldset>
      {unread > 0 ? (
        <readFetcher.Form method="post" action={`/workshop/${moduleId}/comments`}>
          <button type="submit" name="intent" value="read" className="button-link">
            Mark all as read
          </button>
        </readFetcher.Form>
      ) : null}
      {shown.length === 0 ? (
        <p className="muted">{show === "resolved" ? "No resolved comments." : "No comments yet."}</p>
      ) : (
        <ol className="threads">
          {shown.map((t) => (
            <ThreadItem
              key={t.id}
              moduleId={moduleId}
              thread={t}
              canComment={canComment}
              canModerate={canModerate}
              names={people}
              api={api}
              focused={focusedThreadId === t.id}
            />
          ))}
        </ol>
      )}
    </aside>
  );
}
