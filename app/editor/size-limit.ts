import { Extension } from "@tiptap/core";
import { isChangeOrigin } from "@tiptap/extension-collaboration";
import { Plugin } from "@tiptap/pm/state";

/**
 * Stops a person's own edits from growing the document past the limit (remote changes always apply,
 * so collaborators never diverge). `onLimit` lets the editor say why the change did not happen.
 */
export const SizeLimit = Extension.create<{ max: number; onLimit: () => void }>({
  name: "sizeLimit",
  addOptions() {
    return { max: 200_000, onLimit: () => {} };
  },
  addProseMirrorPlugins() {
    const { max, onLimit } = this.options;
    return [
      new Plugin({
        filterTransaction: (tr, state) => {
          if (!tr.docChanged || isChangeOrigin(tr)) return true;
          const grows = tr.doc.content.size > state.doc.content.size;
          if (grows && tr.doc.content.size > max) {
            onLimit();
            return false;
          }
          return true;
        },
      }),
    ];
  },
});
