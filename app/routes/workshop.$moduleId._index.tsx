import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import { lazy, Suspense, useMemo, useRef, useState } from "react";
import { CommentsPanel } from "~/components/comments-panel";
import { Notice } from "~/components/layout";
import type { EditorApi, EditorEvents } from "~/editor/collaborative-editor";
import { requireActor } from "~/lib/auth.server";
import { listThreads, unreadCount } from "~/lib/coproduction.server";
import { handled, paramId } from "~/lib/http.server";
import { useHydrated } from "~/lib/hydrated";
import { colourFor, listCollaborators, openModule, renderDocumentHTML } from "~/lib/workshop.server";

// The editor, Tiptap and Yjs load only here, and only in the browser.
const CollaborativeEditor = lazy(() => import("~/editor/collaborative-editor"));

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handled(async () => {
    const actor = await requireActor(request, context);
    const moduleId = paramId(params, "moduleId");
    const { db, collab } = context.runtime;
    const { access } = openModule(db, actor, moduleId);
    const doc = collab.current(moduleId);
    return {
      moduleId,
      user: { id: actor.userId, name: actor.name, color: colourFor(actor.userId) },
      canEdit: access.edit,
      canComment: access.comment,
      canModerate: access.facilitate,
      previewHTML: renderDocumentHTML(doc),
      threads: listThreads(db, moduleId, actor.userId, doc),
      unread: unreadCount(db, moduleId, actor.userId),
      people: listCollaborators(db, moduleId).map((c) => c.name),
    };
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
  const hydrated = useHydrated();
  const [params] = useSearchParams();
  const revalidator = useRevalidator();
  const api = useRef<EditorApi | null>(null);
  const [anchoredIds, setAnchoredIds] = useState<string[] | null>(null);
  const [selection, setSelection] = useState(false);
  const [focusedThread, setFocusedThread] = useState<string | null>(null);
  const revalidate = revalidator.revalidate;
  const events = useMemo<EditorEvents>(
    () => ({
      onAnchors: setAnchoredIds,
      onSelection: setSelection,
      onThreadAtCursor: setFocusedThread,
      onNotice: () => revalidate(),
    }),
    [revalidate],
  );
  return (
    <>
      {params.get("started") ? (
        <Notice tone="success">
          Your module is ready, made from the starter module. Invite co-designers from “Details and people”, then rework
          it together.
        </Notice>
      ) : null}
      <div className="write-layout">
        <div className="write-main">
          {hydrated ? (
            <Suspense fallback={<Preview html={data.previewHTML} message="Loading the editor…" />}>
              <CollaborativeEditor
                key={data.moduleId}
                moduleId={data.moduleId}
                user={data.user}
                canEdit={data.canEdit}
                apiRef={api}
                events={events}
              />
            </Suspense>
          ) : (
            <Preview
              html={data.previewHTML}
              message="The editor needs JavaScript. This is the module as it stands now."
            />
          )}
        </div>
        <CommentsPanel
          moduleId={data.moduleId}
          threads={data.threads}
          unread={data.unread}
          canComment={data.canComment}
          canModerate={data.canModerate}
          people={data.people}
          api={api}
          anchoredIds={anchoredIds}
          selectionAvailable={selection}
          focusedThreadId={focusedThread}
        />
      </div>
    </>
  );
}
