/**
 * Reuse in the Workshop: a module duplicated without its conversations, a template offered beside
 * the starter modules, content files imported from the browser (all or nothing), and a module
 * downloaded as its content file.
 */
import fs from "node:fs";
import { strToU8, zipSync } from "fflate";
import { checkPage } from "./support/accessibility";
import { expect, test } from "./support/fixtures";
import { uniqueName } from "./support/people";
import { signIn } from "./support/sessions";
import {
  commentOnSelection,
  createModule,
  goToTab,
  PEOPLE,
  selectWords,
  threadOf,
  typeAndSave,
  waitForEditor,
} from "./support/workshop";

test.describe.configure({ timeout: 120_000 });

const contentFile = (title: string, body = "Peer support is a relationship between equals.") =>
  ["---", `title: ${title}`, "topic: boundaries", "estimatedMinutes: 10", "---", "", "## Welcome", "", body, ""].join(
    "\n",
  );

test("a facilitator duplicates a module: same text, no comments, only them on it; and offers it as a template that starts a new draft", async ({
  page,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  const module = await createModule(page);
  const line = "Peer support is a relationship between equals.";
  await typeAndSave(page, line);
  await selectWords(page, line, "equals");
  await commentOnSelection(page, "Is this the right word?");
  await expect(threadOf(page, "equals")).toBeVisible();

  await goToTab(page, "Details and people");
  const reuse = page.getByRole("region", { name: "Reuse" });
  await reuse.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Copy of ${module.title}` })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Your copy is ready" })).toBeVisible();
  await waitForEditor(page);
  await checkPage(page);
  await expect(page.getByRole("textbox", { name: "Module content" })).toContainText(line);
  await expect(threadOf(page, "equals")).toHaveCount(0);
  await goToTab(page, "Details and people");
  await expect(page.getByRole("region", { name: "Collaborators" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Collaborators" })).toContainText(PEOPLE.facilitator.name);

  // The original becomes a template, offered when starting a new module.
  await page.goto(`${module.path}/people`);
  await checkPage(page);
  await page.getByRole("region", { name: "Reuse" }).getByRole("button", { name: "Offer as a template" }).click();
  await expect(page.getByRole("region", { name: "Reuse" })).toContainText("This module is a template");
  await checkPage(page);
  await page.goto("/workshop/new");
  await checkPage(page);
  const templates = page.getByRole("region", { name: "Or start from one of your templates" });
  await templates.getByRole("button", { name: `Start from template “${module.title}”` }).click();
  await expect(page.getByRole("heading", { level: 1, name: module.title })).toBeVisible();
  await waitForEditor(page);
  await checkPage(page);
  await expect(page).not.toHaveURL(new RegExp(module.id));
  await expect(page.getByRole("textbox", { name: "Module content" })).toContainText(line);
  await expect(threadOf(page, "equals")).toHaveCount(0);

  // Stopped, it is no longer offered.
  await page.goto(`${module.path}/people`);
  await checkPage(page);
  await page.getByRole("button", { name: "Stop offering as a template" }).click();
  await expect(page.getByRole("button", { name: "Offer as a template" })).toBeVisible();
  await page.goto("/workshop/new");
  await checkPage(page);
  await expect(page.getByRole("button", { name: `Start from template “${module.title}”` })).toHaveCount(0);
});

test("a facilitator imports a zip of content files as drafts, and downloads one as its content file", async ({
  page,
}) => {
  await signIn(page, PEOPLE.facilitator.email);
  await page.goto("/workshop/new");
  await checkPage(page);
  const first = uniqueName("Imported first");
  const second = uniqueName("Imported second");
  const zip = zipSync({ "a.md": strToU8(contentFile(first)), "more/b.md": strToU8(contentFile(second)) });
  const form = page.getByRole("region", { name: "Or import content files" });
  await form.getByLabel("Content file or zip").setInputFiles({
    name: "pack.zip",
    mimeType: "application/zip",
    buffer: Buffer.from(zip),
  });
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("status")).toContainText("Imported 2 drafts");
  await checkPage(page);
  await form.getByRole("link", { name: second }).click();
  await expect(page.getByRole("heading", { level: 1, name: second })).toBeVisible();
  await waitForEditor(page);
  await checkPage(page);

  await goToTab(page, "Details and people");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as a content file" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^imported-second-[0-9a-f]{6}\.md$/);
  const text = fs.readFileSync(await download.path(), "utf8");
  expect(text).toContain(`title: ${second}`);
  expect(text).toContain("Peer support is a relationship between equals.");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an import with a broken file, a path out of the zip, or something that is not a zip is refused and makes nothing", async ({
    page,
  }) => {
    await signIn(page, PEOPLE.facilitator.email);
    await page.goto("/workshop/new");
    await checkPage(page);
    const title = uniqueName("Never imported");
    const form = page.getByRole("region", { name: "Or import content files" });
    const upload = async (name: string, buffer: Buffer) => {
      await form
        .getByLabel("Content file or zip")
        .setInputFiles({ name, mimeType: "application/octet-stream", buffer });
      await form.getByRole("button", { name: "Import" }).click();
      await expect(page.getByRole("alert")).toContainText("Nothing was imported");
      await checkPage(page);
    };

    const broken = contentFile(title).replace("topic: boundaries", "topic: juggling");
    await upload(
      "broken.zip",
      Buffer.from(zipSync({ "ok.md": strToU8(contentFile(title)), "bad.md": strToU8(broken) })),
    );
    await expect(page.getByRole("alert")).toContainText("You chose “broken.zip”");
    await expect(page.getByRole("alert").getByRole("listitem").first()).toHaveText(/^bad\.md:\d+/);

    await upload("escape.zip", Buffer.from(zipSync({ "ok.md": strToU8(contentFile(title)), "../x.md": strToU8("x") })));
    await expect(page.getByRole("alert")).toContainText("a path outside the zip's own folders");

    await upload("photo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await expect(page.getByRole("alert")).toContainText("is neither a content file (.md) nor a zip of them");

    await page.goto(`/workshop?q=${encodeURIComponent(title)}`);
    await checkPage(page);
    await expect(page.getByRole("heading", { name: `No modules match “${title}”` })).toBeVisible();
  });
});
