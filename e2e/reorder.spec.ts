import type { Locator, Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/sessions";
import {
  addCollaborator,
  createModule,
  cursorToEndOf,
  documentText,
  editorOf,
  goToTab,
  openModule,
  PEOPLE,
  saveStatus,
  writeThreeSections,
} from "./support/workshop";

const LIVE_MS = 15_000;

function toolbar(page: Page): Locator {
  return page.getByRole("toolbar", { name: "Formatting" });
}

function sectionHeadings(page: Page): Locator {
  return editorOf(page).getByRole("heading", { level: 2 });
}

/** What screen readers hear after a move. */
function moveAnnouncement(page: Page): Locator {
  return page.locator(".move-announcement");
}

/** Drags a block by its handle with the mouse, in small steps as a hand does, and drops it on `target`. */
async function dragBlock(page: Page, handle: Locator, target: Locator) {
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error("The handle or the drop target is not on screen");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 5, from.y + from.height / 2 + 5, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await page.mouse.up();
}

test("a section moves up with Alt+Shift+ArrowUp, is announced, and Undo puts it back", async ({ page }) => {
  await signIn(page, PEOPLE.facilitator.email);
  await createModule(page);
  await writeThreeSections(page);
  const before = await documentText(page);

  await cursorToEndOf(page, sectionHeadings(page).filter({ hasText: "Boundaries" }));
  await page.keyboard.press("Alt+Shift+ArrowUp");
  await expect(moveAnnouncement(page)).toHaveText("Moved 'Boundaries' up, now 1 of 3");
  await expect(moveAnnouncement(page)).toHaveAttribute("aria-live", "polite");
  await expect(sectionHeadings(page)).toHaveText(["Boundaries", "Welcome", "Looking after yourself"]);
  // The section moves whole: its paragraph comes with it. (A new module ends with an empty paragraph.)
  expect(await documentText(page)).toBe(
    [
      "Boundaries",
      "A clear no can be kind.",
      "Welcome",
      "We start with who is here.",
      "Looking after yourself",
      "Rest is part of the work.",
      "",
    ].join("\n"),
  );
  await expect(saveStatus(page)).toHaveText("Saved");
  // The cursor stayed in the moved heading: typing goes there.
  await page.keyboard.press("Alt+Shift+ArrowDown");
  await expect(moveAnnouncement(page)).toHaveText("Moved 'Boundaries' down, now 2 of 3");
  await page.keyboard.press("Alt+Shift+ArrowDown");
  await expect(moveAnnouncement(page)).toHaveText("Moved 'Boundaries' down, now 3 of 3");
  await page.keyboard.press("Alt+Shift+ArrowDown");
  await expect(moveAnnouncement(page)).toHaveText("'Boundaries' is already last");
  await expect(sectionHeadings(page)).toHaveText(["Welcome", "Looking after yourself", "Boundaries"]);
  await checkPage(page);

  // Undo, with the person's own undo, takes back the moves one by one.
  await page.keyboard.press("Control+z");
  await expect(sectionHeadings(page)).toHaveText(["Welcome", "Boundaries", "Looking after yourself"]);
  await page.keyboard.press("Control+z");
  await expect(sectionHeadings(page)).toHaveText(["Boundaries", "Welcome", "Looking after yourself"]);
  await toolbar(page).getByRole("button", { name: "Undo" }).click();
  await expect(sectionHeadings(page)).toHaveText(["Welcome", "Boundaries", "Looking after yourself"]);
  expect(await documentText(page)).toBe(before);
  await expect(saveStatus(page)).toHaveText("Saved");
});

test("a block moves with the buttons of its own menu, and one dragged into itself stays as it was", async ({
  page,
}) => {
  // Tall enough for the block and where it is dropped to be on screen together, as a drag needs.
  await page.setViewportSize({ width: 1280, height: 1400 });
  await signIn(page, PEOPLE.facilitator.email);
  await createModule(page);
  await writeThreeSections(page);
  await cursorToEndOf(page, editorOf(page).getByRole("paragraph").filter({ hasText: "A clear no can be kind." }));
  await toolbar(page).getByRole("button", { name: "Insert block" }).click();
  await page.getByRole("menu", { name: "Training blocks" }).getByRole("menuitem", { name: "Key takeaway" }).click();
  await expect(editorOf(page)).toBeFocused();
  await page.keyboard.type("Saying no protects you both.");
  const takeaway = editorOf(page).getByRole("region", { name: "Key takeaway" });
  await expect(takeaway).toContainText("Saying no protects you both.");
  await expect(saveStatus(page)).toHaveText("Saved");
  await checkPage(page);

  await takeaway.getByRole("button", { name: "Move up key takeaway" }).click();
  await expect(moveAnnouncement(page)).toHaveText("Moved 'Key takeaway' up, now 4 of 8");
  await takeaway.getByRole("button", { name: "Move up key takeaway" }).click();
  await expect(moveAnnouncement(page)).toHaveText("Moved 'Key takeaway' up, now 3 of 8");
  // Past the heading above it: the takeaway now closes the first section.
  const lines = (await documentText(page)).split("\n");
  expect(lines.slice(0, 4)).toEqual([
    "Welcome",
    "We start with who is here.",
    "Saying no protects you both.",
    "Boundaries",
  ]);
  await expect(saveStatus(page)).toHaveText("Saved");

  // Dragged by its handle onto the last paragraph, it moves there.
  await dragBlock(page, takeaway.locator("[data-drag-handle]"), editorOf(page).getByText("Rest is part of the work."));
  await expect(saveStatus(page)).toHaveText("Saved");
  expect((await documentText(page)).split("\n").indexOf("Saying no protects you both.")).toBeGreaterThan(3);
  // Dropped on its own text, the block would be cut out of itself: nothing happens.
  const settled = await documentText(page);

  await dragBlock(page, takeaway.locator("[data-drag-handle]"), takeaway.getByText("Saying no protects you both."));
  await expect(saveStatus(page)).toHaveText("Saved");
  expect(await documentText(page)).toBe(settled);
  await expect(page.getByRole("alert")).toHaveCount(0);

  await page.reload();
  await expect(saveStatus(page)).toHaveText("Saved");
  await checkPage(page);
  expect((await documentText(page)).split("\n").indexOf("Saying no protects you both.")).toBeGreaterThan(3);
});

test("a whole section is dragged by the handle beside its heading, and dropped on itself stays put", async ({
  page,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  await createModule(page);
  await writeThreeSections(page);
  const handle = (title: string) => page.getByTitle(`Drag to move the section “${title}”`);
  await expect(page.locator("[data-section-handle]")).toHaveCount(3);
  await checkPage(page);

  // Onto the first heading: the last section goes before it, its text with it.
  await dragBlock(page, handle("Looking after yourself"), sectionHeadings(page).filter({ hasText: "Welcome" }));
  await expect(sectionHeadings(page)).toHaveText(["Looking after yourself", "Welcome", "Boundaries"]);
  await expect(moveAnnouncement(page)).toHaveText("Moved 'Looking after yourself', now 1 of 3");
  expect((await documentText(page)).split("\n").slice(0, 2)).toEqual([
    "Looking after yourself",
    "Rest is part of the work.",
  ]);

  // Onto the last section's text: it goes after that section.
  await dragBlock(page, handle("Welcome"), editorOf(page).getByText("A clear no can be kind."));
  await expect(sectionHeadings(page)).toHaveText(["Looking after yourself", "Boundaries", "Welcome"]);

  // Onto its own text: nothing changes, and it says so.
  const settled = await documentText(page);
  await dragBlock(page, handle("Boundaries"), editorOf(page).getByText("A clear no can be kind."));
  await expect(moveAnnouncement(page)).toHaveText("'Boundaries' stays where it was");
  expect(await documentText(page)).toBe(settled);
  await expect(saveStatus(page)).toHaveText("Saved");

  // One undo puts the last move back.
  await editorOf(page).focus();
  await page.keyboard.press("ControlOrMeta+z");
  await expect(sectionHeadings(page)).toHaveText(["Looking after yourself", "Welcome", "Boundaries"]);
  await expect(saveStatus(page)).toHaveText("Saved");
  await page.reload();
  await expect(sectionHeadings(page)).toHaveText(["Looking after yourself", "Welcome", "Boundaries"]);
  await checkPage(page);
});

test("one person reorders while another types: both end with the same document, in the new order", async ({
  page,
  newPage,
}) => {
  test.setTimeout(120_000);
  await signIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await writeThreeSections(page);
  await addCollaborator(page, PEOPLE.coDesigner.name, "Co-designer");
  await goToTab(page, "Write");

  const jordan = await newPage();
  await signIn(jordan, PEOPLE.coDesigner.email);
  await openModule(jordan, module);
  await expect(sectionHeadings(jordan)).toHaveText(["Welcome", "Boundaries", "Looking after yourself"]);

  await cursorToEndOf(page, sectionHeadings(page).filter({ hasText: "Looking after yourself" }));
  await cursorToEndOf(jordan, editorOf(jordan).getByRole("paragraph").filter({ hasText: "A clear no can be kind." }));
  await Promise.all([
    jordan.keyboard.type(" It keeps you both safe.", { delay: 40 }),
    (async () => {
      await page.keyboard.press("Alt+Shift+ArrowUp");
      await page.keyboard.press("Alt+Shift+ArrowUp");
    })(),
  ]);
  await expect(moveAnnouncement(page)).toHaveText("Moved 'Looking after yourself' up, now 1 of 3");
  // The empty paragraph a new module ends with is part of the last section, and moves with it.
  const expected = [
    "Looking after yourself",
    "Rest is part of the work.",
    "",
    "Welcome",
    "We start with who is here.",
    "Boundaries",
    "A clear no can be kind. It keeps you both safe.",
  ].join("\n");
  for (const person of [page, jordan]) {
    await expect(saveStatus(person)).toHaveText("Saved");
    await expect.poll(() => documentText(person), { timeout: LIVE_MS }).toBe(expected);
  }
  // Each keeps their own undo: Jordan's typing stays when Fran undoes her moves.
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+z");
  const undone = [
    "Welcome",
    "We start with who is here.",
    "Boundaries",
    "A clear no can be kind. It keeps you both safe.",
    "Looking after yourself",
    "Rest is part of the work.",
    "",
  ].join("\n");
  for (const person of [page, jordan]) {
    await expect.poll(() => documentText(person), { timeout: LIVE_MS }).toBe(undone);
  }
  await checkPage(page);
  await checkPage(jordan);
});
