import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import { lazy, Suspense, useMemo, useRef, useState } from "react";
import { CommentsPanel } from "~/components/comments-panel";
import { CommentsButton, CommentsSheetFrame, useCommentsSheet } from "~/components/comments-sheet";
import { formatDateTime, Notice } from "~/components/layout";
import { type Suggestion, SuggestionsPanel } from "~/components/suggestions-panel";
import { useBreakUntil } from "~/components/workshop/agenda-clock";
import { LockPanel, lockSentence } from "~/components/workshop/lock-panel";
import { PreviewLink } from "~/components/workshop/preview-link";
import { ResolvedHighlights } from "~/components/workshop/resolved-highlights";
import { SessionBar, StartSessionLink } from "~/components/workshop/session-bar";
import { useAnchoredThreads } from "~/editor/anchor-grace";
import type { EditorApi, EditorEvents } from "~/editor/collaborative-editor";
import { StorytellersContext } from "~/editor/storytellers";
import { requireContext } from "~/lib/auth.server";
import { comments, history, locks, organisations, stories, workshop, workshopSessions } from "~/lib/domain.server";
import { handled, paramId } from "~/lib/http.server";
import { useHydrated } from "~/lib/hydrated";
import { dispatch, intent } from "~/lib/intents.server";

// The editor, Tiptap and Yjs load only here, and only in the browser.
const CollaborativeEditor = lazy(() => import("~/editor/collaborative-editor"));

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const moduleId = paramId(params, "moduleId");
    const { doc, ...page } = workshop.editorPage(ctx, context.runtime.collab, moduleId);
    // History sends the id of the version a restore brought back, for the confirmation.
    const restored = new URL(request.url).searchParams.get("restored");
    return {
      ...page,
      ...comments.moduleThreads(ctx, moduleId, doc),
      restored: history.restoredSnapshot(ctx, moduleId, restored),
      graphicWords: organisations.graphicDetailWords(ctx),
      ...locks.moduleLocks(ctx, context.runtime.collab, moduleId),
      storytellers: page.canEdit ? stories.storytellerChoices(ctx, moduleId) : [],
      live: workshopSessions.liveSession(ctx, moduleId),
    };
  });

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handled(async () => {
    const ctx = await requireContext(request, context);
    const moduleId = paramId(params, "moduleId");
    return dispatch(request, ctx, {
      lock: intent({
        schema: locks.lockSchema,
        run: (ctx, input) => {
          locks.lockPart(ctx, context.runtime.collab, moduleId, input);
          return redirect(`/workshop/${moduleId}`);
        },
      }),
      unlock: intent({
        schema: locks.unlockSchema,
        run: (ctx, input) => {
          locks.unlockPart(ctx, moduleId, input);
          return redirect(`/workshop/${moduleId}`);
        },
      }),
    });
  });

function Preview({ html, message }: { html: string; message: string }) {
  return (
    <div className="editor-shell">
      <p className="save-status">{message}</p>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered on the server from the schema-checked document */}
      <div className="editor-frame preview" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}

export default function Write() {
  const data = useLoaderData<typeof loader>();
  const lockState = useActionData<typeof action>();
  const lockedParts = useMemo(
    () => data.locks.map((lock) => ({ nodeId: lock.nodeId, says: lockSentence(lock) })),
    [data.locks],
  );
  const hydrated = useHydrated();
  const [params] = useSearchParams();
  const revalidator = useRevalidator();
  const api = useRef<EditorApi | null>(null);
  const sheet = useCommentsSheet(api);
  const [anchoredIds, setAnchoredIds] = useState<string[] | null>(null);
  // Threads about suggestions are shown with the suggestions; the rest with the comments.
  const [suggestionThreads, commentThreads] = useMemo(
    () => [data.threads.filter((t) => t.suggestionId), data.threads.filter((t) => !t.suggestionId)],
    [data.threads],
  );
  const threadIds = useMemo(() => commentThreads.map((t) => t.id), [commentThreads]);
  const settledAnchors = useAnchoredThreads(anchoredIds, threadIds);
  const [selection, setSelection] = useState(false);
  const [focusedThread, setFocusedThread] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<{ list: Suggestion[]; suggestOnly: boolean }>({
    list: [],
    suggestOnly: data.suggestOnly,
  });
  const revalidate = revalidator.revalidate;
  const breakUntil = useBreakUntil(data.live.session);
  const onBreak = breakUntil !== null;
  const [away, setAway] = useState(false);
  const events = useMemo<EditorEvents>(
    () => ({
      onAnchors: setAnchoredIds,
      onSelection: setSelection,
      onThreadAtCursor: setFocusedThread,
      onNotice: () => revalidate(),
      onSuggestions: (list, suggestOnly) => setSuggestions({ list, suggestOnly }),
    }),
    [revalidate],
  );
  return (
    <>
      {data.restored ? (
        <Notice tone="success">
          Restored the version from {formatDateTime(data.restored.createdAt)}, “{data.restored.name}”. Everyone working
          on the module sees it now; what was there before is kept in History.
        </Notice>
      ) : null}
      {params.get("started") ? (
        <Notice tone="success">
          Your module is ready, made from the starter module. Invite co-designers from “Details and people”, then rework
          it together.
        </Notice>
      ) : null}
      {params.get("duplicated") ? (
        <Notice tone="success">
          Your copy is ready: a new draft with the same text, and none of the comments, sign-offs or history.
        </Notice>
      ) : null}
      <div className="write-layout">
        <div className="write-main">
          {data.live.session ? (
            <SessionBar
              moduleId={data.moduleId}
              session={data.live.session}
              canRun={data.live.canRun}
              breakUntil={breakUntil}
              away={away}
              onAway={setAway}
            />
          ) : null}
          <div className="write-bar">
            <PreviewLink moduleId={data.moduleId} />
            <StartSessionLink moduleId={data.moduleId} show={data.live.canRun && !data.live.session} />
            <CommentsButton sheet={sheet} open={data.threads.filter((t) => !t.resolved).length} unread={data.unread} />
            <ResolvedHighlights threads={commentThreads} />
          </div>
          {hydrated ? (
            <Suspense fallback={<Preview html={data.previewHTML} message="Loading the editor…" />}>
              <StorytellersContext.Provider value={data.storytellers}>
                <CollaborativeEditor
                  key={data.moduleId}
                  moduleId={data.moduleId}
                  user={data.user}
                  canEdit={data.canEdit}
                  suggestOnly={data.suggestOnly}
                  names={data.names}
                  graphicWords={data.graphicWords}
                  apiRef={api}
                  events={events}
                  locks={lockedParts}
                  onBreak={onBreak}
                  away={away && !!data.live.session}
                />
              </StorytellersContext.Provider>
            </Suspense>
          ) : (
            <Preview
              html={data.previewHTML}
              message="The editor needs JavaScript. This is the module as it stands now."
            />
          )}
          <LockPanel locks={data.locks} open={data.open} canLock={data.canLock} state={lockState} />
        </div>
        <CommentsSheetFrame sheet={sheet}>
          <SuggestionsPanel
            moduleId={data.moduleId}
            threads={suggestionThreads}
            canComment={data.canComment}
            suggestions={suggestions.list}
            names={data.names}
            me={data.user.id}
            canModerate={data.canModerate}
            suggestOnly={suggestions.suggestOnly}
            api={sheet.api}
          />
          <CommentsPanel
            moduleId={data.moduleId}
            threads={commentThreads}
            unread={data.unread}
            canComment={data.canComment}
            canModerate={data.canModerate}
            people={data.people}
            api={sheet.api}
            anchoredIds={settledAnchors}
            selectionAvailable={selection}
            focusedThreadId={focusedThread}
          />
        </CommentsSheetFrame>
      </div>
    </>
  );
}
