import {
  disableSuggestChanges,
  enableSuggestChanges,
  isSuggestChangesEnabled,
} from "@handlewithcare/prosemirror-suggest-changes";
import { HocuspocusProvider, WebSocketStatus } from "@hocuspocus/provider";
import { EditorContent, useEditor } from "@tiptap/react";
import { type MutableRefObject, useCallback, useEffect, useMemo, useRef, useState } from "react";
import * as Y from "yjs";
import { COLLAB_PATH, documentNameFor, type LiveAccess } from "../../modules/collaboration/protocol";
import { newBlockId } from "../../modules/documents/extensions";
import { type OpenSuggestion, openSuggestions } from "../../modules/documents/suggestions";
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
import { giveLockableIds, type LockedPart } from "./locked-parts";
import { MoveAnnouncer } from "./move-announcer";
import { LIMIT_MESSAGES, PROBLEM_MESSAGES, type Problem, problemFromClose, RELOADABLE } from "./problems";
import type { EditorDialog } from "./shortcuts";
import type { Limit } from "./size-limit";
import { SlashMenuList } from "./slash-menu-list";
import { decideSuggestion } from "./suggesting";
import { SuggestingToggle } from "./suggesting-toggle";
import { Toolbar } from "./toolbar";
import { WritingHintsPanel } from "./writing-hints-panel";

function collabUrl() {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss" : "ws"}://${host}${COLLAB_PATH}`;
}

/** A stateless message from the server: what this person may do now, or what changed beside the text. */
function readNotice(payload: string): { access?: LiveAccess; changed?: string } {
  try {
    const data = JSON.parse(payload) as { access?: unknown; changed?: unknown };
    const access = ["edit", "suggest", "comment", "read"].includes(String(data.access))
      ? (data.access as LiveAccess)
      : undefined;
    return { access, changed: typeof data.changed === "string" ? data.changed : undefined };
  } catch {
    return {};
  }
}

/** What the page around the editor (the comments panel) may ask of it. */
export type EditorApi = {
  captureSelection(): { quote: string; anchor: Anchor } | null;
  anchorThread(threadId: string, anchor: Anchor): boolean;
  revealThread(threadId: string): void;
  /** Accepts (makes part of the text) or rejects (takes back) a suggestion. */
  decideSuggestion(id: string, accept: boolean): void;
};

export type EditorEvents = {
  /** Thread ids anchored in the document, once it has synced with the server (null before). */
  onAnchors?: (ids: string[] | null) => void;
  onSelection?: (hasText: boolean) => void;
  /** The cursor moved into a commented passage. */
  onThreadAtCursor?: (threadId: string) => void;
  /** The server says something beside the text changed (comments, review, the person's access). */
  onNotice?: (what: string) => void;
  /** The suggestions open in the document, and whether this person may now only suggest. */
  onSuggestions?: (suggestions: OpenSuggestion[], suggestOnly: boolean) => void;
};

/**
 * The co-editing surface for one module: Tiptap bound to a Yjs document that Hocuspocus keeps in
 * step with everyone else's. Mounted only in the browser, after hydration.
 */
export default function CollaborativeEditor({
  moduleId,
  user,
  canEdit,
  suggestOnly = false,
  names = {},
  apiRef,
  events,
  graphicWords = [],
  locks = [],
  onBreak = false,
  away = false,
}: {
  moduleId: string;
  user: { id: string; name: string; color: string };
  canEdit: boolean;
  /** The organisation's words for the writing hints to point out. */
  graphicWords?: readonly string[];
  /** The parts locked now; the page reloads them whenever the server says they changed. */
  locks?: LockedPart[];
  /** The module takes suggestions only from this person (the server says so again when it connects). */
  suggestOnly?: boolean;
  /** Collaborators' names by user id, to say whose each suggestion is. */
  names?: Record<string, string>;
  apiRef?: MutableRefObject<EditorApi | null>;
  events?: EditorEvents;
  /** The workshop session is on a break: nobody edits until it resumes (the server refuses changes too). */
  onBreak?: boolean;
  /** This person stepped out of the session: the others see them as away. */
  away?: boolean;
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
  const [problem, setProblem] = useState<Problem | null>(null);
  const [limitHit, setLimitHit] = useState<Limit | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [moved, setMoved] = useState("");
  const [dialog, setDialog] = useState<EditorDialog | null>(null);
  // A picture pasted or dropped into the text, waiting in the image dialog for its alt text.
  const [pastedImage, setPastedImage] = useState<File | null>(null);
  // What the server says this person may do; until it has said, what the page was loaded with.
  const [access, setAccess] = useState<LiveAccess>(canEdit ? (suggestOnly ? "suggest" : "edit") : "comment");
  const accessNow = useRef(access);
  const follow = useCallback((next: LiveAccess) => {
    accessNow.current = next;
    setAccess(next);
  }, []);
  useEffect(() => follow(canEdit ? (suggestOnly ? "suggest" : "edit") : "comment"), [canEdit, suggestOnly, follow]);
  // Editing or Suggesting, as this person chose; someone who may only suggest is always suggesting.
  const [suggestingChosen, setSuggestingChosen] = useState(false);
  const suggesting = access === "suggest" || suggestingChosen;
  const [refused, setRefused] = useState<string | null>(null);
  const [namesNow] = useState(names);

  useEffect(() => {
    const onStatus = ({ status }: { status: WebSocketStatus }) => {
      setConnection(status);
      if (status === WebSocketStatus.Connected) setEverConnected(true);
    };
    const onSynced = () => setSynced(true);
    const onUnsynced = ({ number }: { number: number }) => setUnsynced(number);
    // A reconnection refused after being signed out is that, not a loss of access to the module.
    const onDenied = () => setProblem((before) => (before === "signed-out" ? before : "access"));
    const onClose = ({ event }: { event: { code?: number; reason?: string } }) => {
      const found = problemFromClose(event.code, event.reason);
      if (found) setProblem(found);
    };
    const onAwareness = ({
      states,
    }: {
      states: { clientId: number; user?: { id?: string; name?: string; color?: string }; away?: boolean }[];
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
            away: s.away === true,
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
      const notice = readNotice(payload);
      if (notice.access && notice.access !== accessNow.current) {
        follow(notice.access);
        // The page around the editor (comments, tabs) catches up with the new role too.
        handlers.current?.onNotice?.("access");
      }
      if (notice.changed) handlers.current?.onNotice?.(notice.changed);
    });
    return () => {
      provider.destroy();
      document.destroy();
    };
  }, [provider, document, follow]);

  const extensions = useMemo(
    () =>
      editorExtensions({
        document,
        provider,
        user: caretUser,
        onLimit: (limit) => setLimitHit(limit),
        onMoved: setMoved,
        onDialog: setDialog,
        suggesting: { userId: caretUser.id, onRefused: setRefused },
        nameOf: (id) => namesNow[id] ?? "A former collaborator",
        onImage: (file) => {
          setPastedImage(file);
          setDialog("image");
        },
      }),
    [document, provider, caretUser, namesNow],
  );

  // After a problem nothing more typed here could be saved: stop editing rather than let work pile up.
  const stopped = problem !== null;
  const editable = (access === "edit" || access === "suggest") && !stopped && !onBreak;
  const editableNow = useRef(editable);
  editableNow.current = editable;

  const editor = useEditor(
    {
      extensions,
      editable,
      immediatelyRender: false,
      editorProps: {
        // Read on every view update, so it follows setEditable below.
        attributes: () => ({
          class: "editor-content",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": "Module content",
          ...(editableNow.current ? {} : { "aria-readonly": "true" }),
        }),
      },
    },
    [extensions],
  );

  // Node views and the toolbar follow this at once: a change of role needs no reload.
  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  // The suggestion library reads whether Suggesting is on from its own plugin's state.
  useEffect(() => {
    if (!editor) return;
    if (isSuggestChangesEnabled(editor.state) === suggesting) return;
    (suggesting ? enableSuggestChanges : disableSuggestChanges)(editor.state, editor.view.dispatch);
  }, [editor, suggesting]);

  const suggestOnlyNow = useRef(access === "suggest");
  suggestOnlyNow.current = access === "suggest";

  useEffect(() => {
    if (!editor) return;
    if (apiRef) {
      apiRef.current = {
        captureSelection: () => captureSelection(editor),
        anchorThread: (threadId, anchor) => anchorThread(editor, threadId, anchor),
        revealThread: (threadId) => revealThread(editor, threadId),
        decideSuggestion: (id, accept) => {
          decideSuggestion(id, accept)(editor.state, editor.view.dispatch);
        },
      };
    }
    // Before the first sync the editor is empty: reporting no anchors then would call every thread detached.
    const onUpdate = () => {
      handlers.current?.onAnchors?.(provider.isSynced ? anchoredThreadIds(editor) : null);
      if (provider.isSynced)
        handlers.current?.onSuggestions?.(openSuggestions(editor.getJSON()), suggestOnlyNow.current);
    };
    const onSelection = () => {
      handlers.current?.onSelection?.(hasSelection(editor));
      const thread = threadAtCursor(editor);
      if (thread) handlers.current?.onThreadAtCursor?.(thread);
    };
    editor.on("update", onUpdate);
    provider.on("synced", onUpdate);
    editor.on("selectionUpdate", onSelection);
    // A read-only editor does not report selection changes itself.
    window.document.addEventListener("selectionchange", onSelection);
    onUpdate();
    return () => {
      editor.off("update", onUpdate);
      provider.off("synced", onUpdate);
      editor.off("selectionUpdate", onSelection);
      window.document.removeEventListener("selectionchange", onSelection);
      if (apiRef) apiRef.current = null;
    };
  }, [editor, apiRef, provider]);

  useEffect(() => {
    if (editor) editor.commands.setLockedParts(locks);
  }, [editor, locks]);

  useEffect(() => {
    provider.setAwarenessField("away", away);
  }, [provider, away]);

  // Parts need an id to be locked by; documents written before locks existed get theirs here.
  useEffect(() => {
    if (!editor || !editable) return;
    const give = () => giveLockableIds(editor, newBlockId);
    if (provider.isSynced) give();
    provider.on("synced", give);
    return () => {
      provider.off("synced", give);
    };
  }, [editor, editable, provider]);

  useEffect(() => {
    if (!refused) return;
    const timer = setTimeout(() => setRefused(null), 10000);
    return () => clearTimeout(timer);
  }, [refused]);

  useEffect(() => {
    if (!limitHit) return;
    const timer = setTimeout(() => setLimitHit(null), 8000);
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
        {problem && RELOADABLE.has(problem) ? (
          <button type="button" className="button-secondary small" onClick={() => window.location.reload()}>
            Reload the module
          </button>
        ) : null}
        <HereNow people={people} />
      </div>
      {limitHit ? (
        <p className="notice notice-note" role="alert">
          {LIMIT_MESSAGES[limitHit]}
        </p>
      ) : null}
      {refused ? (
        <p className="notice notice-note" role="alert">
          {refused}
        </p>
      ) : null}
      {editor && editable ? (
        <SuggestingToggle
          suggesting={suggesting}
          locked={access === "suggest"}
          onChange={(on) => {
            setSuggestingChosen(on);
            editor.commands.focus();
          }}
        />
      ) : null}
      {editor && editable ? (
        <Toolbar
          editor={editor}
          moduleId={moduleId}
          dialog={dialog}
          pastedImage={pastedImage}
          onDialog={(next) => {
            if (next !== "image") setPastedImage(null);
            setDialog(next);
          }}
        />
      ) : null}
      {access !== "edit" && access !== "suggest" && !onBreak ? (
        <p className="muted">
          You can read and comment on this module. Only its facilitators and co-designers edit it.
        </p>
      ) : null}
      <MoveAnnouncer message={moved} />
      {editor && editable ? <SlashMenuList editor={editor} /> : null}
      <EditorContent editor={editor} className="editor-frame" />
      {editor && synced ? <WritingHintsPanel editor={editor} graphicWords={graphicWords} canEdit={editable} /> : null}
    </div>
  );
}
