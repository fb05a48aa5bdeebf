import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { DEMO } from "./support/people";
import { signIn } from "./support/sessions";

async function expectSupportResources(page: Page) {
  await expect(page).toHaveURL(/\/support$/);
  await expect(page.getByRole("heading", { level: 1, name: "Support now" })).toBeVisible();
  const samaritans = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Samaritans" }) });
  await expect(samaritans.getByRole("link", { name: "116 123" })).toHaveAttribute("href", "tel:116123");
  await expect(page.getByRole("heading", { level: 2, name: "Shout" })).toBeVisible();
  await expect(page.getByRole("link", { name: "999" })).toHaveAttribute("href", "tel:999");
  await checkPage(page);
}

test("Support now leads a visitor to support they can reach, Samaritans first", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await checkPage(page);
  await page.getByRole("banner").getByRole("link", { name: "Support now" }).click();
  await expectSupportResources(page);
  await expect(page.getByRole("link", { name: "Quick exit" })).toBeVisible();
});

test("Support now is reachable from the keyboard, right after the skip link", async ({ page }) => {
  await signIn(page, DEMO.learner);
  // Starting from a freshly loaded page, as someone arriving from a bookmark would.
  await page.goto("/learn");
  await checkPage(page);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  // Brand, then the learner's one area, then Support now.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("banner").getByRole("link", { name: "Support now" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expectSupportResources(page);
  await expect(page.getByRole("main")).toContainText(
    `These are the support contacts ${DEMO.organisation} has chosen for you.`,
  );
});

const AREAS = [
  { account: DEMO.admin, home: "/organisation", areas: ["Organisation"] },
  { account: DEMO.facilitator, home: "/workshop", areas: ["Workshop", "Courses"] },
  { account: DEMO.coDesigner, home: "/workshop", areas: ["Workshop"] },
  { account: DEMO.trainer, home: "/courses", areas: ["Courses", "Cohorts"] },
  { account: DEMO.learner, home: "/learn", areas: ["My learning"] },
];

for (const { account, home, areas } of AREAS) {
  test(`${account} lands on ${home} and sees only their role's areas, each one checked`, async ({ page }) => {
    await signIn(page, account);
    await expect(page).toHaveURL(new RegExp(`${home}$`));
    const nav = page.getByRole("banner").getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText(areas);
    for (const area of areas) {
      await nav.getByRole("link", { name: area }).click();
      await expect(nav.getByRole("link", { name: area })).toHaveAttribute("aria-current", "page");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await checkPage(page);
    }
    await page
      .getByRole("banner")
      .getByRole("link", { name: /Your account/ })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Your organisations" })).toContainText(DEMO.organisation);
    await checkPage(page);
  });
}
