/**
 * Quick exit and support on every page a learner can reach: their account, a missing page and a page
 * outside their role too, always in view on a phone, and Escape pressed twice leaves at once. Support
 * resources still waiting for their details are never shown to learners; admins are told to fill them.
 */
import type { Page } from "@playwright/test";
import { QUICK_EXIT_URL } from "../app/lib/quick-exit";
import { checkPage } from "./support/accessibility";
import { twoOrganisations } from "./support/database";
import { expect, test } from "./support/fixtures";
import { DEMO, newPassword } from "./support/people";
import { signIn } from "./support/sessions";
import { sharedServer } from "./support/shared-server";

test.use({ viewport: { width: 390, height: 844 } });

/** A new learner of the demo organisation, enrolled on its open course, signed in. */
async function newLearner(page: Page) {
  const password = newPassword();
  const { learner } = twoOrganisations({ databasePath: sharedServer.databasePath, adminEmail: DEMO.admin, password });
  await signIn(page, learner.email);
  return learner;
}

function quickExit(page: Page) {
  return page.getByRole("banner").getByRole("link", { name: "Quick exit" });
}

/**
 * Leaving for the neutral site is a real navigation. There is no internet here, so the neutral site
 * answers "204 No Content", which a browser takes as "stay where you are".
 */
async function expectToLeave(page: Page, act: () => Promise<void>) {
  await page.route(`${new URL(QUICK_EXIT_URL).origin}/**`, (route) => route.fulfill({ status: 204 }));
  const leaving = page.waitForRequest((request) => request.url() === QUICK_EXIT_URL && request.isNavigationRequest());
  await act();
  await leaving;
}

test("quick exit is on the account, missing and refused pages, and stays in view as a phone scrolls", async ({
  page,
}) => {
  const learner = await newLearner(page);
  for (const [path, status] of [
    ["/account", 200],
    ["/no-such-page", 404],
    ["/organisation", 403],
    [`/learn/e/${learner.enrolmentId}`, 200],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(status);
    await checkPage(page);
    await expect(quickExit(page)).toHaveAccessibleDescription(/press Escape twice/);
    await page.mouse.wheel(0, 5000);
    await expect(page.getByRole("contentinfo")).toBeInViewport();
    await expect(quickExit(page), `${path} scrolled to the end`).toBeInViewport();
  }
});

test("Escape pressed twice leaves at once, on pages with and without client code; once does nothing", async ({
  page,
}) => {
  const learner = await newLearner(page);
  await page.goto(`/learn/e/${learner.enrolmentId}`);
  await checkPage(page);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(new RegExp(`/learn/e/${learner.enrolmentId}$`));
  await expectToLeave(page, async () => {
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
  });

  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await checkPage(page);
  await expectToLeave(page, async () => {
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
  });
});

test("support resources without contact details are kept from learners, and the admin is told to fill them in", async ({
  page,
  newPage,
}) => {
  await newLearner(page);
  await page.goto("/support");
  await checkPage(page);
  await expect(page.getByRole("heading", { level: 2, name: "Samaritans" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your supervisor" })).toHaveCount(0);
  await expect(page.getByRole("main")).not.toContainText("adds their details here");

  const admin = await newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto("/organisation/support");
  await checkPage(admin);
  await expect(admin.getByRole("status")).toContainText("Still to fill in: Your supervisor.");
  const supervisor = admin
    .getByRole("listitem")
    .filter({ has: admin.getByRole("heading", { name: "Your supervisor" }) });
  await expect(supervisor).toContainText("learners do not see it");
});

test("a section page's headings go down one level at a time", async ({ page }) => {
  const learner = await newLearner(page);
  await page.goto(`/learn/e/${learner.enrolmentId}`);
  await checkPage(page);
  const sections = await page
    .getByRole("list")
    .locator("a[href*='/s/']")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  let withCheck = 0;
  for (const href of sections) {
    await page.goto(`${href}?shown=1`);
    await checkPage(page);
    const levels = await page
      .getByRole("main")
      .locator("h1, h2, h3, h4, h5, h6")
      .evaluateAll((headings) => headings.map((h) => Number(h.tagName.slice(1))));
    expect(levels[0], href).toBe(1);
    for (let i = 1; i < levels.length; i += 1) {
      expect((levels[i] ?? 0) - (levels[i - 1] ?? 0), `${href}: ${levels.join(" ")}`).toBeLessThanOrEqual(1);
    }
    if (await page.getByRole("heading", { name: "Check your understanding" }).count()) withCheck += 1;
  }
  expect(withCheck).toBeGreaterThan(0);
});
