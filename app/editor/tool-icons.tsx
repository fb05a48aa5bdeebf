import type { ReactNode } from "react";

/**
 * Small drawings for the tools that have a well-known one, so the toolbar fits one row; each
 * button still carries its name (aria-label, and a tooltip), so nothing relies on the drawing.
 */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="tool-icon"
      viewBox="0 0 20 20"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

export const TOOL_ICONS: Record<string, ReactNode> = {
  Bold: (
    <span className="tool-glyph tool-glyph-bold" aria-hidden="true">
      B
    </span>
  ),
  Italic: (
    <span className="tool-glyph tool-glyph-italic" aria-hidden="true">
      I
    </span>
  ),
  "Bulleted list": (
    <Icon>
      <circle cx="4" cy="5" r="1.2" fill="currentColor" />
      <circle cx="4" cy="10" r="1.2" fill="currentColor" />
      <circle cx="4" cy="15" r="1.2" fill="currentColor" />
      <path d="M8 5h9M8 10h9M8 15h9" />
    </Icon>
  ),
  "Numbered list": (
    <Icon>
      <path d="M3 3.5h1.5v4M3 7.5h3M2.8 12.5c.4-.8 2.9-.9 2.9.4 0 1.2-2.9 1.8-2.9 3.1h3" />
      <path d="M9 5h8M9 10h8M9 15h8" />
    </Icon>
  ),
  Quote: (
    <Icon>
      <path d="M4 15c2.5-1 3.5-3 3.5-6V6H3.5v4H7M12 15c2.5-1 3.5-3 3.5-6V6h-4v4H15" />
    </Icon>
  ),
  Link: (
    <Icon>
      <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5l-1 1M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1" />
    </Icon>
  ),
  Undo: (
    <Icon>
      <path d="M7 4L3 8l4 4M3 8h9a5 5 0 0 1 0 10H9" />
    </Icon>
  ),
  Redo: (
    <Icon>
      <path d="M13 4l4 4-4 4M17 8H8a5 5 0 0 0 0 10h3" />
    </Icon>
  ),
  "Keyboard shortcuts": (
    <Icon>
      <rect x="2" y="5" width="16" height="10" rx="1.5" />
      <path d="M5 8h.01M8 8h.01M11 8h.01M14 8h.01M6 12h8" />
    </Icon>
  ),
};

/** Shorter words on the bar for tools whose full name (their accessible name) begins or holds them. */
export const TOOL_SHORT_LABELS: Record<string, ReactNode> = {
  "Section heading": "Heading",
};
