/**
 * Watches each page a test drives: which addresses it visited, which of them were checked with
 * `checkPage`, and any server error (5xx) or uncaught script error along the way. The fixtures read
 * it when a test ends, so "every page is checked" and "no 500" hold without each test repeating it.
 */
import type { Page } from "@playwright/test";

type Tracker = {
  javaScriptEnabled: boolean;
  visited: string[];
  checked: Set<string>;
  serverErrors: string[];
  scriptErrors: string[];
};

const trackers = new WeakMap<Page, Tracker>();

/** A visit is identified by its address without the fragment. */
function visitKey(url: string): string | null {
  if (!url.startsWith("http")) return null;
  const u = new URL(url);
  return `${u.origin}${u.pathname}${u.search}`;
}

export function trackPage(page: Page, options: { javaScriptEnabled: boolean }) {
  const tracker: Tracker = {
    javaScriptEnabled: options.javaScriptEnabled,
    visited: [],
    checked: new Set(),
    serverErrors: [],
    scriptErrors: [],
  };
  trackers.set(page, tracker);
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame()) return;
    const key = visitKey(frame.url());
    if (key && !tracker.visited.includes(key)) tracker.visited.push(key);
  });
  page.on("response", (response) => {
    if (response.status() >= 500) {
      tracker.serverErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    }
  });
  page.on("pageerror", (error) => {
    // A navigation that a newer one supersedes is aborted by the router; under single fetch its
    // aborted request can surface as an unhandled AbortError while the person sees nothing wrong.
    if (error.name === "AbortError") return;
    tracker.scriptErrors.push(error.message);
  });
  // Remix catches a route module that fails to load, logs this and reloads the page: the click that
  // led there silently does nothing, so name the cause.
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("Error loading route module")) {
      tracker.scriptErrors.push(message.text());
    }
  });
}

/** False for a page whose browser context was opened with `javaScriptEnabled: false`. */
export function scriptsEnabled(page: Page): boolean {
  return trackers.get(page)?.javaScriptEnabled ?? true;
}

export function markChecked(page: Page, url: string) {
  const key = visitKey(url);
  if (key) trackers.get(page)?.checked.add(key);
}

/** What went wrong on this page during the test, as sentences; empty when all is well. */
export function problemsOf(page: Page): string[] {
  const tracker = trackers.get(page);
  if (!tracker) return [];
  const problems: string[] = [];
  const unchecked = tracker.visited.filter((key) => !tracker.checked.has(key));
  if (unchecked.length > 0) {
    problems.push(
      `These pages were visited but never checked with checkPage(page) (Support now link and axe):\n  ${unchecked.join("\n  ")}`,
    );
  }
  if (tracker.serverErrors.length > 0) {
    problems.push(`The server answered with an error:\n  ${tracker.serverErrors.join("\n  ")}`);
  }
  if (tracker.scriptErrors.length > 0) {
    problems.push(`The page threw uncaught script errors:\n  ${tracker.scriptErrors.join("\n  ")}`);
  }
  return problems;
}
