/**
 * The Workshop, driven the way people use it: making modules, inviting collaborators, moving
 * between a module's tabs, and writing in the live editor. Every helper checks (with `checkPage`)
 * each page it lands on.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import { checkPage } from "./accessibility";
import { uniqueName } from "./people";

/** The demo people these specs work with, by the names the app shows. */
export const PEOPLE = {
  facilitator: { email: "facilitator@example.org", name: "Fran Mills" },
  coDesigner: { email: "codesigner@example.org", name: "Jordan Lee" },
  coDesigner2: { email: "codesigner2@example.org", name: "Priya Shah" },
} as const;

export type ModuleRef = { id: string; title: string; path: string };

export type Tab = "Write" | "Review" | "History" | "Contributions" | "Activity" | "Details and people";

const TAB_PATHS: Record<Tab, string> = {
  Write: "",
  Review: "/review",
  History: "/history",
  Contributions: "/contributions",
  Activity: "/activity",
  "Details and people": "/people",
};

/** The live editor's writing surface. */
export function editorOf(page: Page): Locator {
  return page.getByRole("textbox", { name: "Module content" });
}

/** "Saved", "Saving…", "Connecting…", "Offline: …" or a problem, above the editor. */
export function saveStatus(page: Page): Locator {
  return page.locator(".editor-meta").getByRole("status");
}

export function hereNow(page: Page): Locator {
  return page.getByRole("region", { name: "Here now" });
}

export function commentsPanel(page: Page): Locator {
  return page.getByRole("complementary", { name: /^Comments/ });
}

function moduleIdFrom(url: string): string {
  const match = /\/workshop\/([A-Za-z0-9_-]{22})(?:[/?#]|$)/.exec(url);
  if (!match?.[1]) throw new Error(`Not a module address: ${url}`);
  return match[1];
}

/** Waits until the editor has loaded the shared document and has nothing waiting to be saved. */
export async function waitForEditor(page: Page) {
  await expect(editorOf(page)).toBeVisible();
  await expect(saveStatus(page)).toHaveText("Saved");
}

/** As a facilitator: Workshop → New module → a blank module with a unique title; lands on its editor. */
export async function createModule(page: Page, options: { title?: string } = {}): Promise<ModuleRef> {
  const title = options.title ?? uniqueName("Test module");
  await openNewModulePage(page);
  const blank = page.getByRole("region", { name: "Start from a blank page" });
  await blank.getByLabel("Title").fill(title);
  await blank.getByRole("button", { name: "Create module" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/workshop\/[A-Za-z0-9_-]{22}$/);
  await waitForEditor(page);
  await checkPage(page);
  const id = moduleIdFrom(page.url());
  return { id, title, path: `/workshop/${id}` };
}

async function openNewModulePage(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workshop" }).click();
  await expect(page).toHaveURL(/\/workshop$/);
  await expect(page.getByRole("heading", { level: 1, name: "Workshop" })).toBeVisible();
  await checkPage(page);
  await page.getByRole("link", { name: "New module", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New module" })).toBeVisible();
  await checkPage(page);
}

/** As a facilitator: Workshop → New module → "Start from “<title>”"; lands on the new copy's editor. */
export async function startFromStarter(page: Page, starterTitle: string): Promise<ModuleRef> {
  await openNewModulePage(page);
  await page.getByRole("button", { name: `Start from “${starterTitle}”` }).click();
  await expect(page).toHaveURL(/\/workshop\/[A-Za-z0-9_-]{22}\?started=1$/);
  await expect(page.getByRole("heading", { level: 1, name: starterTitle })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Your module is ready" })).toBeVisible();
  await waitForEditor(page);
  await checkPage(page);
  const id = moduleIdFrom(page.url());
  return { id, title: starterTitle, path: `/workshop/${id}` };
}

/** Opens a module's Write tab by its address and waits for the live editor. */
export async function openModule(page: Page, module: ModuleRef) {
  await page.goto(module.path);
  await expect(page.getByRole("heading", { level: 1, name: module.title })).toBeVisible();
  await waitForEditor(page);
  await checkPage(page);
}

/** Follows one of the module's tabs and checks the page it leads to. */
export async function goToTab(page: Page, tab: Tab) {
  const nav = page.getByRole("navigation", { name: "Module" });
  const link = nav.getByRole("link", { name: tab, exact: true });
  // On a phone the tabs fold into one "Page: …" menu, opened first as a person would.
  const folded = !(await link.isVisible());
  if (folded) await nav.getByRole("button", { name: /^Page: / }).click();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/workshop/[A-Za-z0-9_-]{22}${TAB_PATHS[tab]}(\\?.*)?$`));
  if (tab === "Write") await waitForEditor(page);
  else if (folded) await expect(nav.getByRole("button", { name: /^Page: / })).toContainText(tab);
  else await expect(link).toHaveAttribute("aria-current", "page");
  await checkPage(page);
}

export type CollaboratorRoleLabel = "Co-designer" | "Reviewer" | "Facilitator";

/** As a facilitator, on Details and people: adds a member of the organisation to the module. */
export async function addCollaborator(page: Page, name: string, role: CollaboratorRoleLabel = "Co-designer") {
  if (!page.url().endsWith("/people")) await goToTab(page, "Details and people");
  const form = page.getByRole("form", { name: "Invite someone from your organisation" });
  await form.getByLabel("Person").selectOption({ label: name });
  await form.getByRole("radio", { name: new RegExp(`^${role}:`) }).check();
  await form.getByRole("button", { name: "Add to this module" }).click();
  await expect(collaboratorItem(page, name)).toContainText(role);
  await checkPage(page);
}

/** As a facilitator, on Details and people: removes someone from the module. */
export async function removeCollaborator(page: Page, name: string) {
  if (!page.url().endsWith("/people")) await goToTab(page, "Details and people");
  await page.getByRole("button", { name: `Remove ${name} from this module` }).click();
  await expect(collaboratorItem(page, name)).toHaveCount(0);
  await checkPage(page);
}

function collaboratorItem(page: Page, name: string): Locator {
  return page
    .getByRole("region", { name: "Collaborators" })
    .getByRole("listitem")
    .filter({ has: page.getByText(name, { exact: true }) });
}

/**
 * The module's text as everyone shares it: the editor's text without the other people's caret
 * labels, one line per block.
 */
export async function documentText(page: Page): Promise<string> {
  return editorOf(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    for (const controls of copy.querySelectorAll("[contenteditable=false]")) controls.remove();
    // Text blocks: paragraphs and headings, and the bodies of blocks that hold text directly.
    const textBlocks = "p, h1, h2, h3, h4, [data-node-view-content-react]";
    return Array.from(copy.querySelectorAll(textBlocks))
      .filter((el) => !el.querySelector(textBlocks))
      .map((el) => el.textContent ?? "")
      .join("\n");
  });
}

type EditorElement = HTMLElement & {
  editor?: {
    state: {
      doc: { content: { size: number }; textBetween(from: number, to: number, separator?: string): string };
      selection: {
        from: number;
        to: number;
        empty: boolean;
        constructor: unknown;
        $from: { parentOffset: number; parent: { content: { size: number } } };
      };
    };
  };
};

/**
 * Keys the editor handles itself (Enter, Backspace) act on the editor's own selection, which
 * follows the browser's only when the browser's "selectionchange" event has been handled. After
 * moving the cursor with keys the browser handles (Ctrl+End, Home, arrows), wait for that.
 */
async function editorSelection(page: Page): Promise<{ atEnd: boolean; atBlockEnd: boolean; text: string }> {
  return editorOf(page).evaluate((root: EditorElement) => {
    const state = root.editor?.state;
    if (!state) return { atEnd: false, atBlockEnd: false, text: "" };
    const { from, to, empty, $from } = state.selection;
    const end = (state.selection.constructor as { atEnd(doc: unknown): { to: number } }).atEnd(state.doc).to;
    return {
      atEnd: from === end && to === end,
      atBlockEnd: empty && $from.parentOffset === $from.parent.content.size,
      text: state.doc.textBetween(from, to, " "),
    };
  });
}

/** Waits until the editor's own selection holds exactly these words (after Ctrl+A, Shift+arrows…). */
export async function expectEditorSelection(page: Page, text: string) {
  await expect.poll(async () => (await editorSelection(page)).text).toBe(text);
}

/** Clicks a one-line paragraph or heading of the editor and puts the cursor at its end (End). */
export async function cursorToEndOf(page: Page, block: Locator) {
  await block.click();
  await page.keyboard.press("End");
  await expect.poll(async () => (await editorSelection(page)).atBlockEnd).toBe(true);
}

/** Clicks into the editor and moves the cursor to the very end of the module (Ctrl+End). */
export async function cursorToEnd(page: Page) {
  await editorOf(page).click();
  await page.keyboard.press("Control+End");
  await expect.poll(async () => (await editorSelection(page)).atEnd).toBe(true);
}

/**
 * Puts the cursor at the very end of the module and types, as a person would; with
 * `newParagraph`, presses Enter first.
 */
export async function typeAtEnd(page: Page, text: string, options: { newParagraph?: boolean } = {}) {
  await cursorToEnd(page);
  if (options.newParagraph) await page.keyboard.press("Enter");
  await page.keyboard.type(text);
}

/** Types at the end and waits until the server has acknowledged every change ("Saved"). */
export async function typeAndSave(page: Page, text: string, options: { newParagraph?: boolean } = {}) {
  await typeAtEnd(page, text, options);
  await expect(editorOf(page)).toContainText(text);
  await expect(saveStatus(page)).toHaveText("Saved");
}

/**
 * Selects `words` inside the one-line paragraph `paragraph` of the editor with the keyboard: Home,
 * arrows to the first word, then Shift+arrows across them, as a keyboard user would.
 */
export async function selectWords(page: Page, paragraph: string, words: string) {
  const start = paragraph.indexOf(words);
  if (start < 0) throw new Error(`“${words}” is not in “${paragraph}”`);
  // Not an exact match: someone else's caret, with their name, may sit in the paragraph too.
  await editorOf(page).getByRole("paragraph").filter({ hasText: paragraph }).click();
  await page.keyboard.press("Home");
  for (let i = 0; i < start; i += 1) await page.keyboard.press("ArrowRight");
  for (let i = 0; i < words.length; i += 1) await page.keyboard.press("Shift+ArrowRight");
  await expectEditorSelection(page, words);
}

/** In the comments panel: quotes the selected words and posts a comment on them. */
export async function commentOnSelection(page: Page, body: string) {
  const panel = commentsPanel(page);
  await expect(panel.getByText("Ready: your selection will be quoted.")).toBeVisible();
  await panel.getByRole("button", { name: "Comment on selected words" }).click();
  await panel.getByRole("textbox", { name: "Your comment" }).fill(body);
  await panel.getByRole("button", { name: "Post comment" }).click();
}

/** A comment thread in the panel, named by the words it quotes. */
export function threadOf(page: Page, quote: string): Locator {
  return commentsPanel(page).getByRole("listitem", { name: quote, exact: true });
}

/** Three sections, each a heading and a paragraph, typed the way a person does. */
export async function writeThreeSections(page: Page) {
  await editorOf(page).click();
  const sections = [
    ["Welcome", "We start with who is here."],
    ["Boundaries", "A clear no can be kind."],
    ["Looking after yourself", "Rest is part of the work."],
  ];
  for (const [i, [title, body]] of sections.entries()) {
    if (i > 0) await page.keyboard.press("Enter");
    await page.keyboard.type(title ?? "");
    await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Section heading" }).click();
    await expect(editorOf(page).getByRole("heading", { level: 2 }).nth(i)).toHaveText(title ?? "");
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type(body ?? "");
  }
  await expect(saveStatus(page)).toHaveText("Saved");
}
