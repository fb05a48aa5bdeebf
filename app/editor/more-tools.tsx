import { type KeyboardEvent, type MouseEvent, useEffect, useId, useRef, useState } from "react";

/** Where a tool shows: on the bar from a width of toolbar up ("narrow", "wide"), or only in "More". */
export type ToolPlace = "always" | "narrow" | "wide" | "menu";

export type MenuTool = {
  label: string;
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  place: ToolPlace;
  run: () => void;
};

/** The menu's items this width shows, that can be chosen now. */
function shownItems(menu: HTMLElement | null): HTMLButtonElement[] {
  return Array.from(menu?.querySelectorAll<HTMLButtonElement>("[role^=menuitem]") ?? []).filter(
    (el) => !el.disabled && el.getClientRects().length > 0,
  );
}

/**
 * "More tools": a menu button (ARIA menu pattern) with the tools the bar has no room for at its
 * width. Every tool is listed once here and once on the bar; the stylesheet shows each in one
 * place only, by the toolbar's width, so what a person can do never depends on their screen.
 */
export function MoreTools({ tools }: { tools: MenuTool[] }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  const items = () => shownItems(menu.current);

  useEffect(() => {
    if (!open) return;
    shownItems(menu.current)[0]?.focus();
    // A tap or click anywhere else closes the menu, as it does in a browser's own menus.
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (event.key === "ArrowDown") move(index + 1);
    else if (event.key === "ArrowUp") move(index - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(list.length - 1);
    else if (event.key === "Escape") {
      event.preventDefault();
      // Closing the menu, not a step towards the quick exit.
      event.stopPropagation();
      close();
    } else if (event.key === "Tab") close(false);
    // Arrows inside the menu are the menu's, not the toolbar's.
    if (event.key.startsWith("Arrow") || event.key === "Home" || event.key === "End") event.stopPropagation();
  };

  return (
    <span className="more-tools">
      <button
        ref={button}
        type="button"
        data-tool=""
        tabIndex={-1}
        className="tool tool-more"
        aria-label="More tools"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        title="More tools"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        More <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div id={`${id}-menu`} role="menu" aria-label="More tools" ref={menu} onKeyDown={onMenuKey}>
          {tools.map((tool) => {
            const common = {
              type: "button" as const,
              "aria-keyshortcuts": tool.shortcut?.replace("Ctrl", "Control"),
              "data-place": tool.place,
              tabIndex: -1,
              disabled: tool.disabled,
              onMouseDown: (e: MouseEvent) => e.preventDefault(),
              onClick: () => {
                close(false);
                tool.run();
              },
            };
            const face = (
              <>
                {tool.label}
                {tool.shortcut ? <span className="menu-shortcut">{tool.shortcut}</span> : null}
              </>
            );
            return tool.active === undefined ? (
              <button key={tool.label} role="menuitem" {...common}>
                {face}
              </button>
            ) : (
              <button key={tool.label} role="menuitemcheckbox" aria-checked={tool.active} {...common}>
                {face}
              </button>
            );
          })}
        </div>
      ) : null}
    </span>
  );
}
