import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { type KeyboardEvent, useRef, useState } from "react";
import { isAllowedLink } from "../../modules/documents/links";
import { ImageDialog } from "./image-dialog";
import { InsertMenu } from "./insert-menu";
import { type MenuTool, MoreTools } from "./more-tools";
import type { EditorDialog } from "./shortcuts";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { TOOL_ICONS, TOOL_SHORT_LABELS } from "./tool-icons";

/** Each tool has a place: on the bar at every width, from a width up, or only under "More tools". */
type Tool = MenuTool;

/**
 * The formatting toolbar, following the ARIA toolbar pattern: one tab stop, arrow keys move
 * between controls, every control has a visible or accessible label. It is one row at any width:
 * the tools it has no room for are under "More tools".
 */
export function Toolbar({
  editor,
  moduleId,
  dialog,
  pastedImage,
  onDialog,
}: {
  editor: Editor;
  moduleId: string;
  /** A picture pasted or dropped into the text, for the image dialog. */
  pastedImage: File | null;
  /** The link form or the shortcuts list, opened from here or by their keys in the text. */
  dialog: EditorDialog | null;
  onDialog: (dialog: EditorDialog | null) => void;
}) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      link: e.isActive("link"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const linkOpen = dialog === "link";
  const setLinkOpen = (open: boolean | ((was: boolean) => boolean)) =>
    onDialog((typeof open === "function" ? open(linkOpen) : open) ? "link" : null);
  const bar = useRef<HTMLDivElement>(null);
  const chain = () => editor.chain().focus();

  const tools: Tool[] = [
    { label: "Bold", shortcut: "Ctrl+B", active: state.bold, place: "always", run: () => chain().toggleBold().run() },
    {
      label: "Italic",
      shortcut: "Ctrl+I",
      active: state.italic,
      place: "always",
      run: () => chain().toggleItalic().run(),
    },
    {
      label: "Section heading",
      active: state.h2,
      place: "narrow",
      run: () => chain().toggleHeading({ level: 2 }).run(),
    },
    { label: "Subheading", active: state.h3, place: "menu", run: () => chain().toggleHeading({ level: 3 }).run() },
    { label: "Bulleted list", active: state.bullet, place: "wide", run: () => chain().toggleBulletList().run() },
    { label: "Numbered list", active: state.ordered, place: "wide", run: () => chain().toggleOrderedList().run() },
    { label: "Quote", active: state.quote, place: "wide", run: () => chain().toggleBlockquote().run() },
    {
      label: "Link",
      shortcut: "Ctrl+K",
      active: state.link,
      place: "wide",
      run: () => setLinkOpen((open) => !open),
    },
    { label: "Image", place: "wide", run: () => onDialog("image") },
    { label: "Move up", shortcut: "Alt+Shift+ArrowUp", place: "menu", run: () => chain().moveBlock("up").run() },
    { label: "Move down", shortcut: "Alt+Shift+ArrowDown", place: "menu", run: () => chain().moveBlock("down").run() },
    {
      label: "Undo",
      shortcut: "Ctrl+Z",
      disabled: !state.canUndo,
      place: "wide",
      run: () => chain().undo().run(),
    },
    {
      label: "Redo",
      shortcut: "Ctrl+Shift+Z",
      disabled: !state.canRedo,
      place: "menu",
      run: () => chain().redo().run(),
    },
  ];
  const shortcutsTool: Tool = {
    label: "Keyboard shortcuts",
    shortcut: "Ctrl+/",
    place: "wide",
    run: () => onDialog("shortcuts"),
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) return;
    // The tools shown at this width; the others are under "More tools".
    const items = Array.from(bar.current?.querySelectorAll<HTMLElement>("[data-tool]") ?? []).filter(
      (el) => el.getClientRects().length > 0,
    );
    const index = items.indexOf(document.activeElement as HTMLElement);
    const next =
      event.key === "Home"
        ? 0
        : event.key === "End"
          ? items.length - 1
          : (index + (event.key === "ArrowRight" ? 1 : -1) + items.length) % items.length;
    event.preventDefault();
    items.forEach((el, i) => {
      el.tabIndex = i === next ? 0 : -1;
    });
    items[next]?.focus();
  };

  return (
    <div className="editor-toolbar-wrap">
      <div
        role="toolbar"
        aria-label="Formatting"
        className="editor-toolbar"
        ref={bar}
        onKeyDown={onKeyDown}
        tabIndex={-1}
      >
        {tools
          .filter((tool) => tool.place !== "menu")
          .map((tool, i) => (
            <ToolButton key={tool.label} tool={tool} first={i === 0} />
          ))}
        <InsertMenu editor={editor} />
        <ToolButton tool={shortcutsTool} />
        <MoreTools tools={[...tools, shortcutsTool]} />
      </div>
      {linkOpen ? <LinkForm editor={editor} onDone={() => setLinkOpen(false)} /> : null}
      {dialog === "image" ? (
        <ImageDialog editor={editor} moduleId={moduleId} initialFile={pastedImage} onClose={() => onDialog(null)} />
      ) : null}
      {dialog === "shortcuts" ? (
        <ShortcutsDialog
          onClose={() => {
            onDialog(null);
            editor.commands.focus();
          }}
        />
      ) : null}
    </div>
  );
}

function ToolButton({ tool, first = false }: { tool: Tool; first?: boolean }) {
  const icon = TOOL_ICONS[tool.label] ?? TOOL_SHORT_LABELS[tool.label];
  return (
    <button
      type="button"
      data-tool=""
      data-place={tool.place}
      tabIndex={first ? 0 : -1}
      className={TOOL_ICONS[tool.label] ? "tool tool-icon-only" : "tool"}
      aria-label={icon ? tool.label : undefined}
      aria-pressed={tool.active === undefined ? undefined : tool.active}
      aria-keyshortcuts={tool.shortcut?.replace("Ctrl", "Control")}
      title={tool.shortcut ? `${tool.label} (${tool.shortcut})` : tool.label}
      disabled={tool.disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={tool.run}
    >
      {icon ?? tool.label}
    </button>
  );
}

function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const current = String(editor.getAttributes("link").href ?? "");
  const [href, setHref] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const value = href.trim();
    if (value === "") {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
      onDone();
      return;
    }
    if (!isAllowedLink(value)) {
      setError(
        "Use a full web address (https://…), an email (mailto:…), a phone number (tel:…) or a page of Alongside (/learn/…).",
      );
      return;
    }
    if (editor.state.selection.empty && !editor.isActive("link")) {
      setError("Select the words to turn into a link first.");
      return;
    }
    editor.chain().focus().extendMarkRange("link").setLink({ href: value }).run();
    onDone();
  };
  return (
    <div className="link-form" role="dialog" aria-label="Link">
      <label htmlFor="editor-link-href">Link address</label>
      <input
        id="editor-link-href"
        type="url"
        value={href}
        // biome-ignore lint/a11y/noAutofocus: the person just asked to edit a link; focus belongs here
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "editor-link-error" : undefined}
        onChange={(e) => setHref(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            apply();
          }
          if (e.key === "Escape") {
            // Closing the dialog, not a step towards the quick exit.
            e.stopPropagation();
            onDone();
            editor.commands.focus();
          }
        }}
      />
      <button type="button" onClick={apply}>
        {href.trim() === "" && current ? "Remove link" : "Apply link"}
      </button>
      <button type="button" className="button-quiet" onClick={onDone}>
        Cancel
      </button>
      {error ? (
        <p className="error-message" id="editor-link-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
