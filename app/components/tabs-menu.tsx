import { NavLink, useLocation } from "@remix-run/react";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useHydrated } from "~/lib/hydrated";

type Item = { to: string; label: string; end?: boolean };

function isCurrent(item: Item, pathname: string) {
  const path = pathname.replace(/\/+$/, "");
  return path === item.to || (!item.end && path.startsWith(`${item.to}/`));
}

/**
 * The same sub-navigation as `Tabs`, which on a small screen folds into one button naming the page
 * you are on (a disclosure: the links show under it). Without JavaScript the tabs simply wrap.
 */
export function TabsMenu({ label, items }: { label: string; items: Item[] }) {
  const hydrated = useHydrated();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);
  const id = useId();
  const current = items.find((item) => isCurrent(item, pathname)) ?? items[0];

  // Following a link closes the list; focus, which was on that link, goes back to the button.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes
  useEffect(() => {
    setOpen(false);
    if (nav.current?.contains(document.activeElement) && button.current?.checkVisibility()) button.current.focus();
  }, [pathname]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    // Closing the list, not a step towards the quick exit.
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };

  return (
    <nav
      aria-label={label}
      ref={nav}
      className={hydrated ? "tabs-menu tabs-menu-ready" : "tabs-menu"}
      data-open={open}
      onKeyDown={onKeyDown}
    >
      {hydrated ? (
        <button
          ref={button}
          type="button"
          className="tabs-menu-button button-quiet"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((was) => !was)}
        >
          Page: {current?.label}
          <span aria-hidden="true" className="tabs-menu-chevron">
            ▾
          </span>
        </button>
      ) : null}
      <ul className="tabs" id={id}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
