import { type Editor, Extension } from "@tiptap/core";
import { type EditorState, Plugin, PluginKey } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { slashMatches } from "./slash-items";

/** Ids the listbox and its options carry, so the editor can point at the chosen one. */
export const SLASH_LIST_ID = "slash-menu-list";
export const slashOptionId = (id: string) => `slash-option-${id}`;

export type SlashState = { active: false } | { active: true; from: number; query: string; index: number };

type Meta = { open: number } | { close: true } | { move: number };

export const slashKey = new PluginKey<SlashState>("slashMenu");

const CLOSED: SlashState = { active: false };

/** The open menu's state, kept only while the slash it opened from is still there before the cursor. */
function follow(state: SlashState, doc: EditorState["doc"], head: number, mapFrom: (pos: number) => number) {
  if (!state.active) return state;
  const from = mapFrom(state.from);
  const $from = doc.resolve(from);
  if (doc.textBetween(from, Math.min(from + 1, doc.content.size)) !== "/") return CLOSED;
  if (head <= from || head > $from.end()) return CLOSED;
  const query = doc.textBetween(from + 1, head);
  if (query.length > 40) return CLOSED;
  const count = slashMatches(query).length;
  return { active: true as const, from, query, index: Math.min(state.index, Math.max(count - 1, 0)) };
}

export function slashStateOf(state: EditorState): SlashState {
  return slashKey.getState(state) ?? CLOSED;
}

/** Puts the chosen item in place of the slash and the words typed after it (by Enter or a click). */
export function chooseSlashItem(editor: Editor, id: string) {
  const { state } = editor;
  const menu = slashStateOf(state);
  const item = slashMatches(menu.active ? menu.query : "").find((i) => i.id === id);
  if (!menu.active || !item) return;
  editor.view.dispatch(state.tr.delete(menu.from, state.selection.head).setMeta(slashKey, { close: true }));
  item.run(editor);
}

/**
 * The slash menu: "/" typed at the start of an empty paragraph opens a list of what can go there,
 * filtered by what is typed after it. The editor keeps the focus (it points at the chosen option
 * with aria-activedescendant, as a combobox does): arrows choose, Enter inserts, Escape closes and
 * leaves the slash as typed. A slash anywhere else is just a slash.
 */
export const SlashMenu = Extension.create({
  name: "slashMenu",
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin<SlashState>({
        key: slashKey,
        state: {
          init: () => CLOSED,
          apply(tr, value, _old, next) {
            const meta = tr.getMeta(slashKey) as Meta | undefined;
            if (meta && "close" in meta) return CLOSED;
            if (meta && "open" in meta)
              return follow(
                { active: true, from: meta.open, query: "", index: 0 },
                next.doc,
                next.selection.head,
                (p) => p,
              );
            let moved = value;
            if (meta && "move" in meta && value.active) {
              const count = slashMatches(value.query).length;
              moved = { ...value, index: count === 0 ? 0 : (value.index + meta.move + count) % count };
            }
            if (!tr.docChanged && !tr.selectionSet) return moved;
            // Another editor's change comes in as a new whole document, which maps every old position
            // to its end. The menu only opens at the start of a paragraph, with the selection put back
            // where it was, so the slash is found again at the start of the cursor's paragraph.
            const remote =
              (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
            const mapFrom = remote ? () => next.selection.$head.start() : (p: number) => tr.mapping.map(p);
            return follow(moved, next.doc, next.selection.head, mapFrom);
          },
        },
        props: {
          // Judged by where the browser put the slash (from, to), not by the editor's selection: the
          // browser reports a moved caret a moment after it moves, and a key typed in that moment
          // lands at the new caret while the selection is still the old one. The default transaction
          // carries the caret as the browser has it.
          handleTextInput(view, from, to, text, insert) {
            const $at = view.state.doc.resolve(from);
            if (text !== "/" || from !== to || $at.parent.type.name !== "paragraph" || $at.parent.content.size > 0) {
              return false;
            }
            view.dispatch(insert().setMeta(slashKey, { open: from }));
            return true;
          },
          handleKeyDown(view, event) {
            const state = slashStateOf(view.state);
            if (!state.active) return false;
            const matches = slashMatches(state.query);
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              view.dispatch(view.state.tr.setMeta(slashKey, { move: event.key === "ArrowDown" ? 1 : -1 }));
              return true;
            }
            if (event.key === "Escape") {
              view.dispatch(view.state.tr.setMeta(slashKey, { close: true }));
              // The quick exit listens for Escape too: this one only closed the menu.
              event.stopPropagation();
              return true;
            }
            if (event.key === "Enter" || event.key === "Tab") {
              const item = matches[state.index];
              if (!item) {
                view.dispatch(view.state.tr.setMeta(slashKey, { close: true }));
                return event.key === "Tab";
              }
              chooseSlashItem(editor, item.id);
              return true;
            }
            return false;
          },
          attributes(state): Record<string, string> {
            const menu = slashStateOf(state);
            if (!menu.active) return {};
            const item = slashMatches(menu.query)[menu.index];
            return {
              "aria-controls": SLASH_LIST_ID,
              "aria-autocomplete": "list",
              ...(item ? { "aria-activedescendant": slashOptionId(item.id) } : {}),
            };
          },
        },
      }),
    ];
  },
});
