import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import {
  DEMO,
  DEMO_PASSWORD,
  newPassword,
  signUpOrganisation,
  submitLogIn,
  uniqueEmail,
  uniqueName,
} from "./support/people";

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

test("fewer failed log-ins for one account than the lock needs, from many addresses, do not lock the person out; one address guessing is slowed", async ({
  startServer,
  newPage,
}) => {
  test.slow();
  // Behind one proxy the address is the last entry of X-Forwarded-For: this test is that proxy, and
  // so can play several people.
  const server = await startServer({ env: { TRUST_PROXY: "1" } });
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
  // Five more from one address: that address, for this account, has to wait...
  for (let i = 1; i <= 5; i++) {
    await from("192.0.2.66");
    await attempt(page, DEMO.trainer, `another guess ${i}`);
    expect(await message(page), `another guess ${i}`).toBe(FAILED);
  }
  await attempt(page, DEMO.trainer, DEMO_PASSWORD);
  await expect(page.getByRole("alert")).toContainText(THROTTLED);
  await checkPage(page);

  // ...while the person, from their own address, logs in with the right password.
  await from("198.51.100.7");
  await attempt(page, DEMO.trainer, DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  await checkPage(page);
});

test("behind a proxy, an address made up in X-Forwarded-For does not escape the per-address limit", async ({
  startServer,
  newPage,
}) => {
  test.slow();
  const server = await startServer({ env: { TRUST_PROXY: "1" } });
  const page = await newPage({ baseURL: server.baseURL });
  // The client writes any addresses it likes; the one proxy appends the address it really saw.
  const claiming = (madeUp: string) => page.setExtraHTTPHeaders({ "X-Forwarded-For": `${madeUp}, 203.0.113.9` });

  await claiming("192.0.2.1");
  await page.goto("/login");
  await checkPage(page);
  let n = 0;
  for (const email of [DEMO.trainer, DEMO.facilitator, DEMO.learner, DEMO.admin, DEMO.coDesigner]) {
    for (let i = 0; i < 2; i++) {
      n++;
      await claiming(`192.0.2.${n}`);
      await attempt(page, email, `wrong guess ${i}`);
      expect(await message(page)).toBe(FAILED);
    }
  }
  await claiming("192.0.2.200");
  await attempt(page, DEMO.learner, DEMO_PASSWORD);
  await expect(page.getByRole("alert")).toContainText(THROTTLED);
  await checkPage(page);
});

test("one address can set up only a few organisations an hour; the next is refused calmly and keeps what was typed", async ({
  startServer,
  newPage,
}) => {
  test.slow();
  const server = await startServer({ env: { SIGNUPS_PER_HOUR: "2" } });
  for (let i = 0; i < 2; i++) {
    const page = await newPage({ baseURL: server.baseURL });
    await signUpOrganisation(page);
  }
  const page = await newPage({ baseURL: server.baseURL });
  await page.goto("/signup");
  await checkPage(page);
  const name = uniqueName("Sam");
  const organisation = uniqueName("Coastal Recovery");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email", { exact: true }).fill(uniqueEmail("sam"));
  await page.getByLabel("Password", { exact: true }).fill(newPassword());
  await page.getByLabel("Organisation name").fill(organisation);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "Several organisations have been set up from here in the last hour. Please try again in an hour.",
  );
  await expect(page.getByLabel("Your name")).toHaveValue(name);
  await expect(page.getByLabel("Organisation name")).toHaveValue(organisation);
  await checkPage(page);
});
