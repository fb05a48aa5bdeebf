import { Extension } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { newCheckOption } from "../../modules/documents/templates";
import { CHECK_OPTIONS } from "../../modules/documents/vocabulary";

/**
 * Enter in a knowledge check's answer does what a list does: a new answer after this one, or, on an
 * empty last answer (beyond the two a check needs), leaves the check for a new paragraph after it.
 * Elsewhere Enter is left to the editor (in a key takeaway it starts a new paragraph).
 */
export const BlockEnter = Extension.create({
  name: "blockEnter",
  addKeyboardShortcuts() {
    return {
      Enter: () => {
        const { state } = this.editor;
        const { $from, empty } = state.selection;
        if (!empty || $from.parent.type.name !== "optionText" || $from.depth < 3) return false;
        const check = $from.node(-2);
        const optionEnd = $from.after(-1);
        const checkEnd = $from.after(-2);
        const options = check.childCount - 1;
        const isLast = optionEnd === checkEnd - 1;
        if ($from.parent.content.size === 0 && isLast && options > CHECK_OPTIONS.min) {
          const optionStart = $from.before(-1);
          return this.editor
            .chain()
            .command(({ tr }) => {
              tr.delete(optionStart, optionEnd);
              const after = tr.mapping.map(checkEnd);
              const paragraph = state.schema.nodes.paragraph;
              if (!paragraph) return false;
              tr.insert(after, paragraph.create());
              tr.setSelection(TextSelection.create(tr.doc, after + 1));
              return true;
            })
            .run();
        }
        if (options >= CHECK_OPTIONS.max) return true;
        return this.editor
          .chain()
          .insertContentAt(optionEnd, newCheckOption())
          .command(({ tr }) => {
            tr.setSelection(TextSelection.create(tr.doc, optionEnd + 2));
            return true;
          })
          .run();
      },
    };
  },
});
