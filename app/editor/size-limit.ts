import { Extension } from "@tiptap/core";
import { isChangeOrigin } from "@tiptap/extension-collaboration";
import type { Fragment } from "@tiptap/pm/model";
import { Plugin, type Transaction } from "@tiptap/pm/state";

export type Limit = "paste" | "full";

/**
 * A rough upper bound of what a change weighs once Yjs encodes it: its text in UTF-8, each mark as
 * formatting on both sides of its run, each node with its attributes. A paste of richly formatted
 * text can weigh many times its characters.
 */
const utf8 = new TextEncoder();

function encodedBytes(fragment: Fragment): number {
  let bytes = 0;
  fragment.descendants((node) => {
    if (node.isText) {
      bytes += utf8.encode(node.text ?? "").length + 8;
      for (const mark of node.marks) bytes += 2 * (JSON.stringify(mark.toJSON()).length + 8);
    } else {
      bytes += 24 + JSON.stringify(node.attrs).length;
    }
    return true;
  });
  return bytes;
}

/** What one change adds: in positions (roughly characters), and as an estimate of its encoded size. */
function added(tr: Transaction) {
  let positions = 0;
  let bytes = 0;
  for (const step of tr.steps) {
    const slice = (step as { slice?: { size: number; content: Fragment } }).slice;
    if (!slice) continue;
    positions += slice.size;
    bytes += encodedBytes(slice.content);
  }
  return { positions, bytes };
}

/**
 * Stops a person's own edits that the server could not take: one change (a paste) larger than a
 * single message may carry, or growth of the document past its limit. Remote changes always apply,
 * so collaborators never diverge. `onLimit` lets the editor say which of the two happened.
 */
export const SizeLimit = Extension.create<{
  max: number;
  maxChange: number;
  maxChangeBytes: number;
  onLimit: (limit: Limit) => void;
}>({
  name: "sizeLimit",
  addOptions() {
    return { max: 200_000, maxChange: 100_000, maxChangeBytes: 512 * 1024, onLimit: () => {} };
  },
  addProseMirrorPlugins() {
    const { max, maxChange, maxChangeBytes, onLimit } = this.options;
    return [
      new Plugin({
        filterTransaction: (tr, state) => {
          if (!tr.docChanged || isChangeOrigin(tr)) return true;
          const change = added(tr);
          if (change.positions > maxChange || change.bytes > maxChangeBytes) {
            onLimit("paste");
            return false;
          }
          const grows = tr.doc.content.size > state.doc.content.size;
          if (grows && tr.doc.content.size > max) {
            onLimit("full");
            return false;
          }
          return true;
        },
      }),
    ];
  },
});
