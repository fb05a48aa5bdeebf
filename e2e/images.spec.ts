/**
 * Images in modules, end to end: a facilitator uploads one with alt text from the editor, a
 * co-designer sees it arrive live, the module is published in a course, and a learner without
 * JavaScript gets it as a responsive, lazily loaded image kept for a year; another organisation's
 * people get 404. What cannot be used is refused in the dialog, with what was typed kept.
 */
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { strToU8, unzipSync, zipSync } from "fflate";
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
import { DEMO, signUpOrganisation, uniqueName } from "./support/people";
import { signIn } from "./support/sessions";
import {
  addCollaborator,
  createModule,
  cursorToEndOf,
  documentText,
  editorOf,
  goToTab,
  openModule,
  PEOPLE,
  saveStatus,
  writeThreeSections,
} from "./support/workshop";

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
  await signIn(page, DEMO.facilitator);
  const module = await createModule(page, { title: uniqueName("Sitting with someone") });
  await addCollaborator(page, PEOPLE.coDesigner.name);
  await goToTab(page, "Write");

  const jordan = await newPage();
  await signIn(jordan, PEOPLE.coDesigner.email);
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
  await signIn(admin, DEMO.admin);
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
  await signIn(page, DEMO.facilitator);
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
  await signIn(page, DEMO.facilitator);
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

/** The module's section headings and images, in document order, as "h: title" and "img: alt". */
function headingsAndImages(page: Page) {
  return editorOf(page)
    .locator("h2, figure img")
    .evaluateAll((els) =>
      els.map((el) => {
        if (el.tagName === "IMG") return `img: ${el.getAttribute("alt")}`;
        // Without other people's carets, whose labels sit inside the heading they are in.
        const copy = el.cloneNode(true) as HTMLElement;
        for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
        return `h: ${copy.textContent}`;
      }),
    );
}

test("one person inserts an image while another moves a section; both end the same, and alt text changed later reaches both", async ({
  page,
  newPage,
}) => {
  test.setTimeout(150_000);
  await signIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  await writeThreeSections(page);
  await addCollaborator(page, PEOPLE.coDesigner.name, "Co-designer");
  await goToTab(page, "Write");
  const jordan = await newPage();
  await signIn(jordan, PEOPLE.coDesigner.email);
  await openModule(jordan, module);
  const headings = (p: Page) => editorOf(p).getByRole("heading", { level: 2 });
  await expect(headings(jordan)).toHaveText(["Welcome", "Boundaries", "Looking after yourself"]);

  await cursorToEndOf(page, editorOf(page).getByRole("paragraph").filter({ hasText: "We start with who is here." }));
  const dialog = await openImageDialog(page);
  await dialog.getByLabel("Alt text: what the image shows").fill(ALT);
  await dialog.getByLabel("Image file").setInputFiles({
    name: "bench.jpg",
    mimeType: "image/jpeg",
    buffer: await jpeg(1200, 800),
  });
  await cursorToEndOf(jordan, headings(jordan).filter({ hasText: "Looking after yourself" }));
  await Promise.all([
    dialog.getByRole("button", { name: "Add image" }).click(),
    (async () => {
      await jordan.keyboard.press("Alt+Shift+ArrowUp");
      await jordan.keyboard.press("Alt+Shift+ArrowUp");
    })(),
  ]);
  await expect(dialog).toHaveCount(0);

  const expected = ["h: Looking after yourself", "h: Welcome", `img: ${ALT}`, "h: Boundaries"];
  for (const person of [page, jordan]) {
    await expect(saveStatus(person)).toHaveText("Saved");
    await expect.poll(() => headingsAndImages(person), { timeout: 15_000 }).toEqual(expected);
  }
  expect(await documentText(jordan)).toBe(await documentText(page));

  // Jordan finds a better description: an empty one is refused with a message, then his words reach Fran.
  const picture = editorOf(jordan)
    .getByRole("figure")
    .filter({ has: jordan.getByRole("img", { name: ALT }) });
  await expect(picture).toContainText(`Alt text: “${ALT}”`);
  await picture.getByRole("button", { name: "Change alt text" }).click();
  const describe = picture.getByRole("group", { name: "Describe this image" });
  await describe.getByLabel("Alt text: what the image shows").fill("");
  await describe.getByRole("button", { name: "Save alt text" }).click();
  await expect(describe.getByRole("alert")).toHaveText("Say what the image shows, or tick that it is decorative.");
  await checkPage(jordan);
  const better = "Two peer supporters on a bench by a river, one listening";
  await describe.getByLabel("Alt text: what the image shows").fill(better);
  await describe.getByRole("button", { name: "Save alt text" }).click();
  await expect(describe).toHaveCount(0);
  await expect(editorOf(page).getByRole("img", { name: better })).toBeVisible({ timeout: 15_000 });
  await expect(saveStatus(jordan)).toHaveText("Saved");
  await page.reload();
  await expect(editorOf(page).getByRole("img", { name: better })).toBeVisible();
  await expect(editorOf(page).getByRole("figure")).toContainText(`Alt text: “${better}”`);
  await checkPage(page);
});

test("a zip of a content file and its images imports with the pictures in place, and downloads again with them beside it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, PEOPLE.facilitator.email);
  await page.goto("/workshop/new");
  await checkPage(page);
  const title = uniqueName("With a picture");
  const file = (image: string) =>
    [
      "---",
      `title: ${title}`,
      "topic: boundaries",
      "estimatedMinutes: 10",
      "---",
      "",
      "## Welcome",
      "",
      image,
      "",
    ].join("\n");
  const form = page.getByRole("region", { name: "Or import content files" });
  const upload = async (files: Record<string, Uint8Array>) => {
    await form.getByLabel("Content file or zip").setInputFiles({
      name: "pack.zip",
      mimeType: "application/zip",
      buffer: Buffer.from(zipSync(files)),
    });
    await form.getByRole("button", { name: "Import" }).click();
  };

  // A picture the file names but the zip lacks is named by file and line, and nothing is made.
  await upload({ "lesson.md": strToU8(file(`![${ALT}](pictures/bench.jpg)`)) });
  await expect(page.getByRole("alert")).toContainText("Nothing was imported");
  await expect(page.getByRole("alert").getByRole("listitem")).toHaveText(
    "lesson.md:9: “pictures/bench.jpg” is missing: add the image at pictures/bench.jpg, beside the content file, or remove this line.",
  );
  await checkPage(page);

  await upload({
    "lesson.md": strToU8(file(`![${ALT}](pictures/bench.jpg)`)),
    "pictures/bench.jpg": new Uint8Array(await jpeg(1200, 800)),
  });
  await expect(form.getByRole("status")).toContainText("Imported 1 draft");
  await form.getByRole("link", { name: title }).click();
  const picture = editorOf(page).getByRole("img", { name: ALT });
  await expect(picture).toHaveAttribute("width", "1200");
  await expect.poll(() => picture.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  await checkPage(page);

  await goToTab(page, "Details and people");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download with its images" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^with-a-picture-[0-9a-f]{6}\.zip$/);
  const files = unzipSync(new Uint8Array(fs.readFileSync(await download.path())));
  const names = Object.keys(files).sort();
  expect(names).toHaveLength(2);
  const [image, text] = names;
  expect(image).toMatch(/^images\/[A-Za-z0-9_-]{22}\.webp$/);
  expect(text).toMatch(/\.md$/);
  expect(new TextDecoder().decode(files[text ?? ""])).toContain(`![${ALT}](${image})`);
  expect((await sharp(Buffer.from(files[image ?? ""] ?? [])).metadata()).width).toBe(1200);
});
