/**
 * Images in modules, end to end: a facilitator uploads one with alt text from the editor, a
 * co-designer sees it arrive live, the module is published in a course, and a learner without
 * JavaScript gets it as a responsive, lazily loaded image kept for a year; another organisation's
 * people get 404. What cannot be used is refused in the dialog, with what was typed kept.
 */
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import {
  addModuleToCourse,
  checkLearnerPage,
  createCourse,
  joinAsLearner,
  publishCourse,
  startOpenCourse,
} from "./support/learning";
import { DEMO, logIn, signUpOrganisation, uniqueName } from "./support/people";
import { addCollaborator, createModule, editorOf, goToTab, openModule, PEOPLE, saveStatus } from "./support/workshop";

const ALT = "Two people sitting on a park bench, talking";

const jpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#3a7d44" } })
    .jpeg()
    .toBuffer();

async function openImageDialog(page: Page) {
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Image", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Add an image" });
  await expect(dialog).toBeVisible();
  await checkPage(page);
  return dialog;
}

test("an image uploaded with alt text reaches co-authors live and learners without JavaScript, and no other organisation", async ({
  page,
  newPage,
}) => {
  test.setTimeout(180_000);
  await logIn(page, DEMO.facilitator);
  const module = await createModule(page, { title: uniqueName("Sitting with someone") });
  await addCollaborator(page, PEOPLE.coDesigner.name);
  await goToTab(page, "Write");

  const jordan = await newPage();
  await logIn(jordan, PEOPLE.coDesigner.email);
  await openModule(jordan, module);

  // A section for learners to walk through, then the image under it.
  await editorOf(page).click();
  await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Section heading" }).click();
  await page.keyboard.type("Being there");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Sometimes sitting beside someone is enough.");
  await page.keyboard.press("Enter");

  const dialog = await openImageDialog(page);
  // Neither file nor words: both are asked for, and nothing is uploaded.
  await dialog.getByRole("button", { name: "Add image" }).click();
  await expect(dialog.getByText("Choose a picture file (PNG, JPEG, WebP or GIF) to upload.")).toBeVisible();
  await expect(dialog.getByText("Say what the image shows, or tick that it is decorative.")).toBeVisible();
  await checkPage(page);

  // An SVG renamed .png is refused by the server, with the alt text kept.
  await dialog.getByLabel("Alt text: what the image shows").fill(ALT);
  await dialog.getByLabel("Image file").setInputFiles({
    name: "bench.png",
    mimeType: "image/png",
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  });
  await dialog.getByRole("button", { name: "Add image" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "“bench.png” is an SVG drawing, which cannot be used here. Save it as a PNG and try again.",
  );
  await expect(dialog.getByLabel("Alt text: what the image shows")).toHaveValue(ALT);
  await checkPage(page);

  // A real photo goes in, with its words.
  await dialog.getByLabel("Image file").setInputFiles({
    name: "bench.jpg",
    mimeType: "image/jpeg",
    buffer: await jpeg(2400, 1800),
  });
  await dialog.getByRole("button", { name: "Add image" }).click();
  await expect(dialog).toHaveCount(0);
  const inEditor = editorOf(page).getByRole("img", { name: ALT });
  await expect(inEditor).toHaveAttribute("width", "1600");
  await expect(inEditor).toHaveAttribute("height", "1200");
  await expect(saveStatus(page)).toHaveText("Saved");
  await checkPage(page);

  // Jordan sees it arrive, and his browser may load it.
  const live = editorOf(jordan).getByRole("img", { name: ALT });
  await expect(live).toBeVisible();
  await expect.poll(() => live.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  await checkPage(jordan);
  const src = (await live.getAttribute("src")) ?? "";
  expect(src).toMatch(/^\/images\/[A-Za-z0-9_-]{22}\/full$/);

  // Review and publish: both sign off.
  await goToTab(page, "Review");
  await page.getByRole("button", { name: "Start the review" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "In review" })).toBeVisible();
  await checkPage(page);
  for (const box of await page.getByRole("group", { name: "Safety checklist" }).getByRole("checkbox").all()) {
    await box.check();
  }
  await page.getByRole("button", { name: /^Sign off revision \d+$/ }).click();
  await expect(page.getByRole("row").filter({ hasText: "(you)" })).toContainText("Signed off the current revision");
  await checkPage(page);
  await goToTab(jordan, "Review");
  await jordan.getByRole("button", { name: /^Sign off revision \d+$/ }).click();
  await expect(jordan.getByText("Everyone has signed off this revision. A facilitator can publish it.")).toBeVisible();
  await checkPage(jordan);
  await page.reload();
  await checkPage(page);
  const publish = page.getByRole("region", { name: "Publish" });
  await publish.getByLabel("What is in this version").fill("With a picture of two people talking.");
  await publish.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published as version 1." })).toBeVisible();
  await checkPage(page);

  // In a course open to everyone.
  const courseTitle = uniqueName("Being alongside");
  await createCourse(page, { title: courseTitle, description: "Being there for someone." });
  await addModuleToCourse(page, module.title);
  await publishCourse(page, "First version.");

  // A new learner, without JavaScript, reads the section with the image.
  const admin = await newPage();
  await logIn(admin, DEMO.admin);
  const learner = await newPage({ javaScriptEnabled: false });
  await joinAsLearner(admin, learner, "Viewer");
  await startOpenCourse(learner, courseTitle);
  await learner.getByRole("link", { name: "Continue where you left off" }).click();
  await expect(learner.getByRole("heading", { level: 1, name: "Being there" })).toBeVisible();
  await checkLearnerPage(learner);
  const image = learner.getByRole("img", { name: ALT });
  const imageId = /^\/images\/([A-Za-z0-9_-]{22})\//.exec(src)?.[1];
  await expect(image).toHaveAttribute("src", `/images/${imageId}/full`);
  await expect(image).toHaveAttribute("srcset", `/images/${imageId}/phone 640w, /images/${imageId}/full 1600w`);
  await expect(image).toHaveAttribute("sizes", "(max-width: 42rem) 100vw, 42rem");
  await expect(image).toHaveAttribute("loading", "lazy");
  await expect(image).toHaveAttribute("width", "1600");
  await expect(image).toHaveAttribute("height", "1200");
  await image.scrollIntoViewIfNeeded();
  await expect(image).toHaveJSProperty("complete", true);
  await expect.poll(() => image.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);

  for (const variant of ["full", "phone"]) {
    const answer = await learner.request.get(`/images/${imageId}/${variant}`);
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toBe("image/webp");
    expect(answer.headers()["cache-control"]).toBe("private, max-age=31536000, immutable");
    const copy = await sharp(await answer.body()).metadata();
    expect(copy.width).toBe(variant === "full" ? 1600 : 640);
    expect(copy.exif).toBeUndefined();
  }

  // Someone of another organisation: not found, as if it did not exist.
  const outsider = await newPage();
  await signUpOrganisation(outsider);
  for (const variant of ["full", "phone"]) {
    expect((await outsider.request.get(`/images/${imageId}/${variant}`)).status()).toBe(404);
  }
  await outsider.goto(`/images/${imageId}/full`);
  await expect(outsider.getByRole("heading", { level: 1 })).toBeVisible();
  await checkPage(outsider);
});

test("the server refuses an upload over 5 MB with a plain sentence, before reading it all", async ({ page }) => {
  await logIn(page, DEMO.facilitator);
  const module = await createModule(page);
  const answer = await page.request.post(`${module.path}/images`, {
    multipart: { file: { name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(50 * 1024 * 1024) } },
  });
  expect(answer.status()).toBe(413);
  expect(await answer.text()).toBe(
    "That image is too large to upload (the limit is 5 MB). Save a smaller copy and try again.",
  );
});

test("the dialog refuses a file over 5 MB before sending it, keeping the words", async ({ page }) => {
  await logIn(page, DEMO.facilitator);
  await createModule(page);
  const dialog = await openImageDialog(page);
  await dialog.getByLabel("Alt text: what the image shows").fill(ALT);
  await dialog.getByLabel("Image file").setInputFiles({
    name: "huge.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.alloc(6 * 1024 * 1024),
  });
  await dialog.getByRole("button", { name: "Add image" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "That image is larger than 5 MB. Save a smaller copy and try again.",
  );
  await expect(dialog.getByLabel("Alt text: what the image shows")).toHaveValue(ALT);
  await checkPage(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(editorOf(page).getByRole("img")).toHaveCount(0);
});
