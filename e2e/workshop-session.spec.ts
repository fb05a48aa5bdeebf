/**
 * A facilitator runs a live session on a module with a co-designer in another browser: both see the
 * calm timer and what is next; a break makes the co-designer's editor read-only with a grounding
 * message until the facilitator resumes; the co-designer steps out and the facilitator sees them
 * only as away; ending the session gives the facilitator a summary naming who took part, including
 * a co-designer who only watched. A break on the agenda starts by itself in an open editor. The
 * facilitator works with the keyboard only.
 */
import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/sessions";
import {
  addCollaborator,
  createModule,
  editorOf,
  goToTab,
  hereNow,
  openModule,
  PEOPLE,
  saveStatus,
  typeAndSave,
  waitForEditor,
} from "./support/workshop";

test.describe.configure({ timeout: 120_000 });

/** "HH:MM" some minutes from now, by the browser's clock (the clock the agenda is read by). */
async function clockIn(page: Page, minutes: number) {
  return page.evaluate((m) => {
    const at = new Date(Date.now() + m * 60_000);
    return `${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}`;
  }, minutes);
}

/** "HH:MM" ten minutes after a break's start, when it ends. */
function endOfBreak(start: string) {
  const [h, m] = start.split(":").map(Number);
  const end = ((h ?? 0) * 60 + (m ?? 0) + 10) % (24 * 60);
  return `${String(Math.floor(end / 60)).padStart(2, "0")}:${String(end % 60).padStart(2, "0")}`;
}

/** Moves focus to a control and presses Enter on it, as a keyboard user would after tabbing there. */
async function pressOn(page: Page, name: string) {
  const control = page.getByRole("button", { name, exact: true });
  await control.focus();
  await expect(control).toBeFocused();
  await page.keyboard.press("Enter");
}

test("a live session paces itself: timer, a break for everyone, stepping out, and a summary", async ({
  page,
  newPage,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await addCollaborator(page, PEOPLE.coDesigner.name, "Co-designer");
  await addCollaborator(page, PEOPLE.coDesigner2.name, "Co-designer");
  await goToTab(page, "Write");
  await editorOf(page).focus();
  await page.keyboard.type("## Opening");
  await page.keyboard.press("Enter");
  await page.keyboard.type("We start gently.");
  await expect(saveStatus(page)).toHaveText("Saved");

  const jordan = await newPage();
  // Everything Jordan's browser sends, to show the check-in is never among it.
  const sent: string[] = [];
  jordan.on("request", (request) => sent.push(`${request.url()} ${request.postData() ?? ""}`));
  jordan.on("websocket", (socket) => socket.on("framesent", ({ payload }) => sent.push(String(payload))));
  await signIn(jordan, PEOPLE.coDesigner.email);
  await openModule(jordan, module);

  // Fran starts a session from the editor; an agenda whose items overlap is refused, naming them.
  const start = page.getByRole("link", { name: "Run a live session" });
  await start.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Start a session" })).toBeVisible();
  await checkPage(page);
  const agenda = page.getByLabel("Agenda");
  const [from, breakAt] = [await clockIn(page, -5), await clockIn(page, 25)];
  const clashing = `${from}, 30, Rewriting the opening\n${await clockIn(page, 20)}, 10, Break`;
  await agenda.focus();
  await page.keyboard.type(clashing);
  await pressOn(page, "Start the session");
  await expect(page.getByRole("alert")).toContainText("“Rewriting the opening”");
  await expect(page.getByRole("alert")).toContainText("overlap");
  await expect(agenda).toHaveValue(clashing);
  await checkPage(page);

  await agenda.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type(`${from}, 30, Rewriting the opening\n${breakAt}, 10, Break`);
  await pressOn(page, "Start the session");
  await waitForEditor(page);
  await checkPage(page);

  // Both see the timer and what is next; Jordan's open editor learns of the start by itself.
  for (const person of [page, jordan]) {
    await expect(person.getByRole("timer")).toContainText("Now: Rewriting the opening, until");
    await expect(person.getByText(`Next: Break at ${breakAt}.`)).toBeVisible();
  }
  await checkPage(jordan);

  // Priya opens the module while the session runs and only watches: she changes nothing.
  const priya = await newPage();
  await signIn(priya, PEOPLE.coDesigner2.email);
  await openModule(priya, module);
  await expect(priya.getByRole("timer")).toContainText("Now: Rewriting the opening, until");
  await priya.close();

  // Jordan's private check-in stays in this browser: kept across a reload, cleared at will, never sent.
  const CHECK_IN = "A bit tired today, and glad to be here.";
  await jordan.getByText("Private check-in").focus();
  await jordan.keyboard.press("Enter");
  await expect(jordan.getByText("It stays in this browser and is never sent to Alongside")).toBeVisible();
  await jordan.getByLabel("How are you arriving today?").focus();
  await jordan.keyboard.type(CHECK_IN);
  await pressOn(jordan, "Keep it here");
  await expect(jordan.getByText("Kept in this browser.")).toBeVisible();
  await checkPage(jordan);
  await jordan.reload();
  await waitForEditor(jordan);
  await checkPage(jordan);
  await jordan.getByText("Private check-in").click();
  await expect(jordan.getByLabel("How are you arriving today?")).toHaveValue(CHECK_IN);
  await pressOn(jordan, "Clear it");
  await expect(jordan.getByLabel("How are you arriving today?")).toHaveValue("");
  await expect(jordan.getByText("Cleared from this browser.")).toBeVisible();

  // Jordan's forged facilitator's buttons are refused plainly.
  const forgeries: Record<string, string>[] = [
    { intent: "break", minutes: "10" },
    { intent: "resume" },
    { intent: "end" },
  ];
  for (const form of forgeries) {
    const forged = await jordan.request.post(`${module.path}/session`, { form, maxRedirects: 0 });
    expect(forged.status(), form.intent).toBe(403);
    expect(await forged.text(), form.intent).toContain("Only the module&#x27;s facilitators can do this.");
  }

  // A break: Jordan's editor goes read-only and shows the grounding message and when it ends.
  await pressOn(page, "Take a break");
  await expect(jordan.getByText("Taking a break.")).toBeVisible();
  await expect(jordan.getByText(/feel your feet on the floor/)).toBeVisible();
  await expect(editorOf(jordan)).toHaveAttribute("aria-readonly", "true");
  await expect(editorOf(jordan)).toHaveAttribute("contenteditable", "false");
  await expect(jordan.getByText(/^The session carries on at \d\d:\d\d \(about \d+ minutes\)\.$/)).toBeVisible();
  await checkPage(jordan);

  // Resumed early, Jordan can write again.
  await expect(page.getByRole("button", { name: "Resume now" })).toBeVisible();
  await pressOn(page, "Resume now");
  await expect(jordan.getByText("Taking a break.")).toHaveCount(0);
  await expect(editorOf(jordan)).toHaveAttribute("contenteditable", "true");
  await typeAndSave(jordan, "Jordan adds a kinder first line.", { newParagraph: true });

  // Jordan steps out: Fran sees only that Jordan is away; stepping back in clears it.
  await jordan.getByRole("button", { name: "Step out" }).focus();
  await jordan.keyboard.press("Enter");
  await expect(hereNow(page).getByRole("listitem").filter({ hasText: PEOPLE.coDesigner.name })).toHaveText(
    `${PEOPLE.coDesigner.name} (away)`,
  );
  await checkPage(jordan);
  await jordan.getByRole("button", { name: "Step back in" }).focus();
  await jordan.keyboard.press("Enter");
  await expect(hereNow(page).getByRole("listitem").filter({ hasText: PEOPLE.coDesigner.name })).toHaveText(
    PEOPLE.coDesigner.name,
  );

  // Fran ends the session and is given its summary.
  await pressOn(page, "End the session");
  await expect(page.getByRole("heading", { name: "Session summary" })).toBeVisible();
  await checkPage(page);
  const tookPart = page.getByRole("heading", { name: "Who took part" }).locator("xpath=following-sibling::ul[1]");
  await expect(tookPart.getByRole("listitem")).toHaveText([
    PEOPLE.facilitator.name,
    PEOPLE.coDesigner.name,
    PEOPLE.coDesigner2.name,
  ]);
  await expect(page.getByText("Opening: changed")).toBeVisible();
  await expect(jordan.getByRole("region", { name: "Live session" })).toHaveCount(0);

  expect(sent.length).toBeGreaterThan(0);
  expect(sent.filter((what) => what.includes("glad to be here"))).toEqual([]);
});

test("a break on the agenda starts by itself in an open editor, and Resume now ends it early", async ({
  page,
  newPage,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await addCollaborator(page, PEOPLE.coDesigner.name, "Co-designer");
  const jordan = await newPage();
  await signIn(jordan, PEOPLE.coDesigner.email);
  await openModule(jordan, module);

  // The break begins at the next minute, with nobody pressing anything.
  const [from, breakAt] = [await clockIn(page, -5), await clockIn(page, 1)];
  await page.goto(`${module.path}/session`);
  await checkPage(page);
  await page.getByLabel("Agenda").focus();
  await page.keyboard.type(`${from}, 6, Arriving\n${breakAt}, 10, Break`);
  await pressOn(page, "Start the session");
  await waitForEditor(page);
  await checkPage(page);
  await expect(jordan.getByText(`Next: Break at ${breakAt}.`)).toBeVisible();
  await expect(editorOf(jordan)).toHaveAttribute("contenteditable", "true");

  await expect(jordan.getByText("Taking a break.")).toBeVisible({ timeout: 75_000 });
  await expect(jordan.getByRole("timer")).toHaveText(`Break until ${endOfBreak(breakAt)}.`);
  await expect(editorOf(jordan)).toHaveAttribute("contenteditable", "false");
  await checkPage(jordan);

  await expect(page.getByRole("button", { name: "Resume now" })).toBeVisible();
  await pressOn(page, "Resume now");
  await expect(jordan.getByText("Taking a break.")).toHaveCount(0);
  await expect(editorOf(jordan)).toHaveAttribute("contenteditable", "true");
  await typeAndSave(jordan, "Back from the break early.", { newParagraph: true });
});

test("without JavaScript a facilitator starts and ends a session with plain forms, and a bad agenda keeps what was typed", async ({
  page,
  newPage,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  const plain = await newPage({ javaScriptEnabled: false });
  await signIn(plain, PEOPLE.facilitator.email);
  await plain.goto(`${module.path}/session`);
  await expect(plain.getByRole("heading", { name: "Start a session" })).toBeVisible();
  await checkPage(plain);

  const tooLong = "09:00, 600, A whole day at once";
  await plain.getByLabel("Agenda").fill(tooLong);
  await plain.getByRole("button", { name: "Start the session" }).click();
  await expect(plain.getByRole("alert")).toContainText("is longer than a session can be (8 hours)");
  await expect(plain.getByLabel("Agenda")).toHaveValue(tooLong);
  await checkPage(plain);

  await plain.getByLabel("Agenda").fill("09:00, 60, Reading it through\n10:00, 15, Break");
  await plain.getByRole("button", { name: "Start the session" }).click();
  const bar = plain.getByRole("region", { name: "Live session" });
  await expect(bar.getByText("09:00–10:00 Reading it through")).toBeAttached();
  await checkPage(plain);

  await bar.getByRole("button", { name: "End the session" }).click();
  await expect(plain.getByRole("heading", { name: "Session summary" })).toBeVisible();
  await expect(plain.getByText("No section changed.")).toBeVisible();
  await checkPage(plain);
});
