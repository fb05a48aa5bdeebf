import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { DEMO, signUpOrganisation } from "./support/people";
import { signIn } from "./support/sessions";

const FORBIDDEN = "This page is not part of your role";
const NOT_FOUND = "We could not find that page";

async function expectPageStatus(page: Page, path: string, status: number, heading: string) {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(status);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await checkPage(page);
}

test("a learner is refused the organisation's admin pages with a calm 403 page", async ({ page }) => {
  await signIn(page, DEMO.learner);
  await expect(page).toHaveURL(/\/learn$/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["My learning"]);

  for (const path of [
    "/organisation",
    "/organisation/invitations",
    "/organisation/support",
    "/organisation/activity",
  ]) {
    await expectPageStatus(page, path, 403, FORBIDDEN);
    await expect(page.getByRole("main")).toContainText("If you think it should be, ask your organisation admin.");
    await expect(page.getByRole("main").getByRole("link", { name: "see support you can reach now" })).toBeVisible();
  }

  // Sending the admin's forms directly is refused too, and changes nothing.
  const invite = await page.request.post("/organisation/invitations", {
    form: { intent: "create", roles: "admin", expiresInDays: "14", maxUses: "1" },
    maxRedirects: 0,
  });
  expect(invite.status()).toBe(403);
  expect(await invite.text()).not.toContain("/join/");
});

test("another organisation's members and support resources answer 404, and cannot be changed", async ({
  page,
  newPage,
}) => {
  // Organisation A: its admin finds the address of their own member page and of a support resource.
  const adminA = await signUpOrganisation(page);
  const myRoles = page.getByRole("link", { name: `Change roles for ${adminA.name}` });
  const memberPath = (await myRoles.getAttribute("href")) ?? "";
  expect(memberPath).toMatch(/^\/organisation\/members\/[A-Za-z0-9_-]{22}$/);
  await myRoles.click();
  await expect(page.getByRole("group", { name: "Roles" })).toBeVisible();
  await checkPage(page);

  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Support resources" }).click();
  const editSamaritans = page.getByRole("link", { name: "Edit Samaritans" });
  const resourcePath = (await editSamaritans.getAttribute("href")) ?? "";
  expect(resourcePath).toMatch(/^\/organisation\/support\/[A-Za-z0-9_-]{22}$/);
  await checkPage(page);
  await editSamaritans.click();
  await expect(page.getByRole("heading", { level: 2, name: "Edit Samaritans" })).toBeVisible();
  await checkPage(page);

  // Organisation B's admin opening the same addresses finds nothing there.
  const b = await newPage();
  await signUpOrganisation(b);
  await expectPageStatus(b, memberPath, 404, NOT_FOUND);
  await expectPageStatus(b, resourcePath, 404, NOT_FOUND);

  // Nor can they change them by sending the forms.
  const removal = await b.request.post(memberPath, { form: { intent: "remove" }, maxRedirects: 0 });
  expect(removal.status()).toBe(404);
  const rename = await b.request.post(resourcePath, {
    form: { name: "Not Samaritans", purpose: "Changed by another organisation" },
    maxRedirects: 0,
  });
  expect(rename.status()).toBe(404);

  // Organisation A is untouched.
  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("table", { name: "1 member" }).getByRole("row").nth(1)).toContainText(
    `${adminA.name} (you)`,
  );
  await checkPage(page);
  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Support resources" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Samaritans" })).toBeVisible();
  await expect(page.getByText("Not Samaritans")).toHaveCount(0);
  await checkPage(page);
});

test("a malformed or unknown id in an address answers 404, not an error", async ({ page }) => {
  await signIn(page, DEMO.admin);
  for (const path of [
    "/organisation/members/not-an-id",
    "/organisation/members/1%27%20OR%20%271%27%3D%271",
    `/organisation/members/${"a".repeat(600)}`,
    "/organisation/members/AAAAAAAAAAAAAAAAAAAAAA",
    "/organisation/support/%E2%9C%93%F0%9F%98%80",
    "/organisation/support/AAAAAAAAAAAAAAAAAAAAAA",
    "/no-such-page",
  ]) {
    await expectPageStatus(page, path, 404, NOT_FOUND);
  }
});
