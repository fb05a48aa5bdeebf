import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { DEMO, DEMO_PASSWORD, submitLogIn } from "./support/people";

// Each test runs its own server: failed log-ins count per IP address, and every test shares 127.0.0.1.

const FAILED = "That email and password do not match an account. Check them and try again.";
const THROTTLED = "There have been too many attempts to log in. For your safety, please wait 15 minutes and try again.";

/** Sends the log-in form and waits for the server's answer to this attempt (the message may not change). */
async function attempt(page: Page, email: string, password: string) {
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/login"));
  await submitLogIn(page, email, password);
  await answered;
}

async function message(page: Page) {
  const alert = page.getByRole("alert");
  await expect(alert).toBeVisible();
  return ((await alert.getByRole("listitem").textContent()) ?? "").trim();
}

test("after ten failed log-ins from one address, even the right password gets a calm message to wait", async ({
  startServer,
  newPage,
}) => {
  test.slow();
  const server = await startServer();
  const page = await newPage({ baseURL: server.baseURL });
  await page.goto("/login");
  await checkPage(page);

  // The message never says which of the two was wrong: an unknown email and a wrong password read the same.
  await attempt(page, "nobody-here@example.org", "whatever it is");
  const unknownEmail = await message(page);
  await attempt(page, DEMO.learner, "not the password");
  const wrongPassword = await message(page);
  expect(unknownEmail).toBe(FAILED);
  expect(wrongPassword).toBe(unknownEmail);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(DEMO.learner);
  await checkPage(page);

  // Eight more failures, spread over other accounts: the limit is per address, not only per account.
  for (const email of [DEMO.trainer, DEMO.facilitator, DEMO.learner, DEMO.admin]) {
    for (let i = 0; i < 2; i++) {
      await attempt(page, email, `wrong guess ${i}`);
      expect(await message(page)).toBe(FAILED);
    }
  }

  await attempt(page, DEMO.learner, DEMO_PASSWORD);
  await expect(page.getByRole("alert")).toContainText(THROTTLED);
  await expect(page).toHaveURL(/\/login$/);
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain("alongside_session");
  await checkPage(page);
});

test("after ten failed log-ins for one account, it is locked for a while even from other addresses", async ({
  startServer,
  newPage,
}) => {
  test.slow();
  // Behind a proxy the address comes from X-Forwarded-For, which lets this test play several people.
  const server = await startServer({ env: { TRUST_PROXY: "true" } });
  const page = await newPage({ baseURL: server.baseURL });
  const from = (address: string) => page.setExtraHTTPHeaders({ "X-Forwarded-For": address });

  await from("203.0.113.1");
  await page.goto("/login");
  await checkPage(page);
  for (let i = 1; i <= 10; i++) {
    await from(`203.0.113.${i}`);
    await attempt(page, DEMO.trainer, `guess number ${i}`);
    expect(await message(page)).toBe(FAILED);
  }

  // The right password, from an address that never failed, is still refused for this account...
  await from("198.51.100.7");
  await attempt(page, DEMO.trainer, DEMO_PASSWORD);
  await expect(page.getByRole("alert")).toContainText(THROTTLED);
  await checkPage(page);

  // ...while someone else logs in from that address as usual.
  await attempt(page, DEMO.learner, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/learn$/);
  await checkPage(page);
});
