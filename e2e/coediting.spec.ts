import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import * as Y from "yjs";
import { connectCollabClient, logInForCookie } from "../modules/testing/collab-client";
import { appendToStoredDocument } from "../modules/testing/collab-stored-document";
import { checkPage } from "./support/accessibility";
import { exportModuleFile, integrityCheck } from "./support/database";
import { expect, test } from "./support/fixtures";
import { DEMO_PASSWORD, logIn, signUpOrganisation, uniqueName } from "./support/people";
import { sharedServer } from "./support/shared-server";
import {
  addCollaborator,
  createModule,
  cursorToEnd,
  cursorToEndOf,
  documentText,
  editorOf,
  goToTab,
  hereNow,
  openModule,
  PEOPLE,
  removeCollaborator,
  saveStatus,
  typeAndSave,
  typeAtEnd,
} from "./support/workshop";

// Two or three people, each logging in (password hashing is deliberately slow) on a machine that runs
// two tests at once: give each test room.
test.describe.configure({ timeout: 120_000 });

/** What the other person's screen must show within this long of the typing finishing. */
const LIVE_MS = 1000;

test("two people co-edit one module: each sees the other's words and name within a second", async ({
  page,
  newPage,
}) => {
  await logIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await addCollaborator(page, PEOPLE.coDesigner.name, "Co-designer");
  await goToTab(page, "Write");

  const jordan = await newPage();
  await logIn(jordan, PEOPLE.coDesigner.email);
  await openModule(jordan, module);

  // Each is listed as here now, in the other's editor too.
  await expect(hereNow(page).getByText(PEOPLE.coDesigner.name)).toBeVisible();
  await expect(hereNow(jordan).getByText(PEOPLE.facilitator.name)).toBeVisible();
  await expect(hereNow(jordan).getByText(`${PEOPLE.coDesigner.name} (you)`)).toBeVisible();

  await typeAtEnd(page, "Fran opens the session with a welcome.");
  await expect(editorOf(jordan)).toContainText("Fran opens the session with a welcome.", { timeout: LIVE_MS });
  // Fran's caret carries her name in Jordan's editor.
  await expect(editorOf(jordan).getByText(PEOPLE.facilitator.name, { exact: true })).toBeVisible({ timeout: LIVE_MS });

  await typeAtEnd(jordan, "Jordan adds a line about listening.", { newParagraph: true });
  await expect(editorOf(page)).toContainText("Jordan adds a line about listening.", { timeout: LIVE_MS });
  await expect(editorOf(page).getByText(PEOPLE.coDesigner.name, { exact: true })).toBeVisible({ timeout: LIVE_MS });

  // Typing at the same time, each in their own paragraph: both end up with both, exactly the same.
  await cursorToEndOf(page, editorOf(page).getByRole("paragraph").filter({ hasText: "Fran opens the session" }));
  await cursorToEndOf(jordan, editorOf(jordan).getByRole("paragraph").filter({ hasText: "Jordan adds a line" }));
  await Promise.all([page.keyboard.type(" Fran again."), jordan.keyboard.type(" Jordan again.")]);
  const both = "Fran opens the session with a welcome. Fran again.\nJordan adds a line about listening. Jordan again.";
  for (const p of [page, jordan]) {
    await expect(editorOf(p)).toContainText("Fran again.", { timeout: LIVE_MS });
    await expect(editorOf(p)).toContainText("Jordan again.", { timeout: LIVE_MS });
    await expect(saveStatus(p)).toHaveText("Saved");
    expect(await documentText(p)).toBe(both);
  }
});

test("a reviewer reads along but cannot type: no toolbar, and their keys change nothing for anyone", async ({
  page,
  newPage,
}) => {
  await logIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await typeAndSave(page, "Only co-designers change these words.");
  await addCollaborator(page, PEOPLE.coDesigner2.name, "Reviewer");
  await goToTab(page, "Write");

  const priya = await newPage();
  await logIn(priya, PEOPLE.coDesigner2.email);
  await openModule(priya, module);
  await expect(editorOf(priya)).toContainText("Only co-designers change these words.");
  await expect(editorOf(priya)).toHaveAttribute("aria-readonly", "true");
  await expect(priya.getByRole("toolbar", { name: "Formatting" })).toHaveCount(0);
  await expect(priya.getByRole("button", { name: "Insert block" })).toHaveCount(0);
  await expect(priya.getByText("You can read and comment on this module.")).toBeVisible();
  // The facilitator has the toolbar, so its absence for Priya is about her role.
  await expect(page.getByRole("toolbar", { name: "Formatting" })).toBeVisible();

  const before = await documentText(page);
  await editorOf(priya).click();
  await priya.keyboard.press("Control+End");
  await priya.keyboard.type("Reviewer text that must not land.");
  await priya.keyboard.press("Enter");
  await priya.keyboard.press("Backspace");
  await priya.keyboard.press("Control+a");
  await priya.keyboard.press("Delete");

  // The facilitator writes after Priya's keys: once Priya sees that, anything she had sent would be here too.
  await typeAndSave(page, " The facilitator adds this.");
  await expect(editorOf(priya)).toContainText("The facilitator adds this.", { timeout: LIVE_MS });
  const after = `${before} The facilitator adds this.`;
  expect(await documentText(priya)).toBe(after);
  expect(await documentText(page)).toBe(after);
  await expect(editorOf(page)).not.toContainText("Reviewer text");

  // Nor did anything reach the server: someone opening the module afresh sees the same.
  const fresh = await newPage();
  await logIn(fresh, PEOPLE.facilitator.email);
  await openModule(fresh, module);
  expect(await documentText(fresh)).toBe(after);
});

test("someone from another organisation finds no module, and the WebSocket refuses them", async ({
  page,
  newPage,
  baseURL,
}) => {
  await logIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await typeAndSave(page, "Private to the Northern Peer Support Network.");

  const other = await newPage();
  const outsider = await signUpOrganisation(other);
  const response = await other.goto(module.path);
  expect(response?.status()).toBe(404);
  await expect(other.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible();
  await checkPage(other);
  expect(await other.content()).not.toContain("Private to the Northern Peer Support Network.");

  // Straight to the collaboration server, with their own valid session cookie.
  const cookie = await logInForCookie(baseURL ?? "", outsider.email, outsider.password);
  const client = connectCollabClient({ baseURL: baseURL ?? "", cookie, moduleId: module.id });
  try {
    await expect(client.synced).rejects.toThrow("refused: permission-denied");
    expect(client.denied).toBe("permission-denied");
    expect(client.document.getXmlFragment("default").length).toBe(0);
  } finally {
    client.destroy();
  }

  // A member of the module's own organisation, with the same kind of cookie, is let in: the refusal was about them.
  const insider = await logInForCookie(baseURL ?? "", PEOPLE.facilitator.email, DEMO_PASSWORD);
  const allowed = connectCollabClient({ baseURL: baseURL ?? "", cookie: insider, moduleId: module.id });
  try {
    await allowed.synced;
    expect(allowed.document.getXmlFragment("default").toString()).toContain(
      "Private to the Northern Peer Support Network.",
    );
  } finally {
    allowed.destroy();
  }
});

test("a co-designer removed mid-session is cut off at once: read-only, nothing more reaches anyone, and no editor after a reload", async ({
  page,
  newPage,
}) => {
  await logIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await addCollaborator(page, PEOPLE.coDesigner.name, "Co-designer");

  const jordan = await newPage();
  await logIn(jordan, PEOPLE.coDesigner.email);
  await openModule(jordan, module);
  await typeAndSave(jordan, "Jordan wrote this before leaving.");

  // Fran stays on Details and people and removes Jordan while his editor is open.
  await removeCollaborator(page, PEOPLE.coDesigner.name);
  await expect(saveStatus(jordan)).toHaveText(
    "You no longer have access to edit this module. Your earlier changes are saved.",
  );
  await expect(editorOf(jordan)).toHaveAttribute("contenteditable", "false");
  await expect(jordan.getByRole("toolbar", { name: "Formatting" })).toHaveCount(0);

  await editorOf(jordan).click();
  await jordan.keyboard.press("Control+End");
  await jordan.keyboard.type(" Typed after removal.");
  await expect(editorOf(jordan)).not.toContainText("Typed after removal.");

  // Fran, back on the Write tab, has Jordan's earlier words and nothing after them.
  await goToTab(page, "Write");
  await expect(editorOf(page)).toContainText("Jordan wrote this before leaving.");
  await expect(hereNow(page).getByText(PEOPLE.coDesigner.name)).toHaveCount(0);
  await typeAndSave(page, " Fran carries on.");
  expect(await documentText(page)).toBe("Jordan wrote this before leaving. Fran carries on.");

  // A reload no longer opens the module for Jordan at all: it is no longer shared with him.
  const response = await jordan.reload();
  expect(response?.status()).toBe(403);
  await expect(jordan.getByRole("heading", { level: 1, name: "This page is not part of your role" })).toBeVisible();
  await expect(jordan.getByRole("main")).toContainText("This module has not been shared with you.");
  await expect(editorOf(jordan)).toHaveCount(0);
  await checkPage(jordan);
});

test("durability: five times over, text that shows Saved survives SIGKILL, and the database stays intact", async ({
  newPage,
  startServer,
}) => {
  test.setTimeout(240_000);
  const first = await startServer({ label: "durability server" });
  const { databasePath, port } = first;
  let server = first;
  const page = await newPage({ baseURL: server.baseURL });
  await logIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);

  const written: string[] = [];
  for (let round = 1; round <= 5; round += 1) {
    await test.step(`round ${round}: type, see Saved, SIGKILL, restart, reopen`, async () => {
      const line = `Round ${round} · ${randomBytes(6).toString("hex")} — “quotes”, £${round * 7}, café, naïve.`;
      await typeAndSave(page, line, { newParagraph: written.length > 0 });
      written.push(line);

      const status = await server.kill();
      expect(status.signal).toBe("SIGKILL");
      expect(integrityCheck(databasePath)).toBe("ok");
      // Leave the page, so the editor's own copy of the document cannot bring anything back.
      await page.goto("about:blank");

      server = await startServer({ databasePath, port, label: `durability server, restart ${round}` });
      await openModule(page, module);
      expect(await documentText(page)).toBe(written.join("\n"));
    });
  }
  // A last check once everything is loaded again and idle.
  await expect(saveStatus(page)).toHaveText("Saved");
  expect(integrityCheck(databasePath)).toBe("ok");
});

/** Opens "Insert block" from the toolbar and chooses a training block; the cursor lands in its first text. */
async function insertBlock(page: Page, label: string): Promise<Locator> {
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Insert block" }).click();
  await page.getByRole("menu", { name: "Training blocks" }).getByRole("menuitem", { name: label }).click();
  // Tiptap gives the editor focus back on the next animation frame; keys pressed before that go nowhere.
  await expect(editorOf(page)).toBeFocused();
  return editorOf(page).getByRole("region", { name: label }).last();
}

/** Clicks into one text part of a block (its question, an answer…) and types there. */
async function writeIn(page: Page, part: Locator, text: string) {
  await part.click();
  await page.keyboard.type(text);
  await expect(part).toContainText(text);
}

test("round trip: every training block, made with the editor's own controls, comes back the same for someone else", async ({
  page,
  newPage,
}) => {
  await logIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await addCollaborator(page, PEOPLE.coDesigner.name, "Co-designer");
  await goToTab(page, "Write");

  const toolbar = page.getByRole("toolbar", { name: "Formatting" });
  await editorOf(page).click();
  await toolbar.getByRole("button", { name: "Section heading" }).click();
  await page.keyboard.type("Keeping yourself safe");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Some of this may be hard to read.");

  // Content note: two topics (one of them "Other", named), and a note.
  const note = await insertBlock(page, "Content note");
  await page.keyboard.type("We talk about gambling and suicide.");
  await note.getByRole("checkbox", { name: "Suicide" }).check();
  await note.getByRole("checkbox", { name: "Other" }).check();
  await note.getByRole("textbox", { name: "Other topic" }).fill("Gambling");
  await expect(note).toContainText("We talk about gambling and suicide.");

  // Reflection prompt.
  await editorOf(page).getByText("We talk about gambling and suicide.").click();
  const reflection = await insertBlock(page, "Reflection prompt");
  await page.keyboard.type("When did you last say no to someone you support?");
  await expect(reflection).toContainText("When did you last say no to someone you support?");

  // Knowledge check: several correct answers, three options, feedback on each.
  const check = await insertBlock(page, "Knowledge check");
  await page.keyboard.type("Which of these are part of your role?");
  await check.getByRole("button", { name: "Add answer" }).click();
  await check.getByRole("combobox", { name: "Answers" }).selectOption({ label: "Several correct answers" });
  const checkParts = check.getByRole("paragraph");
  await expect(checkParts).toHaveCount(7);
  await writeIn(page, checkParts.nth(1), "Listening without judging");
  await writeIn(page, checkParts.nth(2), "Yes: being heard matters.");
  await writeIn(page, checkParts.nth(3), "Choosing their medicine");
  await writeIn(page, checkParts.nth(4), "No: that is medical advice.");
  await writeIn(page, checkParts.nth(5), "Pointing them to other help");
  await writeIn(page, checkParts.nth(6), "Yes: you are not their only support.");
  const correct = check.getByRole("checkbox", { name: "Correct answer" });
  await correct.nth(2).check();
  await expect(correct.nth(0)).toBeChecked();
  await expect(correct.nth(1)).not.toBeChecked();
  await expect(correct.nth(2)).toBeChecked();

  // Scenario: a situation and three responses, each with its discussion.
  await checkParts.nth(6).click();
  const scenario = await insertBlock(page, "Scenario");
  await page.keyboard.type("A text arrives at 11pm: can I ring you?");
  await scenario.getByRole("button", { name: "Add response" }).click();
  const scenarioParts = scenario.getByRole("paragraph");
  await expect(scenarioParts).toHaveCount(7);
  await writeIn(page, scenarioParts.nth(1), "Ring them straight back");
  await writeIn(page, scenarioParts.nth(2), "It helps tonight, and sets an expectation.");
  await writeIn(page, scenarioParts.nth(3), "Reply in the morning");
  await writeIn(page, scenarioParts.nth(4), "Kind, and keeps your hours.");
  await writeIn(page, scenarioParts.nth(5), "Send the out-of-hours numbers");
  await writeIn(page, scenarioParts.nth(6), "They get support now, from the right place.");

  // Key takeaway, then a support signpost.
  const takeaway = await insertBlock(page, "Key takeaway");
  await page.keyboard.type("Clear edges keep you well.");
  await expect(takeaway).toContainText("Clear edges keep you well.");
  const signpost = await insertBlock(page, "Support signpost");
  await page.keyboard.type("If this brings anything up for you, help is here.");
  await expect(signpost).toContainText("If this brings anything up for you, help is here.");
  await expect(saveStatus(page)).toHaveText("Saved");

  await expect(check.getByRole("combobox", { name: "Answers" })).toHaveValue("multiple");
  const written = await editorOf(page).ariaSnapshot();
  const text = await documentText(page);
  await goToTab(page, "Activity");

  // Jordan, in his own browser, opens the module from the server.
  const jordan = await newPage();
  await logIn(jordan, PEOPLE.coDesigner.email);
  await openModule(jordan, module);
  const editor = editorOf(jordan);
  expect(await documentText(jordan)).toBe(text);
  await expect(editor).toMatchAriaSnapshot(written);

  const seenNote = editor.getByRole("region", { name: "Content note" });
  await expect(seenNote.getByRole("checkbox", { name: "Suicide" })).toBeChecked();
  await expect(seenNote.getByRole("checkbox", { name: "Other" })).toBeChecked();
  await expect(seenNote.getByRole("checkbox", { name: "Self-harm" })).not.toBeChecked();
  await expect(seenNote.getByRole("textbox", { name: "Other topic" })).toHaveValue("Gambling");
  await expect(seenNote).toContainText("We talk about gambling and suicide.");
  await expect(editor.getByRole("region", { name: "Reflection prompt" })).toContainText(
    "When did you last say no to someone you support?",
  );
  const seenCheck = editor.getByRole("region", { name: "Knowledge check" });
  await expect(seenCheck.getByRole("combobox", { name: "Answers" })).toHaveValue("multiple");
  const seenCorrect = seenCheck.getByRole("checkbox", { name: "Correct answer" });
  await expect(seenCorrect).toHaveCount(3);
  await expect(seenCorrect.nth(0)).toBeChecked();
  await expect(seenCorrect.nth(1)).not.toBeChecked();
  await expect(seenCorrect.nth(2)).toBeChecked();
  await expect(seenCheck.getByRole("paragraph")).toHaveText([
    /Which of these are part of your role\?/,
    /Listening without judging/,
    /Yes: being heard matters\./,
    /Choosing their medicine/,
    /No: that is medical advice\./,
    /Pointing them to other help/,
    /Yes: you are not their only support\./,
  ]);
  const seenScenario = editor.getByRole("region", { name: "Scenario" });
  await expect(seenScenario.getByRole("button", { name: "Remove response" })).toHaveCount(3);
  await expect(seenScenario.getByRole("paragraph")).toHaveText([
    /A text arrives at 11pm: can I ring you\?/,
    /Ring them straight back/,
    /It helps tonight, and sets an expectation\./,
    /Reply in the morning/,
    /Kind, and keeps your hours\./,
    /Send the out-of-hours numbers/,
    /They get support now, from the right place\./,
  ]);
  await expect(editor.getByRole("region", { name: "Key takeaway" })).toContainText("Clear edges keep you well.");
  await expect(editor.getByRole("region", { name: "Support signpost" })).toContainText(
    "If this brings anything up for you, help is here.",
  );
  await expect(editor.getByRole("heading", { level: 2, name: "Keeping yourself safe" })).toBeVisible();

  // What the server stored, exported by the app's own exporter as a content file (block ids vary).
  const exported = exportModuleFile({ databasePath: sharedServer.databasePath, moduleId: module.id })
    .replace(/\{#[A-Za-z0-9_-]{12}/g, "{#id")
    .replace(/(options|responses)="[A-Za-z0-9_ -]+"/g, '$1="ids"');
  expect(exported).toBe(
    [
      `---\ntitle: ${module.title}\ntopic: boundaries\nestimatedMinutes: 30\n---\n`,
      "## Keeping yourself safe\n",
      "Some of this may be hard to read.\n",
      ':::content-note{topics="suicide,custom" custom="Gambling"}\nWe talk about gambling and suicide.\n:::\n',
      ":::reflection{#id}\nWhen did you last say no to someone you support?\n:::\n",
      ':::knowledge-check{#id multiple options="ids"}\nWhich of these are part of your role?\n',
      "- [x] Listening without judging\n\n  Yes: being heard matters.\n",
      "- [ ] Choosing their medicine\n\n  No: that is medical advice.\n",
      "- [x] Pointing them to other help\n\n  Yes: you are not their only support.\n:::\n",
      ':::scenario{#id responses="ids"}\nA text arrives at 11pm: can I ring you?\n',
      "- Ring them straight back\n\n  It helps tonight, and sets an expectation.\n",
      "- Reply in the morning\n\n  Kind, and keeps your hours.\n",
      "- Send the out-of-hours numbers\n\n  They get support now, from the right place.\n:::\n",
      ":::takeaways\nClear edges keep you well.\n:::\n",
      ":::support\nIf this brings anything up for you, help is here.\n:::\n",
    ].join("\n"),
  );
});

test("a module whose stored document holds a block the editor does not know opens for everyone, without that block", async ({
  page,
  newPage,
}) => {
  const kept = "Kept: agree your hours with your organisation.";
  const unknown = "Unknown block: nobody can see this.";
  // Fran makes the module without JavaScript, so no editor holds it open while the store is changed.
  const fran = await newPage({ javaScriptEnabled: false });
  await logIn(fran, PEOPLE.facilitator.email);
  const title = uniqueName("Stored before the check");
  await fran.goto("/workshop/new");
  await checkPage(fran);
  const blank = fran.getByRole("region", { name: "Start from a blank page" });
  await blank.getByLabel("Title").fill(title);
  await blank.getByRole("button", { name: "Create module" }).click();
  await expect(fran.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await checkPage(fran);
  const id = /\/workshop\/([A-Za-z0-9_-]{22})$/.exec(fran.url())?.[1] ?? "";
  const module = { id, title, path: `/workshop/${id}` };

  appendToStoredDocument(sharedServer.databasePath, module.id, (doc) => {
    const fragment = doc.getXmlFragment("default");
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(kept)]);
    const block = new Y.XmlElement("evilBlock");
    block.insert(0, [new Y.XmlText(unknown)]);
    fragment.push([paragraph, block]);
  });

  // Without JavaScript, the page shows the module as it stands, from the store.
  await fran.reload();
  await expect(fran.getByText(kept)).toBeVisible();
  await expect(fran.getByText(unknown)).toHaveCount(0);
  await checkPage(fran);
  for (const tab of ["Review", "History"] as const) {
    await goToTab(fran, tab);
  }

  // In the editor the block is gone, and writing carries on.
  await logIn(page, PEOPLE.facilitator.email);
  await openModule(page, module);
  await expect(editorOf(page)).toContainText(kept);
  await expect(editorOf(page)).not.toContainText("Unknown block");
  await typeAndSave(page, " Written after.");
  // The new module's empty first paragraph, then the kept one.
  expect(await documentText(page)).toBe(`\n${kept} Written after.`);

  // Review and history read the live document now; a snapshot of it shows the text.
  await goToTab(page, "Review");
  await goToTab(page, "History");
  await page.getByRole("textbox", { name: "Name" }).fill("After the repair");
  await page.getByRole("button", { name: "Take snapshot" }).click();
  const versions = page.getByRole("table", { name: "Snapshots of this module, newest first" });
  await versions.getByRole("link", { name: "After the repair" }).click();
  await expect(page.getByRole("article")).toContainText(`${kept} Written after.`);
  await checkPage(page);
});

test("a co-designer made a reviewer mid-session loses the block controls at once, without a reload", async ({
  page,
  newPage,
}) => {
  await logIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await typeAndSave(page, "A question to check what people took in.");
  await insertBlock(page, "Knowledge check");
  await page.keyboard.type("Which of these is part of your role?");
  await expect(saveStatus(page)).toHaveText("Saved");
  await addCollaborator(page, PEOPLE.coDesigner.name, "Co-designer");

  const jordan = await newPage();
  await logIn(jordan, PEOPLE.coDesigner.email);
  await openModule(jordan, module);
  const check = editorOf(jordan).getByRole("region", { name: "Knowledge check" });
  await expect(check.getByRole("button", { name: "Remove knowledge check" })).toBeVisible();
  await expect(check.getByRole("button", { name: "Add answer" })).toBeEnabled();
  await expect(check.getByRole("checkbox", { name: "Correct answer" }).first()).toBeEnabled();
  await expect(check.getByRole("button", { name: "Remove answer" })).toHaveCount(2);
  await expect(jordan.getByRole("toolbar", { name: "Formatting" })).toBeVisible();
  await jordan.evaluate(() => {
    (window as unknown as { stillThisPage?: boolean }).stillThisPage = true;
  });

  // Fran, on Details and people, makes Jordan a reviewer while his editor is open.
  const roleForm = page
    .getByRole("region", { name: "Collaborators" })
    .getByRole("listitem")
    .filter({ hasText: PEOPLE.coDesigner.name });
  await roleForm.getByLabel(`Role for ${PEOPLE.coDesigner.name}`).selectOption({ label: "Reviewer" });
  await roleForm.getByRole("button", { name: `Change role for ${PEOPLE.coDesigner.name}` }).click();
  await expect(roleForm).toContainText("Reviewer");
  await checkPage(page);

  // Jordan's controls go, without a reload: he reads and comments now.
  await expect(jordan.getByText("You can read and comment on this module.")).toBeVisible();
  await expect(check.getByRole("button", { name: "Remove knowledge check" })).toHaveCount(0);
  await expect(check.getByRole("button", { name: "Add answer" })).toHaveCount(0);
  await expect(check.getByRole("button", { name: "Remove answer" })).toHaveCount(0);
  for (const box of await check.getByRole("checkbox", { name: "Correct answer" }).all())
    await expect(box).toBeDisabled();
  await expect(check.getByRole("combobox", { name: "Answers" })).toHaveCount(0);
  await expect(jordan.getByRole("toolbar", { name: "Formatting" })).toHaveCount(0);
  await expect(editorOf(jordan)).toHaveAttribute("aria-readonly", "true");
  await expect(editorOf(jordan)).toHaveAttribute("contenteditable", "false");
  await expect(saveStatus(jordan)).toHaveText("Saved");
  await expect(jordan.getByRole("button", { name: "Comment on selected words" })).toBeVisible();
  expect(await jordan.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
  await checkPage(jordan);
});

/** Pastes plain text where the cursor is, as the browser does for Ctrl+V. */
async function paste(page: Page, text: string) {
  await editorOf(page).evaluate((root, pasted) => {
    const data = new DataTransfer();
    data.setData("text/plain", pasted);
    root.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test("a paste too large to send says so, and how much may be pasted, rather than calling the module full", async ({
  page,
}) => {
  await logIn(page, PEOPLE.facilitator.email);
  await createModule(page);
  await typeAndSave(page, "A short module.");
  await cursorToEnd(page);
  await paste(page, "Pasted words. ".repeat(18_000));
  const alert = page.getByRole("alert");
  await expect(alert).toHaveText(
    "That paste is too large to add in one go. Paste up to about 100,000 characters at a time.",
  );
  await expect(page.getByText("This module has reached its size limit")).toHaveCount(0);
  await expect(editorOf(page)).not.toContainText("Pasted words.");
  await expect(saveStatus(page)).toHaveText("Saved");
  await checkPage(page);

  // A paste within the limit goes in, and is saved.
  await paste(page, " Pasted once.");
  await expect(editorOf(page)).toContainText("A short module. Pasted once.");
  await expect(saveStatus(page)).toHaveText("Saved");
});

test("a quote is set apart from the text around it, in the editor and in the module as others read it", async ({
  page,
  newPage,
}) => {
  await logIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await typeAndSave(page, "Someone we support once said:");
  await page.keyboard.press("Enter");
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Quote" }).click();
  await page.keyboard.type("You were the first person who listened.");
  await expect(saveStatus(page)).toHaveText("Saved");
  const quote = editorOf(page).locator("blockquote");
  await expect(quote).toHaveText("You were the first person who listened.");
  await expect(quote).toHaveCSS("border-left-style", "solid");
  await expect(quote).not.toHaveCSS("background-color", "rgba(0, 0, 0, 0)");

  // The page sent to someone without JavaScript (the published renderer's HTML) shows it the same way.
  const reader = await newPage({ javaScriptEnabled: false });
  await logIn(reader, PEOPLE.facilitator.email);
  await reader.goto(module.path);
  await checkPage(reader);
  const shown = reader.locator("blockquote").filter({ hasText: "You were the first person who listened." });
  await expect(shown).toHaveCSS("border-left-style", "solid");
  await expect(shown).not.toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
});
