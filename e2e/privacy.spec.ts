import fs from "node:fs";
import type { Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import {
  createInvitationLink,
  newPassword,
  signUpOrganisation,
  submitLogIn,
  uniqueEmail,
  uniqueName,
} from "./support/people";
import {
  addCollaborator,
  commentOnSelection,
  createModule,
  goToTab,
  openModule,
  selectWords,
  threadOf,
  typeAndSave,
} from "./support/workshop";

// Several people sign up or join (password hashing is deliberately slow) on a machine running two tests at once.
test.describe.configure({ timeout: 120_000 });

async function openAccount(page: Page) {
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await checkPage(page);
}

/** Someone new joins the organisation through a link, and lands signed in. */
async function join(page: Page, link: string) {
  const person = { name: uniqueName("Kit"), email: uniqueEmail("kit"), password: newPassword() };
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: /^Join / })).toBeVisible();
  await checkPage(page);
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page.getByRole("link", { name: /Your account/ })).toContainText(person.name);
  await checkPage(page);
  return person;
}

test("download my data: one zip with every kind of data as JSON and a readable summary", async ({ page }) => {
  const admin = await signUpOrganisation(page);
  await openAccount(page);
  const section = page.getByRole("region", { name: "Your data" });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    section.getByRole("button", { name: "Download my data" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^alongside-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(fs.readFileSync(await download.path()));
  expect(Object.keys(files).sort()).toEqual(["data.json", "summary.html"]);
  const data = JSON.parse(strFromU8(files["data.json"] ?? new Uint8Array()));
  expect(data.person).toEqual({ name: admin.name, email: admin.email });
  expect(data.tables.memberships.rows).toEqual([expect.objectContaining({ organisation: admin.organisationName })]);
  expect(data.tables.reflections.rows).toEqual([]);
  expect(JSON.stringify(data.tables.sessions.rows)).not.toContain('"id"');
  expect(JSON.stringify(data)).not.toMatch(/scrypt\$/);

  // The summary is a page of its own: opened in the browser, it must be as accessible as the app.
  const summary = strFromU8(files["summary.html"] ?? new Uint8Array());
  await page.setContent(summary);
  await expect(page.getByRole("heading", { level: 1, name: "Your data in Alongside" })).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 2, name: "The organisations you belong to, and your roles there" }),
  ).toBeVisible();
  await expect(page.getByText(admin.organisationName).first()).toBeVisible();
});

test("the only admin of an organisation is told to make someone else admin before deleting", async ({ page }) => {
  const admin = await signUpOrganisation(page);
  await openAccount(page);
  await page.getByRole("link", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Delete your account" })).toBeVisible();
  await checkPage(page);
  await expect(page.getByRole("alert")).toHaveText(
    `You are the only admin of ${admin.organisationName}. Make someone else an admin there first (on the Organisation page, under Members), then the account can be deleted.`,
  );
  await expect(page.getByRole("button", { name: "Delete my account" })).toHaveCount(0);
});

test("delete my account: log-in then fails, and a comment stays by a former member", async ({ page, newPage }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUpOrganisation(page);
  const facilitatorLink = await createInvitationLink(page, { roles: ["Facilitator"], label: "Facilitator" });
  const coDesignerLink = await createInvitationLink(page, { roles: ["Co-designer"], label: "Co-designer" });

  const fran = await newPage();
  await join(fran, facilitatorLink);
  const kit = await newPage();
  const person = await join(kit, coDesignerLink);

  const sentence = "Listening is most of the work.";
  const module = await createModule(fran);
  await typeAndSave(fran, sentence);
  await addCollaborator(fran, person.name, "Co-designer");

  await openModule(kit, module);
  await selectWords(kit, sentence, "most of the work");
  await commentOnSelection(kit, "Could we give an example?");
  await expect(threadOf(kit, "most of the work").getByText("Could we give an example?")).toBeVisible();

  await kit.setViewportSize({ width: 390, height: 844 });
  await openAccount(kit);
  await kit.getByRole("link", { name: "Delete my account" }).click();
  await expect(kit.getByRole("heading", { level: 1, name: "Delete your account" })).toBeVisible();
  await checkPage(kit);
  await expect(kit.getByRole("region", { name: "What happens" })).toContainText("cannot log in again");

  // A wrong password is refused, the box stays ticked as it was, and nothing is deleted.
  await kit.getByRole("checkbox", { name: "Also remove my comments" }).check();
  await kit.getByLabel("Your password").fill("not my password at all");
  await kit.getByRole("button", { name: "Delete my account" }).click();
  await expect(kit.getByRole("alert")).toContainText("That is not your password");
  await checkPage(kit);
  await expect(kit.getByRole("checkbox", { name: "Also remove my comments" })).toBeChecked();

  await kit.getByRole("checkbox", { name: "Also remove my comments" }).uncheck();
  await kit.getByLabel("Your password").fill(person.password);
  await kit.getByRole("button", { name: "Delete my account" }).click();
  await expect(kit).toHaveURL(/\/login\?accountDeleted=1$/);
  await expect(kit.getByRole("status")).toHaveText("Your account is deleted. Thank you for being here.");
  await checkPage(kit);

  await submitLogIn(kit, person.email, person.password);
  await expect(kit.getByRole("alert")).toContainText("do not match an account");
  await expect(kit.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  await checkPage(kit);

  await openModule(fran, module);
  await goToTab(fran, "Write");
  const thread = threadOf(fran, "most of the work");
  await expect(thread.getByText("Could we give an example?")).toBeVisible();
  await expect(thread.getByText("A former member", { exact: true })).toBeVisible();
  await expect(thread).not.toContainText(person.name);
});

test("an admin sets how long records are kept: bad input keeps what was typed, a good one is saved", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUpOrganisation(page);
  await page.goto("/organisation/privacy");
  await expect(page.getByRole("heading", { level: 2, name: "How long learners' records are kept" })).toBeVisible();
  await checkPage(page);
  const months = page.getByLabel("Months without activity");
  await expect(months).toHaveValue("");

  await months.fill("3");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose between 6 and 60 months");
  await checkPage(page);
  await expect(months).toHaveValue("3");

  await months.fill("two years");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert")).toContainText("Give a whole number of months");
  await expect(months).toHaveValue("two years");

  await months.fill("24");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/organisation\/privacy\?saved=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toHaveText("Saved.");
  await checkPage(page);
  await expect(months).toHaveValue("24");

  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Activity log" }).click();
  await expect(
    page.getByRole("cell", { name: "Changed how long learners' progress and journals are kept" }),
  ).toBeVisible();
  await checkPage(page);
});

test("an admin carries out a member's requests: their data without the journal, then deletion, both logged with the reason", async ({
  page,
  newPage,
}) => {
  await signUpOrganisation(page);
  const link = await createInvitationLink(page, { roles: ["Learner"], label: "Learner" });
  const learner = await newPage();
  const person = await join(learner, link);

  await page.goto("/organisation");
  await checkPage(page);
  await page.getByRole("link", { name: person.name }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Requests about their data" })).toBeVisible();
  await checkPage(page);
  const requests = page.getByRole("region", { name: "Requests about their data" });

  await requests.getByLabel("Why, for the record").first().fill("Asked by letter");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    requests.getByRole("button", { name: "Download their data" }).click(),
  ]);
  const files = unzipSync(fs.readFileSync(await download.path()));
  const data = JSON.parse(strFromU8(files["data.json"] ?? new Uint8Array()));
  expect(data.person.email).toBe(person.email);
  expect(data.leftOut).toEqual([
    "supervision_pages",
    "self_care_plans",
    "supervision_shares",
    "supervision_share_history",
    "reflections",
    "support_choices",
  ]);
  expect(data.tables.reflections).toBeUndefined();
  expect(data.tables.self_care_plans).toBeUndefined();
  expect(data.tables.supervision_pages).toBeUndefined();

  await requests.getByLabel("Why, for the record").last().fill("Asked by phone");
  await requests.getByLabel("Type delete to confirm").fill("delet");
  await requests.getByRole("button", { name: `Delete ${person.name}'s account` }).click();
  await expect(page.getByRole("alert")).toContainText("Type delete to confirm.");
  await checkPage(page);
  await expect(requests.getByLabel("Why, for the record").last()).toHaveValue("Asked by phone");

  await requests.getByLabel("Type delete to confirm").fill("delete");
  await requests.getByRole("button", { name: `Delete ${person.name}'s account` }).click();
  await expect(page).toHaveURL(/\/organisation\?erased=1$/);
  await checkPage(page);
  await expect(page.getByRole("link", { name: person.name })).toHaveCount(0);

  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Activity log" }).click();
  await expect(page).toHaveURL(/\/organisation\/activity$/);
  await checkPage(page);
  await expect(
    page.getByRole("cell", { name: "Deleted the account of A former member at their request. Reason: Asked by phone" }),
  ).toBeVisible();
  await expect(
    page.getByRole("cell", {
      name: "Downloaded the personal data of A former member to pass on to them. Reason: Asked by letter",
    }),
  ).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(person.name);

  await learner.reload();
  await expect(learner.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  await checkPage(learner);
});

test("from the activity log, an admin follows a member's data request to their page and carries out the deletion there", async ({
  page,
  newPage,
}) => {
  await signUpOrganisation(page);
  const link = await createInvitationLink(page, { roles: ["Learner"], label: "Learner" });
  const person = await join(await newPage(), link);
  await page.goto("/organisation");
  await checkPage(page);
  await page.getByRole("link", { name: person.name }).click();
  // Wait for the member's page: checked any sooner, the check would be of the list still showing.
  await expect(page).toHaveURL(/\/organisation\/members\/[A-Za-z0-9_-]{22}$/);
  await checkPage(page);
  const requests = page.getByRole("region", { name: "Requests about their data" });
  await requests.getByLabel("Why, for the record").first().fill("Asked by letter");
  await Promise.all([
    page.waitForEvent("download"),
    requests.getByRole("button", { name: "Download their data" }).click(),
  ]);

  await page.goto("/organisation/activity");
  await checkPage(page);
  await page.getByRole("link", { name: `Export or erase the data of ${person.name}` }).click();
  await expect(page).toHaveURL(/\/organisation\/members\/[A-Za-z0-9_-]{22}#data-requests$/);
  await checkPage(page);
  await requests.getByLabel("Why, for the record").last().fill("Asked by letter, both");
  await requests.getByLabel("Type delete to confirm").fill("delete");
  await requests.getByRole("button", { name: `Delete ${person.name}'s account` }).click();
  await expect(page).toHaveURL(/\/organisation\?erased=1$/);
  await checkPage(page);

  // Once erased there is no one left to act for: the entry no longer links anywhere.
  await page.goto("/organisation/activity");
  await checkPage(page);
  await expect(page.getByRole("link", { name: /^Export or erase the data of/ })).toHaveCount(0);
});
