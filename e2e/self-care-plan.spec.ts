/**
 * A learner's self-care plan: written in one course, updated from another (both invite it), and the
 * same on the journal's own page, with and without JavaScript. Too long a part is refused beside it,
 * with what was typed kept. Trainers' cohort pages and the progress CSV never hold the plan's words.
 */
import { checkPage } from "./support/accessibility";
import { download, goToCohortTab, openCohorts } from "./support/cohorts";
import { addMember } from "./support/database";
import { expect, test } from "./support/fixtures";
import { checkLearnerPage } from "./support/learning";
import { DEMO, uniqueName } from "./support/people";
import { expectNoSecrets } from "./support/privacy";
import { courseInvitingThePlan, openPlanIn, PLAN_PARTS, savePlan } from "./support/self-care";
import { signIn } from "./support/sessions";
import { sharedServer } from "./support/shared-server";

for (const javaScriptEnabled of [false, true]) {
  test(`a plan written in one course is updated from another and read in the journal, ${javaScriptEnabled ? "with" : "without"} JavaScript`, async ({
    newPage,
  }) => {
    test.setTimeout(180_000);
    const first = uniqueName("Caring for yourself");
    const second = uniqueName("Staying well");
    courseInvitingThePlan(first);
    courseInvitingThePlan(second);
    const person = addMember({
      databasePath: sharedServer.databasePath,
      adminEmail: DEMO.admin,
      name: uniqueName("Rowan"),
      roles: ["learner"],
    });
    const page = await newPage({ javaScriptEnabled });
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, person.email);
    const words = PLAN_PARTS.map((part) => `${part}: ${uniqueName("mine")}`);

    const firstEnrolment = await openPlanIn(page, first);
    for (const [i, part] of PLAN_PARTS.entries()) await page.getByRole("textbox", { name: part }).fill(words[i] ?? "");
    // Too long a part is refused beside its box, and every part keeps what was typed.
    await page.getByRole("textbox", { name: "Who I can contact" }).fill("x".repeat(2001));
    await page.getByRole("button", { name: "Save my plan" }).click();
    const contact = page.getByRole("textbox", { name: "Who I can contact" });
    await expect(contact).toHaveAccessibleDescription(/Keep "Who I can contact" to 2,000 characters\. It has 2,001\./);
    await expect(contact).toHaveValue("x".repeat(2001));
    await expect(page.getByRole("textbox", { name: "What helps me" })).toHaveValue(words[1] ?? "");
    await checkLearnerPage(page);
    await contact.fill(words[2] ?? "");
    await savePlan(page);

    // The same plan in another course: shown there, and changed from there.
    await openPlanIn(page, second);
    for (const [i, part] of PLAN_PARTS.entries()) {
      await expect(page.getByRole("textbox", { name: part })).toHaveValue(words[i] ?? "");
    }
    const helps = `What helps me now: ${uniqueName("swimming")}`;
    await page.getByRole("textbox", { name: "What helps me" }).fill(helps);
    await savePlan(page);

    // The journal's own page for it, kept from every cache.
    const response = await page.goto("/learn/journal");
    await checkLearnerPage(page);
    await page.getByRole("link", { name: "My self-care plan" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My self-care plan" })).toBeVisible();
    await checkLearnerPage(page);
    expect(response?.headers()["cache-control"]).toBe("no-store");
    const own = await page.request.get("/learn/journal/self-care");
    expect(own.headers()["cache-control"]).toBe("no-store");
    await expect(page.getByRole("textbox", { name: "What helps me" })).toHaveValue(helps);
    await expect(page.getByRole("textbox", { name: "The boundaries I keep" })).toHaveValue(words[3] ?? "");
    const boundaries = `The boundaries I keep now: ${uniqueName("evenings")}`;
    await page.getByRole("textbox", { name: "The boundaries I keep" }).fill(boundaries);
    await savePlan(page);
    await page.reload();
    await expect(page.getByRole("textbox", { name: "The boundaries I keep" })).toHaveValue(boundaries);

    // And back in the first course, the plan reads as changed.
    await page.goto(`/learn/e/${firstEnrolment}`);
    await page.getByRole("link", { name: "Your self-care plan", exact: true }).click();
    await expect(page.getByRole("textbox", { name: "The boundaries I keep" })).toHaveValue(boundaries);
    await checkLearnerPage(page);
  });
}

test("no trainer's cohort page, progress CSV or xAPI statements hold a learner's self-care plan", async ({
  newPage,
}) => {
  test.setTimeout(180_000);
  const course = uniqueName("Resting well");
  courseInvitingThePlan(course);
  // Bea, a demo learner in the trainer's cohort.
  const learner = await newPage({ javaScriptEnabled: false });
  await signIn(learner, "learner2@example.org");
  const secrets = PLAN_PARTS.map(() => `SECRET-plan-${uniqueName("p")}`);
  await openPlanIn(learner, course);
  for (const [i, part] of PLAN_PARTS.entries())
    await learner.getByRole("textbox", { name: part }).fill(secrets[i] ?? "");
  await savePlan(learner);

  const trainer = await newPage();
  await signIn(trainer, DEMO.trainer);
  await openCohorts(trainer);
  await trainer.getByRole("link", { name: "Winter peer supporters" }).click();
  await checkPage(trainer);
  for (const tab of ["Progress", "Learners", "Assignments", "Details and facilitators"] as const) {
    await goToCohortTab(trainer, tab);
    await checkPage(trainer);
    await expectNoSecrets(trainer, secrets);
  }
  await goToCohortTab(trainer, "Progress");
  const csv = await download(trainer, trainer.getByRole("link", { name: "Download progress (CSV)" }));
  expect(csv.text.length).toBeGreaterThan(0);
  for (const secret of secrets) expect(csv.text, "the progress CSV holds a learner's plan").not.toContain(secret);
  const xapi = await download(trainer, trainer.getByRole("link", { name: "Download xAPI statements (JSON)" }));
  expect(xapi.text.length).toBeGreaterThan(0);
  for (const secret of secrets) expect(xapi.text, "the xAPI statements hold a learner's plan").not.toContain(secret);
  await goToCohortTab(trainer, "Learners");
  await trainer.getByRole("link", { name: "Bea Okafor", exact: true }).click();
  await expect(trainer).toHaveURL(/\/learners\/[A-Za-z0-9_-]{22}$/);
  await expect(trainer.getByRole("heading", { level: 2, name: "Bea Okafor" })).toBeVisible();
  await checkPage(trainer);
  await expectNoSecrets(trainer, secrets);
  expect((await trainer.request.get("/learn/journal/self-care")).status()).toBeGreaterThanOrEqual(400);
});
