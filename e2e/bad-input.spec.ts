import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import {
  createInvitationLink,
  DEMO,
  logIn,
  logOut,
  newPassword,
  SIGNED_UP,
  signUpOrganisation,
  uniqueEmail,
  uniqueName,
} from "./support/people";
import { sharedServer } from "./support/shared-server";

const COMMON_PASSWORD =
  "That is one of the most common passwords, so it is among the first anyone would guess. A few words strung together are easier to remember and much harder to guess.";
const REPEATED_CHARACTER = "Use more than the same character over and over. A few words strung together work well.";
const WITH_EMAIL = "Choose a password without your email address in it, or the part before the @.";

/** How many organisations of this name the shared server has stored. */
function organisationsNamed(name: string): number {
  const db = new Database(sharedServer.databasePath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("select count(*) as n from organisations where name = ?").get(name) as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Where the sign-up form lists its problems, each prefixed with the field's name. */
function problems(page: Page) {
  return page.getByRole("alert").getByRole("listitem");
}

async function openSignUp(page: Page) {
  await page.goto("/signup");
  await expect(page.getByRole("heading", { level: 1, name: "Set up your organisation" })).toBeVisible();
  await checkPage(page);
}

async function fillSignUp(page: Page, values: { name: string; email: string; password: string; organisation: string }) {
  await page.getByLabel("Your name").fill(values.name);
  await page.getByLabel("Email", { exact: true }).fill(values.email);
  await page.getByLabel("Password", { exact: true }).fill(values.password);
  await page.getByLabel("Organisation name").fill(values.organisation);
  await page.getByRole("button", { name: "Create organisation" }).click();
}

// With JavaScript the browser keeps what was typed by itself; without it (the forms work without it)
// only the server can put it back. Both must hold.
for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("sign-up explains an invalid email, a short password and an empty field, and keeps what was typed", async ({
      page,
    }) => {
      await openSignUp(page);
      const name = uniqueName("Jo");
      await fillSignUp(page, { name, email: "jo at example dot org", password: "short", organisation: "   " });

      await expect(problems(page)).toHaveText([
        "Email: Enter an email address like name@example.org.",
        "Password: Use at least 8 characters.",
        "Organisation: Enter your organisation's name.",
      ]);
      await expect(page).toHaveURL(/\/signup$/);
      await expect(page.getByLabel("Your name")).toHaveValue(name);
      const email = page.getByLabel("Email", { exact: true });
      await expect(email).toHaveValue("jo at example dot org");
      await expect(email).toHaveAttribute("aria-invalid", "true");
      await expect(email).toHaveAccessibleDescription("Enter an email address like name@example.org.");
      await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(
        /At least 8 characters\..*Use at least 8 characters\./,
      );
      await checkPage(page);
    });

    test("sign-up with an email that already has an account answers as any sign-up does, and sets up nothing", async ({
      page,
    }) => {
      await openSignUp(page);
      const organisation = uniqueName("Hillside Recovery");
      await fillSignUp(page, {
        name: uniqueName("Lee"),
        email: DEMO.admin.toUpperCase(),
        password: newPassword(),
        organisation,
      });

      // The same page a new email leads to: nothing says the email is known.
      await expect(page).toHaveURL(/\/login\?signedUp=1$/);
      await expect(page.getByRole("status")).toHaveText(SIGNED_UP);
      await checkPage(page);
      expect(organisationsNamed(organisation)).toBe(0);
    });

    test("sign-up refuses a common password, one repeated character and the email itself, kindly, keeping what was typed", async ({
      page,
    }) => {
      await openSignUp(page);
      const name = uniqueName("Jo");
      const email = uniqueEmail("jo");
      const organisation = uniqueName("Valley Peer Support");
      for (const [password, message] of [
        ["password1", COMMON_PASSWORD],
        ["aaaaaaaaaa", REPEATED_CHARACTER],
        [email, WITH_EMAIL],
      ] as const) {
        await fillSignUp(page, { name, email, password, organisation });
        await expect(problems(page)).toHaveText([`Password: ${message}`]);
        await expect(page.getByLabel("Your name")).toHaveValue(name);
        await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
        await expect(page.getByLabel("Organisation name")).toHaveValue(organisation);
        await checkPage(page);
      }
      expect(organisationsNamed(organisation)).toBe(0);
    });

    test("sign-up refuses fields longer than allowed, even when the browser's limit is removed", async ({ page }) => {
      await openSignUp(page);
      // A person cannot type past maxlength; someone sending the form by other means can.
      for (const label of ["Your name", "Organisation name"]) {
        await page.getByLabel(label).evaluate((input) => input.removeAttribute("maxlength"));
      }
      const email = uniqueEmail("long");
      await fillSignUp(page, {
        name: "N".repeat(1_000),
        email,
        password: newPassword(),
        organisation: "O".repeat(5_000),
      });

      await expect(problems(page)).toHaveText([
        "Your name: Use at most 100 characters.",
        "Organisation: Use at most 120 characters.",
      ]);
      await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
      await expect(page.getByLabel("Your name")).toHaveValue("N".repeat(1_000));
      await checkPage(page);
    });

    test("joining through an invitation with a password made of the email's name explains it", async ({
      page,
      newPage,
    }) => {
      await signUpOrganisation(page);
      const link = await createInvitationLink(page, { roles: ["Learner"] });
      const person = await newPage({ javaScriptEnabled });
      await person.goto(link);
      await checkPage(person);
      const email = uniqueEmail("ash");
      await person.getByLabel("Your name").fill(uniqueName("Ash"));
      await person.getByLabel("Email", { exact: true }).fill(email);
      await person.getByLabel("Password", { exact: true }).fill(`${email.split("@")[0]}!`);
      await person.getByRole("button", { name: "Create account and join" }).click();
      await expect(problems(person)).toHaveText([`Password: ${WITH_EMAIL}`]);
      await expect(person.getByLabel("Email", { exact: true })).toHaveValue(email);
      await checkPage(person);
    });

    test("joining through an invitation with a short password explains it and keeps the name and email", async ({
      page,
      newPage,
    }) => {
      await signUpOrganisation(page);
      const link = await createInvitationLink(page, { roles: ["Learner"] });

      const person = await newPage({ javaScriptEnabled });
      await person.goto(link);
      await checkPage(person);
      const name = uniqueName("Ash");
      const email = uniqueEmail("ash");
      await person.getByLabel("Your name").fill(name);
      await person.getByLabel("Email", { exact: true }).fill(email);
      await person.getByLabel("Password", { exact: true }).fill("1234567");
      await person.getByRole("button", { name: "Create account and join" }).click();

      await expect(problems(person)).toHaveText(["Password: Use at least 8 characters."]);
      await expect(person.getByLabel("Your name")).toHaveValue(name);
      await expect(person.getByLabel("Email", { exact: true })).toHaveValue(email);
      await checkPage(person);
    });
  });
}

test("log-in explains a malformed email and a missing password without trying them", async ({ page }) => {
  await page.goto("/login");
  await checkPage(page);
  await page.getByLabel("Email", { exact: true }).fill("someone@");
  await page.getByLabel("Password", { exact: true }).press("Enter");
  await expect(problems(page)).toHaveText(["Enter an email address like name@example.org.", "Enter your password."]);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("someone@");
  await checkPage(page);
});

test("sign-up gives the same answer for an email that has an account and one that has none", async ({
  playwright,
  baseURL,
}) => {
  const client = await playwright.request.newContext({ baseURL });
  const send = (email: string) =>
    client.post("/signup", {
      form: { name: uniqueName("Kai"), email, password: newPassword(), organisationName: uniqueName("Harbour Peers") },
      headers: { Origin: baseURL ?? "" },
      maxRedirects: 0,
    });
  const known = await send(DEMO.trainer);
  const unknown = await send(uniqueEmail("kai"));
  for (const response of [known, unknown]) {
    expect(response.status()).toBe(302);
    expect(response.headers().location).toBe("/login?signedUp=1");
    expect(response.headers()["set-cookie"]).toBeUndefined();
  }
  expect(await known.text()).toBe(await unknown.text());
  await client.dispose();
});

test("a form sent with a field missing altogether gets a clear message, not an error", async ({ page }) => {
  // A browser always sends every field of the form, so this is sent the way a script or an old page would.
  const name = uniqueName("Sasha");
  const response = await page.request.post("/signup", {
    form: { name, email: uniqueEmail("sasha"), password: newPassword() },
  });
  expect(response.status()).toBe(400);
  const html = await response.text();
  expect(html).toContain("Organisation: Enter your organisation");
  expect(html).toContain(`value="${name}"`);

  const login = await page.request.post("/login", { form: { email: DEMO.learner } });
  expect(login.status()).toBe(400);
  expect(await login.text()).toContain("Enter your password.");
});

test("changing the password explains a wrong current password and new passwords that differ", async ({ page }) => {
  const admin = await signUpOrganisation(page);
  await page.goto("/account");
  await checkPage(page);
  const form = page.getByRole("region", { name: "Change your password" });

  await form.getByLabel("Current password").fill(`${admin.password}x`);
  await form.getByLabel("New password", { exact: true }).fill("a new long password");
  await form.getByLabel("New password again").fill("a new long password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert")).toContainText("Your current password is not right.");
  await checkPage(page);

  await form.getByLabel("Current password").fill(admin.password);
  await form.getByLabel("New password", { exact: true }).fill("a new long password");
  await form.getByLabel("New password again").fill("a new long passwort");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert")).toContainText("The two new passwords are not the same.");
  await checkPage(page);

  // An easily guessed new password is refused too; the old one still works.
  for (const [password, message] of [
    ["sunshine", COMMON_PASSWORD],
    ["!!!!!!!!!!", REPEATED_CHARACTER],
  ] as const) {
    await form.getByLabel("Current password").fill(admin.password);
    await form.getByLabel("New password", { exact: true }).fill(password);
    await form.getByLabel("New password again").fill(password);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByRole("alert")).toContainText(message);
    await checkPage(page);
  }
  await logOut(page);
  await logIn(page, admin.email, admin.password);
});
