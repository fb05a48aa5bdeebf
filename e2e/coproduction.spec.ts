import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { publishStarterModule } from "./support/learning";
import { signUpOrganisation, uniqueName } from "./support/people";
import { signIn } from "./support/sessions";
import {
  addCollaborator,
  commentOnSelection,
  commentsPanel,
  createModule,
  cursorToEnd,
  cursorToEndOf,
  documentText,
  editorOf,
  expectEditorSelection,
  goToTab,
  type ModuleRef,
  openModule,
  PEOPLE,
  saveStatus,
  selectWords,
  startFromStarter,
  threadOf,
  typeAndSave,
} from "./support/workshop";

// Two or three people, each logging in (password hashing is deliberately slow) on a machine that runs
// two tests at once: give each test room.
test.describe.configure({ timeout: 120_000 });

/** Fran makes a module with some text and adds Jordan; both end up on its Write tab. */
async function franAndJordanOnOneModule(page: Page, newPage: () => Promise<Page>, text: string) {
  await signIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await typeAndSave(page, text);
  await addCollaborator(page, PEOPLE.coDesigner.name, "Co-designer");
  await goToTab(page, "Write");
  const jordan = await newPage();
  await signIn(jordan, PEOPLE.coDesigner.email);
  await openModule(jordan, module);
  return { module, fran: page, jordan };
}

/** The "N unread" badge in the heading of the comments panel (none when all are read). */
function unreadBadge(page: Page) {
  return commentsPanel(page).getByRole("heading", { name: /^Comments/ });
}

/** Marks the page so a later check can tell it was never reloaded. */
async function markNoReload(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { stillThisPage?: boolean }).stillThisPage = true;
  });
}

async function expectNoReload(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
}

test("comments: start a thread on words, reply, resolve and reopen, each seen live by the other person", async ({
  page,
  newPage,
}) => {
  const sentence = "Saying no kindly is a skill we can practise.";
  const { fran, jordan } = await franAndJordanOnOneModule(page, newPage, sentence);
  await markNoReload(fran);
  await markNoReload(jordan);
  await expect(unreadBadge(fran)).toHaveText("Comments (none unread)");

  // Jordan comments on "Saying no kindly".
  await selectWords(jordan, sentence, "Saying no kindly");
  await commentOnSelection(jordan, "Could we add an example of what to say?");
  const jordansThread = threadOf(jordan, "Saying no kindly");
  await expect(jordansThread.getByText("Could we add an example of what to say?")).toBeVisible();
  await expect(jordansThread.getByText("You", { exact: true })).toBeVisible();

  // Fran sees it without reloading: the thread, the words highlighted in her editor, and one unread.
  const fransThread = threadOf(fran, "Saying no kindly");
  await expect(fransThread.getByText("Could we add an example of what to say?")).toBeVisible();
  await expect(fransThread.getByText(PEOPLE.coDesigner.name, { exact: true })).toBeVisible();
  await expect(fransThread.getByText("1 new")).toBeVisible();
  await expect(unreadBadge(fran)).toHaveText("Comments 1 unread");
  const anchor = editorOf(fran).locator(".comment-anchor");
  await expect(anchor).toHaveText("Saying no kindly");
  await expect(anchor).toHaveCSS("text-decoration-line", "underline");
  await expect(editorOf(jordan).locator(".comment-anchor")).toHaveText("Saying no kindly");

  // Fran replies: writing in the thread counts as reading it. Jordan gets the reply, unread, live.
  await fransThread.getByRole("textbox", { name: "Reply" }).fill("Yes: “I can't do that, but here is who can.”");
  await fransThread.getByRole("button", { name: "Reply" }).click();
  await expect(fransThread.getByText("Yes: “I can't do that, but here is who can.”")).toBeVisible();
  await expect(fransThread.getByRole("textbox", { name: "Reply" })).toHaveValue("");
  await expect(unreadBadge(fran)).toHaveText("Comments (none unread)");
  await expect(jordansThread.getByText("Yes: “I can't do that, but here is who can.”")).toBeVisible();
  await expect(jordansThread.getByText(PEOPLE.facilitator.name, { exact: true })).toBeVisible();
  await expect(unreadBadge(jordan)).toHaveText("Comments 1 unread");
  await expect(jordansThread.getByText("1 new")).toBeVisible();

  // Jordan resolves it: it leaves the open list for both, and shows under "Resolved".
  await jordansThread.getByRole("button", { name: "Resolve the thread about “Saying no kindly”" }).click();
  await expect(jordansThread).toHaveCount(0);
  await expect(fransThread).toHaveCount(0);
  await expect(commentsPanel(fran).getByText("No comments yet.")).toBeVisible();
  await commentsPanel(fran).getByRole("radio", { name: "Resolved" }).check();
  await expect(fransThread.getByText("Resolved", { exact: true })).toBeVisible();
  await expect(fransThread.getByText("Could we add an example of what to say?")).toBeVisible();

  // Fran reopens it, and it is back in Jordan's open list.
  await fransThread.getByRole("button", { name: "Reopen the thread about “Saying no kindly”" }).click();
  await expect(commentsPanel(fran).getByText("No resolved comments.")).toBeVisible();
  await expect(jordansThread).toBeVisible();
  await expect(jordansThread.getByText("Resolved", { exact: true })).toHaveCount(0);
  await expect(
    jordansThread.getByRole("button", { name: "Resolve the thread about “Saying no kindly”" }),
  ).toBeVisible();

  // Jordan marks everything read.
  await commentsPanel(jordan).getByRole("button", { name: "Mark all as read" }).click();
  await expect(unreadBadge(jordan)).toHaveText("Comments (none unread)");
  await expectNoReload(fran);
  await expectNoReload(jordan);
});

test("an @mention tells the person it mentions; a facilitator hides a comment with a reason, and everyone sees the reason, not the words", async ({
  page,
  newPage,
}) => {
  const sentence = "Out of hours contact needs a plan.";
  const { fran, jordan } = await franAndJordanOnOneModule(page, newPage, sentence);

  await selectWords(fran, sentence, "Out of hours contact");
  await commentOnSelection(fran, "@Jordan could you draft this part?");
  const jordansThread = threadOf(jordan, "Out of hours contact");
  const mention = jordansThread.getByRole("listitem").filter({ hasText: "could you draft this part?" });
  await expect(mention.getByText("Mentions you")).toBeVisible();
  // The mention stands out in the comment.
  await expect(mention.getByRole("strong").filter({ hasText: "@Jordan" })).toBeVisible();
  // Fran wrote it; it does not mention her.
  await expect(threadOf(fran, "Out of hours contact").getByText("Mentions you")).toHaveCount(0);

  // Jordan replies with something that should not stay up.
  const unkind = "Honestly this whole section is pointless rubbish.";
  await jordansThread.getByRole("textbox", { name: "Reply" }).fill(unkind);
  await jordansThread.getByRole("button", { name: "Reply" }).click();
  const fransThread = threadOf(fran, "Out of hours contact");
  const fransView = fransThread.getByRole("listitem").filter({ hasText: unkind });
  await expect(fransView).toBeVisible();

  // Only facilitators moderate: Jordan has no way to hide.
  await expect(jordansThread.getByText("Hide this comment")).toHaveCount(0);

  await fransView.getByText("Hide this comment").click();
  await fransView
    .getByRole("textbox", { name: "Why are you hiding it?" })
    .fill("Please keep feedback kind and specific.");
  await fransView.getByRole("button", { name: "Hide comment" }).click();
  const hiddenNote = "Hidden by Fran Mills: Please keep feedback kind and specific.";
  await expect(fransThread.getByText(hiddenNote)).toBeVisible();
  await expect(jordansThread.getByText(hiddenNote)).toBeVisible();
  await expect(fransThread).not.toContainText(unkind);
  await expect(jordansThread).not.toContainText(unkind);
  // Fran's own comment is untouched.
  await expect(jordansThread.getByText("could you draft this part?")).toBeVisible();

  // Nor is it anywhere in the page Jordan is sent when he loads the module afresh.
  await jordan.reload();
  await expect(threadOf(jordan, "Out of hours contact").getByText(hiddenNote)).toBeVisible();
  expect(await jordan.content()).not.toContain("pointless rubbish");
});

test("a thread whose words are deleted stays listed, as detached, for everyone", async ({ page, newPage }) => {
  const first = "Keep this sentence.";
  const second = "This sentence will be deleted.";
  const { fran, jordan } = await franAndJordanOnOneModule(page, newPage, first);
  await typeAndSave(fran, second, { newParagraph: true });

  await selectWords(jordan, second, "will be deleted");
  await commentOnSelection(jordan, "Is this needed?");
  await expect(editorOf(fran).locator(".comment-anchor")).toHaveText("will be deleted");
  const fransThread = threadOf(fran, "will be deleted");
  await expect(fransThread.getByText("Is this needed?")).toBeVisible();
  await expect(fransThread.getByRole("button", { name: "Show in the text" })).toBeVisible();

  // Fran deletes the whole second paragraph, commented words and all.
  await selectWords(fran, second, second);
  await fran.keyboard.press("Backspace");
  await expect(editorOf(fran)).not.toContainText("deleted");
  await expect(editorOf(jordan)).not.toContainText("deleted");
  await expect(editorOf(jordan)).toContainText(first);

  for (const person of [fran, jordan]) {
    const thread = threadOf(person, "will be deleted");
    await expect(thread.getByText("Detached: the words were removed")).toBeVisible();
    await expect(thread.getByText("Is this needed?")).toBeVisible();
    await expect(thread.getByRole("button", { name: "Show in the text" })).toHaveCount(0);
  }

  // The server agrees once the page is loaded afresh.
  await jordan.reload();
  await expect(editorOf(jordan)).toContainText(first);
  await expect(threadOf(jordan, "will be deleted").getByText("Detached: the words were removed")).toBeVisible();
});

/** The revision the Review tab says the module is at. */
async function shownRevision(page: Page): Promise<number> {
  const text = (await page.getByText(/^The module is at revision \d+\./).textContent()) ?? "";
  const match = /revision (\d+)/.exec(text);
  if (!match?.[1]) throw new Error(`No revision in “${text}”`);
  return Number(match[1]);
}

function signOffRow(page: Page, name: string) {
  return page.getByRole("table", { name: "Sign-off by each collaborator" }).getByRole("row").filter({ hasText: name });
}

test("sign-off: review starts, the facilitator must confirm the safety checklist, an edit makes a sign-off stale, and a stale page is refused", async ({
  page,
  newPage,
}) => {
  const { fran, jordan } = await franAndJordanOnOneModule(page, newPage, "Agree your hours with your organisation.");
  await goToTab(fran, "Review");
  await expect(fran.getByRole("heading", { level: 2, name: "Draft" })).toBeVisible();
  await fran.getByRole("button", { name: "Start the review" }).click();
  await expect(fran.getByRole("heading", { level: 2, name: "In review" })).toBeVisible();
  await expect(fran.getByText("Waiting for 2 of 2 to sign off this revision.")).toBeVisible();
  await checkPage(fran);
  const first = await shownRevision(fran);

  // Signing off without the checklist is refused, clearly.
  await fran.getByRole("button", { name: `Sign off revision ${first}` }).click();
  await expect(fran.getByRole("alert")).toContainText(
    "As a facilitator, confirm each point of the safety checklist before you sign off.",
  );
  await checkPage(fran);
  await expect(signOffRow(fran, PEOPLE.facilitator.name)).toContainText("Not yet");
  const checklist = fran.getByRole("group", { name: "Safety checklist" });
  const checks = checklist.getByRole("checkbox");
  await expect(checks).toHaveCount(3);
  for (const box of await checks.all()) await box.check();
  await fran.getByRole("button", { name: `Sign off revision ${first}` }).click();
  await expect(signOffRow(fran, PEOPLE.facilitator.name)).toContainText(
    `Signed off the current revision (revision ${first})`,
  );
  await expect(fran.getByRole("alert")).toHaveCount(0);
  await checkPage(fran);

  // Jordan, a co-designer, signs off without a checklist.
  await goToTab(jordan, "Review");
  await expect(jordan.getByRole("group", { name: "Safety checklist" })).toHaveCount(0);
  await jordan.getByRole("button", { name: `Sign off revision ${first}` }).click();
  await expect(signOffRow(jordan, PEOPLE.coDesigner.name)).toContainText(
    `Signed off the current revision (revision ${first})`,
  );
  await expect(jordan.getByText("Everyone has signed off this revision. A facilitator can publish it.")).toBeVisible();
  await checkPage(jordan);

  // Fran edits the text; Jordan's sign-off (and her own) are now for an earlier revision.
  await goToTab(fran, "Write");
  await typeAndSave(fran, " Write them down.");
  await jordan.getByRole("button", { name: "Check for changes" }).click();
  await expect.poll(() => shownRevision(jordan)).toBeGreaterThan(first);
  const second = await shownRevision(jordan);
  await expect(signOffRow(jordan, PEOPLE.coDesigner.name)).toContainText(
    `Signed off an earlier revision: the module has changed since (revision ${first})`,
  );
  await expect(signOffRow(jordan, PEOPLE.facilitator.name)).toContainText("Signed off an earlier revision");
  await expect(jordan.getByText("Your earlier sign-off is stale: the module has changed since.")).toBeVisible();
  await expect(jordan.getByText("Waiting for 2 of 2 to sign off this revision.")).toBeVisible();

  // With the page still showing that revision, Fran edits again; Jordan's sign-off of what he saw is refused.
  await typeAndSave(fran, " Share them early.");
  await jordan.getByRole("button", { name: `Sign off revision ${second}` }).click();
  const refusal = jordan.getByRole("alert");
  await expect(refusal).toContainText(
    new RegExp(
      `The module has changed since you opened this page \\(you saw revision ${second}; it is now revision \\d+\\)\\. Read the latest version, then sign off again\\.`,
    ),
  );
  await checkPage(jordan);
  await expect(signOffRow(jordan, PEOPLE.coDesigner.name)).toContainText(
    `Signed off an earlier revision: the module has changed since (revision ${first})`,
  );

  // After reading the latest, he signs off that.
  await jordan.reload();
  const third = await shownRevision(jordan);
  expect(third).toBeGreaterThan(second);
  await checkPage(jordan);
  await jordan.getByRole("button", { name: `Sign off revision ${third}` }).click();
  await expect(signOffRow(jordan, PEOPLE.coDesigner.name)).toContainText(
    `Signed off the current revision (revision ${third})`,
  );
  await checkPage(jordan);
});

test("a restore in one browser appears live in the other person's open editor", async ({ page, newPage }) => {
  const original = "Version one: agree your hours before you start.";
  const { fran, jordan } = await franAndJordanOnOneModule(page, newPage, original);

  // Fran takes a named snapshot.
  await goToTab(fran, "History");
  await fran.getByRole("textbox", { name: "Name" }).fill("Before the workshop");
  await fran.getByRole("button", { name: "Take snapshot" }).click();
  const versions = fran.getByRole("table", { name: "Snapshots of this module, newest first" });
  const row = versions.getByRole("row").filter({ hasText: "Before the workshop" });
  await expect(row).toContainText("by Fran Mills");
  await checkPage(fran);

  // The text changes completely, by Jordan.
  await editorOf(jordan).click();
  await jordan.keyboard.press("Control+a");
  await expectEditorSelection(jordan, original);
  await jordan.keyboard.type("Version two: no hours at all.");
  await expect(saveStatus(jordan)).toHaveText("Saved");
  expect(await documentText(jordan)).toBe("Version two: no hours at all.");
  await markNoReload(jordan);

  // Fran views the snapshot (read-only) and restores it.
  await row.getByRole("link", { name: "Before the workshop" }).click();
  await expect(fran.getByRole("heading", { level: 2, name: "Before the workshop" })).toBeVisible();
  await expect(fran.getByRole("article")).toContainText(original);
  await checkPage(fran);
  const takenAt = (await fran.getByText(/^Revision \d+ · taken /).textContent())?.match(/taken (.+) by /)?.[1] ?? "";
  await fran.getByRole("button", { name: "Restore this version" }).click();
  await expect(fran).toHaveURL(/\/workshop\/[A-Za-z0-9_-]{22}\?restored=[A-Za-z0-9_-]{22}$/);
  await expect(fran.getByRole("status").filter({ hasText: "Restored the version from" })).toHaveText(
    `Restored the version from ${takenAt}, “Before the workshop”. Everyone working on the module sees it now; what was there before is kept in History.`,
  );
  await expect(editorOf(fran)).toContainText(original);
  await checkPage(fran);

  // Jordan's open editor shows the restored text, without a reload.
  await expect(editorOf(jordan)).toContainText(original);
  await expect(editorOf(jordan)).not.toContainText("Version two");
  expect(await documentText(jordan)).toBe(original);
  await expectNoReload(jordan);

  // Nothing was lost: what was there before the restore is kept as a snapshot.
  await goToTab(fran, "History");
  await expect(versions.getByRole("row").filter({ hasText: "Before restoring “Before the workshop”" })).toContainText(
    "by Fran Mills",
  );
  await versions.getByRole("link", { name: "Before restoring “Before the workshop”" }).click();
  await expect(fran.getByRole("article")).toContainText("Version two: no hours at all.");
  await checkPage(fran);
});

/** Contributions tab: chooses how this person is credited, and saves. */
async function chooseCredit(page: Page, choice: "real" | "anonymous" | { chosen: string }) {
  const form = page.getByRole("group", { name: "How should you be credited?" });
  if (choice === "real") await form.getByRole("radio", { name: /^By my name/ }).check();
  else if (choice === "anonymous") await form.getByRole("radio", { name: /^Not named/ }).check();
  else {
    await form.getByRole("radio", { name: "By a name I choose" }).check();
    await form.getByRole("textbox", { name: "Name to show" }).fill(choice.chosen);
  }
  await page.getByRole("button", { name: "Save how I am credited" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved. It now shows this way everywhere." })).toBeVisible();
  await checkPage(page);
}

/** Loads the Contributions page afresh (so the page source is what the server sends now) and checks it. */
async function loadContributions(page: Page, module: ModuleRef) {
  await page.goto(`${module.path}/contributions`);
  await expect(page.getByRole("heading", { level: 2, name: "Who made this module" })).toBeVisible();
  await checkPage(page);
  return page.getByRole("table", { name: "Contributions: what each person's work left in the module" });
}

test("credits follow each person's choice at once, and an anonymous person's name is nowhere in the page others get", async ({
  page,
  newPage,
}) => {
  const { fran, jordan, module } = await franAndJordanOnOneModule(page, newPage, "Fran starts.");
  await goToTab(fran, "Details and people");
  await addCollaborator(fran, PEOPLE.coDesigner2.name, "Co-designer");
  const priya = await newPage();
  await signIn(priya, PEOPLE.coDesigner2.email);
  await openModule(priya, module);
  await typeAndSave(jordan, " Jordan adds a sentence.");
  await typeAndSave(priya, " Priya adds another.");

  // By default everyone is credited by name.
  let table = await loadContributions(fran, module);
  await expect(fran.getByText(/^Co-produced by /)).toHaveText(
    `Co-produced by ${PEOPLE.facilitator.name}, ${PEOPLE.coDesigner.name} and ${PEOPLE.coDesigner2.name}.`,
  );
  await expect(table.getByRole("row").filter({ hasText: PEOPLE.coDesigner.name })).toContainText("Co-designer");

  // Jordan picks a chosen name; Priya chooses not to be named.
  await goToTab(jordan, "Contributions");
  await expect(jordan.getByText(`You (${PEOPLE.coDesigner.name})`)).toBeVisible();
  await chooseCredit(jordan, { chosen: "J. from Leeds" });
  await expect(jordan.getByText("Others see you as J. from Leeds.")).toBeVisible();
  await goToTab(priya, "Contributions");
  await chooseCredit(priya, "anonymous");
  await expect(priya.getByText("Others see you as someone who chose not to be named.")).toBeVisible();
  // She still sees herself.
  await expect(priya.getByText(`You (${PEOPLE.coDesigner2.name})`)).toBeVisible();

  // Fran sees the chosen name, and Priya only as someone not named: her name is not in the page source.
  table = await loadContributions(fran, module);
  await expect(table.getByRole("row").filter({ hasText: "J. from Leeds" })).toContainText("Co-designer");
  await expect(table.getByRole("row").filter({ hasText: "Someone who chose not to be named" })).toHaveCount(1);
  await expect(fran.getByText(/^Co-produced by /)).toHaveText(
    `Co-produced by ${PEOPLE.facilitator.name}, J. from Leeds and 1 person who chose not to be named.`,
  );
  let source = await fran.content();
  expect(source).not.toContain(PEOPLE.coDesigner2.name);
  expect(source).not.toContain("Priya");
  expect(source).not.toContain(PEOPLE.coDesigner.name);
  // Jordan, another person, gets the same for Priya.
  await loadContributions(jordan, module);
  expect(await jordan.content()).not.toContain(PEOPLE.coDesigner2.name);

  // Changing the choice takes effect at once: Priya is named again, Jordan goes anonymous.
  await chooseCredit(priya, "real");
  await chooseCredit(jordan, "anonymous");
  table = await loadContributions(fran, module);
  await expect(table.getByRole("row").filter({ hasText: PEOPLE.coDesigner2.name })).toContainText("Co-designer");
  await expect(fran.getByText(/^Co-produced by /)).toHaveText(
    `Co-produced by ${PEOPLE.facilitator.name}, ${PEOPLE.coDesigner2.name} and 1 person who chose not to be named.`,
  );
  source = await fran.content();
  expect(source).not.toContain(PEOPLE.coDesigner.name);
  expect(source).not.toContain("J. from Leeds");
  await loadContributions(priya, module);
  expect(await priya.content()).not.toContain(PEOPLE.coDesigner.name);
});

test("bad input: empty and over-long comments get a clear message and keep what was typed; forged ids change nothing", async ({
  page,
  newPage,
  baseURL,
}) => {
  const sentence = "Supervision should happen every month.";
  await signIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await typeAndSave(page, sentence);

  // An empty comment.
  await selectWords(page, sentence, "every month");
  const panel = commentsPanel(page);
  await panel.getByRole("button", { name: "Comment on selected words" }).click();
  const body = panel.getByRole("textbox", { name: "Your comment" });
  await body.fill("   ");
  await panel.getByRole("button", { name: "Post comment" }).click();
  await expect(panel.getByText("Write a comment first.")).toBeVisible();
  await expect(body).toHaveAttribute("aria-invalid", "true");
  await expect(panel.getByRole("blockquote")).toHaveText("every month");
  await checkPage(page);

  // One character over the limit: the message says so, and the text stays to be shortened.
  const long = `${"Supervision matters. ".repeat(95)}${"x".repeat(6)}`;
  expect(long.length).toBe(2001);
  await body.fill(long);
  await panel.getByRole("button", { name: "Post comment" }).click();
  await expect(panel.getByText("Keep a comment to 2,000 characters. This one has 2,001.")).toBeVisible();
  await expect(body).toHaveValue(long);
  await checkPage(page);
  await expect(panel.getByText("No comments yet.")).toBeVisible();

  // Shortened by one character, it posts.
  await body.press("End");
  await body.press("Backspace");
  await panel.getByRole("button", { name: "Post comment" }).click();
  const thread = threadOf(page, "every month");
  await expect(thread.getByText(long.slice(0, 2000))).toBeVisible();

  // An empty reply is refused in the same way.
  await thread.getByRole("textbox", { name: "Reply" }).fill("");
  await thread.getByRole("button", { name: "Reply" }).click();
  await expect(thread.getByText("Write a comment first.")).toBeVisible();
  await checkPage(page);

  // A reply to a made-up thread, and resolving one, sent straight to the server with Fran's own
  // session, are refused with a clear message.
  const threadId = await thread.locator('input[name="threadId"]').first().inputValue();
  expect(threadId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  const forgeries: Record<string, string>[] = [
    { intent: "reply", threadId: "AAAAAAAAAAAAAAAAAAAAAA", body: "Sneaked in." },
    { intent: "resolve", threadId: "BBBBBBBBBBBBBBBBBBBBBB" },
  ];
  for (const form of forgeries) {
    const forged = await page.request.post(`${module.path}/comments`, {
      form,
      headers: { Origin: baseURL ?? "" },
      maxRedirects: 0,
    });
    // Without JavaScript a form post is answered with a page that says what went wrong.
    expect(forged.status()).toBe(404);
    const text = await forged.text();
    expect(text).toContain("Your comment was not saved");
    expect(text).toContain("That comment thread could not be found.");
  }

  // Someone from another organisation, with the real thread id and module id, gets nothing.
  const other = await newPage();
  await signUpOrganisation(other);
  const response = await other.goto(module.path);
  expect(response?.status()).toBe(404);
  await expect(other.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible();
  await checkPage(other);
  const outsider = await other.request.post(`${module.path}/comments`, {
    form: { intent: "reply", threadId, body: "From another organisation." },
    headers: { Origin: baseURL ?? "" },
    maxRedirects: 0,
  });
  expect(outsider.status()).toBe(404);
  const outsiderResolve = await other.request.post(`${module.path}/comments`, {
    form: { intent: "resolve", threadId },
    headers: { Origin: baseURL ?? "" },
    maxRedirects: 0,
  });
  expect(outsiderResolve.status()).toBe(404);
  expect(await outsiderResolve.text()).not.toContain("Supervision matters");

  // Nothing changed: one thread, open, with its one comment.
  await page.reload();
  await expect(editorOf(page)).toContainText(sentence);
  await checkPage(page);
  await expect(threadOf(page, "every month").getByRole("listitem")).toHaveCount(1);
  await expect(commentsPanel(page).getByText("Sneaked in.")).toHaveCount(0);
  await expect(commentsPanel(page).getByText("From another organisation.")).toHaveCount(0);
  await expect(threadOf(page, "every month").getByRole("button", { name: /^Resolve/ })).toBeVisible();
});

/** From History: compares a snapshot with the module as it is now, and checks the comparison. */
async function compareWithNow(page: Page, snapshot: string) {
  await goToTab(page, "History");
  await page.getByRole("radio", { name: `Compare from ${snapshot}` }).check();
  await page.getByRole("radio", { name: "Compare to the module now" }).check();
  await page.getByRole("button", { name: "Compare the two chosen versions" }).click();
  await expect(page.getByRole("heading", { level: 2, name: `From “${snapshot}” to “The module now”` })).toBeVisible();
  await checkPage(page);
  return page.getByRole("list").filter({ has: page.locator(".diff-row") });
}

/** One part of a compared block (its term, such as "Correct answer"), and what it says. */
function comparedPart(row: ReturnType<Page["getByRole"]>, term: string) {
  return row.locator(".diff-field").filter({ has: row.page().getByRole("term").getByText(term, { exact: true }) });
}

test("compare shows a new correct answer, a content note's topics and a scenario's response, part by part", async ({
  page,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  await startFromStarter(page, "Boundaries and role clarity");
  await goToTab(page, "History");
  await page.getByRole("textbox", { name: "Name" }).fill("Before the workshop");
  await page.getByRole("button", { name: "Take snapshot" }).click();
  await expect(page.getByRole("link", { name: "Before the workshop" })).toBeVisible();
  await checkPage(page);

  // In the friend-request check the correct answer moves from B to C, and answer A gains words.
  await goToTab(page, "Write");
  const check = editorOf(page).getByRole("region", { name: "Knowledge check" }).filter({ hasText: "friend request" });
  const correct = check.getByRole("checkbox", { name: "Correct answer" });
  await expect(correct.nth(1)).toBeChecked();
  await correct.nth(2).check();
  await expect(correct.nth(1)).not.toBeChecked();
  await cursorToEndOf(page, check.getByRole("paragraph").filter({ hasText: "Accept it." }));
  await page.keyboard.type(" Or not.");
  // A scenario's second response changes, and the content note gains a topic.
  const scenario = editorOf(page).getByRole("region", { name: "Scenario" }).filter({ hasText: "quarter past eleven" });
  await cursorToEndOf(page, scenario.getByRole("paragraph").filter({ hasText: "You do not reply" }));
  await page.keyboard.type(" Or wait.");
  const note = editorOf(page).getByRole("region", { name: "Content note" }).first();
  await note.getByRole("checkbox", { name: "Self-harm" }).check();
  await expect(saveStatus(page)).toHaveText("Saved");

  const rows = await compareWithNow(page, "Before the workshop");
  const changedCheck = rows.getByRole("listitem").filter({ hasText: "Knowledge check (changed)" });
  await expect(changedCheck).toHaveCount(1);
  await expect(comparedPart(changedCheck, "Correct answer (changed)").getByRole("definition")).toHaveText("B → C");
  await expect(comparedPart(changedCheck, "Answer A (changed)").locator("ins")).toContainText("Or not.");
  // The check reads part by part: its question and each answer under its own name.
  await expect(comparedPart(changedCheck, "Question").getByRole("definition")).toContainText("friend request");
  await expect(comparedPart(changedCheck, "Answer C").getByRole("definition")).toContainText(
    "Block them straight away",
  );
  const changedScenario = rows.getByRole("listitem").filter({ hasText: "Scenario (changed)" });
  await expect(comparedPart(changedScenario, "Response 2 (changed)").locator("ins")).toContainText("Or wait.");
  await expect(comparedPart(changedScenario, "Discussion of response 2").getByRole("definition")).toContainText(
    "This protects your evening.",
  );
  const changedNote = rows.getByRole("listitem").filter({ hasText: "Content note (changed)" });
  await expect(comparedPart(changedNote, "Topics (changed)").getByRole("definition")).toHaveText(
    "Suicide → Suicide, Self-harm",
  );
});

test("after publishing, Review names the version and offers no review of nothing; once the draft changes, it says so and offers the review of the changes", async ({
  page,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  const title = uniqueName("Self-care, published");
  await publishStarterModule(page, { starter: "Emotional labour and self-care", title, changelog: "First version." });

  // Right after publishing: nothing new to review or publish.
  const status = page.getByRole("region", { name: "Published", exact: true });
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator(".module-tags")).toContainText("Published (version 1)");
  await expect(page.locator(".module-tags")).not.toContainText("changes since");
  await expect(status).toContainText("Version 1 is what learners get, and the draft is the same.");
  await expect(page.getByRole("button", { name: /^Start the review/ })).toHaveCount(0);
  await expect(page.getByText("Start the review first")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Publish", exact: true })).toContainText(
    "Version 1 is published and the draft is the same, so there is nothing new to publish.",
  );
  await checkPage(page);

  // Fran edits the draft.
  await goToTab(page, "Write");
  await typeAndSave(page, " Rest is part of the work.");
  await goToTab(page, "Review");
  const changed = "Published (version 1); the draft has changes since";
  await expect(page.getByRole("heading", { level: 2, name: changed })).toBeVisible();
  await expect(page.locator(".module-tags")).toContainText(changed);
  await expect(page.getByText(/^Learners still get version 1\./)).toBeVisible();
  await expect(page.getByRole("region", { name: "Publish", exact: true })).toContainText(
    "To publish version 2, start the review of the changes.",
  );
  await checkPage(page);

  // What changed is one link away.
  await page.getByRole("link", { name: "See what changed since version 1" }).click();
  await expect(
    page.getByRole("heading", { level: 2, name: "From “Published as version 1” to “The module now”" }),
  ).toBeVisible();
  await expect(page.locator("ins").filter({ hasText: "Rest is part of the work." })).toHaveCount(1);
  await checkPage(page);

  // The next real step: the review of the changes.
  await goToTab(page, "Review");
  await page.getByRole("button", { name: "Start the review of the changes" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "In review" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish version 2" })).toBeVisible();
  await checkPage(page);
});

test("contributions count what each person's work left in the module: blocks added and taken out again count for no one", async ({
  page,
  newPage,
}) => {
  const { fran, jordan, module } = await franAndJordanOnOneModule(page, newPage, "Fran writes one sentence.");

  // Jordan adds three reflection prompts and takes two out again, and writes a sentence of his own.
  const toolbar = jordan.getByRole("toolbar", { name: "Formatting" });
  for (const question of ["When?", "Why?", "Who?"]) {
    await cursorToEnd(jordan);
    await toolbar.getByRole("button", { name: "Insert block" }).click();
    await jordan
      .getByRole("menu", { name: "Training blocks" })
      .getByRole("menuitem", { name: "Reflection prompt" })
      .click();
    await expect(editorOf(jordan)).toBeFocused();
    await jordan.keyboard.type(question);
  }
  const prompts = editorOf(jordan).getByRole("region", { name: "Reflection prompt" });
  await expect(prompts).toHaveCount(3);
  for (const question of ["Why?", "Who?"]) {
    await prompts.filter({ hasText: question }).getByRole("button", { name: "Remove reflection prompt" }).click();
  }
  await expect(prompts).toHaveCount(1);
  await expect(saveStatus(jordan)).toHaveText("Saved");

  await loadContributions(fran, module);
  const table = fran.getByRole("region", { name: "Who made this module" }).getByRole("table");
  const jordansRow = table.getByRole("row").filter({ hasText: PEOPLE.coDesigner.name });
  await expect(jordansRow.getByRole("cell")).toHaveText([/Jordan Lee/, "5", "1", "0"]);
  await expect(table.getByRole("columnheader")).toHaveText([
    "Person",
    "Characters in the module now",
    "Blocks in the module now",
    "Comments",
  ]);
  await expect(table.getByRole("row").filter({ hasText: "You (" }).getByRole("cell")).toHaveText([
    /Fran Mills/,
    String("Fran writes one sentence.".length),
    "0",
    "0",
  ]);
});

test("the hint to select words first goes away once words are selected", async ({ page }) => {
  const sentence = "Breaks between sessions matter.";
  await signIn(page, PEOPLE.facilitator.email);
  await createModule(page);
  await typeAndSave(page, sentence);
  const panel = commentsPanel(page);
  await panel.getByRole("button", { name: "Comment on selected words" }).click();
  await expect(panel.getByText("Select the words you want to comment on in the module first.")).toBeVisible();

  await selectWords(page, sentence, "Breaks between sessions");
  await expect(panel.getByText("Ready: your selection will be quoted.")).toBeVisible();
  await expect(panel.getByText("Select the words you want to comment on in the module first.")).toHaveCount(0);
  await checkPage(page);
});

test("a new thread is never shown as detached while its words are still on their way", async ({ page, newPage }) => {
  const sentence = "Check in with yourself after a hard call.";
  await signIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await typeAndSave(page, sentence);
  await addCollaborator(page, PEOPLE.coDesigner.name, "Co-designer");
  await goToTab(page, "Write");

  // Jordan's changes can be held back on their way to the server, as on a slow connection.
  const jordan = await newPage();
  let holding = false;
  const held: (string | Buffer)[] = [];
  const servers: { send(message: string | Buffer): void }[] = [];
  await jordan.routeWebSocket(/\/collab$/, (socket) => {
    const server = socket.connectToServer();
    servers.push(server);
    socket.onMessage((message) => {
      if (holding) held.push(message);
      else server.send(message);
    });
  });
  await signIn(jordan, PEOPLE.coDesigner.email);
  await openModule(jordan, module);

  // Fran's panel remembers whether it ever called a thread detached.
  await commentsPanel(page).evaluate((panel) => {
    const seen = { detached: false };
    (window as unknown as { seen: typeof seen }).seen = seen;
    const look = () => {
      if (panel.textContent?.includes("Detached")) seen.detached = true;
    };
    new MutationObserver(look).observe(panel, { subtree: true, childList: true, characterData: true });
  });

  await selectWords(jordan, sentence, "hard call");
  holding = true;
  await commentOnSelection(jordan, "Could we say how?");
  const fransThread = threadOf(page, "hard call");
  await expect(fransThread.getByText("Could we say how?")).toBeVisible();
  // The thread is here; its anchor is not yet. A moment later it is still not called detached.
  await page.waitForTimeout(1000);
  await expect(fransThread.getByText("Detached: the words were removed")).toHaveCount(0);

  holding = false;
  for (const message of held.splice(0)) servers.at(-1)?.send(message);
  await expect(editorOf(page).locator(".comment-anchor")).toHaveText("hard call");
  await expect(fransThread.getByRole("button", { name: "Show in the text" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { seen: { detached: boolean } }).seen.detached)).toBe(false);
});
