/**
 * Email end to end: the shared server sends through a real SMTP server the global setup started, and
 * each test reads what arrived (support/mailbox). Invitations, password resets, changes of address
 * and unsubscribing are followed from the links in the messages themselves.
 */
import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { createCohort, csvSection, londonDay, newPerson, previewCsv, signUpThroughLink } from "./support/cohorts";
import { expect, test } from "./support/fixtures";
import { linkIn, mailTo, waitForMail } from "./support/mailbox";
import {
  createInvitationLink,
  DEMO,
  logOut,
  newPassword,
  signUpOrganisation,
  submitLogIn,
  uniqueEmail,
  uniqueName,
} from "./support/people";
import { signIn } from "./support/sessions";
import { sharedServer } from "./support/shared-server";

/** Nothing on the page is wider than a 390 px phone. */
async function fitsSmallScreen(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

async function openOutgoingEmail(page: Page) {
  await page.goto("/organisation");
  await checkPage(page);
  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Outgoing email" }).click();
  await expect(page).toHaveURL(/\/organisation\/email$/);
  await expect(page.getByRole("heading", { level: 2, name: "Outgoing email" })).toBeVisible();
  await checkPage(page);
}

test("an invitation is emailed, its link followed to join, and the admin sees it sent and can read it", async ({
  page,
  newPage,
}) => {
  const person = newPerson("Invited");
  await signIn(page, DEMO.admin);
  await createInvitationLink(page, { roles: ["Learner"], label: person.name, email: person.email });

  const mail = await waitForMail(person.email, /^You are invited to join Northern Peer Support Network on Alongside$/);
  expect(mail.text).toContain("Ayesha Khan has invited you to join Northern Peer Support Network on Alongside");
  expect(mail.html).toContain('<html lang="en">');
  expect(mail.html).toMatch(/<h1[^>]*>An invitation to Northern Peer Support Network<\/h1>/);
  expect(mail.html).toMatch(/<a href="http:\/\/127\.0\.0\.1:\d+\/join\/[^"]+"[^>]*>Accept the invitation<\/a>/);
  const link = linkIn(mail, `${sharedServer.baseURL}/join/`);

  const invited = await newPage();
  await signUpThroughLink(invited, link, person, DEMO.organisation);

  // The admin's outgoing email lists it as sent; the invitations list leads to the same message.
  await openOutgoingEmail(page);
  const row = page.getByRole("row").filter({ hasText: person.email });
  await expect(row).toContainText("Sent");
  await page.goto("/organisation/invitations");
  await checkPage(page);
  await page
    .getByRole("row")
    .filter({ hasText: person.name })
    .getByRole("link", { name: `Its email to ${person.email}` })
    .click();
  await expect(page.getByRole("heading", { level: 2, name: mail.subject })).toBeVisible();
  await checkPage(page);
  // An admin can copy the link from here for someone who cannot get email.
  await expect(page.getByText(link)).toBeVisible();
  expect(mailTo(person.email)).toHaveLength(1);
});

test("a learner list imported from CSV emails each new person their invitation and says how many", async ({ page }) => {
  const people = [newPerson("Listed"), newPerson("Listed")];
  await signIn(page, DEMO.trainer);
  await createCohort(page, { name: uniqueName("Email cohort"), startsOn: londonDay(7) });
  await previewCsv(page, "learners.csv", `name,email\n${people.map((p) => `${p.name},${p.email}`).join("\n")}\n`);
  await checkPage(page);
  const csv = csvSection(page);
  await csv.getByRole("button", { name: "Add 2 learners" }).click();
  const summary = csv.getByRole("status");
  await expect(summary).toContainText("Added 0; invited 2.");
  await expect(summary).toContainText("Each of the 2 new people has been emailed their own invitation.");
  await expect(summary).not.toContainText("/join/");
  await checkPage(page);
  for (const person of people) {
    const mail = await waitForMail(person.email, /You are invited/);
    expect(mail.text).toContain("the cohort");
    linkIn(mail, `${sharedServer.baseURL}/join/`);
  }
});

test("a forgotten password is reset from the emailed link, once, and the answer never says whether an account exists", async ({
  page,
}) => {
  const admin = await signUpOrganisation(page);
  await logOut(page);

  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await checkPage(page);

  // An address with no account gets the very same answer.
  const nobody = uniqueEmail("nobody");
  await page.getByLabel("Email", { exact: true }).fill(nobody);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page).toHaveURL(/\/forgot-password\?sent=1$/);
  const answer = await page.getByRole("status").textContent();
  await checkPage(page);

  await page.getByLabel("Email", { exact: true }).fill(admin.email.toUpperCase());
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page).toHaveURL(/\/forgot-password\?sent=1$/);
  await expect(page.getByRole("status")).toHaveText(answer ?? "");
  await checkPage(page);

  const mail = await waitForMail(admin.email, /^Reset your Alongside password$/);
  expect(mail.headers["list-unsubscribe"]).toBeUndefined();
  const link = linkIn(mail, `${sharedServer.baseURL}/reset-password/`);
  expect(mailTo(nobody)).toEqual([]);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await checkPage(page);
  await page.getByLabel("New password", { exact: true }).fill("password123");
  await page.getByLabel("New password again").fill("password123");
  await page.getByRole("button", { name: "Set my new password" }).click();
  await expect(page.getByRole("alert")).toContainText("one of the most common passwords");
  await checkPage(page);

  const chosen = newPassword();
  await page.getByLabel("New password", { exact: true }).fill(chosen);
  await page.getByLabel("New password again").fill(chosen);
  await page.getByRole("button", { name: "Set my new password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1$/);
  await expect(page.getByRole("status")).toContainText("Your new password is set");
  await checkPage(page);

  // The old password no longer works; the new one does.
  await submitLogIn(page, admin.email, admin.password);
  await expect(page.getByRole("alert")).toBeVisible();
  await checkPage(page);
  await submitLogIn(page, admin.email, chosen);
  await expect(page.getByRole("heading", { level: 1, name: admin.organisationName })).toBeVisible();
  await checkPage(page);

  // The admin sees that a reset was sent, never its link.
  await openOutgoingEmail(page);
  await page.getByRole("link", { name: "Reset your Alongside password" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Reset your Alongside password" })).toBeVisible();
  await expect(page.getByText("so the link is not shown here")).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText("/reset-password/");
  await checkPage(page);

  // A link used once cannot be used again, and says how to ask again.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "This link cannot be used" })).toBeVisible();
  await expect(page.getByText("has been used already")).toBeVisible();
  await checkPage(page);
  await page.goto(`${link.slice(0, -3)}xyz`);
  await expect(page.getByText("This link to reset a password is not valid.")).toBeVisible();
  await checkPage(page);
  await page.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await checkPage(page);
});

test("a new email address is confirmed from its link, the old one told, and an address in use refused", async ({
  page,
  newPage,
}) => {
  const admin = await signUpOrganisation(page);
  await page.goto("/account");
  await checkPage(page);
  const change = page.getByRole("region", { name: "Change your email address" });

  await change.getByLabel("New email address").fill(DEMO.learner);
  await change.getByLabel("Your current password").fill(admin.password);
  await change.getByRole("button", { name: "Send a confirmation link" }).click();
  await expect(change.getByRole("alert")).toContainText(
    "That email address is already used by another account. Choose a different one.",
  );
  await expect(change.getByLabel("New email address")).toHaveValue(DEMO.learner);
  await checkPage(page);

  const newAddress = uniqueEmail("moved");
  await change.getByLabel("New email address").fill(newAddress);
  await change.getByLabel("Your current password").fill(admin.password);
  await change.getByRole("button", { name: "Send a confirmation link" }).click();
  await expect(page).toHaveURL(/\/account\?saved=email$/);
  await expect(page.getByRole("status")).toContainText("A link to confirm is on its way to your new address.");
  await checkPage(page);

  const notice = await waitForMail(admin.email, /^Your Alongside email address is being changed$/);
  expect(notice.text).toContain(newAddress);
  const confirmation = await waitForMail(newAddress, /^Confirm your new email address for Alongside$/);
  const link = linkIn(confirmation, `${sharedServer.baseURL}/confirm-email/`);

  // Opening the link changes nothing by itself: the person confirms (a mail scanner would only open it).
  const elsewhere = await newPage();
  await elsewhere.goto(link);
  await expect(elsewhere.getByRole("heading", { level: 1, name: "Confirm your new email address" })).toBeVisible();
  await checkPage(elsewhere);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText(admin.email, { exact: true })).toBeVisible();
  await checkPage(page);

  await elsewhere.getByRole("button", { name: "Confirm my new email address" }).click();
  await expect(elsewhere.getByRole("heading", { level: 1, name: "Your email address is changed" })).toBeVisible();
  await checkPage(elsewhere);

  await logOut(page);
  await submitLogIn(page, newAddress, admin.password);
  await expect(page.getByRole("heading", { level: 1, name: admin.organisationName })).toBeVisible();
  await checkPage(page);

  // Once only.
  await elsewhere.goto(link);
  await expect(elsewhere.getByText("has been used already")).toBeVisible();
  await checkPage(elsewhere);
});

test("the unsubscribe link asks first, then stops that kind of email; one-click POST works without signing in", async ({
  page,
  newPage,
}) => {
  const admin = await signUpOrganisation(page);
  const first = uniqueEmail("quiet");
  await createInvitationLink(page, { roles: ["Learner"], email: first });
  const mail = await waitForMail(first, /You are invited/);
  const header = mail.headers["list-unsubscribe"] ?? "";
  expect(header).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/unsubscribe\/[^>]+>$/);
  expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const url = header.slice(1, -1);
  expect(mail.text).toContain(url);

  const visitor = await newPage();
  await visitor.goto(url);
  await expect(visitor.getByRole("heading", { level: 1, name: "Stop getting these emails" })).toBeVisible();
  await expect(visitor.getByText(`to ${first}?`)).toBeVisible();
  await checkPage(visitor);
  // Opening it changed nothing: the page still asks.
  await visitor.reload();
  await expect(visitor.getByRole("button", { name: "Stop these emails" })).toBeVisible();
  await checkPage(visitor);
  await visitor.getByRole("button", { name: "Stop these emails" }).click();
  await expect(visitor.getByRole("status")).toContainText(`Done. ${first} will not get these emails any more`);
  await checkPage(visitor);

  // A mail client's one-click POST: no cookie, the RFC 8058 body.
  const second = uniqueEmail("oneclick");
  await createInvitationLink(page, { roles: ["Learner"], email: second });
  const secondMail = await waitForMail(second, /You are invited/);
  const oneClick = (secondMail.headers["list-unsubscribe"] ?? "").slice(1, -1);
  const response = await fetch(oneClick, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });
  expect(response.status).toBe(200);

  // Invited again, neither is emailed: the admin sees why.
  await createInvitationLink(page, { roles: ["Learner"], email: first });
  await createInvitationLink(page, { roles: ["Learner"], email: second });
  await openOutgoingEmail(page);
  for (const address of [first, second]) {
    await expect(page.getByRole("row").filter({ hasText: address }).first()).toContainText(
      "Not sent: this person turned these emails off",
    );
  }
  expect(mailTo(first)).toHaveLength(1);
  expect(mailTo(second)).toHaveLength(1);
  expect(admin.email).not.toBe(first);

  // A forged link changes nothing and says so.
  await visitor.goto(`${url.slice(0, -4)}abcd`);
  await expect(visitor.getByRole("heading", { level: 1, name: "This link cannot be used" })).toBeVisible();
  await expect(visitor.getByText("nothing was changed")).toBeVisible();
  await checkPage(visitor);
});

test.describe("on a 390 px screen", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the email pages fit and pass the checks", async ({ page }) => {
    await signUpOrganisation(page);
    const address = uniqueEmail("narrow");
    await createInvitationLink(page, { roles: ["Learner"], email: address });
    const mail = await waitForMail(address, /You are invited/);
    await openOutgoingEmail(page);
    await fitsSmallScreen(page);
    await page.getByRole("link", { name: mail.subject }).first().click();
    await expect(page.getByRole("heading", { level: 2, name: mail.subject })).toBeVisible();
    await checkPage(page);
    await fitsSmallScreen(page);
    await page.goto("/account");
    await checkPage(page);
    await fitsSmallScreen(page);
    await logOut(page);
    await page.goto("/forgot-password");
    await checkPage(page);
    await fitsSmallScreen(page);
    await page.goto((mail.headers["list-unsubscribe"] ?? "").slice(1, -1));
    await checkPage(page);
    await fitsSmallScreen(page);
    await page.goto(linkIn(mail, `${sharedServer.baseURL}/join/`).replace("/join/", "/reset-password/"));
    await expect(page.getByRole("heading", { level: 1, name: "This link cannot be used" })).toBeVisible();
    await checkPage(page);
    await fitsSmallScreen(page);
  });
});
