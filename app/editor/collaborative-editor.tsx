import { HocuspocusProvider, WebSocketStatus } from "@hocuspocus/provider";
import { EditorContent, useEditor } from "@tiptap/react";
import { type MutableRefObject, useEffect, useMemo, useRef, useState } from "react";
import * as Y from "yjs";
import { CLOSE_REASONS, COLLAB_PATH, documentNameFor } from "../../modules/collaboration/protocol";
import {
  type Anchor,
  anchoredThreadIds,
  anchorThread,
  captureSelection,
  hasSelection,
  revealThread,
  threadAtCursor,
} from "./comment-anchors";
import { editorExtensions } from "./extensions";
import { HereNow, type Person } from "./here-now";
import { Toolbar } from "./toolbar";

type Problem = "access" | "full" | "too-big" | "malformed" | null;

const PROBLEM_MESSAGES: Record<Exclude<Problem, null>, string> = {
  access: "You no longer have access to edit this module. Your earlier changes are saved.",
  full: "This module has reached its size limit, so your latest change was not saved. Reload to carry on from the saved version, then remove something or split it into two modules.",
  "too-big": "That change was too large to send in one go. Try pasting less at a time.",
  malformed: "Something went wrong sending your changes. Reload the page to carry on; saved work is safe.",
};

function collabUrl() {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss" : "ws"}://${host}${COLLAB_PATH}`;
}

function problemFromClose(code: number | undefined, reason: string | undefined): Problem {
  if (reason === CLOSE_REASONS.removed || code === 4403) return "access";
  if (reason === CLOSE_REASONS.documentFull || code === 4413) return "full";
  if (reason === CLOSE_REASONS.messageTooBig || code === 1009) return "too-big";
  if (reason === CLOSE_REASONS.malformed || code === 4400) return "malformed";
  return null;
}

/** What the page around the editor (the comments panel) may ask of it. */
export type EditorApi = {
  captureSelection(): { quote: string; anchor: Anchor } | null;
  anchorThread(threadId: string, anchor: Anchor): boolean;
  revealThread(threadId: string): void;
};

export type EditorEvents = {
  /** Thread ids currently anchored in the document (the rest are detached). */
  onAnchors?: (ids: string[]) => void;
  onSelection?: (hasText: boolean) => void;
  /** The cursor moved into a commented passage. */
  onThreadAtCursor?: (threadId: string) => void;
  /** The server says something beside the text changed (comments, review). */
  onNotice?: (what: string) => void;
};

/**
 * The co-editing surface for one module: Tiptap bound to a Yjs document that Hocuspocus keeps in
 * step with everyone else's. Mounted only in the browser, after hydration.
 */
export default function CollaborativeEditor({
  moduleId,
  user,
  canEdit,
  apiRef,
  events,
}: {
  moduleId: string;
  user: { id: string; name: string; color: string };
  canEdit: boolean;
  apiRef?: MutableRefObject<EditorApi | null>;
  events?: EditorEvents;
}) {
  // Latest handlers without re-subscribing (the page passes new functions on every render).
  const handlers = useRef(events);
  handlers.current = events;
  const { document, provider } = useMemo(() => {
    const doc = new Y.Doc();
    return {
      document: doc,
      provider: new HocuspocusProvider({ url: collabUrl(), name: documentNameFor(moduleId), document: doc }),
    };
  }, [moduleId]);

  // Fixed for the editor's lifetime: a new user object on revalidation must not rebuild the editor.
  const [caretUser] = useState(user);
  const [connection, setConnection] = useState<WebSocketStatus>(WebSocketStatus.Connecting);
  const [everConnected, setEverConnected] = useState(false);
  const [synced, setSynced] = useState(false);
  const [unsynced, setUnsynced] = useState(0);
  const [problem, setProblem] = useState<Problem>(null);
  const [limitHit, setLimitHit] = useState(false);
  const [people, setPeople] = useState<Person[]>([]);

  useEffect(() => {
    const onStatus = ({ status }: { status: WebSocketStatus }) => {
      setConnection(status);
      if (status === WebSocketStatus.Connected) setEverConnected(true);
    };
    const onSynced = () => setSynced(true);
    const onUnsynced = ({ number }: { number: number }) => setUnsynced(number);
    const onDenied = () => setProblem("access");
    const onClose = ({ event }: { event: { code?: number; reason?: string } }) => {
      const found = problemFromClose(event.code, event.reason);
      if (found) setProblem(found);
    };
    const onAwareness = ({
      states,
    }: {
      states: { clientId: number; user?: { id?: string; name?: string; color?: string } }[];
    }) => {
      setPeople(
        states
          .filter((s) => s.user?.name)
          .map((s) => ({
            clientId: s.clientId,
            id: String(s.user?.id ?? s.clientId),
            name: String(s.user?.name),
            color: String(s.user?.color ?? "#444"),
            isMe: s.clientId === document.clientID,
          })),
      );
    };
    provider.on("status", onStatus);
    provider.on("synced", onSynced);
    provider.on("unsyncedChanges", onUnsynced);
    provider.on("authenticationFailed", onDenied);
    provider.on("close", onClose);
    provider.on("awarenessChange", onAwareness);
    provider.on("stateless", ({ payload }: { payload: string }) => {
      try {
        handlers.current?.onNotice?.(String(JSON.parse(payload).changed));
      } catch {
        // Not one of ours; nothing to do.
      }
    });
    return () => {
      provider.destroy();
      document.destroy();
    };
  }, [provider, document]);

  const extensions = useMemo(
    () =>
      editorExtensions({
        document,
        provider,
        user: caretUser,
        onLimit: () => setLimitHit(true),
      }),
    [document, provider, caretUser],
  );

  const editor = useEditor(
    {
      extensions,
      editable: canEdit,
      immediatelyRender: false,
      editorProps: {
        attributes: {
          class: "editor-content",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": "Module content",
          ...(canEdit ? {} : { "aria-readonly": "true" }),
        },
      },
    },
    [extensions],
  );

  // After these, nothing more typed here could be saved: stop editing rather than let work pile up.
  const stopped = problem === "access" || problem === "full" || problem === "malformed";
  useEffect(() => {
    if (editor && stopped) editor.setEditable(false);
  }, [editor, stopped]);

  useEffect(() => {
    if (!editor) return;
    if (apiRef) {
      apiRef.current = {
        captureSelection: () => captureSelection(editor),
        anchorThread: (threadId, anchor) => anchorThread(editor, threadId, anchor),
        revealThread: (threadId) => revealThread(editor, threadId),
      };
    }
    const onUpdate = () => handlers.current?.onAnchors?.(anchoredThreadIds(editor));
    const onSelection = () => {
      handlers.current?.onSelection?.(hasSelection(editor));
      const thread = threadAtCursor(editor);
      if (thread) handlers.current?.onThreadAtCursor?.(thread);
    };
    editor.on("update", onUpdate);
    editor.on("selectionUpdate", onSelection);
    // A read-only editor does not report selection changes itself.
    window.document.addEventListener("selectionchange", onSelection);
    onUpdate();
    return () => {
      editor.off("update", onUpdate);
      editor.off("selectionUpdate", onSelection);
      window.document.removeEventListener("selectionchange", onSelection);
      if (apiRef) apiRef.current = null;
    };
  }, [editor, apiRef]);

  useEffect(() => {
    if (!limitHit) return;
    const timer = setTimeout(() => setLimitHit(false), 8000);
    return () => clearTimeout(timer);
  }, [limitHit]);

  const offline = everConnected && connection !== WebSocketStatus.Connected;
  const status = problem
    ? PROBLEM_MESSAGES[problem]
    : offline
      ? "Offline: your changes will sync when you reconnect"
      : !synced
        ? "Connecting…"
        : unsynced > 0
          ? "Saving…"
          : "Saved";

  return (
    <div className="editor-shell">
      <div className="editor-meta">
        <p className={problem ? "save-status save-status-problem" : "save-status"} role="status" aria-live="polite">
          {status}
        </p>
        {problem === "full" || problem === "malformed" ? (
          <button type="button" className="button-secondary small" onClick={() => window.location.reload()}>
            Reload the module
          </button>
        ) : null}
        <HereNow people={people} />
      </div>
      {limitHit ? (
        <p className="notice notice-note" role="alert">
          This module has reached its size limit ({"about 200,000 characters"}). Split it into two modules, or remove
          something first.
        </p>
      ) : null}
      {editor && canEdit && !stopped ? <Toolbar editor={editor} /> : null}
      {!canEdit ? (
        <p className="muted">
          You can read and comment on this module. Only its facilitators and co-designers edit it.
        </p>
      ) : null}
      <EditorContent editor={editor} className="editor-frame" />
    </div>
  );
}
