import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { createInvitationInThePast } from "./support/database";
import { expect, test } from "./support/fixtures";
import { createInvitationLink, newPassword, signUpOrganisation, uniqueEmail, uniqueName } from "./support/people";
import { sharedServer } from "./support/shared-server";

const CANNOT_BE_USED = "This invitation cannot be used";

async function fillJoinForm(page: Page, person: { name: string; email: string }) {
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(newPassword());
}

function someone(prefix: string) {
  return { name: uniqueName(prefix), email: uniqueEmail(prefix.toLowerCase()) };
}

test("an invitation link lets a second person join with the role it carries", async ({ page, newPage }) => {
  const admin = await signUpOrganisation(page);
  const link = await createInvitationLink(page, { roles: ["Trainer"], label: "New trainer" });
  const invitation = page.getByRole("row").filter({ hasText: "New trainer" });
  await expect(invitation.getByRole("cell")).toHaveText([
    "New trainer",
    "Anyone with the link",
    "Trainer",
    "0 of 1",
    /\d{4}$/,
    "Active",
    /Revoke/,
  ]);

  const sam = await newPage();
  const person = someone("Sam");
  await sam.goto(link);
  await expect(sam.getByRole("heading", { level: 1, name: `Join ${admin.organisationName}` })).toBeVisible();
  await expect(sam.getByText("You have been invited to join as a trainer.")).toBeVisible();
  await checkPage(sam);
  await fillJoinForm(sam, person);
  await sam.getByRole("button", { name: "Create account and join" }).click();

  // A trainer lands on Courses and sees the trainer's areas, not the admin's.
  await expect(sam).toHaveURL(/\/courses$/);
  await expect(sam.getByRole("heading", { level: 1 })).toBeVisible();
  await checkPage(sam);
  const header = sam.getByRole("banner");
  await expect(header.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Courses", "Cohorts"]);
  await expect(header.getByRole("link", { name: /Your account/ })).toHaveText(
    `Your account: ${person.name} · ${admin.organisationName}`,
  );

  // The admin sees the invitation used up and the new member with the role.
  await page.reload();
  await expect(invitation.getByRole("cell")).toHaveText([
    "New trainer",
    "Anyone with the link",
    "Trainer",
    "1 of 1",
    /\d{4}$/,
    "Used up",
    "",
  ]);
  await checkPage(page);
  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Members" }).click();
  const member = page.getByRole("row").filter({ hasText: person.email });
  await expect(member.getByRole("cell").nth(2)).toHaveText("Trainer");
  await expect(page.getByRole("table", { name: "2 members" })).toBeVisible();
  await checkPage(page);
});

test("an invitation used as many times as it allows says so, and the form keeps what was typed", async ({
  page,
  newPage,
}) => {
  await signUpOrganisation(page);
  const link = await createInvitationLink(page, { roles: ["Learner"], maxUses: 1 });

  // Two people open the link while it still has its one place.
  const late = await newPage();
  const latePerson = someone("Morgan");
  await late.goto(link);
  await expect(late.getByRole("heading", { level: 1, name: /^Join / })).toBeVisible();
  await checkPage(late);
  await fillJoinForm(late, latePerson);

  const first = await newPage();
  await first.goto(link);
  await checkPage(first);
  await fillJoinForm(first, someone("Charlie"));
  await first.getByRole("button", { name: "Create account and join" }).click();
  await expect(first).toHaveURL(/\/learn$/);
  await checkPage(first);

  // The second use is refused with a plain reason, and nothing typed is lost.
  await late.getByRole("button", { name: "Create account and join" }).click();
  await expect(late.getByRole("alert")).toContainText("already been used as many times as it allows");
  await expect(late.getByLabel("Your name")).toHaveValue(latePerson.name);
  await expect(late.getByLabel("Email", { exact: true })).toHaveValue(latePerson.email);
  await expect(late).toHaveURL(link);
  await checkPage(late);

  // Anyone opening the link afterwards is told at once.
  const third = await newPage();
  const response = await third.goto(link);
  expect(response?.status()).toBe(410);
  await expect(third.getByRole("heading", { level: 1, name: CANNOT_BE_USED })).toBeVisible();
  await expect(third.getByRole("main")).toContainText(
    "This invitation has already been used as many times as it allows. Ask for a new link.",
  );
  await checkPage(third);
});

test("a revoked invitation says it was withdrawn, even to someone who already had the form open", async ({
  page,
  newPage,
}) => {
  await signUpOrganisation(page);
  const label = uniqueName("Withdrawn");
  const link = await createInvitationLink(page, { roles: ["Co-designer"], label });

  const person = await newPage();
  const typed = someone("Kai");
  await person.goto(link);
  await expect(person.getByText("You have been invited to join as a co-designer.")).toBeVisible();
  await checkPage(person);
  await fillJoinForm(person, typed);

  await page.getByRole("button", { name: `Revoke invitation ${label}` }).click();
  const row = page.getByRole("row").filter({ hasText: label });
  await expect(row.getByRole("cell").nth(5)).toHaveText("Revoked");
  await expect(row.getByRole("button")).toHaveCount(0);
  await checkPage(page);

  await person.getByRole("button", { name: "Create account and join" }).click();
  await expect(person.getByRole("alert")).toContainText(
    "This invitation was withdrawn. Ask the person who sent it for a new link.",
  );
  await expect(person.getByLabel("Your name")).toHaveValue(typed.name);
  await expect(person.getByLabel("Email", { exact: true })).toHaveValue(typed.email);
  await checkPage(person);

  await person.reload();
  await expect(person.getByRole("heading", { level: 1, name: CANNOT_BE_USED })).toBeVisible();
  await expect(person.getByRole("main")).toContainText("This invitation was withdrawn.");
  await checkPage(person);
});

test("an expired invitation says it has expired", async ({ page, newPage, baseURL }) => {
  const admin = await signUpOrganisation(page);
  const token = createInvitationInThePast({
    databasePath: sharedServer.databasePath,
    sessionSecret: sharedServer.sessionSecret(),
    adminEmail: admin.email,
    roles: ["learner"],
    daysAgo: 3,
    expiresInDays: 2,
  });

  const person = await newPage();
  const response = await person.goto(`${baseURL}/join/${token}`);
  expect(response?.status()).toBe(410);
  await expect(person.getByRole("heading", { level: 1, name: CANNOT_BE_USED })).toBeVisible();
  await expect(person.getByRole("main")).toContainText(
    "This invitation has expired. Ask the person who sent it for a new link.",
  );
  await expect(person.getByRole("button", { name: "Create account and join" })).toHaveCount(0);
  await checkPage(person);

  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Invitations" }).click();
  const row = page.getByRole("row").filter({ hasText: "Made in the past by a test" });
  await expect(row.getByRole("cell").nth(5)).toHaveText("Expired");
  await checkPage(page);
});

test("a link with a mangled token says the link is not valid", async ({ page }) => {
  for (const token of ["too-short", `${"x".repeat(40)}`]) {
    const response = await page.goto(`/join/${token}`);
    expect(response?.status()).toBe(410);
    await expect(page.getByRole("heading", { level: 1, name: CANNOT_BE_USED })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("This invitation link is not valid.");
    await checkPage(page);
  }
});

test("a personal invitation lets in only the person it was sent to, and tells anyone else kindly", async ({
  page,
  newPage,
}) => {
  const admin = await signUpOrganisation(page);
  const jo = someone("Jo");
  const link = await createInvitationLink(page, { roles: ["Co-designer"], label: "Jo", maxUses: 5, email: jo.email });
  // It is emailed to Jo; the link is shown too, for passing on another way.
  await expect(page.getByRole("region", { name: "Invite people" }).getByRole("status")).toContainText(
    `Your invitation is on its way to ${jo.email}. Only an account with that email address can use it, once.`,
  );
  const row = page.getByRole("row").filter({ hasText: jo.email });
  await expect(row.getByRole("cell")).toHaveText([
    "Jo",
    `Only ${jo.email}`,
    "Co-designer",
    "0 of 1",
    /\d{4}$/,
    "Active",
    /Revoke/,
  ]);

  // Someone else who has the link cannot sign up with it, and keeps what they typed.
  const other = await newPage();
  const typed = someone("Mallory");
  await other.goto(link);
  await expect(
    other.getByText("This invitation is for one person: use the email address it was sent to."),
  ).toBeVisible();
  await expect(other.getByRole("main")).not.toContainText(jo.email);
  await checkPage(other);
  await fillJoinForm(other, typed);
  await other.getByRole("button", { name: "Create account and join" }).click();
  const refusal =
    "This invitation was made for one person, and sent to a different email address. Sign up with the address it was sent to, or ask the person who sent it for a link of your own.";
  await expect(other.getByRole("alert")).toContainText(refusal);
  await expect(other.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(other.getByLabel("Your name")).toHaveValue(typed.name);
  await expect(other.getByLabel("Email", { exact: true })).toHaveValue(typed.email);
  await expect(other.getByRole("main")).not.toContainText(jo.email);
  await checkPage(other);

  // Someone signed in with another account is told before they try, and offered to log out.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: `Join ${admin.organisationName}` })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(
    `You are logged in as ${admin.name}. This invitation was made for one person, and sent to a different email address from yours, so it cannot be used with this account.`,
  );
  await expect(page.getByRole("button", { name: `Join ${admin.organisationName}` })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("button", { name: "Log out" })).toBeVisible();
  await checkPage(page);

  // The person it was sent to joins, with their address in any letter case.
  const person = await newPage();
  await person.goto(link);
  await checkPage(person);
  await fillJoinForm(person, { name: jo.name, email: jo.email.toUpperCase() });
  await person.getByRole("button", { name: "Create account and join" }).click();
  await expect(person).toHaveURL(/\/workshop$/);
  await checkPage(person);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organisation" }).click();
  await expect(page).toHaveURL(/\/organisation$/);
  await checkPage(page);
  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Invitations" }).click();
  await expect(page).toHaveURL(/\/organisation\/invitations$/);
  await expect(row.getByRole("cell").nth(5)).toHaveText("Used up");
  await checkPage(page);
});

test("someone signed in to another organisation joins with a link and goes on in the one they joined", async ({
  page,
  newPage,
}) => {
  const admin = await signUpOrganisation(page);
  const link = await createInvitationLink(page, { roles: ["Trainer"], label: "From elsewhere" });

  const other = await newPage();
  const elsewhere = await signUpOrganisation(other);
  await other.goto(link);
  await expect(other.getByRole("heading", { level: 1, name: `Join ${admin.organisationName}` })).toBeVisible();
  await expect(other.getByRole("main")).toContainText(`You are logged in as ${elsewhere.name}.`);
  await checkPage(other);
  await other.getByRole("button", { name: `Join ${admin.organisationName}` }).click();

  await expect(other).toHaveURL(/\/courses$/);
  await checkPage(other);
  await expect(other.getByRole("banner").getByRole("link", { name: /Your account/ })).toHaveText(
    `Your account: ${elsewhere.name} · ${admin.organisationName}`,
  );

  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("row").filter({ hasText: elsewhere.email }).getByRole("cell").nth(2)).toHaveText(
    "Trainer",
  );
  await checkPage(page);
});
