import { TextSelection } from "@tiptap/pm/state";
import type { Editor } from "@tiptap/react";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { newBlock } from "../../modules/documents/templates";
import { BLOCK_LABELS, BLOCK_TYPES, type BlockType } from "../../modules/documents/vocabulary";

/**
 * Inserts a block after the top-level block that holds the cursor (so blocks never nest) and puts
 * the cursor in its first text part, ready to type. With `replaceEmpty`, an empty top-level
 * paragraph (where the slash menu was opened) becomes the block instead.
 */
export function insertBlock(editor: Editor, type: BlockType, options: { replaceEmpty?: boolean } = {}) {
  const { $from } = editor.state.selection;
  const emptyParagraph = $from.depth === 1 && $from.parent.type.name === "paragraph" && $from.parent.content.size === 0;
  const replace = options.replaceEmpty && emptyParagraph;
  const at = replace ? $from.before(1) : $from.depth >= 1 ? $from.after(1) : editor.state.doc.content.size;
  editor
    .chain()
    .focus()
    .insertContentAt(replace ? { from: at, to: $from.after(1) } : at, newBlock(type))
    .command(({ tr }) => {
      tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(at + 1, tr.doc.content.size)), 1));
      return true;
    })
    .run();
}

/** "Insert block": a menu button (ARIA menu pattern) listing the training blocks. */
export function InsertMenu({ editor }: { editor: Editor }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
  }, [open]);

  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const items = Array.from(menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? []);
    const index = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    if (event.key === "ArrowDown") move(index + 1);
    else if (event.key === "ArrowUp") move(index - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(items.length - 1);
    else if (event.key === "Escape" || event.key === "Tab") {
      event.preventDefault();
      close();
    }
  };

  return (
    <span className="insert-menu">
      <button
        ref={button}
        type="button"
        data-tool=""
        tabIndex={-1}
        className="tool tool-insert"
        aria-label="Insert block"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        Insert<span className="tool-long"> block</span>
      </button>
      {open ? (
        <div id={`${id}-menu`} role="menu" aria-label="Training blocks" ref={menu} onKeyDown={onMenuKey}>
          {BLOCK_TYPES.map((type) => (
            <button
              key={type}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                close(false);
                insertBlock(editor, type);
              }}
            >
              {BLOCK_LABELS[type]}
            </button>
          ))}
        </div>
      ) : null}
    </span>
  );
}
