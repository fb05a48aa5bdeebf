import { NodeViewContent, NodeViewWrapper } from "@tiptap/react";
import type { ReactNode } from "react";

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
  editable,
}: {
  label: string;
  hint?: string;
  className: string;
  controls?: ReactNode;
  children?: ReactNode;
  onRemove: () => void;
  editable: boolean;
}) {
  return (
    <NodeViewWrapper as="section" className={`block ${className}`} aria-label={label}>
      <div className="block-bar" contentEditable={false}>
        <span className="block-label">{label}</span>
        {hint ? <span className="block-hint">{hint}</span> : null}
        {editable ? (
          <span className="block-tools">
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
