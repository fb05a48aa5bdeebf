import type { Page } from "@playwright/test";
import { checkPage } from "./support/accessibility";
import { tableRows } from "./support/database";
import { expect, test } from "./support/fixtures";
import { DEMO, signUpOrganisation } from "./support/people";
import { signIn } from "./support/sessions";
import { sharedServer } from "./support/shared-server";
import { editorOf, PEOPLE, saveStatus, startFromStarter, typeAtEnd } from "./support/workshop";

const BY_ENROLMENT = ["progress_events", "module_progress", "course_completions"];

/**
 * The rows a learner's activity would write for the people previewing, to show a preview wrote none.
 * Only theirs: the shared server's other tests write learners' rows of their own meanwhile.
 */
function learnerRows() {
  const rows = (table: string) => tableRows(sharedServer.databasePath, table) as Record<string, unknown>[];
  const previewers = new Set(
    rows("users")
      .filter((u) => u.email === PEOPLE.facilitator.email || u.email === PEOPLE.coDesigner.email)
      .map((u) => u.id),
  );
  const enrolments = rows("enrolments").filter((e) => previewers.has(e.user_id));
  const theirEnrolments = new Set(enrolments.map((e) => e.id));
  return {
    enrolments,
    reflections: rows("reflections").filter((r) => previewers.has(r.user_id)),
    ...Object.fromEntries(BY_ENROLMENT.map((t) => [t, rows(t).filter((r) => theirEnrolments.has(r.enrolment_id))])),
  };
}

/** A copy of the boundaries starter with a support signpost and a new line at its end, saved. */
async function draftWithSignpost(page: Page) {
  await signIn(page, PEOPLE.facilitator.email);
  const module = await startFromStarter(page, "Boundaries and role clarity");
  await typeAtEnd(page, "Written just before the preview.", { newParagraph: true });
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Insert block" }).click();
  await page.getByRole("menu", { name: "Training blocks" }).getByRole("menuitem", { name: "Support signpost" }).click();
  await expect(editorOf(page)).toBeFocused();
  await page.keyboard.type("If this brings anything up for you, reach out.");
  await expect(editorOf(page).getByRole("region", { name: "Support signpost" }).last()).toContainText("reach out");
  await expect(saveStatus(page)).toHaveText("Saved");
  return module;
}

/** Every script a page asks for from now until `stop()`. */
function scriptsOf(viewer: Page) {
  const scripts: string[] = [];
  const listener = (request: { resourceType(): string; url(): string }) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  };
  viewer.on("request", listener);
  return {
    scripts,
    stop: () => viewer.off("request", listener),
  };
}

/**
 * Walks the draft in a preview as a learner would, in a browser with or without JavaScript, and
 * returns the scripts the preview pages asked for (the editor the last step leads back to has its own).
 */
async function walkThePreview(viewer: Page, moduleId: string) {
  const loaded = scriptsOf(viewer);
  await viewer.goto(`/workshop/${moduleId}/preview/1`);
  await expect(
    viewer.getByRole("heading", { level: 1, name: "What peer support is, and what it is not" }),
  ).toBeVisible();
  await expect(viewer.getByRole("note")).toContainText("Preview: not published");
  await checkPage(viewer);

  // A knowledge check works: the answer shows its feedback, and a better one can be tried.
  const check = viewer.getByRole("group", { name: /Which of these are part of your role/ });
  await check.getByLabel("Listening without judging").check();
  await viewer.getByRole("button", { name: "Check my answer" }).click();
  const feedback = viewer.getByRole("status").filter({ hasText: "Not quite" });
  await expect(feedback).toContainText("Being heard by someone who has been there");
  await checkPage(viewer);
  for (const label of ["Sharing parts of your own story", "Helping them find other services"]) {
    await viewer
      .getByRole("group", { name: /Which of these/ })
      .getByLabel(label)
      .check();
  }
  await viewer.getByRole("button", { name: "Check again" }).click();
  await expect(viewer.getByRole("status").filter({ hasText: "That's right." })).toBeVisible();
  await checkPage(viewer);

  // Section 2 has a content note: the gate first, and skip for now moves on.
  await viewer.getByRole("button", { name: "Next" }).click();
  await expect(viewer.getByRole("heading", { name: "Before you start: a content note" })).toBeVisible();
  await expect(viewer.getByText("This section talks about: Suicide.")).toBeVisible();
  await checkPage(viewer);
  await viewer.getByRole("button", { name: "Skip for now" }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: "Support or friendship?" })).toBeVisible();
  await checkPage(viewer);
  await viewer.getByRole("link", { name: "Previous" }).click();
  await viewer.getByRole("link", { name: "Continue to the section" }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: "When contact comes out of hours" })).toBeVisible();
  await checkPage(viewer);

  // A reflection prompt shows its box but says nothing is saved, and offers no way to save.
  await viewer.goto(`/workshop/${moduleId}/preview/5`);
  await expect(
    viewer.getByRole("heading", { level: 1, name: "Agreeing your role with your organisation" }),
  ).toBeVisible();
  await expect(viewer.getByText("Nothing written in a preview is saved.")).toBeVisible();
  await expect(viewer.getByRole("textbox", { name: /Which parts of your role feel clear/ })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Save to my journal" })).toHaveCount(0);
  await checkPage(viewer);

  // The last section holds what was typed a moment ago, and its signpost lists the real support.
  await viewer.getByRole("button", { name: "Next" }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: "Bringing it together" })).toBeVisible();
  await expect(viewer.getByText("Written just before the preview.")).toBeVisible();
  const signpost = viewer.getByRole("complementary", { name: "Support you can reach" }).last();
  await expect(signpost).toContainText("If this brings anything up for you, reach out.");
  await expect(signpost.getByRole("heading", { level: 3, name: "Samaritans" })).toBeVisible();
  await checkPage(viewer);
  loaded.stop();
  await viewer.getByRole("button", { name: "Finish" }).click();
  await expect(viewer).toHaveURL(new RegExp(`/workshop/${moduleId}$`));
  await checkPage(viewer);
  return loaded.scripts;
}

test("a facilitator previews the draft as a learner, with JavaScript, and nothing is recorded", async ({ page }) => {
  test.setTimeout(120_000);
  const module = await draftWithSignpost(page);
  const before = learnerRows();
  const opening = scriptsOf(page);
  await page.getByRole("link", { name: "Preview as a learner" }).click();
  await expect(page).toHaveURL(new RegExp(`/workshop/${module.id}/preview/1$`));
  await expect(page.getByRole("note")).toContainText("Preview: not published");
  await checkPage(page);
  opening.stop();
  // The preview pages load no script at all: neither the editor nor Yjs.
  expect(opening.scripts).toEqual([]);
  expect(await walkThePreview(page, module.id)).toEqual([]);
  expect(learnerRows()).toEqual(before);
});

test("the preview works without JavaScript, and records nothing", async ({ page, newPage }) => {
  test.setTimeout(120_000);
  const module = await draftWithSignpost(page);
  const before = learnerRows();
  const noScript = await newPage({ javaScriptEnabled: false });
  await signIn(noScript, PEOPLE.coDesigner.email);
  // The co-designer is not on this copy: a draft is only for the people on the module.
  const refused = await noScript.goto(`/workshop/${module.id}/preview/1`);
  expect(refused?.status()).toBe(403);
  await checkPage(noScript);

  const facilitator = await newPage({ javaScriptEnabled: false });
  await signIn(facilitator, PEOPLE.facilitator.email);
  expect(await walkThePreview(facilitator, module.id)).toEqual([]);
  expect(learnerRows()).toEqual(before);
});

test("another organisation's module is not found in preview, and a learner may not preview", async ({
  page,
  newPage,
}) => {
  const module = await draftWithSignpost(page);
  const other = await newPage();
  await signUpOrganisation(other);
  const response = await other.goto(`/workshop/${module.id}/preview/1`);
  expect(response?.status()).toBe(404);
  await expect(other.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible();
  await checkPage(other);
  expect(await other.content()).not.toContain("What peer support is");

  const learner = await newPage();
  await signIn(learner, DEMO.learner);
  const forbidden = await learner.goto(`/workshop/${module.id}/preview/1`);
  expect(forbidden?.status()).toBe(403);
  await checkPage(learner);
  expect(await learner.content()).not.toContain("What peer support is");
});
