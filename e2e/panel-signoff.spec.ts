import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { newPassword, signUpOrganisation, uniqueEmail, uniqueName } from "./support/people";
import {
  commentOnSelection,
  commentsPanel,
  createModule,
  goToTab,
  openModule,
  selectWords,
  threadOf,
  typeAndSave,
} from "./support/workshop";

// Each test signs up its own organisation: the setting it turns on must not hold up other tests' publishing.

const ROLE_LABELS = ["Organisation admin", "Facilitator", "Co-designer", "Trainer", "Learner"] as const;
type JoinRole = "Facilitator" | "Lived-experience panel" | "Safeguarding reviewer";

/** As the admin: an invitation link for one role, made on Organisation → Invitations. */
async function inviteLink(admin: Page, role: JoinRole): Promise<string> {
  await admin.goto("/organisation/invitations");
  await expect(admin.getByRole("heading", { level: 2, name: "Invite people" })).toBeVisible();
  await checkPage(admin);
  const roles = admin.getByRole("main").getByRole("group", { name: "Roles they will have" });
  for (const label of [...ROLE_LABELS, "Lived-experience panel", "Safeguarding reviewer"]) {
    await roles.getByRole("checkbox", { name: label, exact: true }).setChecked(label === role);
  }
  await admin.getByRole("button", { name: "Create invitation link" }).click();
  const ready = admin.getByRole("status").filter({ hasText: /Your invitation link is ready/ });
  await expect(ready).toBeVisible();
  return ((await ready.getByText(/\/join\//).textContent()) ?? "").trim();
}

/** Someone new joins through the link in their own browser, and lands in the Workshop. */
async function join(page: Page, link: string, name: string) {
  await page.goto(link);
  await checkPage(page);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email", { exact: true }).fill(uniqueEmail("panel"));
  await page.getByLabel("Password", { exact: true }).fill(newPassword());
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(/\/workshop$/);
  await checkPage(page);
}

function panelRow(page: Page, who: "Lived-experience panel" | "Safeguarding reviewer") {
  return page
    .getByRole("table", { name: "Sign-off by the panel and by safeguarding" })
    .getByRole("row")
    .filter({ hasText: who });
}

/** Answers one rubric question (its group is named by the question, after its number). */
function question(page: Page, index: number) {
  return page.getByRole("main").getByRole("group", { name: new RegExp(`^${index}\\. `) });
}

async function tryToPublish(fran: Page) {
  await fran.getByRole("button", { name: "Publish version 1" }).click();
}

test("with the setting on, publishing waits for the panel and a safeguarding reviewer; a comment keeps their sign-off current, an edit makes it stale", async ({
  page: admin,
  newPage,
}) => {
  test.setTimeout(180_000);
  await signUpOrganisation(admin);
  await admin.goto("/organisation/settings");
  await checkPage(admin);
  const setting = admin.getByRole("checkbox", {
    name: "Before publishing, require a sign-off from the lived-experience panel and from a safeguarding reviewer",
  });
  await expect(setting).not.toBeChecked();
  await setting.check();
  await admin.getByRole("button", { name: "Save the sign-off setting" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(setting).toBeChecked();
  await checkPage(admin);

  const fran = await newPage();
  await join(fran, await inviteLink(admin, "Facilitator"), uniqueName("Fran"));
  const olaName = uniqueName("Ola");
  const ola = await newPage({ viewport: { width: 390, height: 844 } });
  await join(ola, await inviteLink(admin, "Lived-experience panel"), olaName);
  const sadeName = uniqueName("Sade");
  const sade = await newPage();
  await join(sade, await inviteLink(admin, "Safeguarding reviewer"), sadeName);

  const module = await createModule(fran);
  await typeAndSave(fran, "Rest is part of the work.");
  await goToTab(fran, "Review");
  await fran.getByRole("button", { name: "Start the review" }).click();
  await expect(fran.getByRole("heading", { level: 2, name: "In review" })).toBeVisible();
  for (const box of await fran.getByRole("group", { name: "Safety checklist" }).getByRole("checkbox").all()) {
    await box.check();
  }
  await fran.getByRole("button", { name: /^Sign off revision \d+$/ }).click();
  await expect(fran.getByRole("table", { name: "Sign-off by each collaborator" })).toContainText(
    "Signed off the current revision",
  );
  await checkPage(fran);

  // Publishing is refused, saying who is still to sign off, and the page says so before anyone tries.
  const both =
    /Publishing waits for sign-off of revision \d+ from the lived-experience panel and from a safeguarding reviewer\./;
  await expect(fran.getByRole("region", { name: "Panel and safeguarding sign-off" })).toContainText(both);
  await expect(fran.getByRole("region", { name: "Publish" })).toContainText(both);
  await tryToPublish(fran);
  await expect(fran.getByRole("alert")).toContainText(both);
  await checkPage(fran);
  await expect(panelRow(fran, "Lived-experience panel")).toContainText("Still to come");

  // Ola, on the panel, finds the module in the Workshop and reads it, but cannot change it.
  await ola.reload();
  await expect(ola.getByRole("heading", { level: 1, name: "Workshop" })).toBeVisible();
  await ola.getByRole("link", { name: module.title }).click();
  await expect(ola.getByRole("heading", { level: 1, name: module.title })).toBeVisible();
  await checkPage(ola);
  await goToTab(ola, "Review");
  const rubric = ola.getByRole("region", { name: "Your sign-off for the panel" });
  await expect(rubric).toBeVisible();
  const count = await rubric.getByRole("group").count();
  expect(count).toBe(8);

  // Every question but the second answered by keyboard, one with a note; the second is left out.
  for (let i = 1; i <= count; i += 1) {
    if (i === 2) continue;
    const radio = question(ola, i).getByRole("radio", { name: i === 3 ? "Not applicable" : "Yes", exact: true });
    await radio.focus();
    await ola.keyboard.press("Space");
    await expect(radio).toBeChecked();
  }
  await question(ola, 3).getByLabel("Note (optional)").fill("Written for one service only.");
  await rubric.getByRole("button", { name: "Sign off as the lived-experience panel" }).click();
  const secondQuestion = ((await question(ola, 2).locator("legend").textContent()) ?? "").replace(/^2\. /, "");
  await expect(ola.getByRole("alert")).toContainText(`Answer “${secondQuestion}” before you sign off`);
  await expect(question(ola, 2)).toContainText("choose Yes, Not yet or Not applicable");
  await checkPage(ola);
  // What Ola had answered is all still there.
  await expect(question(ola, 1).getByRole("radio", { name: "Yes", exact: true })).toBeChecked();
  await expect(question(ola, 3).getByRole("radio", { name: "Not applicable" })).toBeChecked();
  await expect(question(ola, 3).getByLabel("Note (optional)")).toHaveValue("Written for one service only.");
  await question(ola, 2).getByRole("radio", { name: "Yes", exact: true }).check();
  await ola.getByRole("button", { name: "Sign off as the lived-experience panel" }).click();
  await expect(panelRow(ola, "Lived-experience panel")).toContainText("Signed off the current revision");
  await expect(panelRow(ola, "Lived-experience panel")).toContainText(olaName);
  await checkPage(ola);

  // A comment does not change the text: Ola's sign-off stays current.
  await openModule(fran, module);
  await selectWords(fran, "Rest is part of the work.", "part of");
  await commentOnSelection(fran, "Could we say more about rest?");
  await expect(threadOf(fran, "part of")).toBeVisible();
  await expect(commentsPanel(fran)).toContainText("Could we say more about rest?");
  await goToTab(fran, "Review");
  await expect(panelRow(fran, "Lived-experience panel")).toContainText("Signed off the current revision");
  await panelRow(fran, "Lived-experience panel").getByText("Rubric answers and notes").click();
  await expect(panelRow(fran, "Lived-experience panel")).toContainText("Written for one service only.");
  await tryToPublish(fran);
  await expect(fran.getByRole("alert")).toContainText(
    /Publishing waits for sign-off of revision \d+ from a safeguarding reviewer\./,
  );
  await checkPage(fran);

  // Sade signs off for safeguarding; then Fran can publish.
  await sade.goto(`${module.path}/review`);
  await checkPage(sade);
  const safeguarding = sade.getByRole("region", { name: "Your sign-off for safeguarding" });
  for (let i = 1; i <= count; i += 1) await question(sade, i).getByRole("radio", { name: "Yes", exact: true }).check();
  await safeguarding.getByRole("button", { name: "Sign off as safeguarding reviewer" }).click();
  await expect(panelRow(sade, "Safeguarding reviewer")).toContainText("Signed off the current revision");
  await checkPage(sade);

  await fran.reload();
  await checkPage(fran);
  await expect(fran.getByRole("region", { name: "Panel and safeguarding sign-off" })).toContainText(
    "have both signed off the current revision",
  );
  await tryToPublish(fran);
  await expect(fran.getByRole("status").filter({ hasText: "Published as version 1." })).toBeVisible();
  await checkPage(fran);

  // An edit to the text makes both sign-offs stale.
  await goToTab(fran, "Write");
  await typeAndSave(fran, " Rest often.");
  await goToTab(fran, "Review");
  await expect(panelRow(fran, "Lived-experience panel")).toContainText(
    "Signed off an earlier revision: the module has changed since",
  );
  await expect(panelRow(fran, "Safeguarding reviewer")).toContainText("Signed off an earlier revision");
});

test("an admin rewords, adds and removes rubric questions; a question there twice is refused with what was typed kept", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUpOrganisation(page);
  await page.goto("/organisation/settings");
  await checkPage(page);
  const questions = page.getByRole("textbox", { name: "Questions" });
  const lines = ((await questions.inputValue()) ?? "").split("\n");
  expect(lines).toHaveLength(8);
  await expect(page.getByText("This is the trauma-informed rubric Alongside starts with.")).toBeVisible();

  const typed = [lines[0], "Is the ending calm?", "is the ending calm?"].join("\n");
  await questions.fill(typed);
  await page.getByRole("button", { name: "Save the rubric" }).click();
  await expect(page.getByRole("alert")).toContainText("“is the ending calm?” is there twice: keep it once.");
  await expect(questions).toHaveValue(typed);
  await checkPage(page);

  await questions.fill([lines[0], "Is the ending calm?"].join("\n"));
  await page.getByRole("button", { name: "Save the rubric" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(questions).toHaveValue([lines[0], "Is the ending calm?"].join("\n"));
  await expect(page.getByText("This is the trauma-informed rubric Alongside starts with.")).toHaveCount(0);
  await checkPage(page);
});
