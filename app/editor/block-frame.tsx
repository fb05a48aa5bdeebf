import { NodeViewContent, type NodeViewProps, NodeViewWrapper } from "@tiptap/react";
import type { ReactNode } from "react";
import type { Direction } from "./reorder";

/**
 * A block's handle and its keyboard equivalents. The handle is for a mouse or finger (it starts
 * ProseMirror's drag of the whole block); "Move up" and "Move down" do the same from the keyboard,
 * as Alt+Shift+Arrow keys do in the text.
 */
export function MoveControls({ label, onMove }: { label: string; onMove: (direction: Direction) => void }) {
  return (
    <>
      <span
        className="drag-handle"
        data-drag-handle=""
        draggable="true"
        title={`Drag to move the ${label.toLowerCase()}`}
      >
        <span aria-hidden="true">⠿</span>
      </span>
      <button
        type="button"
        className="button-quiet small"
        aria-keyshortcuts="Alt+Shift+ArrowUp"
        onClick={() => onMove("up")}
      >
        Move up<span className="visually-hidden"> {label.toLowerCase()}</span>
      </button>
      <button
        type="button"
        className="button-quiet small"
        aria-keyshortcuts="Alt+Shift+ArrowDown"
        onClick={() => onMove("down")}
      >
        Move down<span className="visually-hidden"> {label.toLowerCase()}</span>
      </button>
    </>
  );
}

/** Moves the block of a node view, keeping the cursor in it. */
export function moverOf(props: NodeViewProps) {
  return (direction: Direction) => {
    const pos = props.getPos();
    if (typeof pos === "number") props.editor.chain().focus().moveBlock(direction, pos).run();
  };
}

/**
 * The frame around every training block in the editor: a labelled region with its controls above
 * the editable text. Controls are not editable content (contentEditable=false) but stay in the
 * tab order.
 */
export function BlockFrame({
  label,
  hint,
  className,
  controls,
  children,
  onRemove,
  onMove,
  editable,
}: {
  label: string;
  hint?: string;
  className: string;
  controls?: ReactNode;
  children?: ReactNode;
  onRemove: () => void;
  onMove: (direction: Direction) => void;
  editable: boolean;
}) {
  return (
    <NodeViewWrapper as="section" className={`block ${className}`} aria-label={label}>
      <div className="block-bar" contentEditable={false}>
        <span className="block-label">{label}</span>
        {hint ? <span className="block-hint">{hint}</span> : null}
        {editable ? (
          <span className="block-tools">
            <MoveControls label={label} onMove={onMove} />
            {controls}
            <button type="button" className="button-quiet small" onClick={onRemove}>
              Remove<span className="visually-hidden"> {label.toLowerCase()}</span>
            </button>
          </span>
        ) : null}
      </div>
      {children ?? <NodeViewContent className="block-body" />}
    </NodeViewWrapper>
  );
}
