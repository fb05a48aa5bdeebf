import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { slashMatches } from "./slash-items";
import { chooseSlashItem, SLASH_LIST_ID, slashOptionId, slashStateOf } from "./slash-menu";

const MENU_WIDTH = 272;

/** The slash menu's list, beside the slash that opened it; the editor keeps the keyboard focus. */
export function SlashMenuList({ editor }: { editor: Editor }) {
  const menu = useEditorState({ editor, selector: ({ editor: e }) => slashStateOf(e.state) });
  if (!menu.active) return null;
  const matches = slashMatches(menu.query);
  const at = editor.view.coordsAtPos(menu.from);
  const left = Math.max(8, Math.min(at.left, window.innerWidth - MENU_WIDTH - 8));
  return (
    <div className="slash-menu" style={{ top: at.bottom + 4, left, width: MENU_WIDTH }}>
      <p className="visually-hidden" role="status">
        {matches.length === 0
          ? "Nothing matches. Press Escape to keep the slash."
          : `${matches.length} ${matches.length === 1 ? "choice" : "choices"}: arrow keys choose, Enter inserts, Escape closes.`}
      </p>
      {matches.length === 0 ? (
        <p className="slash-empty">Nothing matches “{menu.query}”</p>
      ) : (
        <div role="listbox" id={SLASH_LIST_ID} aria-label="Insert">
          {matches.map((item, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works from the editor, which keeps the focus
            // biome-ignore lint/a11y/useFocusableInteractive: options of a listbox driven by aria-activedescendant are not focused
            <div
              key={item.id}
              id={slashOptionId(item.id)}
              role="option"
              aria-selected={i === menu.index}
              className={i === menu.index ? "slash-option chosen" : "slash-option"}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => chooseSlashItem(editor, item.id)}
            >
              {item.label}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
