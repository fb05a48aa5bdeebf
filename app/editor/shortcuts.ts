import { Extension } from "@tiptap/core";

export type EditorDialog = "link" | "shortcuts" | "image";

/** Every shortcut the editor has, as the Keyboard shortcuts dialog lists them. */
export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: "Ctrl+B", what: "Bold" },
  { keys: "Ctrl+I", what: "Italic" },
  { keys: "Ctrl+K", what: "Add or change a link on the selected words" },
  { keys: "Ctrl+Z", what: "Undo your own last change" },
  { keys: "Ctrl+Shift+Z", what: "Redo" },
  { keys: "Alt+Shift+Up arrow", what: "Move the block, or the section from its heading, up" },
  { keys: "Alt+Shift+Down arrow", what: "Move the block, or the section from its heading, down" },
  { keys: "/ at the start of an empty line", what: "Insert a heading, list, quote or training block" },
  { keys: "Up and Down arrows, Enter", what: "Choose in the slash menu, and insert" },
  { keys: "Escape", what: "Close the slash menu or a dialog" },
  { keys: "Ctrl+/", what: "Show these shortcuts" },
];

/** Ctrl/Cmd+K and Ctrl/Cmd+/ open the editor's dialogs; the page around the editor shows them. */
export const DialogShortcuts = Extension.create<{ onOpen: (dialog: EditorDialog) => void }>({
  name: "dialogShortcuts",
  addOptions() {
    return { onOpen: () => {} };
  },
  addKeyboardShortcuts() {
    return {
      "Mod-k": () => {
        this.options.onOpen("link");
        return true;
      },
      "Mod-/": () => {
        this.options.onOpen("shortcuts");
        return true;
      },
    };
  },
});
