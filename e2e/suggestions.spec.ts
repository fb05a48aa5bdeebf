/**
 * Suggestion mode, with two live browsers: a co-designer on a module that takes suggestions only
 * suggests; the facilitator sees it at once, accepts one suggestion and rejects the other, and both
 * editors end with the same text. Publishing waits while any suggestion is open.
 */
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/sessions";
import {
  addCollaborator,
  createModule,
  documentText,
  editorOf,
  goToTab,
  openModule,
  PEOPLE,
  saveStatus,
  selectWords,
  typeAndSave,
  typeAtEnd,
} from "./support/workshop";

test.describe.configure({ timeout: 120_000 });

const SENTENCE = "Rest is part of the work.";

test("a co-designer suggests, the facilitator accepts one and rejects another, and both editors agree", async ({
  page,
  newPage,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await typeAndSave(page, SENTENCE);
  await addCollaborator(page, PEOPLE.coDesigner.name, "Co-designer");
  const changes = page.getByRole("region", { name: "How co-designers change the text" });
  await changes.getByRole("radio", { name: /suggestions only/ }).check();
  await changes.getByRole("button", { name: "Save how co-designers change the text" }).click();
  await expect(changes.getByRole("radio", { name: /suggestions only/ })).toBeChecked();
  await checkPage(page);
  await goToTab(page, "Write");

  const jordan = await newPage();
  await signIn(jordan, PEOPLE.coDesigner.email);
  await openModule(jordan, module);
  await expect(jordan.getByRole("button", { name: "Suggesting" })).toHaveAttribute("aria-pressed", "true");
  await expect(jordan.getByText("This module takes suggestions only")).toBeVisible();

  // Jordan suggests adding words, then removing two.
  await typeAtEnd(jordan, " Always.");
  await expect(saveStatus(jordan)).toHaveText("Saved");
  await selectWords(jordan, `${SENTENCE} Always.`, "part of ");
  await jordan.keyboard.press("Backspace");
  await expect(saveStatus(jordan)).toHaveText("Saved");
  await checkPage(jordan);

  // Fran sees both live, in Jordan's name, beside the comments.
  await expect(editorOf(page).locator("ins")).toHaveText(" Always.");
  await expect(editorOf(page).locator("del")).toHaveText("part of ");
  await expect(editorOf(page).locator("ins")).toHaveAttribute("title", "Jordan Lee suggests adding this");
  const panel = page.getByRole("region", { name: "Suggestions (2)" });
  await expect(panel.getByRole("listitem")).toHaveCount(2);
  await checkPage(page);

  // Publishing waits while they are open: the Review page says so and lists them.
  await goToTab(page, "Review");
  await page.getByRole("button", { name: /Start (the )?review/ }).click();
  await expect(page.getByRole("region", { name: "Open suggestions" })).toContainText("Jordan Lee suggests to add");
  await expect(page.getByRole("region", { name: "Publish" })).toContainText(
    "Publishing waits for the 2 open suggestions to be accepted or rejected in the editor.",
  );
  await checkPage(page);
  await page.getByRole("button", { name: /^Publish version/ }).click();
  await expect(page.getByRole("alert").first()).toContainText(
    "Publishing is of the module with no open suggestions. 2 suggestions are still open.",
  );
  await checkPage(page);

  // Back in the editor, Fran accepts the added words and rejects the removal, by keyboard.
  await goToTab(page, "Write");
  const again = page.getByRole("region", { name: "Suggestions (2)" });
  await again.getByRole("button", { name: "Accept adding “Always.”" }).focus();
  await page.keyboard.press("Enter");
  await page
    .getByRole("region", { name: "Suggestions (1)" })
    .getByRole("button", { name: /^Reject removing/ })
    .focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: /^Suggestions/ })).toHaveCount(0);
  await expect(saveStatus(page)).toHaveText("Saved");

  const agreed = `${SENTENCE} Always.`;
  await expect.poll(() => documentText(page)).toBe(agreed);
  await expect.poll(() => documentText(jordan)).toBe(agreed);
  await expect(editorOf(jordan).locator("ins, del")).toHaveCount(0);
  await checkPage(page);
  await checkPage(jordan);
});

test("the facilitator replies to a co-designer's suggestion, the co-designer reads it, and once accepted the thread stays, settled", async ({
  page,
  newPage,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await typeAndSave(page, SENTENCE);
  await addCollaborator(page, PEOPLE.coDesigner.name, "Co-designer");
  const changes = page.getByRole("region", { name: "How co-designers change the text" });
  await changes.getByRole("radio", { name: /suggestions only/ }).check();
  await changes.getByRole("button", { name: "Save how co-designers change the text" }).click();
  await expect(changes.getByRole("radio", { name: /suggestions only/ })).toBeChecked();
  await checkPage(page);
  await goToTab(page, "Write");

  const jordan = await newPage();
  await signIn(jordan, PEOPLE.coDesigner.email);
  await openModule(jordan, module);
  await typeAtEnd(jordan, " Always.");
  await expect(saveStatus(jordan)).toHaveText("Saved");

  // Fran replies by keyboard; an empty reply is refused with a plain message first.
  const panel = page.getByRole("region", { name: "Suggestions (1)" });
  await panel.getByRole("button", { name: "Reply to the suggestion adding “Always.”" }).focus();
  await page.keyboard.press("Enter");
  const box = panel.getByLabel("Your reply to the suggestion adding “Always.”");
  await expect(box).toBeFocused();
  await panel.getByRole("button", { name: "Send reply" }).click();
  await expect(panel.getByText("Write a comment first.")).toBeVisible();
  await checkPage(page);
  await box.fill("Why always? Some weeks rest is hard to find.");
  await box.press("Tab");
  await page.keyboard.press("Enter");
  const replies = panel.getByRole("list", { name: "Replies" });
  await expect(replies.getByRole("listitem")).toHaveCount(1);
  await expect(replies).toContainText("You");
  await expect(replies).toContainText("Why always? Some weeks rest is hard to find.");
  await checkPage(page);

  // Jordan sees Fran's reply under the suggestion, in her name.
  const theirs = jordan.getByRole("region", { name: "Suggestions (1)" }).getByRole("list", { name: "Replies" });
  await expect(theirs).toContainText("Fran Mills");
  await expect(theirs).toContainText("Why always? Some weeks rest is hard to find.");
  await checkPage(jordan);

  // Fran accepts: the suggestion is gone, its thread stays, shown accepted, for both.
  await panel.getByRole("button", { name: "Accept adding “Always.”" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: /^Suggestions/ })).toHaveCount(0);
  for (const person of [page, jordan]) {
    const decided = person.getByRole("region", { name: "Decided suggestions (1)" });
    await expect(decided.getByRole("listitem", { name: "The suggestion adding “Always.”" })).toContainText("Accepted");
    await expect(decided).toContainText("Why always? Some weeks rest is hard to find.");
  }
  await expect.poll(() => documentText(jordan)).toBe(`${SENTENCE} Always.`);
  await checkPage(page);
  await checkPage(jordan);

  // A facilitator moderates these replies as any comment: hidden, with who and why, for everyone.
  const decided = page.getByRole("region", { name: "Decided suggestions (1)" });
  await expect(jordan.getByText("Hide this reply")).toHaveCount(0);
  await decided.getByText("Hide this reply").click();
  await decided.getByLabel("Why are you hiding it?").fill("Talked it through in the session.");
  await decided.getByRole("button", { name: "Hide reply" }).click();
  for (const person of [page, jordan]) {
    await expect(person.getByRole("region", { name: "Decided suggestions (1)" })).toContainText(
      "Hidden by Fran Mills: Talked it through in the session.",
    );
  }
  await expect(decided).not.toContainText("Some weeks rest is hard to find.");
  await checkPage(page);
});

test("words suggested right after another person's suggestion are a suggestion of their own, in their own name", async ({
  page,
  newPage,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await typeAndSave(page, SENTENCE);
  await addCollaborator(page, PEOPLE.coDesigner.name, "Co-designer");
  await goToTab(page, "Write");

  const jordan = await newPage();
  await signIn(jordan, PEOPLE.coDesigner.email);
  await openModule(jordan, module);
  await jordan.getByRole("button", { name: "Suggesting" }).click();
  await typeAtEnd(jordan, " Always.");
  await expect(saveStatus(jordan)).toHaveText("Saved");

  // Fran suggests too, typing straight after Jordan's words.
  await expect(editorOf(page).locator("ins")).toHaveText(" Always.");
  await page.getByRole("button", { name: "Suggesting" }).click();
  await expect(page.getByRole("button", { name: "Suggesting" })).toHaveAttribute("aria-pressed", "true");
  await typeAtEnd(page, " Mostly.");
  await expect(saveStatus(page)).toHaveText("Saved");
  const panel = page.getByRole("region", { name: "Suggestions (2)" });
  await expect(panel.getByRole("listitem")).toHaveText([
    /^Jordan Lee suggests adding “Always\.”/,
    /^You suggest adding “Mostly\.”/,
  ]);
  const jordans = jordan.getByRole("region", { name: "Suggestions (2)" });
  await expect(jordans.getByRole("listitem")).toHaveText([
    /^You suggest adding “Always\.”/,
    /^Fran Mills suggests adding “Mostly\.”/,
  ]);
  await checkPage(page);
  await checkPage(jordan);

  // Rejecting Jordan's leaves Fran's as it was.
  await panel.getByRole("button", { name: "Reject adding “Always.”" }).click();
  await expect(page.getByRole("region", { name: "Suggestions (1)" }).getByRole("listitem")).toHaveText(
    /^You suggest adding “Mostly\.”/,
  );
  await expect.poll(() => documentText(jordan)).toBe(`${SENTENCE} Mostly.`);
  await page.getByRole("button", { name: "Accept adding “Mostly.”" }).click();
  await expect(page.getByRole("region", { name: /^Suggestions/ })).toHaveCount(0);
  await expect(saveStatus(page)).toHaveText("Saved");
  await expect.poll(() => documentText(jordan)).toBe(`${SENTENCE} Mostly.`);
  await expect(editorOf(jordan).locator("ins, del")).toHaveCount(0);
  await checkPage(page);
  await checkPage(jordan);
});
