import {
  type KeyboardEvent,
  type MutableRefObject,
  type ReactNode,
  type RefObject,
  useMemo,
  useRef,
  useState,
} from "react";
import type { EditorApi } from "~/editor/collaborative-editor";
import { useMediaQuery } from "~/lib/media-query";

/** Below this width the comments are not beside the text but behind a button (editor.css agrees). */
const SMALL_SCREEN = "(max-width: 60rem)";

export type CommentsSheet = {
  small: boolean;
  open: boolean;
  show: () => void;
  close: () => void;
  button: RefObject<HTMLButtonElement>;
  /** The editor, as the panel asks it: showing a thread's words in the text closes the sheet first. */
  api: MutableRefObject<EditorApi | null>;
};

/**
 * On a small screen the comments open over the page, as a dialog, from a button with their count;
 * on a wide one they stay beside the text. The panel stays mounted either way, so a comment being
 * written survives the sheet closing and the screen turning.
 */
export function useCommentsSheet(editor: MutableRefObject<EditorApi | null>): CommentsSheet {
  const small = useMediaQuery(SMALL_SCREEN);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const api = useMemo<MutableRefObject<EditorApi | null>>(
    () => ({
      get current() {
        const inner = editor.current;
        if (!inner) return null;
        return {
          ...inner,
          revealThread: (threadId: string) => {
            setOpen(false);
            inner.revealThread(threadId);
          },
        };
      },
      set current(value) {
        editor.current = value;
      },
    }),
    [editor],
  );
  return {
    small,
    open: small && open,
    show: () => setOpen(true),
    close: () => {
      setOpen(false);
      button.current?.focus();
    },
    button,
    api,
  };
}

/** "Comments, 2 open": shown on small screens only, where it opens the sheet. */
export function CommentsButton({ sheet, open, unread }: { sheet: CommentsSheet; open: number; unread: number }) {
  if (!sheet.small) return null;
  return (
    <button
      ref={sheet.button}
      type="button"
      className="button-secondary comments-button"
      aria-haspopup="dialog"
      aria-expanded={sheet.open}
      aria-label={`Comments, ${open} open${unread > 0 ? `, ${unread} unread` : ""}`}
      onClick={sheet.show}
    >
      Comments <span className="badge">{open} open</span>
      {unread > 0 ? (
        <>
          {" "}
          <span className="badge badge-accent">{unread} unread</span>
        </>
      ) : null}
    </button>
  );
}

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(
    root.querySelectorAll<HTMLElement>("a[href], button:not([disabled]), input, textarea, select, summary, [tabindex]"),
  ).filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
}

/** Holds the comments panel: in place on a wide screen, a dialog over the page on a small one. */
export function CommentsSheetFrame({ sheet, children }: { sheet: CommentsSheet; children: ReactNode }) {
  const frame = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    if (!sheet.open || !frame.current) return;
    if (event.key === "Escape") {
      // Closing the comments, not a step towards the quick exit.
      event.stopPropagation();
      sheet.close();
      return;
    }
    if (event.key !== "Tab") return;
    // Focus stays in the dialog while it is open.
    const all = focusables(frame.current);
    const first = all[0];
    const last = all[all.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };
  // One element at every width, so the panel inside is never rebuilt when the screen turns.
  const dialog = sheet.open ? { role: "dialog", "aria-modal": true, "aria-label": "Comments" } : {};
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: it is a dialog while open, the only time its keys do anything
    <div
      ref={frame}
      className={sheet.small ? "comments-frame comments-sheet" : "comments-frame"}
      hidden={sheet.small && !sheet.open}
      onKeyDown={onKeyDown}
      {...dialog}
    >
      {sheet.open ? (
        <div className="comments-sheet-bar">
          <button
            type="button"
            className="button-quiet"
            onClick={sheet.close}
            // biome-ignore lint/a11y/noAutofocus: the person just opened the comments; focus belongs in them
            autoFocus
          >
            Close comments
          </button>
        </div>
      ) : null}
      {children}
    </div>
  );
}
