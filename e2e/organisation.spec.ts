/**
 * The organisation's admin pages: support resources and the activity log, in a new organisation of
 * the test's own.
 */
import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { londonDay, openCohorts, submitNewCohort } from "./support/cohorts";
import { expect, test } from "./support/fixtures";
import { signUpOrganisation, uniqueName } from "./support/people";

async function openOrganisationTab(page: Page, tab: string) {
  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: tab }).click();
  await expect(page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: tab })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await checkPage(page);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("adding a support resource lists it and empties the form for the next one", async ({ page }) => {
      await signUpOrganisation(page);
      await openOrganisationTab(page, "Support resources");
      const form = page.getByRole("region", { name: "Add a support resource" });
      const name = uniqueName("Peer line");

      // A problem first: what was typed stays, beside the message.
      await form.getByLabel("Name", { exact: true }).fill(name);
      await form.getByLabel("Website (optional)").fill("http://not-secure.example");
      await form.getByRole("button", { name: "Add resource" }).click();
      await expect(form.getByRole("alert")).toContainText("Enter a web address starting with https://");
      await expect(form.getByLabel("Name", { exact: true })).toHaveValue(name);
      await checkPage(page);

      await form.getByLabel("What it is for").fill("Someone to talk to after a hard shift.");
      await form.getByLabel("Website (optional)").fill("https://peer-line.example.org");
      await form.getByLabel("Opening hours (optional)").fill("Evenings, 6pm to 11pm");
      await form.getByRole("button", { name: "Add resource" }).click();
      await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
      await expect(form.getByRole("alert")).toHaveCount(0);
      for (const label of ["Name", "What it is for", "Phone (optional)", "Text (optional)", "Website (optional)"]) {
        await expect(form.getByLabel(label, { exact: true }), label).toHaveValue("");
      }
      await expect(form.getByLabel("Opening hours (optional)")).toHaveValue("");
      await checkPage(page);
    });
  });
}

test("the activity log says what happened in plain words, with roles by their names", async ({ page }) => {
  const admin = await signUpOrganisation(page);
  await page.getByRole("link", { name: `Change roles for ${admin.name}` }).click();
  await expect(page.getByRole("heading", { level: 2, name: admin.name })).toBeVisible();
  await checkPage(page);
  const roles = page.getByRole("group", { name: "Roles" });
  await roles.getByRole("checkbox", { name: /^Co-designer/ }).check();
  await roles.getByRole("checkbox", { name: /^Trainer/ }).check();
  await page.getByRole("button", { name: "Save roles" }).click();
  await expect(page.getByRole("row").filter({ hasText: admin.email })).toContainText(
    "Organisation admin, Co-designer, Trainer",
  );
  await checkPage(page);

  const cohortName = uniqueName("Autumn group");
  await openCohorts(page);
  await submitNewCohort(page, { name: cohortName, startsOn: londonDay(0) });
  await expect(page.getByRole("heading", { level: 1, name: cohortName })).toBeVisible();
  await checkPage(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organisation" }).click();
  await page.waitForURL(/\/organisation(\?.*)?$/);
  await checkPage(page);
  await openOrganisationTab(page, "Activity log");
  const log = page.getByRole("table", { name: "The last 100 security events in this organisation" });
  const what = log.getByRole("row").locator("td:nth-child(3)");
  await expect(what).toContainText([
    `Created the cohort ${cohortName}`,
    `Changed the roles of ${admin.name} to Organisation admin, Co-designer and Trainer`,
    "Created the organisation",
  ]);
  await expect(log).not.toContainText(/co_designer|_|\b[a-z]+\.[a-z]+\b/);
});
