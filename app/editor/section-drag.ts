import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, TextSelection } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { freshCopies, isSectionHeading, ownUndoStep, quoted, sectionHeadings, starts } from "./reorder";

type Section = { from: number; to: number; name: string };

/** The section whose heading starts at `pos`: the heading and everything up to the next one. */
function sectionAt(doc: PMNode, pos: number): Section | null {
  const at = starts(doc);
  const headings = sectionHeadings(doc);
  const k = headings.findIndex((i) => at[i] === pos);
  if (k < 0) return null;
  const heading = headings[k] as number;
  return {
    from: pos,
    to: at[headings[k + 1] ?? doc.childCount] as number,
    name: quoted(doc.child(heading).textContent) || "Untitled section",
  };
}

/**
 * Where a section dropped at `pos` goes: before a section whose heading it lands on, after the
 * section whose text it lands in, and first of all when it lands in the untitled introduction.
 */
function dropTarget(doc: PMNode, pos: number): number {
  const at = starts(doc);
  const headings = sectionHeadings(doc);
  const index = Math.min(doc.resolve(pos).index(0), doc.childCount - 1);
  if (isSectionHeading(doc.child(index))) return at[index] as number;
  const containing = headings.filter((i) => i <= index).pop();
  if (containing === undefined) return at[headings[0] ?? 0] as number;
  const next = headings.find((i) => i > containing);
  return at[next ?? doc.childCount] as number;
}

/** Moves a whole section to `target`, a position between sections, as one change and one undo step. */
function moveSection(view: EditorView, section: Section, target: number): number {
  const { state } = view;
  ownUndoStep(state);
  const content = freshCopies(state.doc, section.from, section.to);
  const tr = state.tr;
  let newFrom: number;
  if (target <= section.from) {
    tr.delete(section.from, section.to);
    tr.insert(target, content);
    newFrom = target;
  } else {
    tr.insert(target, content);
    tr.delete(section.from, section.to);
    newFrom = target - (section.to - section.from);
  }
  tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(newFrom + 1, tr.doc.content.size))));
  view.dispatch(tr.scrollIntoView());
  return newFrom;
}

function handleFor(name: string): HTMLElement {
  const handle = document.createElement("span");
  handle.className = "drag-handle section-drag-handle";
  handle.draggable = true;
  handle.contentEditable = "false";
  handle.title = `Drag to move the section “${name}”`;
  handle.dataset.sectionHandle = "";
  const glyph = document.createElement("span");
  glyph.setAttribute("aria-hidden", "true");
  glyph.textContent = "⠿";
  handle.append(glyph);
  return handle;
}

const key = new PluginKey("sectionDrag");

/**
 * A drag handle beside every section heading, moving the whole section as the keyboard's
 * Alt+Shift+Arrow keys do. Only where the editor is editable; a drop onto the dragged section
 * itself changes nothing, and says so.
 */
export const SectionDrag = Extension.create<{ onMoved: (message: string) => void }>({
  name: "sectionDrag",
  addOptions() {
    return { onMoved: () => {} };
  },
  addProseMirrorPlugins() {
    const { onMoved } = this.options;
    const editor = this.editor;
    let dragging: Section | null = null;
    return [
      new Plugin({
        key,
        props: {
          decorations(state) {
            if (!editor.isEditable) return DecorationSet.empty;
            const decorations: Decoration[] = [];
            state.doc.forEach((node, offset) => {
              if (!isSectionHeading(node)) return;
              const name = quoted(node.textContent) || "Untitled section";
              decorations.push(
                Decoration.widget(offset, () => handleFor(name), {
                  side: -1,
                  key: `section-handle:${offset}:${name}`,
                  ignoreSelection: true,
                }),
              );
            });
            return DecorationSet.create(state.doc, decorations);
          },
          handleDOMEvents: {
            dragstart(view, event) {
              const target = event.target as HTMLElement | null;
              const handle = target?.closest?.("[data-section-handle]");
              if (!handle) return false;
              const section = sectionAt(view.state.doc, view.posAtDOM(handle, 0));
              if (!section) return false;
              dragging = section;
              event.dataTransfer?.setData("text/plain", section.name);
              if (event.dataTransfer) event.dataTransfer.effectAllowed = "move";
              const heading = view.nodeDOM(section.from);
              if (heading instanceof HTMLElement) event.dataTransfer?.setDragImage(heading, 0, 0);
              // ProseMirror's own drag would carry only the selection.
              return true;
            },
            dragend() {
              dragging = null;
              return false;
            },
            drop(view, event) {
              if (!dragging) return false;
              const section = dragging;
              dragging = null;
              event.preventDefault();
              const found = view.posAtCoords({ left: event.clientX, top: event.clientY });
              if (!found) return true;
              const target = dropTarget(view.state.doc, found.pos);
              // Its own heading or text: the drop would put it where it is, or inside itself.
              if (target >= section.from && target <= section.to) {
                onMoved(`'${section.name}' stays where it was`);
                return true;
              }
              const newFrom = moveSection(view, section, target);
              const headings = sectionHeadings(view.state.doc);
              const at = starts(view.state.doc);
              const place = headings.findIndex((i) => at[i] === newFrom) + 1;
              onMoved(`Moved '${section.name}', now ${place} of ${headings.length}`);
              return true;
            },
          },
        },
      }),
    ];
  },
});
