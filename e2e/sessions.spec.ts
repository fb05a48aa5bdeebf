import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { DEMO, DEMO_PASSWORD, logIn, newPassword, signUpOrganisation, submitLogIn } from "./support/people";
import { sessionIdsOf } from "./support/session-ids";

const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SAFARI_ON_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

async function openAccount(page: Page) {
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await checkPage(page);
  return page.getByRole("region", { name: "Where you are signed in" });
}

/** The page, once reloaded, is the log-in page: its session is gone on the server. */
async function expectSignedOut(page: Page) {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  await checkPage(page);
}

test("the account page lists each device signed in; signing out the other one sends it to log in", async ({
  page,
  newPage,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const admin = await signUpOrganisation(page);
  const phone = await newPage({ userAgent: SAFARI_ON_IPHONE });
  await logIn(phone, admin.email, admin.password);
  const laptop = await newPage({ userAgent: FIREFOX_ON_WINDOWS });
  await logIn(laptop, admin.email, admin.password);

  const sessions = await openAccount(laptop);
  await expect(sessions.getByRole("listitem")).toHaveCount(3);
  const here = sessions.getByRole("listitem", { name: "Firefox on Windows, this device" });
  await expect(here).toContainText("This device");
  await expect(here.getByRole("button")).toHaveCount(0);
  const iphone = sessions.getByRole("listitem", { name: "Safari on iOS", exact: true });
  await expect(iphone).toContainText(/Signed in .+, last used .+/);
  await expect(sessions.getByRole("listitem", { name: /^Chrome on Linux$/ })).toBeVisible();

  await iphone.getByRole("button", { name: "Sign out Safari on iOS" }).click();
  await expect(laptop.getByRole("status")).toHaveText("That device is signed out.");
  await checkPage(laptop);
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  await expectSignedOut(phone);
  // The other two are still signed in.
  await openAccount(page);
});

test("another person's session cannot be signed out: it is not found, and stays", async ({ page, newPage }) => {
  const admin = await signUpOrganisation(page);
  await logIn(await newPage(), admin.email, admin.password);
  const stranger = await newPage();
  const other = await signUpOrganisation(stranger);
  const [theirs] = sessionIdsOf(other.email);
  if (!theirs) throw new Error("the stranger has a session");

  // A form sent with someone else's session id in its hidden field.
  const sessions = await openAccount(page);
  await sessions.locator('input[name="sessionId"]').evaluate((input: HTMLInputElement, id) => {
    input.value = id;
  }, theirs);
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/account"));
  await sessions.getByRole("button", { name: /^Sign out Chrome on Linux$/ }).click();
  expect((await answered).status()).toBe(404);
  await expect(sessions).toContainText("That session could not be found.");
  await checkPage(page);
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  expect(sessionIdsOf(other.email)).toEqual([theirs]);
  await openAccount(stranger);
});

test("sign out everywhere else ends every other browser's session, and a new password does too", async ({
  page,
  newPage,
}) => {
  const admin = await signUpOrganisation(page);
  const second = await newPage();
  const third = await newPage();
  await logIn(second, admin.email, admin.password);
  await logIn(third, admin.email, admin.password);

  const sessions = await openAccount(page);
  await expect(sessions.getByRole("listitem")).toHaveCount(3);
  await sessions.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByRole("status")).toHaveText("You are signed out everywhere else.");
  await checkPage(page);
  await expect(sessions.getByRole("listitem")).toHaveCount(1);
  await expect(sessions).toContainText("You are not signed in anywhere else.");
  await expectSignedOut(second);
  await expectSignedOut(third);

  // A new password signs out the other browser too, and this one stays signed in.
  await logIn(second, admin.email, admin.password);
  await openAccount(page);
  const password = newPassword();
  await page.getByLabel("Current password", { exact: true }).fill(admin.password);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("New password again").fill(password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toHaveText("Your password is changed. You were logged out everywhere else.");
  await checkPage(page);
  await expectSignedOut(second);
  await openAccount(page);
});

test("Keep me signed in gives a cookie that outlives the browser; without it the cookie ends with the browser", async ({
  page,
  newPage,
}) => {
  await page.goto("/login");
  await checkPage(page);
  await submitLogIn(page, DEMO.learner, DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  await checkPage(page);
  const plain = (await page.context().cookies()).find((c) => c.name === "alongside_session");
  expect(plain?.expires).toBe(-1);

  const kept = await newPage();
  await kept.goto("/login");
  await checkPage(kept);
  await kept.getByLabel("Keep me signed in").check();
  await submitLogIn(kept, DEMO.learner, DEMO_PASSWORD);
  await expect(kept.getByRole("button", { name: "Log out" })).toBeVisible();
  await checkPage(kept);
  const cookie = (await kept.context().cookies()).find((c) => c.name === "alongside_session");
  const days = ((cookie?.expires ?? 0) * 1000 - Date.now()) / (24 * 60 * 60 * 1000);
  expect(days).toBeGreaterThan(29.9);
  expect(days).toBeLessThanOrEqual(30);
  const sessions = await openAccount(kept);
  await expect(sessions.getByRole("listitem", { name: /this device$/ })).toContainText("kept signed in");
});

test("after many failed log-ins for one account from many addresses, it is locked calmly until a password reset", async ({
  startServer,
  newPage,
}) => {
  test.slow();
  const server = await startServer({ env: { TRUST_PROXY: "1" } });
  const page = await newPage({ baseURL: server.baseURL });
  const from = (address: string) => page.setExtraHTTPHeaders({ "X-Forwarded-For": address });
  await from("203.0.113.200");
  await page.goto("/login");
  await checkPage(page);
  for (let i = 1; i <= 19; i++) {
    await from(`203.0.113.${i}`);
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/login"));
    await submitLogIn(page, DEMO.trainer, `guess number ${i}`);
    await answered;
    await expect(page.getByRole("alert")).toContainText("That email and password do not match an account.");
  }
  await from("203.0.113.20");
  await submitLogIn(page, DEMO.trainer, "guess number 20");
  const locked = "Logging in with a password is paused for this email address after many attempts that did not match.";
  await expect(page.getByRole("alert")).toContainText(locked);
  await checkPage(page);

  // The right password from the person's own address: still paused, with the way on.
  await from("198.51.100.7");
  await submitLogIn(page, DEMO.trainer, DEMO_PASSWORD);
  await expect(page.getByRole("alert")).toContainText(locked);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(DEMO.trainer);
  await expect(page.getByRole("link", { name: "Set a new password by email" })).toHaveAttribute(
    "href",
    "/forgot-password",
  );
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain("alongside_session");
  await checkPage(page);

  // The organisation's admin reads the lock in the activity log.
  const admin = await newPage({ baseURL: server.baseURL, extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.9" } });
  await logIn(admin, DEMO.admin);
  await admin.goto("/organisation/activity");
  await checkPage(admin);
  await expect(
    admin.getByRole("row", { name: /Sam Taylor Log-in by password paused after many failed attempts/ }),
  ).toBeVisible();
});

test("an admin sets how long people stay signed in; bad values are explained and kept, and the change is logged", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUpOrganisation(page);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/organisation\/settings$/);
  await expect(page.getByRole("heading", { level: 2, name: "How long people stay signed in" })).toBeVisible();
  await checkPage(page);
  // The settings page has a form for each setting: this one is in its own region.
  const timeoutsForm = page.getByRole("region", { name: "How long people stay signed in" });
  const idle = page.getByLabel("Sign out after this many minutes without use");
  const lifetime = page.getByLabel("Sign everyone out after this many days, whatever they do");
  await expect(idle).toHaveValue("30");
  await expect(lifetime).toHaveValue("30");

  await idle.fill("2");
  await lifetime.fill("ninety");
  await timeoutsForm.getByRole("button", { name: "Save" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Enter a whole number of minutes from 5 to 480 (8 hours).");
  await expect(alert).toContainText("Enter a whole number of days from 1 to 90.");
  await expect(idle).toHaveValue("2");
  await expect(lifetime).toHaveValue("ninety");
  await checkPage(page);

  await idle.fill("45");
  await lifetime.fill("7");
  await timeoutsForm.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toHaveText(
    "Saved. They apply from each person's next page.",
  );
  await expect(idle).toHaveValue("45");
  await expect(lifetime).toHaveValue("7");
  await checkPage(page);

  await page.getByRole("link", { name: "Activity log" }).click();
  await expect(page).toHaveURL(/\/organisation\/activity$/);
  await checkPage(page);
  await expect(
    page.getByRole("cell", {
      name: "Changed how long people stay signed in: signed out after 45 minutes unused, and after 7 days at most",
    }),
  ).toBeVisible();
});
