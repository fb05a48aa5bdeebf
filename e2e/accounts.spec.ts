import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { checkLearnerPage, joinAsLearner, startOpenCourse } from "./support/learning";
import { DEMO, DEMO_PASSWORD, logIn, logOut, newPassword, signUpOrganisation, submitLogIn } from "./support/people";

const FAILED_LOGIN = "That email and password do not match an account. Check them and try again.";

test("signing up creates an organisation with the new person as its admin", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await checkPage(page);
  await page.getByRole("main").getByRole("link", { name: "Set up your organisation" }).click();
  await expect(page).toHaveURL(/\/signup$/);

  const admin = await signUpOrganisation(page);

  await expect(page).toHaveURL(/\/organisation\?welcome=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Your organisation is ready" })).toBeVisible();
  const header = page.getByRole("banner");
  await expect(header.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Organisation"]);
  await expect(header.getByRole("link", { name: "Support now" })).toBeVisible();
  await expect(header.getByRole("link", { name: /Your account/ })).toHaveText(
    `Your account: ${admin.name} · ${admin.organisationName}`,
  );
  const members = page.getByRole("table", { name: "1 member" });
  const me = members.getByRole("row").filter({ hasText: admin.email });
  await expect(me).toContainText(`${admin.name} (you)`);
  await expect(me.getByRole("cell").nth(2)).toHaveText("Organisation admin");
});

test("logging out ends the session on the server, so the old cookie no longer opens anything", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signUpOrganisation(page);
  const cookie = (await page.context().cookies()).find((c) => c.name === "alongside_session");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  const oldCookie = `${cookie?.name}=${cookie?.value}`;

  // The same request with the cookie works while the session is alive...
  const before = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Cookie: oldCookie } });
  const alive = await before.get("/organisation", { maxRedirects: 0 });
  expect(alive.status()).toBe(200);
  await before.dispose();

  await logOut(page);

  // ...and is sent to the log-in page once the person logged out, even though it still carries the cookie.
  const after = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Cookie: oldCookie } });
  const refused = await after.get("/organisation", { maxRedirects: 0 });
  expect(refused.status()).toBe(302);
  expect(refused.headers().location).toBe("/login?next=%2Forganisation");
  await after.dispose();

  // The browser itself is logged out too.
  await page.goto("/organisation");
  await expect(page).toHaveURL(/\/login\?next=%2Forganisation$/);
  await checkPage(page);
});

test("changing the password: the new one works and the old one stops working", async ({ page }) => {
  const admin = await signUpOrganisation(page);
  await page
    .getByRole("banner")
    .getByRole("link", { name: /Your account/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await checkPage(page);

  const changed = newPassword();
  const form = page.getByRole("region", { name: "Change your password" });
  await form.getByLabel("Current password").fill(admin.password);
  await form.getByLabel("New password", { exact: true }).fill(changed);
  await form.getByLabel("New password again").fill(changed);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toHaveText("Your password is changed. You were logged out everywhere else.");
  await checkPage(page);

  await logOut(page);
  await submitLogIn(page, admin.email, admin.password);
  await expect(page.getByRole("alert")).toContainText(FAILED_LOGIN);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(admin.email);
  await checkPage(page);

  await logIn(page, admin.email, changed);
  await expect(page.getByRole("heading", { level: 1, name: admin.organisationName })).toBeVisible();
});

test("after logging in, a next address that would leave the site goes to the start page instead", async ({
  page,
  playwright,
  baseURL,
}) => {
  // A tab inside the path: browsers drop it, so "/\t/evil.example" is a link to evil.example.
  await page.goto("/login?next=/%09/evil.example");
  await checkPage(page);
  await submitLogIn(page, DEMO.learner, DEMO_PASSWORD);
  await expect(page).toHaveURL(`${baseURL}/learn`);
  await checkPage(page);

  // Sent directly, every one is a redirect to a page of ours, and none is an error.
  const client = await playwright.request.newContext({ baseURL });
  const cases: [string, string][] = [
    ["/\t/evil.example", "/learn"],
    ["/\u3000", "/learn"],
    ["/learn\u3000/journal", "/learn"],
    ["//evil.example", "/learn"],
    ["/\\evil.example", "/learn"],
    ["/.//evil.example", "/learn"],
    ["https://evil.example/", "/learn"],
    ["/learn/journal", "/learn/journal"],
    ["/learn/caf\u00e9", "/learn/caf%C3%A9"],
  ];
  for (const [next, location] of cases) {
    const response = await client.post("/login", {
      form: { email: DEMO.learner, password: DEMO_PASSWORD, next },
      headers: { Origin: baseURL ?? "" },
      maxRedirects: 0,
    });
    expect(response.status(), JSON.stringify(next)).toBe(302);
    expect(response.headers().location, JSON.stringify(next)).toBe(location);
  }
  await client.dispose();
});

test("after logging out, Back shows the log-in page, never the journal that was open", async ({ page, newPage }) => {
  test.slow();
  const admin = await newPage();
  await logIn(admin, DEMO.admin);
  await joinAsLearner(admin, page, "Robin");
  await startOpenCourse(page, "Peer support essentials");
  const first = (await page.getByRole("link", { name: "Continue where you left off" }).getAttribute("href")) ?? "";
  // Section 4 of the course's first module ("Saying no kindly") asks for a reflection.
  await page.goto(first.replace(/\/s\/1$/, "/s/4"));
  await checkLearnerPage(page);
  const secret = `I said yes to the late calls ${Date.now()}`;
  await page.getByRole("textbox", { name: /Think of a time you said yes/ }).fill(secret);
  await page.getByRole("button", { name: "Save to my journal" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved to your journal" })).toBeVisible();
  await checkLearnerPage(page);

  await page.goto("/learn/journal");
  await expect(page.getByText(secret)).toBeVisible();
  await checkLearnerPage(page);
  await logOut(page);

  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  await expect(page).toHaveURL(/\/login\?next=%2Flearn%2Fjournal$/);
  await expect(page.getByText(secret)).toHaveCount(0);
  await checkPage(page);
});
