/**
 * Review requests end to end: a facilitator asks a collaborator to review a module by a date (a past
 * date is refused, what was typed kept), the collaborator sees it on their Workshop list, in the
 * module and by email from the real SMTP receiver, answers "I'm done reviewing" with a note, and the
 * facilitator sees who has answered. Someone not asked cannot answer for them.
 */
import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { londonDay, longDate } from "./support/cohorts";
import { addMember, tableRows } from "./support/database";
import { expect, test } from "./support/fixtures";
import { linkIn, waitForMail } from "./support/mailbox";
import { DEMO, uniqueName } from "./support/people";
import { signIn } from "./support/sessions";
import { sharedServer } from "./support/shared-server";
import { addCollaborator, createModule, goToTab } from "./support/workshop";

test.describe.configure({ timeout: 120_000 });

async function fitsSmallScreen(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

const newCoDesigner = (name: string) =>
  addMember({
    databasePath: sharedServer.databasePath,
    adminEmail: DEMO.admin,
    name: uniqueName(name),
    roles: ["co_designer"],
  });

test("a facilitator asks for a review by a date, the collaborator sees it on the Workshop list and answers done", async ({
  page,
  newPage,
}) => {
  const ro = newCoDesigner("Ro");
  const kit = newCoDesigner("Kit");
  await signIn(page, DEMO.facilitator);
  const module = await createModule(page);
  await addCollaborator(page, ro.name, "Co-designer");
  await addCollaborator(page, kit.name, "Reviewer");
  await page.setViewportSize({ width: 390, height: 844 });
  await goToTab(page, "Review");
  const panel = page.getByRole("region", { name: "Review requests" });
  await fitsSmallScreen(page);

  // A date gone by is refused, and the form keeps what was typed.
  await panel.getByRole("checkbox", { name: new RegExp(ro.name) }).check();
  await panel.getByLabel("Review by").fill(londonDay(-1));
  await panel.getByLabel("A note for them (optional)").fill("The part on saying no, please.");
  await panel.getByRole("button", { name: "Ask for a review" }).click();
  await expect(panel.getByText("Choose today or a later date").first()).toBeVisible();
  await expect(panel.getByLabel("Review by")).toHaveValue(londonDay(-1));
  await expect(panel.getByLabel("A note for them (optional)")).toHaveValue("The part on saying no, please.");
  await expect(panel.getByRole("checkbox", { name: new RegExp(ro.name) })).toBeChecked();
  await checkPage(page);
  await fitsSmallScreen(page);

  const dueOn = londonDay(5);
  await panel.getByLabel("Review by").fill(dueOn);
  await panel.getByRole("button", { name: "Ask for a review" }).click();
  await expect(page.getByText("Asked. They are told in Alongside and by email as they chose.")).toBeVisible();
  await expect(panel.getByText(`Not answered yet: ${ro.name}`)).toBeVisible();
  await checkPage(page);

  // The collaborator hears by email, and sees it on the Workshop list and in the module.
  const mail = await waitForMail(ro.email, /asked you to review/);
  expect(mail.subject).toBe(`Fran Mills asked you to review ${module.title} by ${longDate(dueOn)}`);
  expect(linkIn(mail, sharedServer.baseURL)).toBe(`${sharedServer.baseURL}/workshop/${module.id}/review`);
  expect(mail.text).toContain(`${sharedServer.baseURL}/unsubscribe/`);

  const reviewer = await newPage();
  await reviewer.setViewportSize({ width: 390, height: 844 });
  await signIn(reviewer, ro.email);
  await reviewer.goto("/workshop");
  await checkPage(reviewer);
  const asked = reviewer.getByRole("region", { name: "Reviews you have been asked for" });
  await expect(asked).toContainText(`by ${longDate(dueOn)} (asked by Fran Mills)`);
  await fitsSmallScreen(reviewer);
  await asked.getByRole("link", { name: module.title }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/workshop/${module.id}/review$`));
  await expect(reviewer.getByRole("note")).toContainText(
    `Fran Mills asked you to review this module by ${longDate(dueOn)}.`,
  );
  await checkPage(reviewer);
  await fitsSmallScreen(reviewer);

  // Kit is on the module but was not asked: answering for the request is not found, and changes nothing.
  const requestId = (
    tableRows(sharedServer.databasePath, "review_requests") as { id: string; module_id: string }[]
  ).find((r) => r.module_id === module.id)?.id;
  const other = await newPage();
  await signIn(other, kit.email);
  const forged = await other.request.post(`/workshop/${module.id}/review`, {
    form: { intent: "reviewDone", requestId: requestId ?? "", note: "" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(404);

  const theirs = reviewer.getByRole("region", { name: "Review requests" });
  await theirs.getByLabel("A note for the facilitator (optional)").fill("Kind and clear to me.");
  await theirs.getByRole("button", { name: "I'm done reviewing" }).click();
  await expect(reviewer.getByText("Thank you. The facilitator can see you are done reviewing.")).toBeVisible();
  await expect(reviewer.getByRole("note")).toHaveCount(0);
  await checkPage(reviewer);
  await reviewer.goto("/workshop");
  await expect(reviewer.getByRole("region", { name: "Reviews you have been asked for" })).toHaveCount(0);
  await checkPage(reviewer);

  await page.reload();
  await expect(panel.getByText("Everyone asked has answered.")).toBeVisible();
  await expect(panel.getByText(`${ro.name} is done reviewing: Kind and clear to me.`)).toBeVisible();
  await checkPage(page);
});
