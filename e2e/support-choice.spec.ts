import fs from "node:fs";
import type { Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { checkPage } from "./support/accessibility";
import { addMember, tableRows } from "./support/database";
import { expect, test } from "./support/fixtures";
import { checkLearnerPage, joinAsLearner, startOpenCourse } from "./support/learning";
import { DEMO, signUpOrganisation, uniqueName } from "./support/people";
import { signIn } from "./support/sessions";
import { sharedServer } from "./support/shared-server";

/** What a person's choice would look like if it leaked into a page: the place or the group, in any case. */
const CHOICE_WORDS = /scotland|veteran/i;

/** Support resources' names in the order a list shows them. */
async function supportNames(page: Page, scope = page.getByRole("main")) {
  return scope.locator(".support-list > li").getByRole("heading").allTextContents();
}

async function expectNoChoiceOn(page: Page, path: string) {
  await page.goto(path);
  await checkPage(page);
  expect(await page.content(), `${path} shows something of a learner's support choice`).not.toMatch(CHOICE_WORDS);
}

async function expectFitsPhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} scrolls sideways at 390px`).toBeLessThanOrEqual(390);
}

test("a Scottish veteran chooses Scotland and veterans and sees their services first on Support now and in a signpost, without JavaScript, at 390px; trainers and admins see nothing of it", async ({
  page,
  newPage,
}) => {
  // Three people, a course and a download: more than the default minute on the shared machine.
  test.setTimeout(240_000);
  // The demo organisation lists a veterans' service of its own for this test, and removes it after.
  const forces = uniqueName("Forces Peer Line");
  await signIn(page, DEMO.admin);
  await page.goto("/organisation/support");
  await checkPage(page);
  const add = page.getByRole("region", { name: "Add a support resource" });
  await add.getByLabel("Name", { exact: true }).fill(forces);
  await add.getByLabel("What it is for").fill("People who served, supporting people who served.");
  await add.getByLabel("Phone (optional)").fill("0191 496 0123");
  const who = add.getByRole("group", { name: "Who it is for" });
  await who.getByLabel("Everyone").uncheck();
  await who.getByLabel("Veterans").check();
  await add.getByRole("button", { name: "Add resource" }).click();
  await expect(page.getByRole("heading", { level: 2, name: forces })).toBeVisible();
  await checkPage(page);
  const listed = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: forces }) });
  await expect(listed).toContainText("Serves: UK-wide. For: Veterans.");

  try {
    const learner = await newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const person = await joinAsLearner(page, learner);

    await learner.goto("/support");
    await checkPage(learner);
    const before = await supportNames(learner);
    expect(before[0]).toBe("Samaritans");
    await learner.getByRole("link", { name: "Show the support that fits you first" }).click();
    await expect(learner.getByRole("heading", { level: 1, name: "Support that fits you" })).toBeVisible();
    await checkPage(learner);
    await expectFitsPhone(learner);
    await learner.getByRole("group", { name: "Where are you?" }).getByLabel("Scotland").check();
    await learner.getByRole("group", { name: "Which of these matter to you?" }).getByLabel("Veterans").check();
    await learner.getByRole("button", { name: "Save" }).click();

    await expect(learner).toHaveURL(/\/support\?saved=choice$/);
    await expect(learner.getByRole("status")).toContainText("What fits your choice is shown first.");
    await checkPage(learner);
    await expectFitsPhone(learner);
    await expect(learner.getByRole("main")).toContainText("Shown first for you: Scotland, Veterans.");
    const ranked = await supportNames(learner);
    // Scotland's services for everyone and the UK-wide ones for veterans, in the organisation's order.
    const theirs = ["Breathing Space", "Combat Stress helpline", "NHS 24, 111", forces];
    expect(ranked.slice(0, 4)).toEqual(theirs);
    expect(ranked.indexOf("Samaritans")).toBe(4);
    expect([...ranked].sort()).toEqual([...before].sort());
    const first = learner.locator(".support-list > li").first();
    await expect(first).toContainText("Fits your choice");

    // The same order in a support signpost in training.
    await learner.goto("/learn");
    await checkLearnerPage(learner);
    await startOpenCourse(learner, "Peer support essentials");
    await learner.getByRole("link", { name: "Bringing it together" }).first().click();
    const signpost = learner.getByRole("complementary", { name: "Support you can reach" });
    await expect(signpost).toBeVisible();
    await checkLearnerPage(learner);
    await expectFitsPhone(learner);
    expect((await signpost.locator(".support-list > li").getByRole("heading").allTextContents()).slice(0, 4)).toEqual(
      theirs,
    );

    // It is reached from the account too, and changed there the same way.
    await learner.goto("/account");
    await checkPage(learner);
    await learner.getByRole("link", { name: "Choose where you are and who you are" }).click();
    await expect(learner.getByRole("group", { name: "Where are you?" }).getByLabel("Scotland")).toBeChecked();
    await checkPage(learner);

    // Nothing of it on a trainer's pages or an admin's, nor in the admin's copy of the learner's data.
    const trainer = await newPage();
    await signIn(trainer, DEMO.trainer);
    for (const path of ["/cohorts", "/courses"]) await expectNoChoiceOn(trainer, path);
    await trainer.getByRole("main").getByRole("link", { name: "Peer support essentials" }).first().click();
    await expect(trainer).toHaveURL(/\/courses\/[A-Za-z0-9_-]{22}/);
    await expect(trainer.getByRole("heading", { level: 1, name: "Peer support essentials" })).toBeVisible();
    await checkPage(trainer);
    expect(await trainer.content()).not.toMatch(CHOICE_WORDS);

    await expectNoChoiceOn(page, "/organisation");
    await page.getByRole("link", { name: person.name }).click();
    await expect(page.getByRole("heading", { level: 3, name: "Requests about their data" })).toBeVisible();
    await checkPage(page);
    expect(await page.content()).not.toMatch(CHOICE_WORDS);
    const requests = page.getByRole("region", { name: "Requests about their data" });
    await requests.getByLabel("Why, for the record").first().fill("Asked in person");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      requests.getByRole("button", { name: "Download their data" }).click(),
    ]);
    const files = unzipSync(fs.readFileSync(await download.path()));
    const copy = Object.values(files)
      .map((bytes) => strFromU8(bytes))
      .join("\n");
    expect(copy).not.toMatch(CHOICE_WORDS);
    expect(JSON.parse(strFromU8(files["data.json"] ?? new Uint8Array())).leftOut).toContain("support_choices");
    await expectNoChoiceOn(page, "/organisation/activity");
  } finally {
    await page.goto("/organisation/support");
    await checkPage(page);
    await page.getByRole("button", { name: `Remove ${forces}` }).click();
    await expect(page.getByRole("heading", { level: 2, name: forces })).toHaveCount(0);
    await checkPage(page);
  }
});

test("a visitor who is not signed in chooses Scotland and sees Scotland's services first, kept only in their browser, without JavaScript, at 390px; then forgets it", async ({
  newPage,
}) => {
  const visitor = await newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const keptChoice = async () =>
    (await visitor.context().cookies()).find((c) => c.name === "alongside_support_choice" && c.value !== "");

  await visitor.goto("/support");
  await checkPage(visitor);
  const before = await supportNames(visitor);
  expect(before[0]).toBe("Samaritans");
  await expect(visitor.getByRole("main")).toContainText("it stays in this browser");
  await visitor.getByRole("link", { name: "Show the support that fits you first" }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: "Support that fits you" })).toBeVisible();
  await checkPage(visitor);
  await expectFitsPhone(visitor);
  await expect(visitor.getByRole("main")).toContainText("it stays in this browser");
  expect(await keptChoice(), "opening the page keeps nothing").toBeUndefined();

  await visitor.getByRole("group", { name: "Where are you?" }).getByLabel("Scotland").check();
  await visitor.getByRole("button", { name: "Save" }).click();
  await expect(visitor).toHaveURL(/\/support\?saved=choice$/);
  await expect(visitor.getByRole("status")).toContainText("What fits your choice is shown first.");
  await checkPage(visitor);
  await expectFitsPhone(visitor);
  await expect(visitor.getByRole("main")).toContainText("Shown first for you: Scotland.");
  const ranked = await supportNames(visitor);
  expect(ranked.slice(0, 3)).toEqual(["Breathing Space", "Rape Crisis Scotland Helpline", "NHS 24, 111"]);
  expect([...ranked].sort()).toEqual([...before].sort());
  await expect(visitor.locator(".support-list > li").nth(2)).toContainText("Fits your choice");
  await expect(visitor.locator(".support-list > li").nth(3)).not.toContainText("Fits your choice");
  const cookie = await keptChoice();
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

  // Someone signing in with this browser's choice does not take it into their account.
  const member = addMember({
    databasePath: sharedServer.databasePath,
    adminEmail: DEMO.admin,
    name: uniqueName("Robin"),
    roles: ["learner"],
  });
  const signedIn = await newPage({ javaScriptEnabled: false });
  await signedIn.context().addCookies(cookie ? [cookie] : []);
  await signIn(signedIn, member.email);
  await signedIn.goto("/support");
  await checkPage(signedIn);
  await expect(signedIn.getByRole("link", { name: "Show the support that fits you first" })).toBeVisible();
  expect((await supportNames(signedIn))[0]).toBe("Samaritans");
  const userId = (tableRows(sharedServer.databasePath, "users") as { id: string; email: string }[]).find(
    (u) => u.email === member.email,
  )?.id;
  expect(userId).toBeDefined();
  const kept = tableRows(sharedServer.databasePath, "support_choices") as { user_id: string }[];
  expect(kept.filter((row) => row.user_id === userId)).toEqual([]);

  // It comes back on the form, and reading the form again changes nothing.
  await visitor.goto("/support/choose");
  await checkPage(visitor);
  await expect(visitor.getByRole("group", { name: "Where are you?" }).getByLabel("Scotland")).toBeChecked();
  expect((await keptChoice())?.value).toBe(cookie?.value);

  await visitor.getByRole("button", { name: "Forget my choice" }).click();
  await expect(visitor).toHaveURL(/\/support\?saved=forgotten$/);
  await expect(visitor.getByRole("status")).toContainText("Your choice is forgotten.");
  await checkPage(visitor);
  expect(await supportNames(visitor)).toEqual(before);
  expect(await keptChoice()).toBeUndefined();
});

test("a garbled or forged choice in a visitor's browser is ignored, never an error", async ({ newPage }) => {
  const visitor = await newPage({ javaScriptEnabled: false });
  for (const value of ["%%%", Buffer.from('{"nation":"atlantis","populations":"x"}').toString("base64")]) {
    await visitor.context().addCookies([{ name: "alongside_support_choice", value, url: sharedServer.baseURL }]);
    await visitor.goto("/support");
    await checkPage(visitor);
    expect((await supportNames(visitor))[0]).toBe("Samaritans");
    await visitor.goto("/support/choose");
    await checkPage(visitor);
    await expect(visitor.getByRole("button", { name: "Forget my choice" })).toHaveCount(0);
  }
});

test("a new organisation's admin is told on every admin page to complete Your supervisor, until they do", async ({
  page,
}) => {
  await signUpOrganisation(page);
  for (const path of ["/organisation", "/organisation/invitations", "/organisation/settings"]) {
    await page.goto(path);
    await checkPage(page);
    await expect(page.getByRole("status")).toContainText("Still to fill in: Your supervisor.");
  }
  await page.getByRole("link", { name: "Complete the support resources" }).click();
  await expect(page).toHaveURL(/\/organisation\/support$/);
  await checkPage(page);
  await page.getByRole("link", { name: "Edit Your supervisor" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Edit Your supervisor" })).toBeVisible();
  await checkPage(page);

  // Where it serves cannot be left empty; what was typed stays.
  await page.getByLabel("Phone (optional)").fill("0191 496 0456");
  await page.getByRole("group", { name: "Where it serves" }).getByLabel("UK-wide").uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose where it serves: UK-wide, or the nations.");
  await checkPage(page);
  await expect(page.getByLabel("Phone (optional)")).toHaveValue("0191 496 0456");

  await page.getByRole("group", { name: "Where it serves" }).getByLabel("England").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/organisation\/support$/);
  await checkPage(page);
  const supervisor = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Your supervisor" }) });
  await expect(supervisor).toContainText("Serves: England. For: Everyone.");
  await expect(page.getByText("Still to fill in")).toHaveCount(0);
  await page.goto("/organisation");
  await checkPage(page);
  await expect(page.getByText("Still to fill in")).toHaveCount(0);
});
